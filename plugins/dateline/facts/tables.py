"""Tables written in plain text, read back into rows of cells.

Real releases give per-person allocations in tables, and a raw text release (or
one pasted from a web page) keeps only the text of them. `sentences.text_blocks`
asks this module whether a chunk of lines is a table, so grant extraction can read
it row by row as it reads an HTML ``<table>``. The layouts seen in real releases
(docs/extraction.md, grants atlas G41-G47):

- PIPE: a Markdown table, one row a line, ``| Name | Position | Options |`` with a
  ``|---|`` separator; empty cells are kept, so a Total row lines up.
- FIXED WIDTH: columns aligned with runs of two or more spaces; a line of dashes
  under the header is skipped.
- ONE CELL PER LINE: what copying an HTML table as text gives, the header cells
  then each row's cells, one a line ("Name / Position / Options granted / Jane Roe
  / Director / 250,000"); the width is found from where the first number falls.
- LIST: one line per person, "- Jane Roe, Director: 250,000 shares".
- FORM: a UK PDMR notification ("a) Name: ...", "Position/status: ...", "Nature
  of the transaction: ...", "Price(s) and volume(s): ..."), read as one row.

Every reader returns ``[header, row, ...]`` (tuples of cell text) or None. Which
rows are grants, and which column holds what, is `grant_rows`' business.
"""

from __future__ import annotations

import re

Rows = list[tuple[str, ...]]

_NUMBER_CELL = re.compile(r"^[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:p|pence|%)?$|^nil$", re.I)
_CELL_LINE_MAX = 60
_DASHES = re.compile(r"^[\s\-=|:+]+$")


def text_rows(lines: list[str]) -> Rows | None:
    """The rows of a chunk of raw lines, in whichever layout it is written, or None."""
    lines = [line.rstrip() for line in lines if line.strip()]
    if len(lines) < 2:
        return None
    for reader in (pipe_rows, form_rows, list_rows, fixed_width_rows, cell_per_line_rows):
        rows = reader(lines)
        if rows:
            return rows
    return None


def is_number(cell: str) -> bool:
    """A cell that holds a number (a count, a price in pence or pounds, "nil")."""
    return bool(_NUMBER_CELL.match(cell.strip()))


def pipe_rows(lines: list[str]) -> Rows | None:
    """A Markdown pipe table; the separator line is dropped, empty cells are kept."""
    if not all(line.lstrip().startswith("|") for line in lines):
        return None
    rows = []
    for line in lines:
        cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        if all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            continue
        rows.append(cells)
    width = len(rows[0]) if rows else 0
    if len(rows) < 2 or any(len(row) != width for row in rows):
        return None
    return rows


def fixed_width_rows(lines: list[str]) -> Rows | None:
    """Columns aligned by runs of spaces: every line splits into the same number of cells."""
    kept = [line for line in lines if not _DASHES.match(line)]
    rows = [tuple(re.split(r"\s{2,}", line.strip())) for line in kept]
    width = len(rows[0]) if rows else 0
    if width < 2 or len(rows) < 2 or any(len(row) != width for row in rows):
        return None
    if any(is_number(cell) for cell in rows[0]):
        return None  # a header names its columns
    if any(len(cell) > 40 or cell.endswith(".") for row in rows for cell in row):
        return None  # prose with double spaces after its full stops
    if not any(is_number(cell) for row in rows[1:] for cell in row):
        return None
    return rows


def cell_per_line_rows(lines: list[str]) -> Rows | None:
    """Header cells then row cells, one a line; the width is where the first number falls."""
    if len(lines) < 4 or any(_not_a_cell(line) for line in lines):
        return None
    first_number = next((i for i, line in enumerate(lines) if is_number(line)), None)
    if first_number is None:
        return None
    for width in range(2, min(first_number, 7) + 1):
        rows = [tuple(lines[i : i + width]) for i in range(0, len(lines), width)]
        if len(lines) % width or len(rows) < 2:
            continue
        header, body = rows[0], rows[1:]
        if any(is_number(cell) for cell in header):
            continue
        number_columns = [i for i in range(width) if is_number(body[0][i])]
        if number_columns and all(
            all(is_number(row[i]) for i in number_columns) for row in body
        ):
            return [tuple(cell.strip() for cell in row) for row in rows]
    return None


def _not_a_cell(line: str) -> bool:
    text = line.strip()
    if len(text) > _CELL_LINE_MAX:
        return True
    return bool(re.search(r"[.;:!?]$", text)) and not is_number(text)


_LIST_LINE = re.compile(
    r"^\s*[-•*–]\s+(?P<who>[^:–—]+?)\s*[:–—]\s*(?P<number>\d[\d,]*)\b(?P<rest>.*)$"
)


_LIST_REST = re.compile(
    r"(?i)^\s*(?:[\w-]+\s+){0,2}?(?:shares|options|units|rsus|dsus|psus|awards|rights)?\W*$"
)


def list_rows(lines: list[str]) -> Rows | None:
    """ "- Jane Roe, Director: 250,000 shares", one line per person."""
    matches = [_LIST_LINE.match(line) for line in lines]
    if not all(matches) or not all(_LIST_REST.match(m.group("rest")) for m in matches):
        return None
    return [("Name", "Number")] + [(m.group("who").strip(), m.group("number")) for m in matches]


# --- the PDMR notification form ------------------------------------------------------------

def _field(label: str) -> re.Pattern:
    """A form line: an optional item mark ("a)", "4."), the label, an optional colon, the value."""
    return re.compile(rf"(?i)^(?:[a-z0-9]{{1,2}}[.)]\s*)?{label}\s*:?\s*(?P<value>.*)$")


_FORM_FIELDS = (
    ("name", _field(r"name")),
    ("position", _field(r"position(?:\s*/\s*status)?")),
    ("instrument", _field(r"description\s+of\s+the\s+financial\s+instrument[^:]*?")),
    ("nature", _field(r"nature\s+of\s+the\s+transaction")),
    ("price_volume", _field(r"price\(s\)\s+and\s+volume\(s\)")),
    ("date", _field(r"date\s+of\s+the\s+transaction")),
)
_FORM_LABEL = re.compile(r"(?i)^(?:[a-z0-9]{1,2}[.)]|\d+\.)\s")
FORM_HEADER = ("name", "position", "instrument", "nature", "price", "volume", "date")


def form_rows(lines: list[str]) -> Rows | None:
    """A PDMR notification as one row: name, position, instrument, nature, price, volume, date."""
    if not any(re.search(r"(?i)managerial\s+responsibilit", line) for line in lines[:3]):
        if not any(_FORM_FIELDS[4][1].match(line.strip()) for line in lines):
            return None
    found: dict[str, str] = {}
    current = None
    for line in lines:
        text = line.strip()
        field = next(
            ((key, m) for key, pattern in _FORM_FIELDS if (m := pattern.match(text))), None
        )
        if field:
            current = field[0]
            found[current] = field[1].group("value").strip()
        elif current == "price_volume" and not _FORM_LABEL.match(text):
            found[current] = f"{found[current]} {text}".strip()
        else:
            current = None
    if "name" not in found or "price_volume" not in found:
        return None
    price, volume = _price_and_volume(found["price_volume"])
    row = (found["name"], found.get("position", ""), found.get("instrument", ""),
           found.get("nature", ""), price, volume, found.get("date", ""))
    return [FORM_HEADER, row]


_PRICE_TOKEN = re.compile(
    r"(?i)\bnil\b|£\s?\d+(?:\.\d+)?|\$\s?\d+(?:\.\d+)?|\b\d+(?:\.\d+)?\s?(?:p|pence)\b"
    r"|\b\d+\.\d+\b"
)
_VOLUME_TOKEN = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


def _price_and_volume(text: str) -> tuple[str, str]:
    """ "4.5p, 1,200,000" or "Price(s) Volume(s) Nil 95,000": the price and the volume."""
    text = re.sub(r"(?i)\b(?:price|volume)\(s\)", " ", text)
    price = _PRICE_TOKEN.search(text)
    rest = text[: price.start()] + " " + text[price.end() :] if price else text
    volume = _VOLUME_TOKEN.search(rest)
    return (price.group(0) if price else "", volume.group(0) if volume else "")
