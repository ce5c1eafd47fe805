"""Pelican's writer, taught two things: feeds carry legal text, and unchanged pages are reused.

Every build writes into a fresh staging folder (see build.py). Each write is
given a key (`pagekeys.py`); when the previous build wrote the same name with
the same key (`manifest.py`), its file is hard-linked into the staging folder
instead of being rendered: same bytes, same inode, same modification time.
This is the one module that overrides Pelican's private writer methods
(`_open_w`, `_add_item_to_the_feed`).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.writers import Writer

from dateline.build import site
from dateline.pages.feeds import FeedEntry
from dateline.pages.manifest import file_stamp, link_or_copy, load_manifest
from dateline.pages.pagekeys import (
    argument_digest,
    article_fingerprint,
    listing_fingerprint,
    settings_digest,
    theme_digest,
)
from dateline.runtime.cache import code_version, digest

logger = logging.getLogger(__name__)


class DatelineWriter(Writer):
    """Writes feeds with legal text and reuses unchanged pages from the last build."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._final = settings.get("DATELINE_FINAL_OUTPUT")
        self._previous = load_manifest(settings, self._final)
        self.entries: dict[str, list] = {}
        self.reused = self.rendered = 0
        self._static = self._listing = None
        self._files: list[str] | None = None
        self._folders: set[str] = set()  # folders made in the staging folder
        if site.in_progress() is not None:
            site.in_progress().writer = self

    # --- keys ------------------------------------------------------------------

    def _static_digest(self, context) -> str:
        if self._static is None:
            current = site.in_progress()
            pages = [listing_fingerprint(p) for p in context.get("pages", [])]
            self._static = digest(
                code_version(),
                settings_digest(self.settings),
                theme_digest(self.settings),
                current.issuer_digest if current else "",
                # the hashed names of the theme files and brand files pages link to
                json.dumps([context.get("THEME_FILES"), context.get("BRAND")], sort_keys=True),
                *pages,
            )
        return self._static

    def _listing_digest(self, context) -> str:
        if self._listing is None:
            releases = [listing_fingerprint(a) for a in context.get("articles", [])]
            tags = [t.name for t, _ in context.get("tags", [])]
            self._listing = digest(self._static_digest(context), *releases, *tags)
        return self._listing

    def page_key(self, name, template, context, kwargs) -> str | None:
        article, page = kwargs.get("article"), kwargs.get("page")
        template_name = getattr(template, "name", "")
        list_dependent = self.settings.get("LIST_DEPENDENT_TEMPLATES", ())
        if isinstance(article, Article) and template_name not in list_dependent:
            neighbours = [
                listing_fingerprint(n)
                for n in (
                    getattr(article, "previous_release", None),
                    getattr(article, "next_release", None),
                )
                if n
            ]
            return digest(self._static_digest(context), name, template_name,
                          article_fingerprint(article), *neighbours)
        if isinstance(page, Page):
            return digest(self._static_digest(context), name, template_name, page._content,
                          listing_fingerprint(page))
        arguments = [argument_digest(k, v) for k, v in sorted(kwargs.items())]
        if None in arguments:
            return None
        return digest(self._listing_digest(context), name, template_name, *arguments)

    # --- writing -----------------------------------------------------------------

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None,
                   override_output=False, url=None, **kwargs):
        def write():
            return super(DatelineWriter, self).write_file(
                name, template, context, relative_urls, paginated, template_name,
                override_output, url, **kwargs)

        if not name:
            return write()
        key = self.page_key(
            name,
            template,
            context,
            dict(
                kwargs,
                _relative=relative_urls,
                _paginated=bool(paginated),
                _template_name=template_name,
            ),
        )
        self._produce(
            name,
            key,
            write,
            signal_context=kwargs,
        )

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False,
                   feed_title=None):
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output,
                                      feed_title)
        newest = elements[: self.settings.get("FEED_MAX_ITEMS") or len(elements)]
        key = digest(self._listing_digest(context), path, url, feed_type, feed_title,
                     *[article_fingerprint(e) for e in newest])
        result = []
        self._produce(path, key, lambda: result.append(super(DatelineWriter, self).write_feed(
            elements, context, path, url, feed_type, override_output, feed_title)))
        return result[0] if result else None

    def _produce(self, name, key, render, signal_context=None) -> None:
        previous = self._previous.get(name)
        if key and previous and previous[0] == key and self._link_previous(previous):
            self.entries[name] = previous[:2]
            self.reused += 1
            if signal_context is not None:
                # plugins that collect pages as they are written (the sitemap) must see these too
                for relative in previous[1]:
                    signals.content_written.send(
                        str(Path(self.output_path) / relative), context=signal_context)
            return
        self._files = []
        render()
        self.entries[name] = [key, self._files]
        self._files = None
        self.rendered += 1

    def _open_w(self, filename, encoding, override=False):
        # never write through a hard link into the live output
        if os.path.isfile(filename) and os.stat(filename).st_nlink > 1:
            os.unlink(filename)
        if self._files is not None:
            self._files.append(os.path.relpath(filename, self.output_path))
        return super()._open_w(filename, encoding, override)

    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, FeedEntry(item))

    def _link_previous(self, previous) -> bool:
        """Hard-link the last build's files for this write; False if any is not the very file
        the manifest describes (missing, replaced, or from another build).

        Runs for every unchanged page (10,000 at a time), so it uses plain os calls."""
        files, stamps = previous[1], previous[2] if len(previous) > 2 else None
        if not self._final or not files or not stamps or len(stamps) != len(files):
            return False
        sources = [os.path.join(self._final, f) for f in files]
        if not all(file_stamp(s) == list(stamp) for s, stamp in zip(sources, stamps)):
            return False
        for relative, source in zip(files, sources):
            target = os.path.join(self.output_path, relative)
            folder = os.path.dirname(target)
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            link_or_copy(source, target)
        return True


def get_writer(pelican_object):
    """get_writer signal: hand Pelican our writer class."""
    return DatelineWriter
