"""The lead's dateline, set the way newswires print it: "VANCOUVER, British Columbia,
September 10, 2026 (Newsfile Corp.) –".

A release on the site should open as it was published. The importer keeps the place
(`dateline:`), the date and the wire credit (`wire:`) as front-matter data and cuts them
from the first paragraph; this module puts them back at the start of that paragraph
when the page is built, so imported releases and releases written in Dateline read alike.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re

logger = logging.getLogger(__name__)

# a top-level block of the body: a paragraph (captured) or any other block element
# the opening tag of a block of the body; a paragraph is where a lead can be
_OPEN = re.compile(r"<(p|h[1-6]|ul|ol|table|blockquote|div|pre|dl|hr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_WHOLLY_STYLED = re.compile(r"^\s*<(strong|em|b|i)>.*</\1>\s*$", re.DOTALL)
_LEGEND_WORDS = re.compile(
    r"^\W*(?:not\s+for\s+(?:distribution|release|dissemination)|for\s+immediate"
    r"\s+release|(?:news|press|media)\s+release\s*$|embargoed)",
    re.IGNORECASE,
)
DASH = "\u2013"


def dateline_text(place: str | None, date: dt.date, wire: str | None) -> str:
    """ "VANCOUVER, British Columbia, September 10, 2026 (Newsfile Corp.) –": the city in
    capitals as newswires set it, the rest of the place as written."""
    parts = []
    if place:
        city, region = re.match(r"([^,(]*)(.*)", place).groups()  # "Montréal (Québec)" too
        parts.append(
            city.strip().upper() + (("" if region[0] == "," else " ") + region if region else "")
        )
    parts.append(f"{date:%B} {date.day}, {date.year}")
    credit = f" ({wire})" if wire else ""
    return ", ".join(parts) + credit + " " + DASH


def with_dateline(body_html: str, place: str | None, date: dt.date, wire: str | None) -> str:
    """The body with the dateline opening its lead: the first paragraph that is not a legend
    (highlights, a table or headings above it are passed over, as newswires set them), else a
    paragraph of its own at the top. A lead that already opens with a dateline, as some
    hand-written releases do, is left as it is."""
    from dateline.importer.detect import match_lead  # the importer's dateline recogniser

    text = html.escape(dateline_text(place, date, wire), quote=False)
    line = f'<span class="dateline">{text}</span>'
    for tag, inner_start, inner_end in _top_level_blocks(body_html):
        inner = body_html[inner_start:inner_end]
        if tag != "p" or _is_legend(inner):
            continue
        if match_lead(html.unescape(_TAG.sub("", inner)).strip()):
            return body_html
        return body_html[:inner_start] + line + " " + body_html[inner_start:]
    return f'<p class="dateline-alone">{line}</p>\n' + body_html


def _top_level_blocks(body_html: str):
    """(tag, inner start, inner end) of each top-level block: a list's own paragraphs are not
    candidates for the lead."""
    position = 0
    while (opening := _OPEN.search(body_html, position)) is not None:
        tag = opening.group(1).lower()
        if tag == "hr":
            position = opening.end()
            continue
        inner_end, position = _closing(body_html, tag, opening.end())
        yield tag, opening.end(), inner_end


def _closing(body_html: str, tag: str, start: int) -> tuple[int, int]:
    """Where the element opened before `start` closes: (inner end, end), nesting counted."""
    depth = 1
    for found in re.finditer(rf"<(/?){tag}\b[^>]*>", body_html[start:], re.IGNORECASE):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start + found.start(), start + found.end()
    return len(body_html), len(body_html)


def _is_legend(inner: str) -> bool:
    """A distribution legend or label left above the lead ("NOT FOR DISTRIBUTION...")."""
    text = html.unescape(_TAG.sub("", inner)).strip()
    letters = [c for c in text if c.isalpha()]
    all_caps = len(letters) >= 4 and not any(c.islower() for c in letters)
    return bool(_WHOLLY_STYLED.match(inner)) or all_caps or bool(_LEGEND_WORDS.match(text))
