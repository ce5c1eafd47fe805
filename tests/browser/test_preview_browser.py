"""The dev server in a browser: the preview banner is loud and accessible, an edit reloads the
open tab, and a relative build's search page opened from disk says it needs a server
(issue 18 item 5, issue 17 item 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_a11y import BLOCKING, axe_source, describe

from dateline.build.preview_server import BuildId, start_server
from sitebuild import build_site, serve
from test_preview import _preview

DRAFT = "/releases/2024/northgate-draft-financing/"


@pytest.fixture
def preview_server(tiny_site, tmp_path):
    output = _preview(tiny_site, tmp_path / "out", now=dt.datetime(2099, 2, 1))
    build_id = BuildId()
    server = start_server(output, "127.0.0.1", 0, build_id)
    yield f"http://127.0.0.1:{server.server_address[1]}", output, build_id
    server.shutdown()
    server.server_close()


def test_the_banner_is_visible_styled_and_passes_axe(page, preview_server):
    base, _, _ = preview_server
    page.goto(base + DRAFT)
    banner = page.locator(".dateline-preview-banner")
    assert banner.is_visible()
    assert "DRAFT: not published" in banner.inner_text()
    assert banner.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(122, 0, 0)"
    page.add_script_tag(content=axe_source())
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_an_edit_reloads_the_open_tab(page, preview_server):
    base, output, build_id = preview_server
    page.goto(base + DRAFT)
    page.evaluate("window.__notReloaded = true")
    target = output / DRAFT.strip("/") / "index.html"
    target.write_text(target.read_text().replace("Draft text", "Edited draft text"))
    build_id.bump()  # what the dev server does once a rebuild is in place
    page.wait_for_function("() => window.__notReloaded === undefined", timeout=10_000)
    assert "Edited draft text" in page.content()


def test_a_relative_builds_search_page_from_disk_says_it_needs_a_server(page, tiny_site,
                                                                        tmp_path):
    output = build_site(tiny_site, tmp_path / "rel", RELATIVE_URLS=True, SITEURL="")
    page.goto((output / "search/index.html").as_uri())
    notice = page.locator("[data-search-needs-server]")
    notice.wait_for(state="visible")
    assert "served over http" in notice.inner_text()
    base, server = serve(output)
    try:
        page.goto(base + "/search/")
        page.locator("[data-search]").wait_for(state="visible")
        assert not notice.is_visible()
    finally:
        server.shutdown()
