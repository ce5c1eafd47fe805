"""A release being written (`Draft`), its date, and the lead and project paragraphs topics share.

Topics, facts and sections all append to a Draft; this module holds what they build on.
"""

from __future__ import annotations

import datetime as dt
import random

from dateline_corpus import words
from dateline_corpus.model import LATEST_DATE, TICKER_MARK, Issuer, Lexicon, _count, day_text

# --- dates -------------------------------------------------------------------------


def corpus_window(start_year: int, end_year: int) -> tuple[dt.date, dt.date]:
    """First and last possible release day; never past LATEST_DATE."""
    if start_year > end_year:
        raise ValueError(f"start year {start_year} is after end year {end_year}")
    if start_year > LATEST_DATE.year:
        raise ValueError(f"start year must be {LATEST_DATE.year} or earlier")
    return dt.date(start_year, 1, 1), min(dt.date(end_year, 12, 31), LATEST_DATE)


def _release_moment(rng, first: dt.date, last: dt.date):
    """A release date, as YAML will read it: a date, an aware datetime or a string."""
    day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
    while day.weekday() >= 5 and day > first:
        day -= dt.timedelta(days=1)
    form = rng.random()
    if form < 0.6:
        return day
    hour, minute = rng.choice(((6, 0), (7, 0), (7, 30), (8, 0), (8, 30), (9, 0), (16, 5)))
    if form < 0.85:
        offset = dt.timezone(dt.timedelta(hours=-4 if 3 < day.month < 11 else -5))
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=offset)
    return f"{day.isoformat()} {hour:02d}:{minute:02d}"


# --- composing one release -----------------------------------------------------------


class Draft:
    """A release being written: its random stream, issuer, day, blocks and planted facts."""

    def __init__(self, rng: random.Random, issuer: Issuer, day: dt.date):
        self.rng = rng
        self.issuer = issuer
        self.day = day
        self.lex = Lexicon(rng)
        self.blocks: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.grants: list[dict] = []
        self.milestones: list[dict] = []
        self.non_grants: list[str] = []
        self.non_milestones: list[str] = []
        self.lead_milestones: list[dict] = []
        self.meanings: dict[str, str] = {}
        self.legends: list[str] = []
        self.has_fls = False
        self.lead_clause = ""

    def date(self, day: dt.date) -> str:
        return day_text(day, self.issuer.british_dates)

    def tag(self, *tags: str) -> None:
        self.tags.extend(tag for tag in tags if tag not in self.tags)

    def para(self, *sentences: str) -> None:
        text = " ".join(sentence for sentence in sentences if sentence)
        if text:
            self.blocks.append(("para", text))
        self.mean("none", *sentences)

    def mean(self, meaning: str, *sentences: str) -> None:
        """Record what sentences mean; the first meaning given to a sentence stays."""
        for sentence in sentences:
            if sentence:
                self.meanings.setdefault(sentence, meaning)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options):
        return self.rng.choice(options)

    @property
    def currency(self) -> str:
        return self.issuer.tickers[0].currency

    def money(
        self, amount: float, stated: bool | None = None, per_share: bool = False
    ) -> tuple[str, bool]:
        """Format an amount in the issuer's currency; returns (text, currency stated?)."""
        currency = self.currency
        if currency == "GBP":
            if per_share and self.chance(0.6):
                return f"{amount * 100:g} pence", True
            if per_share:
                return f"£{amount:.3f}".rstrip("0").rstrip("."), True
            return f"£{amount:,.2f}".replace(".00", ""), True
        stated = self.chance(0.45) if stated is None else stated
        prefix = {"CAD": ("C$", "CAD$", "C$"), "USD": ("US$",), "AUD": ("A$",)}[currency]
        if amount >= 1000 and amount == int(amount):
            number = f"{int(amount):,}"
        else:
            number = f"{amount:,.2f}" if amount >= 0.1 else f"{amount:.3f}"
        return (self.pick(prefix) if stated else "$") + number, stated


def _lead(draft: Draft, clause: str, *more: str, event: str | None = None) -> None:
    """The opening paragraph: issuer, alias, ticker placeholder and the news.

    `event` is the milestone kind the clause reports (achieved, undated: the lead
    says what happened, not when), or None when the news is no milestone.
    """
    issuer = draft.issuer
    verb = draft.pick(
        (
            "is pleased to announce that",
            "announces that",
            "today announced that",
            "is pleased to report that",
            "reports that",
        )
    )
    alias = draft.pick(
        (
            f'("{issuer.short}" or the "Company")',
            f'("{issuer.short}")',
            '(the "Company")',
            f'("{issuer.short}", or the "Company")',
        )
    )
    opening = f"{issuer.name} {alias} ({TICKER_MARK}) {verb} {clause}."
    draft.lead_clause = clause
    draft.blocks.append(("lead", " ".join((opening,) + more)))
    if event:
        draft.lead_milestones.append({
            "date": None, "precision": None, "date_text": None, "event": clause, "kind": event,
            "status": "achieved", "project": issuer.project, "sentence": opening,
        })
        draft.mean("milestone", opening)
    draft.mean("none", opening, *more)


def _geography(draft: Draft) -> str:
    """Where the project is; two place names from the long tail."""
    issuer, lex = draft.issuer, draft.lex
    return (
        f"The {issuer.project} Project covers approximately"
        f" {_count(draft.rng.randint(8, 400) * 50)}"
        f" hectares, {draft.rng.randint(12, 180)} kilometres {draft.pick(words.DIRECTIONS)} of"
        f" {lex.word('place')} in {issuer.project_region}, and is reached by an all-season road"
        f" from {lex.word('place')}."
    )


def _geology(draft: Draft) -> list[str]:
    """Technical colour that carries most of the rare vocabulary."""
    lex, issuer = draft.lex, draft.issuer
    sentences = [
        f"Mineralization is hosted in {lex.word('term')} {lex.word('mineral')}-bearing"
        f" {lex.word('term')} units of the {lex.word('proper')} Formation and is associated"
        f" with {lex.word('mineral')} and {lex.word('mineral')} alteration along the"
        f" {lex.word('proper')} {draft.pick(('shear', 'fault', 'trend', 'corridor'))}.",
        f"The {lex.word('proper')} zone remains open along strike to the"
        f" {draft.pick(words.DIRECTIONS)} and at depth, and the {lex.word('proper')} and"
        f" {lex.word('proper')} showings have returned similar {issuer.commodity} values in"
        f" {lex.word('term')} {lex.word('mineral')} veins.",
    ]
    if draft.chance(0.5):
        sentences.append(
            f"Surface work near {lex.word('place')} identified {lex.word('term')}"
            f" {lex.word('mineral')} boulders in {lex.word('term')} till down-ice of the"
            f" {lex.word('proper')} target."
        )
    return sentences


def _drill_highlights(draft: Draft) -> None:
    """A bullet list of drill intercepts, as exploration releases have."""
    lex, rng = draft.lex, draft.rng
    code = draft.issuer.project[:2].upper()
    lines = []
    for _ in range(rng.randint(2, 5)):
        hole = f"{code}-{draft.day.year % 100:02d}-{rng.randint(1, 60):02d}"
        grade = round(rng.uniform(0.2, 12.0), 2)
        width = round(rng.uniform(1.0, 60.0), 1)
        unit = "% " + draft.issuer.commodity if draft.issuer.commodity != "gold" else "g/t gold"
        lines.append(
            f"Hole {hole} intersected {grade} {unit} over {width} metres in"
            f" {lex.word('term')} {lex.word('mineral')}"
        )
    draft.blocks.append(("bullets", "\n".join(lines)))
