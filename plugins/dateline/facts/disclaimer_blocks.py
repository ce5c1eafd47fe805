"""The pieces legal text is cut into: the body's top-level blocks and the blocks a page shows.

`disclaimers` moves whole top-level elements of a body, so the body is first cut
into them here (`split_blocks`); what it moves becomes a `LegalBlock` of the
release's `Attachment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.content.text import VOID_ELEMENTS, normalise, plain_text

RELEASE, ISSUER = "release", "issuer"


@dataclass(frozen=True)
class LegalBlock:
    """A disclaimer or legend as shown on the page; `origin` says whose wording it is."""

    key: str
    title: str
    html: str
    origin: str  # RELEASE (the release's own words) or ISSUER (from issuer.yaml)
    # True when `title` is the release's own heading, taken out of the body with the text.
    title_in_release: bool = False


@dataclass
class Attachment:
    """A release body with its legal text separated, plus what the page adds."""

    body_html: str
    top_legends: list[LegalBlock] = field(default_factory=list)
    bottom_legends: list[LegalBlock] = field(default_factory=list)
    disclaimer: LegalBlock | None = None
    archival_notice: str | None = None
    warnings: list[str] = field(default_factory=list)



@lru_cache(maxsize=256)
def paragraph_keys(html: str) -> tuple[str, ...]:
    """Normalised text of each top-level element of configured legal text."""
    return tuple(normalise(b.text) for b in split_blocks(html) if b.text)


# --- top-level blocks of the body -------------------------------------------------------------

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>", re.DOTALL)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass
class Block:
    """One top-level element of the body: its span in the HTML and its visible text."""

    start: int
    end: int
    tag: str
    html: str
    text: str = ""
    norm: str = ""


def split_blocks(html: str) -> list[Block]:
    """Cut HTML into top-level elements (Python-Markdown puts one per paragraph/heading/list)."""
    spans: list[tuple[int, int, str]] = []
    depth, start, tag, text_from = 0, 0, "", 0
    for match in _TAG.finditer(html):
        closing, name, selfclosing = match.groups()
        name = (name or "").lower()
        if depth:
            if name == tag and not selfclosing:
                depth += -1 if closing else 1
                if not depth:
                    spans.append((start, match.end(), tag))
                    text_from = match.end()
            continue
        if html[text_from : match.start()].strip():
            spans.append((text_from, match.start(), ""))
        if not name or closing:  # comment or stray closing tag: leave it where it is
            text_from = match.end()
        elif name in VOID_ELEMENTS or selfclosing:
            spans.append((match.start(), match.end(), name))
            text_from = match.end()
        else:
            depth, start, tag = 1, match.start(), name
    if depth:
        spans.append((start, len(html), tag))
    elif html[text_from:].strip():
        spans.append((text_from, len(html), ""))
    blocks = []
    for begin, end, name in spans:
        fragment = html[begin:end]
        text = plain_text(fragment)
        blocks.append(Block(begin, end, name, fragment, text, normalise(text)))
    return blocks

