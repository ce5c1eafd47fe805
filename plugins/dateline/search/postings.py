"""Read every text term's postings out of the Whoosh index, for the export, on every core.

Reading postings is most of the export's time for 10,000 releases. Each segment's terms are
walked in order and their posting blocks read whole; the terms are dealt out to forked worker
processes by a hash of the term, each of which opens its own reader. The export sorts the
terms afterwards, so the files do not depend on how the work was split.
"""

from __future__ import annotations

import os
import zlib
from array import array
from itertools import chain

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import length_to_byte

from dateline.forking import fork_map, inherited
from dateline.search.schema import PHRASE_FIELDS, TEXT_FIELDS

# Below this many documents one process is quicker than starting workers.
PARALLEL_MIN = 1000

def document_numbers(reader) -> dict:
    """{Whoosh docnum: export number} of the live documents, numbered in index order."""
    return {n: i for i, n in enumerate(sorted(reader.all_doc_ids()))}


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
                entry = found.setdefault((field.from_bytes(tbytes), fieldname), [array("i"), array("i"), 0])
                entry[2] = add_postings(entry, leaf_blocks(matcher), base, docnums, length_bytes, gaps)
    terms = {}
    for (term, fieldname), (flat, positions, _) in found.items():
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
    table = leaf._terms
    fieldformat = leaf.schema[fieldname].format
    deleted = leaf.deleted_docs_set
    for (name, tbytes), terminfo in table.items_from(fieldname, b""):
        if name != fieldname:
            break
        matcher = table._codec.postings_reader(table._postfile, terminfo, fieldformat, term=(name, tbytes))
        yield tbytes, FilterMatcher(matcher, deleted, exclude=True) if deleted else matcher


def add_postings(entry, blocks, base, docnums, length_bytes, gaps) -> int:
    """Append blocks of one segment's postings to entry ([flat, positions, previous]);
    return the last export number."""
    flat, positions, previous = entry
    for ids, weights, values in blocks:
        if base:
            ids = [d + base for d in ids]
        numbers = [docnums[d] for d in ids]
        deltas = [n - p for n, p in zip(numbers, [previous, *numbers[:-1]])]
        flat.extend(chain.from_iterable(zip(deltas, map(int, weights), [length_bytes[d] for d in ids])))
        previous = numbers[-1]
        if gaps is not None:
            positions.extend(gaps(values))
    return previous


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
