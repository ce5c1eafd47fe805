"""One entry point for extraction: body text in, grants and milestones out.

The Pelican plugin and the `dateline extract` command call `extract_html` on the
rendered body (or `extract_text` on a raw release); both read only the body
paragraphs chosen by `sentences.body_paragraphs`, so "About" boilerplate,
contacts, legends and disclaimers never yield facts.
"""

from __future__ import annotations

import datetime
import logging

from .grants import extract_grants
from .milestones import extract_milestones
from .sentences import body_paragraphs, text_paragraphs

logger = logging.getLogger(__name__)


def extract(paragraphs: list[str], *, release_date: datetime.date, exchanges: list[str]) -> dict:
    """Grants and milestones of a release body given as plain-text paragraphs."""
    grants = extract_grants(paragraphs, release_date=release_date, exchanges=exchanges)
    milestones = extract_milestones(paragraphs, release_date=release_date)
    logger.debug("extraction: %s grants, %s milestones", len(grants), len(milestones))
    return {"grants": grants, "milestones": milestones}


def extract_html(html: str, *, release_date: datetime.date, exchanges: list[str]) -> dict:
    """Grants and milestones of a rendered (HTML) release body."""
    return extract(body_paragraphs(html), release_date=release_date, exchanges=exchanges)


def extract_text(text: str, *, release_date: datetime.date, exchanges: list[str]) -> dict:
    """Grants and milestones of a raw text or Markdown release body."""
    return extract(text_paragraphs(text), release_date=release_date, exchanges=exchanges)
