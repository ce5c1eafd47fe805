"""Build the site into a staging folder and swap it into place only on success.

A failed build (a content problem, a template error, an exception) leaves
the last good `output/` exactly as it was: visitors and deploy jobs never
see half a site.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from dateline.errors import DatelineError

logger = logging.getLogger(__name__)


class BuildFailed(Exception):
    """Pelican logged errors: the staged output is discarded."""


class _ErrorCounter(logging.Handler):
    """Counts ERROR records so a build that 'succeeded' with logged errors still fails."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load_settings(settings_file: str, overrides: dict | None = None) -> dict:
    return read_settings(settings_file, override=dict(overrides or {}))


def build(settings_file: str = "pelicanconf.py", overrides: dict | None = None) -> Path:
    """Run Pelican into a staging folder next to OUTPUT_PATH, then swap. Returns the output path."""
    settings = load_settings(settings_file, overrides)
    final = Path(settings["OUTPUT_PATH"])
    staging = final.parent / f".{final.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    settings["OUTPUT_PATH"] = str(staging)
    counter = _ErrorCounter()
    logging.getLogger().addHandler(counter)
    started = time.perf_counter()
    try:
        Pelican(settings).run()
        if counter.messages:
            raise BuildFailed(f"{len(counter.messages)} error(s) logged during the build")
        swap_into_place(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger().removeHandler(counter)
    logger.info("dateline: built %s in %.1f s", final, time.perf_counter() - started)
    return final


def swap_into_place(staging: Path, final: Path) -> None:
    """Replace `final` with `staging` with two renames on the same file system."""
    if not final.exists():
        staging.rename(final)
        return
    retired = final.parent / f".{final.name}.old-{os.getpid()}"
    shutil.rmtree(retired, ignore_errors=True)
    final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


__all__ = ["build", "BuildFailed", "DatelineError", "swap_into_place"]
