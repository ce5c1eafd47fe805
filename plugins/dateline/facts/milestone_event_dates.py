"""Which date in a clause is the event's: the nearest usable one after the trigger, else before.

Not usable: dates of earlier news releases ("news release dated"), period labels ("Q3 2013
results", "for the quarter ended"), a permit's term ("through late 2027"), and "today" in
"today announced" (the day of the release, not of the event).
"""

from __future__ import annotations

import datetime
import re

from dateline.facts.milestone_dates import DateMention, find_dates

_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:(?:news|press)\s+releases?(?:\s+(?:dated|of|issued|on|from|disseminated))?"
    r"|(?:previously\s+|first\s+)?(?:announced|reported|disclosed)(?:\s+(?:on|in))?"
    r"|(?:announcements?|(?-i:RNS))(?:\s+(?:dated|of|on|made\s+on|released\s+on))?"
    r"|dated)\s*(?:on\s+)?[,(]?\s*$"
)

_PERIOD_BEFORE = re.compile(
    r"(?i)(?:\b(?:results|report|statements|guidance|earnings|sales|revenues?|production|budget)\s+"
    r"for\s+(?:the\s+)?|\bended\s+|\bending\s+|\bfiscal\s+|\bas\s+at\s+)$"
)

_PERIOD_AFTER = re.compile(
    r"(?i)^[\s-]*(?:financial\s+|operating\s+|production\s+|quarterly\s+|annual\s+|interim\s+)?"
    r"(?:results|report|financial statements|guidance|budget|outlook|MD&A|earnings)\b"
)

_RECAP = re.compile(
    r"(?i)\bas\s+(?:was\s+)?(?:previously\s+|first\s+|initially\s+)?(?:announced|disclosed"
    r"|reported)"
    r"|\bsee\s+(?:the\s+|our\s+|its\s+)?(?:company['’]s\s+)?(?:news|press)\s+release"
    r"|\b(?:news|press)\s+releases?\s+(?:dated|of|issued)\b"
)

# "an amended permit that allows mining through late 2027": the permit's term, not an event.
_TERM_BEFORE = re.compile(r"(?i)\b(?:through|thru|valid\s+(?:until|to))\s+(?:the\s+end\s+of\s+)?$")

_ANNOUNCED_TODAY = re.compile(
    r"(?i)^\s+(?:announced|reported|confirmed|advised|said|provided)\b"
)

_ANNOUNCED_BEFORE = re.compile(r"(?i)\b(?:announced|reported|confirmed|advised|said)\s+$")


def _usable(text: str, mention: DateMention) -> bool:
    before = text[: mention.start]
    after = text[mention.end:]
    if mention.relative and (_ANNOUNCED_TODAY.match(after) or _ANNOUNCED_BEFORE.search(before)):
        return False  # "today announced": the day of the release, not of the event
    if _REFERENCE_BEFORE.search(before[-60:]) or _TERM_BEFORE.search(before[-30:]):
        return False
    if _PERIOD_BEFORE.search(before[-40:]) or _PERIOD_AFTER.match(after):
        return False
    return True


def _event_date(clause: str, trigger: re.Match, release, *, planned: bool):
    mentions = [m for m in find_dates(clause, release, planned=planned) if _usable(clause, m)]
    after = [m for m in mentions if m.start >= trigger.start()]
    if after:
        return after[0]
    before = [m for m in mentions if m.end <= trigger.start()]
    return before[-1] if before else None


def _headline_date(title: str, release: datetime.date | None):
    """The date a headline states ("Effective July 1"), None for none, False for a later one."""
    mentions = [m for m in find_dates(title, release, planned=False) if _usable(title, m)]
    if not mentions:
        return None
    if release is not None and mentions[0].after(release):
        return False
    return mentions[0]
