"""State one build shares between signals: the issuer, the cache, the search process.

It lives here rather than in Pelican's settings: Pelican pickles settings
with every tag and URL object into its content cache, and a database handle
or a process can't be pickled. One build runs at a time in a process (the
dev server builds one after another), so a module-level slot is enough.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from dateline import ahead, progress, seals
from dateline.cache import Store, digest, drop_stale_reader_caches, open_store
from dateline.frontmatter import forget_parsed
from dateline.settings import issuer_path, require_autoescape
from dateline.checkpoints import reached
from dateline.timing import phase
from dateline.validate import require_valid

logger = logging.getLogger(__name__)


@dataclass
class Site:
    """The build's issuer profile, its cache, and the processes and writer it runs."""

    issuer: object
    issuer_digest: str = ""
    store: Store | None = None
    search_process: object = None
    writer: object = None
    next_embargo: object = None


_current: Site | None = None


def current() -> Site:
    if _current is None:
        raise RuntimeError("dateline: no build in progress (is the plugin registered?)")
    return _current


def store() -> Store | None:
    return _current.store if _current is not None else None


def start(pelican_object) -> None:
    """initialized signal: validate everything before Pelican reads or writes a file."""
    global _current
    close()
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
    logger.info("dateline: %d release(s) and %d page(s) valid", len(check.releases), len(check.pages))
    progress.start(len(check.releases))
    issuer_digest = digest(issuer_path(pelican_object.settings).read_bytes())
    _current = Site(issuer=check.issuer, issuer_digest=issuer_digest, store=cache)
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
    if _current is not None and _current.store is not None:
        _current.store.commit()
        logger.info("dateline: cache %d hit(s), %d miss(es)", _current.store.hits, _current.store.misses)
        reached("cache-committed")
        settings = pelican_object.settings
        seals.seal(Path(settings["CACHE_PATH"]), "reader-caches", reader_cache_names(settings))


def close() -> None:
    """Forget the build's state (also after a failed build)."""
    global _current
    progress.stop()
    ahead.close()
    forget_parsed()
    if _current is not None and _current.store is not None:
        _current.store.close()
    _current = None
