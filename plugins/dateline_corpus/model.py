"""The corpus's data model, its open-ended lexicon and small text helpers.

Kept apart so every other corpus module (issuers, drafts, topics, facts, rendering) shares
one definition of an issuer, a generated release and a Zipf draw.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
import re
from dataclasses import dataclass, field

from dateline_corpus import words

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

def _unique_slug(slug: str, taken: set[str]) -> str:
    """Slugs are unique across the whole corpus (so per year too); later ones get -2, -3..."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate
