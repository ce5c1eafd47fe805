"""Where a build spends its time: phases add up seconds, the build logs a summary.

The benchmark reads the same figures (`phase_seconds()`), so the report's
rows for extraction, disclaimers and search come from the real build.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict

_SECONDS: dict[str, float] = defaultdict(float)


@contextlib.contextmanager
def phase(name: str):
    """Add the time spent inside the block to the named phase."""
    started = time.perf_counter()
    try:
        yield
    finally:
        _SECONDS[name] += time.perf_counter() - started


def add(name: str, seconds: float) -> None:
    _SECONDS[name] += seconds


def reset() -> None:
    _SECONDS.clear()


def phase_seconds() -> dict[str, float]:
    return dict(_SECONDS)


def summary() -> str:
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(_SECONDS.items()))
