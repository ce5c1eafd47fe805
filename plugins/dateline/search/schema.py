"""The search schema and analyzer, shared by indexing, querying and the export."""

import logging

from whoosh import fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter2 import stem

logger = logging.getLogger(__name__)

# Bump when the schema, the analyzer or the field boosts change: it forces a full rebuild.
SCHEMA_VERSION = "dateline-search-4"

# Python's \w is Unicode-aware; the JS tokenizer uses [\p{L}\p{N}_] for it.
TOKEN_PATTERN = r"\w+(\.?\w+)*"

# Searchable fields in the order queries combine them (the JS must use the same order).
TEXT_FIELDS = ("title", "body", "tags", "ticker")
# Fields whose positions are kept, so quoted phrases can match in them.
PHRASE_FIELDS = ("title", "body")
# Query-time boosts: a headline hit counts double.
FIELD_BOOSTS = {"title": 2.0, "body": 1.0, "tags": 1.0, "ticker": 1.0}
# BM25F free parameters (Whoosh defaults).
BM25_B = 0.75
BM25_K1 = 1.2
# How many index terms a prefix (as-you-type) word expands to, per field.
PREFIX_LIMIT = 32
# A word being typed expands as a prefix only from this many characters on.
PREFIX_MIN = 2
# Characters of body text kept for result snippets.
SNIPPET_CHARS = 320


def stop_words():
    """Return Whoosh's English stop list, sorted, so the JS copy can be checked against it."""
    return sorted(STOP_WORDS)


def build_analyzer():
    """Tokenize, lowercase, drop stop words and stem with Porter2.

    Porter2 (whoosh.lang.porter2) rather than Whoosh's default porter: the old Porter stemmer
    keeps doubled consonants ("running" -> "runn"), so "running" would not find "run".
    """
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter()
        | StemFilter(stemfn=stem, cachesize=-1)
    )


def build_schema():
    """Return the Whoosh schema: scored text fields, filter keys and stored display data."""
    analyzer = build_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        content_hash=fields.ID(stored=True),
        title=fields.TEXT(analyzer=analyzer, phrase=True),
        body=fields.TEXT(analyzer=analyzer, phrase=True),
        tags=fields.TEXT(analyzer=analyzer, phrase=False),
        ticker=fields.TEXT(analyzer=analyzer, phrase=False),
        ticker_key=fields.KEYWORD(stored=True, commas=True, scorable=False),
        tag_key=fields.KEYWORD(stored=True, commas=True, scorable=False),
        year=fields.ID(stored=True),
        date=fields.ID(stored=True, sortable=True),
        display=fields.STORED(),
        # True (unquantised) token counts per text field, for drift-free average lengths.
        lengths=fields.STORED(),
    )


_ANALYZER = build_analyzer()


def analyze(text):
    """Return the index terms of text, as the index would store them."""
    return [token.text for token in _ANALYZER(text)]
