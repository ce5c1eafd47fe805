"""Index the published releases with Whoosh and export the browser index into the output.

Pelican renders pages on one core. Indexing needs only the releases' text, so
it starts in a second process as soon as the releases are prepared and runs
while the pages are written; the build waits for it before the output is
swapped into place, and fails if it failed. The process is a fresh interpreter
that receives the documents, so its memory is the index's, not a copy of the
main process's. It leaves one core to Pelican (on two cores it runs in one
process), while `make bench-search` indexes on every core.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import pickle
import sys
from pathlib import Path

from dateline.site import current
from dateline.settings import dateline_settings, search_index_path
from dateline.timing import add, phase
from dateline.urls import url_of

logger = logging.getLogger(__name__)

class SearchFailed(RuntimeError):
    """The search indexing process exited with an error: the build must not publish."""


def search_documents(articles):
    """One SearchDocument per published release: body text without legal blocks."""
    from dateline.search.index import SearchDocument

    for article in articles:
        yield SearchDocument(
            id=url_of(article),
            title=article.title,
            body=getattr(article, "plain_body", ""),
            tags=tuple(tag.slug for tag in getattr(article, "tags", [])),
            tickers=tuple(t.label for t in article.tickers),
            date=article.date,
            url=url_of(article),
            summary=getattr(article, "summary_text", "") or "",
        )


def index_and_export(index_dir: Path, documents: list, export_dir: Path, live_dir: Path | None = None,
                     index_cores: int | None = None, export_cores: int | None = None) -> None:
    """Bring the Whoosh index up to date, then the export: reused, followed or written whole
    (search/follow.py)."""
    from dateline.search.follow import update_export
    from dateline.search.index import update_index

    indexed = update_index(index_dir, documents, index_cores)
    timings = {"search index": indexed.seconds}
    live_search = live_dir / "search" if live_dir is not None else None
    exported = update_export(index_dir, export_dir, live_search, documents, export_cores)
    if exported["how"] != "reused":
        timings["search export"] = exported["seconds"]
    Path(index_dir).with_name("search-timing.json").write_text(json.dumps(timings), encoding="utf-8")


def _child(index_dir, documents_file, export_dir, live_dir, log_level) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("dateline").setLevel(log_level)
    try:
        documents = pickle.loads(documents_file.read_bytes())
        documents_file.unlink()
        # Pelican keeps one core busy writing pages: the index and the export get the others.
        # (Measured at 10k on two cores: a two-process export slowed an edit's rebuild by a
        # third, as its workers took CPU from the page writer.)
        spare = max(1, (os.cpu_count() or 1) - 1)
        index_and_export(index_dir, documents, export_dir, live_dir, index_cores=spare, export_cores=spare)
    except BaseException:
        logger.exception("search: indexing failed")
        sys.exit(1)


def add_search_client(generator) -> None:
    """Write the search page's client and stylesheet under hashed names (search/assets.py) and
    give the templates their paths, before any page is written."""
    from dateline.search.assets import write_client

    settings = generator.settings
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    output_theme = Path(generator.output_path) / static_dir
    context = write_client(Path(settings["THEME"]) / "static", output_theme)
    generator.context.update({key: path.replace("theme/", static_dir + "/", 1) for key, path in context.items()})


def start_search(generator) -> None:
    """article_generator_finalized: write the search client, then fork the indexer with the
    prepared releases."""
    settings = generator.settings
    add_search_client(generator)
    if not dateline_settings(settings)["search"]:
        return
    # The documents go through a file, not the process's arguments, which the main
    # process would keep (tens of MB at 10,000 releases) until the indexer ends.
    documents_file = search_index_path(settings).with_name("search-documents.pickle")
    documents_file.parent.mkdir(parents=True, exist_ok=True)
    documents_file.write_bytes(pickle.dumps(list(search_documents(generator.articles)), pickle.HIGHEST_PROTOCOL))
    export_dir = Path(generator.output_path) / "search"
    # A fresh interpreter ("spawn"), not a fork: a fork would carry every page the main
    # process holds, doubling the build's memory; the releases' text is all the index needs.
    process = multiprocessing.get_context("spawn").Process(
        target=_child, name="dateline-search",
        args=(search_index_path(settings), documents_file, export_dir, _live_output(settings),
              logging.getLogger("dateline").getEffectiveLevel()),
    )
    process.start()
    current().search_process = process


def _live_output(settings) -> Path | None:
    final = settings.get("DATELINE_FINAL_OUTPUT")
    return Path(final) if final else None


def finish_search(pelican_object) -> None:
    """finalized: wait for the indexer; a failure fails the build."""
    site = current()
    process, site.search_process = site.search_process, None
    if process is None:
        return
    with phase("search wait"):
        process.join()
    if process.exitcode != 0:
        raise SearchFailed(f"search indexing failed (exit status {process.exitcode}); see the log above")
    timing_file = search_index_path(pelican_object.settings).with_name("search-timing.json")
    for name, seconds in json.loads(timing_file.read_text(encoding="utf-8")).items():
        add(name, seconds)
