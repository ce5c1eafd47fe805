"""Every file under a content folder, with symbolic links followed only inside the content.

Pelican follows every link it meets (os.walk with followlinks=True), while
`Path.rglob` and plain os.walk do not: a release in a linked folder was read
and published but never validated, and its edits were invisible to the
up-to-date check. Here one walk decides for all of them: a link to a file or
folder inside the content folder is followed, and its files are validated like
any other; a link that leaves the content folder, is broken or loops back is a
`path:1: symlink:` problem, so the build stops before Pelican reads it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dateline.content.frontmatter import relative_path
from dateline.errors import Problem


@dataclass
class Walk:
    """The files found (by the path they are reached under) and the links refused."""

    files: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def walk(base: Path, content_root: Path) -> Walk:
    found = Walk()
    if base.is_dir():
        root = os.path.realpath(content_root)
        _walk_folder(str(base), root, {os.path.realpath(base)}, found)
    found.files.sort()
    return found


def _walk_folder(folder: str, root: str, ancestors: set, found: Walk) -> None:
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_symlink():
            _follow(entry.path, root, ancestors, found)
        elif entry.is_dir():
            _walk_folder(entry.path, root, ancestors | {os.path.realpath(entry.path)}, found)
        elif entry.is_file():
            found.files.append(Path(entry.path))


def _follow(link: str, root: str, ancestors: set, found: Walk) -> None:
    target = os.path.realpath(link)
    if not os.path.exists(target):
        return _refuse(link, found, f"found a link to {os.readlink(link)!r}, which does not exist")
    if os.path.commonpath([root, target]) != root:
        return _refuse(link, found, f"found a link to {target}, outside the content folder")
    if os.path.isdir(target):
        if target in ancestors:
            return _refuse(link, found, "found a link to a folder that contains it (a loop)")
        _walk_folder(link, root, ancestors | {target}, found)
    elif os.path.isfile(target):
        found.files.append(Path(link))


def _refuse(link: str, found: Walk, what: str) -> None:
    found.problems.append(
        Problem(
            relative_path(link),
            1,
            "symlink",
            f"expected a link to a file or folder inside the content folder, {what}",
        )
    )


def stamp(path: str) -> tuple:
    """What the up-to-date check compares for one file: the target's size and mtime, and where a
    link points (a link moved to another file of the same size and time is a change too)."""
    try:
        info = os.stat(path)
    except OSError:
        return ("missing",)
    target = os.path.realpath(path) if os.path.islink(path) else ""
    return (info.st_size, info.st_mtime_ns, target)
