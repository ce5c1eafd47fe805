"""`dateline search "query"`: the site's search, run against the Whoosh index from a terminal.

It answers what the browser answers: the same typo corrections, the same order of tied
scores, and in --json the document number the browser's export uses (`doc`). A query that
starts with "-" is given after "--" or as --query=-gold, since argparse reads -gold as an option.
"""

import json
import logging
from pathlib import Path

from dateline.search.index import INDEX_NAME, STAMP_NAME
from dateline.search.query import search

logger = logging.getLogger(__name__)

DEFAULT_INDEX = Path(".cache/search-index")


def add_arguments(parser):
    """Add the search sub-command's arguments to an argparse parser."""
    parser.add_argument("query", nargs="?", help='words, "quoted phrases"; all words must match')
    parser.add_argument("--query", dest="query_option", metavar="TEXT",
                        help="the query, for one that starts with '-' (or give it after --)")
    parser.add_argument("--ticker", help='only releases with this ticker, e.g. "TSXV: AII"')
    parser.add_argument("--year", help="only releases from this year")
    parser.add_argument("--tag", help="only releases with this tag slug")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    parser.add_argument("--prefix", action="store_true",
                        help="typing mode: the last word also matches as a prefix")
    parser.add_argument("--exact", action="store_true", help="no typo correction")
    parser.add_argument("--limit", type=int, default=20, help="results to show (0: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX,
                        help="index folder (default: %(default)s)")


def query_text(args) -> str | None:
    """The query from the positional argument or --query."""
    return args.query_option if args.query_option is not None else args.query


def corrected_text(text: str, corrections: list) -> str:
    """The query as corrected: each misspelt word replaced by its surface word."""
    from dateline.search.fold import fold
    from dateline.search.query import _TOKEN
    from dateline.search.schema import analyze

    fixed = {typed: surface for typed, _, surface in corrections}
    return _TOKEN.sub(lambda m: fixed.get(next(iter(analyze(m.group(0))), None), m.group(0)),
                      fold(text))


def run(args, out=print):
    """Run the search and print the results; return the exit status."""
    from whoosh import index as whoosh_index

    text = query_text(args)
    if text is None:
        out("dateline search: give a query (one starting with '-' after --, or as --query=...)")
        return 2
    if not (args.index / STAMP_NAME).is_file():
        out("dateline search: no index at %s (run `make html` first)" % args.index)
        return 2
    ix = whoosh_index.open_dir(str(args.index), indexname=INDEX_NAME)
    hits = search(ix, text, ticker=args.ticker, year=args.year, tag=args.tag, sort=args.sort,
                  prefix=args.prefix, correct=not args.exact)
    corrections = hits.parsed.corrections
    shown = hits[: args.limit] if args.limit else hits
    if args.json:
        out(json.dumps({"query": text, "total": len(hits), "corrections": corrections,
                        "corrected": corrected_text(text, corrections) if corrections else None,
                        "results": [dict(h.record, score=h.score, doc=h.doc) for h in shown]},
                       ensure_ascii=False))
        return 0
    if corrections:
        out("Showing results for %s (search instead for %s with --exact)"
            % (corrected_text(text, corrections), text))
    out("%d result%s for %s" % (len(hits), "" if len(hits) == 1 else "s", text))
    for hit in shown:
        record = hit.record
        out("%8.3f  %s  %s  %s" % (hit.score, record["date"][:10], ", ".join(record["tickers"]),
                                   record["title"]))
        out("          %s" % record["url"])
    return 0


def main(argv=None):
    """Stand-alone entry point (the project CLI mounts add_arguments/run as a sub-command)."""
    import argparse

    parser = argparse.ArgumentParser(prog="dateline search")
    add_arguments(parser)
    return run(parser.parse_args(argv))
