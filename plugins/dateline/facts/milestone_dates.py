"""Date phrases in release sentences, kept as precise as the text: day, month, quarter, half, year.

- "May 27, 2013" / "27 May 2013" / "11th July 2018" / "2013-05-27" / "today" -> day;
  "July 2010", "the first two weeks of May 2013", "mid-May 2013", "the end of May
  2013" -> month.
- Quarters -> `YYYY-Qn`: "Q3 2013", "3Q13", "Q2 CY2017", "the third quarter of
  2013", and the Australian "the September 2022 quarter" / "the June quarter" (the
  quarter that ends in that month). Halves -> `YYYY-Hn`: "2H26", "H2 2026", "the
  second half of 2026". A quarter is not mapped to a month: that would say more
  than the text does.
- "in 2014", "early 2014", "mid-2015", "by the end of 2014" -> year.
- A month, day or quarter without a year ("in August", "on Saturday 26 September",
  "the September quarter", "the fourth quarter") takes the year that puts it next on or after the
  release for a planned event and last on or before it for an achieved one, and
  is marked `inferred_year`. With no release date these phrases, and "today",
  cannot be read and are left out. "this morning" is the release day and "this month"
  its month, both `relative`.
- A weekday alone ("on Monday", "last Tuesday") is the nearest such day to the
  release: on or before it for an achieved event, after it for a planned one;
  marked `relative`, like "today". Wire releases anchor the day this way.
- "early", "mid-" and "late" a year stay `year`: "late 2025" is not a half (it
  may mean October or December), and "mid-2026" straddles both halves.
- Fiscal periods are ignored (a fiscal year is not a calendar year).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_M = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_QUARTER_END_MONTH = r"(?P<month>March|June|September|December)"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?P<year>(?:19|20)\d{2})"
_PART_OF_MONTH = (
    r"(?:(?:the\s+)?(?:(?:first|second|third|last|final)\s+(?:(?:two|three|few)\s+)?weeks?"
    r"|beginning|start|middle|end|first half|second half)\s+of\s+|early[- ]|mid[- ]|late[- ])"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"


@dataclass(frozen=True)
class DateMention:
    """A date phrase in a sentence: where it is, what it says, how precise it is.

    `part` is the quarter (1-4) or half (1-2) for those precisions.
    """

    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    precision: str
    inferred_year: bool = False
    part: int | None = None
    relative: bool = False  # "today", "yesterday": read from the release date

    @property
    def value(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == "quarter":
            return f"{self.year:04d}-Q{self.part}"
        if self.precision == "half":
            return f"{self.year:04d}-H{self.part}"
        return f"{self.year:04d}"

    def key(self) -> tuple:
        return (self.year, self.month or 0, self.day or 0)

    def last_day(self) -> datetime.date:
        """The last day of the period the phrase names."""
        if self.precision == "day":
            return datetime.date(self.year, self.month, self.day)
        if self.precision == "month":
            end_month, year = self.month, self.year
        elif self.precision in ("quarter", "half"):
            end_month, year = self.part * (3 if self.precision == "quarter" else 6), self.year
        else:
            end_month, year = 12, self.year
        following = datetime.date(year + end_month // 12, end_month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)

    def after(self, release: datetime.date) -> bool:
        """Whether the whole period the phrase names lies after the release day."""
        return self._period() > _period_of(release, self.precision)

    def _period(self) -> tuple:
        if self.precision in ("quarter", "half"):
            return (self.year, self.part)
        return (self.year, self.month, self.day)[: _DEPTH[self.precision]]


_DEPTH = {"day": 3, "month": 2, "year": 1}


def _period_of(day: datetime.date, precision: str) -> tuple:
    if precision == "quarter":
        return (day.year, (day.month - 1) // 3 + 1)
    if precision == "half":
        return (day.year, 1 if day.month <= 6 else 2)
    return (day.year, day.month, day.day)[: _DEPTH[precision]]


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()[:3]]


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _valid_day(year, month, day) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


_QUARTER = "quarter"
_HALF = "half"
# (pattern, builder); earlier patterns win over later overlapping ones
_DATE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"), "iso"),
    (re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b"), "day"),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+{_Y}\b"), "day"),
    (re.compile(rf"(?i)\b(?:the\s+)?{_QUARTER_END_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\s+quarter\b"),
     "quarter-month"),
    (re.compile(rf"(?i)\b(?:the\s+)?{_QUARTER_END_MONTH}\s+quarter(?:\s+(?:of\s+)?"
                rf"(?P<year>(?:19|20)\d{{2}}))?\b"), "quarter-month"),
    (re.compile(rf"\b{_M}(?:\s+of)?,?\s+{_Y}\b"), "month"),
    (re.compile(r"(?<!fiscal )\b(?i:Q(?P<q>[1-4])\s*(?:CY\s*)?(?:\s*|[-/’']\s*)"
                r"(?P<year>(?:19|20)?\d{2}))\b"), _QUARTER),
    (re.compile(r"\b(?P<q>[1-4])Q\s*['’]?(?P<year>(?:19|20)?\d{2})\b"), _QUARTER),
    (re.compile(r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+(?:calendar\s+)?quarter\s+"
                r"(?:of\s+)?(?P<year>(?:19|20)\d{2})\b"), _QUARTER),
    (re.compile(r"(?i)\bthe\s+(?P<month>first|second|third|fourth)\s+(?:calendar\s+)?quarter\b"
                r"(?!\s+(?:of\s+)?(?:fiscal\s+|FY|F)?\d)"), "quarter-noyear"),
    (re.compile(r"\b(?P<h>[12])H\s*['’]?(?P<year>(?:19|20)?\d{2})\b"), _HALF),
    (re.compile(r"\bH(?P<h>[12])(?:\s*|[-/’']\s*)(?P<year>(?:19|20)?\d{2})\b"), _HALF),
    (re.compile(r"(?i)\b(?:the\s+)?(?P<h>first|second)\s+half\s+(?:of\s+)?(?P<year>(?:19"
                r"|20)\d{2})\b"),
     _HALF),
    (re.compile(r"(?i)\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early[- ]|mid[- ]"
                r"|late[- ]|year[- ]end\s+|calendar\s+)(?P<year>(?:19|20)\d{2})\b"), "year"),
    (re.compile(r"(?i)\b(?:in|by|during|since|until|before|after|throughout|for)\s+"
                r"(?P<body>(?P<year>(?:19|20)\d{2}))\b(?![,.]?\d)"), "year"),
    (re.compile(rf"\b{_WEEKDAY}{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)"),
     "day-noyear"),
    (re.compile(rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}\b(?!,?\s*\d)"),
     "day-noyear"),
    (re.compile(rf"\b{_M}\b(?!\s*\d)"), "month-noyear"),
    (re.compile(r"(?i)\b(?:on|last|this\s+past|this|next|coming)\s+(?P<weekday>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
                rf"(?!,?\s+(?:the\s+)?\d|,?\s+{_M})"), "weekday"),
    (re.compile(r"(?i)\b(?:today(?:['’]s date)?|this\s+(?:morning|afternoon|evening))\b"), "today"),
    (re.compile(r"(?i)\bthis\s+month\b"), "this-month"),
    (re.compile(r"(?i)\byesterday\b"), "yesterday"),
]

_MAYBE_DATE = re.compile(r"\d|(?i:today|yesterday|quarter|day\b|this\s+m|this\s+a|this\s+e)|" + _M)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PART_BEFORE = re.compile(rf"(?i:{_PART_OF_MONTH})$")
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:in|by|during|until|before|after)\s+$")


def find_dates(text: str, release_date: datetime.date | None, *,
               planned: bool = True) -> list[DateMention]:
    """Every date phrase in a sentence, in order of appearance."""
    if not _MAYBE_DATE.search(text):
        return []  # most sentences: no digit, no month, no "today"
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = _span(text, match, kind)
            if span is None or any(span[0] < end and start < span[1] for start, end in taken):
                continue
            mention = _build(match, kind, release_date, planned, span)
            if mention is not None:
                taken.append(span)
                found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def _span(text: str, match: re.Match, kind: str) -> tuple[int, int] | None:
    """Where the date phrase lies; "the first two weeks of" and the like belong to it."""
    start, end = match.span("body") if match.groupdict().get("body") else match.span()
    if kind in ("month", "month-noyear"):
        before = text[max(0, start - 40): start]
        part = _PART_BEFORE.search(before)
        if part:
            return start - (len(before) - part.start()), end
        if kind == "month-noyear" and not _PREPOSITION_BEFORE.search(before):
            return None
    return start, end


def _build(match: re.Match, kind: str, release: datetime.date | None, planned: bool,
           span) -> DateMention | None:
    start, end = span
    groups = match.groupdict()
    if kind == "weekday":
        return _weekday(groups["weekday"], release, planned, start, end)
    if kind == "this-month":
        if release is None:
            return None
        return DateMention(start, end, release.year, release.month, None, "month", relative=True)
    if kind in ("today", "yesterday"):
        if release is None:
            return None
        day = release - datetime.timedelta(days=1 if kind == "yesterday" else 0)
        return DateMention(start, end, day.year, day.month, day.day, "day", relative=True)
    if kind in ("iso", "day"):
        month = int(groups["mnum"]) if kind == "iso" else _month(groups["month"])
        year, day = int(groups["year"]), int(groups["day"])
        if not _valid_day(year, month, day):
            return None
        return DateMention(start, end, year, month, day, "day")
    if kind == "month":
        return DateMention(start, end, int(groups["year"]), _month(groups["month"]), None, "month")
    if kind == _QUARTER:
        quarter = _ORDINAL[groups["q"].lower()]
        return DateMention(start, end, _year(groups["year"]), None, None, _QUARTER, part=quarter)
    if kind == _HALF:
        half = _ORDINAL[groups["h"].lower()]
        return DateMention(start, end, _year(groups["year"]), None, None, _HALF, part=half)
    if kind == "year":
        return DateMention(start, end, _year(groups["year"]), None, None, "year")
    return _build_without_year(groups, kind, release, planned, start, end)


def _weekday(name: str, release: datetime.date | None, planned: bool,
             start: int, end: int) -> DateMention | None:
    """The nearest such weekday: after the release for plans, on or before it otherwise."""
    if release is None:
        return None
    shift = (_WEEKDAYS.index(name.lower()[:3]) - release.weekday()) % 7
    if planned:
        day = release + datetime.timedelta(days=shift or 7)
    else:
        day = release - datetime.timedelta(days=(7 - shift) % 7)
    return DateMention(start, end, day.year, day.month, day.day, "day", relative=True)


def _build_without_year(groups, kind, release, planned, start, end) -> DateMention | None:
    """A quarter, day or month named without its year (or with it, for "the June 2018 quarter")."""
    if kind == "quarter-noyear":
        return _quarter_without_year(_ORDINAL[groups["month"].lower()], release, planned, start,
                                     end)
    month = _month(groups["month"])
    if kind == "quarter-month" and groups.get("year"):
        return DateMention(start, end, int(groups["year"]), None, None, _QUARTER, part=month // 3)
    if release is None:
        return None
    year = _infer_year(month, release, planned)
    if kind == "quarter-month":
        return DateMention(start, end, year, None, None, _QUARTER, inferred_year=True,
                           part=month // 3)
    if kind == "day-noyear":
        day = int(groups["day"])
        if not _valid_day(year, month, day):
            return None
        return DateMention(start, end, year, month, day, "day", inferred_year=True)
    return DateMention(start, end, year, month, None, "month", inferred_year=True)


def _quarter_without_year(quarter: int, release, planned: bool, start: int,
                          end: int) -> DateMention | None:
    """ "to follow in the fourth quarter": the next such quarter for a plan, the last one
    otherwise."""
    if release is None:
        return None
    year = _infer_year(quarter * 3, release, planned)
    return DateMention(start, end, year, None, None, _QUARTER, inferred_year=True, part=quarter)


def _infer_year(month: int, release: datetime.date, planned: bool) -> int:
    """Next such month on or after the release for plans, last on or before it otherwise."""
    if planned:
        return release.year if month >= release.month else release.year + 1
    return release.year if month <= release.month else release.year - 1
