"""The incremental Whoosh index and the Python-side query semantics."""

import dataclasses
import json

import pytest

from dateline.search import index as search_index
from dateline.search.index import open_index, update_index
from dateline.search.query import parse_query, search
from dateline.search.schema import analyze
from search_support import make_releases


@pytest.fixture(scope="module")
def releases():
    return make_releases(60, seed=3)


def live_ids(index_dir):
    ix, _ = open_index(index_dir)
    return search_index.indexed_hashes(ix)


def test_first_build_adds_everything(tmp_path, releases):
    stats = update_index(tmp_path / "ix", releases)
    assert (stats.added, stats.updated, stats.deleted, stats.unchanged) == (60, 0, 0, 0)
    assert stats.rebuilt
    assert set(live_ids(tmp_path / "ix")) == {r.id for r in releases}


def test_second_build_with_same_releases_changes_nothing(tmp_path, releases):
    update_index(tmp_path / "ix", releases)
    stats = update_index(tmp_path / "ix", releases)
    assert (stats.added, stats.updated, stats.deleted, stats.unchanged) == (0, 0, 0, 60)
    assert not stats.rebuilt


def test_edit_reindexes_only_that_release_and_removal_deletes(tmp_path, releases):
    update_index(tmp_path / "ix", releases)
    edited = dataclasses.replace(releases[0], title="Zyxtrel Minerals appoints auditor")
    changed = [edited] + releases[1:-1]
    stats = update_index(tmp_path / "ix", changed)
    assert (stats.added, stats.updated, stats.deleted, stats.unchanged) == (0, 1, 1, 58)
    ix, _ = open_index(tmp_path / "ix")
    assert [h.record["url"] for h in search(ix, "zyxtrel")] == [edited.url]
    assert releases[-1].id not in live_ids(tmp_path / "ix")
    with ix.reader() as reader:
        assert reader.doc_count() == 59


def test_scores_after_edits_equal_a_fresh_index(tmp_path, releases):
    """Deleted documents linger in segments; scoring must count live documents only."""
    update_index(tmp_path / "ix", releases)
    edited = [dataclasses.replace(r, title=r.title + " zyxtrel") for r in releases[:3]]
    current = edited + releases[3:-5]
    update_index(tmp_path / "ix", current)
    update_index(tmp_path / "fresh", current)
    ix, _ = open_index(tmp_path / "ix")
    fresh, _ = open_index(tmp_path / "fresh")
    with ix.reader() as reader:
        assert reader.has_deletions(), "this test needs deletions in the index"
    for query in ("zyxtrel", "investors", "lithium", "technical estimate"):
        got = {h.record["url"]: h.score for h in search(ix, query)}
        want = {h.record["url"]: h.score for h in search(fresh, query)}
        assert got.keys() == want.keys(), query
        for url, score in want.items():
            assert abs(got[url] - score) <= 1e-9 * abs(score), (query, url)


def test_schema_change_forces_full_rebuild(tmp_path, releases, monkeypatch):
    update_index(tmp_path / "ix", releases)
    monkeypatch.setattr(search_index, "SCHEMA_VERSION", "dateline-search-test")
    stats = update_index(tmp_path / "ix", releases[:10])
    assert stats.rebuilt and stats.added == 10 and stats.deleted == 0
    stamp = json.loads((tmp_path / "ix" / search_index.STAMP_NAME).read_text())
    assert stamp["schema"] == "dateline-search-test"


def test_porter2_trims_doubled_consonants():
    assert analyze("Running runs ran the drills") == ["run", "run", "ran", "drill"]


def test_parse_query_phrases_and_prefix():
    parsed = parse_query('gold "private placements" dri', prefix=True)
    assert parsed.words == ["gold"]
    assert parsed.phrases == [["privat", "placement"]]
    assert parsed.prefix == "dri"
    assert parse_query('gold "private', prefix=False).words == ["gold", "privat"]


def test_search_filters_and_date_sort(tmp_path, releases):
    update_index(tmp_path / "ix", releases)
    ix, _ = open_index(tmp_path / "ix")
    ticker = releases[0].tickers[0]
    hits = search(ix, "drilling", ticker=ticker)
    assert hits and all(ticker in h.record["tickers"] for h in hits)
    assert len(hits) < len(search(ix, "drilling"))
    dated = search(ix, "drilling", sort="date")
    dates = [h.record["date"] for h in dated]
    assert dates == sorted(dates, reverse=True) or len({d[:6] for d in dates}) > 1
    scores = [h.score for h in search(ix, "drilling")]
    assert scores == sorted(scores, reverse=True)
    assert search(ix, "the of") == []


def test_deleted_documents_do_not_skew_scores(tmp_path, releases):
    update_index(tmp_path / "a", releases)
    update_index(tmp_path / "a", releases[:40])
    update_index(tmp_path / "b", releases[:40])
    a, _ = open_index(tmp_path / "a")
    b, _ = open_index(tmp_path / "b")
    for text in ("gold", "drilling results"):
        assert [h.score for h
                in search(a, text)] == pytest.approx([h.score for h in search(b, text)])
