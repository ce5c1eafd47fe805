"""Dateline: a Pelican plugin for investor-relations press releases.

Importing the package stays cheap (the CLI, importer and tests use its parts
without Pelican running); the plugin's modules load when Pelican registers it.
"""


def register():
    """Register the plugin callbacks."""
    from pelican import signals

    from dateline import (
        discovery, progress, publishing, reader, registers, releases, search_hook, site, taxonomy, urls, writer,
    )

    # validate every file and the issuer profile before anything is read or written
    signals.initialized.connect(site.start)
    # releases are Markdown with strict YAML front matter
    signals.readers_init.connect(reader.add_reader)
    # drafts and embargoed releases leave before tags, feeds and archives are built
    signals.article_generator_pretaxonomy.connect(publishing.withhold_articles)
    signals.page_generator_finalized.connect(publishing.withhold_pages)
    # URLs are final once all releases are read: compute each once
    signals.article_generator_finalized.connect(urls.keep_urls)
    # legal blocks, grants, milestones and JSON-LD, once all releases are read
    signals.article_generator_finalized.connect(site.publish_context)
    signals.article_generator_finalized.connect(releases.enrich_articles)
    # the search index builds in a second process while pages are written
    signals.article_generator_finalized.connect(search_hook.start_search)
    # every file is read: drop the parses the validator and reader shared
    signals.all_generators_finalized.connect(site.reading_done)
    # tag pages list their releases by date without a quadratic scan
    signals.article_generator_finalized.connect(taxonomy.index_tag_members)
    # the grants register and milestones timeline are pages of their own
    signals.get_generators.connect(registers.get_generators)
    # feeds carry the disclaimer; unchanged pages are reused from the last build
    signals.get_writer.connect(writer.get_writer)
    # wait for the search index; robots.txt points at the sitemap
    signals.finalized.connect(search_hook.finish_search)
    signals.finalized.connect(site.finish)
    # progress bars on a terminal
    signals.content_written.connect(progress.on_content_written)
    signals.finalized.connect(discovery.write_robots)
