"""Write releases into the Whoosh index in slices, on every core, numbering documents the same way
every time.

A Whoosh writer keeps postings in memory up to its pool size, then spills sorted runs to disk
and merges them in Python at the end; for 10,000 releases that doubled the time. So a large
batch is written as contiguous slices of at most SLICE_DOCS date-ordered releases, one segment
each, by forked worker processes when there are cores to spare, and the segments join the
index in slice order. (Whoosh's own MpWriter hands batches to whichever process is free and
adds segments in the order they finish, so two builds of the same releases could number
documents differently and export different bytes.) Workers are forked: they inherit the
documents instead of receiving them through a pipe. In a build's search process one core is
spare while Pelican writes pages; a second worker waits for the main process's core to free up
(runtime/freecore.py) and then takes the remaining slices.
"""

from __future__ import annotations

import os

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from dateline.runtime.forking import fork_map, inherited
from dateline.runtime.freecore import NONE, FreeCore
from dateline.search.schema import TEXT_FIELDS, count_terms

# Below this many new releases one process is quicker than starting workers.
PARALLEL_MIN = 1000
# Postings a writer keeps in memory (MB), and releases per segment, so that one segment's
# postings never spill to disk.
POOL_MB = 256
SLICE_DOCS = 2500

class ReleaseWriter(SegmentWriter):
    """A SegmentWriter that stores exact field lengths and flushes without a file read per posting.

    Writing the postings asks for the document's field length once per posting
    (for the block headers); Whoosh reads it through its column reader each time, which
    was a tenth of the indexing time. Here a table read once answers; the values are the same.
    """

    def add_document(self, **fields):
        """Add a release, storing each text field's exact term count as `lengths`.

        Whoosh keeps field lengths as one byte; search statistics need exact totals. Counting
        right before indexing lets Whoosh reuse the same analysis (see term_positions).
        """
        fields["lengths"] = {name: count_terms(fields[name]) for name in TEXT_FIELDS}
        super().add_document(**fields)

    def per_document_reader(self):
        return LengthTable(super().per_document_reader(), self.schema.scorable_names())


class LengthTable:
    """A per-document reader whose `doc_field_length` answers from lists read once."""

    def __init__(self, reader, fieldnames):
        self._reader = reader
        count = reader.doc_count_all()
        # exactly what the reader answers, including its None for a zero length byte
        self._lengths = {name: [reader.doc_field_length(n, name) for n in range(count)] for name
                         in fieldnames}

    def doc_field_length(self, docnum, fieldname, default=0):
        table = self._lengths.get(fieldname)
        if table is None:
            return self._reader.doc_field_length(docnum, fieldname, default)
        return table[docnum]

    def __getattr__(self, name):
        return getattr(self._reader, name)


def slice_count(documents: int) -> int:
    """How many segments this many new releases are written as (see SLICE_DOCS)."""
    return max(1, -(-documents // SLICE_DOCS))


def worker_count(documents: int, cores: int | None = None) -> int:
    """How many processes should write this many new releases, on at most `cores` cores
    (all of them by default)."""
    cores = cores or os.cpu_count() or 1
    if documents < PARALLEL_MIN or cores < 2:
        return 1
    return max(1, min(cores, slice_count(documents), documents // (PARALLEL_MIN // 2)))


def add_documents(writer: SegmentWriter, ix, documents: list, cores: int | None = None,
                  free: FreeCore = NONE) -> None:
    """Add documents (add_document keyword dicts, in order) and commit the writer.

    Up to SLICE_DOCS documents: writer.add_document + commit. More: each contiguous slice is
    written into its own segment, by worker processes when there are cores to spare, and
    the writer commits the segments in slice order. With one core to spare and a `free`
    core to come (runtime/freecore.py), a second worker takes slices once it is free.
    """
    slices = slice_count(len(documents))
    if slices == 1:
        for fields in documents:
            writer.add_document(**fields)
        writer.commit()
        return
    workers = worker_count(len(documents), cores)
    if workers == 1 and len(documents) >= PARALLEL_MIN:
        workers = free.workers(1)
    segments = _write_slices(ix, documents, slices, workers, free)
    commit_segments(writer, segments)


def _write_slices(ix, documents: list, slices: int, workers: int, free: FreeCore = NONE) -> list:
    """Write `slices` contiguous slices, one segment each; return the segments in order."""
    size = -(-len(documents) // slices)
    parts = [documents[i:i + size] for i in range(0, len(documents), size)]
    jobs = [(ix.storage.folder, ix.indexname, n) for n in range(len(parts))]
    if workers == 1:
        return [_write_slice(job, parts) for job in jobs]
    return fork_map(_write_slice_in_slot, jobs, workers, shared=(parts, free))


def _write_slice_in_slot(job) -> object:
    """In a forked worker: write the slice once a core is ours (see FreeCore.slot)."""
    parts, free = inherited()
    with free.slot():
        return _write_slice(job, parts)


def _write_slice(job, parts) -> object:
    """Write slice n into a new segment (no lock: the committing writer holds it)."""
    folder, indexname, n = job
    ix = whoosh_index.open_dir(folder, indexname=indexname)
    writer = ReleaseWriter(ix, _lk=False, limitmb=POOL_MB)
    for fields in parts[n]:
        writer.add_document(**fields)
    # The temporary folder is shared by every writer of the index; the parent's commit
    # removes it.
    return writer._finalize_segment()


def commit_segments(writer: SegmentWriter, segments: list) -> None:
    """Commit the writer's deletions together with segments written by workers.

    The same steps as Whoosh's MultiSegmentWriter commit, with the segments in our order.
    """
    kept = writer._merge_segments(None, None, None)
    kept += segments
    if writer._added:  # the merge policy folded small segments into this writer
        kept.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(kept)
    writer._finish()
