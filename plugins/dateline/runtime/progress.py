"""Progress bars for long builds: releases read, prepared, pages written.

Shown only on an interactive terminal, and not under `-q`: CI logs and
redirected output get the summary lines alone. Uses Pelican's rich console,
so bars and log lines don't garble each other. The counts are kept either way,
per build (`run.BuildRun.progress`); the module functions act on the current build's.
"""

from __future__ import annotations

import logging
import os
from collections import Counter

from dateline.runtime import run as build_run

logger = logging.getLogger(__name__)

LABELS = {"read": "reading releases", "prepare": "preparing releases", "write": "writing pages"}


def _wanted() -> bool:
    from pelican.log import console

    return (console.is_terminal and not os.environ.get("CI")
            and logging.getLogger("dateline").getEffectiveLevel() <= logging.INFO)


class ProgressBars:
    """One build's counts (releases read, prepared, pages written) and, on a terminal, bars."""

    def __init__(self):
        self.bar = None
        self.tasks: dict[str, int] = {}
        self.counts: Counter = Counter()

    def start(self, releases: int) -> None:
        self.stop()
        if not _wanted():
            return
        from pelican.log import console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(TextColumn("{task.description:>20}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=console, transient=True)
        for key, label in LABELS.items():
            self.tasks[key] = self.bar.add_task(label, total=releases if key != "write" else None)
        self.bar.start()

    def advance(self, key: str, amount: int = 1) -> None:
        self.counts[key] += amount
        if self.bar is not None:
            self.bar.advance(self.tasks[key], amount)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
        self.bar = None
        self.tasks.clear()


def start(releases: int) -> None:
    """Open the current build's bars for this many releases."""
    build_run.current().progress.start(releases)


def advance(key: str, amount: int = 1) -> None:
    """Count (and show) progress in the current build: key is one of LABELS."""
    build_run.current().progress.advance(key, amount)


def stop() -> None:
    """Close the current build's bars (its counts stay)."""
    build_run.current().progress.stop()


def on_content_written(path, context=None) -> None:
    """content_written signal: one more page rendered."""
    advance("write")
