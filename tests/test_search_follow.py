"""The export that follows edits (search/follow.py) holds exactly what a whole export holds."""

import bisect
import dataclasses
import json
import shutil
from datetime import timedelta

import pytest

from dateline.search import follow, writer
from dateline.search.export import export_index
from dateline.search.follow import update_export
from dateline.search.index import update_index
from search_support import make_releases


@pytest.fixture()
def releases():
    return make_releases(400, seed=13)


def publish(out_dir, live_root):
    """Make an export the live one, as the build's swap does."""
    live = live_root / "search"
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(out_dir, live)
    return live


def shard_rows(folder):
    """The shard rows of an export, read through the manifest's groups."""
    groups = json.loads((folder / "manifest.json").read_text())["terms"]
    return [row for group in groups
            for row in json.loads((folder / group[2]).read_text())["rows"]]


def contents(folder):
    """What an export says, whatever the shard cut: every term's postings and positions,
    the document records, the facets and the rest of the manifest."""
    manifest = json.loads((folder / "manifest.json").read_text())
    terms, positions, docs, few = {}, {}, [], {}
    groups = [json.loads((folder / group[2]).read_text()) for group in manifest.pop("terms")]
    rows = [row for group in groups for row in group["rows"]]
    lexicon = {}  # {letters: lexicon file}, over the group files (each names its span's)
    for group in groups:
        for letters, digest in group["lexicon"].items():
            assert lexicon.setdefault(letters, digest) == digest
    assert {f"lex-{d}.json" for d in lexicon.values()} == {
        p.name for p in folder.glob("lex-*.json")}
    for first, last, shard, pos, *fixes in rows:
        for fixed in fixes:  # the few-match corrections of the row's terms
            assert all(first <= term <= last for term in fixed)
            few.update(fixed)
        held = json.loads((folder / shard).read_text())
        assert held and min(held) == first and max(held) == last
        assert not set(held) & set(terms), "a term is in two shards"
        terms.update(held)
        if pos:
            positions.update(json.loads((folder / pos).read_text()))
    for directory in manifest["docs"]["dirs"]:
        for digest in json.loads((folder / directory).read_text()):
            docs += json.loads((folder / f"docs-{digest}.json").read_text())
    facets = json.loads((folder / manifest["facets"]).read_text())
    return {
        "manifest": manifest,
        "terms": terms,
        "positions": positions,
        "docs": docs,
        "facets": facets,
        "few": few,
        "lexicon": lexicon,
    }


def step(tmp_path, documents, live_root):
    """One build's search step; returns how the export was made and the new live folder."""
    update_index(tmp_path / "ix", documents)
    out = tmp_path / "out"
    shutil.rmtree(out, ignore_errors=True)
    result = update_export(tmp_path / "ix", out, live_root / "search", documents)
    whole = tmp_path / "whole"
    shutil.rmtree(whole, ignore_errors=True)
    export_index(tmp_path / "ix", whole)
    assert contents(out) == contents(whole)
    return result["how"], out


def assert_untouched_shards_kept(live, out):
    """Every live shard with no changed term in its range keeps its file and name."""
    before, now = contents(live)["terms"], contents(out)["terms"]
    changed = {t for t in set(before) | set(now) if before.get(t) != now.get(t)}
    rows = shard_rows(live)
    firsts = [row[0] for row in rows]
    touched = {max(0, bisect.bisect_right(firsts, t) - 1) for t in changed}
    kept = {row[2] for row in shard_rows(out)}
    assert changed and len(touched) < len(rows)
    for number, row in enumerate(rows):
        assert (row[2] in kept) == (number not in touched), row


def test_edits_additions_and_removals_follow_the_live_export(tmp_path, releases, monkeypatch):
    monkeypatch.setattr(writer, "SLICE_DOCS", 100)  # several segments, as at scale
    live_root = tmp_path / "live"
    how, out = step(tmp_path, releases, live_root)
    assert how == "exported"
    live = publish(out, live_root)

    edited = list(releases)
    edited[50] = dataclasses.replace(edited[50], body=edited[50].body + " zorbital quenched")
    how, out = step(tmp_path, edited, live_root)
    assert how == "followed"
    assert_untouched_shards_kept(live, out)
    live = publish(out, live_root)

    newest = max(r.date for r in edited)
    added = dataclasses.replace(
        edited[7],
        id="releases/new/",
        url="releases/new/",
        date=newest + timedelta(days=1),
        title="Brand new release about vanadium",
    )
    how, out = step(tmp_path, [*edited, added], live_root)
    assert how == "followed"
    assert_untouched_shards_kept(live, out)
    live = publish(out, live_root)

    recent = sorted(edited, key=lambda r: r.date)[-3]
    # an edit that moves the date
    moved = dataclasses.replace(recent, date=newest + timedelta(days=2))
    current = [added, *(moved if r is recent else r for r in edited)]
    how, out = step(tmp_path, current, live_root)
    assert how == "followed"
    live = publish(out, live_root)

    live = publish(out, live_root)

    current = [r for r in current if r is not moved]  # the newest removed
    how, out = step(tmp_path, current, live_root)
    assert how == "followed"
    live = publish(out, live_root)

    oldest = min(r.date for r in current)
    backdated = dataclasses.replace(
        edited[9], id="releases/old/", url="releases/old/", date=oldest + timedelta(hours=1)
    )
    current = [*current, backdated]  # an old release added: nearly every release moves up one
    how, out = step(tmp_path, current, live_root)
    assert how == "followed"
    live = publish(out, live_root)

    # two old ones removed
    current = [r for r in current if r is not backdated and r is not edited[20]]
    how, out = step(tmp_path, current, live_root)
    assert how == "followed"


def test_many_changes_write_the_whole_export(tmp_path, releases):
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    publish(out, live_root)
    rewritten = [dataclasses.replace(r, body=r.body + " blanket") for r in releases]
    how, _ = step(tmp_path, rewritten, live_root)
    assert how == "exported"


def test_unchanged_index_reuses_the_live_export(tmp_path, releases):
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    live = publish(out, live_root)
    how, out = step(tmp_path, releases, live_root)
    assert how == "reused"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {
        p.name: p.read_bytes() for p in live.iterdir()
    }


def test_a_live_export_the_state_does_not_describe_is_not_followed(tmp_path, releases):
    """A failed build leaves a state for an export that never went live: start afresh."""
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    publish(out, live_root)
    edited = [dataclasses.replace(releases[0], body="changed entirely"), *releases[1:]]
    step(tmp_path, edited, live_root)  # not published
    again = [dataclasses.replace(releases[0], body="changed once more"), *releases[1:]]
    how, _ = step(tmp_path, again, live_root)
    assert how == "exported"


def test_a_damaged_live_shard_is_not_copied(tmp_path, releases):
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    live = publish(out, live_root)
    edited = [dataclasses.replace(releases[0], body=releases[0].body + " zorbital"), *releases[1:]]
    for row in shard_rows(live):
        (live / row[2]).write_text("{}")  # damaged, names unchanged
    how, out = step(tmp_path, edited, live_root)
    assert how == "exported"


def test_state_follows_the_files(tmp_path, releases):
    """The saved state describes the export written, so the next edit can follow it."""
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    state = follow.load_state(follow.state_path(tmp_path / "ix"))
    assert state.manifest_sha256 == follow.sha256_of(out / "manifest.json")
    terms = contents(out)["terms"]
    assert set(state.numbers) == set(terms)
    some = sorted(terms)[len(terms) // 2]
    numbers = set()
    for flat in terms[some].values():
        total = 0
        for delta in flat[0::3]:
            total += delta
            numbers.add(total)
    assert list(state.numbers[some]) == sorted(numbers)


def test_a_state_from_other_code_is_not_followed(tmp_path, releases, monkeypatch):
    """A new analyzer or export format changes every term: never patch an export made before."""
    live_root = tmp_path / "live"
    _, out = step(tmp_path, releases, live_root)
    publish(out, live_root)
    monkeypatch.setattr(follow, "code_version", lambda: "other code")
    edited = [dataclasses.replace(releases[0], body=releases[0].body + " zorbital"), *releases[1:]]
    how, _ = step(tmp_path, edited, live_root)
    assert how == "exported"
