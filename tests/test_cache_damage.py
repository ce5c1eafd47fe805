"""A damaged cache costs a rebuild with a one-line notice, never a failed build or a wrong page.

Each test builds the tiny site, damages one cache file (truncated, garbled,
one bit flipped, or two entries swapped), builds again, and compares the
whole output with a clean build's: a swapped entry must never put one
release's body on another's page.
"""

from __future__ import annotations

import gzip
import logging
import pickle
import shutil
import sqlite3

import pytest

from crashsite import tree
from sitebuild import SITES, build_site

NOTICES = ("is damaged", "holds damaged entries", "does not match what the last build sealed")


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory):
    base = tmp_path_factory.mktemp("clean")
    shutil.copytree(SITES / "tiny/content", base / "content")
    return tree(build_site(base / "content", base / "output", base / "cache"))


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def garble(path):
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle: middle + 64] = bytes((b * 37 + 11) % 256 for b in range(64))
    path.write_bytes(bytes(raw))


def flip_bit(path):
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    path.write_bytes(bytes(raw))


def _release_rows(db):
    return db.execute(
        "SELECT key, value, checksum FROM checked_entry WHERE kind='release' ORDER BY key"
    ).fetchall()


def swap_sqlite_rows(path):
    """Move one release's prepared page (value and checksum) under another release's key."""
    with sqlite3.connect(path) as db:
        (key_a, value_a, check_a), (key_b, value_b, check_b) = _release_rows(db)[:2]
        db.execute("UPDATE checked_entry SET value=?, checksum=? WHERE kind='release' AND key=?",
                   (value_b, check_b, key_a))
        db.execute("UPDATE checked_entry SET value=?, checksum=? WHERE kind='release' AND key=?",
                   (value_a, check_a, key_b))
    db.close()


def flip_sqlite_value(path):
    with sqlite3.connect(path) as db:
        key, value, _ = _release_rows(db)[0]
        flipped = bytearray(value)
        flipped[len(flipped) // 2] ^= 0x01
        db.execute("UPDATE checked_entry SET value=? WHERE kind='release' AND key=?",
                   (bytes(flipped), key))
    db.close()


def swap_reader_entries(path):
    """Pelican's reader cache with two files' cached (HTML, metadata) exchanged."""
    with gzip.open(path, "rb") as handle:
        entries = pickle.load(handle)
    a, b = sorted(entries)[:2]
    entries[a], entries[b] = entries[b], entries[a]
    with gzip.open(path, "wb") as handle:
        pickle.dump(entries, handle)


def _segment(cache):
    return next((cache / "search-index").glob("*.seg"))


def _file(name):
    return lambda cache: cache / name


def _index_file(pattern):
    return lambda cache: next((cache / "search-index").glob(pattern))


SQLITE, READERS = "cache dateline.sqlite", "Pelican's reader cache"
SEARCH = "the search index"

# Per kind of damage: (which file, how, the notice that names it). Every cache file gets each
# kind of damage that applies to it; one build per kind keeps this module quick.
DAMAGE = {
    "truncated": [
        (_file("dateline.sqlite"), truncate, SQLITE),
        (_file("ArticlesGenerator-Readers"), truncate, READERS),
        (_index_file("*.seg"), truncate, SEARCH),
        (_file("dateline-seals.json"), truncate, "dateline-seals.json is damaged"),
        (_file("dateline-output.json"), truncate, "dateline-output.json is damaged"),
    ],
    "garbled": [
        (_file("dateline.sqlite"), garble, SQLITE),
        (_file("PagesGenerator-Readers"), garble, READERS),
        (_index_file("*.toc"), garble, SEARCH),
        (_file("dateline-build.json"), garble, "dateline-build.json is damaged"),
        (_file("dateline-output.json"), garble, "dateline-output.json is damaged"),
    ],
    "bit-flipped": [
        (_file("dateline.sqlite"), flip_sqlite_value, "dateline.sqlite holds damaged entries"),
        (_file("ArticlesGenerator-Readers"), flip_bit, READERS),
        (_index_file("*.seg"), flip_bit, SEARCH),
        (_file("search-export.pickle"), flip_bit, SEARCH),
        (_file("dateline-output.json"), flip_bit, "dateline-output.json is damaged"),
        (_file("dateline-seals.json"), flip_bit, "dateline-seals.json is damaged"),
    ],
    "swapped": [
        (_file("dateline.sqlite"), swap_sqlite_rows, "dateline.sqlite holds damaged entries"),
        (_file("ArticlesGenerator-Readers"), swap_reader_entries, READERS),
    ],
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_caches_are_rebuilt_with_a_notice(kind, tiny_site, tmp_path, caplog, clean_tree):
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(tiny_site, output, cache)
    # an edit makes the next build read the caches instead of stopping at "up to date"
    edited = tiny_site / "pages/about.md"
    edited.write_text(edited.read_text())
    for target, harm, _ in DAMAGE[kind]:
        harm(target(cache))
    caplog.clear()
    build_site(tiny_site, output, cache)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    for target, _, notice in DAMAGE[kind]:
        assert any(notice in w for w in warnings), f"no notice for {target(cache).name}: {warnings}"
    assert tree(output) == clean_tree


def test_a_swapped_entry_alone_never_shows_another_release(tiny_site, tmp_path, clean_tree):
    """The swap without any other damage: each release page keeps its own body."""
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(tiny_site, output, cache)
    edited = tiny_site / "pages/about.md"
    edited.write_text(edited.read_text())
    swap_sqlite_rows(cache / "dateline.sqlite")
    build_site(tiny_site, output, cache)
    assert tree(output) == clean_tree
