"""Recognise the parts of a press release: dates, datelines, tickers, headlines, tags.

Each detector is a small pure function over plain text, so `dateline extract`
and the importer's verifier can reuse them on raw `.txt`/`.html` releases.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass

from dateline.content.exchanges import EXCHANGES, Ticker, normalise_exchange

logger = logging.getLogger(__name__)

# --- dates ----------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # French, for releases from Quebec issuers: "Montréal (Québec), le 3 mars 2021"
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,\s*|\s+)(?P<y1>(?:19|20)\d\d)"  # "March 4,2025"
    # "4th of March 2025"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
    # RNS: "Released 07:00 04-Mar-2025"
    rf"|(?P<d4>\d{{1,2}})-(?P<m4>{_MONTH})-(?P<y4>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_ZONE = (
    r"(?:\s+(?:[A-Z]{1,4}T|ET|PT|CT|MT|(?:Eastern|Pacific|Central|Mountain|Atlantic)"
    r"(?:\s+(?:Standard|Daylight))?(?:\s+Time)?))?"
)
_TIME = rf"(?:,?\s*(?:at\s+)?\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.?m\.?)?{_ZONE})?"
_WIRE_AFTER = (
    r"(?:\s*/\s*(?P<wire>[A-Za-z][\w .&'-]{0,30}?)\s*/|\s*\((?P<wire2>[A-Z][A-Za-z .&'-]{2,30})\))?"
)
# "08:00" is a time, not "08" and a colon
_SEPARATOR = r"\s*\)?\s*(?:--|\.{3}|…|[-–—|/]|(?<!\d):|\.(?=\s+[A-Z\"“(]))"
# a republisher's credit after the wire's: "(GLOBE NEWSWIRE) -- via NEWMEDIAWIRE -- Company"
_VIA = r"(?:\s*--\s*via\s+[A-Za-z][\w .&'-]{1,30}?(?=\s*--))?"
_LEAD_TAIL = re.compile(rf"^{_TIME}{_WIRE_AFTER}{_VIA}(?P<sep>{_SEPARATOR}\s*)", re.IGNORECASE)
# a republisher's mark before the dateline: "/EIN News/ -- "
_AGGREGATOR_MARK = re.compile(r"^\s*/[A-Za-z][\w .&'-]{1,30}/\s*(?:--|[-–—])?\s*")
_STANDALONE_TAIL = re.compile(rf"^{_TIME}{_WIRE_AFTER}\s*(?:--|[-–—:|/.])?\s*$", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?:release\s+date|date(?:d)?|published(?:\s+on)?|posted(?:\s+on)?|released|issued"
    r"|date\s+of\s+report"
    r"|for\s+immediate\s+release)\s*:?\s*(?:\d{1,2}:\d\d\s*)?$",  # "Released 07:00 04-Mar-2025"
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(
    r"^[A-Z\u00c0-\u00de(][\w.'’()\u00c0-\u024f-]*$|^(?:of|de|du|la|le|del|da|am|upon|on|d'|sur|and"
    r"|&)$"
)
_PREFIX_WIRE = re.compile(r"(?:--|[–—])\s*\(([^)]*?)(?:\)\s*(?:--|[–—])|\s*[-–—]\s*$)|\(([^)]*?)\)")
_WEEKDAY_TAIL = re.compile(r",?\s*\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$",
                           re.IGNORECASE)
_EVENT_REPORTED = re.compile(r"\(\s*date\s+of\s+earliest\s+event\s+reported\s*\)", re.IGNORECASE)
_WEEKDAY = re.compile(r"^\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$", re.IGNORECASE)
# newswire credits printed between dashes in a dateline ("Saskatoon – TheNewswire - June 11, 2024
# –")
WIRE_NAME = (
    r"(?:TheNewswire|Newsfile(?:\s+Corp\.?)?|GLOBE\s*NEWSWIRE|BUSINESS\s+WIRE|PR\s?Newswire"
    r"|ACCESSWIRE"
    r"|ACCESS\s+Newswire|CNW|Canada\s+NewsWire|Marketwired?|NEWSWIRE\.CA|PRWeb|EQS[- ]Newswire"
    r"|EIN\s*Presswire|NewMediaWire)"
)
_DASHED_WIRE = re.compile(rf"\s+[-–—/]?\s*({WIRE_NAME})\s*[-–—/]?\s*$", re.IGNORECASE)
_DATE_FIRST_TAIL = re.compile(
    rf"\s*({WIRE_NAME})\s*[-–—/]\s*(?P<place>[^–—/\n]{{2,80}}?)\s+(?:[-–—]+|/)\s+", re.IGNORECASE
)


def parse_date(match: re.Match) -> dt.date | None:
    """Turn a DATE match into a date, or None for an impossible one such as Feb 30."""
    groups = match.groupdict()
    try:
        if groups["y3"]:
            return dt.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        month = groups["m1"] or groups["m2"] or groups["m4"]
        day = groups["d1"] or groups["d2"] or groups["d4"]
        year = groups["y1"] or groups["y2"] or groups["y4"]
        return dt.date(int(year), _MONTHS[month.lower().rstrip(".")], int(re.sub(r"\D", "", day)))
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True)
class Lead:
    """A dateline at the start of a paragraph: place, wire service, date, and where the text
    resumes."""

    place: str | None
    wire: str | None
    date: dt.date
    end: int  # index in the paragraph text where the release text starts
    standalone: bool  # the paragraph holds nothing but the dateline


def match_lead(text: str) -> Lead | None:
    """Recognise "Toronto, Ontario, May 29, 2013 /CNW/ -" and its cousins at the start of text."""
    head = text[:260]
    for match in DATE.finditer(head):
        if match.start() > 140:
            break
        lead = _lead_from(text, match)
        if lead is not None:
            return lead
    return _numeric_lead(text)


# Marketwire(d) prints the date in figures, US order, between its credit and the news:
# "GAITHERSBURG, MD -- (Marketwired) -- 08/05/13 -- Company ...". Figures are read as a date
# only there, right after a wire credit, never elsewhere (04/05 is ambiguous on its own).
_NUMERIC_LEAD = re.compile(
    rf"^(?P<place>[^\n()/]{{2,80}}?)\s*--\s*\((?P<wire>{WIRE_NAME})\)\s*--\s*"
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})\s*--\s*",
    re.IGNORECASE,
)


def _numeric_lead(text: str) -> Lead | None:
    found = _NUMERIC_LEAD.match(text)
    if not found or not _is_place(found.group("place").strip(" ,")):
        return None
    year = int(found.group("year"))
    year += 2000 if year < 100 else 0
    try:
        date = dt.date(year, int(found.group("month")), int(found.group("day")))
    except ValueError:
        return None
    place = found.group("place").strip(" ,")
    return Lead(place, found.group("wire"), date, found.end(), False)


def _lead_from(text: str, match: re.Match) -> Lead | None:
    date = parse_date(match)
    prefix = _parse_prefix(text[: match.start()])
    if date is None or prefix is None:
        return None
    place, prefix_wire = prefix
    rest = text[match.end() :]
    alone = _STANDALONE_TAIL.match(rest)
    if alone:
        wire = prefix_wire or alone.group("wire") or alone.group("wire2")
        return Lead(place, _clean_wire(wire), date, len(text), True)
    tail = _LEAD_TAIL.match(rest)
    if not tail or not rest[tail.end() :].strip():
        return None
    wire = prefix_wire or tail.group("wire") or tail.group("wire2")
    end = match.end() + tail.end()
    if place is None and wire is None:
        # "February 11, 2025 – TheNewswire – Vancouver, British Columbia – Ashgrove ..."
        first = _DATE_FIRST_TAIL.match(text, end)
        if first and _is_place(first.group("place")):
            place, wire, end = first.group("place"), first.group(1), first.end()
    return Lead(place, _clean_wire(wire), date, end, False)


def _parse_prefix(prefix: str):
    """Split the text before a dateline date into (place, wire); None if it reads like a
    sentence."""
    if not prefix.strip() or _WEEKDAY.match(prefix):
        return None, None  # "Tuesday, September 10, 2026" is a date, not a place and a date
    prefix = re.sub(r",?\s+le\s*$", " ", prefix)  # "Montréal (Québec), le 3 mars 2021"
    # "DUBLIN, Ireland, Tuesday, 4 March 2025": no place "Tuesday"
    prefix = _WEEKDAY_TAIL.sub(" ", prefix)
    # SEC: "Date of Report (Date of earliest event reported):"
    prefix = _EVENT_REPORTED.sub(" ", prefix)
    if not prefix.strip():
        return None, None
    prefix = _AGGREGATOR_MARK.sub("", prefix)  # "/EIN News/ -- Denver, Colorado, May 19, 2020"
    wires = []
    dashed = _DASHED_WIRE.search(prefix)
    if dashed:
        wires.append(dashed.group(1))
        prefix = prefix[: dashed.start()]

    def take_wire(found: re.Match) -> str:
        credit = found.group(1) or found.group(2) or ""
        if found.group(2) and _is_place(credit) and not re.search(WIRE_NAME, credit, re.IGNORECASE):
            return found.group(0)  # "Montréal (Québec)": a province, part of the place
        wires.append(credit)
        return " / "

    rest = _PREFIX_WIRE.sub(take_wire, prefix)
    parts = [part.strip(" ,–—-:|\u00a0(") for part in rest.split("/")]
    parts = [part for part in parts if part]
    if not parts:
        return None, _first(wires)
    place, extra = parts[0], parts[1:]
    if not all(map(_is_credit, extra + wires)):
        return None  # "Acme Ltd. (TSXV: ACM) is pleased ... on May 1, 2020": a sentence
    if _LABEL.match(place):
        return (None, _first(wires + extra)) if len(extra) <= 1 else None
    if len(extra) > 1 or not _is_place(place):
        return None
    return place, _first(wires + extra)


def _is_credit(text: str) -> bool:
    """A wire credit such as "ACCESSWIRE", "CNW" or "MARKETWIRE via COMTEX", not a ticker or
    words."""
    words = text.split()
    return (
        ":" not in text
        and len(text) <= 40
        and len(words) <= 4
        and not (len(words) > 1 and sum(word.islower() for word in words) > 1)
    )


def _first(items):
    return next((item for item in items if item and item.strip()), None)


_NOT_PLACES = {
    "On",
    "In",
    "At",
    "As",
    "By",
    "Since",
    "From",
    "Until",
    "Before",
    "After",
    "During",
    "Effective",
    # sentence openers, not towns  # fmt: skip
    "Today",
    "The",
    "This",
    "Dated",
    "And",
    "For",
    "To",
}


# page chrome such as "PRESS RELEASE GlobeNewswire" above a time stamp reads like a place
_NOT_PLACE_WORDS = re.compile(r"release|newswire|announcement|\bwire\b|\bstory\b", re.IGNORECASE)


def _is_place(text: str) -> bool:
    words = text.replace(",", " ").split()
    if (
        not words
        or words[0] in _NOT_PLACES
        or _NOT_PLACE_WORDS.search(text)
        or not _PLACE_WORD.match(words[-1])
        or words[-1].islower()
    ):
        return False
    return len(words) <= 8 and len(text) <= 80 and all(_PLACE_WORD.match(w) for w in words)


def _clean_wire(wire: str | None) -> str | None:
    return re.sub(r"\s+", " ", wire).strip(" -") or None if wire else None


# a dateline without its date, as Business Wire and PR Newswire pages print it under a time stamp
_PLACELINE = re.compile(
    rf"^(?P<place>[^\n()/]{{2,80}}?)\s*(?:--\s*\((?P<wire>{WIRE_NAME})\)\s*--"
    # "SAN JOSE, Calif., June 14 /PRNewswire-FirstCall/ --": PR Newswire's yearless date (see below)
    rf"|,?(?:\s+{_MONTH}\s+{_DAY})?\s*/\s*(?P<wire2>{WIRE_NAME}(?:-[A-Za-z]+)?)"
    r"\s*/\s*(?:--|[-–—]))\s*",
    re.IGNORECASE,
)


def match_placeline(text: str) -> tuple[str, str, int] | None:
    """ "PHOENIX--(BUSINESS WIRE)--" or "MONTREAL /CNW/ -": (place, wire, where the text
    resumes)."""
    found = _PLACELINE.match(text)
    if not found or not _is_place(found.group("place").strip(" ,")):
        return None
    return (
        found.group("place").strip(" ,"),
        found.group("wire") or found.group("wire2"),
        found.end(),
    )


def find_dates(text: str) -> list[dt.date]:
    """Every full calendar date written in the text, in order."""
    return [date for date in map(parse_date, DATE.finditer(text)) if date is not None]


# Page stamps and labelled rows: "Release Date: 30/04/2025 08:50" (a SENS page), "Announced on:
# 24/12/2012 15:54:48" (an ASX news store), "2024/04/29 08:30:00" (a SENS viewer), "| 1.5 | Date of
# this announcement | 8 July 2020 |" (an ASX form). Figures are read as a date only on such a line:
# after a date label, or year first; never in running text. When day and month could swap, the day
# comes first: the pages that print figures are South African, Australian and British (US pages
# spell
# the month, and Marketwired's month-first figures are read in the dateline only).
_DATE_LABEL = re.compile(
    r"^(?:release\s+date|released(?:\s+on)?|announced\s+on|published(?:\s+on)?|posted(?:\s+on)?"
    r"|issued(?:\s+on)?|dated?|date\s+of\s+(?:this\s+)?(?:announcement|release|report|issue))"
    r"\s*:?$",
    re.IGNORECASE,
)
_FIGURES = re.compile(
    r"^(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{4}|\d{2})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_ROW_NUMBER = re.compile(r"^[\d.]+[a-z]?$")


def stamp_date(line: str) -> dt.date | None:
    """The date of a page stamp or a labelled row (above); None for any other line."""
    cells = [cell.strip(" *+\t") for cell in re.split(r"\s*\|\s*", line.strip().strip("|"))]
    cells = [cell for cell in cells if cell and not _ROW_NUMBER.match(cell)]
    if len(cells) == 2 and _DATE_LABEL.match(cells[0]):
        label, value = cells
    elif len(cells) == 1:
        label, value = _split_label(cells[0])
    else:
        return None
    value = re.sub(r"^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s+(?=\d|[A-Za-z]{3})", "", value,
                   flags=re.I)
    written = DATE.match(value)
    if written and label and _STANDALONE_TAIL.match(value[written.end() :]):
        return parse_date(written)
    figures = _FIGURES.match(value)
    return _figures_date(figures, labelled=bool(label)) if figures else None


def month_first_reading(line: str) -> dt.date | None:
    """The other reading of a stamp whose day and month could swap ("Posted 03/04/2025")."""
    cells = [cell.strip(" *+\t") for cell in re.split(r"\s*\|\s*", line.strip().strip("|"))]
    cells = [cell for cell in cells if cell and not _ROW_NUMBER.match(cell)]
    value = cells[-1] if cells else ""
    if len(cells) == 1:
        value = _split_label(value)[1]
    found = _FIGURES.match(value)
    if not found or len(found.group("a")) > 2:
        return None
    first, second = int(found.group("a")), int(found.group("b"))
    if first == second or first > 12 or second > 12:
        return None
    year = int(found.group("c")) + (2000 if len(found.group("c")) == 2 else 0)
    try:
        return dt.date(year, first, second)
    except ValueError:
        return None


def has_date_label(line: str) -> bool:
    """The line is a labelled date row: "Release Date: ...", "| Date of this announcement | ..."."""
    cells = [cell.strip(" *+\t") for cell in re.split(r"\s*\|\s*", line.strip().strip("|"))]
    cells = [cell for cell in cells if cell and not _ROW_NUMBER.match(cell)]
    if len(cells) == 2:
        return bool(_DATE_LABEL.match(cells[0]))
    return len(cells) == 1 and _split_label(cells[0])[0] is not None


def _split_label(text: str) -> tuple[str | None, str]:
    found = re.match(r"^(.{2,40}?)\s*:\s*(\S.*)$", text) or re.match(
        r"^(\D{2,40}?)\s+(\d.*)$", text)
    if found and _DATE_LABEL.match(found.group(1)):
        return found.group(1), found.group(2)
    return None, text


def _figures_date(found: re.Match, labelled: bool) -> dt.date | None:
    a, b, c = found.group("a"), found.group("b"), found.group("c")
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif labelled and len(a) <= 2:
        year = int(c) + (2000 if len(c) == 2 else 0)
        day, month = (int(a), int(b)) if int(b) <= 12 else (int(b), int(a))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# PR Newswire's datelines before about 2008 print no year: "SAN JOSE, Calif., June 14
# /PRNewswire-FirstCall/ -- ". The year comes from a date printed with the release (a page's time
# stamp), and only with a wire credit after the date, the sign of a dateline.
_YEARLESS_LEAD = re.compile(
    rf"^(?P<place>[^\n()/]{{2,80}}?),?\s+(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*"
    r"/(?P<wire>[A-Za-z][\w .&'-]{1,40}?)/\s*(?:--|[-–—])\s*",
    re.IGNORECASE,
)


def match_yearless_lead(text: str, near: dt.date) -> Lead | None:
    """ "PLACE, June 14 /PRNewswire/ --" dated in the year that puts it on or just before `near`."""
    found = _YEARLESS_LEAD.match(text)
    if not found or not _is_place(found.group("place").strip(" ,")) or not text[
        found.end() :].strip():
        return None
    month = _MONTHS.get(found.group("month").lower().rstrip("."))
    day = int(re.sub(r"\D", "", found.group("day")))
    for year in (near.year, near.year - 1):
        try:
            date = dt.date(year, month, day)
        except (TypeError, ValueError):
            return None
        if date <= near:
            return Lead(found.group("place").strip(" ,"), found.group("wire"), date, found.end(),
                        False)
    return None


# --- tickers ----------------------------------------------------------------------

_SYMBOL = r"[A-Z0-9][A-Za-z0-9]{0,6}(?:[.-][A-Z0-9]{1,4})?"
_PAREN = re.compile(r"\(([^()]{3,160})\)")
_PAIR = re.compile(rf"^\s*([A-Za-z][A-Za-z .\-/&®™]{{1,30}}?)\s*:\s*({_SYMBOL})\s*$")  # "OTCQB®: X"
_BARE_CODES = sorted(
    {c for c in EXCHANGES if c.isupper() and " " not in c}
    | {"TSX-V", "TSX.V", "OTC", "OTCBB", "AMEX", "TSE"},
    key=len,
    reverse=True,
)
_BARE = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, _BARE_CODES)) + rf")\s*:\s*({_SYMBOL})\b"
)


# a letterhead line or cell holding only "SYMBOL: MARKET": "| APG: TSX |", "AGT: AMEX"
_CELL_SYMBOL_FIRST = re.compile(
    r"^[ \t|]*([A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\s*:\s*("
    + "|".join(map(re.escape, _BARE_CODES))
    + r")[ \t|]*$",
    re.MULTILINE,
)

# letterheads: "TSX-V Symbol: WBM", "OTCQX Symbol: WBMCF", "TSXV Symbol - GRW", SENS "ASX share
# code: SIR"
_LISTED_AS = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, _BARE_CODES))
    + rf")\s+(?:[Ss]hare\s+|[Ii]ssuer\s+)?(?:Symbol|Code|Ticker|symbol|code|ticker)\s*[:\-–—"
      rf"|]\s*({_SYMBOL})\b"
)
# the same label as a form prints it: the symbol alone on the next line or after wide spacing
# ("1.3 / *ASX issuer code / WMR", "ASX code          WMR"); capitals only, the line's last word
_LISTED_IN_CELLS = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, _BARE_CODES))
    + r")\s+(?:[Ss]hare\s+|[Ii]ssuer\s+)?(?:Symbol|Code|Ticker|symbol|code|ticker)(?:[ \t]{2,}"
      r"|[ \t]*\n[ \t*]*)"
    r"([A-Z0-9]{2,6}(?:\.[A-Z]{1,2})?)[ \t|]*$",
    re.MULTILINE,
)

# RNS headers name the market and the symbol on separate labels, in either order, on one line
# or several: "Index: AIM / Epic: KBE", "Ticker: EML" above "Index: AIM", "Index: LSE & ASX / Epic:
# NHM"
_INDEX_LABEL = re.compile(r"\b(?:Index|Market)\s*:[ \t]*([A-Za-z][A-Za-z .&/,]{1,40}?)[ \t]*(?=/|\|"
                          r"|\n|$)")
_SYMBOL_LABEL = re.compile(rf"\b(?:Epic|EPIC|Ticker|TIDM)\s*:[ \t]*({_SYMBOL})\b")
_LABEL_WINDOW = 200  # how far apart the two labels of one header may stand


def detect_tickers(text: str) -> list[Ticker]:
    """Listings named in the text, e.g. "(TSX Venture: ADY)" or "(ASX: BGD; OTCQX: BGDFF)", first
    seen first."""
    found: dict[Ticker, int] = {}
    for start, _end, ticker in _ticker_mentions(text):
        found.setdefault(ticker, start)
    return sorted(found, key=found.get)


def _ticker_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    """Every ticker mention with its span, in text order."""
    mentions = []
    for group in _PAREN.finditer(text):
        position = group.start(1)
        for part in re.split(r"([;,|]|\band\b)", group.group(1)):
            for ticker in _pair_tickers(part) or _pair_then_id(part):
                mentions.append((position, position + len(part), ticker))
            position += len(part)
    for pattern in (_BARE, _LISTED_AS, _LISTED_IN_CELLS):
        for bare in pattern.finditer(text):
            code = normalise_exchange(bare.group(1).upper())
            if code:
                mentions.append((bare.start(), bare.end(), Ticker(code, bare.group(2).upper())))
    mentions.extend(_header_mentions(text))
    for cell in _CELL_SYMBOL_FIRST.finditer(text):
        code = normalise_exchange(cell.group(2).upper())
        if code and not normalise_exchange(cell.group(1)):
            mentions.append((cell.start(), cell.end(), Ticker(code, cell.group(1))))
    mentions.extend(_convention_mentions(text))
    mentions.extend(_sentence_mentions(text))
    mentions = [(start, end, _without_ric_suffix(ticker)) for start, end, ticker in mentions]
    return sorted(mentions, key=lambda mention: mention[:2])


# Reuters' market suffix, which some RNS issuers print after the symbol: "(AIM: LWRF.L)" is AIM:
# LWRF
_RIC_SUFFIX = {"LSE": ".L", "AIM": ".L", "ASX": ".AX"}


def _without_ric_suffix(ticker: Ticker) -> Ticker:
    suffix = _RIC_SUFFIX.get(ticker.exchange)
    if suffix and ticker.symbol.endswith(suffix) and len(ticker.symbol) > len(suffix) + 1:
        return Ticker(ticker.exchange, ticker.symbol[: -len(suffix)])
    return ticker


def _header_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    """ "Index: AIM" and "Epic: KBE" (or "Ticker: EML") near each other: one ticker per market."""
    mentions = []
    indexes = list(_INDEX_LABEL.finditer(text))
    for label in _SYMBOL_LABEL.finditer(text):
        near = [i for i in indexes if abs(i.start() - label.start()) <= _LABEL_WINDOW]
        if not near:
            continue
        index = min(near, key=lambda i: abs(i.start() - label.start()))
        start, end = min(index.start(), label.start()), max(index.end(), label.end())
        for code in _exchange_codes(index.group(1)):
            mentions.append((start, end, Ticker(code, label.group(1).upper())))
    return mentions


# A code label that names no market, where the announcement's own form names it: HKEX
# announcements print "(Stock Code: 1867)" in figures; SENS announcements "Share code: KPL" beside a
# South African ISIN ("ISIN: ZAE000284419"). A label with a market before it ("AIM share code:") is
# read by _LISTED_AS instead.
_STOCK_CODE = re.compile(r"\b(?i:stock\s+code)\s*[:：]\s*(\d{1,5})\b")
_SHARE_CODE = re.compile(rf"(?<![\w-])(?i:share\s+code)\s*:\s*({_SYMBOL})\b")
_ZA_ISIN = re.compile(r"\bISIN(?:\s+code)?\s*:\s*ZA[A-Z]\d", re.IGNORECASE)
_MARKET_BEFORE = re.compile(
    r"(?:^|\W)(?:" + "|".join(map(re.escape, _BARE_CODES)) + r")\s*$", re.IGNORECASE
)


# the listing in words: "trades on the TSX Venture Exchange under the symbol "ABC"", "quoted on
# the ASX under the code XYZ", "listed on Nasdaq under the ticker symbol ABCD"
_UNDER_SYMBOL = re.compile(
    r"\b(?:on|of)\s+(?:the\s+)?(?P<market>[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*){0,4})\s+"
    r"(?:under|with)\s+the\s+(?:trading\s+|stock\s+|ticker\s+|share\s+)*(?:symbol|code|ticker)s?"
    r"(?:\s+of)?\s*[\"“'‘]?(?P<symbol>[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\b[\"”'’]?"
)


def _sentence_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    mentions = []
    for found in _UNDER_SYMBOL.finditer(text):
        market = found.group("market")
        bare = re.sub(r"\s+(?:exchange|market)$", "", market, flags=re.IGNORECASE)
        code = _exchange_code(market) or _exchange_code(bare)
        if code:
            mentions.append((found.start(), found.end(), Ticker(code, found.group("symbol"))))
    return mentions


def _convention_mentions(text: str) -> list[tuple[int, int, Ticker]]:
    mentions = [(m.start(), m.end(), Ticker("HKEX", m.group(1))) for m
                in _STOCK_CODE.finditer(text)]
    # (HKEX codes are figures only; "Stock Code: ABC" elsewhere names no market)
    if _ZA_ISIN.search(text):
        for found in _SHARE_CODE.finditer(text):
            if not _MARKET_BEFORE.search(text[max(0, found.start() - 12) : found.start()]):
                mentions.append((found.start(), found.end(), Ticker("JSE", found.group(1))))
    return mentions


def _exchange_codes(names: str) -> list[str]:
    """ "LSE & ASX", "LSE/ASX", "AIM": the codes of every market named, or none if one is
    unknown."""
    parts = [part for part in re.split(r"\s*(?:[&/,]|\band\b)\s*", names.strip()) if part]
    codes = [_exchange_code(part) for part in parts]
    return codes if codes and all(codes) else []


# what may stand between two tickers of one issuer: brackets, separators, a quoted short name
_TICKER_GLUE = re.compile(
    r"^(?:[\s()\[\];,|/:&–—-]|\band\b|[\"“‘'][^\"“”‘’'()]{1,40}[\"”’']|\bor\s+the\b|\bthe\b"
    r"|Company)*$"
)


def release_tickers(text: str, issuer: tuple[Ticker, ...] | list[Ticker] = ()) -> list[Ticker]:
    """The issuer's own listings: the first run of tickers named together ("(TSXV: NWL) (OTCQB:
    NWLIF)"), not a partner's named later ("... with Beta Corp. (TSX: BTA)"). When the issuer's
    profile is known, the first run that names one of its tickers wins."""
    runs: list[list[Ticker]] = []
    last_end = None
    for start, end, ticker in _ticker_mentions(text):
        if last_end is not None and (start < last_end or _TICKER_GLUE.match(text[last_end:start])):
            if ticker not in runs[-1]:
                runs[-1].append(ticker)
        else:
            runs.append([ticker])
        last_end = max(end, last_end or 0)
    if not runs:
        return []
    known = {(t.exchange, t.symbol) for t in issuer} | {t.symbol for t in issuer}
    chosen = next(
        (
            run
            for run in runs
            if any((t.exchange, t.symbol) in known or t.symbol in known for t in run)
        ),
        runs[0],
    )
    for (
        run
    ) in runs:  # the same listing named again with more of its tickers: "(TSXV: ACM; OTCQB: ACMGF)"
        if set(run) & set(chosen):
            chosen = chosen + [ticker for ticker in run if ticker not in chosen]
    return chosen


# exchanges by their full names, as some releases write them: "(Canadian Securities Exchange: X)"
_BY_NAME = {name.upper(): code for code, (name, _currency) in EXCHANGES.items()}
_BY_NAME.update({"CBOE CANADA": "NEO", "NEO EXCHANGE": "NEO", "FRANKFURT STOCK EXCHANGE": "FSE",
                 "TORONTO STOCK EXCHANGE": "TSX", "AUSTRALIAN SECURITIES EXCHANGE": "ASX",
                 "LONDON STOCK EXCHANGE": "LSE", "NEW YORK STOCK EXCHANGE": "NYSE",
                 "OTCQX INTERNATIONAL": "OTCQX"})  # fmt: skip
_CITY_NAMES = {
    "TORONTO",
    "FRANKFURT",
    "LONDON",
    "LON",
    "PINK",
    "OTC",
}  # "(Toronto HQ)" is no listing


# "(TSX Venture CEM)", "(ELEC-TSXV)", "(GMX – Toronto Stock Exchange)": no colon
_PAIR_SPACED = re.compile(
    r"^\s*([A-Za-z][A-Za-z .]{1,30}?)\s+([A-Z][A-Z0-9]{1,5}(?:\.[A-Z]{1,2})?)\s*$"
)
_PAIR_DASHED = re.compile(
    r"^\s*([A-Za-z][A-Za-z.-]{1,12})\s+[-–—]\s+([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*$"
)
_PAIR_TIGHT = re.compile(r"^\s*([A-Z][A-Z.]{1,6})-([A-Z][A-Z0-9]{1,5})\s*$")
_PAIR_REVERSED = re.compile(
    r"^\s*([A-Z][A-Z0-9]{1,5}(?:\.[A-Z]{1,2})?)\s*[-–—]\s*([A-Za-z][A-Za-z .-]{1,30}?)\s*$"
)


def _pair_tickers(part: str) -> list[Ticker]:
    """ "TSXV: AII", "(LSE/ASX: NHM)" (one symbol on two markets), "TSX - BRK", "TSX Venture
    CEM"."""
    match = _PAIR.match(part)
    if not match:
        ticker = _pair_without_colon(part)
        return [ticker] if ticker else []
    name = re.sub(r"\s+", " ", match.group(1).strip())
    code = (
        normalise_exchange(name)
        or _BY_NAME.get(name.upper())
        or normalise_exchange(re.sub(r"\s+exchange$", "", name, flags=re.IGNORECASE))
    )
    codes = [code] if code else _exchange_codes(name) if re.search(r"[/&]", name) else []
    if not codes and _SYMBOL_FIRST.match(name) and _exchange_code(match.group(2)):
        return [Ticker(_exchange_code(match.group(2)), name)]  # "(RPG:TSX-V, LSE:RPG)"
    return [Ticker(code, match.group(2).upper()) for code in codes]


# a symbol before its market, "RPG:TSX-V": capitals the table does not know as a market
_SYMBOL_FIRST = re.compile(r"^[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?$")


def _pair_then_id(part: str) -> list[Ticker]:
    """ "Frankfurt: 4QR WKN: A3QRT9": a listing, then another identifier (WKN, ISIN), no
    separator."""
    pieces = re.split(r"\s+(?=[A-Z]{2,6}\s*:)", part) if part.count(":") >= 2 else []
    return [ticker for piece in pieces for ticker in _pair_tickers(piece)]


def _pair_without_colon(part: str) -> Ticker | None:
    """Only exchange names the table knows, so "(Gold Hill)" or "(the Company)" never pass."""
    dashed = _PAIR_DASHED.match(part)  # "(TSX - XLY)": the exchange first, then a dash
    if (
        dashed
        and dashed.group(1).upper() not in _CITY_NAMES  # "(Toronto - HQ)" is no listing
        and _exchange_code(dashed.group(1))
        and not _exchange_code(dashed.group(2))
    ):
        return Ticker(_exchange_code(dashed.group(1)), dashed.group(2))
    tight = _PAIR_TIGHT.match(part)  # "(TSX-BWR)", but "(TSX-V)" is a market alone
    if tight and not _exchange_code(part.strip()) and tight.group(1).upper() not in _CITY_NAMES:
        code = _exchange_code(tight.group(1))
        if code and not _exchange_code(tight.group(2)):
            return Ticker(code, tight.group(2))
    spaced = _PAIR_SPACED.match(part)
    if spaced and spaced.group(1).strip().upper() not in _CITY_NAMES:
        code = _exchange_code(spaced.group(1))
        return Ticker(code, spaced.group(2)) if code else None
    reversed_ = _PAIR_REVERSED.match(part)
    if reversed_:
        code = _exchange_code(reversed_.group(2))
        return Ticker(code, reversed_.group(1)) if code else None
    return None


def _exchange_code(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name.strip())
    return normalise_exchange(name) or _BY_NAME.get(name.upper())


# --- headlines, legends, headings ---------------------------------------------------

LEGEND = re.compile(
    r"^\W*(?:not\s+for\s+(?:distribution|release|dissemination)|for\s+immediate\s+release"
    r"|(?:news|press|media)\s+release\b(?!\s*:\s*\S+\s+\S+\s+\S+)|(?:asx|market)\s+(?:announcement"
    r"|release)\b"
    r"|embargoed|source\s*:|(?:this\s+announcement\s+contains\s+)?inside\s+information\b(?!\s*:)"
    r"|(?:voluntary|joint)\s+announcement\s*$|announcement\s*$"  # HKEX's category lines
    r"|(?:tsxv?|asx|cse|nasdaq|nyse|otcqx|otcqb)\s*:\s*[A-Z0-9.]+\s*(?:[|;,]|$))",
    re.IGNORECASE,
)
SECTION_HEADING = re.compile(
    r"^(?:about\s+\S.{0,60}|à\s+propos\s+d[e'’]\s*\S.{0,60}|highlights?"
    r"|(?:disclaimer|cautionary\s+(?:note|statement)s?)\b.{0,70}"
    r"|forward[- ]looking\s+(?:statements?|information).{0,40}|qualified\s+persons?\b.{0,40}"
    r"|technical\s+(?:information|disclosure)|quality\s+(?:assurance|control).{0,40}"
    r"|qa\s*/\s*qc.{0,30}"
    r"|non[- ](?:ifrs|gaap)\s+(?:measures?|financial\s+measures?)"
    r"|conference\s+call(?:\s+and\s+webcast)?"
    r"|webcast|outlook|overview|background|next\s+steps|use\s+of\s+proceeds|terms\s+of\s+the\s+\w+"
    r"|(?:investor|media)\s+(?:relations|contacts?)|contacts?|notes?\s+to\s+editors)$",
    re.IGNORECASE,
)


# lines of a letterhead, an RNS header or a site page that stand above a headline but are not it
LETTERHEAD = re.compile(
    r"^\W*(?:exhibit\s+\d+(?:\.\d+)?|rns\s+number\s*:.*|nr\s*(?:no\.?\s*)?\d{1,4}\s*[-–]\s*\d{1,4}"
    r"|(?:news\s+release\s+)?(?:no\.|number)\s*\d.*|(?:.*\s/\s*)?index\s*:\s*[a-z].*"
    r"|(?:tsx-?v?|tsx\.v|asx|cse|aim|jse|lse|otcq[xb]|otcbb|nyse|nasdaq)\s+(?:share\s+)?(?:symbol"
    r"|code|ticker)\s*[:\-–—].*"
    # RNS and SENS header labels: "Ticker: EML", "TIDM: HGP", "Headline: ...", "Released 07:00 ..."
    r"|(?:ticker|epic|tidm|sector|company\s+name|headline|number|code\(s\)|release\s+date)\s*:.*"
    r"|released\b:?\s*\d.*|abn\s+[\d ]{9,}|tidm[A-Z0-9]{2,6}|uk\s+regulatory|(?:aim|asx|lse|cse"
    r"|tsxv?|nasdaq|nyse)\s*:\s*[a-z0-9.]{1,8}"
    r"|form\s+(?:8-k|6-k|10-q|10-k)|current\s+report|date\s+of\s+report\b.*"
    # a caption's label above a release
    r"|(?:figure|fig\.|table|image|photo|chart|map)\s*\d{0,3}[a-z]?"
    rf"|{WIRE_NAME})\W*$",
    re.IGNORECASE,
)
NAVIGATION = re.compile(
    r"^(?:(?:[^|•›»>\n]{1,30}\s[|•›»>]\s){2,}[^|•›»>\n]{1,30}"  # Home | About | News
    r"|(?-i:(?:[A-Z][\w&'’-]*(?: [A-Z&][\w'’-]*)?(?:[ ]{2,}|\t+)){3,}[A-Z][\w&'’-]*(?: "
    r"[A-Z&][\w'’-]*)?)"  # Home  About
    r"|(?:(?:share(?:\s+on)?|follow\s+us|tweet|facebook|linkedin|twitter|x|whatsapp|email|print"
    r"|copy\s+link)[\s|•,]*){1,6}"
    r"|listen\s+to\s+this\s+(?:article|release)|\d{1,2}\s+min(?:ute)?s?\s+read"
    r"|(?:back|return)\s+to\s+(?:all\s+)?(?:news|releases|press\s+releases|news\s+releases"
    r"|newsroom)"
    r"|back\s+to\s+\S+(?:\s+\S+)?\s+(?:sens|news|announcements)|go\s+to\s+market\s+news\s+section"
    r"|regulatory\s+(?:story|news|announcement)"  # an RNS viewer's labels above the announcement
    r"|(?:print|share|email|share\s+this\s+(?:article|release|story)|download\s+pdf)"
    r"(?:\s*[|•]\s*(?:print|share|email|tweet))*)$",
    re.IGNORECASE,
)
COMPANY_LINE = re.compile(
    r"^[A-Z][\w&.,'’ -]{1,60}\s(?i:Inc|Corp|Corporation|Ltd|Limited|plc|Company|Group|Holdings|LLC"
    r"|AG|SE"
    r"|S\.A|N\.V)\.?$"
)
# '("Kestrel Bay" or the "Company")', '("Ashdown" or "the Company")', '("Corvid", the "Company" or
# the "Group")'
COMPANY_ALIAS = re.compile(
    r"^\(.{1,120}\bor\s+[\"“'‘]?the\s+[\"“'‘]?(?:Company|Group|Corporation)[\"”'’]?\s*\)$",
    re.IGNORECASE,
)


def is_letterhead(text: str) -> bool:
    """ "Exhibit 99.1", "NR 21-09", "RNS Number : 4821Q", "TSX-V Symbol: WBM": labels, not
    headlines."""
    return bool(LETTERHEAD.match(text.strip()))


# EDGAR's SGML wrapper lines around an exhibit, and page markers of a converted PDF
PAGE_FURNITURE = re.compile(
    r"^(?:</?(?:DOCUMENT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TEXT|PAGE)>.*|-?\s*\d{1,3}\s*-"
    r"|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?"
    # a news site's slots between paragraphs of a republished release ("Advertisement 2")
    r"|advertisement(?:\s+\d{1,2})?|story\s+continues\s+(?:below|after\s+this\s+advertisement)"
    r"|article\s+content)$",
    re.IGNORECASE,
)


def is_page_furniture(text: str) -> bool:
    """ "<TYPE>EX-99.1", "<PAGE>", "- 2 -", "Page 2 of 3": the file's, not the release's."""
    return bool(PAGE_FURNITURE.match(text.strip()))


def is_navigation(text: str) -> bool:
    """A site's navigation trail or "Back to News" link saved with the page."""
    return bool(NAVIGATION.match(text.strip()))


SIGN_OFF = re.compile(r"^(?:on\s+behalf\s+of|signed|per:|sincerely|by\s+order\s+of\s+the\s+board)",
                      re.IGNORECASE)


# "This news release is not for distribution to U.S. newswire services ...", "THIS ANNOUNCEMENT
# ... IS NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION ...": the restriction near the start
_RESTRICTION = re.compile(
    r"\bnot\s+(?:for|to\s+be)\s+(?:(?:release|publication|distribution"
    r"|dissemination)[\s,]*(?:or\s+)?)+",
    re.IGNORECASE,
)


def is_legend(text: str) -> bool:
    """Distribution legends and wire labels that precede a headline but are not it."""
    text = text.strip()
    return bool(LEGEND.match(text)) or (len(text) < 800 and bool(_RESTRICTION.search(text[:240])))


_LETTER = re.compile(r"[^\W\d_]")
_LOWER = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff]")


def is_all_caps(text: str) -> bool:
    """ALL CAPS, allowing a stray lowercase letter or two ("McEWEN", "3.2 g/t")."""
    sample = text[:300]  # a long block's opening is enough to tell
    letters = len(_LETTER.findall(sample))
    return letters >= 4 and len(_LOWER.findall(sample)) <= letters // 20


def looks_like_heading(text: str) -> bool:
    """Short section titles such as "About Almonty" or "Disclaimer for Forward-Looking
    Information"."""
    text = text.strip()
    if re.search(r"\b(?:Inc|Corp|Ltd|Co|Plc|Pty|S\.A|N\.V|L\.P)\.$", text, re.IGNORECASE):
        text = text[:-1]  # "About Fictional Gold Corp." is still a heading
    if not text or "\n" in text or len(text) > 80 or text[-1] in ".,;:!?" or SIGN_OFF.match(text):
        return False
    if SECTION_HEADING.match(text):
        return True
    words = text.split()
    return is_all_caps(text) and len(words) <= 8 and not is_legend(text) and not DATE.search(text)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = _words(
    "a an and as at but by for from in into nor of on onto or per the to up via vs vs. with over "
    "upon"
    " de des du la le les et à au aux en sur pour par"  # French releases from Quebec issuers
)
_UNITS = {
    "G/T": "g/t",
    "GPT": "g/t",
    "OZ": "oz",
    "OZ/T": "oz/t",
    "KG/T": "kg/t",
    "PPM": "ppm",
    "PPB": "ppb",
}
_ELISION = re.compile(r"^([LDJ])(['’])(\w)", re.IGNORECASE)
_ACRONYMS = _words(
    "CEO CFO COO CTO CIO VP EVP SVP AGM EGM AGSM NI PEA PFS DFS FS NPV IRR AISC ESG LOI MOU "
    "JV IPO RTO QP IFRS GAAP US USA UK EU UAE DRC PNG NSW WA QLD NT BC QC LLC LP LLP PLC NV "
    "ASA RSU RSUS DSU DSUS PSU DRIP ETF OTC REE REES PGM PGE LNG EV EVS AI R&D M&A Q&A YTD FY "
    "ISO API USD CAD AUD EUR GBP ZAR HQ MW MWH GWH KM CO2 II III IV VI VII VIII IX XI XII "
    "NYSE TSX TSXV ASX CSE OTCQX OTCQB FSE LSE AIM JSE HKEX SGX NZX NEO SEC SEDAR TSX-V SPAC"
)


def title_case(text: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """Turn an ALL-CAPS headline into Title Case, changing only letter case, never wording."""
    protected = _ACRONYMS | {word.upper() for word in keep}
    tokens = re.split(r"(\s+)", text)
    out, first = [], True
    for token in tokens:
        if not token or token.isspace():
            out.append(token)
            continue
        out.append(_case_word(token, protected, first))
        first = token[-1] in ":–—"
    return "".join(out)


def _case_word(token: str, protected: set[str], first: bool) -> str:
    unit = _UNITS.get(token.upper().strip(",.;:()"))
    if unit:
        return token.upper().replace(token.upper().strip(",.;:()"), unit)
    elision = _ELISION.match(token)
    if elision and not first:
        rest = _case_word(token[2:], protected, True)
        return token[0].lower() + token[1] + rest
    parts = re.split(r"([-/])", token)
    cased = [_case_part(part, protected, first and i == 0) for i, part in enumerate(parts)]
    return "".join(cased)


def _case_part(part: str, protected: set[str], first: bool) -> str:
    core = part.strip("\"'“”‘’()[],.:;!?")
    if not core or not any(c.isalpha() for c in core):
        return part
    if (
        core.upper() in protected
        or re.fullmatch(r"(?:[A-Z]\.){1,4}[A-Z]?", core)
        or any(c.isdigit() for c in core)
    ):
        return part
    if core.lower() in _SMALL and not first:
        return part.lower()
    index = next(i for i, c in enumerate(part) if c.isalpha())
    return part[:index] + part[index].upper() + part[index + 1 :].lower()


def tidy_place(place: str) -> str:
    """Title-case the ALL-CAPS parts of a dateline place, keeping region codes: "TORONTO, ON" ->
    "Toronto, ON"."""
    pieces = place.split(",")
    tidy = []
    for index, piece in enumerate(pieces):
        word = piece.strip()
        short_code = index > 0 and len(word) <= 3 and word.isalpha()
        if word.isupper() and not short_code:
            piece = title_case(piece)
        elif index == 0:  # "TORONTO and NEW YORK": the capitals words, not "and"
            piece = re.sub(r"\b[A-Z][A-Z.'’-]+\b", lambda m: title_case(m.group(0)), piece)
        tidy.append(piece)
    return ",".join(tidy)


def slugify(title: str, limit: int = 60) -> str:
    """A URL slug: lowercase ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=[a-z])[.'’](?=[a-z])", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if kept and len("-".join(kept + [word])) > limit:
            break
        kept.append(word[:limit])
    while len(kept) > 1 and kept[-1] in _SMALL:
        kept.pop()
    return "-".join(kept) or "release"


# --- tags ---------------------------------------------------------------------------

TAG_RULES = (
    ("stock-options",
     r"\bstock options?\b|\boptions? (?:to purchase|were|was|have been) granted|\bgrant(?:ed|ing"
     r"|s)? (?:of )?(?:\S+ )?(?:incentive )?(?:stock )?options\b|\b(?:restricted|deferred"
     r"|performance) share units\b|\bRSUs?\b|\bDSUs?\b"),
    ("financing",
     r"\bprivate placement\b|\bbought deal\b|\bflow[- ]through\b|\bfinancing\b|\b(?:public|share"
     r"|unit) offering\b|\bcredit facility\b|\bgross proceeds\b"),
    ("acquisition",
     r"\bacqui(?:re|res|red|ring|sition)\b|\bmerger\b|\barrangement agreement\b|\btakeover\b"
     r"|\bpurchase agreement\b"),
    ("exploration",
     r"\bexploration\b|\bsoil sampl|\bgeophysic|\bgeological mapping\b|\bprospecting\b"),
    ("drilling",
     r"\bdrill(?:ing|ed)?\b|\bdrill holes?\b|\bintersect(?:ed|s|ion)?\b|\bintercepts?\b"),
    ("results",
     r"\b(?:assay|drill|drilling|financial|quarterly|annual|operating|production|exploration"
     r"|metallurgical|test|interim|year[- ]end) results\b|\bresults for the (?:quarter|year|three"
     r"|six|nine)\b"),
    ("production",
     r"\bcommercial production\b|\b(?:record|quarterly|annual) production\b|\bproduction (?:of"
     r"|guidance|update|rate|results)\b|\b(?:ounces|tonnes|pounds|barrels) (?:of \w+ )?produced\b"),
    ("operations",
     r"\bmill(?:ing)?\b|\bcommission(?:ed|ing)\b|\bprocessing plant\b|\boperations? update\b"
     r"|\bmilling operations\b|\bplant\b"),
    ("resources",
     r"\bmineral (?:resource|reserve)s?\b|\bresource estimate\b|\bNI 43-101\b|\bJORC\b"),
    ("permitting", r"\bpermit(?:s|ting)?\b|\benvironmental (?:approval|assessment)\b"),
    ("reports",
     r"\bquarterly (?:activities |operations )?report\b|\bannual report\b|\bfinancial statements\b"
     r"|\bMD&A\b"),
    ("dividends", r"\bdividends?\b|\bdistribution per share\b"),
    ("corporate",
     r"\bappoint(?:s|ed|ment)\b|\bresign(?:s|ed|ation)\b|\bname change\b|\bshare consolidation\b"
     r"|\b(?:annual|special) (?:general )?meeting\b.*\bresults\b|\bvoting results\b"),
)  # fmt: skip
_TAG_PATTERNS = tuple((tag, re.compile(pattern, re.IGNORECASE)) for tag, pattern in TAG_RULES)


def suggest_tags(headline: str, body: str, limit: int = 4) -> list[str]:
    """Topic tags for a release; the headline alone may add a tag, the body needs two mentions."""
    tags = []
    for tag, pattern in _TAG_PATTERNS:
        if pattern.search(headline) or _strong(pattern, body) or _mentions(pattern, body) >= 2:
            tags.append(tag)
    return tags[:limit] or ["news"]


def _mentions(pattern: re.Pattern, body: str, enough: int = 2) -> int:
    return sum(1 for _ in itertools.islice(pattern.finditer(body), enough))


def _strong(pattern: re.Pattern, body: str) -> bool:
    """One mention counts when it is in the first paragraph, the release's news."""
    return bool(pattern.search(body.split("\n\n", 1)[0]))
