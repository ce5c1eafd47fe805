"""Write releases into the Whoosh index on every core, with the same document numbers every time.

Whoosh's own MpWriter hands batches to whichever process is free and adds the segments in the
order the processes finish, so two builds of the same releases could number documents
differently and export different bytes. Here each worker process gets one contiguous slice of
the date-ordered releases and writes one segment; the segments join the index in slice order,
so the same releases always get the same document numbers. Workers are forked: they inherit
the documents instead of receiving them through a pipe.
"""

from __future__ import annotations

import multiprocessing
import os

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

# Below this many new releases one process is quicker than starting workers.
PARALLEL_MIN = 1000
# Postings a writer keeps in memory before it sorts them into a run file on disk (MB).
POOL_MB = 256

# The documents to write, set by the parent just before it forks its workers.
_SLICES: list = []


class ReleaseWriter(SegmentWriter):
    """A SegmentWriter whose flush looks field lengths up in a table, not a file.

    Writing the postings asks for the document's field length once per posting
    (for the block headers); Whoosh reads it through its column reader each time, which
    was a tenth of the indexing time. The values are the same.
    """

    def per_document_reader(self):
        return LengthTable(super().per_document_reader(), self.schema.scorable_names())


class LengthTable:
    """A per-document reader whose `doc_field_length` answers from lists read once."""

    def __init__(self, reader, fieldnames):
        self._reader = reader
        count = reader.doc_count_all()
        # exactly what the reader answers, including its None for a zero length byte
        self._lengths = {name: [reader.doc_field_length(n, name) for n in range(count)] for name in fieldnames}

    def doc_field_length(self, docnum, fieldname, default=0):
        table = self._lengths.get(fieldname)
        if table is None:
            return self._reader.doc_field_length(docnum, fieldname, default)
        return table[docnum]

    def __getattr__(self, name):
        return getattr(self._reader, name)


def worker_count(documents: int, cores: int | None = None) -> int:
    """How many processes should write this many new releases, on at most `cores` cores
    (all of them by default)."""
    cores = cores or os.cpu_count() or 1
    if documents < PARALLEL_MIN or cores < 2:
        return 1
    return max(1, min(cores, documents // (PARALLEL_MIN // 2)))


def add_documents(writer: SegmentWriter, ix, documents: list, cores: int | None = None) -> None:
    """Add documents (add_document keyword dicts, in order) and commit the writer.

    With one worker this is writer.add_document + commit. With more, each worker writes a
    slice into its own segment, and the writer commits them in slice order.
    """
    workers = worker_count(len(documents), cores)
    if workers == 1:
        for fields in documents:
            writer.add_document(**fields)
        writer.commit()
        return
    segments = _write_slices(ix, documents, workers)
    commit_segments(writer, segments)


def _write_slices(ix, documents: list, workers: int) -> list:
    """Fork workers that each write one contiguous slice; return their segments in order."""
    global _SLICES
    size = -(-len(documents) // workers)
    _SLICES = [documents[i:i + size] for i in range(0, len(documents), size)]
    try:
        with multiprocessing.get_context("fork").Pool(len(_SLICES)) as pool:
            return pool.map(_write_slice, [(ix.storage.folder, ix.indexname, n) for n in range(len(_SLICES))])
    finally:
        _SLICES = []


def _write_slice(job) -> object:
    """Worker: write slice n into a new segment (no lock: the parent holds it)."""
    folder, indexname, n = job
    ix = whoosh_index.open_dir(folder, indexname=indexname)
    writer = ReleaseWriter(ix, _lk=False, limitmb=POOL_MB)
    for fields in _SLICES[n]:
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
