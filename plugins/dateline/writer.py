"""Pelican's writer, taught two things: feeds carry legal text, and unchanged pages are reused.

Every build writes into a fresh staging folder (see build.py). Rendering
10,000 release pages again after a one-line edit is most of a rebuild, so
each write is given a key: a hash of everything the page is made from. When
the previous build wrote the same name with the same key, its file is
hard-linked into the staging folder instead of being rendered: same bytes,
same inode, same modification time.

What goes into a key:
- every page: the settings, the theme's templates, the static pages (the
  navigation), the issuer profile and the plugin's code;
- a release page: the release itself and its neighbours' titles and URLs;
- a list page or feed: every release's title, URL, date, summary, tags and
  tickers, plus the page's own arguments.
A theme whose release template shows site-wide lists (say, "latest news")
must list them through `LIST_DEPENDENT_TEMPLATES` so those pages re-render.

The manifest of the last build's writes is saved before the swap and names,
for every file, the inode, size and modification time it had in staging
(which output/ keeps after the rename). A file is reused only while output/
still holds exactly that file: a build killed before or after the swap, or a
hand-edited output/, can make the manifest describe another site, and then
its entries simply do not match.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pelican.contents import Article, Page
from pelican.urlwrappers import URLWrapper
from pelican import signals
from pelican.writers import Writer

from dateline import records, site
from dateline.cache import code_version, digest
from dateline.feeds import FeedEntry
from dateline.urls import url_of

logger = logging.getLogger(__name__)

MANIFEST = "dateline-output.json"
VOLATILE_SETTINGS = {"OUTPUT_PATH", "DATELINE_FINAL_OUTPUT"}


def _memoised(name):
    """Compute a fingerprint once per content object (Pelican's `url` is recomputed per call)."""

    def wrap(function):
        def fingerprint(content):
            cached = content.__dict__.get(name)
            if cached is None:
                cached = content.__dict__[name] = function(content)
            return cached

        fingerprint.__doc__ = function.__doc__
        return fingerprint

    return wrap


@_memoised("_dateline_page_fp")
def article_fingerprint(article) -> str:
    """Everything a release page shows of its own release.

    A prepared release carries the key of its preparation (`releases.release_key`: its HTML,
    front matter, issuer profile and code), which stands for the body, legal text, grants and
    milestones; hashing those again cost seconds per build. Only the archival notice, which
    depends on the build date, is added.
    """
    legal = getattr(article, "legal", None)
    prepared = article.__dict__.get("_dateline_release_key")
    if prepared is not None:
        derived = (prepared, getattr(legal, "archival_notice", None))
    else:
        derived = (article._content, repr(getattr(article, "grants", None)),
                   repr(getattr(article, "milestones", None)), repr(legal))
    return digest(
        article.source_path, article.title, url_of(article), article.date.isoformat(),
        getattr(article, "summary", ""),  # (JSON-LD derives from these fields)
        [t.name for t in getattr(article, "tags", [])], [t.label for t in getattr(article, "tickers", [])],
        getattr(article, "dateline", None), getattr(article, "wire", None), repr(getattr(article, "contacts", None)),
        getattr(article, "modified", None), *derived,
    )


@_memoised("_dateline_listing_fp")
def listing_fingerprint(content) -> str:
    """What a list, an archive, a feed title line or a pager shows of a release or page."""
    return digest(
        url_of(content), content.title, content.date.isoformat() if hasattr(content, "date") else "",
        summary_source(content), [t.name for t in getattr(content, "tags", [])],
        [t.label for t in getattr(content, "tickers", [])],
    )


def summary_source(content):
    """A release's summary as page keys compare it.

    Pelican cuts the summary from the body on every access (an HTML parse: seconds for 10,000
    releases). A prepared release carries the same cut, made once with its preparation and
    cached with it (`releases.apply`); links in it are resolved against the site URL, a
    setting every key holds.
    """
    cut = content.__dict__.get("_dateline_summary")
    return cut if cut is not None else getattr(content, "summary", "")


def settings_digest(settings) -> str:
    """The JSON-representable settings (functions and objects can't be compared across runs)."""
    stable = {}
    for key in sorted(settings):
        if key in VOLATILE_SETTINGS:
            continue
        try:
            stable[key] = json.dumps(settings[key], sort_keys=True, default=_reject)
        except TypeError:
            continue
    return digest(json.dumps(stable, sort_keys=True))


def _reject(value):
    raise TypeError(value)


def theme_digest(settings) -> str:
    parts = []
    for folder in [Path(settings["THEME"]) / "templates", *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", []))]:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                parts += [str(path.relative_to(folder)), path.read_bytes()]
    return digest(*parts)


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
        if site._current is not None:
            site._current.writer = self

    # --- keys ------------------------------------------------------------------

    def _static_digest(self, context) -> str:
        if self._static is None:
            current = site._current
            pages = [listing_fingerprint(p) for p in context.get("pages", [])]
            self._static = digest(code_version(), settings_digest(self.settings), theme_digest(self.settings),
                                  current.issuer_digest if current else "", *pages)
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
        if isinstance(article, Article) and template_name not in self.settings.get("LIST_DEPENDENT_TEMPLATES", ()):
            neighbours = [listing_fingerprint(n) for n in (getattr(article, "previous_release", None),
                                                           getattr(article, "next_release", None)) if n]
            return digest(self._static_digest(context), name, template_name, article_fingerprint(article), *neighbours)
        if isinstance(page, Page):
            return digest(self._static_digest(context), name, template_name, page._content, listing_fingerprint(page))
        arguments = [_argument_digest(k, v) for k, v in sorted(kwargs.items())]
        if None in arguments:
            return None
        return digest(self._listing_digest(context), name, template_name, *arguments)

    # --- writing -----------------------------------------------------------------

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        key = self.page_key(name, template, context, dict(kwargs, _relative=relative_urls, _paginated=bool(paginated),
                                                          _template_name=template_name))
        self._produce(name, key, lambda: super(DatelineWriter, self).write_file(
            name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs),
            signal_context=kwargs)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
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
                    signals.content_written.send(str(Path(self.output_path) / relative), context=signal_context)
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


def _argument_digest(name, value):
    """A stable digest of one template argument, or None when it can't be made stable."""
    if isinstance(value, Article):
        return digest(name, article_fingerprint(value))
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (Article, Page)) for v in value):
        return digest(name, *[listing_fingerprint(v) for v in value])
    if isinstance(value, URLWrapper):
        return digest(name, type(value).__name__, value.name)
    try:
        return digest(name, json.dumps(value, sort_keys=True, default=_plain))
    except TypeError:
        return None


def _plain(value):
    if isinstance(value, URLWrapper):
        return value.name
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(value)


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        import shutil

        shutil.copy2(source, target)


def manifest_path(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / MANIFEST


def file_stamp(path: str) -> list | None:
    """What identifies one file of one build: inode, size, modification time."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def load_manifest(settings, final) -> dict:
    """The previous build's writes, if they describe the same output folder."""
    if not final:
        return {}
    recorded = records.load(manifest_path(settings))
    if not isinstance(recorded, dict) or recorded.get("output") != str(final):
        return {}
    entries = recorded.get("entries")
    return entries if isinstance(entries, dict) else {}


def save_manifest(settings, final, staging, entries) -> None:
    """Save the writes with the stamps of their files in staging (kept by the swap's rename)."""
    stamped = {name: [key, files, [file_stamp(os.path.join(staging, f)) for f in files]]
               for name, (key, files) in entries.items()}
    records.save(manifest_path(settings), {"output": str(final), "entries": stamped})


def get_writer(pelican_object):
    """get_writer signal: hand Pelican our writer class."""
    return DatelineWriter
