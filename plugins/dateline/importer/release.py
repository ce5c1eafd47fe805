"""Turn a raw release (text or HTML) into front matter and a Markdown body, losing no sentence.

The headline becomes `title`; the dateline's place, wire credit and date become `dateline`,
`wire` and `date` (the page sets them back at the start of the lead). Everything else
(letterheads, legends, disclaimers, About, contacts) stays in the body in its original order,
for the plugin to sort out at build time. A date, ticker or headline that cannot be found
makes the release a draft, with a problem saying what to write (docs/importer.md).
"""


from __future__ import annotations

import datetime as dt

from dateline.content.exchanges import Ticker
from dateline.errors import expected
from dateline.importer.assemble import ImportedRelease, assemble, body_blocks
from dateline.importer.blocks import Block
from dateline.importer.dating import (
    date_line,
    find_deep_lead,
    find_leads,
    headline_date,
    labelled_date,
    sign_off_date,
)
from dateline.importer.headlines import choose_headline, is_prose
from dateline.importer.html import read_page
from dateline.importer.letterheads import (
    SECTION_HEADING,
    is_legend,
    is_navigation,
    is_page_furniture,
)
from dateline.importer.parts import (
    HEADLINE_SEARCH,
    LEAD_SEARCH,
    Parts,
)
from dateline.importer.text import BULLET, text_blocks

MIN_RELEASE_CHARS = 80
MIN_SENTENCE_WORDS = 6  # release text has at least one paragraph this long


def parse_release(
    text: str,
    *,
    source: str,
    is_html: bool = False,
    default_ticker: Ticker | None = None,
    issuer_tickers: list[Ticker] | tuple = (),
) -> ImportedRelease:
    """Detect headline, dateline, date, tickers and tags; keep everything else as the Markdown body.

    Only a source with no release text at all is refused. A release whose date, ticker or
    headline cannot be found is written as a draft, with a problem saying what to fill in.
    """
    published, hint = None, None
    if is_html:
        page = read_page(text)
        blocks, source_text, published = page.blocks, page.text, page.published
        hint = (page.headline, page.headline_line) if page.headline else None
    else:
        blocks, source_text = text_blocks(text), text
    blocks, dropped = _drop_navigation(blocks)
    source_text = _without_lines(source_text, dropped)
    if not _has_release_text(blocks):
        found = " ".join(block.text for block in blocks)[:60] or text.strip()[:60]
        problem = expected(
            source, 1, "release", "release text (a paragraph of a sentence or more)", found
        )
        return ImportedRelease(
            {}, "", [problem], source=source, source_text=source_text, is_html=is_html
        )
    parts = _locate_parts(blocks, hint, published)
    if parts.headline_index and (parts.lead_index or 0) > LEAD_SEARCH:
        # a page copied whole: what stands above the headline is the site's, not the release's
        chrome = [
            line for block in blocks[: parts.headline_index] for line in block.text.split("\n")
        ]
        chrome = [line.strip() for line in chrome if line.strip()]
        blocks, more = _drop_navigation(blocks[parts.headline_index :])
        source_text = _without_lines(source_text, chrome + more)
        dropped.extend(chrome + more)
        parts = _locate_parts(blocks, hint, published)
    body = body_blocks(blocks, parts)
    release = assemble(parts, body, source, published, default_ticker, list(issuer_tickers))
    release.source_text, release.is_html, release.raw_text = source_text, is_html, text
    release.notes = _navigation_note(dropped)
    return release


def _drop_navigation(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Site navigation saved around a release's top ("Home | News", "Back to News", "Share
    this article"), EDGAR's wrapper lines and page markers are not release text."""
    kept, dropped, seen, news = [], [], set(), False
    for index, block in enumerate(blocks):
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        prose = block.kind in ("paragraph", "list") and bool(lines)
        top_navigation = index < HEADLINE_SEARCH and all(map(is_navigation, lines))
        running = prose and len(lines) == 1 and _is_running_header(lines[0])
        if prose and (top_navigation or all(map(is_page_furniture, lines))):
            dropped.extend(lines)
        elif running and news and lines[0] in seen:
            dropped.extend(lines)  # a PDF's page header, printed again atop a later page
        else:
            seen.update(lines if running else ())
            news = news or is_prose(block)
            kept.append(block)
    return kept, dropped


def _is_running_header(line: str) -> bool:
    """A short line that is no sentence and no section heading: what a PDF prints atop each page."""
    words = line.split()
    return (
        2 <= len(words) <= 12
        and line[-1] not in ".!?:"
        and not SECTION_HEADING.match(line)
        and not is_legend(line)
    )


def _without_lines(text: str, lines: list[str]) -> str:
    """The source text less the lines left out, each once, where it first occurs (a "Contact"
    menu item goes; a "Contact" heading further down stays for --verify to check)."""
    if not lines:
        return text
    pending: dict[str, int] = {}
    for line in lines:
        pending[line] = pending.get(line, 0) + 1
    kept = []
    for line in text.split("\n"):
        # a list item's text has lost its marker: "- 2 -" was read as the item "2 -"
        key = next(
            (k for k in (line.strip(), BULLET.sub("", line.strip())) if pending.get(k)), None
        )
        if key is not None:
            pending[key] -= 1
            continue
        kept.append(line)
    return "\n".join(kept)


def _navigation_note(dropped: list[str]) -> list[str]:
    if not dropped:
        return []
    shown = ", ".join(repr(line) for line in dropped[:2]) + (", ..." if len(dropped) > 2 else "")
    return [f"left out {len(dropped)} line(s) of site navigation or page furniture: {shown}"]


def _has_release_text(blocks: list[Block]) -> bool:
    text = "\n".join(block.text for block in blocks)
    return len(text) >= MIN_RELEASE_CHARS and any(
        len(line.split()) >= MIN_SENTENCE_WORDS for line in text.split("\n")
    )


def _locate_parts(blocks: list[Block], hint, published: dt.date | None = None) -> Parts:
    parts = find_leads(blocks, published)
    if parts.lead is None or parts.lead.standalone:
        # a date line alone (an 8-K's "Date of Report", a site's time stamp) yields to a full
        # dateline further down, as on a filing whose cover runs longer than LEAD_SEARCH blocks
        parts = find_deep_lead(blocks) or parts
    if parts.lead is None and published is None:
        parts.lead = labelled_date(blocks) or sign_off_date(blocks) or date_line(blocks)
    choose_headline(parts, blocks, hint)
    if parts.lead is None and published is None and parts.headline:
        parts.lead = headline_date(parts.headline)  # "Drilling Update – 11 February 2025"
    return parts


def detect_release_date(text: str) -> dt.date | None:
    """The release date from a raw release's dateline (or an HTML page's date), else None."""
    is_html = text.lstrip()[:1] == "<"
    if is_html:
        page = read_page(text)
        blocks, published = page.blocks, page.published
    else:
        blocks, published = text_blocks(text), None
    parts = _locate_parts(blocks, None, published)
    return parts.lead.date if parts.lead else published
