"""Recognising legal text in a body: legends, disclaimer headings and their sections.

A legend is the issuer's configured wording or a well-known one (the TSXV
sentence, the US newswire line); a disclaimer runs from its heading (or a run-in
bold title) to the next heading, end mark or contact details.
"""

from __future__ import annotations

import re

from dateline.content.issuer import Issuer
from dateline.content.text import normalise, plain_text
from dateline.facts import disclaimer_blocks as dblocks

# --- recognising legal text -------------------------------------------------------------------

_DISCLAIMER_HEADING = re.compile(
    r"forward[\s-]*looking[\s-]+(?:statements?|information|info|disclaimer)"
    r"|safe[\s-]+harbou?r|^cautionary\b|^caution\s+(?:regarding|concerning|about|on)\b"
    r"|^(?:legal\s+)?disclaimers?\b"
)
_TSXV_LEGEND = re.compile(
    r"^neither (?:the )?tsx venture exchange nor its regulation services? provider"
)
_US_LEGEND = re.compile(r"^not for (?:distribution|dissemination|release)\b")
_US_LEGEND_TAIL = re.compile(r"^(?:or|and|nor)\b")
_EMPHASIS = re.compile(r"<(strong|b|em|i)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_RUN_IN = re.compile(r"^\s*<p[^>]*>\s*<(strong|b)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_CONTACT_LINE = re.compile(
    r"contact|for (?:further|more|additional) information|investor relations|media"
)
_END_MARK = re.compile(r"^[-#\s]*(?:30|ends?)?[-#\s]*$")
# Contact details end a disclaimer section even without a "For further information" line.
_CONTACT_DETAILS = re.compile(r"\w@[\w-]+\.\w|\b(?:tel|telephone|phone)\b\s*[:.]")
BUILTIN_LEGENDS = {"tsxv": "bottom", "us-newswire": "top"}


def _heading_text(block: dblocks.Block) -> str | None:
    """The text of a block that reads as a heading, else None."""
    if block.tag in dblocks.HEADINGS:
        return block.text
    if block.tag != "p" or not block.text or len(block.text) > 150:
        return None
    inner = re.sub(r"^<p[^>]*>|</p>$", "", block.html)
    if not plain_text(_EMPHASIS.sub("", inner)) and len(block.text.split()) <= 20:
        return block.text
    words = block.text.split()
    title_like = (
        len(words) <= 10
        and block.text[0].isupper()
        and not block.text.endswith((".", "!", "?", ",", ";", '"', "'"))
        and (not block.text.endswith(":") or _CONTACT_LINE.search(block.norm))
    )
    return block.text if title_like else None


def _is_disclaimer_heading(text: str) -> bool:
    folded = normalise(text)
    return len(folded.split()) <= 15 and bool(_DISCLAIMER_HEADING.search(folded))


def run_in_heading(block: dblocks.Block) -> str | None:
    """`<p><strong>Forward-Looking Statements</strong> This release ...` starts a disclaimer."""
    match = _RUN_IN.match(block.html) if block.tag == "p" else None
    title = plain_text(match.group(2)).rstrip(" .:-") if match else ""
    return title if title and _is_disclaimer_heading(title) else None


def _legend_key(block: dblocks.Block, issuer: Issuer) -> str | None:
    """Key of the legend this block is (configured text or a well-known legend), else None."""
    for legend in issuer.legends.values():
        if block.norm == " ".join(dblocks.paragraph_keys(legend.html)):
            return legend.key
    if _TSXV_LEGEND.match(block.norm):
        return _builtin_key(issuer, "tsxv", lambda legend: "TSXV" in legend.exchanges)
    if _US_LEGEND.match(block.norm) and len(block.norm.split()) <= 40:
        return _builtin_key(
            issuer, "us-newswire", lambda legend: bool(_US_LEGEND.match(normalise(legend.text)))
        )
    return None


def _builtin_key(issuer: Issuer, default: str, fits) -> str:
    """Map a well-known legend to the issuer's key for it, so it is not added twice."""
    return next((legend.key for legend in issuer.legends.values() if fits(legend)), default)


def find_legends(blocks: list[dblocks.Block], issuer: Issuer) -> dict[int, str]:
    """Block index -> legend key; a legend split over two paragraphs marks both."""
    found: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if index in found or block.tag in dblocks.HEADINGS:
            continue
        key = _legend_key(block, issuer)
        if key is None:
            continue
        found[index] = key
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            _US_LEGEND.match(block.norm)
            and following
            and _US_LEGEND_TAIL.match(following.norm)
            and following.text.isupper()
            and len(following.norm.split()) <= 15
        ):
            found[index + 1] = key
    return found


def find_disclaimers(blocks: list[dblocks.Block], legends: dict[int, str]) -> dict[int, str]:
    """Block index -> role ('title' for the opening heading, 'text' otherwise)."""
    roles: dict[int, str] = {}
    inside = False
    for index, block in enumerate(blocks):
        if index in legends:
            continue
        heading = _heading_text(block)
        if heading is not None and _is_disclaimer_heading(heading):
            roles[index] = "text" if inside else "title"
            inside = True
        elif heading is not None or block.tag == "hr":
            inside = False
        elif run_in_heading(block):
            roles[index] = "text"
            inside = True
        elif inside and _ends_section(block):
            inside = False
        elif inside:
            roles[index] = "text"
    return roles


def _ends_section(block: dblocks.Block) -> bool:
    """An end mark such as -30- or ###, or a block of contact details."""
    return bool(_END_MARK.match(block.norm) or _CONTACT_DETAILS.search(block.norm))


def match_configured(blocks, issuer: Issuer, taken) -> dict[int, str]:
    """Paragraphs equal to a configured disclaimer paragraph, wherever they stand."""
    known = {
        p
        for d in issuer.disclaimers.values()
        for p in dblocks.paragraph_keys(d.html)
        if len(p.split()) >= 8
    }
    return {i: "text" for i, b in enumerate(blocks) if i not in taken and b.norm in known}

