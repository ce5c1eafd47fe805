"""Read a plain-text release into blocks: paragraphs split on blank lines, bullets, "**bold**".

Archived .txt releases are often lightly Markdown-flavoured (the seed has
"**HEADLINE**" and "\\$1.07"), so bold markers and backslash escapes are
understood; everything else is taken literally.
"""

from __future__ import annotations

import logging
import re

from dateline.importer.blocks import Block, Span, merge

logger = logging.getLogger(__name__)

BULLET = re.compile(r"^(?:[-*•▪◦·]|(\d{1,2})\.)\s+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_WRAP_MIN = 60  # a line at least this long is part of hard-wrapped prose, not a list of lines


def normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)


def unescape(text: str) -> str:
    """Undo Markdown backslash escapes such as "\\$1.07" (the seed's); the writer re-escapes what
    matters."""
    return _ESCAPE.sub(r"\1", text)


def text_blocks(text: str) -> list[Block]:
    """Split plain text into blocks, each remembering its first source line."""
    blocks, lines, start = [], [], 1
    for number, line in enumerate(normalise_newlines(text).split("\n"), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            blocks.append(paragraph_block(lines, start))
            lines = []
    if lines:
        blocks.append(paragraph_block(lines, start))
    return blocks


def paragraph_block(lines: list[str], line: int) -> Block:
    """One blank-line-separated paragraph: a bullet list or a paragraph with or without line
    breaks."""
    if BULLET.match(lines[0]) and not _is_rule(lines[0]):
        return _list_block(lines, line)
    joined = "\n".join(lines) if _keeps_line_breaks(lines) else " ".join(lines)
    return Block("paragraph", spans=inline_spans(joined), line=line)


def _is_rule(line: str) -> bool:
    return bool(re.fullmatch(r"[-*_=\s]{3,}", line))


def _keeps_line_breaks(lines: list[str]) -> bool:
    """Contact blocks and addresses keep their lines; hard-wrapped prose is joined."""
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    return longest < _WRAP_MIN or any(len(line) < longest * 0.5 for line in lines[:-1])


def _list_block(lines: list[str], line: int) -> Block:
    items: list[tuple[int, bool, list[str]]] = []
    for text in lines:
        marker = BULLET.match(text)
        if marker:
            items.append((0, marker.group(1) is not None, [text[marker.end() :]]))
        else:
            items[-1][2].append(text)
    block = Block("list", line=line)
    block.items = [
        (depth, ordered, inline_spans(" ".join(parts))) for depth, ordered, parts in items
    ]
    return block


def inline_spans(text: str) -> list[Span]:
    """Plain text with "**bold**" runs as spans, backslash escapes undone."""
    spans, position = [], 0
    for match in _BOLD.finditer(text):
        spans.append(Span(unescape(text[position : match.start()])))
        spans.append(Span(unescape(match.group(1)), strong=True))
        position = match.end()
    spans.append(Span(unescape(text[position:])))
    return merge(spans)
