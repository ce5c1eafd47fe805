"""Turn a raw release (text or HTML) into front matter and a Markdown body, losing no sentence.

The headline becomes `title`, the dateline's place and date become `dateline`
and `date`; everything else (legends, disclaimers, About, contacts) stays in
the body in its original order, for the plugin to sort out at build time.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from dateline.errors import Problem, expected
from dateline.exchanges import Ticker
from dateline.importer import detect, writer
from dateline.importer.blocks import Block, Span, spans_text, strip_prefix
from dateline.importer.html import read_page
from dateline.importer.text import text_blocks

logger = logging.getLogger(__name__)

LEAD_SEARCH = 10  # the dateline sits within the first few blocks of a release
MIN_BODY_CHARS = 80
PLACEHOLDER_DATE = dt.date(1970, 1, 1)


@dataclass
class ImportedRelease:
    """The importer's result for one source: front matter, Markdown body, and what went wrong."""

    front_matter: dict
    body_markdown: str
    problems: list[Problem] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)
    source: str = ""
    source_text: str = ""  # the text --verify holds the output to
    is_html: bool = False

    @property
    def is_release(self) -> bool:
        return bool(self.front_matter)

    @property
    def relative_path(self) -> str:
        """Where the release goes under content/releases: YYYY/YYYY-MM-DD-slug.md."""
        date = self.front_matter["date"]
        return f"{date.year:04d}/{date.isoformat()}-{detect.slugify(self.front_matter['title'])}.md"

    def document(self) -> str:
        """The file's full text: YAML front matter, then the Markdown body."""
        if not self.is_release:
            raise ValueError(
                f"{self.source} is not a release: {self.problems[0] if self.problems else ''}"
            )
        return writer.render_document(self.front_matter, self.body_markdown, self.comments)


@dataclass
class _Parts:
    """Where the headline and dateline were found among the blocks."""

    headline: str | None = None
    headline_index: int | None = None
    lead: detect.Lead | None = None
    lead_index: int | None = None
    date_index: int | None = None  # a block holding only the date, e.g. an IR page's <time>


def parse_release(
    text: str, *, source: str, is_html: bool = False, default_ticker: Ticker | None = None
) -> ImportedRelease:
    """Detect headline, dateline, date, tickers and tags; keep everything else as the Markdown body."""
    published, hint = None, None
    if is_html:
        page = read_page(text)
        blocks, source_text, published = page.blocks, page.text, page.published
        hint = (page.headline, page.headline_line) if page.headline else None
    else:
        blocks, source_text = text_blocks(text), text
    parts = _locate_parts(blocks, hint)
    body = _body_blocks(blocks, parts)
    body_text = "\n\n".join(block.text for block in body)
    if not parts.headline or len(body_text) < MIN_BODY_CHARS:
        found = (parts.headline or body_text or text.strip())[:60]
        problem = expected(
            source, 1, "release", "a press release with a headline and body text", found
        )
        return ImportedRelease(
            {}, "", [problem], source=source, source_text=source_text, is_html=is_html
        )
    release = _assemble(parts, body, source, published, default_ticker)
    release.source_text, release.is_html = source_text, is_html
    return release


def _locate_parts(blocks: list[Block], hint) -> _Parts:
    parts = _find_leads(blocks)
    end = parts.lead_index if parts.lead and not parts.lead.standalone else 6
    candidates = [b if i != parts.date_index else Block("list") for i, b in enumerate(blocks[:end])]
    index, rank = _pick_headline(candidates, strict=parts.lead is None)
    if hint and (index is None or rank > 2):
        parts.headline = hint[0]  # a page <h1> or <title> beats a plain first line in the article
    elif index is not None:
        parts.headline_index = index
        parts.headline = _headline_text(blocks[index])
    return parts


def _find_leads(blocks: list[Block]) -> _Parts:
    """The dateline: a paragraph opening "PLACE, DATE -", and/or a line holding only the date."""
    parts = _Parts()
    for index, block in enumerate(blocks[:LEAD_SEARCH]):
        if block.kind not in ("paragraph", "heading", "quote"):
            continue
        lead = detect.match_lead("".join(span.text for span in block.spans).replace("\n", " "))
        if lead is None:
            continue
        if lead.standalone:
            if parts.date_index is None:
                parts.lead, parts.lead_index, parts.date_index = lead, index, index
            continue
        if parts.lead is not None and parts.lead.date != lead.date:
            parts.date_index = (
                None  # a different date line is not this release's date: keep it in the body
            )
        parts.lead, parts.lead_index = lead, index
        break
    return parts


def _pick_headline(candidates: list[Block], strict: bool) -> tuple[int | None, int]:
    """Prefer an <h1>, then any heading, a bold line, an ALL-CAPS line, then a short first line."""
    best, best_rank = None, 9
    for index, block in enumerate(candidates):
        text = block.text
        if block.kind not in ("paragraph", "heading") or detect.is_legend(text) or len(text) > 300:
            continue
        if detect.DATE.fullmatch(text.strip()):
            continue
        rank = _headline_rank(block)
        if strict and rank == 4 and text.rstrip().endswith("."):
            continue
        if rank < best_rank:
            best, best_rank = index, rank
    return best, best_rank


def _headline_rank(block: Block) -> int:
    if block.kind == "heading":
        return 0 if block.level == 1 else 1
    if block.is_strong:
        return 2
    return 3 if detect.is_all_caps(block.text) else 4


def _headline_text(block: Block) -> str:
    return re.sub(r"\s+", " ", spans_text(block.spans)).strip()


def _body_blocks(blocks: list[Block], parts: _Parts) -> list[Block]:
    """Every block but the headline; the dateline is cut from its paragraph (or dropped if alone)."""
    body = []
    for index, block in enumerate(blocks):
        if index in (parts.headline_index, parts.date_index):
            continue
        if index == parts.lead_index:
            block = Block(
                block.kind, spans=strip_prefix(block.spans, parts.lead.end), line=block.line
            )
        body.append(block)
    return [_as_heading(block, body[i + 1 :]) for i, block in enumerate(body)]


def _as_heading(block: Block, following: list[Block]) -> Block:
    """A short title line such as "About Almonty" becomes a `## ` heading (only if text follows it)."""
    if block.kind != "paragraph" or not following or "\n" in block.text:
        return block
    text = block.text
    if not detect.looks_like_heading(text) and not (block.is_strong and _short_title(text)):
        return block
    spans = [Span(span.text, False, span.em, span.href) for span in block.spans]
    return Block("heading", spans=spans, level=2, line=block.line)


def _short_title(text: str) -> bool:
    return len(text.split()) <= 8 and text[-1] not in ".,;:!?" and not detect.DATE.search(text)


def _assemble(
    parts: _Parts, body: list[Block], source: str, published, default_ticker
) -> ImportedRelease:
    all_text = parts.headline + "\n\n" + "\n\n".join(block.text for block in body)
    tickers = detect.detect_tickers(all_text) or ([default_ticker] if default_ticker else [])
    title = _tidy_title(parts.headline, body, tickers)
    fields: dict = {"title": title}
    comments: dict[str, str] = {}
    problems: list[Problem] = []
    line = _lead_line(parts, body)
    date = parts.lead.date if parts.lead else published
    if date is None:
        date, how = _guess_date(source, all_text)
        comments["date"] = f"TODO: date not found in source; {how}"
        problems.append(expected(source, line, "date", "a dateline date", None))
    fields["date"] = date
    if tickers:
        fields["ticker"] = tickers[0].label if len(tickers) == 1 else [t.label for t in tickers]
    else:
        fields["ticker"] = ""
        comments["ticker"] = "TODO: ticker not found in source"
        problems.append(expected(source, line, "ticker", 'a ticker such as "(TSXV: AII)"', None))
    fields["tags"] = detect.suggest_tags(title, _news_text(body))
    if parts.lead and parts.lead.place:
        fields["dateline"] = detect.tidy_place(parts.lead.place)
    if parts.lead and parts.lead.wire:
        comments["dateline" if "dateline" in fields else "date"] = f"wire: {parts.lead.wire}"
    if problems:
        fields["status"] = "draft"
    body_markdown = writer.render_body(body)
    return ImportedRelease(fields, body_markdown, problems, comments, source=source)


def _lead_line(parts: _Parts, body: list[Block]) -> int:
    first = next(
        (block for block in body if block.kind == "paragraph" and not detect.is_legend(block.text)),
        None,
    )
    return first.line if first else 1


def _tidy_title(headline: str, body: list[Block], tickers: list[Ticker]) -> str:
    headline = re.sub(r"^\*\*(.*)\*\*$", r"\1", headline.strip())
    if not detect.is_all_caps(headline):
        return headline
    keep = {ticker.symbol for ticker in tickers}
    words = set(re.findall(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b", headline)) - keep
    mixed_case = [block.text for block in body if not detect.is_all_caps(block.text)]
    # a headline word the body writes in capitals too (in mixed-case text) is an acronym: keep it
    keep.update(word for word in words if any(_has_word(text, word) for text in mixed_case))
    return detect.title_case(headline, keep)


def _has_word(text: str, word: str) -> bool:
    """`word` occurs in `text` as a whole word (str.find is far faster than a regex per headline)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _news_text(body: list[Block]) -> str:
    """The release's news: the body up to "About ...", the disclaimer or the contacts."""
    news = []
    for block in body:
        if block.kind == "heading" and detect.SECTION_HEADING.match(block.text.strip()):
            break
        news.append(block.text)
    return "\n\n".join(news)


def _guess_date(source: str, text: str) -> tuple[dt.date, str]:
    """A deterministic stand-in date for a draft, so re-importing gives the same file and path."""
    name = PurePath(source).name
    match = re.search(r"((?:19|20)\d\d)-?(\d\d)-?(\d\d)", name)
    if match:
        try:
            return dt.date(*map(int, match.groups())), "guessed from the file name"
        except ValueError:
            pass
    dates = detect.find_dates(text)
    if dates:
        return max(dates), "latest date mentioned in the text"
    return PLACEHOLDER_DATE, "placeholder"


def detect_release_date(text: str) -> dt.date | None:
    """The release date from a raw release's dateline (or an HTML page's published date), else None."""
    is_html = text.lstrip()[:1] == "<"
    if is_html:
        page = read_page(text)
        blocks, published = page.blocks, page.published
    else:
        blocks, published = text_blocks(text), None
    parts = _locate_parts(blocks, None)
    return parts.lead.date if parts.lead else published
