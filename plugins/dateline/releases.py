"""Turn each published release into what its page shows.

Order matters: legal text is moved out of the body first, so extraction
reads only the release's own news, and the sentences that grants and
milestones came from are then anchored in the body the page shows.

The result for a release depends only on its HTML, its front matter, the
issuer profile and the plugin's code, so it is cached under a hash of those
(`dateline.cache`): an unchanged release is not processed again. Only the
archival notice, which depends on the build date, is worked out every time.
"""

from __future__ import annotations

import dataclasses
import logging

from dateline import disclaimers, extraction, progress, sentences, timing
from dateline import site as build_site
from dateline.cache import code_version, digest
from dateline.frontmatter import site_zone
from dateline.htmltext import html_to_text
from dateline.publishing import build_time
from dateline.structured import news_article
from dateline.timing import phase

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class PreparedRelease:
    """Everything derived from one release's text: cacheable, picklable."""

    legal: disclaimers.Attachment
    grants: list
    milestones: list
    body_html: str
    plain_body: str
    feed_html: str


def enrich_articles(generator) -> None:
    """article_generator_finalized: attach legal text, facts, contacts and JSON-LD."""
    site = build_site.current()
    store = site.store
    today = build_time(generator.settings).date()
    articles = sorted(generator.articles, key=lambda a: (a.date, a.source_path))
    with phase("prepare releases"):
        for index, article in enumerate(articles):
            enrich(article, site, generator.settings, today, store)
            progress.advance("prepare")
            article.previous_release = articles[index - 1] if index > 0 else None
            article.next_release = articles[index + 1] if index + 1 < len(articles) else None
        for article in generator.translations:
            enrich(article, site, generator.settings, today, store)
    logger.info("dateline: prepared %d release page(s): %s", len(articles), timing.summary())


def enrich(article, site, settings, today, store=None) -> None:
    """Attach everything a release page needs to one Pelican article."""
    key = release_key(article, site) if store is not None else None
    prepared = store.get("release", key) if key else None
    if prepared is None:
        prepared = prepare(article, site.issuer, today)
        if key:
            store.put("release", key, prepared)
    else:
        notice = disclaimers.archival_notice(article.date.date(), today, site.issuer.archival_notice_years)
        prepared.legal = dataclasses.replace(prepared.legal, archival_notice=notice)
    for warning in prepared.legal.warnings:
        logger.warning("dateline: %s", warning)
    apply(article, site.issuer, settings, prepared)


def release_key(article, site) -> str:
    """Hash of everything `prepare` reads."""
    return digest(
        code_version(), site.issuer_digest, article.source_path, article._content,
        [t.label for t in article.tickers], getattr(article, "disclaimer_key", None),
        getattr(article, "legend_keys", []), getattr(article, "grants_override", None),
        getattr(article, "milestones_override", None), getattr(article, "front_matter_lines", None),
        article.date.date(),
    )


def prepare(article, issuer, today) -> PreparedRelease:
    """Move legal text out, extract facts, anchor their sentences."""
    exchanges = [ticker.exchange for ticker in article.tickers]
    with phase("disclaimers"):
        legal = disclaimers.attach(
            article._content, issuer=issuer, exchanges=exchanges,
            disclaimer_key=getattr(article, "disclaimer_key", None),
            legend_keys=getattr(article, "legend_keys", []),
            release_date=article.date.date(), today=today, source=article.source_path,
            lines=getattr(article, "front_matter_lines", None),
        )
    with phase("extraction"):
        facts = _facts(article, legal.body_html, exchanges)
        body, anchors = sentences.anchor_sentences(
            legal.body_html, [f["sentence"] for f in facts["grants"] + facts["milestones"] if f.get("sentence")]
        )
    for fact in facts["grants"] + facts["milestones"]:
        fact["anchor"] = anchors.get(fact.get("sentence") or "")
    return PreparedRelease(legal=legal, grants=facts["grants"], milestones=facts["milestones"],
                           body_html=body, plain_body=html_to_text(legal.body_html),
                           feed_html=disclaimers.feed_html(legal))


def apply(article, issuer, settings, prepared: PreparedRelease) -> None:
    """Set what the templates, feeds and search read."""
    article._content = prepared.body_html
    article.legal = prepared.legal
    article.grants = prepared.grants
    article.milestones = prepared.milestones
    article.contacts = [issuer.contacts[key] for key in getattr(article, "contact_keys", [])]
    article.plain_body = prepared.plain_body
    article.summary_text = html_to_text(article.summary)
    article.feed_html = prepared.feed_html
    article.jsonld = news_article(article, settings, article.plain_body, issuer)
    article.local_date = article.date.astimezone(site_zone(settings))
    article.time_stated = getattr(article, "time_stated", True)


def _facts(article, body_html: str, exchanges) -> dict:
    """Hand-written front-matter facts replace extraction, list by list."""
    found = None
    grants = getattr(article, "grants_override", None)
    milestones = getattr(article, "milestones_override", None)
    if grants is None or milestones is None:
        found = extraction.extract_html(body_html, release_date=article.date.date(), exchanges=exchanges)
    return {
        "grants": [dict(g) for g in (grants if grants is not None else found["grants"])],
        "milestones": [dict(m) for m in (milestones if milestones is not None else found["milestones"])],
    }
