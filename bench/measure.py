"""Run one build in this process and print its wall time, CPU time and peak memory as JSON.

The benchmark starts each build in a fresh interpreter through this module,
so every measurement pays the same start-up cost and `ru_maxrss` is the peak
of that build alone. Child processes (the search indexer, forked workers) are
reported as `child_peak_mb`, the largest of them, which counts pages a forked
worker shares with its parent. `tree_peak_mb` is the honest total: the peak,
sampled once a second, of the proportional set size (Linux's Pss, which
splits shared pages among the processes sharing them) summed over the build's
whole process tree.

    python -m bench.measure dateline SETTINGS_FILE OVERRIDES_JSON
    python -m bench.measure pelican SETTINGS_FILE OVERRIDES_JSON
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import threading
import time
from pathlib import Path


class TreeMemory(threading.Thread):
    """Samples the summed Pss of this process and all its descendants; keeps the peak."""

    def __init__(self, every: float = 1.0):
        super().__init__(daemon=True)
        self.every, self.peak_kb, self._done = every, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(map(_pss_kb, _tree(os.getpid()))))

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak_kb / 1024


def _tree(pid: int) -> list:
    pids, found = [pid], []
    while pids:
        current = pids.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pids += [int(c) for c in children.read_text().split()]
            except OSError:
                pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run(kind: str, settings_file: str, overrides: dict) -> dict:
    from pelican.log import init

    init(level=logging.WARNING)
    sampler = TreeMemory()
    sampler.start()
    started = time.perf_counter()
    if kind == "dateline":
        from dateline.build.build import build
        from dateline.runtime import timing

        build(settings_file, overrides)
        phases = timing.phase_seconds()
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        Pelican(read_settings(settings_file, override=overrides)).run()
        phases = {}
    seconds = time.perf_counter() - started
    tree_peak = sampler.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "child_peak_mb": children.ru_maxrss / 1024,
        "tree_peak_mb": tree_peak,
        "phases": phases,
    }


def main(argv=None) -> int:
    kind, settings_file, overrides = (argv or sys.argv[1:])[:3]
    result = run(kind, settings_file, json.loads(overrides))
    print("BENCH-RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
