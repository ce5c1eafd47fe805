"""Drafts and embargoed releases appear in no output file: pages, feeds, sitemap, tags, search."""

from __future__ import annotations

CANARIES = ("zanzibarquill", "quokkaplume", "draftonlytag", "embargotag")


def test_canaries_appear_in_no_output_file(built_site):
    files = [p for p in built_site.rglob("*") if p.is_file()]
    assert len(files) > 20
    assert any(p.parts[-2] == "search" for p in files), "the search export must be checked too"
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace").lower()
        for canary in CANARIES:
            assert canary not in text, f"{canary} leaked into {path.relative_to(built_site)}"
    assert not any("draft" in str(p.relative_to(built_site)) for p in files)


def test_canaries_absent_from_the_search_index(built_site):
    """The Whoosh index in the cache folder is what `dateline search` reads: no canary either."""
    from whoosh import index as whoosh_index

    from dateline.search.index import INDEX_NAME
    from dateline.search.query import search

    ix = whoosh_index.open_dir(str(built_site.parent / "cache" / "search-index"),
                               indexname=INDEX_NAME)
    assert search(ix, "tungsten"), "the index must hold the public releases"
    for canary in ("zanzibarquill", "quokkaplume"):
        assert search(ix, canary) == []


def test_embargo_lifts_when_its_date_passes(tiny_site, tmp_path):
    from sitebuild import build_site

    output = build_site(tiny_site, tmp_path / "out", DATELINE={"now": "2099-02-01T00:00:00+00:00"})
    assert (output / "releases/2099/northgate-embargoed/index.html").is_file()
    assert not any("zanzibarquill" in p.read_text(errors="replace") for p in output.rglob("*.html"))


def test_a_withdrawn_release_leaves_every_output_file(tiny_site, tmp_path):
    """A release published once, then made a draft: the rebuild (whose search export follows
    the last one) must drop it from pages, feeds and the search files alike."""
    from sitebuild import build_site

    source = tiny_site / "releases/2024/2024-09-30-northgate-files-report.md"
    text = source.read_text()
    source.write_text(text.replace("\n---\n", "\n---\nWithdrawnwombat update. ", 1))
    output = build_site(tiny_site, tmp_path / "output")
    assert any("withdrawnwombat" in p.read_text(errors="replace").lower() for p
               in (output / "search").iterdir())
    source.write_text(source.read_text().replace("---\n", "---\nstatus: draft\n", 1))
    output = build_site(tiny_site, tmp_path / "output")
    for path in (p for p in output.rglob("*") if p.is_file()):
        assert "withdrawnwombat" not in path.read_bytes().decode("utf-8", errors="replace").lower(
            ), path
