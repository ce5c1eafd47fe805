"""Prepare releases on the other cores while Pelican is still reading files.

Pelican reads and renders the Markdown of every release on one core: a
quarter of a 10,000-release build. Legal-text detection and extraction need
only a release's HTML and front matter, so the reader hands each new release
to a pool of forked workers as soon as it is rendered, in batches. When all
releases are read, `releases.prepare_all` collects the results; whatever was
not handed over (a small rebuild, a cached release, a mismatch) is prepared
there as before, so the results never depend on this module's timing.

The pool and its results belong to one build (`run.BuildRun.ahead`); `submit`, `take` and
`close` act on the current build's, so callers and tests need no handle on the run.
"""

from __future__ import annotations

import multiprocessing
import os

from dateline.runtime import run as build_run

# Releases per batch handed to the pool; the pool starts with the first full batch, so a
# rebuild that reads a handful of releases never starts one.
BATCH = 50


class PrepareAhead:
    """One build's prepare-ahead pool, the jobs not yet sent, and the results in flight."""

    def __init__(self):
        self.pool = None
        self.pending: list = []
        self.results: dict = {}  # source path -> (release key, async result, index in its batch)
        self.worker: tuple = ()  # (issuer, prepare function), inherited by the forked workers

    def submit(self, source: str, key: str, job: dict, issuer, prepare) -> None:
        self.worker = (issuer, prepare)
        self.pending.append((source, key, job))
        if len(self.pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        batch = self.pending[:]
        self.pending.clear()
        if self.pool is None:
            self.pool = multiprocessing.get_context("fork").Pool(
                max(1, min(os.cpu_count() or 1, 4)))
        result = self.pool.map_async(_run, [job for _, _, job in batch])
        for index, (source, key, _) in enumerate(batch):
            self.results[source] = (key, result, index)

    def take(self, source: str, key: str):
        entry = self.results.pop(source, None)
        if entry is None or entry[0] != key:
            return None
        return entry[1].get()[entry[2]]

    def close(self) -> None:
        self.pending.clear()
        self.results.clear()
        self.worker = ()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _run(job):
    """In a forked worker: the run it inherited holds the issuer and the prepare function."""
    issuer, prepare = build_run.current().ahead.worker
    return prepare(job, issuer)


def submit(source: str, key: str, job: dict, issuer, prepare) -> None:
    """Queue one release's job (see releases.release_job) with the current build's pool."""
    build_run.current().ahead.submit(source, key, job, issuer, prepare)


def take(source: str, key: str):
    """The worker's (result, seconds) for this release, or None if it was not handed over
    or its inputs have changed since (the current build's pool)."""
    return build_run.current().ahead.take(source, key)


def close() -> None:
    """Stop the current build's pool and forget its jobs (after prepare_all, or a failed build)."""
    build_run.current().ahead.close()
