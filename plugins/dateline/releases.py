"""Turn each published release into what its page shows.

Order matters: legal text is moved out of the body first, so extraction
reads only the release's own news, and the sentences that grants and
milestones came from are then anchored in the body the page shows.
"""

from __future__ import annotations

import logging

from dateline import disclaimers, extraction, sentences
from dateline.frontmatter import site_zone
from dateline.htmltext import html_to_text
from dateline.publishing import build_time
from dateline.structured import news_article

logger = logging.getLogger(__name__)


def enrich_articles(generator) -> None:
    """article_generator_finalized: attach legal text, facts, contacts and JSON-LD."""
    site = generator.settings["DATELINE_SITE"]
    today = build_time(generator.settings).date()
    articles = sorted(generator.articles, key=lambda a: (a.date, a.source_path))
    for index, article in enumerate(articles):
        enrich(article, site.issuer, generator.settings, today)
        article.previous_release = articles[index - 1] if index > 0 else None
        article.next_release = articles[index + 1] if index + 1 < len(articles) else None
    for article in generator.translations:
        enrich(article, site.issuer, generator.settings, today)
    logger.info("dateline: prepared %d release page(s)", len(articles))


def enrich(article, issuer, settings, today) -> None:
    """Attach everything a release page needs to one Pelican article."""
    exchanges = [ticker.exchange for ticker in article.tickers]
    legal = disclaimers.attach(
        article._content,
        issuer=issuer,
        exchanges=exchanges,
        disclaimer_key=getattr(article, "disclaimer_key", None),
        legend_keys=getattr(article, "legend_keys", []),
        release_date=article.date.date(),
        today=today,
        source=article.source_path,
        lines=getattr(article, "front_matter_lines", None),
    )
    for warning in legal.warnings:
        logger.warning("dateline: %s", warning)
    facts = _facts(article, legal.body_html, exchanges)
    body, anchors = sentences.anchor_sentences(
        legal.body_html, [f["sentence"] for f in facts["grants"] + facts["milestones"] if f.get("sentence")]
    )
    for fact in facts["grants"] + facts["milestones"]:
        fact["anchor"] = anchors.get(fact.get("sentence") or "")
    article._content = body
    article.legal = legal
    article.grants = facts["grants"]
    article.milestones = facts["milestones"]
    article.contacts = [issuer.contacts[key] for key in getattr(article, "contact_keys", [])]
    article.plain_body = html_to_text(legal.body_html)
    article.feed_html = disclaimers.feed_html(legal)
    article.jsonld = news_article(article, settings, article.plain_body, issuer)
    article.local_date = article.date.astimezone(site_zone(settings))
    article.time_stated = getattr(article, "time_stated", True)


def _facts(article, body_html: str, exchanges) -> dict:
    """Hand-written front-matter facts replace extraction, field by field list by list."""
    found = None
    grants = getattr(article, "grants_override", None)
    milestones = getattr(article, "milestones_override", None)
    if grants is None or milestones is None:
        found = extraction.extract_html(body_html, release_date=article.date.date(), exchanges=exchanges)
    return {
        "grants": [dict(g) for g in (grants if grants is not None else found["grants"])],
        "milestones": [dict(m) for m in (milestones if milestones is not None else found["milestones"])],
    }
