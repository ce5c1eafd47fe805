"""The fictional issuers of a corpus, and the issuer.yaml and about page that describe them.

An issuer is a pure function of the seed; everything written about one lives here.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re

from dateline.content.exchanges import Ticker
from dateline_corpus import words
from dateline_corpus.model import (
    AIM_LEGEND,
    FLS_HEADING,
    TSXV_LEGEND,
    US_NEWSWIRE_LEGEND,
    Contact,
    Issuer,
    Lexicon,
    lexicon_word,
    slugify,
)
from dateline_corpus.render import render_front_matter

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
