"""Query semantics shared with the JS client: AND of words, quoted phrases, a prefix last word.

The JS client (theme/static/js/search/rank.js, the prefix rules in terms.js) implements the
same rules; tests prove parity.
- Text in double quotes is a phrase (title or body, consecutive after stop-word removal).
- Every other word is required; it may match title, body, tags or ticker.
- Query text is folded first (search/fold.py): curly quotes make phrases, accents go.
- In prefix mode (as-you-type) the last unquoted word matches its own stem OR index terms
  starting with its folded, lowercased text (the first PREFIX_LIMIT terms per field, in term
  order), so typing never finds fewer releases than Enter. A stop word, or a last word
  shorter than PREFIX_MIN characters, is not expanded.
- Ties rank by export number (date, then id), the browser's document number.
Whoosh may add a document's partial scores in a different order than the JS (its Or builds
weighted trees and rebalances them as matchers run), so scores agree to ~1e-15 relative and
ranks agree except between documents whose scores differ by less than that.
"""

import logging
import re
from dataclasses import dataclass, field
from math import log

from whoosh import query as wq
from whoosh.matching import IntersectionMatcher
from whoosh.scoring import BM25F, BM25FScorer

from dateline.search.correct import correct_words
from dateline.search.export import sort_time
from dateline.search.fold import fold
from dateline.search.index import read_stamp
from dateline.search.postings import document_numbers
from dateline.search.schema import (
    BM25_B,
    BM25_K1,
    FIELD_BOOSTS,
    PHRASE_FIELDS,
    PREFIX_LIMIT,
    PREFIX_MIN,
    TEXT_FIELDS,
    TOKEN_PATTERN,
    analyze,
)

logger = logging.getLogger(__name__)

_TOKEN = re.compile(TOKEN_PATTERN)


@dataclass
class ParsedQuery:
    """A query split into required term groups: words, phrases and an optional prefix."""

    words: list = field(default_factory=list)    # stemmed terms, each required
    phrases: list = field(default_factory=list)  # lists of stemmed terms (len >= 2)
    prefix: str = ""                             # lowercased last word while typing
    prefix_stem: str = ""                        # ... and its stem, which also matches
    corrections: list = field(default_factory=list)  # [typed stem, index term, surface word]

    def is_empty(self):
        """Return True when nothing in the query can match."""
        return not (self.words or self.phrases or self.prefix)


def split_quotes(text):
    """Split text into (is_phrase, chunk) pairs; an unclosed quote counts as plain text."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # odd number of quotes: the last one is not a phrase
        last = parts.pop()
        parts[-1] += " " + last
    return [(i % 2 == 1, chunk) for i, chunk in enumerate(parts) if chunk.strip()]


def parse_query(text, prefix=False):
    """Parse a user query into a ParsedQuery (prefix=True while the user is still typing)."""
    parsed = ParsedQuery()
    text = fold(text)
    chunks = split_quotes(text)
    last_plain = None
    if prefix and chunks and not chunks[-1][0] and not text.endswith((" ", '"')):
        tokens = list(_TOKEN.finditer(chunks[-1][1]))
        if tokens and len(tokens[-1].group(0)) >= PREFIX_MIN:
            last_plain = tokens[-1]
    for index, (is_phrase, chunk) in enumerate(chunks):
        if is_phrase:
            terms = analyze(chunk)
            if len(terms) >= 2:
                parsed.phrases.append(terms)
            else:
                parsed.words.extend(terms)
            continue
        if last_plain is not None and index == len(chunks) - 1:
            parsed.words.extend(analyze(chunk[: last_plain.start()]))
            word = last_plain.group(0).lower()
            stems = analyze(word)  # empty for a stop word: it is never expanded
            if stems:
                parsed.prefix, parsed.prefix_stem = word, stems[0]
        else:
            parsed.words.extend(analyze(chunk))
    return parsed


class TreeOr(wq.Or):
    """An Or whose matchers form an order-preserving binary tree (a fixed summation order)."""

    matcher_type = wq.Or.DEFAULT_MATCHER


class TreeAnd(wq.And):
    """An And whose matchers form an order-preserving binary tree (a fixed summation order)."""

    def _matcher(self, subs, searcher, context):
        return self._tree_matcher(subs, IntersectionMatcher, searcher, context, None)


def _term_group(term):
    """Return the query for one required word: it may hit any text field."""
    return TreeOr([wq.Term(f, term, boost=FIELD_BOOSTS[f]) for f in TEXT_FIELDS])


def _phrase_group(terms):
    """Return the query for one phrase: consecutive in title or body."""
    return TreeOr([wq.Phrase(f, terms, boost=FIELD_BOOSTS[f]) for f in PHRASE_FIELDS])


def prefix_terms(reader, fieldname, prefix):
    """Return the first PREFIX_LIMIT index terms of a field that start with prefix."""
    found = []
    for term in reader.expand_prefix(fieldname, prefix):
        found.append(term.decode("utf-8") if isinstance(term, bytes) else term)
        if len(found) == PREFIX_LIMIT:
            break
    return found


def typing_terms(reader, fieldname, parsed):
    """The terms the word being typed matches in a field: its stem, then its expansions."""
    expansions = prefix_terms(reader, fieldname, parsed.prefix)
    return [parsed.prefix_stem] + [t for t in expansions if t != parsed.prefix_stem]


def _prefix_group(reader, parsed):
    """Return the query for the word being typed: its stem or any of its expansions."""
    return TreeOr([
        wq.Term(f, term, boost=FIELD_BOOSTS[f])
        for f in TEXT_FIELDS
        for term in typing_terms(reader, f, parsed)
    ])


def build_query(parsed, reader):
    """Return the Whoosh query for a parsed query, or None when it cannot match."""
    groups = [_term_group(t) for t in parsed.words]
    groups += [_phrase_group(p) for p in parsed.phrases]
    if parsed.prefix:
        groups.append(_prefix_group(reader, parsed))
    if not groups:
        return None
    return TreeAnd(groups)


def filter_query(ticker=None, year=None, tag=None):
    """Return the unscored filter for ticker, year and tag, or None."""
    terms = []
    if ticker:
        terms.append(wq.Term("ticker_key", ticker))
    if year:
        terms.append(wq.Term("year", str(year)))
    if tag:
        terms.append(wq.Term("tag_key", tag))
    return wq.And(terms) if terms else None


class LiveBM25F(BM25F):
    """BM25F whose average field lengths come from exact live totals (see index.write_stamp)."""

    def __init__(self, field_totals, doc_count):
        super().__init__(B=BM25_B, K1=BM25_K1)
        self.field_totals = field_totals
        self.doc_count = doc_count

    def idf(self, searcher, fieldname, text):
        """Whoosh's idf over live documents: deleted ones still count in its term statistics."""
        reader = searcher.get_parent().reader()
        if not reader.has_deletions():
            return super().idf(searcher, fieldname, text)
        n = sum(1 for _ in reader.postings(fieldname, text).all_ids()) if (
            fieldname, text) in reader else 0
        return log(reader.doc_count() / (n + 1)) + 1

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, BM25FScorer):
            scorer.avgfl = average_length(self.field_totals[fieldname], self.doc_count)
            scorer.setup(searcher, fieldname, text)
        return scorer


def average_length(total, doc_count):
    """Average field length, with Whoosh's fallback of 1 for an empty field."""
    return total / (doc_count or 1) or 1


def weighting(stamp):
    """Return the BM25F model with the parameters and statistics the export advertises."""
    return LiveBM25F(stamp["field_totals"], stamp["doc_count"])


@dataclass(frozen=True)
class Hit:
    """One ranked release; `doc` is its export number, the id the browser uses."""

    docnum: int
    score: float
    record: dict
    doc: int = -1


class Results(list):
    """Ranked hits (a list), with the parsed query and the corrections it used."""

    def __init__(self, hits=(), parsed=None):
        super().__init__(hits)
        self.parsed = parsed


# {(index folder, generation): {docnum: export number}}: one entry, for repeated searches.
_NUMBERS: dict = {}


def export_numbers(ix, reader) -> dict:
    """{Whoosh docnum: export number} of the index as it is now (cached per generation)."""
    key = (ix.storage.folder, ix.latest_generation())
    if key not in _NUMBERS:
        _NUMBERS.clear()
        _NUMBERS[key] = document_numbers(reader)
    return _NUMBERS[key]


def rank(hits, sort):
    """Best first, ties by export number (date, then id); or newest first for sort=date."""
    if sort == "date":
        return sorted(hits, key=lambda h: (-sort_time(h.record), h.doc))
    return sorted(hits, key=lambda h: (-h.score, h.doc))


def search(ix, text, ticker=None, year=None, tag=None, prefix=False, sort="relevance",
           correct=True):
    """Run a query against the index; return Results, best first (or newest first for
    sort=date). A word the index lacks is corrected to a close index term unless correct=False."""
    parsed = parse_query(text, prefix=prefix)
    stamp = read_stamp(ix.storage.folder)
    results = Results(parsed=parsed)
    with ix.searcher(weighting=weighting(stamp)) as searcher:
        reader = searcher.reader()
        if correct:
            parsed.corrections = correct_words(reader, parsed.words)
            fixed = {typed: term for typed, term, _ in parsed.corrections}
            parsed.words = [fixed.get(w, w) for w in parsed.words]
        q = build_query(parsed, reader)
        if q is None:
            return results
        numbers = export_numbers(ix, reader)
        found = searcher.search(q, limit=None, filter=filter_query(ticker, year, tag))
        hits = [Hit(h.docnum, h.score, dict(h.fields()["display"]), numbers[h.docnum]) for h
                in found]
    results.extend(rank(hits, sort))
    return results
