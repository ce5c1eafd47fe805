"""Datelines: "TORONTO, Ontario, May 29, 2013 /CNW/ -" and its cousins, as place, wire
credit, date and where the news resumes.

The build sets the lead's dateline back with `match_lead` (facts/leadline.py), so this
module shapes pages and is keyed in the cache (runtime/cache.OUTPUT_MODULES).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dateline.importer.dates import (
    DATE,
    DATE_LABEL_WORDS,
    DAY,
    LABEL_TIME,
    MONTH,
    MONTHS,
    STANDALONE_TAIL,
    TIME,
    WIRE_AFTER,
    parse_date,
)

# "08:00" is a time, not "08" and a colon
_SEPARATOR = r"\s*\)?\s*(?:--|\.{3}|…|[-–—|/]|(?<!\d):|\.(?=\s+[A-Z\"“(]))"
# a republisher's credit after the wire's: "(GLOBE NEWSWIRE) -- via NEWMEDIAWIRE -- Company"
_VIA = r"(?:\s*--\s*via\s+[A-Za-z][\w .&'-]{1,30}?(?=\s*--))?"
_LEAD_TAIL = re.compile(rf"^{TIME}{WIRE_AFTER}{_VIA}(?P<sep>{_SEPARATOR}\s*)", re.IGNORECASE)
# a republisher's mark before the dateline: "/EIN News/ -- "
_AGGREGATOR_MARK = re.compile(r"^\s*/[A-Za-z][\w .&'-]{1,30}/\s*(?:--|[-–—])?\s*")
# a label before a dateline's date; not "PRESS RELEASE" (page chrome such as "PRESS RELEASE
# GlobeNewswire Nov. 15, 2021, 08:00 AM" stands above a placeline: dates.stamp_date reads such
# lines when they are a stamp alone)
_LABEL = re.compile(
    rf"^(?!(?:news|press|media)\s+release){DATE_LABEL_WORDS}\s*:?{LABEL_TIME}\s*:?$", re.IGNORECASE
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
    stamp = _LEADING_STAMP.match(text)
    if stamp:  # " date 2023-01-18 NEW YORK, Jan. 18, 2023 (GLOBE NEWSWIRE) —": the stamp goes too
        lead = _match_lead(text[stamp.end() :])
        if lead is not None and not lead.standalone and (lead.place or lead.wire):
            return replace(lead, end=lead.end + stamp.end())
    return _match_lead(text)


# an aggregator's date stamp run into the dateline that follows it
_LEADING_STAMP = re.compile(
    rf"^\s*(?:date[d]?|posted(?:\s+on)?|published(?:\s+on)?)\s*:?\s*(?:{DATE.pattern})\s+(?=\S)",
    re.IGNORECASE,
)


def _match_lead(text: str) -> Lead | None:
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
    if not found or not is_place(found.group("place").strip(" ,")):
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
    alone = STANDALONE_TAIL.match(rest)
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
        if first and is_place(first.group("place")):
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
        if found.group(2) and is_place(credit) and not re.search(WIRE_NAME, credit, re.IGNORECASE):
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
    if len(extra) > 1 or not is_place(place):
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


def is_place(text: str) -> bool:
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
    rf"|,?(?:\s+{MONTH}\s+{DAY})?\s*/\s*(?P<wire2>{WIRE_NAME}(?:-[A-Za-z]+)?)"
    r"\s*/\s*(?:--|[-–—]))\s*",
    re.IGNORECASE,
)


def match_placeline(text: str) -> tuple[str, str, int] | None:
    """ "PHOENIX--(BUSINESS WIRE)--" or "MONTREAL /CNW/ -": (place, wire, where the text
    resumes)."""
    found = _PLACELINE.match(text)
    if not found or not is_place(found.group("place").strip(" ,")):
        return None
    return (
        found.group("place").strip(" ,"),
        found.group("wire") or found.group("wire2"),
        found.end(),
    )


# stamp), and only with a wire credit after the date, the sign of a dateline.
_YEARLESS_LEAD = re.compile(
    rf"^(?P<place>[^\n()/]{{2,80}}?),?\s+(?P<month>{MONTH})\s+(?P<day>{DAY})\s*"
    r"/(?P<wire>[A-Za-z][\w .&'-]{1,40}?)/\s*(?:--|[-–—])\s*",
    re.IGNORECASE,
)


def match_yearless_lead(text: str, near: dt.date) -> Lead | None:
    """ "PLACE, June 14 /PRNewswire/ --" dated in the year that puts it on or just before `near`."""
    found = _YEARLESS_LEAD.match(text)
    if not found or not is_place(found.group("place").strip(" ,")) or not text[
        found.end() :].strip():
        return None
    month = MONTHS.get(found.group("month").lower().rstrip("."))
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
