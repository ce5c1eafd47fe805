"""One build's state in one object: the site record, the prepare-ahead pool, progress, timings.

A build's signal handlers share state: the issuer and cache (`site.Site`), the workers that
prepare releases while Pelican reads (`ahead.PrepareAhead`), the progress bars and counters
(`progress.ProgressBars`) and the seconds per phase (`timing`). Held in one `BuildRun`, begun
when a build starts and closed when it ends, a failed build cannot leave a pool, a count or a
timing behind for the next build in the same process (the dev server builds many).

The run is not in Pelican's settings: Pelican pickles its settings with every content object
into its reader cache, and a pool or a database handle cannot be pickled. It is held in the one
slot below instead. One build runs at a time in a process (`buildlock.py`; the dev server
builds one after another), so one slot is enough; it stays readable after its build ends (the
benchmark and tests read its timings) until the next build begins. Forked workers inherit the
slot with the rest of the parent's memory, which is how a prepare worker finds its issuer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dateline.content.frontmatter import forget_parsed
from dateline.runtime import ahead, progress  # modules, not names: they import this one too


@dataclass(eq=False)
class BuildRun:
    """Everything one build keeps between Pelican's signals."""

    site: object = None  # site.Site: issuer, cache, search process, writer; set once all is valid
    ahead: ahead.PrepareAhead = field(default_factory=lambda: ahead.PrepareAhead())
    progress: progress.ProgressBars = field(default_factory=lambda: progress.ProgressBars())
    seconds: dict = field(default_factory=lambda: defaultdict(float))  # phase name -> seconds
    closed: bool = False

    def close(self) -> None:
        """Stop the bars and workers and close the cache (also after a failed build); the
        timings and the site record stay readable."""
        self.progress.stop()
        self.ahead.close()
        forget_parsed()
        if self.site is not None and self.site.store is not None:
            self.site.store.close()
            self.site.store = None
        self.closed = True


_current: BuildRun | None = None  # the build in progress, or the last one


def begin() -> BuildRun:
    """Start a new build's state, closing the previous one."""
    global _current
    if _current is not None:
        _current.close()
    _current = BuildRun()
    return _current


def current() -> BuildRun:
    """The build in progress, else the last one; work outside any build (`dateline extract`,
    `dateline check`) gets a run of its own."""
    return _current if _current is not None else begin()
