"""A grant's vesting, in words a reader can check: immediately, in thirds, over N years, on
performance conditions, or the dates a schedule of tranches gives.

The vesting clause is found near a vesting word and read apart from the rest of the sentence,
so the numbers of a tranche schedule ("A on award, B after 12 months") fill vesting and never
become grants of their own.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts.grant_terms import NUMBER_WORDS, ORDINALS, N, count
from dateline.facts.milestones import find_dates

_VESTING_WORD = re.compile(
    r"(?i)\bvest\w*|\bexercis\w+\s+(?:once|until)\b[^.;]*\bserved\b"
    r"|\btranches?\b|\binstal?lments?\b"
)
_PERFORMANCE = re.compile(
    r"(?i)\bperformance\s+(?:conditions?|criteria|targets?|hurdles?|milestones?|goals?)"
    r"|\bachievement\s+of|\bshare\s+price\s+(?:performance\s+)?targets?|\bhurdles?\b"
    r"|\bvest\w*\s+(?:only\s+)?(?:when|if|upon"
    r"|on)\s+the\s+company\s+(?:announc|achiev|reach|complet)"
    r"|\bconditional\s+on\s+(?:certain\s+)?performance"
    r"|\b(?:EPS|earnings\s+per\s+share|EBITDA|revenue)\s+(?:growth\s+)?(?:targets?|conditions?)"
    r"|\bperformance\s+period\b|\b(?:total|relative)\s+shareholder\s+return\b|\bTSR\b"
)
_IMMEDIATE = re.compile(
    r"(?i)\bvest(?:s|ed|ing)?\s+(?:fully\s+|in\s+full\s+)?immediately|\bimmediately\s+vest"
    r"|\bfully\s+vested\s+(?:on|upon|at)\s+(?:the\s+date\s+of\s+)?grant"
    r"|\bvest(?:s|ed)?\s+(?:in\s+full\s+)?(?:on|upon)\s+(?:the\s+date\s+of\s+)?(?:grant|award)\b"
    r"|\b(?:on|upon)\s+(?:the\s+date\s+of\s+)?(?:grant|award|issue)\b|\bimmediately\b"
)
_THIRDS = re.compile(r"(?i)one[- ]third|\b1/3\b|33(?:\.3+)?\s?%|\bin\s+thirds\b|\bthree\s+equal\b")
_ANNUAL = re.compile(r"(?i)\bannual\w*|\banniversar\w+|\b(?:each|every)\s+year\b|\bper\s+year\b"
                     r"|\byearly\b")
_EQUAL_PARTS = re.compile(
    rf"(?i)\b(?P<k>{N})\s+equal\s+(?P<annual>annual\s+|quarterly\s+|monthly\s+)?"
    r"(?:instal?lments|tranches|portions|parts)"
)
_OVER = re.compile(
    rf"(?i)\bover\s+(?:a\s+|the\s+(?:following|next)\s+)?(?:period\s+of\s+)?"
    rf"(?P<n>{N})[- ](?P<unit>months?|years?)(?:\s+period)?\b"
)
_MONTHS_AFTER = re.compile(
    rf"(?i)\b(?:after|(?<!the\s)following|served)\s+(?P<n>{N})\s+months"
    rf"|\bafter\s+(?P<n4>one|two|three|four|five|\d)\s+years?\b(?!\s+(?:from|after))"
    rf"|\b(?P<n2>{N})\s+months\s+"
    r"(?:after|from|following|of\s+service)"
    rf"|\b(?P<n3>{N})\s+years?\s+(?:after|from)\s+(?:the\s+date\s+of\s+)?grant"
)
_ANNIVERSARY = re.compile(
    r"(?i)\b(?:on\s+|of\s+)?(?:each\s+of\s+)?the\s+(?:(?P<each>first|next)\s+(?P<k>two|three|four)"
    r"\s+anniversaries|(?P<ord>first|second|third|fourth|fifth|one[- ]year)\s+anniversary)"
)
_EVERY = re.compile(
    rf"(?i)(?:(?P<pct>\d+(?:\.\d+)?)\s?%|one[- ](?P<frac>quarter|third|half)|1/(?P<den>[2-6])"
    rf"|(?P<k>{N})\s+equal"
    rf"\s+(?:instal?lments|tranches|portions))[^.;]{{0,40}}?\bevery\s+(?P<n>{N})[- ]months?"
)
_FRACTIONS = {"quarter": 4, "third": 3, "half": 2}


_CONDITIONAL = re.compile(r"(?i)\bconditional\s+on|\bsubject\s+to|\bprovided\s+that|\bonly\s+if")
_EXPIRY_WORDS = re.compile(r"(?i)\b(?:expir\w*|lapse\w*)\b")
_CLAUSE_END = re.compile(r"(?i)\s(?:and\s+)?(?:expir\w*|lapse\w*|are\s+exercisable|exercisable)\b")


def vestings(text: str, grant_day: datetime.date | None = None) -> list[str]:
    """The vesting the text states, normalised; a list of one value or empty."""
    word = _VESTING_WORD.search(text)
    if _PERFORMANCE.search(text) and (word or _CONDITIONAL.search(text)):
        return ["performance"]
    if not word:
        return []
    value = _schedule(_vesting_clause(text, word.start()), grant_day)
    return [value] if value else []


def _vesting_clause(text: str, at: int) -> str:
    """From the start of the clause holding the first vesting word to the next expiry words."""
    start = max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
    expiry = list(_EXPIRY_WORDS.finditer(text, start, at))
    if expiry:  # "expire ten years after the date of grant and vest ...": the term, not vesting
        joint = re.search(r"\band\b", text[expiry[-1].end() : at])
        start = expiry[-1].end() + joint.end() if joint else at
    end = _CLAUSE_END.search(text, at)
    return text[start : end.start() if end else len(text)]


def _schedule(text: str, grant_day: datetime.date | None) -> str | None:
    """Turn the tranches and periods of a vesting clause into one normalised value."""
    offsets = _offsets(text, grant_day)
    thirds = bool(_THIRDS.search(text)) or _three_equal_numbers(text)
    if thirds and (
        not offsets
        or _yearly(offsets)
        or ((_ANNUAL.search(text) or _OVER_THREE_YEARS.search(text)) and max(offsets) <= 36)
    ):
        return "thirds"
    if not offsets:
        return "immediately" if _IMMEDIATE.search(text) and re.search(r"(?i)\bvest", text) else None
    last = max(offsets)
    if last == 0:
        return "immediately"
    if len(offsets) == 1 and not _staged(text):
        return f"after {last} months"
    return f"staged over {last} months"


_OVER_THREE_YEARS = re.compile(
    r"(?i)\bover\s+(?:a\s+period\s+of\s+)?(?:three|3)(?:\s*\(3\))?[- ]years"
)


def _staged(text: str) -> bool:
    return bool(
        _OVER.search(text)
        or _EQUAL_PARTS.search(text)
        or _EVERY.search(text)
        or re.search(r"(?i)\b(?:quarterly|monthly|in\s+stages)\b", text)
    )


def _yearly(offsets: list[int]) -> bool:
    tranche = sorted(set(offsets) - {0})
    return len(set(offsets)) == 3 and all(m % 12 == 0 for m in tranche) and max(offsets) <= 36


def _three_equal_numbers(text: str) -> bool:
    numbers = re.findall(r"\b\d{1,3}(?:,\d{3})+\b", text)
    return len(numbers) == 3 and len(set(numbers)) == 1


def _offsets(text: str, grant_day: datetime.date | None) -> list[int]:
    """Months after grant at which tranches vest (0 for on grant), in any order."""
    months = []
    if _IMMEDIATE.search(text):
        months.append(0)
    for match in _MONTHS_AFTER.finditer(text):
        if match.group("n3") or match.group("n4"):
            months.append(int(count(match.group("n3") or match.group("n4")) * 12))
        else:
            months.append(int(count(match.group("n") or match.group("n2"))))
    for match in _ANNIVERSARY.finditer(text):
        if match.group("each"):
            k = NUMBER_WORDS[match.group("k").lower()]
            first = 12 if match.group("each").lower() == "first" else max(months + [0]) + 12
            months += [first + 12 * i for i in range(k)]
        else:
            ordinal = match.group("ord").lower()
            months.append(12 * (1 if ordinal.startswith("one") else ORDINALS[ordinal]))
    months += _period_offsets(text, months)
    months += _dated_offsets(text, grant_day)
    return months


_BALANCE = re.compile(r"(?i)\b(?:balance|remaining|remainder|thereafter|following)\b")


def _period_offsets(text: str, months: list[int]) -> list[int]:
    """Offsets from "over N months", "N equal annual instalments", "25% every six months"."""
    found = []
    start = (
        max(months)
        if months and re.search(r"(?i)\b(?:balance|remaining|thereafter|following)\b", text)
        else 0
    )
    for match in _OVER.finditer(text):
        value = count(match.group("n"))
        after = start if _BALANCE.search(text[: match.end()]) else 0  # "the balance over N"
        found.append(
            after + int(value * (12 if match.group("unit").lower().startswith("y") else 1))
        )
    for match in _EVERY.finditer(text):
        if match.group("pct") and not float(match.group("pct")):
            continue  # "0% every six months" vests nothing
        parts = (
            100 / float(match.group("pct"))
            if match.group("pct")
            else _FRACTIONS[match.group("frac").lower()]
            if match.group("frac")
            else int(match.group("den"))
            if match.group("den")
            else count(match.group("k"))
        )
        found.append(round(parts) * int(count(match.group("n"))))
    for match in _EQUAL_PARTS.finditer(text):
        kind = (match.group("annual") or "").strip().lower()
        step = {"annual": 12, "quarterly": 3, "monthly": 1}.get(kind)
        if step:
            found.append(int(count(match.group("k"))) * step)
    return found


def _dated_offsets(text: str, grant_day: datetime.date | None) -> list[int]:
    """Tranches given as dates ("200,000 on October 15, 2025"), as months after the grant."""
    if grant_day is None:
        return []
    found = []
    for mention in find_dates(text, grant_day):
        if mention.precision == "day" and not mention.inferred_year:
            day = datetime.date(mention.year, mention.month, mention.day)
            months = (day.year - grant_day.year) * 12 + day.month - grant_day.month
            if 0 <= months <= 240:
                found.append(months)
    return found
