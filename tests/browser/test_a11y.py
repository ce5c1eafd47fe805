"""axe-core audit of the theme: no serious or critical violation on any kind of page.

axe.min.js comes from the `axe-playwright-python` package (we only read its file,
so the audit runs on the exact axe version pinned there) and is injected into
each page served from the tiny fixture site (fixtures in conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

WIDTHS = {"desktop": 1280, "phone": 375}
PAGE_KINDS = ["home", "archive", "release", "tag", "page", "404", "grants", "milestones", "search"]
BLOCKING = {"serious", "critical"}
# Top-level folders that are not static pages.
NOT_PAGES = {"releases", "tags", "search", "grants", "milestones", "feeds", "theme", "drafts"}


def axe_source() -> str:
    """The axe-core script shipped inside axe-playwright-python."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    assert script.is_file(), f"axe.min.js not found next to {axe_playwright_python.__file__}"
    return script.read_text(encoding="utf-8")


def richest_release(site: Path) -> Path:
    """The release page with the most dateline features (grants, milestones, legal text)."""
    releases = sorted(site.glob("releases/*/*/index.html"))
    assert releases, f"no release pages in {site}"
    markers = ("source-sentence", "side-grants", "side-milestones", "disclaimer", "legend-top")

    def score(path: Path) -> int:
        text = path.read_text(encoding="utf-8")
        return sum(marker in text for marker in markers)

    return max(releases, key=score)


def site_paths(site: Path) -> dict[str, str]:
    """URL path of one page of each kind in the built site."""
    tags = sorted(site.glob("tags/*/index.html"))
    pages = sorted(p for p in site.glob("*/index.html") if p.parent.name not in NOT_PAGES)
    assert tags, f"no tag pages in {site}"
    assert pages, f"no static pages in {site}"

    def url(path: Path) -> str:
        return "/" + path.relative_to(site).as_posix().removesuffix("index.html")

    return {
        "home": "/",
        "archive": "/releases/",
        "release": url(richest_release(site)),
        "tag": url(tags[0]),
        "page": url(pages[0]),
        "404": "/404.html",
        "grants": "/grants/",
        "milestones": "/milestones/",
        "search": "/search/?q=kestrel",
    }


@pytest.fixture(scope="module")
def axe_script() -> str:
    return axe_source()


@pytest.fixture(scope="module")
def paths(built_site) -> dict[str, str]:
    return site_paths(Path(built_site))


def describe(violations: list[dict]) -> str:
    """One line per violation with the first offending nodes, for a readable failure."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes: {targets})")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def tabs(browser):
    """One browser tab per width, reused across pages (a new context per page is slow)."""
    contexts = {
        name: browser.new_context(viewport={"width": w, "height": 900})
        for name, w in WIDTHS.items()
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_axe_violations(tabs, site_server, paths, axe_script, kind, width_name):
    page = tabs[width_name]
    response = page.goto(site_server + paths[kind])
    assert response is not None and response.ok, f"{paths[kind]} did not load"
    page.add_script_tag(content=axe_script)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["testEngine"]["name"] == "axe-core"
    assert results["passes"] or results["incomplete"] or results["inapplicable"], "axe ran no rule"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{kind} page at {width_name} width:\n{describe(blocking)}"
