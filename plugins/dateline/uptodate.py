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

from dateline.cache import code_version, digest

logger = logging.getLogger(__name__)

RECORD = "dateline-build.json"


def _tree_stamp(root: Path) -> list:
    stamp = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            # a dangling link is stamped as a link: validation names it (validate.broken_link_problem)
            info = os.stat(path) if os.path.exists(path) else os.lstat(path)
            stamp.append((os.path.relpath(path, root), info.st_size, info.st_mtime_ns))
    return stamp


def input_digest(settings, settings_file: str) -> str:
    from dateline.writer import settings_digest

    versions = [metadata.version(name) for name in ("pelican", "Markdown", "nh3", "Jinja2", "Whoosh-Reloaded")]
    return digest(
        code_version(), versions, settings_digest(settings), Path(settings_file).read_bytes(),
        json.dumps(_tree_stamp(Path(settings["PATH"]))), json.dumps(_tree_stamp(Path(settings["THEME"]))),
    )


def output_stamp(final: Path) -> str:
    return digest(json.dumps(_tree_stamp(final)))


def _record_path(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / RECORD


def is_up_to_date(settings, inputs: str, final: Path, now: dt.datetime) -> bool:
    """True when the last build of the same inputs, today, produced `final` and no embargo has lifted."""
    try:
        record = json.loads(_record_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
    path = _record_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record), encoding="utf-8")
