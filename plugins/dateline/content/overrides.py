"""Hand-written `grants:` and `milestones:` in front matter, checked like every other field.

They replace what extraction finds, so they follow the same JSON contract
(DESIGN.md "Grants and milestones"); missing fields become null.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.content import moments
from dateline.content.fields import Invalid
from dateline.facts.fact_fields import (  # noqa: F401 - the names this module always offered
    GRANT_KEYS,
    KINDS,
    MILESTONE_KEYS,
    PRECISION_NAMES,
    PRECISIONS,
    SECURITIES,
)


def _text(value, _name):
    return isinstance(value, str) and value.strip() != ""


def _number(value, _name):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def _whole(value, _name):
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _iso_day(value, _name):
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
    return moments.in_range(value.year)


_DAY_IN_RANGE = f"a date YYYY-MM-DD between {moments.MIN_YEAR} and {moments.MAX_YEAR}"
GRANT_RULES = {
    "security": (lambda v, _n: v in SECURITIES, "one of " + ", ".join(SECURITIES)),
    "recipient": (_text, "a name or group"),
    "role": (_text, "a role such as director"),
    "number": (_whole, "a whole number of securities"),
    "exercise_price": (_number, "a price such as 1.07"),
    "currency": (lambda v, _n: isinstance(v, str) and re.match(r"^[A-Z]{3}$", v),
                 "an ISO currency code such as CAD"),
    "currency_stated": (lambda v, _n: isinstance(v, bool), "true or false"),
    "term_years": (_number, "a number of years"),
    "expiry_date": (_iso_day, _DAY_IN_RANGE),
    "vesting": (_text, "a vesting description"),
    "grant_date": (_iso_day, _DAY_IN_RANGE),
    "conditions": (_text, "a description"),
    "sentence": (_text, "the source sentence"),
    "review": (lambda v, _n: isinstance(v, list) and all(isinstance(r, str) for r in v),
               "a list of reasons to check the grant"),
}
MILESTONE_RULES = {
    "date": (lambda v, _n: isinstance(v, (str, int, dt.date)),
             "YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"),
    "precision": (lambda v, _n: v in PRECISIONS, PRECISION_NAMES),
    "event": (_text, "a short description of the event"),
    "kind": (lambda v, _n: v in KINDS, "one of " + ", ".join(KINDS)),
    "status": (lambda v, _n: v in ("achieved", "planned"), "achieved or planned"),
    "project": (_text, "a project name"),
    "sentence": (_text, "the source sentence"),
    "review": (lambda v, _n: isinstance(v, list) and all(_text(r, _n) for r in v),
               "a list of reasons to check it"),
}


def check_grant_list(value, _ctx):
    """Validate a front-matter grant list and fill unstated fields with null."""
    grants = _check_items(value, GRANT_KEYS, GRANT_RULES, required=("security", "recipient"))
    for grant in grants:
        for key in ("expiry_date", "grant_date"):
            if isinstance(grant[key], dt.date):
                grant[key] = grant[key].isoformat()
        if grant["currency"] and grant["currency_stated"] is None:
            grant["currency_stated"] = True
        grant["review"] = grant["review"] or []  # written by a person: nothing to check unless said
    return grants


def check_milestone_list(value, _ctx):
    """Validate a front-matter milestone list; the date must match its precision."""
    milestones = _check_items(value, MILESTONE_KEYS, MILESTONE_RULES, required=("event", "status"))
    for index, milestone in enumerate(milestones):
        _normalise_milestone_date(milestone, index)
        milestone["kind"] = milestone["kind"] or "other"
        milestone["review"] = milestone["review"] or []
    return milestones


def _normalise_milestone_date(milestone: dict, index: int) -> None:
    date = milestone["date"]
    if isinstance(date, dt.date):
        date = date.isoformat()
    elif isinstance(date, int):
        date = str(date)
    milestone["date"] = date
    if date is None:
        milestone["precision"] = None
        return
    precision = milestone["precision"] or next(
        (name for name, pattern in PRECISIONS.items() if re.match(pattern, date)), None
    )
    if precision is None or not re.match(PRECISIONS[precision], date):
        raise Invalid(f"a date matching its precision ({precision or PRECISION_NAMES})", date,
                      line_offset=0, subfield=f"{index}.date")
    if not _on_calendar(date, precision):
        raise Invalid(f"a {precision} on the calendar between {moments.MIN_YEAR} and "
                      f"{moments.MAX_YEAR}", date, subfield=f"{index}.date")
    milestone["precision"] = precision


def _on_calendar(date: str, precision: str) -> bool:
    """2024-02-30 and 2024-13 have the right shape and name no day or month."""
    if not moments.in_range(int(date[:4])):
        return False
    if precision == "day":
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return False
    return precision != "month" or 1 <= int(date[5:7]) <= 12


def _check_items(value, keys, rules, required):
    if not isinstance(value, list):
        raise Invalid("a list of mappings", value)
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise Invalid("a mapping", item, subfield=str(index))
        for key in item:
            if key not in keys:
                raise Invalid("one of " + ", ".join(keys), key, subfield=f"{index}")
        for key in required:
            if item.get(key) in (None, ""):
                raise Invalid(f"a {key}", None, subfield=f"{index}.{key}")
        for key, raw in item.items():
            check, what = rules[key]
            if raw is not None and not check(raw, key):
                raise Invalid(what, raw, subfield=f"{index}.{key}")
        items.append({key: item.get(key) for key in keys})
    return items
