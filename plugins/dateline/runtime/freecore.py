"""A core that frees up: the main process's, once Pelican has written every page.

The search process runs beside Pelican's page writer, so it keeps to the cores the writer
leaves (one of two). On a corpus whose pages are quick to write (short releases), the writer
finishes first and the build then only waits for search: its core sits idle. The build sets
an Event when it starts waiting (`search.hook.finish_search`); the search process's parallel
steps read it through `FreeCore`:

- `cores(spare)`: how many cores a step that starts now may use;
- `slot()`: around each job of a pool that has one worker more than `spare` — a job holds
  one of `spare` slots, or waits for the event and then runs without one, so the extra
  worker starts only once the main process idles. Which worker writes which job never
  changes the result (the index writer commits segments in slice order).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os

POLL_SECONDS = 0.2


class FreeCore:
    """The event the main process sets when its core is free, and the slots of the others."""

    def __init__(self, event=None):
        self.event = event
        self.total = os.cpu_count() or 1
        self._slots = None
        self._parent = os.getpid()

    def free(self) -> bool:
        return self.event is not None and self.event.is_set()

    def cores(self, spare: int) -> int:
        """Cores a step starting now may use: all of them once the main process is idle."""
        return self.total if self.free() else spare

    def workers(self, spare: int) -> int:
        """Workers for a pool whose extra worker waits for the free core (see slot)."""
        if self.event is None or self.total <= spare:
            return spare
        self._slots = multiprocessing.get_context("fork").BoundedSemaphore(spare)
        return spare + 1

    def _orphaned(self) -> bool:
        """In a worker whose search process has died: stop waiting for its event."""
        return os.getpid() != self._parent and os.getppid() != self._parent

    @contextlib.contextmanager
    def slot(self):
        """In a forked pool worker: hold one of the spare slots, or wait for the free core."""
        slots = self._slots
        held = False
        if slots is not None:
            while not (held := slots.acquire(timeout=POLL_SECONDS)):
                if self.event.is_set() or self._orphaned():
                    break
        try:
            yield
        finally:
            if held:
                slots.release()


NONE = FreeCore()  # outside a build: nothing frees up
