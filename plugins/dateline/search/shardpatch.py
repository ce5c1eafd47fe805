"""Shards patched in place: the posting-list surgery an export that follows edits does.

`follow.py` decides which terms an edit touches; this module rewrites just their entries in
the live shard files (`RawShard` keeps every untouched entry as the JSON text it was read
as), re-codes renumbered postings (`Patch`), and keeps untouched shards by hard link.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path

from dateline.search.export import content_name, cut, dump
from dateline.search.schema import TEXT_FIELDS

# A rewritten shard is cut again once it grows past this many times the shard cap.
SPLIT_FACTOR = 2


class Unfollowable(Exception):
    """The previous export can't be followed: write the export whole."""



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

