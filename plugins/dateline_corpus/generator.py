"""Deterministic corpus of fictional press releases for tests, demos and benchmarks.

`dateline generate --count N --out DIR --seed S` writes a complete Pelican
content folder: releases, `issuer.yaml` and an about page. Release `i` is built
from its own `random.Random` seeded by `(seed, i)`, so the first 1,000 releases
of a 10,000-release corpus are byte-identical to a 1,000-release corpus. Only
slug de-duplication looks at earlier releases, and it only looks backwards.

Vocabulary grows the way real text does (Heaps' law): besides the fixed phrase
bank, every release draws place, project, person, mineral and technical words
from a Zipf-like distribution over an open-ended synthetic lexicon
(`lexicon_word`), so rarely seen words keep appearing as the corpus grows.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from dateline.content.exchanges import Ticker
from dateline_corpus import words

logger = logging.getLogger(__name__)

# The corpus calendar ends here: no release is ever dated in the future, and
# the corpus does not depend on the day it is generated.
LATEST_DATE = dt.date(2025, 12, 31)
# Lexicon ranks follow a Zipf-Mandelbrot-like law:
#   P(rank > ZIPF_SHIFT * (r - 1)) = r ** -ZIPF_EXPONENT
# A smaller exponent or a larger shift makes the vocabulary grow faster (Heaps' beta near 0.67).
ZIPF_EXPONENT = 0.5
ZIPF_SHIFT = 30
MAX_RANK = 1 << 22
TICKER_MARK = "@@TICKER@@"

TSXV_LEGEND = (
    "Neither TSX Venture Exchange nor its Regulation Services Provider (as that term is defined"
    " in the policies of the TSX Venture Exchange) accepts responsibility for the adequacy or"
    " accuracy of this release."
)
US_NEWSWIRE_LEGEND = (
    "NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES OR DISSEMINATION IN THE UNITED STATES"
)
AIM_LEGEND = (
    "This announcement contains inside information for the purposes of Article 7 of the"
    " Market Abuse Regulation (EU) No. 596/2014."
)
FLS_HEADING = "Forward-Looking Statements"


# --- data model -----------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """An investor-relations contact, as written in issuer.yaml."""

    key: str
    name: str
    title: str
    phone: str
    email: str


@dataclass(frozen=True)
class Issuer:
    """A fictional listed company whose releases the corpus carries."""

    key: str
    name: str
    short: str
    sector: str
    industry: str
    commodity: str
    tickers: tuple
    country: str
    city: str
    region: str
    region_short: str
    project: str
    project_region: str
    acquired: dt.date
    founded: int
    ceo: str
    contact: Contact
    domain: str

    @property
    def british_dates(self) -> bool:
        return self.country in ("Australia", "United Kingdom")


@dataclass
class GeneratedRelease:
    """One generated release, with what it planted for recall tests."""

    index: int
    issuer: Issuer
    slug: str
    front_matter: dict
    body_markdown: str
    blocks: list
    text_dateline: str
    text_ticker: str
    md_ticker: str
    expected_grants: list = field(default_factory=list)
    expected_milestones: list = field(default_factory=list)
    expected_non_grants: list = field(default_factory=list)
    expected_non_milestones: list = field(default_factory=list)
    # Every milestone the release means: the planted ones and the lead's own event.
    meant_milestones: list = field(default_factory=list)
    # (sentence, meaning) for every body sentence written: "milestone", "grant",
    # "non-grant", "non-milestone" or "none".
    sentence_meanings: list = field(default_factory=list)

    @property
    def date(self) -> dt.date:
        return _as_date(self.front_matter["date"])

    @property
    def relpath(self) -> str:
        day = self.date
        return f"releases/{day.year}/{day.isoformat()}-{self.slug}.md"


# --- the open-ended lexicon -----------------------------------------------------


@functools.lru_cache(maxsize=1 << 17)
def lexicon_word(kind: str, rank: int) -> str:
    """The rank-th word of a kind; a pure function of (kind, rank), alphabetic only."""
    digest = hashlib.blake2b(f"{kind}:{rank}".encode(), digest_size=16).digest()
    number = int.from_bytes(digest, "big")
    syllables = 2 + (rank > 2000 and number % 3 == 0)
    parts = []
    coda = ""
    for _ in range(syllables):
        onsets = words.ONSETS if not coda else words.SIMPLE_ONSETS
        number, onset = divmod(number, len(onsets))
        number, vowel = divmod(number, len(words.VOWELS))
        number, coda_index = divmod(number, len(words.CODAS))
        coda = words.CODAS[coda_index]
        parts.append(onsets[onset] + words.VOWELS[vowel] + coda)
    endings = words.LEXICON_ENDINGS[kind]
    word = "".join(parts) + endings[number % len(endings)]
    word = re.sub(r"(.)\1\1+", r"\1\1", word)
    return word.capitalize() if kind in ("place", "proper", "surname", "product") else word


class Lexicon:
    """Zipf-distributed draws from the open-ended lexicon, for one release."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def rank(self) -> int:
        u = 1.0 - self.rng.random()
        return min(int(ZIPF_SHIFT * (u ** (-1.0 / ZIPF_EXPONENT) - 1.0)) + 1, MAX_RANK)

    def word(self, kind: str) -> str:
        return lexicon_word(kind, self.rank())

    def person(self) -> str:
        first = _zipf_pick(self.rng, words.FIRST_NAMES)
        if self.rng.random() < 0.55:
            return f"{first} {_zipf_pick(self.rng, words.SURNAMES)}"
        return f"{first} {self.word('surname')}"


def _zipf_pick(rng: random.Random, items):
    """Pick from a list with a Zipf-like bias to the front, like real name frequencies."""
    index = int(len(items) * rng.random() ** 2.2)
    return items[min(index, len(items) - 1)]


# --- small text helpers ------------------------------------------------------------


def _as_date(value) -> dt.date:
    """The calendar day of a front-matter date value."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def slugify(text: str, max_length: int = 72) -> str:
    """Lowercase hyphenated slug, cut at a word boundary."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def day_text(day: dt.date, british: bool) -> str:
    month = words.MONTHS[day.month - 1]
    return f"{day.day} {month} {day.year}" if british else f"{month} {day.day}, {day.year}"


def month_text(day: dt.date) -> str:
    return f"{words.MONTHS[day.month - 1]} {day.year}"


def _add_years(day: dt.date, years: int) -> dt.date:
    """Same day N years later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def title_case(text: str) -> str:
    """Headline capitalisation: small words stay lowercase."""
    return " ".join(
        word if word in words.SMALL_WORDS else word[:1].upper() + word[1:] for word in text.split()
    )


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(number: int) -> str:
    return f"{number:,}"


# --- issuers ---------------------------------------------------------------------


def build_issuers(seed: int) -> list[Issuer]:
    """The fictional issuers of a corpus: 20-40 of them, a pure function of the seed."""
    rng = random.Random(f"dateline-corpus-issuers:{seed}")
    count = rng.randint(20, 40)
    prefixes = list(words.ISSUER_PREFIXES)
    rng.shuffle(prefixes)
    listings = _listing_plan(rng, count)
    used_symbols: set[str] = set()
    issuers = []
    for number in range(count):
        prefix = prefixes[number] if number < len(prefixes) else lexicon_word("proper", number)
        issuers.append(_make_issuer(rng, number, prefix, listings[number], used_symbols))
    return issuers


def _listing_plan(rng: random.Random, count: int) -> list[tuple]:
    """One listing per issuer; every required exchange appears at least once."""
    plans = [listing for listing, _ in words.LISTINGS]
    weights = [weight for _, weight in words.LISTINGS]
    chosen = []
    for exchange in words.REQUIRED_EXCHANGES:
        chosen.append(next(plan for plan in plans if plan[0] == exchange))
    chosen.append(("TSX", "NYSE American"))
    chosen.append(("TSXV", "OTCQX"))
    while len(chosen) < count:
        chosen.append(rng.choices(plans, weights)[0])
    rng.shuffle(chosen)
    return chosen


def _make_issuer(rng, number, prefix, listing, used_symbols) -> Issuer:
    """One fictional issuer: name, listing, head office, project and IR contact."""
    sectors = list(words.SECTORS)
    sector = rng.choices(sectors, [words.SECTORS[name][0] for name in sectors])[0]
    if listing[0] in ("ASX", "AIM", "TSXV", "CSE") and sector in ("biotech", "tech"):
        sector = "mining" if rng.random() < 0.7 else sector
    industry = rng.choice([word for word in words.SECTORS[sector][1] if word not in prefix])
    commodity = (
        industry.lower() if industry.lower() in words.COMMODITIES else rng.choice(words.COMMODITIES)
    )
    country = words.EXCHANGE_COUNTRY[listing[0]]
    city, region, region_short, area = rng.choice(words.HEAD_OFFICES[country])
    name = f"{prefix} {industry} {_legal_suffix(rng, country)}"
    tickers = tuple(_ticker(rng, prefix, industry, code, used_symbols) for code in listing)
    lex = Lexicon(rng)
    key = slugify(f"{prefix} {industry}")
    domain = f"{prefix}{industry}".lower() + ".example"
    contact = Contact(
        key=f"{slugify(prefix)}-ir",
        name=lex.person(),
        title=rng.choice(words.CONTACT_TITLES),
        phone=_phone(rng, country, area),
        email=f"ir@{domain}",
    )
    return Issuer(
        key=key,
        name=name,
        short=prefix,
        sector=sector,
        industry=industry,
        commodity=commodity,
        tickers=tickers,
        country=country,
        city=city,
        region=region,
        region_short=region_short,
        project=_project_name(rng, sector, lex),
        project_region=rng.choice(words.PROJECT_REGIONS),
        acquired=dt.date(rng.randint(2008, 2020), rng.randint(1, 12), rng.randint(1, 28)),
        founded=rng.randint(1985, 2011),
        ceo=lex.person(),
        contact=contact,
        domain=domain,
    )


def _legal_suffix(rng, country) -> str:
    """Corp., Inc., Limited or plc, as the home country writes it."""
    options = {
        "Canada": ("Corp.", "Inc.", "Ltd.", "Corporation"),
        "United States": ("Inc.", "Corp.", "Holdings, Inc."),
        "Australia": ("Limited", "Ltd"),
        "United Kingdom": ("plc",),
    }[country]
    return rng.choice(options)


def _project_name(rng, sector, lex: Lexicon) -> str:
    """The flagship: a place-like name, a drug name or a product name."""
    stem = lexicon_word("place", rng.randint(1, 400))
    if sector in ("mining", "energy"):
        return stem
    if sector == "biotech":
        return lexicon_word("drug", rng.randint(1, 5000))
    return lexicon_word("product", rng.randint(1, 5000))


def _ticker(rng, prefix, industry, code, used) -> Ticker:
    """A symbol unique across the corpus, built from the issuer name where it can be."""
    letters = re.sub(r"[^A-Z]", "", (prefix + industry).upper())
    length = {"ASX": 3, "AIM": 3, "OTCQX": 5, "OTCQB": 5}.get(code, rng.choice((2, 3, 3, 4)))
    for attempt in range(200):
        pool = letters if attempt < 100 else "ABCDEFGHIJKLMNOPRSTUVWXYZ"
        body = prefix[0].upper() + "".join(rng.choice(pool) for _ in range(length - 1))
        if code in ("OTCQX", "OTCQB"):
            body = body[:4] + "F"
        if (code, body) not in used and body not in {symbol for _, symbol in used}:
            used.add((code, body))
            return Ticker(code, body)
    raise RuntimeError("no free ticker symbol")  # pragma: no cover - 200 tries never all clash


def _phone(rng, country, area) -> str:
    """A number from the ranges reserved for fiction (555-01xx, 5550, 7946 0xxx)."""
    tail = rng.randint(100, 199)
    if country in ("Canada", "United States"):
        return f"+1 {area} 555 0{tail}"
    if country == "Australia":
        return f"+61 {area} 5550 {rng.randint(1000, 9999)}"
    return f"+44 {area} 7946 0{tail}"


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


def compose(seed: int, index: int, issuers: list[Issuer], first: dt.date, last: dt.date):
    """Release number `index`: a pure function of (seed, index, issuers, window)."""
    rng = random.Random(f"dateline-corpus:{seed}:{index}")
    weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(issuers))]
    issuer = rng.choices(issuers, weights)[0]
    moment = _release_moment(rng, first, last)
    draft = Draft(rng, issuer, _as_date(moment))
    topic = _choose_topic(draft)
    headline = _write_body(draft, topic)
    return draft, moment, headline


def _choose_topic(draft: Draft) -> str:
    """What the release is about; each sector has its own mix."""
    topics = {
        "mining": (
            "operations",
            "exploration",
            "exploration",
            "financing",
            "results",
            "corporate",
            "permitting",
            "study",
            "acquisition",
            "grant",
        ),
        "energy": (
            "operations",
            "exploration",
            "financing",
            "results",
            "corporate",
            "acquisition",
            "grant",
        ),
        "biotech": (
            "clinical",
            "clinical",
            "regulatory",
            "financing",
            "results",
            "corporate",
            "partnership",
            "grant",
        ),
        "tech": ("product", "partnership", "financing", "results", "corporate", "grant"),
    }[draft.issuer.sector]
    return draft.pick(topics)


def _write_body(draft: Draft, topic: str) -> str:
    """Fill the draft's blocks in newswire order; return the headline."""
    issuer = draft.issuer
    canadian = issuer.country == "Canada"
    if canadian and draft.chance(0.55 if topic == "financing" else 0.2):
        draft.blocks.append(("legend-top", US_NEWSWIRE_LEGEND))
        draft.legends.append("us-newswire")
    if issuer.tickers[0].exchange == "AIM" and draft.chance(0.5):
        draft.blocks.append(("legend-top", AIM_LEGEND))
        draft.legends.append("aim-mar")
    phrase = TOPICS[topic](draft)
    grants_here = topic == "grant" or draft.chance(0.22)
    units_only = grants_here and draft.chance(0.12)
    if topic == "grant" and units_only:
        phrase = "Announces Grant of Share Units"
    elif topic != "grant" and grants_here and not units_only and draft.chance(0.5):
        phrase += " and Grant of Stock Options"
    if draft.chance(0.62 if topic != "grant" else 0.3):
        _add_milestones(draft)
    if grants_here:
        _add_grants(draft, units_only)
    _add_background(draft)
    if draft.chance(0.35):
        _add_investor_relations(draft)
    if draft.chance(0.15):
        _add_non_grant(draft)
    if draft.chance(0.12):
        _add_reference(draft)
    _add_quote(draft)
    if draft.chance(0.6):
        _add_outlook(draft)
    if issuer.sector == "mining" and draft.chance(0.5):
        _add_qualified_person(draft)
    _add_about(draft)
    _add_contacts(draft)
    _add_closing_legal(draft)
    name = issuer.name if draft.chance(0.8) else issuer.short
    return f"{name} {phrase}"


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


def _topic_operations(draft: Draft) -> str:
    issuer = draft.issuer
    work = draft.pick(
        (
            "optimization of milling operations",
            "expansion of the processing plant",
            "upgrade of the crushing circuit",
            "installation of the new flotation cells",
            "refurbishment of the tailings facility",
        )
    )
    _lead(
        draft,
        f"it has completed the {work} at its {issuer.project} Project",
        f"The work was carried out by {draft.lex.word('proper')} {draft.pick(words.CONTRACTORS)}"
        " on schedule and within budget.",
        event="completion",
    )
    draft.para(
        _geography(draft),
        f"Throughput at the plant averaged"
        f" {_count(draft.rng.randint(4, 60) * 100)} tonnes per day during the period.",
    )
    draft.tag("operations", draft.pick(("production", "commissioning", "construction")))
    return f"Announces Completion of the {title_case(work)} at {issuer.project}"


def _topic_exploration(draft: Draft) -> str:
    issuer = draft.issuer
    if issuer.sector == "energy":
        well = f"{draft.lex.word('place')} {draft.rng.randint(1, 16)}-{draft.rng.randint(1, 36)}"
        _lead(
            draft,
            f"drilling of the {well} well on its {issuer.project} acreage has reached"
            f" total depth of {_count(draft.rng.randint(15, 48) * 100)} metres",
            event="drilling",
        )
        draft.para(
            f"The well targets the {draft.lex.word('proper')} and {draft.lex.word('proper')}"
            f" formations, with {draft.lex.word('term')} sands logged over"
            f" {draft.rng.randint(5, 60)} metres.",
            _geography(draft),
        )
        draft.tag("exploration", "drilling")
        return f"Reaches Total Depth at the {well} Well"
    metres = _count(draft.rng.randint(10, 300) * 100)
    _lead(
        draft,
        f"results have been received from its {metres}-metre drill program at the"
        f" {issuer.project} Project in {issuer.project_region}",
    )
    _drill_highlights(draft)
    draft.para(*_geology(draft))
    draft.para(_geography(draft))
    draft.tag("exploration", "drilling")
    return f"Reports Drill Results from the {issuer.project} Project"


def _topic_financing(draft: Draft) -> str:
    rng = draft.rng
    millions = round(rng.uniform(0.5, 60.0), 1)
    price, _ = draft.money(round(rng.uniform(0.05, 4.0), 2), per_share=True)
    size, _ = draft.money(millions, stated=draft.currency != "GBP" and draft.chance(0.7))
    size = size.replace(".00", "") + " million"
    kind = draft.pick(
        (
            "non-brokered private placement",
            "brokered private placement",
            "bought deal financing",
            "placing",
        )
    )
    _lead(
        draft,
        f"it has closed its {kind} for gross proceeds of {size}",
        f"The offering consisted of {_count(rng.randint(2, 80) * 250_000)} common shares at a"
        f" price of {price} per share.",
        event="financing",
    )
    draft.para(
        f"Net proceeds will be used to advance the {draft.issuer.project} Project and for"
        " general working capital purposes.",
        f"{draft.lex.word('proper')} Capital acted as lead agent, and"
        f" {draft.lex.word('proper')} Securities and {draft.lex.word('proper')} Partners"
        " joined the syndicate.",
        "The securities issued are subject to a hold period of four months and one day.",
    )
    draft.tag("financing", "private-placement")
    return f"Closes {size} {title_case(kind)}"


def _topic_results(draft: Draft) -> str:
    rng = draft.rng
    quarter = rng.randint(1, 4)
    year = draft.day.year if quarter < 4 else draft.day.year - 1
    revenue, _ = draft.money(round(rng.uniform(0.5, 400.0), 1), stated=False)
    _lead(
        draft,
        f"it has filed its financial statements and management's discussion and"
        f" analysis for the {words.ORDINALS[quarter]} quarter of {year}",
        f"Revenue for the quarter was {revenue} million, and cash on hand at quarter end was"
        f" sufficient to fund planned work.",
    )
    draft.para(
        f"Costs reflected higher {draft.lex.word('term')} consumables and"
        f" {draft.lex.word('term')} maintenance at the {draft.issuer.project} site,"
        f" partly offset by lower {draft.lex.word('mineral')} reagent prices.",
        "All amounts are unaudited.",
    )
    draft.tag("financial-results", draft.pick(("guidance", "corporate")))
    return f"Reports {words.ORDINALS[quarter].title()} Quarter {year} Results"


def _topic_corporate(draft: Draft) -> str:
    person = draft.lex.person()
    role = draft.pick(words.OFFICER_TITLES)
    former = draft.lex.word("proper")
    _lead(
        draft,
        f"{person} has been appointed {role}, effective immediately",
        f"{person.split()[0]} brings more than {draft.rng.randint(10, 30)} years of experience,"
        f" most recently with {former} {draft.pick(('Resources', 'Capital', 'Group', 'Labs'))}"
        f" in {draft.lex.word('place')}.",
    )
    draft.para(f"The Company thanks {draft.lex.person()} for many years of service.")
    draft.tag("corporate", "management", *(("board",) if draft.chance(0.3) else ()))
    return f"Appoints {person} as {role}"


def _topic_permitting(draft: Draft) -> str:
    issuer = draft.issuer
    _lead(
        draft,
        f"it has received the environmental permit for the {issuer.project} Project"
        f" from the regional authority in {issuer.project_region}",
        event="permit",
    )
    draft.para(
        _geography(draft),
        f"The permit follows consultation with the"
        f" {draft.lex.word('proper')} community and the municipality of"
        f" {draft.lex.word('place')}.",
    )
    draft.tag("permitting", "esg")
    return f"Receives Environmental Permit for the {issuer.project} Project"


def _topic_study(draft: Draft) -> str:
    issuer = draft.issuer
    npv, _ = draft.money(round(draft.rng.uniform(20, 900)), stated=True)
    _lead(
        draft,
        f"it has filed a technical report on the {issuer.project} Project",
        f"The study estimates an after-tax net present value of {npv} million at a"
        f" {draft.rng.choice((5, 8, 10))}% discount rate.",
        event="other",
    )
    draft.para(*_geology(draft))
    draft.tag("feasibility-study", "resource-estimate")
    return f"Files Technical Report for the {issuer.project} Project"


def _topic_acquisition(draft: Draft) -> str:
    place = draft.lex.word("place")
    vendor = f"{draft.lex.word('proper')} {draft.pick(('Mining', 'Holdings', 'Ventures'))}"
    _lead(
        draft,
        f"it has completed the acquisition of the {place} property from {vendor}",
        f"The property adjoins the {draft.issuer.project} Project to the"
        f" {draft.pick(words.DIRECTIONS)}.",
        event="acquisition",
    )
    draft.para(*_geology(draft))
    draft.tag("acquisition")
    return f"Completes Acquisition of the {place} Property"


def _topic_clinical(draft: Draft) -> str:
    drug, lex = draft.issuer.project, draft.lex
    phase = draft.pick(("Phase 1", "Phase 1b", "Phase 2", "Phase 2a", "Phase 3"))
    indication = f"{lex.word('term')} {lex.word('proper')} syndrome"
    _lead(
        draft,
        f"it has opened enrolment in its {phase} trial of {drug} in patients with" f" {indication}",
    )
    draft.para(
        f"{_sentence_case(drug)} is an oral, selective inhibitor of {lex.word('proper')}"
        f" kinase that reduced {lex.word('term')} {lex.word('term')} signalling in"
        " preclinical models.",
        f"The trial is being conducted at {draft.rng.randint(4, 40)} sites in"
        f" {lex.word('place')}, {lex.word('place')} and {lex.word('place')}, led by"
        f" Dr. {lex.person()} of the {lex.word('place')} Institute.",
    )
    draft.tag("clinical-trials", "regulatory")
    return f"Opens Enrolment in {phase} Trial of {drug.capitalize()}"


def _topic_regulatory(draft: Draft) -> str:
    drug = draft.issuer.project
    _lead(
        draft,
        f"it has received clearance for its application to begin clinical testing" f" of {drug}",
        event="permit",
    )
    draft.para(
        f"The application included data from {draft.lex.word('term')}"
        f" {draft.lex.word('term')} studies conducted with {draft.lex.word('proper')}"
        " Laboratories."
    )
    draft.tag("regulatory")
    return f"Receives Clearance to Begin Clinical Testing of {drug.capitalize()}"


def _topic_partnership(draft: Draft) -> str:
    partner = (
        f"{draft.lex.word('proper')} {draft.pick(('Health', 'Logistics', 'Systems', 'Pharma'))}"
    )
    _lead(
        draft,
        f"it has signed a licence and distribution agreement with {partner} for"
        f" {draft.issuer.project}",
        event="agreement",
    )
    draft.para(
        f"{partner} serves customers in {draft.lex.word('place')} and"
        f" {draft.lex.word('place')} through its {draft.lex.word('term')} network."
    )
    draft.tag("partnerships")
    return f"Signs Agreement with {partner}"


def _topic_product(draft: Draft) -> str:
    product, lex = draft.issuer.project, draft.lex
    version = f"{draft.rng.randint(2, 9)}.0"
    _lead(draft, f"version {version} of its {product} platform is now generally available")
    draft.para(
        f"{product} {version} adds {lex.word('term')} analytics,"
        f" {lex.word('term')} edge processing and support for {lex.word('product')}"
        f" sensors, and is in use at {lex.word('place')} Health and"
        f" {lex.word('proper')} Municipal Power."
    )
    draft.tag("product-launch")
    return f"Launches {product} {version}"


def _topic_grant(draft: Draft) -> str:
    _lead(
        draft,
        "its board of directors has approved the grant of equity incentive awards"
        " under its omnibus incentive plan",
    )
    draft.tag("stock-options")
    return draft.pick(
        (
            "Announces Grant of Stock Options",
            "Grants Incentive Stock Options",
            "Announces Grant of Options and Share Units",
        )
    )


TOPICS = {
    "operations": _topic_operations,
    "exploration": _topic_exploration,
    "financing": _topic_financing,
    "results": _topic_results,
    "corporate": _topic_corporate,
    "permitting": _topic_permitting,
    "study": _topic_study,
    "acquisition": _topic_acquisition,
    "clinical": _topic_clinical,
    "regulatory": _topic_regulatory,
    "partnership": _topic_partnership,
    "product": _topic_product,
    "grant": _topic_grant,
}


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


# --- background, quote, about, contacts, legal text --------------------------------------


def _add_background(draft: Draft) -> None:
    """Sector colour: where the asset is, what it is made of, who works on it."""
    lex, issuer = draft.lex, draft.issuer
    if issuer.sector in ("mining", "energy"):
        draft.para(*_geology(draft)[: draft.rng.randint(1, 3)])
        draft.para(
            _geography(draft),
            f"Field crews based in {lex.word('place')} completed"
            f" {lex.word('term')} mapping of the {lex.word('proper')} and"
            f" {lex.word('proper')} areas and {lex.word('term')} sampling along the"
            f" {lex.word('proper')} River.",
        )
    elif issuer.sector == "biotech":
        draft.para(
            f"{_sentence_case(issuer.project)} is designed to block {lex.word('term')}"
            f" signalling through the {lex.word('proper')} receptor, which is"
            f" overexpressed in {lex.word('term')} {lex.word('proper')} disease and in"
            f" {lex.word('term')} forms of {lex.word('proper')} syndrome.",
            f"A second program, {lex.word('drug')}, is in {lex.word('term')} studies with"
            f" collaborators at the {lex.word('place')} Medical Centre.",
        )
    else:
        draft.para(
            f"{issuer.project} is used by {lex.word('term')} operators in"
            f" {lex.word('place')} and {lex.word('place')} to monitor"
            f" {lex.word('term')} equipment, and integrates with {lex.word('product')} and"
            f" {lex.word('product')} systems from {lex.word('proper')} Industries."
        )
    if draft.chance(0.5):
        draft.para(
            f"The Company has also engaged {lex.person()} of {lex.word('proper')}"
            f" Advisory to lead {lex.word('term')} community engagement with the"
            f" {lex.word('proper')} Nation and the town of {lex.word('place')}."
        )


def _add_investor_relations(draft: Draft) -> None:
    """The IR-engagement paragraph common in venture releases."""
    lex = draft.lex
    fee, _ = draft.money(draft.rng.choice((2500, 4000, 5000, 7500, 10000)), stated=False)
    firm = (
        f"{lex.word('proper')} {draft.pick(('Communications', 'Capital Markets', 'Media', 'IR'))}"
    )
    engagement = (
        f"The Company has engaged {firm} of {lex.word('place')} to provide investor"
        f" relations and market awareness services for an initial term of"
        f" {draft.pick(('six', 'twelve'))} months at a fee of {fee} per month."
    )
    arms_length = (
        f"{firm} and its principals are at arm's length to the Company and have no"
        " present interest, directly or indirectly, in its securities."
    )
    draft.mean("non-milestone", engagement, arms_length)
    draft.para(
        engagement,
        arms_length,
        f"The engagement will focus on {lex.word('term')} outreach to investors in"
        f" {lex.word('place')} and {lex.word('place')}.",
    )


def _add_outlook(draft: Draft) -> None:
    """A closing outlook paragraph with a non-committal partner mention."""
    lex = draft.lex
    outlook = (
        f"Looking ahead, the Company remains focused on {lex.word('term')} execution,"
        f" {lex.word('term')} cost control and the {lex.word('proper')} program, and"
        " will provide further updates as work progresses."
    )
    discussions = (  # "no agreement has been reached" is not an agreement
        f"Discussions with {lex.word('proper')}"
        f" {draft.pick(('Capital', 'Metals', 'Energy', 'Partners'))}"
        " regarding potential collaboration are ongoing, and no agreement has been reached."
    )
    draft.non_milestones.append(discussions)
    draft.mean("non-milestone", discussions)
    draft.para(outlook, discussions)


def _add_quote(draft: Draft) -> None:
    """The CEO quote every release has; no dates, so no stray milestones."""
    issuer, lex = draft.issuer, draft.lex
    said = draft.pick(("commented", "said", "stated"))
    body = draft.pick(
        (
            f"This is an important step for {issuer.short} and for our shareholders, and it"
            " reflects"
            f" the hard work of the {issuer.project} team.",
            f"We are excited about what this means for the {issuer.project} Project and look"
            " forward"
            " to updating investors as the work progresses.",
            f"Our {lex.word('term')} approach continues to pay off, and the team in"
            f" {lex.word('place')} has done an outstanding job.",
            "We remain disciplined on costs and focused on creating long-term value for"
            " shareholders.",
        )
    )
    draft.para(f'{issuer.ceo}, Chief Executive Officer of {issuer.short}, {said}, "{body}"')


def _add_qualified_person(draft: Draft) -> None:
    """The qualified-person paragraph of mining releases, in the home market's terms."""
    person = draft.lex.person()
    if draft.issuer.country in ("Australia", "United Kingdom"):
        draft.para(
            f"The information in this announcement that relates to exploration results is"
            f" based on information compiled by {person}, a Competent Person who is a member"
            " of the Australasian Institute of Mining and Metallurgy, as defined in the 2012"
            " Edition of the JORC Code."
        )
        return
    draft.para(
        f"The scientific and technical information in this news release has been reviewed"
        f" and approved by {person}, P.Geo., {draft.pick(words.QP_ROLES)},"
        " who is a Qualified Person as defined by National Instrument 43-101."
    )


def _add_about(draft: Draft) -> None:
    """The "About <Issuer>" boilerplate, with history dates extraction must skip."""
    issuer = draft.issuer
    heading = f"About {issuer.short if draft.chance(0.5) else issuer.name}"
    draft.blocks.append(("heading", heading))
    what = {
        "mining": f"the exploration and development of {issuer.commodity} projects",
        "energy": "the development of energy projects",
        "biotech": "the development of small-molecule medicines",
        "tech": "software and hardware for industrial operations",
    }[issuer.sector]
    sentences = [
        f"{issuer.name} ({TICKER_MARK}) is a {issuer.city}, {issuer.region}-based company"
        f" focused on {what}.",
        f"Its principal asset is the {issuer.project} Project in {issuer.project_region}."
        if issuer.sector in ("mining", "energy")
        else f"Its lead program is {issuer.project}.",
    ]
    if issuer.acquired < draft.day and issuer.sector in ("mining", "energy"):
        sentences.append(
            f"The {issuer.project} Project was acquired by {issuer.short} in"
            f" {month_text(issuer.acquired)}."
        )
    if issuer.founded < draft.day.year:
        sentences.append(f"The Company was founded in {issuer.founded}.")
    sentences.append(f"More information is available at www.{issuer.domain}.")
    draft.blocks.append(("about", " ".join(sentences)))


def _add_contacts(draft: Draft) -> None:
    """The contact block, matching the issuer.yaml contact."""
    contact = draft.issuer.contact
    intro = draft.pick(
        (
            "For further information please contact:",
            "For further information, please contact:",
            "For more information:",
            "Contact:",
        )
    )
    lines = [
        intro,
        f"{contact.name}, {contact.title}",
        f"Telephone: {contact.phone}",
        f"Email: {contact.email}",
    ]
    if draft.chance(0.3):
        lines[2:2] = [f"{draft.issuer.ceo}, Chief Executive Officer"]
    draft.blocks.append(("contact", "\n".join(lines)))


def _add_closing_legal(draft: Draft) -> None:
    """TSXV legend and forward-looking section, in either order."""
    tsxv = any(ticker.exchange == "TSXV" for ticker in draft.issuer.tickers)
    legend_first = draft.chance(0.7)
    if tsxv and legend_first and draft.chance(0.9):
        draft.blocks.append(("legend-bottom", TSXV_LEGEND))
    if draft.chance(0.82):
        draft.blocks.append(("heading", FLS_HEADING))
        for paragraph in _fls_paragraphs(draft):
            draft.blocks.append(("disclaimer", paragraph))
        draft.has_fls = True
    if tsxv and not legend_first and draft.chance(0.9):
        draft.blocks.append(("legend-bottom", TSXV_LEGEND))


def _fls_paragraphs(draft: Draft) -> list[str]:
    """The release's own forward-looking wording: US safe harbor or Canadian style."""
    issuer = draft.issuer
    bank = words.FLS_US if issuer.country == "United States" else words.FLS_CANADA
    count = draft.rng.randint(3, len(bank))
    chosen = list(bank[:1]) + sorted(draft.rng.sample(bank[1:], count - 1), key=bank.index)
    laws = words.LAWS.get(issuer.country, "applicable securities laws")
    return [
        text.format(
            short=issuer.short,
            project=issuer.project,
            laws=laws,
            commodity=issuer.commodity if issuer.sector == "mining" else "inputs",
        )
        for text in chosen
    ]


# --- front matter, Markdown and newswire text ------------------------------------------


def _front_matter(draft: Draft, moment, headline: str, slug: str) -> dict:
    """Front matter in the reader's key order; optional keys appear at varied rates."""
    rng, issuer = draft.rng, draft.issuer
    labels = [ticker.label for ticker in issuer.tickers]
    tags = list(draft.tags)
    if draft.chance(0.2):
        extra = draft.pick(words.TAGS)
        tags += [] if extra in tags else [extra]
    fields = {
        "title": headline,
        "date": moment,
        "ticker": labels[0] if len(labels) == 1 or draft.chance(0.2) else labels,
        "tags": tags,
    }
    if draft.chance(0.5):
        fields["summary"] = _summary(draft)
    fields["slug"] = slug
    if draft.chance(0.7):
        fields["dateline"] = f"{issuer.city}, {draft.pick((issuer.country, issuer.region))}"
    if draft.chance(0.1):
        fields["status"] = "published"
    key = "safe-harbor" if issuer.country == "United States" else "forward-looking"
    choice = rng.random()
    if draft.has_fls and choice < 0.5:
        fields["disclaimer"] = key
    elif not draft.has_fls and choice < 0.3:
        fields["disclaimer"] = "none"
    elif not draft.has_fls and choice < 0.5:
        fields["disclaimer"] = key
    legends = [legend for legend in draft.legends if draft.chance(0.8)]
    if not draft.legends and issuer.country == "Canada" and draft.chance(0.05):
        legends.append("us-newswire")
    if legends:
        fields["legends"] = legends
    if draft.chance(0.6):
        fields["contacts"] = [issuer.contact.key]
    if draft.chance(0.08):
        fields["modified"] = min(_shift(draft.day, rng.randint(1, 30)), LATEST_DATE)
    if draft.chance(0.15):
        fields["lang"] = "en"
    return fields


def _summary(draft: Draft) -> str:
    """A one-sentence summary from the lead clause."""
    return f"{draft.issuer.short} announced that {draft.lead_clause}."


def _yaml_scalar(value) -> str:
    """One value in YAML flow style; strings quoted unless a bare slug."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    if (
        isinstance(value, str)
        and re.fullmatch(r"[a-z0-9][a-z0-9-]*", value)
        and value not in ("yes", "no", "on", "off", "true", "false", "null", "none", "y", "n")
    ):
        return value
    return json.dumps(str(value), ensure_ascii=False)


def render_front_matter(fields: dict) -> str:
    """YAML front matter; strings are JSON-quoted, which YAML reads back verbatim."""
    lines = ["---"] + [f"{key}: {_yaml_scalar(value)}" for key, value in fields.items()]
    return "\n".join(lines + ["---", ""])


def render_markdown(release: GeneratedRelease) -> str:
    """The release file: front matter and Markdown body."""
    return render_front_matter(release.front_matter) + release.body_markdown


def _markdown_body(blocks, md_ticker: str, md_dateline: str, wrap_legend: bool) -> str:
    """Blocks to Markdown: bold top legend, ## headings, hard-wrapped contacts."""
    parts = []
    for kind, text in blocks:
        text = text.replace(TICKER_MARK, md_ticker)
        if kind == "legend-top":
            parts.append("**" + (text.replace(" OR ", "\nOR ", 1) if wrap_legend else text) + "**")
        elif kind == "lead":
            parts.append(md_dateline + text)
        elif kind == "bullets":
            parts.append("\n".join(f"- {line}" for line in text.split("\n")))
        elif kind == "heading":
            parts.append(f"## {text}")
        elif kind == "contact":
            first, *rest = text.split("\n")
            parts.append("  \n".join([f"**{first}**"] + rest))
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def render_text(release: GeneratedRelease) -> str:
    """The same release as a plain-text newswire release, for importer benchmarks."""
    parts = []
    headline_done = False
    for kind, text in release.blocks:
        text = text.replace(TICKER_MARK, release.text_ticker)
        if kind != "legend-top" and not headline_done:
            parts.append(release.front_matter["title"].upper())
            headline_done = True
        if kind == "lead":
            parts.append(release.text_dateline + text)
        elif kind == "bullets":
            parts.append("\n".join(f"\u2022 {line}" for line in text.split("\n")))
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def _tickers_in_text(draft: Draft, markdown: bool) -> str:
    """How the body names the listings: canonical in Markdown, varied spellings in wire text."""
    labels = []
    for ticker in draft.issuer.tickers:
        exchange = ticker.exchange
        if not markdown or draft.chance(0.1):
            exchange = draft.pick(words.SPELLINGS.get(exchange, (exchange,)))
        labels.append(f"{exchange}: {ticker.symbol}")
    if len(labels) > 1 and not markdown and draft.chance(0.4):
        return ") (".join(labels)
    return "; ".join(labels)


def _text_dateline(draft: Draft) -> str:
    """The wire dateline of the plain-text rendering, in the styles newswires use."""
    issuer, day = draft.issuer, draft.day
    city = issuer.city
    us_day = day_text(day, british=False)
    if issuer.country == "Australia":
        return f"{city}, {issuer.region} \u2013 {draft.date(day)} \u2013 "
    if issuer.country == "United Kingdom":
        return f"{draft.date(day)}\n\n"
    styles = (
        f"{city}, {issuer.region}, {us_day} /CNW/ - ",
        f"{city}, {issuer.region}--(Newsfile Corp. - {us_day}) - ",
        f"{city.upper()}, {us_day} (GLOBE NEWSWIRE) -- ",
        f"{city.upper()}, {issuer.region_short}--(BUSINESS WIRE)--{us_day}-- ",
        f"{city.upper()}, {issuer.region_short} / ACCESSWIRE / {us_day} / ",
        f"{us_day} \u2013 ",
    )
    return draft.pick(styles)


def _markdown_dateline(draft: Draft) -> str:
    """An optional place/date prefix on the Markdown lead, as IR sites vary."""
    form = draft.rng.random()
    if form < 0.4:
        return f"{draft.issuer.city.upper()}, {draft.date(draft.day)} \u2013 "
    if form < 0.6:
        return f"{draft.date(draft.day)} \u2013 "
    return ""


# --- the corpus ---------------------------------------------------------------------


def iter_releases(
    count: int, seed: int = 1, *, start_year: int = 2012, end_year: int = 2025
) -> Iterator[GeneratedRelease]:
    """Releases 0..count-1; release i does not depend on count."""
    issuers = build_issuers(seed)
    first, last = corpus_window(start_year, end_year)
    taken: set[str] = set()
    for index in range(count):
        draft, moment, headline = compose(seed, index, issuers, first, last)
        slug = _unique_slug(slugify(headline), taken)
        yield _finish(index, draft, moment, headline, slug)


def _unique_slug(slug: str, taken: set[str]) -> str:
    """Slugs are unique across the whole corpus (so per year too); later ones get -2, -3..."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def _finish(index, draft: Draft, moment, headline: str, slug: str) -> GeneratedRelease:
    """Turn a composed draft into a GeneratedRelease."""
    md_ticker = _tickers_in_text(draft, markdown=True)
    text_ticker = _tickers_in_text(draft, markdown=False)
    body = _markdown_body(draft.blocks, md_ticker, _markdown_dateline(draft), draft.chance(0.3))
    for record in draft.lead_milestones:
        record["sentence"] = record["sentence"].replace(TICKER_MARK, md_ticker)
    meanings = [(sentence.replace(TICKER_MARK, md_ticker), meaning)
                for sentence, meaning in draft.meanings.items()]
    return GeneratedRelease(
        index=index,
        issuer=draft.issuer,
        slug=slug,
        front_matter=_front_matter(draft, moment, headline, slug),
        body_markdown=body,
        blocks=draft.blocks,
        text_dateline=_text_dateline(draft),
        text_ticker=text_ticker,
        md_ticker=md_ticker,
        expected_grants=draft.grants,
        expected_milestones=draft.milestones,
        expected_non_grants=draft.non_grants,
        expected_non_milestones=draft.non_milestones,
        meant_milestones=draft.lead_milestones + draft.milestones,
        sentence_meanings=meanings,
    )


def generate(
    count: int,
    out: Path,
    seed: int = 1,
    *,
    start_year: int = 2012,
    end_year: int = 2025,
    clean: bool = False,
) -> list[Path]:
    """Write a Pelican content folder of `count` releases; return the release paths.

    Also writes `issuer.yaml` and `pages/about.md`. Files whose bytes would not
    change are left alone, so a rerun keeps mtimes and incremental builds stay warm.
    """
    out = Path(out)
    issuers = build_issuers(seed)
    _write(out / "issuer.yaml", render_issuer_yaml(issuers, seed))
    _write(out / "pages" / "about.md", render_about_page(issuers, seed))
    existing = set((out / "releases").glob("*/*.md"))
    made_dirs: set[Path] = set()
    paths = []
    for release in iter_releases(count, seed, start_year=start_year, end_year=end_year):
        path = out / release.relpath
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        _write(path, render_markdown(release), exists=path in existing)
        paths.append(path)
    _check_stale(existing - set(paths), clean, out)
    logger.info("corpus: wrote %s releases to %s", len(paths), out)
    return paths


def _write(path: Path, text: str, exists: bool | None = None) -> None:
    """Write unless the file already holds these bytes (one open for a new file)."""
    payload = text.encode("utf-8")
    if exists is None:
        exists = path.is_file()
        path.parent.mkdir(parents=True, exist_ok=True)
    if exists and path.read_bytes() == payload:
        return
    path.write_bytes(payload)


def _check_stale(stale: set[Path], clean: bool, out: Path) -> None:
    """Releases left from an earlier, larger run would silently join the corpus."""
    if not stale:
        return
    if not clean:
        raise ValueError(
            f"{len(stale)} release files in {out / 'releases'} are not part of this"
            " corpus; use --clean to remove them"
        )
    for path in sorted(stale):
        path.unlink()
    logger.info("corpus: removed %s stale release files", len(stale))


# --- issuer.yaml and the about page ---------------------------------------------------


def _group(seed: int) -> tuple[str, str]:
    """The fictional newswire group that publishes the corpus."""
    short = words.GROUP_NAMES[seed % len(words.GROUP_NAMES)]
    return f"{short} Newswire Group", short


def _block(paragraphs, indent: str) -> str:
    """Paragraphs as a YAML block scalar body."""
    return "\n\n".join(indent + paragraph for paragraph in paragraphs)


def render_issuer_yaml(issuers: list[Issuer], seed: int = 1) -> str:
    """The group's issuer profile: every ticker, the disclaimers, legends and IR contacts."""
    name, short = _group(seed)
    tickers = [ticker.label for issuer in issuers for ticker in issuer.tickers]
    q = json.dumps
    lines = [
        f"name: {q(name)}",
        f"short_name: {q(short)}",
        "tickers: [" + ", ".join(q(label) for label in tickers) + "]",
        f"website: https://newsroom.{slugify(short).replace('-', '')}.example",
        "archival_notice_years: 3",
        "default_disclaimer: forward-looking",
        "disclaimers:",
        "  forward-looking:",
        f"    title: {q(FLS_HEADING)}",
        "    text: |",
        _block(words.DEFAULT_DISCLAIMER, "      "),
        "  safe-harbor:",
        f"    title: {q('Safe Harbor Statement')}",
        "    text: |",
        _block(words.SAFE_HARBOR, "      "),
        "legends:",
        "  tsxv:",
        f"    title: {q('TSX Venture Exchange')}",
        f"    text: {q(TSXV_LEGEND)}",
        "    placement: bottom",
        "    exchanges: [TSXV]",
        "  us-newswire:",
        f"    title: {q('Distribution')}",
        f"    text: {q(US_NEWSWIRE_LEGEND)}",
        "    placement: top",
        "    exchanges: []",
        "  aim-mar:",
        f"    title: {q('Inside Information')}",
        f"    text: {q(AIM_LEGEND)}",
        "    placement: top",
        "    exchanges: []",
        "contacts:",
    ]
    for issuer in issuers:
        contact = issuer.contact
        lines += [
            f"  {contact.key}:",
            f"    name: {q(contact.name)}",
            f"    title: {q(contact.title)}",
            f"    phone: {q(contact.phone)}",
            f"    email: {q(contact.email)}",
        ]
    return "\n".join(lines) + "\n"


def render_about_page(issuers: list[Issuer], seed: int = 1) -> str:
    """A static page about the fictional group, listing its issuers."""
    name, _ = _group(seed)
    rows = "\n".join(
        f"- {issuer.name} ({'; '.join(t.label for t in issuer.tickers)}), {issuer.city}"
        for issuer in sorted(issuers, key=lambda item: item.name)
    )
    fields = {
        "title": "About",
        "slug": "about",
        "summary": f"{name} distributes news releases for {len(issuers)} listed issuers.",
    }
    body = (
        f"{name} is a fictional newswire group. Every company, person, place and project"
        " on this site is made up by Dateline's corpus generator for tests, demos and"
        f" benchmarks.\n\n## Issuers\n\n{rows}\n"
    )
    return render_front_matter(fields) + body


# --- command line ---------------------------------------------------------------------


def add_arguments(parser) -> None:
    """Options of `dateline generate`."""
    parser.add_argument("--count", type=int, required=True, help="number of releases")
    parser.add_argument("--out", type=Path, required=True, help="content folder to write")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--start-year", type=int, default=2012, help="first year (default 2012)")
    parser.add_argument(
        "--end-year",
        type=int,
        default=2025,
        help=f"last year (default 2025, at most {LATEST_DATE.year})",
    )
    parser.add_argument(
        "--clean",
        action="store_true",
        help="remove release files in OUT that are not part of this corpus",
    )


def run(args) -> int:
    """Run `dateline generate`; exit status 0 on success, 2 on bad arguments."""
    if args.count < 0:
        print("dateline generate: --count must be 0 or more")
        return 2
    try:
        paths = generate(
            args.count,
            args.out,
            args.seed,
            start_year=args.start_year,
            end_year=args.end_year,
            clean=args.clean,
        )
    except ValueError as error:
        print(f"dateline generate: {error}")
        return 2
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} releases ({size:,} bytes) to {args.out}")
    return 0
