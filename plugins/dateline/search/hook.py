"""Index the published releases with Whoosh and export the browser index into the output.

Pelican renders pages on one core. Indexing needs only the releases' text, so
it starts in a second process as soon as the releases are prepared and runs
while the pages are written; the build waits for it before the output is
swapped into place, and fails if it failed. The process is a fresh interpreter
that receives the documents, so its memory is the index's, not a copy of the
main process's. It leaves one core to Pelican (on two cores it runs in one
process) until the build has written every page and only waits for it: then it takes that
core too (runtime/freecore.py). `make bench-search` indexes on every core.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import pickle
from pathlib import Path

from dateline.build.site import current
from dateline.pages.urls import url_of
from dateline.runtime import seals
from dateline.runtime.checkpoints import reached
from dateline.runtime.timing import add, phase
from dateline.search.process import index_and_export, run_search_process  # noqa: F401
from dateline.settings import dateline_settings, search_index_path

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


def _under(static_dir: str, path: str) -> str:
    return path.replace("theme/", static_dir + "/", 1)


def add_search_client(generator) -> None:
    """Write every theme file pages load (stylesheets, images, the joined search client) under
    hashed names (search/assets.py) and give the templates their paths, before any page is
    written."""
    from dateline.search.assets import write_theme

    settings = generator.settings
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    output_theme = Path(generator.output_path) / static_dir
    context = write_theme(Path(settings["THEME"]) / "static", output_theme)
    context["THEME_FILES"] = {
        key: _under(static_dir, path) for key, path in context["THEME_FILES"].items()
    }
    context["SEARCH_CLIENT"] = _under(static_dir, context["SEARCH_CLIENT"])
    context["SEARCH_CSS"] = _under(static_dir, context["SEARCH_CSS"])
    generator.context.update(context)


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
    check_search_cache(settings)
    documents_file.write_bytes(
        pickle.dumps(list(search_documents(generator.articles)), pickle.HIGHEST_PROTOCOL)
    )
    export_dir = Path(generator.output_path) / "search"
    # A fresh interpreter ("spawn"), not a fork: a fork would carry every page the main
    # process holds, doubling the build's memory; the releases' text is all the index needs.
    context = multiprocessing.get_context("spawn")
    pages_done = context.Event()  # set by finish_search: the main process's core is free
    process = context.Process(
        target=run_search_process,
        name="dateline-search",
        args=(
            search_index_path(settings),
            documents_file,
            export_dir,
            _live_output(settings),
            logging.getLogger("dateline").getEffectiveLevel(),
            pages_done,
        ),
    )
    process.start()
    current().search_process = process
    current().search_pages_done = pages_done


def search_cache_members(settings) -> list[str]:
    """The search index folder and the export state: written by the search process, sealed
    by the build once it succeeded."""
    from dateline.search.follow import state_path

    index_dir = search_index_path(settings)
    return [index_dir.name, state_path(index_dir).name]


def check_search_cache(settings) -> None:
    """Before the index is updated: a damaged index or export state is dropped and rebuilt
    whole (`seals.py`); then the seal is removed, since the files are about to change."""
    cache = search_index_path(settings).parent
    seals.verify(cache, "search", search_cache_members(settings), "the search index")
    seals.unseal(cache, "search")


def seal_search_cache(settings) -> None:
    seals.seal(search_index_path(settings).parent, "search", search_cache_members(settings))


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
        site.search_pages_done.set()
        process.join()
    if process.exitcode != 0:
        raise SearchFailed(
            f"search indexing failed (exit status {process.exitcode}); see the log above"
        )
    reached("pages-written")
    seal_search_cache(pelican_object.settings)
    timing_file = search_index_path(pelican_object.settings).with_name("search-timing.json")
    for name, seconds in json.loads(timing_file.read_text(encoding="utf-8")).items():
        add(name, seconds)
