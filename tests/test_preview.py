"""`dateline serve`: drafts and embargoed releases under a banner, only in the preview's own
folder; the site's 404 page; live reload added by the server only; feed links follow the port
(issue 18 item 5, issue 17 item 3)."""

from __future__ import annotations

import argparse
import datetime as dt
import urllib.error
import urllib.request

import pytest

from dateline.build.build import build, load_settings
from dateline.build.devserver import preview_overrides, serve_overrides
from dateline.build.preview_server import BuildId, start_server
from sitebuild import ROOT, build_site, site_settings

CANARIES = ("zanzibarquill", "quokkaplume")
CONF = str(ROOT / "pelicanconf.py")


def _texts(folder):
    return {p: p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()}


def _assert_public_only(folder):
    for path, text in _texts(folder).items():
        for word in CANARIES + ("__dateline", "livereload", "dateline-preview", "PREVIEW"):
            assert word not in text, f"{word} in {path.relative_to(folder)}"


def _preview(content, output, drafts=True, now=None):
    base = site_settings(content, output, output.parent / "cache")
    settings = load_settings(CONF, base)
    return build(CONF, {**base, **preview_overrides(settings, drafts, now)})


def test_a_preview_shows_drafts_and_embargoes_under_a_banner_in_its_own_folder(tiny_site,
                                                                               tmp_path):
    output = build_site(tiny_site, tmp_path / "out")
    _assert_public_only(output)
    preview = _preview(tiny_site, output, now=dt.datetime(2099, 2, 1, 12))
    assert preview == tmp_path / "out-preview"
    draft = (preview / "releases/2024/northgate-draft-financing/index.html").read_text()
    assert "zanzibarquill" in draft.lower() and "DRAFT: not published" in draft
    embargoed = (preview / "releases/2099/northgate-embargoed/index.html").read_text()
    assert "quokkaplume" in embargoed.lower() and "EMBARGOED until 2099-01-15" in embargoed
    public = (preview / "releases/2024/northgate-drilling-results/index.html").read_text()
    assert "PREVIEW" in public and "DRAFT: not published" not in public
    assert "PREVIEW" in (preview / "index.html").read_text()
    _assert_public_only(output)  # the preview left output/ alone
    build_site(tiny_site, tmp_path / "out")  # and the next normal build is public only
    _assert_public_only(output)


def test_drafts_alone_show_no_embargoed_release(tiny_site, tmp_path):
    preview = _preview(tiny_site, tmp_path / "out")
    assert (preview / "releases/2024/northgate-draft-financing/index.html").is_file()
    assert not (preview / "releases/2099").exists()
    assert "quokkaplume" not in " ".join(_texts(preview).values()).lower()


def test_feed_links_follow_the_port(tiny_site, tmp_path):
    args = argparse.Namespace(settings=CONF, output=None, relative_urls=False, no_server=False,
                              bind="127.0.0.1", port=8123, drafts=False, now=None)
    overrides = serve_overrides(args)
    assert overrides["FEED_DOMAIN"] == "http://localhost:8123"
    base = site_settings(tiny_site, tmp_path / "out", tmp_path / "cache")
    output = build(CONF, {**base, "FEED_DOMAIN": overrides["FEED_DOMAIN"]})
    feed = (output / "feeds/all.atom.xml").read_text()
    home = (output / "index.html").read_text()
    for text in (feed, home):
        assert "http://localhost:8123/" in text and "localhost:8000" not in text


def _get(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except urllib.error.URLError:  # not listening yet
        return 0, ""


@pytest.fixture
def served(tiny_site, tmp_path):
    output = build_site(tiny_site, tmp_path / "out")
    build_id = BuildId()
    server = start_server(output, "127.0.0.1", 0, build_id)
    yield f"http://127.0.0.1:{server.server_address[1]}", output, build_id
    server.shutdown()
    server.server_close()


def test_a_missing_page_is_the_sites_404_page_with_status_404(served):
    base, output, _ = served
    status, body = _get(base + "/no/such/page/")
    assert status == 404
    assert body.startswith((output / "404.html").read_text().split("</body>")[0])
    assert _get(base + "/theme/")[0] == 404  # no folder listings


def test_the_server_alone_adds_live_reload_and_reports_each_build(served):
    base, output, build_id = served
    status, body = _get(base + "/releases/")
    assert status == 200 and body.count("/__dateline/livereload.js") == 1
    assert body.index("/__dateline/livereload.js") < body.rindex("</body>")
    assert _get(base + "/__dateline/livereload.js")[0] == 200
    assert _get(base + "/__dateline/build-id") == (200, "0")
    build_id.bump()
    assert _get(base + "/__dateline/build-id") == (200, "1")
    _assert_public_only(output)  # no built file holds the script


def _serve(tiny_site, tmp_path, *options):
    import socket
    import subprocess
    import sys

    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    "from pelicanconf import *  # noqa\n"
                    f"PATH = {str(tiny_site)!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n"
                    f"THEME = {str(ROOT / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.commands.cli", "serve", "-s", str(conf),
         "-o", str(tmp_path / "out"), "-p", str(port), *options],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return server, f"http://localhost:{port}"


def _until(check, what, server, limit=120.0):
    import time

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        assert server.poll() is None, server.stderr.read()
        time.sleep(0.05)
    raise AssertionError(f"{what} never happened")


def test_dateline_serve_shows_an_edit_then_builds_and_reloads_twice(tiny_site, tmp_path):
    server, base = _serve(tiny_site, tmp_path, "--drafts")
    try:
        draft_url = base + "/releases/2024/northgate-draft-financing/"
        _until(lambda: _get(draft_url)[0] == 200, "the first build", server)
        assert "DRAFT: not published" in _get(draft_url)[1]
        assert not (tmp_path / "out").exists() and (tmp_path / "out-preview").is_dir()
        assert _get(base + "/missing/")[0] == 404
        start = int(_get(base + "/__dateline/build-id")[1])
        path = tiny_site / "releases/2024/2024-06-12-northgate-drilling-results.md"
        path.write_text(path.read_text().replace("The Company", "Zebrafinchedit: the Company"))
        page = base + "/releases/2024/northgate-drilling-results/"
        _until(lambda: "Zebrafinchedit" in _get(page)[1], "the edit shown", server)
        _until(lambda: int(_get(base + "/__dateline/build-id")[1]) >= start + 2,
               "the fast page and the full build both announced", server)
        _until(lambda: _search_has(tmp_path / "out-preview", "zebrafinchedit"),
               "search updated", server)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _search_has(folder, word):
    return any(word in p.read_text(errors="replace").lower()
               for p in (folder / "search").rglob("*.json"))


def test_an_undated_draft_is_left_out_of_a_drafts_preview(tiny_site, tmp_path):
    undated = tiny_site / "releases/undated"
    undated.mkdir()
    (undated / "northgate-undated.md").write_text(
        "---\ntitle: Northgate Undated Plan\nticker: \"TSXV: NGT\"\ntags: [plans]\n"
        "status: draft\n---\n"
        "An undated draft.\n")
    preview = _preview(tiny_site, tmp_path / "out")
    assert (preview / "releases/2024/northgate-draft-financing/index.html").is_file()
    assert "Undated Plan" not in " ".join(_texts(preview).values())
