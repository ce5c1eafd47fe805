"""Progress bars for long builds: releases read, prepared, pages written.

Shown only on an interactive terminal, and not under `-q`: CI logs and
redirected output get the summary lines alone. Uses Pelican's rich console,
so bars and log lines don't garble each other.
"""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)

_bar = None
_tasks: dict[str, int] = {}

LABELS = {"read": "reading releases", "prepare": "preparing releases", "write": "writing pages"}


def _wanted() -> bool:
    from pelican.log import console

    return (console.is_terminal and not os.environ.get("CI")
            and logging.getLogger("dateline").getEffectiveLevel() <= logging.INFO)


def start(releases: int) -> None:
    """Open the bars for a build of this many releases."""
    global _bar
    stop()
    if not _wanted():
        return
    from pelican.log import console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    _bar = Progress(TextColumn("{task.description:>20}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=True)
    for key, label in LABELS.items():
        _tasks[key] = _bar.add_task(label, total=releases if key != "write" else None)
    _bar.start()


def advance(key: str, amount: int = 1) -> None:
    if _bar is not None:
        _bar.advance(_tasks[key], amount)


def stop() -> None:
    global _bar
    if _bar is not None:
        _bar.stop()
    _bar = None
    _tasks.clear()


def on_content_written(path, context=None) -> None:
    """content_written signal: one more page rendered."""
    advance("write")
