"""The reuse manifest: which files the last build wrote for each page, under which key.

It is saved before the swap and names, for every file, the inode, size and
modification time it had in staging (which output/ keeps after the rename). A
file is reused only while output/ still holds exactly that file: a build
killed before or after the swap, or a hand-edited output/, can make the
manifest describe another site, and then its entries simply do not match.

No Pelican import here: the search process links unchanged export files with
`link_or_copy` and must not load Pelican's writer.
"""

from __future__ import annotations

import os
from pathlib import Path

from dateline.runtime import records

MANIFEST = "dateline-output.json"


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        import shutil

        shutil.copy2(source, target)


def manifest_path(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / MANIFEST


def file_stamp(path: str) -> list | None:
    """What identifies one file of one build: inode, size, modification time."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def load_manifest(settings, final) -> dict:
    """The previous build's writes, if they describe the same output folder."""
    if not final:
        return {}
    recorded = records.load(manifest_path(settings))
    if not isinstance(recorded, dict) or recorded.get("output") != str(final):
        return {}
    entries = recorded.get("entries")
    return entries if isinstance(entries, dict) else {}


def save_manifest(settings, final, staging, entries) -> None:
    """Save the writes with the stamps of their files in staging (kept by the swap's rename)."""
    stamped = {name: [key, files, [file_stamp(os.path.join(staging, f)) for f in files]]
               for name, (key, files) in entries.items()}
    records.save(manifest_path(settings), {"output": str(final), "entries": stamped})
