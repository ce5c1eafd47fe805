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
import logging
import random
from pathlib import Path
from typing import Iterator

from dateline_corpus import lean, words
from dateline_corpus.draft import Draft, _release_moment, corpus_window
from dateline_corpus.facts import _add_grants, _add_milestones, _add_non_grant, _add_reference
from dateline_corpus.issuers import build_issuers, render_about_page, render_issuer_yaml
from dateline_corpus.model import (
    AIM_LEGEND,
    FLS_HEADING,
    LATEST_DATE,
    MAX_RANK,
    TICKER_MARK,
    TSXV_LEGEND,
    US_NEWSWIRE_LEGEND,
    GeneratedRelease,
    Issuer,
    _as_date,
    _unique_slug,
    day_text,
    lexicon_word,
    slugify,
)
from dateline_corpus.render import (
    _front_matter,
    _markdown_body,
    _markdown_dateline,
    _text_dateline,
    _tickers_in_text,
    render_markdown,
    render_text,
)
from dateline_corpus.sections import (
    _add_about,
    _add_background,
    _add_closing_legal,
    _add_contacts,
    _add_investor_relations,
    _add_outlook,
    _add_qualified_person,
    _add_quote,
)
from dateline_corpus.topics import TOPICS

logger = logging.getLogger(__name__)
PROFILES = ("corpus", "lean")

# Names callers and tests reach through this module (the corpus's public face).
__all__ = [
    "FLS_HEADING", "GeneratedRelease", "LATEST_DATE", "MAX_RANK", "TICKER_MARK", "TSXV_LEGEND",
    "_as_date", "add_arguments", "build_issuers", "corpus_window", "day_text", "generate",
    "iter_releases", "lexicon_word", "render_markdown", "render_text", "run", "words",
]


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
    profile: str = "corpus",
) -> list[Path]:
    """Write a Pelican content folder of `count` releases; return the release paths.

    `profile` is "corpus" (the default, rich newswire releases) or "lean" (`lean.py`: short
    dictionary-word releases; its years are fixed, so start_year and end_year do not apply).
    Also writes `issuer.yaml` and `pages/about.md`. Files whose bytes would not
    change are left alone, so a rerun keeps mtimes and incremental builds stay warm.
    """
    out = Path(out)
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    issuers = (lean.build_issuers if profile == "lean" else build_issuers)(seed)
    _write(out / "issuer.yaml", render_issuer_yaml(issuers, seed))
    _write(out / "pages" / "about.md", render_about_page(issuers, seed))
    existing = set((out / "releases").glob("*/*.md"))
    made_dirs: set[Path] = set()
    paths = []
    releases = (lean.iter_releases(count, seed) if profile == "lean" else
                iter_releases(count, seed, start_year=start_year, end_year=end_year))
    for release in releases:
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
    parser.add_argument("--profile", choices=PROFILES, default="corpus",
                        help="corpus shape: rich newswire releases (default) or lean (short"
                             " dictionary-word releases, 10 issuers, 10 tags, 2006-2025)")


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
            profile=args.profile,
        )
    except ValueError as error:
        print(f"dateline generate: {error}")
        return 2
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} releases ({size:,} bytes) to {args.out}")
    return 0
