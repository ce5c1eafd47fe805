"""Index the published releases with Whoosh and export the browser index into output/."""

from __future__ import annotations

import logging
from pathlib import Path

from dateline.settings import dateline_settings, search_index_path

logger = logging.getLogger(__name__)


def search_documents(articles):
    """One SearchDocument per published release: body text without legal blocks."""
    from dateline.search.index import SearchDocument

    for article in articles:
        yield SearchDocument(
            id=article.url,
            title=article.title,
            body=getattr(article, "plain_body", ""),
            tags=tuple(tag.slug for tag in getattr(article, "tags", [])),
            tickers=tuple(t.label for t in article.tickers),
            date=article.date,
            url=article.url,
            summary=getattr(article, "plain_summary", "") or "",
        )


def build_search(pelican_object) -> None:
    """finalized signal: bring the index up to date, then export it."""
    settings = pelican_object.settings
    if not dateline_settings(settings)["search"]:
        return
    from dateline.search.export import export_index
    from dateline.search.index import update_index

    site = settings["DATELINE_SITE"]
    index_dir = search_index_path(settings)
    update_index(index_dir, search_documents(site.releases))  # logs its own counts
    export_index(index_dir, Path(pelican_object.output_path) / "search")
