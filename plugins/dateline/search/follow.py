"""An export that follows edits: rewrite only the files an edit changes.

After one edited release, a whole export reads every posting list at 10,000 releases
(13 to 20 s on the one core a build leaves it) and gives every shard a new name, so every
visitor's cached shards go stale. Export numbers follow the releases' date and id
(`postings.live_documents`), so an edit that keeps a release's date changes only the posting
lists of the terms its old and new text hold, and a release added as the newest changes
only its own terms' lists.

The previous export is described by an `ExportState`, kept in the cache beside the index:
the release ids and content hashes in export order, each term's export numbers, and the
shard layout. It is trusted only while the live `search/manifest.json` is the one it
describes. An update then:
1. finds the first export number whose release differs, the edited releases before it, and
   from there on which releases are unchanged but renumbered (an older release added or
   removed moves every later one) and which were added or changed;
2. gathers the affected terms: those whose old lists hold a release from that number on or
   an edited one (from the state), and those the added and changed releases hold (analysed
   with the index's own field formats);
3. patches just those terms' posting lists, read from the live shards: unchanged runs are
   copied, the renumbered tail is re-coded, the fresh postings go in;
4. writes the patched shards, keeps every other shard by hard link (same name, same bytes),
   and writes the document chunks, facets and manifest.
Too many added, edited or removed releases, or anything unexpected about the state or the
live files, and the export is written whole instead (`Unfollowable`). Either way the files
hold the same postings, records and statistics; only where shards are cut may differ, which
the browser reads from the manifest. Tests compare the two after each kind of change.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
import time
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.util.numeric import length_to_byte

from dateline.runtime.cache import code_version, digest, package_version
from dateline.search.export import (
    clear_previous,
    export_all,
    finish_stats,
    numbers_of,
    write_rest,
)
from dateline.search.index import content_hash, indexed_texts, open_index, read_stamp
from dateline.search.postings import holds_any, live_documents
from dateline.search.schema import PHRASE_FIELDS, SCHEMA_VERSION, ReleasePositions
from dateline.search.shardpatch import (
    Patch,
    RawShard,
    Reuse,
    Unfollowable,
    keep_shard,
    live_bytes,
    write_patched,
)

logger = logging.getLogger(__name__)

STATE_NAME = "search-export.pickle"
# Bump when ExportState or the meaning of its fields changes: an older state is then ignored
# (as is one written by other plugin code, or for another schema: see state_version).
STATE_VERSION = 1
# Follow at most this many added, edited or removed releases (or this share of them); more
# and a whole export is about as quick. (Releases that only moved, as when an older release is
# added, are renumbered, not analysed again.)
FOLLOW_RELEASES = 200
FOLLOW_SHARE = 0.02

@dataclass
class ExportState:
    """What the last export wrote, for the next one to follow."""

    index_state: str
    manifest_sha256: str
    ids: list
    hashes: list
    numbers: dict = field(repr=False)  # {term: array of export numbers holding it}
    shards: list = field(repr=False)  # the manifest's shard rows
    cap: int = 0
    version: str = ""


def state_path(index_dir: Path) -> Path:
    return Path(index_dir).with_name(STATE_NAME)


def load_state(path: Path) -> ExportState | None:
    """The saved state, or None when missing, unreadable or from other code."""
    try:
        state = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError):
        return None
    if not isinstance(state, ExportState) or getattr(state, "version", None) != state_version():
        return None
    return state


def state_version() -> str:
    """The state's format, the plugin's code and the index schema: a change to any of them
    (a new analyzer, say, which changes every term) means the export is written whole."""
    return digest(STATE_VERSION, code_version(), package_version(), SCHEMA_VERSION)


def save_state(path: Path, state: ExportState) -> None:
    state.version = state_version()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def live_state(live) -> str:
    """Digest of the live releases and their content hashes, with the schema version."""
    pairs = sorted((stored["id"], stored["content_hash"]) for _, stored in live)
    return digest(SCHEMA_VERSION, json.dumps(pairs))


def describes(state: ExportState | None, live_search: Path | None) -> bool:
    """Whether state describes the export now live in live_search."""
    if state is None or live_search is None:
        return False
    manifest = live_search / "manifest.json"
    return manifest.is_file() and sha256_of(manifest) == state.manifest_sha256


def update_export(index_dir: Path, out_dir: Path, live_search: Path | None, documents,
                  cores=None) -> dict:
    """Bring out_dir to the export of the index: reuse the live export when the index is the
    one it was made from, follow it when few releases changed, else export everything.

    documents: the SearchDocuments just indexed (their text gives an edit's new terms).
    Returns {"how": "reused" | "followed" | "exported", "seconds": s, "stats": ExportStats or None}.
    """
    started = time.perf_counter()
    out_dir, path = Path(out_dir), state_path(index_dir)
    previous = load_state(path)
    if not describes(previous, live_search):
        previous = None
    ix, _ = open_index(index_dir)
    with ix.reader() as reader:
        live = live_documents(reader)
        now = live_state(live)
        if previous is not None and previous.index_state == now:
            link_all(live_search, out_dir)
            logger.info("search: index unchanged; reused the live export")
            return {"how": "reused", "seconds": time.perf_counter() - started, "stats": None}
        how, stats, state = write_export(
            ix,
            reader,
            live,
            read_stamp(index_dir),
            previous,
            documents,
            out_dir,
            live_search,
            cores,
        )
    state.index_state = now
    state.manifest_sha256 = sha256_of(out_dir / "manifest.json")
    save_state(path, state)
    return {"how": how, "seconds": time.perf_counter() - started, "stats": stats}


def write_export(ix, reader, live, stamp, previous, documents, out_dir: Path, live_search, cores):
    """Follow the previous export when there is one to follow, else write it whole;
    return (how, stats, state)."""
    if previous is not None:
        try:
            return ("followed",
                    *follow(reader.schema, live, stamp, previous, documents, out_dir, live_search))
        except Unfollowable as reason:
            logger.info("search: writing the whole export (%s)", reason)
    stats, written = export_all(ix, reader, live, stamp, out_dir, cores)
    return "exported", stats, whole_state(live, written)


def link_all(live_search: Path, out_dir: Path) -> None:
    """Hard-link the live export's files into out_dir."""
    from dateline.pages.manifest import link_or_copy

    out_dir.mkdir(parents=True, exist_ok=True)
    for source in live_search.iterdir():
        if source.is_file() and source.name != "index.html":
            link_or_copy(source, out_dir / source.name)


def whole_state(live, written: dict) -> ExportState:
    """The state of a whole export."""
    return ExportState("", "", [s["id"] for _, s in live], [s["content_hash"] for _, s in live],
                       written["numbers"], written["shards"], written["cap"])


def follow(schema, live, stamp, previous: ExportState, documents, out_dir: Path, live_search: Path):
    """Write the export by changing the previous one (see the module's docstring). It reads
    no postings from Whoosh: the index's schema analyses the changed releases' text."""
    started = time.perf_counter()
    ids = [stored["id"] for _, stored in live]
    hashes = [stored["content_hash"] for _, stored in live]
    start, edited = differences(previous, ids, hashes)
    renumber, added = moves(previous, ids, hashes, start)
    count = len(edited) + len(added) + (len(previous.ids) - start - len(renumber))
    if count > max(FOLLOW_RELEASES, FOLLOW_SHARE * len(ids)):
        raise Unfollowable(f"{count} releases added, edited or removed")
    if not previous.shards:
        raise Unfollowable("the last export was empty")
    changed = changed_documents(documents, ids, hashes, [*edited, *added])
    fresh = fresh_postings(schema, changed)
    affected = old_terms(previous, start, edited) | set(fresh)
    clear_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, numbers = [], dict(previous.numbers)
    patch = Patch(start, set(edited), renumber, fresh)
    shards = rewrite_shards(previous, affected, patch, live_search, out_dir, written, numbers)
    reuse = Reuse(live_search)
    manifest = write_rest(out_dir, live, stamp, shards, numbers, written, reuse.write)
    state = ExportState("", "", ids, hashes, numbers, shards, previous.cap)
    stats = finish_stats(manifest, len(numbers), len(shards), written, started,
                         how=f"followed {count} changed releases ({len(affected)} terms):")
    return stats, state


def changed_documents(documents, ids: list, hashes: list, numbers: list) -> dict:
    """{export number: SearchDocument} of the releases whose postings are made afresh; each
    must be the very text the index holds."""
    wanted = {ids[n]: n for n in numbers}
    found = {wanted[doc.id]: doc for doc in documents if doc.id in wanted}
    if len(found) != len(wanted):
        raise Unfollowable("the changed releases' text is not at hand")
    if any(content_hash(doc) != hashes[n] for n, doc in found.items()):
        raise Unfollowable("the changed releases' text is not what the index holds")
    return found


def fresh_postings(schema, changed: dict) -> dict:
    """{term: {field: [(export number, tf, length byte, position gaps)]}} of changed releases,
    analysed as Whoosh's writer analyses them (the field's format and analyzer; the field
    length is the sum of the term frequencies, kept as one byte)."""
    fresh: dict = {}
    for number in sorted(changed):
        for name, text in indexed_texts(changed[number]).items():
            fieldobj = schema[name]
            values = list(fieldobj.format.word_values(text, fieldobj.analyzer, mode="index"))
            length_byte = length_to_byte(sum(freq for _, freq, _, _ in values))
            for word, _, weight, value in values:
                gaps = ReleasePositions.position_deltas(value) if name in PHRASE_FIELDS else []
                fresh.setdefault(word, {}).setdefault(name, []).append(
                    (number, int(weight), length_byte, gaps))
    return fresh


def differences(previous: ExportState, ids: list, hashes: list) -> tuple[int, list]:
    """(the first export number whose release differs, the edited numbers before it)."""
    start = 0
    for start, (old, new) in enumerate(zip(previous.ids, ids)):
        if old != new:
            break
    else:
        start = min(len(previous.ids), len(ids))
    edited = [n for n in range(start) if hashes[n] != previous.hashes[n]]
    return start, edited


def moves(previous: ExportState, ids: list, hashes: list, start: int) -> tuple[dict, list]:
    """From `start` on: ({old export number: new one} of the unchanged releases, which keep
    their order, and [new export numbers of the added or changed releases])."""
    numbered = {ids[n]: n for n in range(start, len(ids))}
    renumber = {}
    for old in range(start, len(previous.ids)):
        new = numbered.get(previous.ids[old])
        if new is not None and hashes[new] == previous.hashes[old]:
            renumber[old] = new
    kept = set(renumber.values())
    return renumber, [n for n in range(start, len(ids)) if n not in kept]


def old_terms(previous: ExportState, start: int, edited: list) -> set:
    """Terms whose old posting lists hold a release from `start` on, or an edited one."""
    return {term for term, numbers in previous.numbers.items()
            if numbers[-1] >= start or (edited and holds_any(numbers, edited))}


def rewrite_shards(previous: ExportState, affected: set, patch, live_search: Path, out_dir: Path,
                   written: list, numbers: dict) -> list:
    """The new shard rows: shards without affected terms kept by link, the others patched
    (their term numbers in `numbers` too)."""
    firsts = [row[0] for row in previous.shards]
    touched = defaultdict(set)
    for term in affected:
        touched[max(0, bisect_right(firsts, term) - 1)].add(term)
    rows = []
    for index, row in enumerate(previous.shards):
        if index not in touched:
            keep_shard(row, live_search, out_dir, written)
            rows.append(row)
            continue
        postings = RawShard(live_bytes(live_search, row[2]))
        positions = RawShard(live_bytes(live_search, row[3]) if row[3] else b"{}")
        for term in touched[index]:
            patch.apply(term, postings, positions)
            if term in postings:
                numbers[term] = numbers_of(postings[term])
            else:
                numbers.pop(term, None)
        rows += write_patched(out_dir, postings, positions, previous.cap, written)
    return rows
