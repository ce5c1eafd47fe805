"""Map a function over jobs in forked worker processes that inherit shared, read-only data.

The build's parallel steps (preparing releases, writing index slices, reading postings) give
every worker large read-only data: the issuer profile, the documents to index, the index's
document numbers. Forked workers inherit it from the parent's memory instead of receiving a
pickled copy with each job.

`_shared` is the one piece of module state outside a build's `run.BuildRun`, on purpose: it is
a hand-off to forked children, set for the length of one `fork_map` call and cleared after it,
and it serves the search export and index writers too, which also run outside a build.
"""

from __future__ import annotations

import multiprocessing

_shared = None


def fork_map(function, jobs: list, workers: int, shared=None, chunksize: int = 1) -> list:
    """[function(job) for job in jobs] on `workers` forked processes, in the jobs' order.

    The workers read `shared` through `inherited()`.
    """
    global _shared
    _shared = shared
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(function, jobs, chunksize=chunksize)
    finally:
        _shared = None


def inherited():
    """In a `fork_map` worker: the parent's `shared` data."""
    return _shared
