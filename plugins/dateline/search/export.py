"""Export the Whoosh index to output/search/ in the browser format (see docs/search-format.md)."""

import hashlib
import json
import logging
import math
import time
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path

from dateline.search.correct import few_fixes, lexicon
from dateline.search.fold import fold_map
from dateline.search.index import open_index, read_stamp
from dateline.search.postings import collect_terms, export_numbers, live_documents, numbering
from dateline.search.schema import (
    BM25_B,
    BM25_K1,
    FIELD_BOOSTS,
    PHRASE_FIELDS,
    PREFIX_LIMIT,
    PREFIX_MIN,
    SCHEMA_VERSION,
    TEXT_FIELDS,
)

logger = logging.getLogger(__name__)

FORMAT_VERSION = 3
# A term shard closes once its postings pass this many bytes (one huge term may exceed it).
SHARD_BYTES = 12_000
# Bytes one shard adds to its group file (two terms, two hashed names).
GROUP_ROW_BYTES = 75
# Releases per document chunk (see doc_chunk_size), and hex digits of content hash in file
# names.
DOC_CHUNK = 2
HASH_CHARS = 12
GENERATED = ("shard-", "pos-", "docs-", "dir-", "terms-", "facets-", "fold-", "lex-",
             "manifest.json")
# Document chunk names per directory file: a page of results reads a few directories.
DIR_CHUNKS = 256


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
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=_as_list).encode()


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
    """Bytes per shard: balances one shard's download against its group of shard rows.

    A cold query fetches one group file (sqrt(total / cap) rows of GROUP_ROW_BYTES) and one
    shard (cap): cap + GROUP_ROW_BYTES * sqrt(total / cap) is smallest at
    cap = (GROUP_ROW_BYTES / 2 * sqrt(total)) ** (2/3), a few kB even at 10,000 releases, so
    the SHARD_BYTES floor decides until corpora far larger than that.
    """
    total = sum(sizes.values())
    return max(SHARD_BYTES, int((GROUP_ROW_BYTES / 2 * math.sqrt(total)) ** (2 / 3)))


def term_pieces(terms) -> tuple[dict, dict]:
    """({term: its postings serialised}, {term: its positions}) of collected terms.

    Each term's postings are serialised once: a shard is those pieces joined, which is byte
    for byte what `dump` of the whole shard would give (sorted keys, same separators).
    """
    pieces = {term: dump(postings).decode() for term, (postings, _) in terms.items()}
    positions = {term: places for term, (_, places) in terms.items() if places}
    return pieces, positions


def piece_size(term, piece) -> int:
    return len(piece) + len(term) + 4


def cut(names, pieces, cap) -> list:
    """Split sorted term names into groups that close once their pieces pass cap bytes."""
    groups, group, size = [], [], 0
    for term in names:
        group.append(term)
        size += piece_size(term, pieces[term])
        if size >= cap:
            groups.append(group)
            group, size = [], 0
    if group:
        groups.append(group)
    return groups


def write_shard(out_dir, names, pieces, positions, written) -> list:
    """Write one shard (and its positions file); return its row in the manifest."""
    blob = ("{" + ",".join(f"{dump(t).decode()}:{pieces[t]}" for t in names) + "}").encode()
    shard = content_name("shard-", blob)
    (out_dir / shard).write_bytes(blob)
    written.append(len(blob))
    places = {t: positions[t] for t in names if t in positions}
    pos = write_file(out_dir, "pos-", places, written) if places else ""
    return [names[0], names[-1], shard, pos]


def write_shards(out_dir, terms, written) -> tuple[list, int]:
    """Split sorted terms into size-capped shards; return (the manifest's shard list, cap)."""
    pieces, positions = term_pieces(terms)
    cap = shard_cap({t: piece_size(t, piece) for t, piece in pieces.items()})
    groups = cut(sorted(pieces), pieces, cap)
    return [write_shard(out_dir, group, pieces, positions, written) for group in groups], cap


def sort_time(record):
    """Return the release time as a UTC timestamp, for newest-first sorting."""
    return datetime.fromisoformat(record["date"]).timestamp()


def doc_chunk_size(count):
    """Releases per document file: DOC_CHUNK whatever the corpus.

    A shown result costs its chunk plus, at most, one directory file (the manifest lists
    directories, not chunks), so small chunks are cheapest: ten scattered results load ten
    chunks of DOC_CHUNK records, not ten chunks of many.
    """
    return DOC_CHUNK


def write_doc_chunks(out_dir, records, written, size, write=None):
    """Write display records in chunks of size, by export doc number; return names."""
    write = write or write_file
    names = []
    for start in range(0, len(records), size):
        chunk = [
            [r["title"], r["url"], r["date"], r["tickers"], r["tags"], r["summary"], r["snippet"]]
            for r in records[start:start + size]
        ]
        names.append(write(out_dir, "docs-", chunk, written))
    return names


def with_fixes(row, few: dict, few_terms: list) -> list:
    """A shard row, with the few-match corrections of the terms in its range as a fifth item."""
    start, end = bisect_left(few_terms, row[0]), bisect_right(few_terms, row[1])
    if start == end:
        return row
    return [*row[:4], {term: few[term] for term in few_terms[start:end]}]


def group_lexicon(lexicon: dict, first: str, following: str | None) -> dict:
    """{letters: lexicon file hash} for the pairs of first letters a word in this group's span
    may start with: the span runs from the group's first term (from "" for the first group) to
    the next group's first term, so a word the browser looks up there, or in the gap after
    the group, finds its lexicon in the group file it read (or would read) for the word."""
    top = chr(0x10FFFF)
    return {
        letters: name[len("lex-"):-len(".json")]
        for letters, name in lexicon.items()
        if first <= letters + top and (following is None or letters < following)
    }


def term_groups(out_dir, shards, written, write, few=None, lexicon=None) -> list:
    """Write the shard rows in groups (the manifest's second level); return the top level:
    [[first term, last term, group file], ...]. About sqrt(shards) groups of sqrt(shards)
    rows each, so neither the manifest nor a group grows fast with the corpus. A row carries
    the few-match corrections of its terms (correct.few_fixes): the browser reads the row
    before the shard anyway, so knowing a rare word's correction costs no request. A group
    file also names the lexicon files of the first letters in its span (group_lexicon): the
    browser has read it for a misspelt word before it knows the word is missing."""
    few, lexicon = few or {}, lexicon or {}
    few_terms = sorted(few)
    shards = [with_fixes(row, few, few_terms) for row in shards]
    size = max(1, math.ceil(math.sqrt(len(shards))))
    groups = [shards[i:i + size] for i in range(0, len(shards), size)]
    firsts = ["" if i == 0 else rows[0][0] for i, rows in enumerate(groups)]
    following = [rows[0][0] for rows in groups[1:]] + [None]
    return [
        [rows[0][0], rows[-1][1], write(out_dir, "terms-", {
            "rows": rows, "lexicon": group_lexicon(lexicon, first, after)}, written)]
        for rows, first, after in zip(groups, firsts, following)
    ]


def doc_directories(out_dir, names, written, write) -> list:
    """Write the document chunks' hashes in directory files of DIR_CHUNKS; return their names."""
    hashes = [name[len("docs-"):-len(".json")] for name in names]
    return [write(out_dir, "dir-", hashes[i:i + DIR_CHUNKS], written) for i
            in range(0, len(hashes), DIR_CHUNKS)]


# The facet kinds and each one's values in a record, in the order the page shows them. The
# browser lists the same kinds once (theme/static/js/search/facets.js FACET_KINDS);
# tests/test_search_client.py checks the two lists agree. A year is one value per release
# (its column holds an index), the others a list (their columns hold lists of indexes).
FACET_VALUES = {
    "ticker": lambda r: r["tickers"],
    "year": lambda r: [r["date"][:4]],
    "tag": lambda r: r["tags"],
}
FACET_KINDS = tuple(FACET_VALUES)
SINGLE_VALUED = ("year",)


def facet_data(records):
    """Return (totals for the manifest, per-release facet columns for the facets file)."""
    values = {kind: sorted({v for r in records for v in of(r)})
              for kind, of in FACET_VALUES.items()}
    index = {kind: {v: i for i, v in enumerate(vs)} for kind, vs in values.items()}
    newest = sorted(range(len(records)), key=lambda n: (-sort_time(records[n]), n))
    rank = [0] * len(records)
    for position, number in enumerate(newest):
        rank[number] = position
    columns = {}
    for kind, of in FACET_VALUES.items():
        rows = [[index[kind][v] for v in of(r)] for r in records]
        columns[kind] = [row[0] for row in rows] if kind in SINGLE_VALUED else rows
    columns["newest"] = rank
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


def export_index(index_dir: Path, out_dir: Path, cores: int | None = None) -> ExportStats:
    """Write the manifest, term shards, positions, document chunks and facets to out_dir
    (reading postings on at most `cores` cores; all by default)."""
    ix, _ = open_index(index_dir)
    with ix.reader() as reader:
        return export_all(ix, reader, live_documents(reader), read_stamp(index_dir), out_dir,
                          cores)[0]


def export_all(ix, reader, live, stamp, out_dir, cores=None) -> tuple[ExportStats, dict]:
    """The whole export from a reader over live releases (live: `postings.live_documents`).

    Postings skip deleted documents, so the export (doc count, document frequencies, field
    totals from the stamp) describes live releases only, without rewriting the whole index
    after every edit. Returns the stats and the terms written, for `follow.ExportState`.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    clear_previous(out_dir)
    written = []
    terms = collect_terms(ix, reader, numbering(live), cores)
    shards, cap = write_shards(out_dir, terms, written)
    numbers = {term: numbers_of(postings) for term, (postings, _) in terms.items()}
    manifest = write_rest(out_dir, live, stamp, shards, numbers, written)
    stats = finish_stats(manifest, len(terms), len(shards), written, started)
    return stats, {"numbers": numbers, "shards": shards, "cap": cap}


def numbers_of(postings: dict) -> array:
    """The export numbers holding a term in any field, sorted."""
    lists = [export_numbers(flat) for flat in postings.values()]
    if len(lists) == 1:
        return lists[0]
    return array("i", sorted(set(chain.from_iterable(lists))))


def write_lexicon(out_dir, live, numbers, written, write) -> tuple[dict, dict]:
    """Write the typo-correction lexicon (search/correct.py), one file per first two letters;
    return ({letters: file}, the few-match corrections for the shard rows)."""
    files = lexicon(numbers, (stored.get("surfaces") or {} for _, stored in live))
    names = {letters: write(out_dir, "lex-", rows, written) for letters, rows in files.items()}
    return names, few_fixes(files)


def write_rest(out_dir, live, stamp, shards, numbers, written, write=None) -> dict:
    """Write the document chunks, facets, fold table, lexicon and manifest around the shards.

    live: [(docnum, stored fields)] in export order; numbers: {term: export numbers}.
    """
    write = write or write_file
    records = [stored["display"] for _, stored in live]
    doc_size = doc_chunk_size(len(records))
    doc_files = write_doc_chunks(out_dir, records, written, doc_size, write)
    totals, columns = facet_data(records)
    facets_file = write(out_dir, "facets-", dict(columns, totals=totals), written)
    fold_file = write(out_dir, "fold-", {chr(code): text for code, text in fold_map().items()},
                      written)
    lexicon_files, few = write_lexicon(out_dir, live, numbers, written, write)
    manifest = {
        "format": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "doc_count": len(records),
        "bm25": {"B": BM25_B, "K1": BM25_K1},
        "fields": {
            f: {
                "total": stamp["field_totals"][f],
                "boost": FIELD_BOOSTS[f],
                "phrase": f in PHRASE_FIELDS,
            }
            for f in TEXT_FIELDS
        },
        "field_order": list(TEXT_FIELDS),
        "prefix_limit": PREFIX_LIMIT,
        "prefix_min": PREFIX_MIN,
        "terms": term_groups(out_dir, shards, written, write, few, lexicon_files),
        "docs": {
            "size": doc_size,
            "per_dir": DIR_CHUNKS,
            "dirs": doc_directories(out_dir, doc_files, written, write),
        },
        "facets": facets_file,
        "fold": fold_file,
    }
    blob = dump(manifest)
    (Path(out_dir) / "manifest.json").write_bytes(blob)
    written.append(len(blob))
    return manifest


def finish_stats(manifest, terms, shards, written, started, how="exported") -> ExportStats:
    seconds = time.perf_counter() - started
    chunks = -(-manifest["doc_count"] // manifest["docs"]["size"])
    stats = ExportStats(
        manifest["doc_count"],
        terms,
        shards,
        chunks,
        len(written),
        sum(written),
        written[-1],
        seconds,
    )
    logger.info(
        "search: %s %d releases, %d terms, %d shards, %d bytes in %.2fs",
        how,
        stats.documents,
        stats.terms,
        stats.shards,
        stats.total_bytes,
        seconds,
    )
    return stats
