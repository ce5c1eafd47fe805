"""YAML front matter: split it from the body, parse it safely, validate it strictly.

Every field is checked by a small function in a table (`fields.RELEASE_FIELDS`,
`fields.PAGE_FIELDS`). A checker returns the normalised value or raises
`Invalid(what, found)`; this module turns that into a `path:line: field: expected ...,
found ...` problem, so one run reports every mistake in every file.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from dateline.content import bounded_yaml, moments
from dateline.content.exchanges import Ticker
from dateline.content.fields import (
    DRAFT_OPTIONAL,
    PAGE_FIELDS,
    PAGE_REQUIRED,
    RELEASE_FIELDS,
    RELEASE_REQUIRED,
    SLUG,
    CheckContext,
    Invalid,
)
from dateline.content.sanitize import CONTROL_CHARACTERS
from dateline.errors import Problem, clipped, expected, field_name

logger = logging.getLogger(__name__)

DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")


@dataclass
class FrontMatter:
    """A parsed content file: normalised fields, their lines, the Markdown body."""

    path: str
    kind: str  # "release" or "page"
    fields: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list = field(default_factory=list)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, 1)

    @property
    def slug(self) -> str:
        if self.fields.get("slug"):
            return self.fields["slug"]
        stem = Path(self.path).stem
        return DATE_PREFIX.sub("", stem)

    @property
    def is_draft(self) -> bool:
        return self.fields.get("status") == "draft"


# --- parsing --------------------------------------------------------------------


def site_zone(settings) -> dt.tzinfo:
    """The site TIMEZONE (validation refuses an unknown name: see `moments.zone_problem`)."""
    return moments.zone_or_utc(settings.get("TIMEZONE") or "UTC")


def split(text: str):
    """Return (yaml_text, body, body_first_line) or None when there is no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def parse(path: str, text: str, kind: str, zone: dt.tzinfo) -> FrontMatter:
    """Parse and validate one file's front matter, collecting every problem."""
    matter = FrontMatter(path=path, kind=kind)
    matter.problems.extend(control_character_problems(path, text))
    text = CONTROL_CHARACTERS.sub(" ", text)  # reported above; the rest is still checked
    parts = split(text)
    if parts is None:
        # the first line is described, not quoted: the file may be anything a link points to
        found = "an empty file" if not text.strip() else "no '---' line at the top"
        matter.problems.append(Problem(
            path, 1, "front matter",
            f"expected a YAML block between '---' lines at the top, found {found}"))
        return matter
    yaml_text, matter.body, matter.body_line = parts
    node, data = _load_yaml(matter, yaml_text)
    if node is None:
        return matter
    _check_fields(matter, node, data, CheckContext(zone=zone, path=path))
    if "slug" not in matter.lines:
        matter.problems.extend(file_slug_problems(matter))
    return matter


def control_character_problems(path: str, text: str, field_label: str = "") -> list[Problem]:
    """A control character would reach pages and feeds (where XML refuses it); Word's manual
    line break (U+000B) is one, a NUL another. The first is reported at its line, in the
    front matter or the body, alongside every other problem of the file."""
    found = CONTROL_CHARACTERS.search(text)
    if found is None:
        return []
    parts = split(text)
    body_line = parts[2] if parts else 1
    lines = [text.count("\n", 0, match.start()) + 1 for match in CONTROL_CHARACTERS.finditer(text)]
    where = "body" if lines[0] >= body_line else "front matter"
    whole = where if (lines[-1] >= body_line) == (where == "body") else "file"
    if field_label:  # a file that is YAML only, such as issuer.yaml
        where, whole = field_label, "file"
    what = "text without control characters (a space or a line break instead)"
    problem = expected(path, lines[0], where, what, found.group())
    if len(lines) > 1:
        problem = Problem(problem.path, problem.line, problem.field,
                          f"{problem.message} and {len(lines) - 1} more in the {whole}")
    return [problem]


def file_slug_problems(matter: FrontMatter) -> list[Problem]:
    """A slug taken from the file name goes into URLs and links: it obeys the slug rule too."""
    if SLUG.match(matter.slug):
        return []
    what = "a file name whose slug is lowercase letters, digits and hyphens, or a slug: field"
    return [expected(matter.path, 1, "slug", what, matter.slug)]


def _load_yaml(matter: FrontMatter, yaml_text: str):
    try:
        node, data = bounded_yaml.load(yaml_text)
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = (mark.line + 2) if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        message = f"invalid YAML: {clipped(reason)}"
        matter.problems.append(Problem(matter.path, line, "front matter", message))
        return None, None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        matter.problems.append(expected(matter.path, 2, "front matter", "a mapping of field: value",
                                        data))
        return None, None
    return node, data


def _check_fields(matter: FrontMatter, node, data: dict, ctx: CheckContext) -> None:
    table = RELEASE_FIELDS if matter.kind == "release" else PAGE_FIELDS
    required = RELEASE_REQUIRED if matter.kind == "release" else PAGE_REQUIRED
    seen = set()
    for key_node, value_node in node.value:
        name, line = key_node.value, key_node.start_mark.line + 2
        if name in seen:
            matter.problems.append(Problem(matter.path, line, field_name(name), "appears twice"))
            continue
        seen.add(name)
        matter.lines[name] = line
        checker = table.get(name)
        if checker is None:
            matter.problems.append(
                expected(matter.path, line, field_name(name), _known(table), name))
            continue
        _apply(matter, name, checker, data.get(name), value_node, ctx)
    draft = matter.kind == "release" and data.get("status") == "draft"
    for name in required:
        if name not in seen and not (draft and name in DRAFT_OPTIONAL):
            matter.problems.append(
                Problem(matter.path, 1, name, f"expected a {name} (required), found nothing")
            )


def _apply(matter, name, checker, value, value_node, ctx) -> None:
    try:
        result = checker(value, ctx)
    except Invalid as bad:
        line = _locate(value_node, bad.subfield) + 2 + bad.line_offset
        label = name + (f".{bad.subfield}" if bad.subfield else "")
        problem = expected(matter.path, line, label, bad.what, bad.found)
        if bad.hint:
            problem = Problem(problem.path, problem.line, problem.field,
                              f"{problem.message}; {bad.hint}")
        matter.problems.append(problem)
        return
    if name == "date":
        matter.fields["date"], matter.fields["time_stated"] = result
    else:
        matter.fields[name] = result


def _locate(node, subfield: str) -> int:
    """The 0-based YAML line of `0.number`-style paths inside a list of mappings."""
    for part in subfield.split(".") if subfield else []:
        if isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        elif isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == part]
            if not match:
                break
            node = match[0]
        else:
            break
    return node.start_mark.line


def _known(table) -> str:
    return "a known field (" + ", ".join(table) + ")"


def kind_of(path: Path, content_root: Path) -> str:
    """Releases live under content/releases/; everything else is a page."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(content_root))
    if relative.startswith(".." + os.sep):
        return "release"
    return "release" if relative.split(os.sep, 1)[0] == "releases" else "page"


@functools.lru_cache(maxsize=None)
def _parse_cached(path: str, mtime_ns: int, size: int, kind: str, zone_name: str,
                  store=None) -> FrontMatter:
    del mtime_ns, size  # cache keys only: a changed file is parsed again
    raw = Path(path).read_bytes()
    key = None
    if store is not None:
        from dateline.runtime.cache import code_version, digest

        key = digest(path, kind, zone_name, code_version(), raw)
        cached = store.get("frontmatter", key)
        if cached is not None:
            return cached
    matter = _parse_bytes(path, raw, kind, zone_name)
    if store is not None:
        store.put("frontmatter", key, matter)
    return matter


def _parse_bytes(path: str, raw: bytes, kind: str, zone_name: str) -> FrontMatter:
    text = decode(path, raw)
    bad_bytes = None
    if isinstance(text, Problem):  # reported with the file's other problems, not instead
        bad_bytes, text = text, raw.decode("utf-8-sig", errors="replace")
    zone = ZoneInfo(zone_name) if zone_name != "UTC" else dt.timezone.utc
    matter = parse(path, text, kind, zone)
    if bad_bytes is not None:
        matter.problems.insert(0, bad_bytes)
    return matter


def forget_parsed() -> None:
    """Drop the parsed files the validator and the reader shared, once reading is over:
    they hold every release's Markdown (tens of MB at 10,000 releases), and a dev server
    would otherwise keep every version of every file it has built."""
    _parse_cached.cache_clear()


def parse_file(path, kind: str, settings, store=None) -> FrontMatter:
    """Parse a content file once per version of it (the validator and reader share it)."""
    path = str(path)
    stat = os.stat(path)
    zone_name = settings.get("TIMEZONE") or "UTC"
    if moments.zone_problem(zone_name):
        zone_name = "UTC"  # validation reports the setting; the files are still all checked
    return _parse_cached(path, stat.st_mtime_ns, stat.st_size, kind, zone_name, store)


def decode(path: str, raw: bytes):
    """UTF-8 text, or a Problem naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(path, line, "encoding",
                       f"expected UTF-8 text, found byte 0x{raw[error.start]:02x}")


def is_embargoed(matter: FrontMatter, now: dt.datetime) -> bool:
    date = matter.fields.get("date")
    return date is not None and date > now


def relative_path(path, base=None) -> str:
    """Paths in messages are relative to the working folder when possible."""
    try:
        return os.path.relpath(path, base or os.getcwd())
    except ValueError:
        return str(path)


__all__ = ["FrontMatter", "Ticker", "parse", "parse_file", "split", "kind_of", "is_embargoed"]
