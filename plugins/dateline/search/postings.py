"""Read the text terms' postings out of the Whoosh index, for the export, on every core.

Reading postings is most of the export's time for 10,000 releases. Each segment's terms are
walked in order and their posting blocks read whole; the terms are dealt out to forked worker
processes by a hash of the term, each of which opens its own reader. The export sorts the
terms afterwards, so the files do not depend on how the work was split.

The export numbers releases by date and id (`live_documents`), not by Whoosh's document
order: a re-indexed release moves to the end of Whoosh's order, but keeps its export number,
so an edit changes only the posting lists of the terms it touches (see follow.py).
"""

from __future__ import annotations

import os
import zlib
from array import array
from bisect import bisect_left
from datetime import datetime
from itertools import accumulate, chain
from operator import sub

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import length_to_byte

from dateline.runtime.forking import fork_map, inherited
from dateline.search.schema import PHRASE_FIELDS, TEXT_FIELDS

# Below this many documents one process is quicker than starting workers.
PARALLEL_MIN = 1000

def live_documents(reader) -> list:
    """[(Whoosh docnum, stored fields)] of the live releases, in export order: by date, then id.

    This is the order a fresh index adds them in (index._write_changes), so on a fresh index
    export numbers equal Whoosh's document numbers and both rank ties alike.
    """
    live = list(reader.iter_docs())
    live.sort(key=lambda pair: (datetime.fromisoformat(pair[1]["date"]), pair[1]["id"]))
    return live


def numbering(live: list) -> dict:
    """{Whoosh docnum: export number} of live documents in export order."""
    return {docnum: number for number, (docnum, _) in enumerate(live)}


def document_numbers(reader) -> dict:
    """{Whoosh docnum: export number} of the live documents (see live_documents)."""
    return numbering(live_documents(reader))


def collect_terms(ix, reader, docnums: dict, cores: int | None = None) -> dict:
    """Return {term: ({field: postings}, {field: positions})} for every indexed text term,
    using at most `cores` processes (all cores by default)."""
    parts = _worker_count(len(docnums), cores)
    if parts == 1:
        return _collect_part(reader, docnums, 0, 1)
    shared = (ix.storage.folder, ix.indexname, docnums)
    pieces = fork_map(_collect_in_worker, [(k, parts) for k in range(parts)], parts, shared=shared)
    terms = pieces[0]
    for piece in pieces[1:]:
        for term, (postings, positions) in piece.items():
            entry = terms.setdefault(term, ({}, {}))
            entry[0].update(postings)
            entry[1].update(positions)
    return terms


def _worker_count(documents: int, cores: int | None) -> int:
    return 1 if documents < PARALLEL_MIN else max(1, cores or os.cpu_count() or 1)


def _collect_in_worker(job) -> dict:
    from whoosh import index as whoosh_index

    part, parts = job
    folder, indexname, docnums = inherited()
    ix = whoosh_index.open_dir(folder, indexname=indexname)
    with ix.reader() as reader:
        return _collect_part(reader, docnums, part, parts)


def _collect_part(reader, docnums: dict, part: int, parts: int) -> dict:
    """The postings of the terms that fall to this part (by a hash of the term).

    Postings and positions are kept as int arrays (4 bytes a number): as Python lists of
    int objects the 10,000-release export held several hundred MB.
    """
    found: dict = {}  # (term, field) -> [flat postings, flat positions, last export number]
    leaves = list(reader.leaf_readers())
    for fieldname in TEXT_FIELDS:
        length_bytes = field_length_bytes(reader, fieldname, docnums)
        field = reader.schema[fieldname]
        gaps = field.format.block_position_deltas if fieldname in PHRASE_FIELDS else None
        for leaf, base in leaves:
            for tbytes, matcher in segment_postings(leaf, fieldname):
                if parts > 1 and zlib.crc32(tbytes) % parts != part:
                    continue
                entry = found.setdefault((field.from_bytes(tbytes), fieldname), new_entry())
                add_postings(entry, leaf_blocks(matcher), base, docnums, length_bytes, gaps)
    return finish(found)


def new_entry() -> list:
    """[flat postings, flat positions, last export number, in order so far]."""
    return [array("i"), array("i"), 0, True]


def finish(found: dict) -> dict:
    """{term: ({field: postings}, {field: positions})} from the collected entries."""
    terms = {}
    for (term, fieldname), entry in found.items():
        if not entry[3]:
            reorder(entry)
        flat, positions = entry[0], entry[1]
        if not flat:
            continue  # only deleted releases held it
        postings, position_lists = terms.setdefault(term, ({}, {}))
        postings[fieldname] = flat
        if positions:
            position_lists[fieldname] = positions
    return terms


def segment_postings(leaf, fieldname):
    """Yield (term bytes, matcher) for every term of a field in one segment, in term order.

    Walks the segment's term table in order instead of looking each term up by hash (what
    `reader.postings` does): with several segments most lookups miss, and each cost about
    35 µs. Matchers are made and filtered for deleted documents as `SegmentReader.postings`
    makes them; tests compare the export with and without this path.
    """
    table = getattr(leaf, "_terms", None)
    if table is None:  # an EmptyReader: no release published yet, so no postings
        return
    fieldformat = leaf.schema[fieldname].format
    deleted = leaf.deleted_docs_set
    for (name, tbytes), terminfo in table.items_from(fieldname, b""):
        if name != fieldname:
            break
        matcher = table._codec.postings_reader(table._postfile, terminfo, fieldformat,
                                               term=(name, tbytes))
        yield tbytes, FilterMatcher(matcher, deleted, exclude=True) if deleted else matcher


def add_postings(entry, blocks, base, docnums, length_bytes, gaps) -> None:
    """Append blocks of one segment's postings to entry (see new_entry).

    Postings are appended as Whoosh stores them, delta-coded by export number. An edited
    release sits in a later segment than its export number says, so a list can come out of
    order: that is noted, and `reorder` sorts it once the list is complete.
    """
    flat, positions, previous, in_order = entry
    for ids, weights, values in blocks:
        if base:
            ids = [d + base for d in ids]
        numbers = [docnums[d] for d in ids]
        deltas = [n - p for n, p in zip(numbers, [previous, *numbers[:-1]])]
        if in_order and min(deltas) < 0:
            in_order = False
        flat.extend(chain.from_iterable(zip(deltas, map(int, weights),
                                            [length_bytes[d] for d in ids])))
        previous = numbers[-1]
        if gaps is not None:
            positions.extend(gaps(values))
    entry[2], entry[3] = previous, in_order


def reorder(entry) -> None:
    """Sort a posting list (and its positions) by export number, and delta-code it again.

    The list is runs in order (one per segment), which Python's sort merges in linear time.
    """
    flat, positions = entry[0], entry[1]
    numbers = list(accumulate(flat[0::3]))
    order = sorted(range(len(numbers)), key=numbers.__getitem__)
    ordered = [numbers[i] for i in order]
    tfs, lengths = flat[1::3], flat[2::3]
    deltas = map(sub, ordered, [0, *ordered[:-1]])
    entry[0] = array("i",
                     chain.from_iterable(zip(deltas, [tfs[i] for i in order],
                                             [lengths[i] for i in order])))
    if positions:
        offsets = list(accumulate(tfs, initial=0))
        entry[1] = array("i",
                         chain.from_iterable(positions[offsets[i]:offsets[i + 1]] for i in order))
    entry[2], entry[3] = (ordered[-1] if ordered else 0), True


def export_numbers(flat) -> array:
    """The export numbers of a delta-coded posting list, in order."""
    return array("i", accumulate(flat[0::3]))


def holds_any(numbers, wanted) -> bool:
    """Whether the sorted numbers include any of `wanted`."""
    for number in wanted:
        at = bisect_left(numbers, number)
        if at < len(numbers) and numbers[at] == number:
            return True
    return False


def field_length_bytes(reader, fieldname, docnums):
    """[length byte] of a field by docnum, read once (not once per posting)."""
    table = [0] * (max(docnums, default=-1) + 1)
    for docnum in docnums:
        table[docnum] = length_to_byte(reader.doc_field_length(docnum, fieldname) or 0)
    return table


def leaf_blocks(matcher):
    """Yield (ids, weights, values) of one segment's postings of a term, a block at a time.

    A plain Whoosh 3 posting list is read from each block's decoded arrays (the matcher's
    own `_read_*` methods): the per-posting id()/weight()/value()/next() calls cost four
    times as much. Any other matcher (inlined postings, or a segment with deletions, whose
    matcher skips deleted documents) is read posting by posting into one block. Tests check
    both paths give the same postings.
    """
    if type(matcher) is not W3LeafMatcher:
        rows = []
        while matcher.is_active():
            rows.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        if rows:
            yield tuple(zip(*rows))
        return
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        yield matcher._ids, matcher._weights, matcher._values
        matcher._next_block()
