"""What one build knows of the site once it is valid: the issuer, the cache, the search process.

The record is part of the build's state (`run.BuildRun.site`), not Pelican's settings:
Pelican pickles settings with every tag and URL object into its content cache, and a
database handle or a process can't be pickled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from dateline.content.frontmatter import forget_parsed
from dateline.content.validate import require_valid
from dateline.runtime import run as build_run
from dateline.runtime import seals
from dateline.runtime.cache import Store, digest, drop_stale_reader_caches, open_store
from dateline.runtime.checkpoints import reached
from dateline.runtime.timing import phase
from dateline.settings import issuer_path, require_autoescape

logger = logging.getLogger(__name__)


@dataclass
class Site:
    """The build's issuer profile, its cache, and the processes and writer it runs."""

    issuer: object
    issuer_digest: str = ""
    store: Store | None = None
    search_process: object = None
    search_pages_done: object = None  # the Event telling search the main core is free
    writer: object = None
    next_embargo: object = None


def in_progress() -> Site | None:
    """The current build's site record, or None before (or without) a valid build."""
    return build_run.current().site


def current() -> Site:
    site = in_progress()
    if site is None:
        raise RuntimeError("dateline: no build in progress (is the plugin registered?)")
    return site


def store() -> Store | None:
    site = in_progress()
    return site.store if site is not None else None


def start(pelican_object) -> None:
    """initialized signal: validate everything before Pelican reads or writes a file."""
    run = build_run.current()
    if run.site is not None or run.closed:  # Pelican run without build(), or run again
        run = build_run.begin()
    require_autoescape(pelican_object.settings)
    drop_stale_reader_caches(pelican_object.settings)
    check_reader_caches(pelican_object.settings)
    cache = open_store(pelican_object.settings)
    with phase("validate"):
        try:
            check = require_valid(pelican_object.settings, cache)
        except BaseException:
            if cache is not None:
                cache.close()
            raise
    logger.info("dateline: %d release(s) and %d page(s) valid", len(check.releases),
                len(check.pages))
    run.progress.start(len(check.releases))
    issuer_digest = digest(issuer_path(pelican_object.settings).read_bytes())
    run.site = Site(issuer=check.issuer, issuer_digest=issuer_digest, store=cache)
    reached("validated")


def reader_cache_names(settings) -> list[str]:
    return sorted(p.name for p in Path(settings["CACHE_PATH"]).glob("*-Readers"))


def check_reader_caches(settings) -> None:
    """Pelican trusts its reader caches blindly (a garbled one fails every build): check
    them against their seal and drop them if it is broken (`seals.py`)."""
    if settings.get("CACHE_CONTENT", False):
        seals.verify(Path(settings["CACHE_PATH"]), "reader-caches", reader_cache_names(settings),
                     "Pelican's reader cache")


def publish_context(generator) -> None:
    """article_generator_finalized: templates show the issuer (name, tickers, website)."""
    generator.context["ISSUER"] = current().issuer


def reading_done(generators) -> None:
    """all_generators_finalized: every file is read; the shared parses can go."""
    forget_parsed()
    reached("read")


def finish(pelican_object) -> None:
    """finalized: keep this build's cache entries (only a build that got this far)."""
    cache = store()
    if cache is not None:
        cache.commit()
        logger.info("dateline: cache %d hit(s), %d miss(es)", cache.hits, cache.misses)
        reached("cache-committed")
        settings = pelican_object.settings
        seals.seal(Path(settings["CACHE_PATH"]), "reader-caches", reader_cache_names(settings))
