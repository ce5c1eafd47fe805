"""The grant contract's keys and the last step of every grant: term or expiry, review list.

A grant date with a term gives the expiry, a grant date with an expiry on an
anniversary gives the term; each inference is named in `review` (REVIEW_*).
"""

from __future__ import annotations

import datetime

from dateline.facts.fact_fields import GRANT_KEYS

REVIEW_CURRENCY = "currency inferred from the exchange"
REVIEW_EXPIRY = "expiry computed from the term"
REVIEW_TERM = "term computed from the expiry"
REVIEW_TABLE = "number read from a table"
REVIEW_LONG_TERM = "term too long to compute an expiry"

def add_months(day: datetime.date, months: int) -> datetime.date | None:
    """The same day N months later (the month's last day when it is shorter); None past 9999."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    return None


def complete_term(grant: dict) -> None:
    """Fill expiry from grant date and term, or term from grant date and expiry, noting it."""
    if not grant.get("grant_date"):
        return
    start = datetime.date.fromisoformat(grant["grant_date"])
    term = grant.get("term_years")
    if term is not None and grant.get("expiry_date") is None:
        months = term * 12
        if float(months).is_integer():
            expiry = add_months(start, int(months))
            if expiry is None:
                grant["review"].append(REVIEW_LONG_TERM)
            else:
                grant["expiry_date"] = expiry.isoformat()
                grant["review"].append(REVIEW_EXPIRY)
    elif term is None and grant.get("expiry_date"):
        expiry = datetime.date.fromisoformat(grant["expiry_date"])
        months = (expiry.year - start.year) * 12 + expiry.month - start.month
        if months > 0 and add_months(start, months) == expiry:
            grant["term_years"] = months // 12 if months % 12 == 0 else round(months / 12, 4)
            grant["review"].append(REVIEW_TERM)


def finish(grant: dict) -> dict:
    """The contract's keys in order, the term completed and the review reasons listed."""
    if grant["currency_stated"] is False:
        grant["review"].insert(0, REVIEW_CURRENCY)
    complete_term(grant)
    grant["review"] = list(dict.fromkeys(grant["review"]))
    return {key: grant.get(key) for key in GRANT_KEYS}
