"""The "lean" corpus profile: short dictionary-word releases, few issuers, few tags, long span.

The default profile is rich (long newswire bodies, 20-40 issuers, many tags and an open-ended
lexicon), which makes plain Pelican slow and hides Dateline's own costs. The lean profile is
shaped like the independent corpus of issue 17: bodies of about 5 KB, 10 issuers on 5
exchanges, 10 tags, a 20-year span, and body words drawn Zipf-like from a fixed dictionary of
20,000 English words (english-words' web2 list, a test/bench dependency). Release `i` is a pure
function of (seed, i), as in the default profile, and the benchmarks and search benchmarks all
draw from this one generator.
"""

from __future__ import annotations

import functools
import itertools
import random
from typing import Iterator

from dateline_corpus import words
from dateline_corpus.draft import _release_moment, corpus_window
from dateline_corpus.issuers import _make_issuer
from dateline_corpus.model import TICKER_MARK, GeneratedRelease, Issuer, _unique_slug, slugify

EXCHANGES = ("TSXV", "TSX", "CSE", "NASDAQ", "ASX")
ISSUERS = 10
TAGS = ("operations", "exploration", "drilling", "financing", "corporate", "management",
        "financial-results", "acquisition", "guidance", "esg")
DICTIONARY_SIZE = 20_000
START_YEAR, END_YEAR = 2006, 2025
PARAGRAPHS, PARAGRAPH_WORDS = (4, 7), (60, 100)  # about 5 KB of body per release


@functools.lru_cache(maxsize=1)
def dictionary() -> tuple[tuple, list]:
    """(words, cumulative Zipf weights): 20,000 alphabetic dictionary words, rank r drawn with
    weight 1/r, in a fixed shuffled order so ranks do not follow the alphabet."""
    from english_words import get_english_words_set

    pool = sorted(word for word in get_english_words_set(["web2"], lower=True)
                  if word.isalpha() and len(word) > 1)
    chosen = random.Random("dateline-lean-dictionary").sample(pool, DICTIONARY_SIZE)
    return tuple(chosen), list(itertools.accumulate(1.0 / rank for rank in
                                                    range(1, DICTIONARY_SIZE + 1)))


def draw(rng: random.Random, count: int) -> list[str]:
    """`count` dictionary words, Zipf-distributed."""
    vocabulary, cumulative = dictionary()
    return rng.choices(vocabulary, cum_weights=cumulative, k=count)


def build_issuers(seed: int) -> list[Issuer]:
    """Ten issuers, two listed on each of the five exchanges."""
    rng = random.Random(f"dateline-lean-issuers:{seed}")
    prefixes = list(words.ISSUER_PREFIXES)
    rng.shuffle(prefixes)
    used: set = set()
    return [_make_issuer(rng, number, prefixes[number], (EXCHANGES[number % len(EXCHANGES)],),
                         used) for number in range(ISSUERS)]


def iter_releases(count: int, seed: int = 1) -> Iterator[GeneratedRelease]:
    """Lean releases 0..count-1; release i does not depend on count."""
    issuers = build_issuers(seed)
    first, last = corpus_window(START_YEAR, END_YEAR)
    taken: set[str] = set()
    for index in range(count):
        rng = random.Random(f"dateline-lean:{seed}:{index}")
        yield _release(rng, index, rng.choice(issuers), first, last, taken)


def _release(rng, index, issuer: Issuer, first, last, taken: set) -> GeneratedRelease:
    moment = _release_moment(rng, first, last)
    headline = " ".join(draw(rng, rng.randint(5, 9))).capitalize()
    title = f"{issuer.short} {headline}"
    slug = _unique_slug(slugify(title), taken)
    ticker = issuer.tickers[0]
    blocks = [("lead", f"{issuer.name} ({TICKER_MARK}) announced today that "
                       + " ".join(draw(rng, rng.randint(25, 45))) + ".")]
    for number in range(rng.randint(*PARAGRAPHS)):
        text = _sentences(rng, rng.randint(*PARAGRAPH_WORDS))
        if number == 1:
            text = "Field crews " + text[:1].lower() + text[1:]
        blocks.append(("para", text))
    md_ticker = f"{ticker.exchange}: {ticker.symbol}"
    body = "\n\n".join(text.replace(TICKER_MARK, md_ticker) for _, text in blocks) + "\n"
    front = {"title": title, "date": moment, "ticker": ticker.label,
             "tags": rng.sample(TAGS, rng.randint(1, 2)), "slug": slug}
    return GeneratedRelease(index=index, issuer=issuer, slug=slug, front_matter=front,
                            body_markdown=body, blocks=blocks, text_dateline="",
                            text_ticker=md_ticker, md_ticker=md_ticker)


def _sentences(rng: random.Random, count: int) -> str:
    """Dictionary words in sentences of 8-20 words."""
    drawn, sentences = draw(rng, count), []
    while drawn:
        size = rng.randint(8, 20)
        sentence, drawn = drawn[:size], drawn[size:]
        sentences.append(" ".join(sentence).capitalize() + ".")
    return " ".join(sentences)
