"""Run one build in this process and print its wall time, CPU time and peak memory as JSON.

The benchmark starts each build in a fresh interpreter through this module,
so every measurement pays the same start-up cost and `ru_maxrss` is the peak
of that build alone (Dateline's search indexer is a child process: its peak
is reported separately as `child_peak_mb`).

    python -m bench.measure dateline SETTINGS_FILE OVERRIDES_JSON
    python -m bench.measure pelican SETTINGS_FILE OVERRIDES_JSON
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time


def run(kind: str, settings_file: str, overrides: dict) -> dict:
    from pelican.log import init

    init(level=logging.WARNING)
    started = time.perf_counter()
    if kind == "dateline":
        from dateline import timing
        from dateline.build import build

        build(settings_file, overrides)
        phases = timing.phase_seconds()
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        Pelican(read_settings(settings_file, override=overrides)).run()
        phases = {}
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "child_peak_mb": children.ru_maxrss / 1024,
        "phases": phases,
    }


def main(argv=None) -> int:
    kind, settings_file, overrides = (argv or sys.argv[1:])[:3]
    result = run(kind, settings_file, json.loads(overrides))
    print("BENCH-RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
