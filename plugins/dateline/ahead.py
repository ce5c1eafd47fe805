"""Prepare releases on the other cores while Pelican is still reading files.

Pelican reads and renders the Markdown of every release on one core: a
quarter of a 10,000-release build. Legal-text detection and extraction need
only a release's HTML and front matter, so the reader hands each new release
to a pool of forked workers as soon as it is rendered, in batches. When all
releases are read, `releases.prepare_all` collects the results; whatever was
not handed over (a small rebuild, a cached release, a mismatch) is prepared
there as before, so the results never depend on this module's timing.
"""

from __future__ import annotations

import multiprocessing
import os

# Releases per batch handed to the pool; the pool starts with the first full batch, so a
# rebuild that reads a handful of releases never starts one.
BATCH = 50

_pool = None
_pending: list = []
_results: dict = {}  # source path -> (release key, async result, index in its batch)
_worker: tuple = ()  # (issuer, prepare function) for the forked workers


def submit(source: str, key: str, job: dict, issuer, prepare) -> None:
    """Queue one release's job (see releases.release_job); batches go to the pool."""
    global _worker
    _worker = (issuer, prepare)
    _pending.append((source, key, job))
    if len(_pending) >= BATCH:
        _flush()


def _flush() -> None:
    global _pool
    batch = _pending[:]
    _pending.clear()
    if _pool is None:
        _pool = multiprocessing.get_context("fork").Pool(max(1, min(os.cpu_count() or 1, 4)))
    result = _pool.map_async(_run, [job for _, _, job in batch])
    for index, (source, key, _) in enumerate(batch):
        _results[source] = (key, result, index)


def _run(job):
    issuer, prepare = _worker
    return prepare(job, issuer)


def take(source: str, key: str):
    """The worker's (result, seconds) for this release, or None if it was not handed over
    or its inputs have changed since."""
    entry = _results.pop(source, None)
    if entry is None or entry[0] != key:
        return None
    return entry[1].get()[entry[2]]


def close() -> None:
    """Stop the pool and forget everything (after prepare_all, or a failed build)."""
    global _pool, _worker
    _pending.clear()
    _results.clear()
    _worker = ()
    if _pool is not None:
        _pool.terminate()
        _pool.join()
        _pool = None
