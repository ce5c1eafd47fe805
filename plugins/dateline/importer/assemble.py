"""Front matter and body for one release: what each field is, and a review problem (which
field, why, what to write) for each that could not be determined."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.content.exchanges import Ticker
from dateline.errors import Problem, expected
from dateline.importer import writer
from dateline.importer.blocks import Block, Span, strip_prefix
from dateline.importer.dates import DATE
from dateline.importer.letterheads import (
    SECTION_HEADING,
    is_all_caps,
    is_legend,
    looks_like_heading,
)
from dateline.importer.parts import (
    COMPANY_RANK,
    Parts,
)
from dateline.importer.tags import suggest_tags
from dateline.importer.tickers import release_tickers
from dateline.importer.titles import slugify, tidy_place, title_case

UNDATED = "undated"  # releases/undated/: drafts whose source prints no date wait here


@dataclass
class ImportedRelease:
    """The importer's result for one source: front matter, Markdown body, and what went wrong."""

    front_matter: dict
    body_markdown: str
    problems: list[Problem] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)
    source: str = ""
    source_text: str = ""  # the text --verify holds the output to
    raw_text: str = ""  # the source as read, for the line numbers of --verify's problems
    is_html: bool = False
    notes: list[str] = field(default_factory=list)  # what was left out, e.g. site navigation

    @property
    def is_release(self) -> bool:
        return bool(self.front_matter)

    @property
    def is_writable(self) -> bool:
        """A file validation accepts can be written: it needs a ticker (its own or assumed)."""
        return "ticker" in self.front_matter

    @property
    def is_draft(self) -> bool:
        return self.front_matter.get("status") == "draft"

    @property
    def relative_path(self) -> str:
        """Where the release goes under content/releases: YYYY/YYYY-MM-DD-slug.md, or
        undated/slug.md for a draft whose source prints no date (no placeholder date)."""
        slug = slugify(self.front_matter["title"])
        date = self.front_matter.get("date")
        if date is None:
            return f"{UNDATED}/{slug}.md"
        return f"{date.year:04d}/{date.isoformat()}-{slug}.md"

    def document(self) -> str:
        """The file's full text: YAML front matter, then the Markdown body."""
        if not self.is_release:
            raise ValueError(
                f"{self.source} is not a release: {self.problems[0] if self.problems else ''}"
            )
        return writer.render_document(self.front_matter, self.body_markdown, self.comments)

def body_blocks(blocks: list[Block], parts: Parts) -> list[Block]:
    """Every block but the headline; the dateline is cut from its paragraph (or dropped if alone).

    What stands above the news (a letterhead, an RNS header, a deck) is set in italics, so the
    page sets the dateline at the start of the news, as the release printed it.
    """
    body, news = [], _news_start(parts)
    for index, block in enumerate(blocks):
        if index in (parts.headline_index, parts.date_index, *parts.headline_more):
            continue
        if index == parts.lead_index and not parts.lead.standalone:
            block = Block(
                block.kind, spans=strip_prefix(block.spans, parts.lead.end), line=block.line
            )
        if index < news:
            body.append(_as_preamble(block))
        else:
            body.append(block)
    return [
        block if block.preamble else _as_heading(block, body[i + 1 :])
        for i, block in enumerate(body)
    ]


def _news_start(parts: Parts) -> int:
    """Index of the first block of the news: the dateline paragraph, else what follows the
    headline and the date line."""
    if parts.lead is not None and not parts.lead.standalone:
        return parts.lead_index
    marks = [i for i in (parts.headline_index, parts.date_index) if i is not None]
    return max(marks) + 1 if marks else 0


def _as_preamble(block: Block) -> Block:
    if (
        block.kind != "paragraph"
        or block.is_strong
        or all(s.em for s in block.spans if s.text.strip())
    ):
        return block
    spans = [Span(span.text, span.strong, True, span.href) for span in block.spans]
    return Block("paragraph", spans=spans, line=block.line, preamble=True)


def _as_heading(block: Block, following: list[Block]) -> Block:
    """A short title line such as "About Almonty" becomes a `## ` heading (if text follows)."""
    if block.kind != "paragraph" or not following or "\n" in block.text:
        return block
    text = block.text
    if not looks_like_heading(text) and not (block.is_strong and _short_title(text)):
        return block
    spans = [Span(span.text, False, span.em, span.href) for span in block.spans]
    return Block("heading", spans=spans, level=2, line=block.line)


def _short_title(text: str) -> bool:
    return len(text.split()) <= 8 and text[-1] not in ".,;:!?" and not DATE.search(text)


def assemble(
    parts: Parts, body: list[Block], source: str, published, default_ticker, issuer_tickers
) -> ImportedRelease:
    """Front matter and body; each field that could not be determined is a review problem."""
    all_text = (parts.headline or "") + "\n\n" + "\n\n".join(block.text for block in body)
    found = release_tickers(all_text, issuer_tickers) or (
        [default_ticker] if default_ticker else []
    )
    review = _Review(source, _lead_line(parts, body))
    if parts.headline is None or parts.headline_rank == COMPANY_RANK:
        parts = _title_from_lead(parts, body)
        review.add(
            "title",
            "a headline above the dateline",
            parts.headline_source,
            "the title is a stand-in: write the headline as published",
        )
    title = _tidy_title(parts.headline, body, found)
    fields: dict = {"title": title}
    _add_date(fields, parts.lead.date if parts.lead else published, review, parts.other_reading)
    _add_tickers(fields, found, issuer_tickers, review)
    fields["tags"] = suggest_tags(title, _news_text(body))
    if parts.lead and parts.lead.place:
        fields["dateline"] = tidy_place(parts.lead.place)
    if parts.lead and parts.lead.wire:
        fields["wire"] = parts.lead.wire
    if review.problems:
        fields["status"] = "draft"
    body_markdown = writer.render_body(body)
    return ImportedRelease(fields, body_markdown, review.problems, review.comments, source=source)


def _add_date(fields: dict, date: dt.date | None, review: _Review, other=None) -> None:
    """The dateline's date; none printed leaves `date` out (never a placeholder). A date in
    figures whose day and month could swap, with nothing to settle it, is kept day first and
    sent for review with the other reading."""
    if date is not None:
        fields["date"] = date
        if other is not None:
            review.add(
                "date",
                "a date whose order the text or the market settles",
                f"{date.isoformat()} read day first",
                f"if the source meant month first, write `date: {other.isoformat()}` and move the"
                f" file to releases/{other.year}/",
            )
        return
    review.add(
        "date",
        "a release date (a dateline such as 'VANCOUVER, May 29, 2013 –')",
        None,
        f"the draft is in releases/{UNDATED}/: add `date: YYYY-MM-DD` and move it"
        " to releases/YYYY/",
    )


def _add_tickers(fields: dict, found: list[Ticker], issuer_tickers, review: _Review) -> None:
    """The source's tickers, else issuer.yaml's marked assumed, else no `ticker` (not writable)."""
    tickers = found or issuer_tickers
    if not tickers:  # nothing valid to write; `dateline extract` still reads the rest
        review.problems.append(
            expected(
                review.source,
                review.line,
                "ticker",
                "a ticker in the source, or issuer.yaml tickers to assume (--issuer)",
                None,
            )
        )
        return
    if not found:
        labels = ", ".join(t.label for t in issuer_tickers)
        review.comments["ticker"] = "assumed: the source names no ticker; these are issuer.yaml's"
        review.add(
            "ticker",
            'a ticker such as "(TSXV: AII)"',
            None,
            f"assumed issuer.yaml's ({labels}): check them",
        )
    fields["ticker"] = tickers[0].label if len(tickers) == 1 else [t.label for t in tickers]


@dataclass
class _Review:
    """What a person must check before a draft is published: one problem per field, with a hint."""

    source: str
    line: int  # the lead's line: where the missing field would have been
    problems: list[Problem] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, what: str, found, hint: str) -> None:
        problem = expected(self.source, self.line, name, what, found)
        self.problems.append(
            Problem(problem.path, problem.line, name, f"{problem.message}; {hint}")
        )


def _title_from_lead(parts: Parts, body: list[Block]) -> Parts:
    """No headline: the company-name line the source opens with, else the lead's first words."""
    if parts.headline is not None:  # a company-name line was the only candidate
        parts.headline_source = parts.headline
        return parts
    lead = next((b for b in body if b.kind == "paragraph" and not b.preamble), None)
    words = (lead.text if lead else "Untitled release").split()
    parts.headline = " ".join(words[:12]).rstrip(",;:") + ("…" if len(words) > 12 else "")
    parts.headline_source = None
    return parts


def _lead_line(parts: Parts, body: list[Block]) -> int:
    first = next(
        (block for block in body if block.kind == "paragraph" and not is_legend(block.text)),
        None,
    )
    return first.line if first else 1


def _tidy_title(headline: str, body: list[Block], tickers: list[Ticker]) -> str:
    headline = re.sub(r"^\*\*(.*)\*\*$", r"\1", headline.strip())
    if not is_all_caps(headline):
        # "RIVERGUM MINERALS LIMITED — Share Issue": an ALL-CAPS part of an ASX title
        parts = re.split(r"(\s[—–]\s)", headline)
        if len(parts) > 1 and any(is_all_caps(part) for part in parts[::2]):
            return "".join(
                _tidy_title(part, body, tickers) if i % 2 == 0 else part
                for i, part in enumerate(parts)
            )
        return headline
    keep = {ticker.symbol for ticker in tickers}
    words = set(re.findall(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b", headline)) - keep
    mixed_case = [
        line for block in body for line in block.text.split("\n") if not is_all_caps(line)
    ]
    # a headline word the body writes in capitals too (in mixed-case text) is an acronym: keep it
    keep.update(word for word in words if any(_has_word(text, word) for text in mixed_case))
    return title_case(headline, keep)


def _has_word(text: str, word: str) -> bool:
    """`word` occurs in `text` as a whole word (str.find is far faster than a regex)."""
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
        if block.kind == "heading" and SECTION_HEADING.match(block.text.strip()):
            break
        news.append(block.text)
    return "\n\n".join(news)
