"""Drafts and embargoed releases: removed before any page, feed or index sees them.

Pelican writes drafts to drafts/ and publishes future-dated articles by
default. For a disclosure site both are leaks, so the decision is made at
build time (not cached with the file) and the releases are dropped from
every list Pelican and the plugins read.
"""

from __future__ import annotations

import datetime as dt
import logging

from pelican.contents import Content

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


def is_preview(settings) -> bool:
    """A `dateline serve --drafts/--now` build: drafts or embargoed releases may be shown, so
    every page carries the preview banner (and the build writes to its own folder)."""
    chosen = dateline_settings(settings)
    return bool(chosen.get("preview_drafts") or chosen.get("now"))


def preview_notice(article, clock: dt.datetime) -> str | None:
    """The banner a release not public *now* (by the real clock) carries in a preview."""
    if getattr(article, "status", "published") == "draft":
        return "DRAFT: not published. This page exists only in the preview."
    if article.date > clock:
        return (f"EMBARGOED until {article.date.isoformat()}: not public yet. "
                "This page exists only in the preview.")
    return None


def _previewed_drafts(generator, now: dt.datetime) -> list:
    """Dated drafts, shown by `--drafts` as if published (their URL is the release URL)."""
    if not dateline_settings(generator.settings).get("preview_drafts"):
        return []
    dated = [d for d in generator.drafts if d.date.year < dt.MAXYEAR and d.date <= now]
    if len(dated) < len(generator.drafts):
        logger.info("dateline: preview: %d draft(s) without a date or dated after --now not shown",
                    len(generator.drafts) - len(dated))
    for draft in dated:  # at the release's own URL (a draft's would be DRAFT_URL, empty here)
        draft.override_url = Content._expand_settings(draft, "url", "article")
        draft.override_save_as = Content._expand_settings(draft, "save_as", "article")
    return dated


def _mark_preview(generator) -> None:
    clock = dt.datetime.now(dt.timezone.utc)
    generator.context["DATELINE_PREVIEW"] = True
    for article in generator.articles:
        article.preview_notice = preview_notice(article, clock)


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
    drafts = _previewed_drafts(generator, now)
    generator.articles = [a for a in generator.articles if is_public(a, now)] + drafts
    if drafts:
        generator.articles.sort(key=lambda a: a.date, reverse=True)
    generator.translations = [a for a in generator.translations if is_public(a, now)]
    generator.drafts, generator.drafts_translations = [], []
    if is_preview(generator.settings):
        _mark_preview(generator)
    generator.hidden_articles, generator.hidden_translations = [], []


def withhold_pages(generator) -> None:
    """Draft pages are never written either."""
    generator.draft_pages, generator.draft_translations = [], []
    generator.context["draft_pages"] = []
