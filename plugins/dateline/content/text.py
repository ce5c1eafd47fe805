"""Rendered HTML to plain text, text folded for comparison, and sentences: the one place each is
written.

Search records, JSON-LD `articleBody` and summaries (`html_to_text`), legal-text matching
(`disclaimers`: `plain_text`, `normalise`) and the importer's check that nothing was lost
(`importer.verify`) must read the same words from the same HTML, or a sentence the page shows
could be "missing" to one of them. Regular expressions, not `html.parser`: legal-text matching
runs this on every block of every release, and the parser is eight times slower. The tag
pattern steps over quoted attribute values, so a `>` in a link title does not end a tag.

Sentences (`split_sentences`) are split here once, for extraction (`facts/sentences`, grants,
milestones) and for the importer's `--verify`, which reports a lost sentence by the same cut
extraction reads (docs/architecture.md says why the splitter lives here).
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata

BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "hr",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
}
# Elements with no end tag (HTML's void elements), for the readers that track nesting
# (disclaimers' block walk, the importer's HTML reader).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
CELLS = {"td", "th"}  # a word break, not a paragraph: a table row reads as one line

_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b" + _ATTRIBUTES + r">.*?</\1\s*>",
                     re.DOTALL | re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:%s)\b%s>" % ("|".join(sorted(BLOCKS, key=len, reverse=True)), _ATTRIBUTES),
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"</?(?:td|th)\b%s>" % _ATTRIBUTES, re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z!?]%s>" % _ATTRIBUTES)
_SPACES = re.compile(r"[ \t\r\f\v\n]+")
_WHITESPACE = re.compile(r"\s+")  # Unicode spaces too (no-break space): what a reader sees

# Typography folded for comparison: quotes, primes, dashes, the minus sign and no-break spaces.
# The union of the two tables there were: `disclaimers` folded U+2212 (a minus in "−0.5%") and
# U+202F (the narrow no-break space of French-style figures), `importer.verify` U+201F (the
# double counterpart of U+201B, which both had) and U+2015 (a quotation dash used as an em
# dash). Each is a variant of a character already folded, seen in real releases, so each belongs.
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ", "\u202f": " ",
})  # fmt: skip


def _text_with_breaks(html: str) -> str:
    """Tags out, entities decoded; block boundaries become blank lines, cells spaces."""
    text = _HIDDEN.sub("", _COMMENT.sub("", html or ""))
    text = _ANY_TAG.sub("", _CELL_TAG.sub(" ", _BLOCK_TAG.sub("\n\n", text)))
    return htmllib.unescape(text)


def html_to_text(html: str) -> str:
    """Visible text with paragraphs separated by blank lines and spaces collapsed."""
    paragraphs = (_SPACES.sub(" ", block).strip() for block
                  in _text_with_breaks(html).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def plain_text(html: str) -> str:
    """Visible text on one line, all whitespace collapsed (for matching)."""
    return " ".join(_text_with_breaks(html).split())


def collapse_whitespace(text: str) -> str:
    """Every whitespace run as one space, ends trimmed: the text as a reader sees it."""
    return _WHITESPACE.sub(" ", text).strip()


def normalise(text: str) -> str:
    """Compare wording, not typography: quotes, dashes, spaces, compatibility forms (NFKC:
    ligatures, full-width letters) and letter case are folded."""
    if not text.isascii():  # both steps are slow and change nothing in ASCII text
        text = unicodedata.normalize("NFKC", text.translate(FOLD))
    return " ".join(text.split()).casefold()


_TABLE_LAYOUT = re.compile(r"\||(?<![^\s|]):?-{3,}:?(?![^\s|])")


def wording(text: str) -> str:
    """A text as "is this sentence on the page?" compares it: `normalise`, then a pipe
    table's layout dropped too (bars and `---` rule rows; column padding is whitespace, which
    `normalise` collapses), so a table the page renders as a table still counts as kept.
    Other punctuation stays: an asterisk the page lost to emphasis is still a change. Padded
    with spaces so that a match starts and ends at a word boundary."""
    return " " + " ".join(_TABLE_LAYOUT.sub(" ", normalise(text)).split()) + " "


# --- sentences: one splitter for extraction (facts/) and the importer's --verify -------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "messrs", "no", "nos", "st", "jr", "sr", "vs", "approx",
    "e.g", "i.e", "cf", "fig", "figs", "u.s", "u.k", "u.s.a", "p.geo", "p.eng", "ph.d", "m.sc",
    "b.sc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "gov", "hon", "rev", "capt", "col", "lt", "sgt", "ave", "blvd", "rd", "est", "ca",
}
# After these a sentence usually goes on ("Acme Corp. (the ...)"); they end one only
# when the next word is a typical sentence opener.
_CORPORATE = {"inc", "corp", "ltd", "co", "llc", "plc", "s.a", "n.v", "ag", "l.p", "lp", "pty"}
_OPENERS = {
    "the", "this", "these", "it", "its", "in", "on", "under", "each", "all", "he", "she", "we",
    "our", "as", "a", "an", "following", "pursuant", "upon", "there", "such",
    "they", "their", "mr", "ms", "dr", "also", "with", "for", "to", "at", "by", "after",
}
# A sentence ends before a capital, a digit, or a list item joined into the paragraph
# ("... immediately. - Options to purchase ...").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+(?:[-•*]\s+)?[\"'“‘(\[]?[A-Z0-9$])")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, each an exact substring of it."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if not _is_boundary(paragraph, match.start(), end):
            continue
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _is_boundary(paragraph: str, dot: int, end: int) -> bool:
    if paragraph[dot] != ".":
        return True
    begin = dot
    while begin > 0 and (paragraph[begin - 1].isalpha() or paragraph[begin - 1] == "."):
        begin -= 1
    while begin < dot and not paragraph[begin].isalpha():
        begin += 1
    word = paragraph[begin:dot]
    if not word:
        return True  # "$1.07." or "2013."
    token = word.lower()
    following = re.match(r"\s+[\"'“‘(\[]?([A-Za-z]+)", paragraph[end:])
    next_word = following.group(1).lower() if following else ""
    if token in _ABBREVIATIONS:
        return False
    if token in _CORPORATE:
        return next_word in _OPENERS
    if len(token) == 1 and word.isupper():
        return False  # an initial: "John A. Smith"
    if "." in token and len(token) <= 6:
        # "U.S." at the end of a sentence is rare next to "U.S. dollars"
        return next_word in _OPENERS
    return True
