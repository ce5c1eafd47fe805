"""Where a release's date comes from, in order: the dateline, a header block or page stamp,
a full dateline deeper down, a labelled form row, a place and date under the signature,
a date alone on a line (docs/importer.md, "Dates")."""

from __future__ import annotations

import datetime as dt

from dateline.importer.blocks import Block
from dateline.importer.datelines import Lead, match_lead, match_placeline, match_yearless_lead
from dateline.importer.dates import (
    bare_figures_date,
    find_dates,
    has_date_label,
    month_first_reading,
    stamp_date,
    title_date,
)
from dateline.importer.letterheads import SIGN_OFF
from dateline.importer.parts import (
    DEEP_LEAD_SEARCH,
    LEAD_SEARCH,
    Parts,
)
from dateline.importer.tickers import detect_tickers


def find_leads(blocks: list[Block], published: dt.date | None = None) -> Parts:
    """The dateline: a paragraph opening "PLACE, DATE -", and/or a line holding only the date
    (then a "PHOENIX--(BUSINESS WIRE)--" below it is the dateline, dated by that line)."""
    parts = Parts()
    for index, block in enumerate(blocks[:LEAD_SEARCH]):
        if block.kind not in ("paragraph", "heading", "quote"):
            continue
        text = "".join(span.text for span in block.spans).replace("\n", " ")
        lead = match_lead(text)
        near = parts.lead.date if parts.lead else published
        if lead is None and near is not None:  # "SAN JOSE, Calif., June 14 /PRNewswire/ --"
            lead = match_yearless_lead(text, near)
        if lead is None:
            lead = _dated_placeline(text, near)
        if lead is None:
            if parts.lead is None and (header := _header_date(block)) is not None:
                header, parts.other_reading = _settle_order(header, block, blocks)
                parts.lead, parts.lead_index = header, index  # the block stays in the body
            continue
        if lead.standalone:
            if parts.date_index is None:
                parts.lead, parts.lead_index, parts.date_index = lead, index, index
            continue
        if parts.lead is not None and parts.lead.date != lead.date:
            # a different date line is not this release's date: keep it in the body
            parts.date_index = None
        parts.lead, parts.lead_index, parts.other_reading = lead, index, None
        break
    return parts


def _header_date(block: Block) -> Lead | None:
    """The date line of a header block: "RNS Number : 5521B / Ashdown Oil plc / 04 March 2025",
    "Ashdown Oil plc - ADO / Final Results / Released 07:00 04-Mar-2025" (short lines only), or a
    page stamp or labelled row: "Release Date: 30/04/2025 08:50", "| Date of this announcement |
    8 July 2020 |" (stamp_date); in the header, figures alone in their block ("11.02.2025")."""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if not lines or any(len(line.replace("|", " ").split()) > 12 for line in lines):
        return None
    for line in lines:
        lead = match_lead(line) if len(lines) > 1 else None
        if lead is not None and lead.standalone:
            return lead
        date = stamp_date(line) or (bare_figures_date(line) if len(lines) == 1 else None)
        if date is not None:
            return Lead(None, None, date, len(block.text), True)
    return None


def labelled_date(blocks: list[Block]) -> Lead | None:
    """A form's labelled date row further down than LEAD_SEARCH ("Date of this announcement",
    "Release date"): only a labelled row, which no sentence is."""
    for block in blocks[LEAD_SEARCH:DEEP_LEAD_SEARCH]:
        for line in block.text.split("\n"):
            date = stamp_date(line) if has_date_label(line) else None
            if date is not None:
                return Lead(None, None, date, len(block.text), True)
    return None


def date_line(blocks: list[Block]) -> Lead | None:
    """Last resort: a date printed on a line of its own in a short block ("Johannesburg / 12 May
    2021" below a SENS announcement), never a date inside a sentence or a table."""
    for block in blocks[:DEEP_LEAD_SEARCH]:
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        if block.kind != "paragraph" or len(lines) > 3 or any(
            "|" in line or len(line.split()) > 8 for line in lines
        ):
            continue
        for line in lines:
            lead = match_lead(line)
            if lead is not None and lead.standalone:
                return lead
    return None


# markets whose releases print figure dates month first, and those that print them day first;
# Canada's (TSX, TSXV, CSE) print both
_MONTH_FIRST_MARKETS = {"NYSE", "NYSE American", "NASDAQ", "OTC", "OTCQX", "OTCQB", "OTC Pink"}
_DAY_FIRST_MARKETS = {"ASX", "NZX", "LSE", "AIM", "JSE", "HKEX", "SGX", "FSE", "XETRA"}


def _settle_order(lead: Lead, block: Block, blocks: list[Block]) -> tuple[Lead, dt.date | None]:
    """A figure stamp read day first ("Posted 03/04/2025") is read month first when the release
    writes that date in words and not the other, or names only US markets; day first when it
    writes the day-first date or its issuer lists first on a day-first market. Otherwise it stays
    day first, and the other reading is returned for review: both are real dates."""
    other = next(filter(None, map(month_first_reading, block.text.split("\n"))), None)
    if other is None or other == lead.date:
        return lead, None
    text = "\n".join(b.text for b in blocks[:DEEP_LEAD_SEARCH])
    written = set(find_dates(text))
    tickers = detect_tickers(text)
    us_only = bool(tickers) and all(t.exchange in _MONTH_FIRST_MARKETS for t in tickers)
    if (other in written and lead.date not in written) or (us_only and lead.date not in written):
        return Lead(lead.place, lead.wire, other, lead.end, lead.standalone), None
    if lead.date in written or (tickers and tickers[0].exchange in _DAY_FIRST_MARKETS):
        return lead, None
    return lead, other


def headline_date(headline: str) -> Lead | None:
    """Last of all, a date the headline ends with, when nothing else in the release is dated."""
    date = title_date(headline)
    return Lead(None, None, date, 0, True) if date else None


def sign_off_date(blocks: list[Block]) -> Lead | None:
    """HKEX announcements are dated below the signature: "By order of the Board / ... / Hong Kong,
    18 October 2019". A place and date alone, within a few blocks after a sign-off."""
    signed = None
    for index, block in enumerate(blocks):
        if SIGN_OFF.match(block.text.strip()):
            signed = index
        elif signed is not None and index - signed <= 3:
            for line in block.text.split("\n"):
                lead = match_lead(line.strip())
                if lead is not None and lead.standalone and lead.place:
                    return lead
    return None


def find_deep_lead(blocks: list[Block]) -> Parts | None:
    """A page copied whole, menus and all: a dateline with a place or a wire credit (a strong
    sign, unlike a date alone) further down than LEAD_SEARCH."""
    for index, block in enumerate(blocks[LEAD_SEARCH:DEEP_LEAD_SEARCH], start=LEAD_SEARCH):
        if block.kind != "paragraph":
            continue
        lead = match_lead(block.text.replace("\n", " "))
        if lead is not None and not lead.standalone and (lead.place or lead.wire):
            return Parts(lead=lead, lead_index=index)
    return None


def _dated_placeline(text: str, date: dt.date | None) -> Lead | None:
    placeline = match_placeline(text) if date else None
    if placeline is None or not text[placeline[2] :].strip():
        return None
    place, wire, end = placeline
    return Lead(place, wire, date, end, False)
