"""The headline among the blocks above the news: never a legend, a letterhead, a caption or
a company-name line when anything else will do; an echoed page title marks it."""

from __future__ import annotations

import re

from dateline.importer.blocks import Block, spans_text
from dateline.importer.dates import DATE, has_date_label
from dateline.importer.letterheads import (
    COMPANY_ALIAS,
    COMPANY_LINE,
    SECTION_HEADING,
    is_all_caps,
    is_legend,
    is_letterhead,
    is_navigation,
)
from dateline.importer.parts import (
    COMPANY_RANK,
    DEEP_LEAD_SEARCH,
    HEADLINE_SEARCH,
    LEAD_SEARCH,
    Parts,
)


def choose_headline(parts: Parts, blocks: list[Block], hint) -> None:
    """The headline among the blocks above the news (or the page's <h1>/<title> hint)."""
    dated = parts.lead is not None and not parts.lead.standalone  # a dateline opens the news
    end = parts.lead_index if dated else HEADLINE_SEARCH
    news = None if dated else _prose_index(blocks)
    if news is not None:
        end = min(end, news)  # no dateline: the headline stands above the first paragraph of news
    end = _past_alias(blocks, end, news)
    # below a page's worth of saved chrome, the headline is among the blocks just above the lead
    start = max(0, end - HEADLINE_SEARCH) if end > LEAD_SEARCH else 0
    start = max(start, _after_exhibit_label(blocks[:end]))
    candidates = [
        b if start <= i != parts.date_index else Block("list") for i, b in enumerate(blocks[:end])
    ]
    picked, rank = _pick_headline(candidates, strict=not dated)
    limit = end if dated else _first_news(blocks, end)
    index = (
        _echoed_headline(candidates)
        or _echoed_page_title(blocks[start:limit], start)
        or _repeated_headline(candidates, picked)
    )
    if index is not None and index != picked:
        rank = _headline_rank(blocks[index])
    hint_is_company = bool(hint) and bool(COMPANY_LINE.match(hint[0].strip()))
    if hint and (index is None or (rank > 2 and not hint_is_company)):
        # a page <h1> or <title> beats a plain first line in the article, unless it is the
        # site's name ("Acme Gold Corp." as the logo's <h1>)
        parts.headline = hint[0]
        parts.headline_rank = COMPANY_RANK if hint_is_company else 0
    elif index is not None:
        parts.headline_index, parts.headline_rank = index, rank
        parts.headline, parts.headline_more = _joined_headline(blocks, index)


def _prose_index(blocks: list[Block]) -> int | None:
    """The first paragraph of news with a possible headline above it (an exchange's disclaimer
    printed above everything is prose too, but no headline stands over it)."""
    seen_title = False
    for index, block in enumerate(blocks[:DEEP_LEAD_SEARCH]):
        if is_prose(block):
            if seen_title:
                return index
        elif block.kind in ("paragraph", "heading") and not _not_a_headline(block):
            seen_title = True
    return None


def _past_alias(blocks: list[Block], end: int, news: int | None = None) -> int:
    """An RNS with a long header: the headline follows '("X" or the "Company")' even past the
    first HEADLINE_SEARCH blocks, as long as the alias is within LEAD_SEARCH or, with no
    dateline, above the first paragraph of news (a viewer page's chrome, then the RNS header)."""
    bound = max(LEAD_SEARCH, news or 0)
    for index in range(max(0, end - 1), min(len(blocks) - 1, bound)):
        if COMPANY_ALIAS.match(blocks[index].text.strip()):
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
        if is_prose(block):
            return max(index, at_least)
    return at_least


def is_prose(block: Block) -> bool:
    """A paragraph of the news: a sentence of twelve words or more, not a legend or a notice."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and len(text.split()) >= 12
        and text.endswith(".")
        and not is_legend(text)
        and not is_all_caps(text)
    )


def _echoed_page_title(blocks: list[Block], offset: int) -> int | None:
    """A viewer page's title ("Results of Court Meeting and General Meeting") above the
    announcement, which prints its own fuller headline further down ("Results of the Court Meeting
    and the General Meeting held on 18 June 2020"): the release's own line is the headline."""
    first = next((i for i,
                  b in enumerate(blocks) if b.kind in ("paragraph", "heading") and b.text.strip()),
                  None)
    if first is None or _not_a_headline(blocks[first]) or COMPANY_LINE.match(
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
        if index and COMPANY_ALIAS.match(candidates[index - 1].text.strip()):
            rank = -1  # RNS: the headline follows '("Kestrel Bay" or the "Company")'
        elif COMPANY_LINE.match(text) or COMPANY_ALIAS.match(text):
            rank = COMPANY_RANK
        elif strict and rank == 4 and text.endswith("."):
            continue
        if rank < best_rank:
            best, best_rank = index, rank
    return best, best_rank


def _not_a_headline(block: Block) -> bool:
    """Legends, letterhead labels, a wire's name, a date alone, an address block."""
    text = block.text.strip()
    if _is_wrapped_caps_headline(text):
        return False
    return (
        len(text) > 300
        or text.count("\n") >= 2
        or _is_header_block(text)
        or is_legend(text)
        or is_letterhead(text)
        or is_navigation(text)
        or bool(SECTION_HEADING.match(text))  # "About Copperline", "Contacts"
        or bool(DATE.fullmatch(text))
        or has_date_label(text)  # a page stamp: "Posted on 02/11/2025", "Release date: ..."
        or _is_caption(text)
        or (is_all_caps(text) and text.endswith("."))  # a notice in capitals, a sentence
        or bool(re.search(r"\S {4,}\S", text))  # two columns of a letterhead or page header
    )


def _is_wrapped_caps_headline(text: str) -> bool:
    """ "QUARTERLY ACTIVITIES / REPORT / 31 DECEMBER 2024": a headline in capitals that a page
    wrapped over a few short lines; not a letterhead, a company line or a legend."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return (
        1 < len(lines) <= 4
        and len(text.split()) <= 12
        and all(map(is_all_caps, lines))
        and not DATE.fullmatch(lines[0])
        and not any(is_letterhead(line) or COMPANY_LINE.match(line) for line in lines)
        and not is_legend(" ".join(lines))
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
        is_letterhead(line) or DATE.fullmatch(line) for line in lines
    )


def _headline_rank(block: Block) -> int:
    if block.kind == "heading":
        return 0 if block.level == 1 else 1
    if block.is_strong:
        return 2
    if is_all_caps(block.text):
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
