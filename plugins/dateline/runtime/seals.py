"""Seal the caches Dateline does not write row by row, and drop a cache whose seal is broken.

Pelican's reader caches (`*-Readers`, pickles keyed by file name and mtime),
the Whoosh index and the search export state are trusted by the next build
without a second look: a truncated, garbled or bit-flipped one either fails
every later build or, worse, serves altered text. So after a build has
written them, the SHA-256 of every file is recorded (`dateline-seals.json`,
itself checksummed: `records.py`). Before the next build uses a group, each
file is hashed again; any difference (a changed, missing or extra file, or
no seal at all) drops the whole group with a one-line notice, and the build
rebuilds it. A crash between writing a cache and sealing it looks the same.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

from dateline.runtime import records

logger = logging.getLogger(__name__)

SEALS = "dateline-seals.json"


def _seal_path(cache: Path) -> Path:
    return cache / SEALS


def file_hashes(cache: Path, members: list[str]) -> dict[str, str]:
    """{path relative to cache: sha256} of every file of the members (files or folders)."""
    hashes = {}
    for member in members:
        path = cache / member
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            hashes[os.path.relpath(file, cache)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return hashes


def seal(cache: Path, group: str, members: list[str]) -> None:
    """Record the hashes of a group's files as they are now."""
    seals = records.load(_seal_path(cache)) or {}
    seals[group] = file_hashes(cache, members)
    records.save(_seal_path(cache), seals)


def unseal(cache: Path, group: str) -> None:
    """Forget a group's seal before its files change (they are dropped if the change is cut
    short)."""
    seals = records.load(_seal_path(cache)) or {}
    if seals.pop(group, None) is not None:
        records.save(_seal_path(cache), seals)


def verify(cache: Path, group: str, members: list[str], what: str) -> bool:
    """True when the group's files are exactly as sealed; else remove them, say so, return False."""
    present = file_hashes(cache, members)
    if not present:
        return True
    sealed = (records.load(_seal_path(cache)) or {}).get(group)
    if sealed == present:
        return True
    logger.warning("dateline: %s in %s does not match what the last build sealed (damaged, or left "
                   "by a build that did not finish); rebuilding it", what, cache)
    for member in members:
        path = cache / member
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return False
