"""Planted facts: milestones and stock-option grants, with what extraction should find.

The recall tests read what these functions record, so they are kept in one place.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline_corpus import words
from dateline_corpus.draft import Draft
from dateline_corpus.model import _add_years, _count, _sentence_case, _shift, month_text

# --- milestones -------------------------------------------------------------------


def _add_milestones(draft: Draft) -> None:
    """Plant 1-3 milestones, achieved (before the release day) or planned (after it)."""
    events = words.MILESTONE_EVENTS[draft.issuer.sector]
    chosen = draft.rng.sample(events, min(len(events), draft.rng.randint(1, 3)))
    sentences = [_milestone_sentence(draft, event) for event in chosen]
    draft.mean("milestone", *sentences)
    if len(sentences) > 1 and draft.chance(0.3):
        draft.para("Operational highlights for the period:")
        draft.blocks.append(("bullets", "\n".join(sentence.rstrip(".") for sentence in sentences)))
        draft.mean("none", "Operational highlights for the period:")
        draft.mean("milestone", *(sentence.rstrip(".") for sentence in sentences))
        for record in draft.milestones[-len(sentences) :]:
            record["sentence"] = record["sentence"].rstrip(".")
    else:
        draft.para(*sentences)
    draft.tag("operations")


def _milestone_sentence(draft: Draft, event) -> str:
    """One planted milestone sentence, recorded for recall tests."""
    kind, subject, done, planned = event
    subject = subject.format(
        commodity=draft.issuer.commodity,
        project=draft.issuer.project,
        place=draft.lex.word("place"),
        partner=f"{draft.lex.word('proper')} Trading",
        n=draft.rng.randint(2, 40),
        m=draft.rng.randint(1, 36),
    )
    achieved = draft.chance(0.55)
    date_value, precision, phrase = _milestone_date(draft, achieved)
    verb = done if achieved else planned
    if phrase == "today":
        sentence = f"{_sentence_case(subject)} {verb} today."
    elif achieved and precision == "day" and draft.chance(0.4):
        sentence = f"On {phrase}, {subject} {verb}."
    elif achieved:
        sentence = f"{_sentence_case(subject)} {verb} {_preposition(precision, phrase)} {phrase}."
    elif re.match(r"(is|are) expected to ", verb) and draft.chance(0.3):
        will = re.sub(r"^(is|are) expected to ", "will ", verb)
        when = f"{_preposition(precision, phrase)} {phrase}"
        sentence = f"Management expects that {subject} {will} {when}."
    else:
        sentence = f"{_sentence_case(subject)} {verb} {_preposition(precision, phrase)} {phrase}."
    draft.milestones.append(
        {
            "date": date_value,
            "precision": precision,
            "date_text": phrase,
            "event": f"{subject} {verb}",
            "kind": kind,
            "status": "achieved" if achieved else "planned",
            "project": draft.issuer.project,
            "sentence": sentence,
        }
    )
    return sentence


def _preposition(precision: str, phrase: str) -> str:
    """ "on May 27, 2013", "in July 2010", "during the first half of 2015"."""
    if precision == "day":
        return "on"
    if phrase.startswith("the "):
        return "during"
    return "in"


def _milestone_date(draft: Draft, achieved: bool) -> tuple[str, str, str]:
    """(ISO date or month or year, precision, the words in the text)."""
    rng = draft.rng
    offset = rng.randint(3, 330) * (-1 if achieved else 1)
    day = _shift(draft.day, offset)
    form = rng.random()
    if achieved and form < 0.08:
        return draft.day.isoformat(), "day", "today"
    if form < 0.45:
        return day.isoformat(), "day", draft.date(day)
    if form < 0.65:
        return f"{day.year:04d}-{day.month:02d}", "month", month_text(day)
    if form < 0.72 and achieved:
        phrase = f"the first two weeks of {month_text(day)}"
        return f"{day.year:04d}-{day.month:02d}", "month", phrase
    quarter = (day.month - 1) // 3 + 1
    if achieved and (day.year, quarter) == (draft.day.year, (draft.day.month - 1) // 3 + 1):
        return f"{day.year:04d}-{day.month:02d}", "month", month_text(day)
    # Quarters and halves keep what the text says (YYYY-Qn, YYYY-Hn); "late 2016" is a year.
    half = 1 if quarter < 3 else 2
    forms = (
        (f"Q{quarter} {day.year}", f"{day.year:04d}-Q{quarter}", "quarter"),
        (f"the {words.ORDINALS[quarter]} quarter of {day.year}", f"{day.year:04d}-Q{quarter}",
         "quarter"),
        (f"the {'first' if half == 1 else 'second'} half of {day.year}", f"{day.year:04d}-H{half}",
         "half"),
        (f"{half}H{day.year % 100:02d}", f"{day.year:04d}-H{half}", "half"),
        (f"{('early', 'mid-', 'mid-', 'late')[quarter - 1]} {day.year}".replace("- ", "-"),
         f"{day.year:04d}", "year"),
    )
    phrase, value, precision = forms[rng.randrange(len(forms))]
    return value, precision, phrase


# --- stock-option grants ------------------------------------------------------------


def _add_grants(draft: Draft, units_only: bool) -> None:
    """Plant one option grant, sometimes with RSUs or DSUs beside it, or share units alone."""
    if units_only:
        draft.para(_unit_grant(draft, draft.pick(("rsu", "dsu", "psu"))))
    else:
        draft.para(*_option_grant(draft))
        if draft.chance(0.3):
            draft.para(_unit_grant(draft, draft.pick(("rsu", "dsu"))))
    draft.tag("stock-options")


def _grant_record(draft: Draft, **facts) -> dict:
    """Record a planted grant with every field of the DESIGN.md contract."""
    record = {
        "security": "option",
        "recipient": None,
        "role": None,
        "number": None,
        "exercise_price": None,
        "currency": None,
        "currency_stated": None,
        "term_years": None,
        "expiry_date": None,
        "vesting": None,
        "grant_date": draft.day.isoformat(),
        "conditions": None,
        "sentence": None,
    }
    record.update(facts)
    draft.grants.append(record)
    return record


def _recipient(draft: Draft) -> tuple[str, str | None, str]:
    """(recipient as recorded, role, the words naming them in the text)."""
    if draft.chance(0.6):
        group, role = draft.pick(words.GRANT_GROUPS)
        return group, role, f"{group} of the Company"
    person = draft.lex.person()
    described, role = draft.pick(words.PERSON_ROLES)
    return person, role, f"{person}, {described}"


def _option_grant(draft: Draft) -> list[str]:
    """One planted option grant in one of several phrasings, recorded."""
    rng = draft.rng
    recipient, role, named = _recipient(draft)
    number = rng.choice((25, 50, 75, 100, 150, 200, 250, 300, 500, 750, 1000, 1250, 2000, 3500))
    number *= 1000
    price = _exercise_price(draft)
    price_text, stated = draft.money(price, per_share=True)
    grant_day = draft.day if draft.chance(0.8) else _shift(draft.day, -rng.randint(1, 20))
    years = rng.choice((2, 3, 5, 5, 5, 7, 10))
    by_term = draft.chance(0.6)
    expiry = _add_years(grant_day, years)
    term_text = _term_text(draft, years, expiry, by_term)
    when = "has granted" if grant_day == draft.day else f"granted, on {draft.date(grant_day)},"
    amount = (
        _count(number) if number < 1_000_000 or draft.chance(0.5) else f"{number / 1e6:g} million"
    )
    sentence = draft.pick(
        (
            f"The Company {when} incentive stock options to purchase an aggregate of {amount}"
            f" common shares to {named}, exercisable at {price_text} per share {term_text}.",
            f"The Company {when} {amount} stock options to {named} at an exercise price of"
            f" {price_text} per share {term_text}.",
        )
    )
    vesting_text, vesting = draft.pick(words.VESTING)
    conditions = None
    extra = ""
    if draft.issuer.tickers[0].exchange == "TSXV" and draft.chance(0.4):
        conditions = "subject to TSX Venture Exchange acceptance"
        extra = "The grant is subject to TSX Venture Exchange acceptance."
    _grant_record(
        draft,
        recipient=recipient,
        role=role,
        number=number,
        exercise_price=price,
        currency=draft.currency,
        currency_stated=stated,
        term_years=years if by_term else None,
        expiry_date=expiry.isoformat(),
        vesting=vesting,
        grant_date=grant_day.isoformat(),
        conditions=conditions,
        sentence=sentence,
    )
    draft.mean("grant", sentence, vesting_text, extra)
    return [sentence, vesting_text, extra]


def _term_text(draft: Draft, years: int, expiry: dt.date, by_term: bool) -> str:
    """Either the stated term or the stated expiry date, never both."""
    if by_term:
        return f"for a period of {_years_text(draft, years)}"
    return draft.pick(("until", "expiring on", "with an expiry date of")) + " " + draft.date(expiry)


def _exercise_price(draft: Draft) -> float:
    """A price in the range the issuer's exchange usually sees."""
    exchange = draft.issuer.tickers[0].exchange
    low, high = {
        "TSXV": (0.05, 2.5),
        "CSE": (0.05, 1.5),
        "ASX": (0.02, 0.9),
        "AIM": (0.02, 0.6),
        "OTCQX": (0.2, 3.0),
    }.get(exchange, (1.0, 45.0))
    price = draft.rng.uniform(low, high)
    return round(price, 3 if price < 0.1 else 2)


def _years_text(draft: Draft, years: int) -> str:
    """ "five years", "5 years" or "five (5) years"."""
    form = draft.rng.random()
    if form < 0.4:
        return f"{words.NUMBER_WORDS[years]} years"
    if form < 0.7:
        return f"{years} years"
    return f"{words.NUMBER_WORDS[years]} ({years}) years"


def _unit_grant(draft: Draft, security: str) -> str:
    """An RSU, DSU or PSU award: no exercise price, no term."""
    name, short = words.UNIT_NAMES[security]
    number = draft.rng.choice((10, 20, 25, 40, 60, 75, 100, 150, 300)) * 1000
    if security == "dsu":
        recipient, role, vesting = "non-executive directors", "director", None
        sentence = (
            f'The Company also granted {_count(number)} {name} ("{short}") to'
            f" {recipient} in lieu of cash fees."
        )
    else:
        recipient, role, named = _recipient(draft)
        vesting = draft.pick(("thirds", "staged over 24 months"))  # the grant contract's words
        schedule = "in three equal annual tranches" if vesting == "thirds" else "over 24 months"
        sentence = (
            f'In addition, {_count(number)} {name} ("{short}") were granted to'
            f" {named}, vesting {schedule}."
        )
    _grant_record(
        draft,
        security=security,
        recipient=recipient,
        role=role,
        number=number,
        vesting=vesting,
        sentence=sentence,
    )
    draft.mean("grant", sentence)
    return sentence


def _add_non_grant(draft: Draft) -> None:
    """Plant a sentence that mentions options but is not a grant (DESIGN.md's list)."""
    sentence = draft.pick(words.NON_GRANTS).format(
        n=_count(draft.rng.randint(1, 40) * 25_000),
        place=draft.lex.word("place"),
        person=draft.lex.person(),
    )
    draft.non_grants.append(sentence)
    draft.mean("non-grant", sentence)
    draft.para(sentence)


def _add_reference(draft: Draft) -> None:
    """A dated reference to an earlier news release: not a milestone."""
    earlier = _shift(draft.day, -draft.rng.randint(10, 300))
    sentence = (
        f"As previously announced in the Company's news release dated"
        f" {draft.date(earlier)}, the {draft.issuer.project} work program remains"
        " on schedule."
    )
    draft.non_milestones.append(sentence)
    draft.mean("non-milestone", sentence)
    draft.para(sentence)
