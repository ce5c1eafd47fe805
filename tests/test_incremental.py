"""Incremental builds: nothing changed writes nothing; an edit re-renders only what shows it."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from sitebuild import build_site

RELEASE_2021 = "releases/2021/northgate-grants-options/index.html"
RELEASE_2024 = "releases/2024/northgate-drilling-results/index.html"
SOURCE_2024 = "releases/2024/2024-06-12-northgate-drilling-results.md"


def inodes(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records]


def test_unchanged_rebuild_writes_no_file(tiny_site, tmp_path, caplog):
    output = build_site(tiny_site, tmp_path / "output")
    before = inodes(output)
    caplog.clear()
    build_site(tiny_site, tmp_path / "output")
    assert inodes(output) == before
    assert any("nothing changed since the last build" in m for m in messages(caplog))


def test_touched_files_rebuild_but_every_file_is_kept(tiny_site, tmp_path, caplog):
    output = build_site(tiny_site, tmp_path / "output")
    before = inodes(output)
    later = time.time() + 5
    for path in tiny_site.rglob("*.md"):
        os.utime(path, (later, later))
    caplog.clear()
    build_site(tiny_site, tmp_path / "output")
    assert inodes(output) == before
    assert any("0 page write(s) rendered" in m for m in messages(caplog))
    sitemap = (output / "sitemap.xml").read_text()
    assert "releases/2021/northgate-grants-options/" in sitemap and "about/" in sitemap
    from dateline.runtime.timing import phase_seconds

    assert "search export" not in phase_seconds(), "the unchanged index must reuse the live export"


def test_editing_one_body_rerenders_only_what_shows_it(tiny_site, tmp_path, caplog):
    output = build_site(tiny_site, tmp_path / "output")
    before = inodes(output)
    source = tiny_site / SOURCE_2024
    source.write_text(
        source.read_text().replace("phase of drilling", "phase of drilling and trenching"))
    caplog.clear()
    build_site(tiny_site, tmp_path / "output")
    after = inodes(output)
    assert "trenching" in (output / RELEASE_2024).read_text()
    assert after[RELEASE_2024] != before[RELEASE_2024]
    assert after[RELEASE_2021] == before[RELEASE_2021]
    assert after["about/index.html"] == before["about/index.html"]
    kept = {name for name in after if after[name] == before.get(name)}
    main_css = next(name for name in after if name.startswith("theme/css/main-"))
    assert {"404.html", main_css, "robots.txt"} <= kept
    from whoosh import index as whoosh_index

    from dateline.search.index import INDEX_NAME
    from dateline.search.query import search

    ix = whoosh_index.open_dir(str(tmp_path / "cache" / "search-index"), indexname=INDEX_NAME)
    assert len(search(ix, "trenching")) == 1, "the search index must hold the edit"
    import json

    from dateline.search.follow import describes, load_state, state_path

    assert describes(load_state(state_path(tmp_path / "cache" / "search-index")), output / "search")
    manifest = json.loads((output / "search" / "manifest.json").read_text())
    group = next(g[2] for g in manifest["terms"] if g[0] <= "trench" <= g[1])
    rows = json.loads((output / "search" / group).read_text())["rows"]
    shard = next(row[2] for row in rows if row[0] <= "trench" <= row[1])
    assert "trench" in json.loads(
        (output / "search" / shard).read_text()), "the export must hold the edit"


def test_issuer_change_reaches_every_release_page(tiny_site, tmp_path):
    output = build_site(tiny_site, tmp_path / "output")
    issuer = tiny_site / "issuer.yaml"
    issuer.write_text(
        issuer.read_text().replace("involve risks and uncertainties",
                                   "involve known and unknown risks"))
    build_site(tiny_site, tmp_path / "output")
    html = (output / RELEASE_2021).read_text()
    assert "involve known and unknown risks" in html
    assert "involve risks and uncertainties" not in html


def test_a_failed_build_does_not_poison_the_next(tiny_site, tmp_path):
    import pytest

    from dateline.errors import DatelineError

    output = build_site(tiny_site, tmp_path / "output")
    source = tiny_site / SOURCE_2024
    good = source.read_text()
    source.write_text(good.replace("tags: [exploration, results]", "tags: [Exploration]"))
    with pytest.raises(DatelineError):
        build_site(tiny_site, tmp_path / "output")
    source.write_text(good.replace("phase of drilling", "phase of diamond drilling"))
    build_site(tiny_site, tmp_path / "output")
    assert "diamond drilling" in (output / RELEASE_2024).read_text()


def test_an_embargo_lifting_makes_the_build_stale(tiny_site, tmp_path):
    from dateline.build.build import load_settings
    from dateline.build.uptodate import is_up_to_date, record_build
    from sitebuild import ROOT, site_settings

    output = tmp_path / "output"
    output.mkdir()
    settings = load_settings(str(ROOT / "pelicanconf.py"),
                             site_settings(tiny_site, output, tmp_path / "cache"))
    now = dt.datetime(2030, 1, 1, 12, tzinfo=dt.timezone.utc)
    lift = dt.datetime(2030, 1, 1, 14, tzinfo=dt.timezone.utc)
    record_build(settings, "inputs", output, now, lift)
    assert is_up_to_date(settings, "inputs", output, now)
    assert not is_up_to_date(settings, "inputs", output, lift)
    assert not is_up_to_date(settings, "other inputs", output, now)
    assert not is_up_to_date(settings, "inputs", output, now + dt.timedelta(days=1))


def test_parallel_preparation_gives_the_same_site(tiny_site, tmp_path, monkeypatch):
    """Releases are prepared in worker processes on large sites; the pages must not differ."""
    from dateline.build import releases

    serial = build_site(tiny_site, tmp_path / "serial", tmp_path / "serial-cache")
    monkeypatch.setattr(releases, "PARALLEL_MIN", 1)
    parallel = build_site(tiny_site, tmp_path / "parallel", tmp_path / "parallel-cache")
    pages = sorted(p.relative_to(serial) for p in serial.rglob("*.html"))
    assert pages == sorted(p.relative_to(parallel) for p in parallel.rglob("*.html"))
    for page in pages:
        assert (serial / page).read_bytes() == (parallel / page).read_bytes(), page


def test_preparing_while_reading_gives_the_same_site(tiny_site, tmp_path, monkeypatch):
    """Large sites hand releases to workers as they are read; the pages must not differ,
    and drafts and embargoed releases are never handed over."""
    from dateline.build import releases
    from dateline.runtime import ahead

    serial = build_site(tiny_site, tmp_path / "serial", tmp_path / "serial-cache")
    handed, taken = [], []
    monkeypatch.setattr(ahead, "BATCH", 1)
    real_submit, real_take = ahead.submit, ahead.take
    monkeypatch.setattr(ahead, "submit", lambda source,
                        *rest: (handed.append(source), real_submit(source, *rest)))
    monkeypatch.setattr(ahead, "take", lambda source,
                        key: taken.append(real_take(source, key)) or taken[-1])
    early = build_site(tiny_site, tmp_path / "early", tmp_path / "early-cache")
    assert len(handed) == 3 and not any("draft" in s or "embargoed" in s for s in handed), handed
    assert len(taken) == 3 and all(t is not None for t
                                   in taken), "every result came from the workers"
    assert releases.PARALLEL_MIN > 3  # so nothing else ran in parallel
    pages = sorted(p.relative_to(serial) for p in serial.rglob("*.html"))
    assert pages == sorted(p.relative_to(early) for p in early.rglob("*.html"))
    for page in pages:
        assert (serial / page).read_bytes() == (early / page).read_bytes(), page


def test_search_records_use_pelicans_summary(built_site):
    """The summary in search records is computed in worker processes; it must equal Pelican's."""
    import json

    from dateline.content.text import html_to_text

    records = []
    for chunk in (built_site / "search").glob("docs-*.json"):
        records.extend(json.loads(chunk.read_text()))
    summaries = {r[1]: r[5] for r in records}
    page = (built_site / "releases/2024/northgate-drilling-results/index.html").read_text()
    assert summaries["releases/2024/northgate-drilling-results/"].startswith(
        "Northgate Tungsten Corp. reports")
    assert html_to_text(summaries["releases/2024/northgate-drilling-results/"])[
        :40] in html_to_text(page)


def test_the_previous_output_is_deleted_and_leftovers_swept(tiny_site, tmp_path):
    output = build_site(tiny_site, tmp_path / "output")
    leftover = tmp_path / ".output.old-999999"
    (leftover / "releases").mkdir(parents=True)  # a deletion cut short by a stopped machine
    (leftover / "releases" / "index.html").write_text("old")
    source = tiny_site / SOURCE_2024
    source.write_text(
        source.read_text().replace("phase of drilling", "phase of drilling and trenching"))
    build_site(tiny_site, tmp_path / "output")
    assert not leftover.exists()
    assert "trenching" in (output / RELEASE_2024).read_text()
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".output.old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the retired output is removed by a detached process
    assert not list(tmp_path.glob(".output.old-*")), "the previous output was left behind"


def test_build_leaves_no_handover_files_or_parses(tiny_site, tmp_path):
    """The search documents go to the indexer through a file it deletes; the parses shared
    by the validator and the reader are dropped once reading is over."""
    from dateline.content import frontmatter

    build_site(tiny_site, tmp_path / "output")
    assert (tmp_path / "cache" / "search-index").is_dir()
    assert not (tmp_path / "cache" / "search-documents.pickle").exists()
    assert frontmatter._parse_cached.cache_info().currsize == 0
