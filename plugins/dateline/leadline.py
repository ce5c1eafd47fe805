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
_BLOCK = re.compile(
    r"<p>(?P<inner>.*?)</p>|<(?:h[1-6]|ul|ol|table|blockquote|div|pre|hr|dl)\b", re.DOTALL
)
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
        city, _, region = place.partition(",")
        parts.append(city.strip().upper() + ("," + region if region else ""))
    parts.append(f"{date:%B} {date.day}, {date.year}")
    credit = f" ({wire})" if wire else ""
    return ", ".join(parts) + credit + " " + DASH


def with_dateline(body_html: str, place: str | None, date: dt.date, wire: str | None) -> str:
    """The body with the dateline opening its lead paragraph (or, when the body opens with
    something other than a paragraph, in a paragraph of its own before it). A lead that
    already opens with a dateline, as some hand-written releases do, is left as it is."""
    from dateline.importer.detect import match_lead  # the importer's dateline recogniser

    text = html.escape(dateline_text(place, date, wire), quote=False)
    line = f'<span class="dateline">{text}</span>'
    for block in _BLOCK.finditer(body_html):
        inner = block.group("inner")
        if inner is not None and _is_legend(inner):
            continue
        if inner is not None:
            if match_lead(html.unescape(_TAG.sub("", inner)).strip()):
                return body_html
            at = block.start("inner")
            return body_html[:at] + line + " " + body_html[at:]
        at = block.start()
        return body_html[:at] + f'<p class="dateline-alone">{line}</p>\n' + body_html[at:]
    return f'<p class="dateline-alone">{line}</p>\n' + body_html


def _is_legend(inner: str) -> bool:
    """A distribution legend or label left above the lead ("NOT FOR DISTRIBUTION...")."""
    text = html.unescape(_TAG.sub("", inner)).strip()
    letters = [c for c in text if c.isalpha()]
    all_caps = len(letters) >= 4 and not any(c.islower() for c in letters)
    return bool(_WHOLLY_STYLED.match(inner)) or all_caps or bool(_LEGEND_WORDS.match(text))
