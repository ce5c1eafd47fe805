"""The search schema and analyzer, shared by indexing, querying and the export."""

import logging
import pickle

from whoosh import fields, formats
from whoosh.analysis import (
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter2 import stem
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists
from whoosh.system import _INT_SIZE as _COUNT_BYTES
from whoosh.system import pack_uint as _pack_count
from whoosh.util.text import rcompile

from dateline.search.fold import fold

logger = logging.getLogger(__name__)

# Bump when the schema, the analyzer or the field boosts change: it forces a full rebuild.
SCHEMA_VERSION = "dateline-search-7"

# Python's \w is Unicode-aware; the JS tokenizer uses [\p{L}\p{N}_] for it.
TOKEN_PATTERN = r"\w+(\.?\w+)*"
# The same words without a capturing group, so re.findall returns whole words.
WORD_PATTERN = r"\w+(?:\.?\w+)*"

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


class FoldingTokenizer(RegexTokenizer):
    """Whoosh's RegexTokenizer over folded text (search/fold.py): "Québec" is "Quebec"."""

    def __call__(self, value, **kwargs):
        return super().__call__(fold(value), **kwargs)


def whoosh_chain():
    """Whoosh's own pipeline, which `EnglishAnalyzer` reproduces token for token.

    Porter2 (whoosh.lang.porter2) rather than Whoosh's default porter: the old Porter stemmer
    keeps doubled consonants ("running" -> "runn"), so "running" would not find "run".
    """
    return (
        FoldingTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter()
        | StemFilter(stemfn=stem, cachesize=-1)
    )


class EnglishAnalyzer(Tokenizer):
    """`whoosh_chain()` fused into one loop: the same tokens and positions, about twice as fast.

    Whoosh passes one Token object through four generators per word; indexing 10,000
    releases spends most of its time there. Stop words are the same list and minimum
    length (2); positions are renumbered the way StopFilter does it (the first kept
    token keeps its position, the next ones follow it). Tests compare it with the chain.
    """

    # The stemmer and stop list; FrenchAnalyzer swaps both and keeps everything else.
    stem_function = staticmethod(stem)
    stop_list = frozenset(STOP_WORDS)

    def __init__(self):
        self.expression = rcompile(TOKEN_PATTERN)
        self.stoplist = self.stop_list
        self._stems = {}
        self._words = rcompile(WORD_PATTERN).findall

    def __getstate__(self):
        # the schema is pickled into the index: leave the stem cache out
        return {"expression": self.expression, "stoplist": self.stoplist}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._stems = {}
        self._words = rcompile(WORD_PATTERN).findall

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(type(self))

    @staticmethod
    def chain():
        """The Whoosh chain this analyzer fuses (used for untokenized values)."""
        return whoosh_chain()

    def stem(self, word):
        stemmed = self._stems.get(word)
        if stemmed is None:
            stemmed = self._stems[word] = self.stem_function(word)
        return stemmed

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        if not tokenize:
            yield from self.chain()(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=False,
                mode=mode,
                **kwargs,
            )
            return
        value = fold(value)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stoplist, pos = self.stoplist, None
        for index, match in enumerate(self.expression.finditer(value)):
            text = match.group(0).lower()
            token.boost = 1.0
            if keeporiginal:
                token.original = match.group(0)
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if len(text) < 2 or text in stoplist:
                if removestops:
                    continue
                token.text, token.stopped = text, True
                if positions:
                    token.pos = start_pos + index
                yield token
                continue
            if positions:
                pos = start_pos + index if pos is None else pos + 1
                token.pos = pos
            token.text, token.stopped = self.stem(text), False
            yield token

    def term_positions(self, value) -> dict:
        """{term: [position, ...]} of value: what `__call__` yields, without Token objects.

        Indexing only needs each term's positions, so this skips the per-word Token
        bookkeeping; `ReleasePositions` uses it. Positions follow the StopFilter rule above.
        The last few results are kept by the text's identity: the writer counts a field's
        terms (its exact length) just before Whoosh indexes the same string.
        """
        recent = _RECENT.get(id(value))
        if recent is not None and recent[0] is value:
            return recent[1]
        found = self._term_positions(value)
        if len(_RECENT) >= 8:
            _RECENT.clear()
        _RECENT[id(value)] = (value, found)
        return found

    def _term_positions(self, value) -> dict:
        stoplist, stems, found, pos = self.stoplist, self._stems, {}, None
        for index, word in enumerate(self._words(fold(value))):
            text = word.lower()
            if len(text) < 2 or text in stoplist:
                continue
            pos = index if pos is None else pos + 1
            stemmed = stems.get(text)
            if stemmed is None:
                stemmed = stems[text] = self.stem_function(text)
            positions = found.get(stemmed)
            if positions is None:
                found[stemmed] = [pos]
            else:
                positions.append(pos)
        return found


# Whoosh's StopFilter(lang="fr") adds the English list to the French one; "or" (English "or")
# is taken out, since in French it is "gold" ("mine d'or", Val-d'Or) and must be searchable.
FRENCH_KEPT_WORDS = frozenset({"or"})


def french_stop_words():
    """Whoosh's French stop list (with its English words), folded as the text is first.

    Folding runs first in every analyzer (one design for all languages), so "été" and "à"
    arrive as "ete" and "a": the list must be folded too or they would be indexed.
    """
    words = (set(STOP_WORDS) | set(stoplists["fr"])) - FRENCH_KEPT_WORDS
    return sorted({fold(word) for word in words})


def french_chain():
    """Whoosh's LanguageAnalyzer("fr") with folding first: `FrenchAnalyzer` fuses it.

    The same tokenizer, LowercaseFilter, StopFilter (minimum size 2) and Snowball French
    StemFilter as LanguageAnalyzer("fr"); the text is folded first, as in whoosh_chain(),
    so the stemmer sees "miniere" for "minière" (docs/search-format.md says what changes).
    """
    return (
        FoldingTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=french_stop_words())
        | StemFilter(stemfn=FrenchStemmer().stem, cachesize=-1)
    )


class FrenchAnalyzer(EnglishAnalyzer):
    """`french_chain()` fused into one loop, as EnglishAnalyzer fuses whoosh_chain()."""

    stem_function = staticmethod(FrenchStemmer().stem)
    stop_list = frozenset(french_stop_words())

    @staticmethod
    def chain():
        return french_chain()


# The analyzer of each language that has its own index; any other language uses the default.
ANALYZERS = {"en": EnglishAnalyzer, "fr": FrenchAnalyzer}
DEFAULT_LANGUAGE = "en"


def analyzer_for(lang=DEFAULT_LANGUAGE):
    """The analyzer class of a language code ("fr", "fr-CA"); English for any other."""
    return ANALYZERS.get((lang or DEFAULT_LANGUAGE).split("-")[0].lower(), EnglishAnalyzer)


# (text, term positions) of the last few texts analysed, by id(text) (see term_positions).
_RECENT: dict = {}


class ReleasePositions(formats.Positions):
    """Whoosh's Positions format, fed by `EnglishAnalyzer.term_positions`.

    It writes the very bytes `formats.Positions` writes (same weights, same encoding), in
    about half the time: indexing 10,000 releases spends most of its time turning tokens
    into postings. Other analyzers take Whoosh's own path.
    """

    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(analyzer, EnglishAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for word, positions in analyzer.term_positions(value).items():
            yield word, len(positions), len(positions) * boost, self.encode(positions)

    def encode(self, poslist) -> bytes:
        """`formats.Positions.encode`, byte for byte: a count, then the pickled gaps."""
        gaps = [poslist[0]] if len(poslist) == 1 else [
            b - a for a, b in zip([0, *poslist[:-1]], poslist)]
        return _pack_count(len(gaps)) + pickle.dumps(gaps, 2)

    @staticmethod
    def position_deltas(valuestring) -> list:
        """The gaps between a posting's positions (the first from 0), as `encode` stored them.

        The export writes exactly these gaps, so it need not decode to positions and back.
        """
        if not valuestring.endswith(b"."):  # as formats.Positions.decode_positions
            valuestring += b"."
        return pickle.loads(valuestring[_COUNT_BYTES:])

    @classmethod
    def block_position_deltas(cls, valuestrings) -> list:
        """`position_deltas` of a block of postings, concatenated in posting order."""
        gaps, loads = [], pickle.loads
        for value in valuestrings:
            gaps += loads(value[_COUNT_BYTES:]) if value[-1:] == b"." else cls.position_deltas(
                value)
        return gaps


def build_analyzer(lang=DEFAULT_LANGUAGE):
    """The analyzer of every text field of an index in lang (see EnglishAnalyzer)."""
    return analyzer_for(lang)()


def build_schema(lang=DEFAULT_LANGUAGE):
    """Return the Whoosh schema: scored text fields, filter keys and stored display data."""
    analyzer = build_analyzer(lang)
    schema = fields.Schema(
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
        # {stem: the word the release uses most for it}, where not the stem (search/correct.py).
        surfaces=fields.STORED(),
    )
    for name in PHRASE_FIELDS:
        schema[name].format = ReleasePositions(field_boost=schema[name].format.field_boost)
    return schema


_ANALYZER = build_analyzer()
_ANALYZERS = {EnglishAnalyzer: _ANALYZER}


def language_analyzer(lang=DEFAULT_LANGUAGE):
    """The shared analyzer instance of a language (its stem cache is kept)."""
    kind = analyzer_for(lang)
    if kind not in _ANALYZERS:
        _ANALYZERS[kind] = kind()
    return _ANALYZERS[kind]


def analyze(text, lang=DEFAULT_LANGUAGE):
    """Return the index terms of text, as the index in lang would store them."""
    return [token.text for token in language_analyzer(lang)(text)]


def count_terms(text, lang=DEFAULT_LANGUAGE):
    """The number of terms text indexes as (its field length)."""
    return sum(map(len, language_analyzer(lang).term_positions(text).values()))
