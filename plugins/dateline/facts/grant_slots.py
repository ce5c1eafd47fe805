"""The slots of a grant and how a piece of text fills them (`grant_frame` calls these).

A slot is filled only when empty; a price never goes to units or shares; several
grants in one sentence share a field stated once and take fields stated once each
in order.
"""

from __future__ import annotations

import datetime
import re

from dateline.content.exchanges import EXCHANGES
from dateline.facts import grant_mentions as gm
from dateline.facts import grant_terms as terms
from dateline.facts import grant_vesting as vesting
from dateline.facts.fact_fields import GRANT_KEYS

PRICED = {"option", "warrant", "sar"}
# what a grant's later sentences may fill: the fact schema's terms, not who, what or how many
SLOTS = tuple(key for key in GRANT_KEYS
              if key not in ("security", "recipient", "role", "number", "sentence", "review"))


def new_grant(mention: gm.Mention, recipient, role, sentence: str) -> dict:
    grant = {key: None for key in GRANT_KEYS}
    grant.update(
        security=mention.security,
        recipient=recipient,
        role=role,
        number=mention.number,
        sentence=sentence,
        review=[],
        _span=(mention.start, mention.end),
    )
    return grant


def table(template: dict, passage: str, aggregate: dict | None) -> dict:
    """An open table frame: the shared terms, the passage, the aggregate the rows may replace."""
    return {"template": template, "header": None, "passage": passage, "aggregate": aggregate,
            "rows": []}


# --- attributes ---------------------------------------------------------------------------


def attributes(
    text: str,
    release: datetime.date,
    dollar: str | None,
    grant_day: datetime.date | None = None,
    follow_up: bool = False,
) -> dict:
    """Every slot one piece of text states."""
    found = dict.fromkeys(SLOTS)
    found_prices = terms.prices(text, dollar)
    if found_prices:
        found["exercise_price"], found["currency"], found["currency_stated"] = found_prices[0]
    stated_terms = terms.terms(text)
    found["term_years"] = stated_terms[0] if stated_terms else None
    stated_expiries = terms.expiries(text, release)
    found["expiry_date"] = stated_expiries[0] if stated_expiries else None
    day = terms.grant_date(text, release)
    if follow_up and not re.search(r"(?i)\bgrant", text):
        day = None
    found["grant_date"] = day
    start = grant_day or (datetime.date.fromisoformat(day) if day else None)
    vestings = vesting.vestings(text, start)
    found["vesting"] = vestings[0] if vestings else None
    found["conditions"] = terms.conditions(text)
    return found


def apply(grant: dict, values: dict, conditions_join: bool = False) -> None:
    """Fill the grant's empty slots; a price never goes to units or shares."""
    for key, value in values.items():
        if value is None:
            continue
        if (
            key in ("exercise_price", "currency", "currency_stated")
            and grant["security"] not in PRICED
        ):
            continue
        if key == "conditions" and conditions_join and grant.get(key):
            if value not in grant[key]:
                grant[key] = f"{grant[key]}; {value}"
            continue
        if grant.get(key) is None:
            grant[key] = value


def distribute(grants, sentence, mentions, release, dollar) -> None:
    """Give each grant of one sentence the fields stated once for all or once for each."""
    whole = attributes(sentence, release, dollar)
    if len(mentions) == 1:
        for grant in grants:
            apply(grant, whole)
        return
    spans = [(m.start, m.end) for m in mentions]
    segments = [
        segment_values(
            sentence[m.start : (mentions[i + 1].start if i + 1 < len(mentions) else len(sentence))],
            release,
            dollar,
        )
        for i, m in enumerate(mentions)
    ]
    lists = {
        "price": terms.prices(sentence, dollar),
        "term": terms.terms(sentence),
        "expiry": terms.expiries(sentence, release),
        "vesting": vesting.vestings(sentence),
    }
    priced = [(m.start, m.end) for m in mentions if m.security in PRICED]
    for grant in grants:
        values = dict(whole)
        index = spans.index(grant["_span"])
        for name, items in lists.items():
            pool = priced if name == "price" else spans
            if (
                len(items) == 1
                and len(pool) > 1
                and segments[index].get(name) is None
                and name != "price"
            ):
                set_field(values, name, None if owned_earlier(segments, name) else items[0])
            elif len(items) > 1 and len(items) == len(pool) and grant["_span"] in pool:
                set_field(values, name, items[pool.index(grant["_span"])])
            elif len(items) > 1:
                set_field(values, name, segments[index].get(name))
        apply(grant, values)


def owned_earlier(segments, name) -> bool:
    """A single term or vesting written before the last grant's segment belongs to its own grant.

    Written after the last mention ("..., each exercisable at C$2.40 until ...") it
    applies to every grant of the sentence.
    """
    return any(segment.get(name) is not None for segment in segments[:-1])


def segment_values(text, release, dollar) -> dict:
    found = {
        "price": terms.prices(text, dollar),
        "term": terms.terms(text),
        "expiry": terms.expiries(text, release),
        "vesting": vesting.vestings(text),
    }
    return {name: items[0] if len(items) == 1 else None for name, items in found.items()}


def set_field(values: dict, name: str, item) -> None:
    if name == "price":
        values["exercise_price"], values["currency"], values["currency_stated"] = item or (
            None,
            None,
            None,
        )
    elif name == "term":
        values["term_years"] = item
    elif name == "expiry":
        values["expiry_date"] = item
    else:
        values["vesting"] = item


DOLLAR_CURRENCIES = {"CAD", "USD", "AUD", "NZD", "HKD", "SGD"}


def dollar_currency(exchanges: list[str]) -> str | None:
    """The currency a bare "$" means: the primary (first) listing's, if it is a dollar."""
    for code in exchanges or []:
        if code in EXCHANGES:
            currency = EXCHANGES[code][1]
            return currency if currency in DOLLAR_CURRENCIES else None
    return None

