"""Turn a raw release (text or HTML) into front matter and a Markdown body, losing no sentence.

The headline becomes `title`; the dateline's place, wire credit and date become `dateline`,
`wire` and `date` (the page sets them back at the start of the lead). Everything else
(letterheads, legends, disclaimers, About, contacts) stays in the body in its original order,
for the plugin to sort out at build time. A date, ticker or headline that cannot be found
makes the release a draft, with a problem saying what to write (docs/importer.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from dateline.content.exchanges import Ticker
from dateline.errors import Problem, expected
from dateline.importer import detect, writer
from dateline.importer.blocks import Block, Span, spans_text, strip_prefix
from dateline.importer.html import read_page
from dateline.importer.text import BULLET, text_blocks

logger = logging.getLogger(__name__)

LEAD_SEARCH = 12  # the dateline sits within the first few blocks of a release (after a letterhead)
HEADLINE_SEARCH = 8  # without a dateline paragraph, the headline is among the first blocks
DEEP_LEAD_SEARCH = 80  # how far down a page copied with its menus a dateline is looked for
MIN_RELEASE_CHARS = 80
MIN_SENTENCE_WORDS = 6  # release text has at least one paragraph this long
UNDATED = "undated"  # releases/undated/: drafts whose source prints no date wait here
_COMPANY_RANK = 8  # a company-name line is a headline only when nothing else is


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
        slug = detect.slugify(self.front_matter["title"])
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


@dataclass
class _Parts:
    """Where the headline and dateline were found among the blocks."""

    headline: str | None = None
    headline_index: int | None = None
    headline_rank: int = 9
    headline_source: str | None = None  # what a stand-in title was made from
    headline_more: tuple[int, ...] = ()  # an RNS headline's further lines: "X" / "and" / "Y"
    lead: detect.Lead | None = None
    lead_index: int | None = None
    date_index: int | None = None  # a block holding only the date, e.g. an IR page's <time>


def parse_release(
    text: str,
    *,
    source: str,
    is_html: bool = False,
    default_ticker: Ticker | None = None,
    issuer_tickers: list[Ticker] | tuple = (),
) -> ImportedRelease:
    """Detect headline, dateline, date, tickers and tags; keep everything else as the Markdown body.

    Only a source with no release text at all is refused. A release whose date, ticker or
    headline cannot be found is written as a draft, with a problem saying what to fill in.
    """
    published, hint = None, None
    if is_html:
        page = read_page(text)
        blocks, source_text, published = page.blocks, page.text, page.published
        hint = (page.headline, page.headline_line) if page.headline else None
    else:
        blocks, source_text = text_blocks(text), text
    blocks, dropped = _drop_navigation(blocks)
    source_text = _without_lines(source_text, dropped)
    if not _has_release_text(blocks):
        found = " ".join(block.text for block in blocks)[:60] or text.strip()[:60]
        problem = expected(
            source, 1, "release", "release text (a paragraph of a sentence or more)", found
        )
        return ImportedRelease(
            {}, "", [problem], source=source, source_text=source_text, is_html=is_html
        )
    parts = _locate_parts(blocks, hint, published)
    if parts.headline_index and (parts.lead_index or 0) > LEAD_SEARCH:
        # a page copied whole: what stands above the headline is the site's, not the release's
        chrome = [
            line for block in blocks[: parts.headline_index] for line in block.text.split("\n")
        ]
        chrome = [line.strip() for line in chrome if line.strip()]
        blocks, more = _drop_navigation(blocks[parts.headline_index :])
        source_text = _without_lines(source_text, chrome + more)
        dropped.extend(chrome + more)
        parts = _locate_parts(blocks, hint, published)
    body = _body_blocks(blocks, parts)
    release = _assemble(parts, body, source, published, default_ticker, list(issuer_tickers))
    release.source_text, release.is_html, release.raw_text = source_text, is_html, text
    release.notes = _navigation_note(dropped)
    return release


def _drop_navigation(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Site navigation saved around a release's top ("Home | News", "Back to News", "Share
    this article"), EDGAR's wrapper lines and page markers are not release text."""
    kept, dropped, seen, news = [], [], set(), False
    for index, block in enumerate(blocks):
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        prose = block.kind in ("paragraph", "list") and bool(lines)
        top_navigation = index < HEADLINE_SEARCH and all(map(detect.is_navigation, lines))
        running = prose and len(lines) == 1 and _is_running_header(lines[0])
        if prose and (top_navigation or all(map(detect.is_page_furniture, lines))):
            dropped.extend(lines)
        elif running and news and lines[0] in seen:
            dropped.extend(lines)  # a PDF's page header, printed again atop a later page
        else:
            seen.update(lines if running else ())
            news = news or _is_prose(block)
            kept.append(block)
    return kept, dropped


def _is_running_header(line: str) -> bool:
    """A short line that is no sentence and no section heading: what a PDF prints atop each page."""
    words = line.split()
    return (
        2 <= len(words) <= 12
        and line[-1] not in ".!?:"
        and not detect.SECTION_HEADING.match(line)
        and not detect.is_legend(line)
    )


def _without_lines(text: str, lines: list[str]) -> str:
    """The source text less the lines left out, each once, where it first occurs (a "Contact"
    menu item goes; a "Contact" heading further down stays for --verify to check)."""
    if not lines:
        return text
    pending: dict[str, int] = {}
    for line in lines:
        pending[line] = pending.get(line, 0) + 1
    kept = []
    for line in text.split("\n"):
        # a list item's text has lost its marker: "- 2 -" was read as the item "2 -"
        key = next(
            (k for k in (line.strip(), BULLET.sub("", line.strip())) if pending.get(k)), None
        )
        if key is not None:
            pending[key] -= 1
            continue
        kept.append(line)
    return "\n".join(kept)


def _navigation_note(dropped: list[str]) -> list[str]:
    if not dropped:
        return []
    shown = ", ".join(repr(line) for line in dropped[:2]) + (", ..." if len(dropped) > 2 else "")
    return [f"left out {len(dropped)} line(s) of site navigation or page furniture: {shown}"]


def _has_release_text(blocks: list[Block]) -> bool:
    text = "\n".join(block.text for block in blocks)
    return len(text) >= MIN_RELEASE_CHARS and any(
        len(line.split()) >= MIN_SENTENCE_WORDS for line in text.split("\n")
    )


def _locate_parts(blocks: list[Block], hint, published: dt.date | None = None) -> _Parts:
    parts = _find_leads(blocks, published)
    if parts.lead is None or parts.lead.standalone:
        # a date line alone (an 8-K's "Date of Report", a site's time stamp) yields to a full
        # dateline further down, as on a filing whose cover runs longer than LEAD_SEARCH blocks
        parts = _find_deep_lead(blocks) or parts
    if parts.lead is None and published is None:
        parts.lead = _labelled_date(blocks) or _sign_off_date(blocks) or _date_line(blocks)
    _choose_headline(parts, blocks, hint)
    return parts


def _choose_headline(parts: _Parts, blocks: list[Block], hint) -> None:
    """The headline among the blocks above the news (or the page's <h1>/<title> hint)."""
    end = parts.lead_index if parts.lead and not parts.lead.standalone else HEADLINE_SEARCH
    end = _past_alias(blocks, end)
    # below a page's worth of saved chrome, the headline is among the blocks just above the lead
    start = max(0, end - HEADLINE_SEARCH) if end > LEAD_SEARCH else 0
    start = max(start, _after_exhibit_label(blocks[:end]))
    candidates = [
        b if start <= i != parts.date_index else Block("list") for i, b in enumerate(blocks[:end])
    ]
    picked, rank = _pick_headline(candidates, strict=parts.lead is None)
    limit = end if parts.lead and not parts.lead.standalone else _first_news(blocks, end)
    index = (
        _echoed_headline(candidates)
        or _echoed_page_title(blocks[start:limit], start)
        or _repeated_headline(candidates, picked)
    )
    if index is not None and index != picked:
        rank = _headline_rank(blocks[index])
    hint_is_company = bool(hint) and bool(detect.COMPANY_LINE.match(hint[0].strip()))
    if hint and (index is None or (rank > 2 and not hint_is_company)):
        # a page <h1> or <title> beats a plain first line in the article, unless it is the
        # site's name ("Acme Gold Corp." as the logo's <h1>)
        parts.headline = hint[0]
        parts.headline_rank = _COMPANY_RANK if hint_is_company else 0
    elif index is not None:
        parts.headline_index, parts.headline_rank = index, rank
        parts.headline, parts.headline_more = _joined_headline(blocks, index)


def _past_alias(blocks: list[Block], end: int) -> int:
    """An RNS with a long header: the headline follows '("X" or the "Company")' even past the
    first HEADLINE_SEARCH blocks, as long as the alias is within LEAD_SEARCH."""
    for index in range(max(0, end - 1), min(len(blocks) - 1, LEAD_SEARCH)):
        if detect.COMPANY_ALIAS.match(blocks[index].text.strip()):
            return max(end, index + 2)
    return end


def _joined_headline(blocks: list[Block], index: int) -> tuple[str, tuple[int, ...]]:
    """ "Proposed Placing of up to £1.2 million" / "and" / "Operational Update": an RNS headline set
    over three lines is one headline."""
    text = _headline_text(blocks[index])
    joiner, after = index + 1, index + 2
    if after < len(blocks) and blocks[joiner].text.strip().lower() in ("and", "&"):
        rest = blocks[after]
        short = len(rest.text.split()) <= 12
        if rest.kind in ("paragraph", "heading") and short and not _not_a_headline(rest):
            return f"{text} {blocks[joiner].text.strip()} {_headline_text(rest)}", (joiner, after)
    return text, ()


def _find_leads(blocks: list[Block], published: dt.date | None = None) -> _Parts:
    """The dateline: a paragraph opening "PLACE, DATE -", and/or a line holding only the date
    (then a "PHOENIX--(BUSINESS WIRE)--" below it is the dateline, dated by that line)."""
    parts = _Parts()
    for index, block in enumerate(blocks[:LEAD_SEARCH]):
        if block.kind not in ("paragraph", "heading", "quote"):
            continue
        text = "".join(span.text for span in block.spans).replace("\n", " ")
        lead = detect.match_lead(text)
        near = parts.lead.date if parts.lead else published
        if lead is None and near is not None:  # "SAN JOSE, Calif., June 14 /PRNewswire/ --"
            lead = detect.match_yearless_lead(text, near)
        if lead is None:
            lead = _dated_placeline(text, near)
        if lead is None:
            if parts.lead is None and (header := _header_date(block)) is not None:
                header = _settle_order(header, block, blocks)
                parts.lead, parts.lead_index = header, index  # the block stays in the body
            continue
        if lead.standalone:
            if parts.date_index is None:
                parts.lead, parts.lead_index, parts.date_index = lead, index, index
            continue
        if parts.lead is not None and parts.lead.date != lead.date:
            # a different date line is not this release's date: keep it in the body
            parts.date_index = None
        parts.lead, parts.lead_index = lead, index
        break
    return parts


def _header_date(block: Block) -> detect.Lead | None:
    """The date line of a header block: "RNS Number : 5521B / Ashdown Oil plc / 04 March 2025",
    "Ashdown Oil plc - ADO / Final Results / Released 07:00 04-Mar-2025" (short lines only), or a
    page stamp or labelled row: "Release Date: 30/04/2025 08:50", "| Date of this announcement |
    8 July 2020 |" (detect.stamp_date)."""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if not lines or any(len(line.replace("|", " ").split()) > 12 for line in lines):
        return None
    for line in lines:
        lead = detect.match_lead(line) if len(lines) > 1 else None
        if lead is not None and lead.standalone:
            return lead
        date = detect.stamp_date(line)
        if date is not None:
            return detect.Lead(None, None, date, len(block.text), True)
    return None


def _labelled_date(blocks: list[Block]) -> detect.Lead | None:
    """A form's labelled date row further down than LEAD_SEARCH ("Date of this announcement",
    "Release date"): only a labelled row, which no sentence is."""
    for block in blocks[LEAD_SEARCH:DEEP_LEAD_SEARCH]:
        for line in block.text.split("\n"):
            date = detect.stamp_date(line) if detect.has_date_label(line) else None
            if date is not None:
                return detect.Lead(None, None, date, len(block.text), True)
    return None


def _date_line(blocks: list[Block]) -> detect.Lead | None:
    """Last resort: a date printed on a line of its own in a short block ("Johannesburg / 12 May
    2021" below a SENS announcement), never a date inside a sentence or a table."""
    for block in blocks[:DEEP_LEAD_SEARCH]:
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        if block.kind != "paragraph" or len(lines) > 3 or any(
            "|" in line or len(line.split()) > 8 for line in lines
        ):
            continue
        for line in lines:
            lead = detect.match_lead(line)
            if lead is not None and lead.standalone:
                return lead
    return None


# markets whose releases print figure dates month first
_MONTH_FIRST_MARKETS = {"NYSE", "NYSE American", "NASDAQ", "OTC", "OTCQX", "OTCQB", "OTC Pink"}


def _settle_order(lead: detect.Lead, block: Block, blocks: list[Block]) -> detect.Lead:
    """A figure stamp read day first ("Posted 03/04/2025") is read month first when the release
    writes that date in words and not the other, or names only US markets."""
    other = next(filter(None, map(detect.month_first_reading, block.text.split("\n"))), None)
    if other is None or other == lead.date:
        return lead
    text = "\n".join(b.text for b in blocks[:DEEP_LEAD_SEARCH])
    written = set(detect.find_dates(text))
    tickers = detect.detect_tickers(text)
    us_only = bool(tickers) and all(t.exchange in _MONTH_FIRST_MARKETS for t in tickers)
    if (other in written and lead.date not in written) or (us_only and lead.date not in written):
        return detect.Lead(lead.place, lead.wire, other, lead.end, lead.standalone)
    return lead


def _sign_off_date(blocks: list[Block]) -> detect.Lead | None:
    """HKEX announcements are dated below the signature: "By order of the Board / ... / Hong Kong,
    18 October 2019". A place and date alone, within a few blocks after a sign-off."""
    signed = None
    for index, block in enumerate(blocks):
        if detect.SIGN_OFF.match(block.text.strip()):
            signed = index
        elif signed is not None and index - signed <= 3:
            for line in block.text.split("\n"):
                lead = detect.match_lead(line.strip())
                if lead is not None and lead.standalone and lead.place:
                    return lead
    return None


def _find_deep_lead(blocks: list[Block]) -> _Parts | None:
    """A page copied whole, menus and all: a dateline with a place or a wire credit (a strong
    sign, unlike a date alone) further down than LEAD_SEARCH."""
    for index, block in enumerate(blocks[LEAD_SEARCH:DEEP_LEAD_SEARCH], start=LEAD_SEARCH):
        if block.kind != "paragraph":
            continue
        lead = detect.match_lead(block.text.replace("\n", " "))
        if lead is not None and not lead.standalone and (lead.place or lead.wire):
            return _Parts(lead=lead, lead_index=index)
    return None


def _dated_placeline(text: str, date: dt.date | None) -> detect.Lead | None:
    placeline = detect.match_placeline(text) if date else None
    if placeline is None or not text[placeline[2] :].strip():
        return None
    place, wire, end = placeline
    return detect.Lead(place, wire, date, end, False)


def _after_exhibit_label(blocks: list[Block]) -> int:
    """A filing's cover (FORM 8-K, the registrant, Item 7.01) stands above "Exhibit 99.1": the
    release, and so its headline, starts after the label."""
    labels = [i for i, b in enumerate(blocks) if _EXHIBIT_LABEL.match(b.text.strip())]
    return labels[-1] + 1 if labels and labels[-1] + 1 < len(blocks) else 0


_EXHIBIT_LABEL = re.compile(r"^(?:exhibit|ex-?)\s*99(?:\.\d+)?\W*$", re.IGNORECASE)


def _repeated_headline(candidates: list[Block], index: int | None) -> int | None:
    """A page's title line "SOUTHERN IRONWOOD LIMITED - Quarterly Report" above the release's own
    headline "Quarterly Report": the release's line is the headline."""
    if index is None:
        return None
    chosen = _headline_text(candidates[index])
    for later in range(index + 1, len(candidates)):
        block = candidates[later]
        text = _headline_text(block) if block.kind in ("paragraph", "heading") else ""
        if len(text.split()) >= 2 and re.search(r"\s[-–—|:]\s+" + re.escape(text) + "$", chosen):
            return later
    return index


def _echoed_headline(candidates: list[Block]) -> int | None:
    """A page's title line "COMPANY - Headline" above the headline printed again (a SENS page): the
    line both agree on is the headline, whatever stands in capitals below it."""
    for index, block in enumerate(candidates):
        if block.kind in ("paragraph", "heading") and " - " in block.text:
            later = _repeated_headline(candidates, index)
            if later != index:
                return later
    return None


def _first_news(blocks: list[Block], at_least: int) -> int:
    """Where the news starts when no dateline marks it: the first paragraph of prose (a sentence
    of twelve words or more that is not a legend), and never before `at_least`."""
    for index, block in enumerate(blocks[:DEEP_LEAD_SEARCH]):
        if _is_prose(block):
            return max(index, at_least)
    return at_least


def _is_prose(block: Block) -> bool:
    """A paragraph of the news: a sentence of twelve words or more, not a legend or a notice."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and len(text.split()) >= 12
        and text.endswith(".")
        and not detect.is_legend(text)
        and not detect.is_all_caps(text)
    )


def _echoed_page_title(blocks: list[Block], offset: int) -> int | None:
    """A viewer page's title ("Results of Court Meeting and General Meeting") above the
    announcement, which prints its own fuller headline further down ("Results of the Court Meeting
    and the General Meeting held on 18 June 2020"): the release's own line is the headline."""
    first = next((i for i,
                  b in enumerate(blocks) if b.kind in ("paragraph", "heading") and b.text.strip()),
                  None)
    if first is None or _not_a_headline(blocks[first]) or detect.COMPANY_LINE.match(
        blocks[first].text.strip()):
        return None
    words = _title_words(blocks[first].text)
    if len(words) < 3:
        return None
    for index in range(first + 1, len(blocks)):
        block = blocks[index]
        text = block.text.strip()
        if block.kind not in ("paragraph",
                              "heading") or _not_a_headline(block) or text.endswith("."):
            continue
        if len(text.split()) <= 30 and _is_subsequence(words, _title_words(text)):
            return offset + index
    return None


def _title_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _pick_headline(candidates: list[Block], strict: bool) -> tuple[int | None, int]:
    """Prefer an <h1>, then any heading, a bold line, an ALL-CAPS line, then a short first line."""
    best, best_rank = None, 9
    for index, block in enumerate(candidates):
        text = block.text.strip()
        if block.kind not in ("paragraph", "heading") or _not_a_headline(block):
            continue
        rank = _headline_rank(block)
        if index and detect.COMPANY_ALIAS.match(candidates[index - 1].text.strip()):
            rank = -1  # RNS: the headline follows '("Kestrel Bay" or the "Company")'
        elif detect.COMPANY_LINE.match(text) or detect.COMPANY_ALIAS.match(text):
            rank = _COMPANY_RANK
        elif strict and rank == 4 and text.endswith("."):
            continue
        if rank < best_rank:
            best, best_rank = index, rank
    return best, best_rank


def _not_a_headline(block: Block) -> bool:
    """Legends, letterhead labels, a wire's name, a date alone, an address block."""
    text = block.text.strip()
    return (
        len(text) > 300
        or text.count("\n") >= 2
        or _is_header_block(text)
        or detect.is_legend(text)
        or detect.is_letterhead(text)
        or detect.is_navigation(text)
        or bool(detect.SECTION_HEADING.match(text))  # "About Copperline", "Contacts"
        or bool(detect.DATE.fullmatch(text))
        or _is_caption(text)
        or (detect.is_all_caps(text) and text.endswith("."))  # a notice in capitals, a sentence
        or bool(re.search(r"\S {4,}\S", text))  # two columns of a letterhead or page header
    )


def _is_caption(text: str) -> bool:
    """A figure's caption saved with its alt text and title: one sentence printed two or three
    times."""
    sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]
    return len(sentences) >= 2 and len(set(sentences)) == 1


def _is_header_block(text: str) -> bool:
    """ "Greywacke Energy Ltd. / TSXV Symbol - GRW": lines of a letterhead, not a headline."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and any(
        detect.is_letterhead(line) or detect.DATE.fullmatch(line) for line in lines
    )


def _headline_rank(block: Block) -> int:
    if block.kind == "heading":
        return 0 if block.level == 1 else 1
    if block.is_strong:
        return 2
    if detect.is_all_caps(block.text):
        return 3
    return 3.5 if _is_title_case(block.text) else 4


def _is_title_case(text: str) -> bool:
    """ "Holloway Copper Closes $12 Million Financing": most words capitalised, as headlines are."""
    words = [
        word for word in re.findall(r"[^\W\d_][\w'’-]*", text) if word.lower() not in _SMALL_WORDS
    ]
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 4 and capitalised >= 0.8 * len(words) and not text.rstrip().endswith(".")


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                "the", "to", "with", "over", "per", "via", "up"}  # fmt: skip


def _headline_text(block: Block) -> str:
    return re.sub(r"\s+", " ", spans_text(block.spans)).strip()


def _body_blocks(blocks: list[Block], parts: _Parts) -> list[Block]:
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


def _news_start(parts: _Parts) -> int:
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
    if not detect.looks_like_heading(text) and not (block.is_strong and _short_title(text)):
        return block
    spans = [Span(span.text, False, span.em, span.href) for span in block.spans]
    return Block("heading", spans=spans, level=2, line=block.line)


def _short_title(text: str) -> bool:
    return len(text.split()) <= 8 and text[-1] not in ".,;:!?" and not detect.DATE.search(text)


def _assemble(
    parts: _Parts, body: list[Block], source: str, published, default_ticker, issuer_tickers
) -> ImportedRelease:
    """Front matter and body; each field that could not be determined is a review problem."""
    all_text = (parts.headline or "") + "\n\n" + "\n\n".join(block.text for block in body)
    found = detect.release_tickers(all_text, issuer_tickers) or (
        [default_ticker] if default_ticker else []
    )
    review = _Review(source, _lead_line(parts, body))
    if parts.headline is None or parts.headline_rank == _COMPANY_RANK:
        parts = _title_from_lead(parts, body)
        review.add(
            "title",
            "a headline above the dateline",
            parts.headline_source,
            "the title is a stand-in: write the headline as published",
        )
    title = _tidy_title(parts.headline, body, found)
    fields: dict = {"title": title}
    _add_date(fields, parts.lead.date if parts.lead else published, review)
    _add_tickers(fields, found, issuer_tickers, review)
    fields["tags"] = detect.suggest_tags(title, _news_text(body))
    if parts.lead and parts.lead.place:
        fields["dateline"] = detect.tidy_place(parts.lead.place)
    if parts.lead and parts.lead.wire:
        fields["wire"] = parts.lead.wire
    if review.problems:
        fields["status"] = "draft"
    body_markdown = writer.render_body(body)
    return ImportedRelease(fields, body_markdown, review.problems, review.comments, source=source)


def _add_date(fields: dict, date: dt.date | None, review: _Review) -> None:
    """The dateline's date; none printed leaves `date` out (never a placeholder)."""
    if date is not None:
        fields["date"] = date
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


def _title_from_lead(parts: _Parts, body: list[Block]) -> _Parts:
    """No headline: the company-name line the source opens with, else the lead's first words."""
    if parts.headline is not None:  # a company-name line was the only candidate
        parts.headline_source = parts.headline
        return parts
    lead = next((b for b in body if b.kind == "paragraph" and not b.preamble), None)
    words = (lead.text if lead else "Untitled release").split()
    parts.headline = " ".join(words[:12]).rstrip(",;:") + ("…" if len(words) > 12 else "")
    parts.headline_source = None
    return parts


def _lead_line(parts: _Parts, body: list[Block]) -> int:
    first = next(
        (block for block in body if block.kind == "paragraph" and not detect.is_legend(block.text)),
        None,
    )
    return first.line if first else 1


def _tidy_title(headline: str, body: list[Block], tickers: list[Ticker]) -> str:
    headline = re.sub(r"^\*\*(.*)\*\*$", r"\1", headline.strip())
    if not detect.is_all_caps(headline):
        # "RIVERGUM MINERALS LIMITED — Share Issue": an ALL-CAPS part of an ASX title
        parts = re.split(r"(\s[—–]\s)", headline)
        if len(parts) > 1 and any(detect.is_all_caps(part) for part in parts[::2]):
            return "".join(
                _tidy_title(part, body, tickers) if i % 2 == 0 else part
                for i, part in enumerate(parts)
            )
        return headline
    keep = {ticker.symbol for ticker in tickers}
    words = set(re.findall(r"\b[A-Z][A-Z0-9&]*[A-Z0-9]\b", headline)) - keep
    mixed_case = [
        line for block in body for line in block.text.split("\n") if not detect.is_all_caps(line)
    ]
    # a headline word the body writes in capitals too (in mixed-case text) is an acronym: keep it
    keep.update(word for word in words if any(_has_word(text, word) for text in mixed_case))
    return detect.title_case(headline, keep)


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
        if block.kind == "heading" and detect.SECTION_HEADING.match(block.text.strip()):
            break
        news.append(block.text)
    return "\n\n".join(news)


def detect_release_date(text: str) -> dt.date | None:
    """The release date from a raw release's dateline (or an HTML page's date), else None."""
    is_html = text.lstrip()[:1] == "<"
    if is_html:
        page = read_page(text)
        blocks, published = page.blocks, page.published
    else:
        blocks, published = text_blocks(text), None
    parts = _locate_parts(blocks, None, published)
    return parts.lead.date if parts.lead else published
