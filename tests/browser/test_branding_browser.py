"""A branded site and a site started with `dateline init`, in Chromium.

The brand stylesheet must actually win over main.css's defaults (the header band, links,
the font stack), the logo must load, all of it under a strict Content-Security-Policy, and
axe-core must find nothing serious on a branded page or on a new site's pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_a11y import BLOCKING, WIDTHS, axe_source, describe
from test_theme import csp_violations

from sitebuild import SITES, build_site, serve

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">'
       b'<rect width="40" height="40" fill="#ffffff"/></svg>')
PRIMARY, ACCENT = "rgb(15, 61, 62)", "rgb(11, 110, 79)"


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    base = tmp_path_factory.mktemp("branded")
    content = base / "content"
    shutil.copytree(SITES / "tiny" / "content", content)
    (content / "logo.svg").write_bytes(SVG)
    issuer = content / "issuer.yaml"
    issuer.write_text(issuer.read_text(encoding="utf-8") + (
        "branding:\n  logo: logo.svg\n  logo_alt: %s\n  primary: '#0f3d3e'\n"
        "  accent: '#0b6e4f'\n  font: 'Noto Serif, DejaVu Serif, serif'\n"
        % json.dumps("Northgate Tungsten logo")), encoding="utf-8")
    output = Path(build_site(content, base / "output", SITEURL=""))
    url, server = serve(output)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """A site from `dateline init`, built with its own Makefile."""
    where = tmp_path_factory.mktemp("started")
    dateline = Path(sys.executable).parent / "dateline"
    subprocess.run([str(dateline), "init", str(where / "site"), "--name", "Kestrel Lithium Ltd.",
                    "--ticker", "TSXV:KLI", "--website", "https://kestrel.example",
                    "--timezone", "America/Vancouver", "--contact-name", "Sam Poe"],
                   check=True, capture_output=True)
    subprocess.run(["make", "html", f"DATELINE={dateline}"], cwd=where / "site", check=True,
                   capture_output=True)
    url, server = serve(where / "site" / "output")
    yield url
    server.shutdown()


def test_the_brand_wins_over_main_css(page, branded):
    for path in ["/", "/about/", "/releases/2021/northgate-grants-options/"]:
        page.goto(branded + path)
        header = page.evaluate("getComputedStyle(document.querySelector('.site-header'))"
                               ".backgroundColor")
        link = page.evaluate("getComputedStyle(document.querySelector('.site-footer a')).color")
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert (header, link) == (PRIMARY, ACCENT), path
        assert font.startswith('"Noto Serif", "DejaVu Serif", serif'), font
        logo = page.locator("img.site-logo")
        assert logo.get_attribute("alt") == "Northgate Tungsten logo"
        assert logo.evaluate("img => img.complete && img.naturalWidth") == 40
        assert 0 < logo.bounding_box()["height"] <= 40


def test_a_branded_site_works_under_strict_csp(browser, branded, monkeypatch):
    import test_theme

    monkeypatch.setattr(test_theme, "BRAND_BLUE", PRIMARY)  # the header shows the brand colour
    assert csp_violations(browser, branded, ["/", "/about/", "/grants/"]) == []


@pytest.fixture(scope="module")
def tabs(browser):
    contexts = {name: browser.new_context(viewport={"width": w, "height": 900})
                for name, w in WIDTHS.items()}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("site, path", [
    ("branded", "/"), ("branded", "/about/"),
    ("branded", "/releases/2021/northgate-grants-options/"),
    ("started", "/"), ("started", "/about/"), ("started", "/releases/"), ("started", "/404.html"),
])
def test_no_serious_axe_violations(tabs, request, site, path, width_name):
    tab = tabs[width_name]
    response = tab.goto(request.getfixturevalue(site) + path)
    assert response is not None and response.ok
    tab.add_script_tag(content=axe_source())
    results = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"] or results["incomplete"], "axe ran no rule"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{site} {path} at {width_name}:\n{describe(blocking)}"
