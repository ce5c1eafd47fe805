"""The shape both readers (plain text, HTML) produce: a release as a list of blocks of styled spans.

Keeping text and styling apart lets the importer strip a dateline off the
first paragraph, and lets the writer escape Markdown in exactly one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Span:
    """A run of text with one style; "\\n" inside `text` is a hard line break."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None


@dataclass
class Block:
    """One paragraph, heading, list, table or quote of a release, with its source line."""

    kind: str  # paragraph | heading | list | table | quote
    spans: list[Span] = field(default_factory=list)
    items: list[tuple[int, bool, list[Span]]] = field(
        default_factory=list
    )  # (depth, ordered, spans)
    rows: list[list[list[Span]]] = field(default_factory=list)
    level: int = 2
    line: int = 1
    preamble: bool = False  # above the news (letterhead, RNS header, deck): set in italics

    @property
    def text(self) -> str:
        """Plain text, used for detection and for deciding what a block is."""
        if self.kind == "list":
            return "\n".join(spans_text(spans) for _, _, spans in self.items)
        if self.kind == "table":
            return "\n".join(" | ".join(spans_text(cell) for cell in row) for row in self.rows)
        return spans_text(self.spans)

    @property
    def is_strong(self) -> bool:
        """Every visible character is bold, as in a "**HEADLINE**" line."""
        visible = [span for span in self.spans if span.text.strip()]
        return bool(visible) and all(span.strong for span in visible)


def spans_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans).strip()


def strip_prefix(spans: list[Span], count: int) -> list[Span]:
    """Drop the first `count` characters of plain text (a dateline), keeping the styles of the
    rest."""
    out: list[Span] = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        text = span.text[count:] if count else span.text
        count = 0
        out.append(Span(text, span.strong, span.em, span.href))
    if out:
        out[0].text = out[0].text.lstrip()
    return [span for span in out if span.text]


def merge(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans of the same style, so the Markdown has no "****" seams."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = out[-1] if out else None
        if last and (last.strong, last.em, last.href) == (span.strong, span.em, span.href):
            last.text += span.text
        else:
            out.append(Span(span.text, span.strong, span.em, span.href))
    return out


def collapse(text: str) -> str:
    """HTML-style whitespace: any run of spaces and newlines is one space."""
    return re.sub(r"[ \t\r\n\f]+", " ", text)
