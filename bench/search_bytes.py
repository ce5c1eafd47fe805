"""Bytes and requests of a first (cold) query per query class, for Dateline's browser search.

`python -m bench.search_bytes [N ...]` indexes N releases of the project's corpus
(`dateline_corpus.generator`; default 1000) and, with `--lean` (or only that: `--lean-only`), a
second, lean corpus (dateline_corpus.lean, the profile `make bench` also builds: 5 KB bodies,
few tags, dictionary vocabulary), exports them, joins the client as the build does, and
runs one cold query per class in Node (tests/js/cold_bytes.mjs) with a fetcher that counts
requests and gzip bytes, client included. Tests call `measure()` on a 1k export.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_SCRIPT = ROOT / "tests" / "js" / "cold_bytes.mjs"
# Query classes; the rare word is found per corpus (see rare_word).
CLASSES = {"common": "drilling", "phrase": '"private placement"', "stop word": "the of and",
           "typo": "comissioning", "typing": "financi", "typo after typing": "comissioning"}
BUDGETS = {"rare": (25_000, 6), "common": (60_000, None), "stop word": (15_000, None)}


def corpus_documents(count: int, seed: int = 1) -> list:
    """SearchDocuments of the project's generated corpus (front matter and Markdown body)."""
    from dateline_corpus.generator import iter_releases

    return documents_of(iter_releases(count, seed=seed))


def lean_documents(count: int, seed: int = 1) -> list:
    """SearchDocuments of the lean profile (dateline_corpus.lean, the one `make bench` builds):
    5 KB bodies of Zipf-drawn dictionary words, 10 issuers, one or two of 10 tags."""
    from dateline_corpus import lean

    return documents_of(lean.iter_releases(count, seed=seed))


def documents_of(releases) -> list:
    """Generated releases as the build's SearchDocuments."""
    from dateline.search.index import SearchDocument

    documents = []
    for release in releases:
        meta = release.front_matter
        date = meta["date"] if isinstance(meta["date"],
                                          datetime) else datetime.fromisoformat(str(meta["date"]))
        if date.tzinfo is None:
            date = date.replace(tzinfo=timezone.utc)
        tickers = meta["ticker"] if isinstance(meta["ticker"], list) else [meta["ticker"]]
        url = "releases/%d/%s/" % (date.year, release.slug)
        documents.append(SearchDocument(id=url, title=meta["title"], body=release.body_markdown,
                                        tags=tuple(meta.get("tags", ())), tickers=tuple(tickers),
                                        date=date, url=url, summary=meta.get("summary", "")))
    return documents


def corrected_terms(export_dir: Path, manifest: dict) -> set:
    """Terms in very few releases that search corrects to a commoner neighbour (shard rows)."""
    rows = (
        row
        for _, _, name in manifest["terms"]
        for row in json.loads((export_dir / name).read_text())["rows"]
    )
    return {term for row in rows if len(row) > 4 for term in row[4]}


def rare_word(export_dir: Path) -> str:
    """A letters-only term held by exactly one release (from the lexicon files), one search
    keeps as typed."""
    manifest = json.loads((export_dir / "manifest.json").read_text())
    corrected = corrected_terms(export_dir, manifest)
    for path in sorted(export_dir.glob("lex-*.json")):
        for term, releases, surface in json.loads(path.read_text()):
            if releases == 1 and len(surface) >= 6 and surface.isalpha() and term not in corrected:
                return surface
    raise LookupError("no rare word")


def export(documents: list, work: Path) -> tuple[Path, Path]:
    """Index and export documents; write the joined client; return (export dir, client file)."""
    from dateline.search.assets import write_client
    from dateline.search.export import export_index
    from dateline.search.index import update_index

    update_index(work / "ix", documents)
    export_index(work / "ix", work / "site" / "search")
    client = write_client(ROOT / "theme" / "static", work / "site" / "theme")["SEARCH_CLIENT"]
    return work / "site" / "search", work / "site" / client


def measure(export_dir: Path, client: Path) -> dict:
    """{class: {"query", "requests", "gzip_bytes", "total", "files"}} of cold queries."""
    queries = dict(CLASSES, rare=rare_word(export_dir))
    result = subprocess.run(
        ["node", str(NODE_SCRIPT), str(export_dir), str(client), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def report(name: str, measured: dict) -> None:
    print("%s" % name)
    for kind, row in measured.items():
        budget = BUDGETS.get(kind)
        mark = (
            ""
            if not budget
            else (
                "  (budget %d B%s)" % (budget[0], ", %d requests" % budget[1] if budget[1] else "")
            )
        )
        print(
            "  %-10s %-22s %2d requests %7d B gzip  %4d hits%s"
            % (kind, row["query"][:22], row["requests"], row["gzip_bytes"], row["total"], mark)
        )


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lean = "--lean" in args or "--lean-only" in args
    sizes = [int(a) for a in args if a.isdigit()] or [1000]
    for count in sizes:
        shapes = [] if "--lean-only" in args else [("corpus", corpus_documents)]
        shapes += [("lean", lean_documents)] if lean else []
        for shape, make in shapes:
            with tempfile.TemporaryDirectory() as tmp:
                export_dir, client = export(make(count), Path(tmp))
                report("%s, %d releases" % (shape, count), measure(export_dir, client))
    return 0


if __name__ == "__main__":
    sys.exit(main())
