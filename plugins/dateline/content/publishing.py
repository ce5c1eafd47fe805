"""Drafts and embargoed releases: removed before any page, feed or index sees them.

Pelican writes drafts to drafts/ and publishes future-dated articles by
default. For a disclosure site both are leaks, so the decision is made at
build time (not cached with the file) and the releases are dropped from
every list Pelican and the plugins read.
"""

from __future__ import annotations

import datetime as dt
import logging

from dateline.settings import dateline_settings

logger = logging.getLogger(__name__)


def build_time(settings) -> dt.datetime:
    """The moment this build publishes "as of": the clock, or DATELINE['now'] for previews."""
    configured = dateline_settings(settings).get("now")
    if configured:
        moment = configured if isinstance(configured,
                                          dt.datetime) else dt.datetime.fromisoformat(
                                              str(configured))
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def publishes(status, date, now: dt.datetime) -> bool:
    """The rule: a published release dated no later than the build time."""
    return status == "published" and date is not None and date <= now


def is_public(content, now: dt.datetime) -> bool:
    return publishes(getattr(content, "status", "published"), content.date, now)


def withhold_articles(generator) -> None:
    """Drop drafts and embargoed releases from the article generator (pre-taxonomy)."""
    now = build_time(generator.settings)
    embargoed = [a for a in generator.articles if a.date > now]
    from dateline.build import site

    if site.in_progress() is not None:
        site.in_progress().next_embargo = min((a.date for a in embargoed), default=None)
    if embargoed:
        logger.info("dateline: withholding %d embargoed release(s) until their date",
                    len(embargoed))
    if generator.drafts:
        logger.info("dateline: withholding %d draft release(s)", len(generator.drafts))
    generator.articles = [a for a in generator.articles if is_public(a, now)]
    generator.translations = [a for a in generator.translations if is_public(a, now)]
    generator.drafts, generator.drafts_translations = [], []
    generator.hidden_articles, generator.hidden_translations = [], []


def withhold_pages(generator) -> None:
    """Draft pages are never written either."""
    generator.draft_pages, generator.draft_translations = [], []
    generator.context["draft_pages"] = []
