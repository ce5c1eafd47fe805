"""One entry point for extraction: body text in, grants and milestones out.

The Pelican plugin and the `dateline extract` command call `extract_html` on the
rendered body (or `extract_text` on a raw release); both read only the body
paragraphs chosen by `sentences.body_paragraphs`, so "About" boilerplate,
contacts, legends and disclaimers never yield facts. The headline (`title`), when
given, is read by milestones only: it is often the clearest statement of the news.
"""

from __future__ import annotations

import datetime
import logging

from dateline.facts.grants import extract_grants
from dateline.facts.milestones import extract_milestones
from dateline.facts.sentences import Block, body_blocks, text_blocks

logger = logging.getLogger(__name__)


def extract(paragraphs: list[str], *, release_date: datetime.date | None, exchanges: list[str],
            title: str | None = None, blocks: list[Block] | None = None) -> dict:
    """Grants and milestones of a release body given as plain-text paragraphs.

    `blocks` (the same paragraphs with their headings and table rows) let grant
    extraction read a section under a heading and a table of allocations. With no
    release date (a raw file without a dateline), dates the text states still
    count; those that need the release date to be read ("today", "in August")
    stay null.
    """
    grants = extract_grants(
        paragraphs, release_date=release_date, exchanges=exchanges, blocks=blocks
    )
    milestones = extract_milestones(paragraphs, release_date=release_date, title=title)
    logger.debug("extraction: %s grants, %s milestones", len(grants), len(milestones))
    return {"grants": grants, "milestones": milestones}


def extract_html(html: str, *, release_date: datetime.date | None, exchanges: list[str],
                 title: str | None = None) -> dict:
    """Grants and milestones of a rendered (HTML) release body."""
    blocks = body_blocks(html)
    return extract(_paragraphs(blocks), release_date=release_date, exchanges=exchanges,
                   title=title, blocks=blocks)


def extract_text(text: str, *, release_date: datetime.date | None, exchanges: list[str],
                 title: str | None = None) -> dict:
    """Grants and milestones of a raw text or Markdown release body."""
    blocks = text_blocks(text)
    return extract(_paragraphs(blocks), release_date=release_date, exchanges=exchanges,
                   title=title, blocks=blocks)


def _paragraphs(blocks: list[Block]) -> list[str]:
    """The blocks' paragraphs: what `body_paragraphs` / `text_paragraphs` give."""
    return [block.text for block in blocks if block.text and not block.heading]
