"""Named points in a build where a fault-injection test may kill it.

Crash safety is a promise about every moment of a build, so the tests stop a
real build (SIGKILL, no clean-up) at each phase boundary and check what is
left. `reached(name)` does nothing unless the environment variable
DATELINE_FAULT names this checkpoint; a normal build never pays more than one
dictionary lookup per boundary.
"""

from __future__ import annotations

import os
import signal

FAULT_VARIABLE = "DATELINE_FAULT"

# In build order; tests/test_crashes.py kills a build at each one.
CHECKPOINTS = (
    "locked",           # the build lock is held, nothing else done
    "validated",        # every file checked, nothing read yet
    "read",             # Pelican has read every file
    "prepared",         # releases prepared, the search process started
    "search-exported",  # (search process) index and export written into staging
    "pages-written",    # every page is in staging; the search index is not sealed yet
    "cache-committed",  # dateline.sqlite holds this build's entries; reader caches unsealed
    "before-manifest",  # staging is complete; the write manifest is not saved yet
    "before-swap",      # the manifest is saved; output/ is still the old site
    "between-renames",  # the new site is in place, the old one not yet retired
    "after-swap",       # the old site is retired; the build record is not saved yet
    "done",             # everything saved; only the log line is left
)


def reached(name: str) -> None:
    """Kill this process (and, from the search process, the build) if the test asks."""
    if os.environ.get(FAULT_VARIABLE) != name:
        return
    if name == "search-exported":
        os.kill(os.getppid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)
