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
import os
import pickle
import re
import time
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from whoosh.util.numeric import length_to_byte

from dateline.runtime.cache import code_version, digest, package_version
from dateline.search.export import (
    clear_previous,
    content_name,
    cut,
    dump,
    export_all,
    finish_stats,
    numbers_of,
    write_rest,
)
from dateline.search.index import content_hash, indexed_texts, open_index, read_stamp
from dateline.search.postings import holds_any, live_documents
from dateline.search.schema import PHRASE_FIELDS, SCHEMA_VERSION, TEXT_FIELDS, ReleasePositions

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
# A rewritten shard is cut again once it grows past this many times the shard cap.
SPLIT_FACTOR = 2


class Unfollowable(Exception):
    """The previous export can't be followed: write the export whole."""


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


class RawShard:
    """A shard (or positions) file as {term: value}, where untouched values stay the JSON text
    they were read as: a release's terms touch most shards, and parsing and serialising
    every term of them again took most of an edit's export.

    The files are compact JSON with sorted keys, {term: {field: [numbers]}}, so each entry
    is a key and a brace-delimited object with no braces inside.
    """

    ENTRY = re.compile(r'("(?:[^"\\]|\\.)*"):(\{[^{}]*\})')

    def __init__(self, blob: bytes):
        self.raw = {json_text(key): (key, value) for key,
                    value in self.ENTRY.findall(blob.decode("utf-8"))}
        self.parsed: dict = {}

    def __contains__(self, term) -> bool:
        return term in self.parsed or term in self.raw

    def __bool__(self) -> bool:
        return bool(self.parsed or self.raw)

    def __getitem__(self, term):
        if term not in self.parsed:
            self.parsed[term] = json.loads(self.raw[term][1])
        return self.parsed[term]

    def get(self, term, default=None):
        try:
            return self[term]
        except KeyError:
            return default

    def pop(self, term, default=None):
        value = self.get(term, default)
        self.raw.pop(term, None)
        self.parsed.pop(term, None)
        return value

    def __setitem__(self, term, value) -> None:
        self.raw.pop(term, None)
        self.parsed[term] = value

    def terms(self) -> list:
        return sorted(self.raw.keys() | self.parsed.keys())

    def entry(self, term) -> str:
        """The term's key and value as dump writes them."""
        if term in self.raw:
            key, value = self.raw[term]
            return f"{key}:{value}"
        return f"{dump(term).decode()}:{dump(self.parsed[term]).decode()}"

    def piece(self, term) -> str:
        """The term's value as dump writes it."""
        return self.raw[term][1] if term in self.raw else dump(self.parsed[term]).decode()

    def blob(self, terms=None) -> bytes:
        """The file's bytes, as dump of the whole dict (or of the given terms) writes them."""
        names = self.terms() if terms is None else [t for t in terms if t in self]
        return ("{" + ",".join(map(self.entry, names)) + "}").encode()


def json_text(literal: str) -> str:
    """The string a JSON string literal stands for (terms rarely hold an escape)."""
    return literal[1:-1] if "\\" not in literal else json.loads(literal)


def write_patched(out_dir: Path, postings: RawShard, positions: RawShard, cap: int,
                  written: list) -> list:
    """Write a patched shard, cut in pieces again if it has grown past SPLIT_FACTOR caps."""
    if not postings:
        return []
    names = postings.terms()
    blob = postings.blob()
    groups = [names] if len(blob) <= SPLIT_FACTOR * cap else cut(
        names, {t: postings.piece(t) for t in names}, cap)
    rows = []
    for group in groups:
        blob = blob if len(groups) == 1 else postings.blob(group)
        name = content_name("shard-", blob)
        (out_dir / name).write_bytes(blob)
        written.append(len(blob))
        places = positions.blob(group)
        pos = ""
        if places != b"{}":
            pos = content_name("pos-", places)
            (out_dir / pos).write_bytes(places)
            written.append(len(places))
        rows.append([group[0], group[-1], name, pos])
    return rows


class Patch:
    """Changes one term's posting lists: below `start`, drops the edited releases; from
    `start` on, renumbers the unchanged releases and drops the rest; and adds the fresh
    postings of the added and edited releases."""

    def __init__(self, start: int, edited: set, renumber: dict, fresh: dict):
        self.start, self.edited, self.renumber, self.fresh = start, edited, renumber, fresh

    def apply(self, term: str, postings: dict, positions: dict) -> None:
        """Patch postings[term] and positions[term] in place (removing the term if emptied)."""
        old, old_places = postings.pop(term, {}), positions.pop(term, {})
        new, new_places = {}, {}
        added = self.fresh.get(term, {})
        for name in TEXT_FIELDS:
            if name not in old and name not in added:
                continue
            flat, places = self.splice(old.get(name, []), old_places.get(name), added.get(name, []))
            if flat:
                new[name] = flat
                if places:
                    new_places[name] = places
        if new:
            postings[term] = new
            if new_places:
                positions[term] = new_places

    def splice(self, flat: list, places, added: list) -> tuple[list, list]:
        """One field's posting list patched and delta-coded again. Below `start` unchanged
        runs are copied as they are; from `start` on the postings are renumbered one by one."""
        numbers = list(accumulate(flat[0::3]))
        offsets = [0, *accumulate(flat[1::3])] if places is not None else None
        end = bisect_left(numbers, self.start)
        stops = {}  # index below end -> rows added before it
        for row in added:
            if row[0] < self.start:
                stops.setdefault(bisect_left(numbers, row[0], 0, end), []).append(row)
        for number in self.edited:
            at = bisect_left(numbers, number, 0, end)
            if at < end and numbers[at] == number:
                stops.setdefault(at, [])
        out, gaps, state = [], [], {"previous": 0}

        def copy(lo, hi):
            if lo < hi:
                out.extend((numbers[lo] - state["previous"], flat[3 * lo + 1], flat[3 * lo + 2]))
                out.extend(flat[3 * lo + 3:3 * hi])
                if offsets is not None:
                    gaps.extend(places[offsets[lo]:offsets[hi]])
                state["previous"] = numbers[hi - 1]

        def put(rows):
            for number, tf, length_byte, row_gaps in rows:
                out.extend((number - state["previous"], tf, length_byte))
                gaps.extend(row_gaps)
                state["previous"] = number

        cursor = 0
        for at in sorted(stops):
            copy(cursor, at)
            cursor = at
            put(stops[at])
            if cursor < end and numbers[cursor] in self.edited:
                cursor += 1
        copy(cursor, end)
        put(sorted(self.tail(flat, places, numbers, offsets, end)
                   + [r for r in added if r[0] >= self.start]))
        return out, gaps

    def tail(self, flat, places, numbers, offsets, end) -> list:
        """The postings from `start` on of releases that did not change, renumbered."""
        rows = []
        for index in range(end, len(numbers)):
            number = self.renumber.get(numbers[index])
            if number is not None:
                row_gaps = places[offsets[index]:offsets[index + 1]] if offsets is not None else []
                rows.append((number, flat[3 * index + 1], flat[3 * index + 2], row_gaps))
        return rows


def keep_shard(row, live_search: Path, out_dir: Path, written: list) -> None:
    """Hard-link a live shard and its positions file, once their bytes match their names."""
    from dateline.pages.manifest import link_or_copy

    for name in row[2:]:
        if name:
            written.append(len(live_bytes(live_search, name)))
            link_or_copy(live_search / name, out_dir / name)


def read_live(live_search: Path, name: str) -> dict:
    return json.loads(live_bytes(live_search, name))


def live_bytes(live_search: Path, name: str) -> bytes:
    """A live export file's bytes, checked against the hash in its name."""
    try:
        blob = (live_search / name).read_bytes()
    except OSError as error:
        raise Unfollowable(f"{name}: {error.strerror}") from None
    if content_name(name.split("-")[0] + "-", blob) != name:
        raise Unfollowable(f"{name} does not match its hash")
    return blob


class Reuse:
    """Write a content-named file, or hard-link the live file of that name and size (the name
    carries a hash of the bytes)."""

    def __init__(self, live_search: Path):
        self.live = live_search
        self.names = {entry.name: entry.stat().st_size for entry in os.scandir(live_search)
                      if entry.is_file()}

    def write(self, out_dir: Path, prefix: str, obj, written: list) -> str:
        from dateline.pages.manifest import link_or_copy

        blob = dump(obj)
        name = content_name(prefix, blob)
        if self.names.get(name) == len(blob):
            link_or_copy(self.live / name, Path(out_dir) / name)
        else:
            (Path(out_dir) / name).write_bytes(blob)
        written.append(len(blob))
        return name

