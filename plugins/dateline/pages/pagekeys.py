"""Page keys: a fingerprint of everything a page is made from, so an unchanged page is reused.

Rendering 10,000 release pages again after a one-line edit is most of a
rebuild. Each write gets a key (see `writer.DatelineWriter.page_key`) made of
these fingerprints; when the last build wrote the same name with the same key,
its file is reused (`manifest.py`).

What goes into a key:
- every page: the settings, the theme's templates, the static pages (the
  navigation), the issuer profile and the code that shapes output;
- a release page: the release itself and its neighbours' titles and URLs;
- a list page or feed: every release's title, URL, date, summary, tags and
  tickers, plus the page's own arguments.
A theme whose release template shows site-wide lists (say, "latest news")
must list them through `LIST_DEPENDENT_TEMPLATES` so those pages re-render.
The fields are listed here by hand: a new field a template shows must be
added to `article_fingerprint` or `listing_fingerprint`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pelican.contents import Article, Page
from pelican.urlwrappers import URLWrapper

from dateline.pages.urls import url_of
from dateline.runtime.cache import digest

# settings that name this build's folders: they differ on every build and shape no page
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
        [t.name for t in getattr(article, "tags", [])],
        [t.label for t in getattr(article, "tickers", [])],
        getattr(article, "dateline", None), getattr(article, "wire", None),
        repr(getattr(article, "contacts", None)),
        getattr(article, "modified", None), *derived,
    )


@_memoised("_dateline_listing_fp")
def listing_fingerprint(content) -> str:
    """What a list, an archive, a feed title line or a pager shows of a release or page."""
    return digest(
        url_of(content),
        content.title,
        content.date.isoformat() if hasattr(content, "date") else "",
        summary_source(content),
        [t.name for t in getattr(content, "tags", [])],
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
    for folder in [Path(settings["THEME"]) / "templates",
                   Path(settings["THEME"]) / "translations",  # labels (pages/labels.py)
                   *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", []))]:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                parts += [str(path.relative_to(folder)), path.read_bytes()]
    return digest(*parts)


def argument_digest(name, value):
    """A stable digest of one template argument, or None when it can't be made stable."""
    if isinstance(value, Article):
        return digest(name, article_fingerprint(value))
    if isinstance(value,
                  (list, tuple)) and value and all(isinstance(v, (Article, Page)) for v in value):
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
