"""Calendar dates as releases print them: "May 29, 2013", "4th of March 2025",
"2025-02-11", "04-Mar-2025", and page stamps or labelled rows in figures.

Pure functions over plain text; the dateline recogniser (`datelines.py`) and the
release-level date search (`dating.py`) build on them.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # French, for releases from Quebec issuers: "Montréal (Québec), le 3 mars 2021"
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,\s*|\s+)(?P<y1>(?:19|20)\d\d)"  # "March 4,2025"
    # "4th of March 2025"
    rf"|(?P<d2>{DAY})\s+(?:(?:day\s+)?of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
    # RNS: "Released 07:00 04-Mar-2025"
    rf"|(?P<d4>\d{{1,2}})-(?P<m4>{MONTH})-(?P<y4>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_ZONE = (
    r"(?:\s+(?:[A-Z]{1,4}T|ET|PT|CT|MT|(?:Eastern|Pacific|Central|Mountain|Atlantic)"
    r"(?:\s+(?:Standard|Daylight))?(?:\s+Time)?))?"
)
TIME = rf"(?:,?\s*(?:at\s+)?\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.?m\.?)?{_ZONE})?"
WIRE_AFTER = (
    r"(?:\s*/\s*(?P<wire>[A-Za-z][\w .&'-]{0,30}?)\s*/|\s*\((?P<wire2>[A-Z][A-Za-z .&'-]{2,30})\))?"
)

# what may follow a date alone on its line: a time, a credit, a closing bracket ("(May 1, 2025)")
STANDALONE_TAIL = re.compile(rf"^{TIME}{WIRE_AFTER}\s*\)?\s*(?:--|[-–—:|/.])?\s*$", re.IGNORECASE)


def parse_date(match: re.Match) -> dt.date | None:
    """Turn a DATE match into a date, or None for an impossible one such as Feb 30."""
    groups = match.groupdict()
    try:
        if groups["y3"]:
            return dt.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        month = groups["m1"] or groups["m2"] or groups["m4"]
        day = groups["d1"] or groups["d2"] or groups["d4"]
        year = groups["y1"] or groups["y2"] or groups["y4"]
        return dt.date(int(year), MONTHS[month.lower().rstrip(".")], int(re.sub(r"\D", "", day)))
    except (KeyError, ValueError):
        return None

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
# The words that label a release's date, on a line of their own or before the date: a page's
# stamp, a form's row, a release line ("For release: 11 February 2025", "EMBARGOED UNTIL 7.00AM
# 11 FEBRUARY 2025": the embargo lifts as the release goes out). Never "Last updated", nor a
# form's "Issue date" (the securities').
DATE_LABEL_WORDS = (
    r"(?:release\s+date|date\s+of\s+(?:this\s+)?(?:announcement|release|report|issue)"
    r"|(?:announcement|publication|release)\s+(?:date|time)|dated?(?:\s+this)?|published(?:\s+on)?"
    r"|posted(?:\s+on)?|released(?:\s+on)?|issued(?:\s+on)?|announced(?:\s+on)?"
    r"|for\s+(?:immediate\s+)?release|(?:news|press|media)\s+release|embargoed(?:\s+until|\s+till)?"
    r"|filed\s+as\s+of\s+date)"  # EDGAR's submission header: "FILED AS OF DATE: 20250211"
)
# a time between the label and the date: "Released 07:00 04-Mar-2025", "until 7.00AM GMT on"
LABEL_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?(?:\s+on)?)?"
_DATE_LABEL = re.compile(rf"^{DATE_LABEL_WORDS}{LABEL_TIME}\s*:?$", re.IGNORECASE)
_FIGURES = re.compile(
    r"^(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{4}|\d{2})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_ROW_NUMBER = re.compile(r"^[\d.]+[a-z]?$")
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)$")  # EDGAR: 20250211
# "RNS Number : 3228E DG Innovate PLC 16 September 2024": the RNS header's three lines on one
_RNS_HEADER = re.compile(r"^RNS\s+Number\s*:\s*\w+\s+(?P<rest>\S.{0,100})$", re.IGNORECASE)
# a title that ends with its date: "Kestrel Gold Limited – Drilling Update – 11 February 2025"
_TITLE_DATE = re.compile(rf"\s(?:[-–—|]\s*|\()(?P<date>{DATE.pattern})\)?\s*$", re.IGNORECASE)
# ... unless the title names a period the date closes or an event it sets: "Quarterly Activities
# Report – 31 December 2024" was released in January, "Notice of AGM (11 February 2025)" earlier
_PERIOD_WORDS = re.compile(
    r"\b(?:quarter\w*|half|year\w*|annual|interim|period|month\w*|ended|ending|results|report"
    r"|statements?|accounts|FY|Q[1-4]|H[12]"
    r"|meeting|AGM|EGM|GM|webinar|conference|call|presentation|event|expir\w*|closing)\b",
    re.IGNORECASE,
)


def stamp_date(line: str) -> dt.date | None:
    """The date of a page stamp or a labelled row (above); None for any other line."""
    header = _RNS_HEADER.match(line.strip())
    if header:
        return _final_date(header.group("rest"))
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
    if written and label and STANDALONE_TAIL.match(value[written.end() :]):
        return parse_date(written)
    compact = _COMPACT.match(value) if label else None
    if compact:
        return _checked_date(int(compact["y"]), int(compact["m"]), int(compact["d"]))
    figures = _FIGURES.match(value)
    return _figures_date(figures, labelled=bool(label)) if figures else None


def bare_figures_date(line: str) -> dt.date | None:
    """Figures alone on a line ("11.02.2025", "11/02/2025 07:00"), read as a labelled stamp is
    (day first unless the day cannot be a month). The caller takes it only from a block of its
    own near the top, where a page prints its stamp, and settles the order (dating.py)."""
    found = _FIGURES.match(line.strip())
    return _figures_date(found, labelled=True) if found else None


def title_date(title: str) -> dt.date | None:
    """The date a title ends with, set apart by a dash, a bar or brackets ("... – 11 February
    2025"); a date in the title's words ("Results for 31 March 2025") or closing a period it
    names is not the release's."""
    found = _TITLE_DATE.search(title)
    if not found or _PERIOD_WORDS.search(title[: found.start()]):
        return None
    return _final_date(found.group("date"))


def _final_date(text: str) -> dt.date | None:
    """The date that ends `text`, if one does."""
    found = list(DATE.finditer(text))
    if found and found[-1].end() == len(text.rstrip()):
        return parse_date(found[-1])
    return None


def _checked_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_first_reading(line: str) -> dt.date | None:
    """The other reading of a stamp whose day and month could swap ("Posted 03/04/2025")."""
    cells = [cell.strip(" *+\t") for cell in re.split(r"\s*\|\s*", line.strip().strip("|"))]
    cells = [cell for cell in cells if cell and not _ROW_NUMBER.match(cell)]
    value = cells[-1] if cells else line.strip()  # "11.02.2025" alone reads as a row number
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
    found = (
        re.match(r"^(.{2,40}?)\s*:\s*(\S.*)$", text)
        or re.match(r"^(.{2,40}?)\s+[-–—]\s+(\S.*)$", text)  # "News Release – February 11, 2025"
        or re.match(r"^(\D{2,40}?)\s+(\d.*)$", text)
    )
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
