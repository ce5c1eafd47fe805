"""Export the Whoosh index to output/search/ in the browser format (see docs/search-format.md)."""

import hashlib
import json
import logging
import math
import time
from array import array
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dateline.search.index import open_index, read_stamp
from dateline.search.postings import collect_terms, document_numbers
from dateline.search.schema import (
    BM25_B, BM25_K1, FIELD_BOOSTS, PHRASE_FIELDS, PREFIX_LIMIT, PREFIX_MIN, SCHEMA_VERSION, TEXT_FIELDS,
)

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
# A term shard closes once its postings pass this many bytes (one huge term may exceed it).
SHARD_BYTES = 12_000
# Bytes one shard adds to the manifest's shard list (two terms, two hashed names).
MANIFEST_ENTRY_BYTES = 100
# Releases per document chunk (at least; see doc_chunk_size), and hex digits of content
# hash in file names.
DOC_CHUNK = 2
# A shown result costs about this many bytes of its chunk; a chunk name costs the manifest
# about DOC_NAME_BYTES. Both gzipped.
DOC_RECORD_BYTES = 300
DOC_NAME_BYTES = 10
RESULTS_SHOWN = 10
HASH_CHARS = 12
GENERATED = ("shard-", "pos-", "docs-", "facets-", "manifest.json")


@dataclass(frozen=True)
class ExportStats:
    """What the export wrote."""

    documents: int
    terms: int
    shards: int
    doc_chunks: int
    files: int
    total_bytes: int
    manifest_bytes: int
    seconds: float


def dump(obj):
    """Serialize deterministically and compactly (int arrays as JSON arrays)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_as_list).encode()


def _as_list(value):
    if isinstance(value, array):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def content_name(prefix, blob):
    """Return a file name carrying the content hash, so hosts can cache it forever."""
    return "%s%s.json" % (prefix, hashlib.sha256(blob).hexdigest()[:HASH_CHARS])


def write_file(out_dir, prefix, obj, written):
    """Write obj under a content-hashed name; return the name."""
    blob = dump(obj)
    name = content_name(prefix, blob)
    (out_dir / name).write_bytes(blob)
    written.append(len(blob))
    return name


def shard_cap(sizes):
    """Bytes per shard: balances one shard's download against the manifest's shard list.

    A cold query fetches the manifest (about MANIFEST_ENTRY_BYTES per shard) and one shard;
    total/cap + cap is smallest at cap = sqrt(total * entry), so big corpora get bigger shards.
    """
    total = sum(sizes.values())
    return max(SHARD_BYTES, int(math.sqrt(total * MANIFEST_ENTRY_BYTES)))


def write_shards(out_dir, terms, written):
    """Split sorted terms into size-capped shards; return the manifest's shard list.

    Each term's postings are serialised once: the shard is those pieces joined, which is
    byte for byte what `dump` of the whole shard would give (sorted keys, same separators).
    """
    shards, size = [], 0
    pieces = {term: dump(terms[term][0]).decode() for term in terms}
    sizes = {term: len(piece) + len(term) + 4 for term, piece in pieces.items()}
    cap = shard_cap(sizes)
    names, positions = [], {}

    def close():
        blob = ("{" + ",".join(f"{dump(t).decode()}:{pieces[t]}" for t in names) + "}").encode()
        shard = content_name("shard-", blob)
        (out_dir / shard).write_bytes(blob)
        written.append(len(blob))
        pos = write_file(out_dir, "pos-", positions, written) if positions else ""
        shards.append([names[0], names[-1], shard, pos])

    for term in sorted(terms):
        names.append(term)
        if terms[term][1]:
            positions[term] = terms[term][1]
        size += sizes[term]
        if size >= cap:
            close()
            names, positions, size = [], {}, 0
    if names:
        close()
    return shards


def sort_time(record):
    """Return the release time as a UTC timestamp, for newest-first sorting."""
    return datetime.fromisoformat(record["date"]).timestamp()


def doc_chunk_size(count):
    """Releases per document file, balancing the records a result page loads with the manifest.

    Ten scattered results fetch ten chunks (RESULTS_SHOWN * size * DOC_RECORD_BYTES) while the
    manifest lists count / size names (DOC_NAME_BYTES each): the sum is smallest at
    size = sqrt(count * DOC_NAME_BYTES / (RESULTS_SHOWN * DOC_RECORD_BYTES)).
    """
    best = math.sqrt(count * DOC_NAME_BYTES / (RESULTS_SHOWN * DOC_RECORD_BYTES))
    return max(DOC_CHUNK, round(best))


def write_doc_chunks(out_dir, records, written, size):
    """Write display records in chunks of size, by export doc number; return names."""
    names = []
    for start in range(0, len(records), size):
        chunk = [
            [r["title"], r["url"], r["date"], r["tickers"], r["tags"], r["summary"], r["snippet"]]
            for r in records[start:start + size]
        ]
        names.append(write_file(out_dir, "docs-", chunk, written))
    return names


def facet_data(records):
    """Return (totals for the manifest, per-release facet columns for the facets file)."""
    values = {
        "ticker": sorted({t for r in records for t in r["tickers"]}),
        "year": sorted({r["date"][:4] for r in records}),
        "tag": sorted({t for r in records for t in r["tags"]}),
    }
    index = {kind: {v: i for i, v in enumerate(vs)} for kind, vs in values.items()}
    newest = sorted(range(len(records)), key=lambda n: (-sort_time(records[n]), n))
    rank = [0] * len(records)
    for position, number in enumerate(newest):
        rank[number] = position
    columns = {
        "ticker": [[index["ticker"][t] for t in r["tickers"]] for r in records],
        "year": [index["year"][r["date"][:4]] for r in records],
        "tag": [[index["tag"][t] for t in r["tags"]] for r in records],
        "newest": rank,
    }
    totals = {}
    for kind, vs in values.items():
        counts = [0] * len(vs)
        for row in columns[kind]:
            for i in row if isinstance(row, list) else [row]:
                counts[i] += 1
        totals[kind] = [[v, counts[i]] for i, v in enumerate(vs)]
    return totals, columns


def clear_previous(out_dir):
    """Remove files of an earlier export, so stale shards are not served."""
    for path in out_dir.glob("*.json"):
        if path.name.startswith(GENERATED):
            path.unlink()


def live_reader(ix):
    """Return a reader over live documents: postings skip deleted ones, so the export
    (doc count, document frequencies, field totals from the stamp) describes live releases
    only, without rewriting the whole index after every edit."""
    return ix.reader()


def export_index(index_dir: Path, out_dir: Path, cores: int | None = None) -> ExportStats:
    """Write the manifest, term shards, positions, document chunks and facets to out_dir
    (reading postings on at most `cores` cores; all by default)."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    clear_previous(out_dir)
    ix, _ = open_index(index_dir)
    written = []
    stamp = read_stamp(index_dir)
    with live_reader(ix) as reader:
        docnums = document_numbers(reader)
        records = [reader.stored_fields(n)["display"] for n in docnums]
        terms = collect_terms(ix, reader, docnums, cores)
        field_stats = {
            f: {"total": stamp["field_totals"][f], "boost": FIELD_BOOSTS[f],
                "phrase": f in PHRASE_FIELDS}
            for f in TEXT_FIELDS
        }
    shards = write_shards(out_dir, terms, written)
    doc_size = doc_chunk_size(len(records))
    doc_files = write_doc_chunks(out_dir, records, written, doc_size)
    totals, columns = facet_data(records)
    facets_file = write_file(out_dir, "facets-", columns, written)
    manifest = {
        "format": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "doc_count": len(records),
        "bm25": {"B": BM25_B, "K1": BM25_K1},
        "fields": field_stats,
        "field_order": list(TEXT_FIELDS),
        "prefix_limit": PREFIX_LIMIT,
        "prefix_min": PREFIX_MIN,
        "shards": shards,
        "docs": {"size": doc_size, "files": doc_files},
        "facets": {"file": facets_file, "totals": totals},
    }
    blob = dump(manifest)
    (out_dir / "manifest.json").write_bytes(blob)
    written.append(len(blob))
    seconds = time.perf_counter() - started
    stats = ExportStats(len(records), len(terms), len(shards), len(doc_files), len(written),
                        sum(written), len(blob), seconds)
    logger.info("search: exported %d releases, %d terms, %d shards, %d bytes in %.2fs",
                stats.documents, stats.terms, stats.shards, stats.total_bytes, seconds)
    return stats
