"""Accent and punctuation folding, pinned in a table so Python and the browser fold alike.

Python's unicodedata and each browser's String.normalize() follow different Unicode
versions, so neither side calls normalize() at search time. `build_table()` derives, once,
from NFKD with combining marks dropped, a character map over the scripts releases are written
in (Latin, Greek, Cyrillic, general punctuation, ligatures, full-width forms), plus curly
quotes as straight ones and a few letters NFKD leaves alone (ø, æ, ß, ł, đ). The table is
committed as fold-table.json; the analyzer applies it, the export ships it, and the browser
loads it when a query holds a non-ASCII character. A test regenerates it and compares.
Thousands separators go too: "100,000" folds to "100000", one term.
"""

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("fold-table.json")
# (first, last) code points the table covers.
FOLD_RANGES = ((0x00A0, 0x024F), (0x0370, 0x04FF), (0x1E00, 0x1EFF), (0x2000, 0x218F),
               (0xFB00, 0xFB06), (0xFF01, 0xFF5E))
# Combining marks: a decomposed "Que\u0301bec" is one word, "Quebec".
MARK_RANGES = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
               (0xFE20, 0xFE2F))
# What phones and word processors type for quotes, and letters NFKD does not decompose.
EXTRA = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u301d": '"', "\u301e": '"', "\uff02": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
}
# A comma between a digit and exactly three digits is a thousands separator.
THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_WORD = re.compile(r"\w")


def decompose(char: str) -> str:
    """NFKD of one character with combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def build_table() -> dict:
    """{character: folded text} from this Python's Unicode data (see the module docstring).

    A symbol that decomposes into letters ("™" to "TM") is left alone: folded, it would glue
    onto the word before it ("Almonty™" would no longer find "almonty").
    """
    table = {}
    for first, last in FOLD_RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            folded = decompose(char)
            if folded == char or (not _WORD.match(char) and _WORD.search(folded)):
                continue
            table[char] = folded
    for first, last in MARK_RANGES:
        for code in range(first, last + 1):
            if unicodedata.combining(chr(code)):
                table[chr(code)] = ""
    table.update(EXTRA)
    return dict(sorted(table.items()))


def table_document() -> dict:
    """The committed file's content: the Unicode version it came from and the map."""
    return {"unicode": unicodedata.unidata_version, "map": build_table()}


@lru_cache(maxsize=1)
def fold_map() -> dict:
    """The committed table as str.translate wants it."""
    table = json.loads(TABLE_PATH.read_text("utf-8"))["map"]
    return {ord(char): folded for char, folded in table.items()}


def fold(text: str) -> str:
    """Fold accents, compatibility forms, curly quotes and thousands separators."""
    folded = text.translate(fold_map())
    return THOUSANDS.sub("", folded) if "," in folded else folded


def write_table() -> None:
    """Regenerate fold-table.json (run after a deliberate change to the rules above)."""
    blob = json.dumps(table_document(), ensure_ascii=False, sort_keys=True, indent=0)
    TABLE_PATH.write_text(blob + "\n", "utf-8")


if __name__ == "__main__":
    write_table()
