"""Release body text for extraction: paragraphs, blocks and sentences.

Extraction must read only what the release says about its own news, so
`body_paragraphs` / `text_paragraphs` drop:

- headings (``<h1>``-``<h6>``, a paragraph that is only bold text, a markdown
  ``#`` line); headings carry no facts, and a heading that starts a boilerplate
  section ("About Almonty", "For further information", "Forward-Looking
  Information", "Cautionary Note", "Safe Harbor", "Contact") ends the body;
- a short plain paragraph with no closing punctuation that reads like such a
  heading (Python-Markdown renders the seed's "About Almonty" as a plain ``<p>``);
- a paragraph that opens a forward-looking disclaimer ("This press release
  contains forward-looking ...", "Certain statements in this news release ...")
  or a "SOURCE:" / "-30-" trailer: it ends the body too;
- legend paragraphs anywhere ("Neither TSX Venture Exchange nor its Regulation
  Services Provider ...", "NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES ...",
  the U.S. Securities Act offering legend): skipped, the body goes on;
- the dateline that opens the first paragraph ("May 29, 2013 – ",
  "TORONTO, ONTARIO--(Marketwired - May 29, 2013) - "), because its date is the
  release date, not the date of an event.

Paragraph text keeps what the reader sees (entities decoded, whitespace
collapsed), so every sentence is an exact substring of its paragraph and can be
found again in the HTML by `anchors.anchor_sentences`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# the one sentence splitter is content/text.py's; grants, milestones and tests import it here
from dateline.content.text import collapse_whitespace
from dateline.content.text import split_sentences as split_sentences
from dateline.facts import tables

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD = {"strong", "b"}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})"

# "May 29, 2013 – ", "TORONTO, ONTARIO--(Marketwired - May 29, 2013) - ",
# "VANCOUVER, BC / ACCESSWIRE / May 29, 2013 / ", "TORONTO, May 29, 2013 /CNW/ - "
_DATELINE = re.compile(  # not an ASX "HIGHLIGHTS - <bullet dated 4 March 2024> - ..." line
    rf"^(?!(?i:(?:key\s+)?highlights?)\b)(?:[A-Z][A-Za-z .,'’()/-]{{0,100}}?(?:[-–—/(,]\s*"
    rf"|\s))?{_DATE}"
    r"\s*\)?\s*(?:/\s*[A-Z][A-Za-z ]{1,20}/|\((?:[A-Z][A-Za-z ]{1,30})\))?\s*(?:--|[-–—/:])\s*"
)

_STOP_HEADING = re.compile(
    r"^(?:about\b|for (?:further|more|additional) information|further information|"
    r"(?:investor|media|company)? ?(?:relations )?contacts?\b|information contact|"
    r"source\b|-\s*30\s*-|#+$)"
    r"|forward[- ]looking|cautionary (?:note|statement|language)|safe harbou?r|disclaimer",
    re.I,
)
_STOP_PARAGRAPH = re.compile(
    r"^(?:for (?:further|more|additional) information|source:|-\s*30\s*-|"
    r"(?:this|the) (?:news|press) release (?:contains|includes|may contain) (?:certain )?"
    r"(?:forward|statements)|certain (?:statements|information) (?:in|contained in|included in)"
    r" this (?:news|press) release|cautionary note|forward[- ]looking (?:statements|information)"
    r" ?[:—–-]|except for (?:the )?statements of historical fact)",
    re.I,
)
_LEGEND = re.compile(
    r"^(?:neither (?:the )?tsx(?: venture exchange)?\b.{0,80}regulation services provider"
    r"|not for (?:distribution|dissemination)\b"
    r"|this (?:news|press) release (?:does not|shall not) constitute an offer"
    r"|the securities (?:being )?(?:offered|referred to|described)\b.{0,60}have not been"
    r"|no stock exchange,? securities commission)",
    re.I,
)


class _BlockCollector(HTMLParser):
    """Collect the visible text of each block element with its heading-ness."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self._stack: list[str] = []
        self._text: list[str] = []
        self._bold_text: list[str] = []
        self._bold_depth = 0
        self._block_tag: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._flush()
            self._block_tag = tag
        elif tag in _BOLD:
            self._bold_depth += 1
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._flush()
        elif tag in _BOLD and self._bold_depth:
            self._bold_depth -= 1

    def handle_data(self, data):
        self._text.append(data)
        if self._bold_depth:
            self._bold_text.append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        text = collapse_whitespace("".join(self._text))
        if text:
            bold = collapse_whitespace("".join(self._bold_text))
            heading = self._block_tag in _HEADINGS or bold == text
            self.blocks.append((text, heading))
        self._text, self._bold_text, self._block_tag = [], [], None


def body_paragraphs(html: str) -> list[str]:
    """Plain-text paragraphs of a rendered release body, boilerplate left out."""
    collector = _BlockCollector()
    collector.feed(html or "")
    collector.close()
    return _select_body(collector.blocks)


def text_paragraphs(text: str) -> list[str]:
    """Plain-text paragraphs of a raw text (or Markdown) release, boilerplate left out."""
    return _select_body(_text_blocks(text or ""))


def _text_blocks(text: str):
    """(paragraph, is_heading) pairs, lazily, so reading stops at the first boilerplate."""
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        paragraph = collapse_whitespace(chunk)
        if not paragraph:
            continue
        bold = re.fullmatch(r"(\*\*|__)(.+)\1", paragraph)
        heading = re.match(r"#{1,6}\s+(.*)", paragraph)
        if bold or heading:
            yield (bold or heading).group(2 if bold else 1).strip(), True
        else:
            yield paragraph, False


def _looks_like_heading(text: str) -> bool:
    return len(text) <= 90 and not re.search(r"[.!?]$", text)


def looks_like_heading(text: str) -> bool:
    """A short line with no closing punctuation: a heading in a plain-text release."""
    return _looks_like_heading(text) and not text.startswith("|") and not text.endswith(":")


def _select_body(blocks) -> list[str]:
    """Keep body paragraphs until the first boilerplate section starts."""
    body: list[str] = []
    for text, heading in blocks:
        if _LEGEND.match(text):
            continue
        if body_ends(text, heading):
            break
        if heading:
            continue
        if not body:
            text = _strip_dateline(text)
            if not text:
                continue
        body.append(text)
    return body


def body_ends(text: str, heading: bool) -> bool:
    """A boilerplate heading ("About ...", "Forward-looking ...") or paragraph ends the body."""
    if (heading or _looks_like_heading(text)) and _STOP_HEADING.search(text):
        return True
    return bool(_STOP_PARAGRAPH.match(text))


def _strip_dateline(text: str) -> str:
    match = _DATELINE.match(text)
    return text[match.end():] if match else text


# --- blocks: paragraphs with their headings and table rows -----------------


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph, a heading, or a table row's cells.

    `body_blocks` / `text_blocks` give the same paragraphs, in the same order, as
    `body_paragraphs` / `text_paragraphs`, plus the headings between them (which
    open and close sections) and, for table cells, the row they sit in, so grant
    extraction can read a passage under "Grant of Stock Options" as one section and
    a table of allocations row by row.
    """

    text: str
    heading: bool = False
    row: tuple[str, ...] | None = None
    table: bool = False  # the paragraph is a table's own text; its rows follow as blocks


class _RowCollector(_BlockCollector):
    """A block collector that also remembers the cells of each table row."""

    def __init__(self):
        super().__init__()
        self.rows: dict[int, tuple[str, ...]] = {}
        self._cells: list[int] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._flush()
            self._cells = []
        super().handle_starttag(tag, attrs)
        if tag in ("td", "th") and self._cells is not None:
            self._cells.append(len(self.blocks))

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "tr" and self._cells is not None:
            cells = [i for i in self._cells if i < len(self.blocks)]
            texts = tuple(self.blocks[i][0] for i in cells)
            for index in cells:
                self.rows[index] = texts
            self._cells = None


def body_blocks(html: str) -> list[Block]:
    """Body blocks of a rendered release: `body_paragraphs` plus headings and table rows."""
    collector = _RowCollector()
    collector.feed(html or "")
    collector.close()
    blocks = [
        (text, heading, collector.rows.get(i), False)
        for i, (text, heading) in enumerate(collector.blocks)
    ]
    return _select_blocks(blocks)


def text_blocks(text: str) -> list[Block]:
    """Body blocks of a raw text or Markdown release; a table gives one block per row.

    `tables.text_rows` reads the raw lines of each paragraph (pipe, fixed-width,
    one cell per line, list lines, a PDMR form); a one-cell-per-line table whose
    rows are separated by blank lines spans several paragraphs and is read whole.
    """
    chunks = [chunk for chunk in _chunks(text or "")]
    paragraphs = list(_text_blocks(text or ""))
    tabled = _table_chunks(chunks, paragraphs)
    blocks = []
    for index, (paragraph, heading) in enumerate(paragraphs):
        rows = tabled.get(index)
        blocks.append((paragraph, heading, None, rows is not None))
        blocks.extend(("", False, row, False) for row in rows or [])
    return _select_blocks(blocks)


def _chunks(text: str):
    """The raw paragraphs `_text_blocks` reads, in the same order."""
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        if collapse_whitespace(chunk):
            yield chunk


def _table_chunks(chunks: list[str], paragraphs) -> dict[int, list]:
    """{paragraph index: its table rows} ([] for the later paragraphs of a spread table)."""
    found: dict[int, list] = {}
    index = 0
    while index < len(chunks):
        if paragraphs[index][1]:
            index += 1
            continue
        rows = tables.text_rows(chunks[index].splitlines())
        end = index + 1
        if rows is None:
            end = _cell_run_end(chunks, index)
            lines = [line for chunk in chunks[index:end] for line in chunk.splitlines()]
            rows = tables.cell_per_line_rows([line for line in lines if line.strip()])
        if rows:
            found[index] = rows
            found.update({later: [] for later in range(index + 1, end)})
            index = end
        else:
            index += 1
    return found


def _cell_run_end(chunks: list[str], start: int) -> int:
    """The end of a run of paragraphs made only of short, unpunctuated lines."""
    end = start
    while end < len(chunks) and all(
        len(line.strip()) <= 60 and not re.search(r"[.;:!?]$", line.strip())
        for line in chunks[end].splitlines()
        if line.strip()
    ):
        end += 1
    return end if end - start >= 2 else start + 1


def _select_blocks(blocks) -> list[Block]:
    """`_select_body`'s choices, keeping headings and rows (an empty text is a parsed row)."""
    body: list[Block] = []
    started = False
    for text, heading, row, table in blocks:
        if not text:
            if started:
                body.append(Block("", False, row))
            continue
        if _LEGEND.match(text):
            continue
        if body_ends(text, heading):
            break
        if heading:
            body.append(Block(text, True))
            continue
        if not started:
            text = _strip_dateline(text)
            if not text:
                continue
            started = True
        body.append(Block(text, False, row, table))
    return body
