"""Where a build spends its time: phases add up seconds, the build logs a summary.

The benchmark reads the same figures (`phase_seconds()`), so the report's
rows for extraction, disclaimers and search come from the real build. The
seconds belong to one build (`run.BuildRun.seconds`): these functions act on the
current build's, and after a build on the last one's.
"""

from __future__ import annotations

import contextlib
import time

from dateline.runtime import run as build_run


@contextlib.contextmanager
def phase(name: str):
    """Add the time spent inside the block to the named phase."""
    seconds = build_run.current().seconds
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] += time.perf_counter() - started


def add(name: str, seconds: float) -> None:
    """Count seconds spent elsewhere (a worker, the search process) into the current build's
    phase."""
    build_run.current().seconds[name] += seconds


def phase_seconds() -> dict[str, float]:
    """The current (or last) build's seconds per phase."""
    return dict(build_run.current().seconds)


def summary() -> str:
    """One log line of the current build's phases."""
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(phase_seconds().items()))
