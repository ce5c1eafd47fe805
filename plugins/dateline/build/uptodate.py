"""Is output/ already the build of these inputs? Then a build has nothing to do.

Like make, this compares what the build reads (every file's path, size and
modification time under the content folder and the theme, the settings, the
plugin's code and the package versions) with what the last successful build
recorded. Two inputs are not files: the clock decides when an embargo lifts
and when an archival notice appears, so the record also holds the next
embargo time and the build day.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from importlib import metadata
from pathlib import Path

from dateline.content import contentwalk
from dateline.runtime import records
from dateline.runtime.cache import code_version, digest, package_version

logger = logging.getLogger(__name__)

RECORD = "dateline-build.json"


def _tree_stamp(root: Path) -> list:
    """(path, size, mtime, link target) of every file, through links as Pelican reads them
    (each real folder once, so a link loop can't hang the check; validation reports it)."""
    stamp, seen = [], set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            stamp.append((os.path.relpath(path, root), *contentwalk.stamp(path)))
    return stamp


def input_digest(settings, settings_file: str) -> str:
    from dateline.pages.pagekeys import settings_digest

    versions = [metadata.version(name) for name
                in ("pelican", "Markdown", "nh3", "Jinja2", "Whoosh-Reloaded")]
    return digest(
        code_version(),
        package_version(),
        versions,
        settings_digest(settings),
        Path(settings_file).read_bytes(),
        json.dumps(_tree_stamp(Path(settings["PATH"]))),
        json.dumps(_tree_stamp(Path(settings["THEME"]))),
    )


def output_stamp(final: Path) -> str:
    return digest(json.dumps(_tree_stamp(final)))


def _record_path(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / RECORD


def is_up_to_date(settings, inputs: str, final: Path, now: dt.datetime) -> bool:
    """True when the last build of the same inputs, today, produced `final` and no embargo has
    lifted."""
    record = records.load(_record_path(settings))
    if not isinstance(record, dict):
        return False
    if record.get("inputs") != inputs or record.get("output") != str(final) or not final.is_dir():
        return False
    if record.get("day") != now.date().isoformat():
        return False
    if record.get("output_stamp") != output_stamp(final):
        return False  # someone changed output/: rebuild it
    lift = record.get("next_embargo")
    return lift is None or now < dt.datetime.fromisoformat(lift)


def record_build(settings, inputs: str, final: Path, now: dt.datetime, next_embargo) -> None:
    record = {
        "inputs": inputs, "output": str(final), "day": now.date().isoformat(),
        "next_embargo": next_embargo.isoformat() if next_embargo else None,
        "output_stamp": output_stamp(final),
    }
    records.save(_record_path(settings), record)
