"""The build's pipeline: one handler per Pelican signal, each calling Dateline's steps in order.

Pelican decides when each signal fires; this module decides what runs on it and in which order,
so the order is written here once instead of being implied by the order of `connect` lines.
A build runs, in this order:

 1. initialized                   `begin`: validate every file and the issuer profile, open the
                                  cache and the progress bars (site.start)
 2. get_generators                `generators`: the register, timeline and year archive
 3. readers_init                  `readers`: our reader takes .md; Pelican's others are off
    (reading)                     `release_rendered`: each rendered, published release goes to
                                  the prepare workers while Pelican reads the rest (ahead.py)
 4. article_generator_pretaxonomy `releases_listed`: drafts and embargoed releases leave
 5. article_generator_finalized   `releases_read`: keep URLs -> issuer and branding into the
                                  context -> prepare releases (legal text, facts, JSON-LD) ->
                                  start the search process (it needs the prepared text) -> tag
                                  index
 6. page_generator_finalized      `pages_read`: draft pages leave; the rest by page_order
 7. all_generators_finalized      `reading_done`: drop the parses validation and reading shared
 8. get_writer                    `writer`: feeds with legal text, unchanged pages reused
 9. content_written               `page_written`: one more page on the progress bar
10. finalized                     `finish`: wait for the search index (its failure fails the
                                  build) -> commit the cache and seal -> robots.txt

Then `build.py` reuses unchanged files, saves the write manifest and swaps staging into place.
"""

from __future__ import annotations

from dateline.build import releases, site
from dateline.content import publishing, reader
from dateline.pages import (
    archive,
    brand_assets,
    discovery,
    labels,
    navigation,
    registers,
    taxonomy,
    urls,
    writer,
)
from dateline.runtime import progress
from dateline.search import hook as search_hook


def begin(pelican_object) -> None:
    """initialized: nothing is read or written before every file is valid."""
    site.start(pelican_object)


def generators(pelican_object):
    """get_generators: the register, timeline and year archive are pages of their own."""
    return [registers.get_generators(pelican_object), archive.ArchiveGenerator]


def readers(pelican_readers) -> None:
    """readers_init: releases are Markdown with strict YAML front matter."""
    reader.add_reader(pelican_readers)


def release_rendered(source: str, html: str, metadata: dict, settings) -> None:
    """Called by the reader for each release it renders: start preparing it on another core."""
    releases.prepare_ahead(source, html, metadata, settings)


def releases_listed(generator) -> None:
    """article_generator_pretaxonomy: withhold before tags, feeds and archives exist."""
    publishing.withhold_articles(generator)


def releases_read(generator) -> None:
    """article_generator_finalized: every release is read; prepare them, then start search.

    URLs are computed once first (everything after reads them); the issuer goes into the
    context before pages need it; search starts only once the releases are prepared, since it
    indexes their text without legal blocks; the tag index comes last, over the final lists."""
    urls.keep_urls(generator)
    site.publish_context(generator)
    brand_assets.publish_branding(generator, generator.context["ISSUER"])
    releases.enrich_articles(generator)
    search_hook.start_search(generator)
    taxonomy.index_tag_members(generator)


def pages_read(generator) -> None:
    """page_generator_finalized: draft pages are never written either; the rest go into the
    navigation in their `page_order`."""
    publishing.withhold_pages(generator)
    navigation.order_pages(generator)


def reading_done(generators) -> None:
    """all_generators_finalized: every file is read."""
    site.reading_done(generators)


def writer_class(pelican_object):
    """get_writer: hand Pelican our writer class."""
    return writer.get_writer(pelican_object)


def page_written(path, context=None) -> None:
    """content_written: progress bars on a terminal."""
    progress.on_content_written(path, context)


def finish(pelican_object) -> None:
    """finalized: the search index first (a failure must stop the cache from being committed
    as a good build's), then the cache and seals, then robots.txt."""
    search_hook.finish_search(pelican_object)
    site.finish(pelican_object)
    discovery.write_robots(pelican_object)


# signal name -> handler, in the order the signals fire; register() connects exactly these
HANDLERS = {
    "initialized": begin,
    "get_generators": generators,
    "generator_init": labels.install,
    "readers_init": readers,
    "article_generator_pretaxonomy": releases_listed,
    "article_generator_finalized": releases_read,
    "page_generator_finalized": pages_read,
    "all_generators_finalized": reading_done,
    "get_writer": writer_class,
    "content_written": page_written,
    "finalized": finish,
}
