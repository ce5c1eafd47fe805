"""The incremental Whoosh index of published releases, kept in a cache folder outside output/."""

import hashlib
import json
import logging
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index

from dateline.runtime.freecore import NONE, FreeCore
from dateline.search.correct import surface_words
from dateline.search.schema import SCHEMA_VERSION, SNIPPET_CHARS, TEXT_FIELDS, build_schema
from dateline.search.writer import POOL_MB, ReleaseWriter, add_documents

logger = logging.getLogger(__name__)

STAMP_NAME = "dateline-search.json"
INDEX_NAME = "releases"


@dataclass(frozen=True)
class SearchDocument:
    """One published release as search sees it (body without disclaimers or legends)."""

    id: str
    title: str
    body: str
    tags: tuple
    tickers: tuple
    date: datetime
    url: str
    summary: str = ""


@dataclass(frozen=True)
class IndexStats:
    """What one update did to the index."""

    added: int
    updated: int
    deleted: int
    unchanged: int
    seconds: float
    rebuilt: bool = False


def display_record(doc):
    """Return the stored record the result list shows (and the export writes)."""
    return {
        "title": doc.title,
        "url": doc.url,
        "date": doc.date.isoformat(),
        "tickers": list(doc.tickers),
        "tags": list(doc.tags),
        "summary": doc.summary,
        "snippet": doc.body[:SNIPPET_CHARS],
    }


def content_hash(doc):
    """Hash everything indexed or shown, so any edit re-indexes the release."""
    record = display_record(doc)
    record["body"] = doc.body
    record["id"] = doc.id
    blob = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def indexed_texts(doc):
    """{text field: the text indexed for it} of a release."""
    return {
        "title": doc.title,
        "body": doc.body,
        "tags": " ".join(doc.tags),
        "ticker": " ".join(doc.tickers),
    }


def whoosh_fields(doc, digest):
    """Return the add_document() keyword arguments for a release."""
    return {
        **indexed_texts(doc),  # (the writer adds the exact "lengths" of these)
        "id": doc.id,
        "content_hash": digest,
        "ticker_key": ",".join(doc.tickers),
        "tag_key": ",".join(doc.tags),
        "year": str(doc.date.year),
        "date": doc.date.isoformat(),
        "display": display_record(doc),
        "surfaces": surface_words(doc.title, doc.body),
    }


def read_stamp(index_dir):
    """Return the stamp: schema version and live collection statistics."""
    return json.loads((Path(index_dir) / STAMP_NAME).read_text("utf-8"))


def write_stamp(index_dir, ix):
    """Record the schema version and field-length totals summed over live releases.

    Whoosh sums field lengths from one-byte (quantised) values when segments merge, so its own
    totals drift after deletions; these totals are exact and independent of history.
    """
    totals = dict.fromkeys(TEXT_FIELDS, 0)
    count = 0
    with ix.reader() as reader:
        for _, stored in reader.iter_docs():
            count += 1
            for f in TEXT_FIELDS:
                totals[f] += stored["lengths"][f]
    stamp = {"schema": SCHEMA_VERSION, "doc_count": count, "field_totals": totals}
    (Path(index_dir) / STAMP_NAME).write_text(json.dumps(stamp, sort_keys=True), "utf-8")
    return stamp


def _stamp_ok(index_dir):
    """Return True when the index folder was built by this schema version."""
    stamp = index_dir / STAMP_NAME
    if not stamp.is_file() or not whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME):
        return False
    try:
        return json.loads(stamp.read_text("utf-8")).get("schema") == SCHEMA_VERSION
    except (OSError, ValueError):
        return False


def open_index(index_dir):
    """Open the index, or create it empty (wiping a stale one); return (index, rebuilt)."""
    index_dir = Path(index_dir)
    if _stamp_ok(index_dir):
        return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME), False
    if index_dir.exists():
        logger.info("search: schema changed or index missing, rebuilding %s", index_dir)
        shutil.rmtree(index_dir)
    index_dir.mkdir(parents=True)
    ix = whoosh_index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)
    write_stamp(index_dir, ix)
    return ix, True


def indexed_hashes(ix):
    """Return {release id: content hash} for the live documents of the index."""
    with ix.reader() as reader:
        return {f["id"]: f["content_hash"] for _, f in reader.iter_docs()}


# Optimize (rewrite) the index once this share of its documents are deleted ones.
COMPACT_FRACTION = 0.2


def update_index(index_dir: Path, documents: Iterable[SearchDocument],
                 cores: int | None = None, free: FreeCore = NONE) -> IndexStats:
    """Make the index hold exactly documents: add new, re-index changed, delete missing
    (writing on at most `cores` cores, all by default, and the `free` core once it is)."""
    started = time.perf_counter()
    ix, rebuilt = open_index(index_dir)
    wanted = {}
    for doc in documents:
        if doc.id in wanted:
            raise ValueError("search: duplicate release id %r" % doc.id)
        wanted[doc.id] = doc
    have = indexed_hashes(ix)
    digests = {doc_id: content_hash(doc) for doc_id, doc in wanted.items()}
    removed = sorted(set(have) - set(wanted))
    changed = sorted(i for i in wanted if i in have and have[i] != digests[i])
    new = [i for i in wanted if i not in have]
    unchanged = len(wanted) - len(changed) - len(new)
    if removed or changed or new:
        _write_changes(ix, wanted, digests, removed, changed, new, cores, free)
        write_stamp(index_dir, ix)
    seconds = time.perf_counter() - started
    logger.info(
        "search: %d added, %d updated, %d deleted, %d unchanged in %.2fs",
        len(new), len(changed), len(removed), unchanged, seconds,
    )
    return IndexStats(len(new), len(changed), len(removed), unchanged, seconds, rebuilt)


def _write_changes(ix, wanted, digests, removed, changed, new, cores=None, free=NONE):
    """Apply one batch of changes; optimize after deletions so statistics count live docs only."""
    writer = ReleaseWriter(ix, limitmb=POOL_MB)
    for doc_id in removed + changed:
        writer.delete_by_term("id", doc_id)
    # Re-added and new releases go in date order, so a fresh index numbers documents by date.
    fresh = sorted(changed + new, key=lambda i: (wanted[i].date, i))
    # Deleted documents stay in their segment until it merges. Search and export read live
    # documents only (query.LiveBM25F, export.live_reader), so an edit need not rewrite the
    # whole index; it is compacted once deletions pile up.
    add_documents(writer, ix, [whoosh_fields(wanted[i], digests[i]) for i in fresh], cores,
                  free)
    with ix.reader() as reader:
        wasted = reader.doc_count_all() - reader.doc_count()
        compact = wasted > COMPACT_FRACTION * max(reader.doc_count_all(), 1)
    if compact:
        ix.optimize()
