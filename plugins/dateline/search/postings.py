"""Read every text term's postings out of the Whoosh index, for the export, on every core.

Reading postings is a Python loop over each (term, document) pair: about half of the export's
time for 10,000 releases. The terms are dealt out to forked worker processes (every
`parts`-th term of each field), each of which opens its own reader; the export sorts the
terms afterwards, so the files do not depend on how the work was split.
"""

from __future__ import annotations

import multiprocessing
import os

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.util.numeric import length_to_byte

from dateline.search.schema import PHRASE_FIELDS, TEXT_FIELDS

# Below this many documents one process is quicker than starting workers.
PARALLEL_MIN = 1000

# (index folder, index name, docnums) for the forked workers, set just before they start.
_JOB: tuple = ()


def document_numbers(reader) -> dict:
    """{Whoosh docnum: export number} of the live documents, numbered in index order."""
    return {n: i for i, n in enumerate(sorted(reader.all_doc_ids()))}


def collect_terms(ix, reader, docnums: dict, cores: int | None = None) -> dict:
    """Return {term: ({field: postings}, {field: positions})} for every indexed text term,
    using at most `cores` processes (all cores by default)."""
    parts = _worker_count(len(docnums), cores)
    if parts == 1:
        return _collect_part(reader, docnums, 0, 1)
    global _JOB
    _JOB = (ix.storage.folder, ix.indexname, docnums)
    try:
        with multiprocessing.get_context("fork").Pool(parts) as pool:
            pieces = pool.starmap(_collect_in_worker, [(k, parts) for k in range(parts)])
    finally:
        _JOB = ()
    terms = pieces[0]
    for piece in pieces[1:]:
        for term, (postings, positions) in piece.items():
            entry = terms.setdefault(term, ({}, {}))
            entry[0].update(postings)
            entry[1].update(positions)
    return terms


def _worker_count(documents: int, cores: int | None) -> int:
    return 1 if documents < PARALLEL_MIN else max(1, cores or os.cpu_count() or 1)


def _collect_in_worker(part: int, parts: int) -> dict:
    from whoosh import index as whoosh_index

    folder, indexname, docnums = _JOB
    ix = whoosh_index.open_dir(folder, indexname=indexname)
    with ix.reader() as reader:
        return _collect_part(reader, docnums, part, parts)


def _collect_part(reader, docnums: dict, part: int, parts: int) -> dict:
    """The postings of every parts-th term of each field, starting with the part-th."""
    terms = {}
    leaves = list(reader.leaf_readers())
    for fieldname in TEXT_FIELDS:
        length_bytes = field_length_bytes(reader, fieldname, docnums)
        for index, term in enumerate(reader.field_terms(fieldname)):
            if index % parts != part:
                continue
            flat, positions = read_postings(leaves, fieldname, term, docnums, length_bytes)
            if not flat:
                continue  # only deleted releases held it
            entry = terms.setdefault(term, ({}, {}))
            entry[0][fieldname] = flat
            if positions:
                entry[1][fieldname] = positions
    return terms


def field_length_bytes(reader, fieldname, docnums):
    """{docnum: length byte} of a field, read once (not once per posting)."""
    return {d: length_to_byte(reader.doc_field_length(d, fieldname) or 0) for d in docnums}


def read_postings(leaves, fieldname, term, docnums, length_bytes):
    """Return (flat postings, flat positions) of a term: [doc delta, tf, length byte]...

    Segment by segment (leaves are (segment reader, first docnum) pairs, in docnum order):
    Whoosh's multi-segment matcher costs a wrapper call per posting.
    """
    flat, positions = [], []
    previous = 0
    gaps = None
    for leaf, base in leaves:
        if (fieldname, term) not in leaf:
            continue
        if gaps is None and fieldname in PHRASE_FIELDS:
            gaps = leaf.schema[fieldname].format.position_deltas
        for docnum, weight, value in leaf_postings(leaf.postings(fieldname, term)):
            docnum += base
            number = docnums[docnum]
            flat += (number - previous, int(weight), length_bytes[docnum])
            previous = number
            if gaps is not None:
                positions += gaps(value)
    return flat, positions


def leaf_postings(matcher):
    """Yield (docnum, weight, value) of one segment's postings of a term.

    A plain Whoosh 3 posting list is read a block at a time from the block's decoded
    arrays (the matcher's own `_read_*` methods): the per-posting id()/weight()/value()/
    next() calls cost four times as much. Any other matcher (inlined postings, or a
    segment with deletions, whose matcher skips deleted documents) goes posting by posting.
    Tests check both paths give the same postings.
    """
    if type(matcher) is not W3LeafMatcher:
        while matcher.is_active():
            yield matcher.id(), matcher.weight(), matcher.value()
            matcher.next()
        return
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        yield from zip(matcher._ids, matcher._weights, matcher._values)
        matcher._next_block()
