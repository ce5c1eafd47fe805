"""The terms of a grant as a piece of text states them: price, term, expiry, vesting, dates.

Each reader takes one sentence (or clause) and returns what it states, or
nothing; the grant frame (`grants.py`) decides which grant a value belongs to.

- Price: a stated symbol or code (C$, US$, A$, AUD, £, pence, ...) is stated; a
  bare "$", "cents" or a bare ".15" after "exercise price of" takes the dollar
  currency of the primary listing, not stated. "nil" / "zero exercise price" is 0
  with no currency. The nominal value of a share ("ordinary shares of 1p each")
  is not a price.
- Term: "for a period of five (5) years", "a life to expiry of 5-years", "a
  five-year life", "a ten-year term", "valid for two years", "expire in 36
  months", "expire 24 months from the date of grant", "lapse on the tenth
  anniversary". A window counted from vesting is not a term.
- Expiry: a full date after "expire/expiring/until/ending on/on or before/at any
  time prior to/lapse on", or the end of "between <date> and <date>".
- Vesting, normalised to a small vocabulary: "immediately", "thirds" (equal
  thirds, yearly or unscheduled), "staged over N months" (tranches or a period;
  N is when the last tranche vests), "after N months" (one cliff), "performance".
  Tranche numbers inside a vesting clause are read as the schedule.
- Conditions: "subject to ... acceptance/approval/..." and "in lieu of ..." as written.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts.milestones import find_dates

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
    "forty-eight": 48,
    "sixty": 60,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10}
N = (
    r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*\(\d+\))?"
)

# --- price -------------------------------------------------------------------------

_STATED = {
    "C$": "CAD",
    "CAD$": "CAD",
    "CDN$": "CAD",
    "Cdn$": "CAD",
    "CA$": "CAD",
    "US$": "USD",
    "USD$": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "£": "GBP",
    "€": "EUR",
}
_ISO = r"CAD|USD|AUD|NZD|GBP|EUR|HKD|SGD|ZAR"
_PRICE = re.compile(
    r"(?i)\b(?:price|priced|exercisable|exercise|strike|at)\b[^.;]{0,40}?"
    r"(?:(?P<symbol>CAD\$|CDN\$|Cdn\$|CA\$|C\$|USD\$|US\$|U\.S\.\s?\$"
    r"|AUD\$|AU\$|A\$|NZ\$|HK\$|S\$|£|€"
    rf"|\\?\$)\s?(?P<amount>\d+(?:\.\d+)?|\.\d+)(?:\s+(?P<suffix>{_ISO})\b)?"
    rf"|(?P<iso>{_ISO})\s?\$?\s?(?P<iso_amount>\d+(?:\.\d+)?)"
    r"|(?P<minor>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<minor_unit>cents?|pence|p)\b"
    r"(?!\s+each)"
    r"|(?<=price of )(?P<bare>\.\d+|\d+\.\d+)\b)"
)
_NIL_PRICE = re.compile(
    r"(?i)\b(?:nil|zero)[- ](?:exercise\s+)?(?:price|cost)\b|\bnil[- ]cost\b|\bnil[- ]priced\b"
)


def prices(text: str, dollar: str | None) -> list[tuple]:
    """(price, currency, stated) for each exercise price the text states, in order."""
    found = [(m.start(), 0.0, None, None) for m in _NIL_PRICE.finditer(text)]
    for match in _PRICE.finditer(text):
        found.append((match.start(), *_price_value(match, dollar)))
    return [value[1:] for value in sorted(found)]


def _price_value(match: re.Match, dollar: str | None) -> tuple:
    if match.group("amount"):
        amount = float(match.group("amount"))
        symbol = match.group("symbol").replace(" ", "").lstrip("\\")
        if match.group("suffix"):
            return amount, match.group("suffix").upper(), True
        if symbol in _STATED:
            return amount, _STATED[symbol], True
        return amount, dollar, False if dollar else None
    if match.group("iso_amount"):
        return float(match.group("iso_amount")), match.group("iso").upper(), True
    if match.group("bare"):
        return float(match.group("bare")), dollar, False if dollar else None
    amount = round(float(match.group("minor").replace(",", "")) / 100, 6)  # "1,140 pence"
    if match.group("minor_unit").lower().startswith("cent"):
        return amount, dollar, False if dollar else None
    return amount, "GBP", True


# --- term and expiry -----------------------------------------------------------------

_TERM = re.compile(
    rf"(?i)(?:\bfor\s+(?:a\s+)?(?:period|term)\s+of\s+(?:up\s+to\s+)?|\b(?:term|period|life)\s+"
    rf"(?:to\s+expiry\s+)?of\s+|\bexercisable\s+for\s+(?:up\s+to\s+)?(?:a\s+period\s+of\s+)?"
    rf"|\bexpir\w*\s+(?:in\s+)?|\bvalid\s+for\s+|\bfor\s+(?:up\s+to\s+)?|\blapse\s+(?:after\s+)?)"
    rf"(?P<n>{N})[- ](?P<unit>years?|months?)\b"
    rf"|\b(?P<n2>{N})[- ](?P<unit2>year|month)s?['’]?\s+(?:term|period|life)\b"
)
_ANNIVERSARY_TERM = re.compile(
    r"(?i)\b(?:lapse|expire|expiring|expiry)\w*\s+on\s+the\s+(?P<ord>first|second|third|fourth"
    r"|fifth|tenth)\s+anniversary"
)
_MEASURED = re.compile(
    r"(?i)\b(?:measured|assessed|tested|targets?|conditions?|vest\w*)\b[^.;]{0,30}$"
)
_FROM_VESTING = re.compile(r"(?i)^\s*(?:from|after|following)\s+(?:the\s+date\s+of\s+)?vesting")
_EXPIRY = re.compile(
    r"(?i)\b(?:expiry\s+date\s+(?:of|is)|expir\w*|until|ending|lapse\w*|on\s+or\s+before"
    r"|(?:at\s+any\s+(?:time|point)\s+)?prior\s+to|terminat\w*|up\s+to(?:\s+and\s+including)?)"
    r"\s+(?:on\s+)?"
)
_WINDOW = re.compile(r"(?i)\bbetween\s+")


# Terms and vesting periods are read up to this many years or months: "8000 years" stays a
# number (the expiry is left for review), "10^400 months" does not become infinity.
LARGEST_PERIOD = 10**6


def count(text: str) -> float:
    """A number written in digits or words ("five (5)" is five), at most LARGEST_PERIOD."""
    lowered = re.sub(r"\s*\(\d+\)$", "", text.lower())
    return NUMBER_WORDS[lowered] if lowered in NUMBER_WORDS else min(float(lowered), LARGEST_PERIOD)


def terms(text: str) -> list[float]:
    """Terms in years the text states, in order."""
    found = []
    for match in _TERM.finditer(text):
        if not re.match(
            r"(?i)expir|lapse|valid|term|period|life|exercisable", match.group(0)
        ) and re.search(r"(?i)\bvest\w*\b[^.;]{0,40}$", text[: match.start()]):
            continue  # "vest over 18 months" is vesting, not term
        if _FROM_VESTING.match(text[match.end() :]):
            continue
        if match.group("n2") and _MEASURED.search(text[: match.start()]):
            continue  # "targets measured over a three year period" is vesting, not the term
        value = count(match.group("n") or match.group("n2"))
        unit = (match.group("unit") or match.group("unit2")).lower()
        found.append((match.start(), value if unit.startswith("year") else value / 12))
    found += [
        (m.start(), ORDINALS[m.group("ord").lower()]) for m in _ANNIVERSARY_TERM.finditer(text)
    ]
    return [_whole(years) for _, years in sorted(found)]


def _whole(years: float):
    return int(years) if float(years).is_integer() else round(years, 4)


def expiries(text: str, release: datetime.date | None) -> list[str]:
    """Expiry dates the text states, in order."""
    values = []
    for match in _EXPIRY.finditer(text):
        day = _day_at(text[match.end() :], release)
        if day:
            values.append((match.start(), day))
    for match in _WINDOW.finditer(text):
        rest = text[match.end() :]
        first = find_dates(rest, release)
        if len(first) >= 2 and first[0].start == 0 and re.match(r"\s+and\s+", rest[first[0].end :]):
            values.append((match.start(), first[1].value))
    return [value for _, value in sorted(values)]


def _day_at(text: str, release: datetime.date | None) -> str | None:
    dates = find_dates(text, release)
    if dates and dates[0].start == 0 and dates[0].precision == "day" and not dates[0].inferred_year:
        return dates[0].value
    return None


# --- grant date ----------------------------------------------------------------------

_GRANT_DATE = re.compile(
    r"(?i)(?:\b(?:granted|awarded|issued|effective|dated|as\s+of|grant\s+date\s+(?:of|is)"
    r"|date\s+of\s+grant\s+(?:of|is|was)|date\s+of\s+grant,)\s+(?:on\s+)?(?:the\s+)?"
    r"|(?:^|[\s,(])on\s+(?:the\s+)?)$"
)
_NOT_GRANT_DATE = re.compile(
    r"(?i)\b(?:expir\w*|until|vest\w*|lapse\w*|before|prior|between|and|ending|held|meeting"
    r"|end)\W*"
    r"(?:\w+\W+){0,2}$"
    # "as approved by shareholders on 30 June 2020": the plan's date, not the grant's
    r"|\b(?:approv|adopt|ratifi)\w*\s+by\s+(?:the\s+)?(?:\w+\s+){1,2}(?:on\s+)?$"
)
_TODAY = re.compile(
    r"(?i)\b(?:granted|awarded|issued|effective|dated|as\s+of|from)\s+(?:[\w,]+\s+){0,5}?today\b"
    r"|\btoday,?\s+(?:the\s+company\s+|it\s+)?(?:has\s+)?(?:granted|awarded|issued)\b"
)


def grant_date(text: str, release: datetime.date | None) -> str | None:
    """The grant date an event sentence states ("on May 1, 2025", "effective ...", "today")."""
    for mention in find_dates(text, release):
        if mention.precision != "day" or mention.inferred_year:
            continue
        before = text[: mention.start]
        if _GRANT_DATE.search(before[-40:]) and not _NOT_GRANT_DATE.search(before[-30:]):
            return mention.value
    if _TODAY.search(text) and release is not None:
        return release.isoformat()
    return None


# --- conditions ----------------------------------------------------------------------

_CONDITION = re.compile(
    r"(?i)\bsubject\s+to\s+[^,;.]*?(?:acceptance|approval|ratification|consent)(?:\s+(?:of|by)\s+"
    r"(?:the\s+)?[A-Z][\w ]*?(?=[,;.]|\s+(?:and|for|with|at|under)\b|$))?"
    r"|\bin\s+lieu\s+of\s+[\w\s-]+?(?=[,;.]|\s+(?:and|for|to|with|at|under|which)\b|$)"
)


def conditions(text: str) -> str | None:
    """The conditions the text states, as written, joined with "; "."""
    found = [re.sub(r"\s+", " ", m.group(0)).strip() for m in _CONDITION.finditer(text)]
    return "; ".join(dict.fromkeys(found)) or None
