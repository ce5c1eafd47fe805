"""Write an imported release as Markdown with YAML front matter, escaping so it renders as the
source read.

Front-matter keys follow the order of the reader's schema; values are quoted as
JSON strings (valid YAML) and the result is checked with `yaml.safe_load`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

import yaml

from dateline.content.text import collapse_whitespace
from dateline.importer.blocks import Block, Span, merge

logger = logging.getLogger(__name__)

_SAFE_LOADER = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml when built in: same rules, faster
KEY_ORDER = ("title", "date", "ticker", "tags", "summary", "slug", "dateline", "wire", "status",
             "disclaimer",
             "legends", "contacts", "modified", "lang", "grants", "milestones")  # fmt: skip

# --- front matter -------------------------------------------------------------------


def front_matter(fields: dict, comments: dict[str, str] | None = None) -> str:
    """The YAML block between '---' fences, keys in schema order, a `# comment` where the importer
    guessed."""
    comments = comments or {}
    lines = ["---"]
    for key in sorted(fields, key=KEY_ORDER.index):
        line = f"{key}: {_yaml_value(fields[key])}"
        if comments.get(key):
            line += f"  # {collapse_whitespace(comments[key])}"
        lines.append(line)
    lines.append("---")
    text = "\n".join(lines) + "\n"
    _check_round_trip(text, fields)
    return text


def _yaml_value(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        if all(isinstance(item, str) and re.fullmatch(r"[a-z][a-z0-9-]*", item) for item in value):
            return "[" + ", ".join(value) + "]"
        return "[" + ", ".join(_quote(item) for item in value) + "]"
    if isinstance(value, str) and re.fullmatch(r"draft|published", value):
        return value
    return _quote(str(value))


def _quote(text: str) -> str:
    """A double-quoted scalar; JSON escaping is valid YAML and keeps non-ASCII readable."""
    quoted = json.dumps(text, ensure_ascii=False)
    # what YAML does not take as printable (DEL, C1 controls, lone surrogates, U+FFFE/F), escaped
    return re.sub(r"[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]",
                  lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _check_round_trip(text: str, fields: dict) -> None:
    loaded = yaml.load(text.strip().strip("-"), Loader=_SAFE_LOADER)
    if (loaded or {}) != fields:
        raise ValueError(f"front matter does not read back as written: {loaded!r} != {fields!r}")


# --- Markdown body ---------------------------------------------------------------------

_INLINE_ESCAPES = str.maketrans({"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[",
                                 "]": "\\]",
                                 "{": "\\{", "}": "\\}"})  # fmt: skip
_LINE_START = (
    (re.compile(r"^([#>])"), r"\\\1"),  # heading, quote
    (re.compile(r"^([+-])(?=\s|$)"), r"\\\1"),  # bullet
    (re.compile(r"^(\d+)\.(?=\s|$)"), r"\1\\."),  # ordered list
    (re.compile(r"^-(?=[=-]*\s*$)"), r"\\-"),  # setext underline
    (re.compile(r"^=(?=[=-]*\s*$)"), "&#61;"),  # "=" has no backslash escape
    (re.compile(r"^:"), "&#58;"),  # definition list (Markdown "extra")
)


def escape(text: str) -> str:
    """Escape the characters Markdown (with "extra") would read as markup anywhere in a line."""
    text = text.translate(_INLINE_ESCAPES)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    return text


def escape_line_starts(markdown: str) -> str:
    lines = []
    for line in markdown.split("\n"):
        for pattern, replacement in _LINE_START:
            line = pattern.sub(replacement, line)
        lines.append(line)
    return "\n".join(lines)


def render_spans(spans: list[Span], *, breaks: bool = True) -> str:
    """Styled spans as Markdown; emphasis markers hug the text, whitespace stays outside them."""
    parts = []
    for span in merge(spans):
        text = span.text if breaks else span.text.replace("\n", " ")
        lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.DOTALL).groups()
        if not core:
            parts.append(text)
            continue
        core = escape(core)
        if span.href:
            core = f"[{core}]({_link_target(span.href)})"
        if span.em:
            core = f"*{core}*"
        if span.strong:
            core = f"**{core}**"
        parts.append(lead + core + trail)
    rendered = escape_line_starts("".join(parts).strip())
    return rendered.replace("\n", "  \n") if breaks else rendered


def _link_target(href: str) -> str:
    return re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", href)


def render_block(block: Block) -> str:
    """One block as Markdown."""
    if block.kind == "heading":
        return (
            "#" * max(2, min(block.level, 6))
            + " "
            + render_spans(block.spans, breaks=False).rstrip("#")
        )
    if block.kind == "list":
        return _render_list(block.items)
    if block.kind == "table":
        return _render_table(block.rows)
    if block.kind == "quote":
        return "\n".join("> " + line for line in render_spans(block.spans).split("\n"))
    return render_spans(block.spans)


def _render_list(items) -> str:
    """Bullets and numbered items; nested items are indented four spaces per level."""
    lines, numbers = [], {}
    for depth, ordered, spans in items:
        numbers = {d: n for d, n in numbers.items() if d <= depth}
        numbers[depth] = numbers.get(depth, 0) + 1
        marker = f"{numbers[depth]}." if ordered else "-"
        lines.append("    " * depth + f"{marker} " + render_spans(spans, breaks=False))
    return "\n".join(lines)


def _render_table(rows) -> str:
    width = max(len(row) for row in rows)
    cells = [[render_spans(cell, breaks=False).replace("|", "\\|") for cell in row] for row in rows]
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def render_body(blocks: list[Block]) -> str:
    """The body: blocks separated by blank lines, ending in one newline."""
    rendered = [render_block(block) for block in blocks]
    return "\n\n".join(text for text in rendered if text.strip()) + "\n"


def render_document(fields: dict, body: str, comments: dict[str, str] | None = None) -> str:
    return front_matter(fields, comments) + body
