"""Links from a release or page to a file in the content folder must find that file.

A link to a PDF that was never copied into `content/downloads/` would publish a dead link on
an investor site without a word (issue 18 item 8). Two forms point into the content folder:
Pelican's `{static}`, `{attach}` and `{filename}` links (from the content root when they start
with `/`, else from the file's own folder), and site-root links (`/downloads/x.pdf`) whose
first folder is one of STATIC_PATHS, which Pelican copies as they are. Each such link whose
file does not exist is a `path:line: link:` problem. Raw HTML in a body is shown as text
(content/markup.py), so only Markdown's own links and images are read; code is skipped.
Relative links without a `{...}` marker and links to pages are not checked here.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dateline.content.frontmatter import FrontMatter, relative_path
from dateline.errors import Problem

# [text](target "title") and ![alt](<target>); [label]: target (a reference definition)
_INLINE = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_MARKER = re.compile(r"^\{(static|attach|filename)\}")


def link_targets(body: str):
    """(line offset in the body, target) of every Markdown link and image outside code."""
    fenced = None
    for offset, line in enumerate(body.splitlines()):
        fence = _FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else fenced or fence.group(1)
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        text = _CODE_SPAN.sub("", line)
        for match in (*_INLINE.finditer(text), *_REFERENCE.finditer(text)):
            yield offset, match.group(1).strip("<>")


def content_file(target: str, source: Path, root: Path, static_paths) -> str | None:
    """The content-relative file a link names, or None when the link is not into content/."""
    marker = _MARKER.match(target)
    rest = target[marker.end():] if marker else target
    parts = urlsplit(rest)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if marker:
        base = "" if path.startswith("/") else _folder_in(source, root)
        return posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if not path.startswith("/"):
        return None
    inside = posixpath.normpath(path.lstrip("/"))
    folders = [p.strip("/") for p in static_paths or []]
    return inside if any(inside == f or inside.startswith(f + "/") for f in folders) else None


def _folder_in(source: Path, root: Path) -> str:
    try:
        return source.parent.relative_to(root).as_posix()
    except ValueError:  # validation refuses files reached from outside the content folder
        return ""


def link_problems(matter: FrontMatter, settings) -> list[Problem]:
    """One problem per link into the content folder whose file does not exist."""
    body = matter.body
    if "](" not in body and "]:" not in body:
        return []
    root = Path(settings["PATH"]).resolve()
    source = Path(matter.path).resolve()
    problems = []
    for offset, target in link_targets(body):
        wanted = content_file(target, source, root, settings.get("STATIC_PATHS"))
        if wanted is None:
            continue
        found = root / wanted
        if wanted.startswith("../") or not found.is_file():
            problems.append(Problem(
                relative_path(matter.path), matter.body_line + offset, "link",
                f"expected a file at content/{wanted} for the link {target!r}, found none "
                "(copy the file there or correct the link)"))
    return problems
