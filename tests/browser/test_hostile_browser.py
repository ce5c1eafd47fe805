"""Hostile content in Chromium: no dialog opens on any page of the attacked site, with or
without the strict CSP a careful host sends (GitHub Pages sends none), and every page keeps
its text. The sanitiser's output for the OWASP vectors is opened in Chromium too.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from sitebuild import SITES, build_site, serve

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import VECTORS, write_vector_release  # noqa: E402

CSP = "default-src 'self'"
# Fire what inline handlers listen for, on every element, and focus what can be focused.
PROVOKE = """() => {
  const kinds = ["mouseover", "mouseenter", "mousemove", "focus", "focusin", "error", "load",
                 "toggle", "animationstart", "pointerover", "input", "change", "begin"];
  for (const element of document.querySelectorAll("*")) {
    for (const kind of kinds) element.dispatchEvent(new Event(kind));
    if (typeof element.focus === "function") element.focus();
  }
}"""
# What a browser could still run: handler attributes and script-bearing addresses.
LIVE = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\\u0000-\\u0020\\u007f]/g, "").toLowerCase();
      if (attribute.name.startsWith("on")) found.push(`${element.localName} ${attribute.name}`);
      if (/^(javascript|vbscript|data):/.test(value)) {
        found.push(`${element.localName} ${attribute.name}=${value}`);
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    base = tmp_path_factory.mktemp("attacked")
    shutil.copytree(SITES / "attacks" / "content", base / "content")
    write_vector_release(base / "content")
    site = build_site(base / "content", base / "output", base / "cache", SITEURL="")
    url, server = serve(site)
    yield url, site
    server.shutdown()


def _open(context, url: str) -> tuple[object, list[str]]:
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, dialogs


def _add_csp(route):
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})


@pytest.mark.parametrize("csp", [False, True], ids=["no-csp", "strict-csp"])
def test_no_page_of_the_attacked_site_runs_script(browser, attacked, csp):
    base, site = attacked
    context = browser.new_context()
    if csp:
        context.route("**/*", _add_csp)
    try:
        paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        assert len(paths) >= 8
        page, dialogs = _open(context, "about:blank")
        for path in paths:
            page.goto(f"{base}/{path}", wait_until="load")
            page.evaluate(PROVOKE)
            page.wait_for_timeout(50)
            assert dialogs == [], f"{path}: a dialog opened: {dialogs}"
            assert page.evaluate(LIVE) == [], path
    finally:
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def test_comment_openers_in_the_json_ld_leave_the_page_whole(browser, attacked):
    """`<!--<script>` in a title, dateline, issuer name or body once blanked the page."""
    base, site = attacked
    context = browser.new_context()
    try:
        page, dialogs = _open(context, f"{base}/releases/2024/attribute-lists/")
        body = page.locator(".release-body").inner_text(timeout=5000)
        lead = "Northgate Tungsten Corp. reports assays from the Kestrel project <!--<script> today"
        assert lead in body
        title = page.locator("h1").inner_text()
        assert "Kestrel results </script><script>alert(1)</script>" in title
        assert page.locator(".side-grants").is_visible()
        assert page.locator(".disclaimer").is_visible()
        assert dialogs == []
    finally:
        context.close()


def test_sanitised_owasp_vectors_run_nothing_in_chromium(browser):
    from dateline.content.sanitize import clean_html

    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        # the harness itself: an unsanitised vector does open a dialog here
        page.set_content("<img src=x onerror=alert('control')>")
        page.wait_for_timeout(100)
        assert dialogs == ["control"]
        dialogs.clear()
        cleaned = "\n".join(f"<section>{clean_html(v)}</section>" for v in VECTORS.values())
        page.set_content(f"<!doctype html><title>vectors</title><body>{cleaned}</body>")
        page.evaluate(PROVOKE)
        page.wait_for_timeout(100)
        assert dialogs == []
        assert page.evaluate(LIVE) == []
    finally:
        context.close()
