"""One build at a time per cache: a second build waits for the first.

Two builds sharing CACHE_PATH would share the SQLite cache, the Whoosh index,
the search hand-over file and the write manifest, and the second would pull
them from under the first (FileNotFoundError on search-documents.pickle). An
advisory lock (fcntl.flock) on `.cache/dateline.lock` serialises them; the
kernel releases it when a build ends in any way, SIGKILL included, so a
crashed build never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

LOCK = "dateline.lock"


@contextlib.contextmanager
def build_lock(cache: Path):
    """Hold the cache's build lock; wait, with a one-line message, while another build has it."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / LOCK
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            logger.warning("dateline: another build (pid %s) is using %s; waiting for it to finish",
                           holder, cache)
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:  # a file system without locks (some network mounts)
            logger.warning("dateline: cannot lock %s (%s); two builds at once would clash",
                           path, error.strerror)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
