"""`dateline search "query"`: the site's search, run against the Whoosh index from a terminal."""

import json
import logging
from pathlib import Path

from dateline.search.index import INDEX_NAME, STAMP_NAME
from dateline.search.query import search

logger = logging.getLogger(__name__)

DEFAULT_INDEX = Path(".cache/search-index")


def add_arguments(parser):
    """Add the search sub-command's arguments to an argparse parser."""
    parser.add_argument("query", help='words, "quoted phrases"; all words must match')
    parser.add_argument("--ticker", help='only releases with this ticker, e.g. "TSXV: AII"')
    parser.add_argument("--year", help="only releases from this year")
    parser.add_argument("--tag", help="only releases with this tag slug")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    parser.add_argument("--limit", type=int, default=20, help="results to show (0: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX,
                        help="index folder (default: %(default)s)")


def run(args, out=print):
    """Run the search and print the results; return the exit status."""
    from whoosh import index as whoosh_index

    if not (args.index / STAMP_NAME).is_file():
        out("dateline search: no index at %s (run `make html` first)" % args.index)
        return 2
    ix = whoosh_index.open_dir(str(args.index), indexname=INDEX_NAME)
    hits = search(ix, args.query, ticker=args.ticker, year=args.year, tag=args.tag,
                  sort=args.sort)
    shown = hits[: args.limit] if args.limit else hits
    if args.json:
        out(json.dumps({"query": args.query, "total": len(hits), "results": [
            dict(h.record, score=h.score, doc=h.docnum) for h in shown]}, ensure_ascii=False))
        return 0
    out("%d result%s for %s" % (len(hits), "" if len(hits) == 1 else "s", args.query))
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
