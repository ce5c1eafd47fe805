"""ASX Appendix 3G / 3B issue forms, read by their own fields rather than as prose.

An ASX notice of an issue of unquoted securities is a form: numbered questions
("1.1 Name of entity", "2.1 ...", "Part 3 - Details of +securities issued") each
followed by its answer. Read as prose, the question numbers look like numbers of
securities and the answers have no grant verb, so the form is read here, field by
field (docs/extraction.md, atlas G39):

- the number is the answer to "Number of +securities issued (or to be issued)";
- the security, price and expiry come from the class or description answer
  ("unquoted options exercisable at $0.15 expiring 14 May 2029", "Principal terms
  ...: Exercisable at $0.05 each on or before 31 December 2027") or the "Exercise
  price" and "Expiry date" answers;
- the grant date is the answer to "Date the +securities were issued" / "Issue date".

Question numbers are dropped before anything is read, so they are never counts. A
holder list after the form (Name of KMP | Number of +securities) is an ordinary
table whose rows `grants.py` reads with the form's terms.
"""

from __future__ import annotations

import datetime
import re

from dateline.facts import grant_mentions as gm
from dateline.facts import grant_terms as terms
from dateline.facts.milestones import find_dates

# The form's first line; with the title "Appendix 3G ..." kept out of the body, its first part.
_FORM_START = re.compile(
    r"(?i)^\s*appendix\s+3[gb]\b|^\s*part\s+1\s*[-–:]\s*entity\s+and\s+announcement\s+details"
)
_QUESTION = re.compile(
    r"(?i)^\s*(?:part\s+\d+[a-z]?\s*(?:[-–:]\s*)?|\d{1,2}(?:\.\d{1,2})*[a-z]?\s+)"
)
_NUMBER = re.compile(
    r"(?i)\bnumber\s+of\s+\+?securities\s+(?:issued|to\s+be\s+issued)(?:\s+or\s+to\s+be\s+issued)?"
    rf"\s*:?\s*{gm.QUANTITY}\b"
)
_ISSUE_DATE = re.compile(
    r"(?i)\b(?:date\s+(?:the\s+)?\+?securities\s+(?:the\s+subject\s+of\s+this\s+notification\s+)?"
    r"(?:were|are)\s+issued|issue\s+dates?|date\s+of\s+issue)\s*:?\s*"
)
_EXPIRY_DATE = re.compile(r"(?i)\bexpiry\s+date\s*:?\s*")


def is_form_start(text: str) -> bool:
    """The first line of an Appendix 3G or 3B form."""
    return bool(_FORM_START.match(text))


def form_answers(paragraphs: list[str]) -> str:
    """The form's text without its question numbers, one paragraph a line."""
    return "\n".join(_QUESTION.sub("", paragraph) for paragraph in paragraphs)


def form_grant(text: str, release: datetime.date | None, dollar: str | None) -> dict | None:
    """{security, number, price, currency, stated, expiry, grant_date} the form states, or None."""
    number = _NUMBER.search(text)
    noun = re.search(rf"(?i)\b(?P<noun>{gm.NOUN})\b", text)
    if not number or not noun:
        return None
    security = gm.noun_kind(noun.group("noun")) or "option"
    found = {"security": security, "number": gm.number(number.group(1))}
    prices = terms.prices(text, dollar)
    if prices and security in ("option", "warrant", "sar"):
        found["exercise_price"], found["currency"], found["currency_stated"] = prices[0]
    expiries = terms.expiries(text, release) or _answer_dates(_EXPIRY_DATE, text, release)
    found["expiry_date"] = expiries[0] if expiries else None
    issued = _answer_dates(_ISSUE_DATE, text, release)
    found["grant_date"] = issued[0] if issued else None
    return found


def issue_dates(text: str, release: datetime.date | None) -> list[str]:
    """The full dates written right after an issue-date label ("Date of issue: 14 August 2025")."""
    return _answer_dates(_ISSUE_DATE, text, release)


def _answer_dates(label: re.Pattern, text: str, release: datetime.date | None) -> list[str]:
    """The full dates written right after a question's label."""
    values = []
    for match in label.finditer(text):
        dates = find_dates(text[match.end() : match.end() + 40], release)
        if dates and dates[0].start == 0 and dates[0].precision == "day":
            values.append(dates[0].value)
    return values
