"""Rendered HTML to plain text, and text folded for comparison: the one place both are written.

Search records, JSON-LD `articleBody` and summaries (`html_to_text`), legal-text matching
(`disclaimers`: `plain_text`, `normalise`) and the importer's check that nothing was lost
(`importer.verify`) must read the same words from the same HTML, or a sentence the page shows
could be "missing" to one of them. Regular expressions, not `html.parser`: legal-text matching
runs this on every block of every release, and the parser is eight times slower. The tag
pattern steps over quoted attribute values, so a `>` in a link title does not end a tag.
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


def normalise(text: str) -> str:
    """Compare wording, not typography: quotes, dashes, spaces, compatibility forms (NFKC:
    ligatures, full-width letters) and letter case are folded."""
    if not text.isascii():  # both steps are slow and change nothing in ASCII text
        text = unicodedata.normalize("NFKC", text.translate(FOLD))
    return " ".join(text.split()).casefold()
