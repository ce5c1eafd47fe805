"""Turn each published release into what its page shows.

Order matters: legal text is moved out of the body first, so extraction
reads only the release's own news, and the sentences that grants and
milestones came from are then anchored in the body the page shows.

The result for a release depends only on its HTML, its front matter, the
issuer profile and the plugin's code, so it is cached under a hash of those
(`dateline.runtime.cache`): an unchanged release is not processed again. Only the
archival notice, which depends on the build date, is worked out every time.
"""

from __future__ import annotations

import dataclasses
import logging
import os

from pelican.utils import truncate_html_words

from dateline.build import site as build_site
from dateline.content.frontmatter import site_zone
from dateline.content.publishing import build_time, publishes
from dateline.content.text import html_to_text
from dateline.facts import anchors, disclaimers, extraction, leadline, sentences
from dateline.facts.structured import LazyNewsArticle
from dateline.runtime import ahead, progress, timing
from dateline.runtime.cache import code_version, digest
from dateline.runtime.checkpoints import reached
from dateline.runtime.forking import fork_map, inherited
from dateline.runtime.timing import phase

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class PreparedRelease:
    """Everything derived from one release's text: cacheable, picklable."""

    legal: disclaimers.Attachment
    grants: list
    milestones: list
    body_html: str
    plain_body: str
    summary_text: str | None = None  # Pelican's automatic summary as text (search records)
    summary_html: str | None = None  # the same cut as HTML: page keys compare it, not Pelican's


# Below this many releases to prepare, starting worker processes costs more than it saves.
PARALLEL_MIN = 200


def enrich_articles(generator) -> None:
    """article_generator_finalized: attach legal text, facts, contacts and JSON-LD."""
    site = build_site.current()
    today = build_time(generator.settings).date()
    articles = sorted(generator.articles, key=lambda a: (a.date, a.source_path))
    with phase("prepare releases"):
        prepared = prepare_all(articles + list(generator.translations), site, today)
        for index, article in enumerate(articles):
            enrich(article, site, generator.settings, prepared[id(article)])
            progress.advance("prepare")
            article.previous_release = articles[index - 1] if index > 0 else None
            article.next_release = articles[index + 1] if index + 1 < len(articles) else None
        for article in generator.translations:
            enrich(article, site, generator.settings, prepared[id(article)])
    logger.info("dateline: prepared %d release page(s): %s", len(articles), timing.summary())
    reached("prepared")


def prepare_all(articles, site, today) -> dict:
    """{id(article): PreparedRelease}: from the cache, from the workers `ahead` fed while
    Pelican read, else prepared now on every core.

    Extraction and legal-text detection are pure functions of a release's text, so they
    spread over worker processes (forked: they share the issuer profile and code). Only
    the archival notice depends on the build date; it is set on every cached result.
    """
    store, prepared, keys, missing = site.store, {}, {}, []
    try:
        for article in articles:
            job = _job(article, today)
            keys[id(article)] = key = release_key(job, site)
            article._dateline_release_key = key  # stands for the preparation in page keys
            cached = store.get("release", key) if store is not None else None
            if cached is not None:
                prepared[id(article)] = _dated(cached, article, today, site)
                continue
            early = ahead.take(article.source_path, key)
            if early is None:
                missing.append((article, job))
            else:
                prepared[id(article)] = _dated(_keep(store, key, early), article, today, site)
    finally:
        ahead.close()
    for (article, _), outcome in zip(missing, _run_jobs([job for _, job in missing], site.issuer)):
        prepared[id(article)] = _keep(store, keys[id(article)], outcome)
    return prepared


def _dated(result, article, today, site):
    """The result with the archival notice as of this build's date."""
    notice = disclaimers.archival_notice(article.date.date(), today,
                                         site.issuer.archival_notice_years)
    return dataclasses.replace(result,
                               legal=dataclasses.replace(result.legal, archival_notice=notice))


def _keep(store, key, outcome) -> PreparedRelease:
    """Cache a fresh (result, worker seconds) and count its seconds; return the result."""
    result, seconds = outcome
    if store is not None:
        store.put("release", key, result)
    for name, value in seconds.items():
        timing.add(name, value)
    return result


def prepare_ahead(source: str, html: str, metadata: dict, settings) -> None:
    """Reader hook: hand a just-rendered release to the workers (see `dateline.runtime.ahead`)."""
    now = build_time(settings)
    if not publishes(metadata.get("status", "published"), metadata.get("date"), now):
        return  # drafts and embargoed releases are withheld; nothing to prepare
    site = build_site.current()
    job = release_job(html, metadata.get, settings, source, now.date())
    key = release_key(job, site)
    if site.store is None or not site.store.contains("release", key):
        ahead.submit(source, key, job, site.issuer, _prepare_job)


def _run_jobs(jobs, issuer):
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(jobs) < PARALLEL_MIN:
        return [_prepare_job(job, issuer) for job in jobs]
    return fork_map(_prepare_job, jobs, workers, shared=issuer,
                    chunksize=max(1, len(jobs) // (workers * 8)))


def _job(article, today) -> dict:
    """What `prepare` reads of an article, as plain data a worker process can receive."""
    return release_job(article._content, lambda name, default=None: getattr(article, name, default),
                       article.settings, article.source_path, today)


def release_job(html, get, settings, source, today) -> dict:
    """The inputs of `prepare_text`, from HTML and a metadata getter (article or reader)."""
    return {
        "html": html, "exchanges": [t.exchange for t in get("tickers", None) or []],
        "disclaimer_key": get("disclaimer_key", None),
        "legend_keys": get("legend_keys", None) or [],
        "grants": get("grants_override", None),
        "milestones": get("milestones_override", None),
        "lines": get("front_matter_lines", None),
        "date": get("date", None).date(), "today": today, "source": source,
        "title": get("title", None),
        "summary_words": settings.get("SUMMARY_MAX_LENGTH"),  # None: no cut (`dateline check`)
        "summary_suffix": settings.get("SUMMARY_END_SUFFIX"),
    }


def _prepare_job(job, issuer=None):
    started = timing.phase_seconds()
    prepared = prepare_text(job, issuer or inherited())
    finished = timing.phase_seconds()
    return prepared, {k: finished.get(k, 0) - started.get(k, 0) for k
                      in ("disclaimers", "extraction")}


def enrich(article, site, settings, prepared) -> None:
    """Attach everything a release page needs to one Pelican article."""
    for warning in prepared.legal.warnings:
        logger.warning("dateline: %s", warning)
    apply(article, site.issuer, settings, prepared)


def release_key(job: dict, site) -> str:
    """Hash of everything `prepare` reads (the build date only sets the archival notice,
    which is worked out afresh for cached results)."""
    return digest(code_version(), site.issuer_digest,
                  sorted((k, v) for k, v in job.items() if k != "today"))


def prepare_text(job: dict, issuer) -> PreparedRelease:
    """Move legal text out, extract facts, anchor their sentences (see `_job` for the inputs)."""
    with phase("disclaimers"):
        legal = disclaimers.attach(
            job["html"], issuer=issuer, exchanges=job["exchanges"],
            disclaimer_key=job["disclaimer_key"], legend_keys=job["legend_keys"],
            release_date=job["date"], today=job["today"], source=job["source"], lines=job["lines"],
        )
    with phase("extraction"):
        facts = release_facts(job, legal.body_html)
        body, sentence_ids = anchors.anchor_sentences(
            legal.body_html,
            [f["sentence"] for f in facts["grants"] + facts["milestones"] if f.get("sentence")],
        )
    for fact in facts["grants"] + facts["milestones"]:
        fact["anchor"] = sentence_ids.get(fact.get("sentence") or "")
    plain_body = html_to_text(legal.body_html)
    legal = dataclasses.replace(legal, body_html=body)  # one copy of the body, with its anchors
    summary_text = summary_html = None  # Pelican's own summary is used when it isn't a word cut
    if job["summary_words"] is not None:
        summary_html = truncate_html_words(body, job["summary_words"], job["summary_suffix"])
        summary_text = html_to_text(summary_html)
    return PreparedRelease(legal=legal, grants=facts["grants"], milestones=facts["milestones"],
                           body_html=body, plain_body=plain_body, summary_text=summary_text,
                           summary_html=summary_html)


def apply(article, issuer, settings, prepared: PreparedRelease) -> None:
    """Set what the templates, feeds and search read."""
    local_day = article.date.astimezone(site_zone(settings)).date()
    article._content = leadline.with_dateline(
        prepared.body_html,
        getattr(article, "dateline", None),
        local_day,
        getattr(article, "wire", None),
    )
    # feeds: same lead
    article.legal = dataclasses.replace(prepared.legal, body_html=article._content)
    article.grants = prepared.grants
    article.milestones = prepared.milestones
    article.contacts = [issuer.contacts[key] for key in getattr(article, "contact_keys", [])]
    article.plain_body = prepared.plain_body
    automatic = "summary" not in article.metadata and not settings.get("SUMMARY_MAX_PARAGRAPHS")
    article.summary_text = (
        prepared.summary_text
        if automatic and prepared.summary_text is not None
        else html_to_text(article.summary)
    )
    # Pelican cuts its summary anew on every access; page keys compare this cached cut instead
    article._dateline_summary = prepared.summary_html if automatic else None
    article.jsonld = LazyNewsArticle(article, settings, article.plain_body, issuer)
    article.local_date = article.date.astimezone(site_zone(settings))
    article.time_stated = getattr(article, "time_stated", True)


def release_facts(job: dict, body_html: str) -> dict:
    """Hand-written front-matter facts replace extraction, list by list."""
    found = None
    grants, milestones = job["grants"], job["milestones"]
    if grants is None or milestones is None:
        found = extraction.extract_html(
            body_html, release_date=job["date"], exchanges=job["exchanges"], title=job.get("title")
        )
    return {
        "grants": [dict(g) for g in (grants if grants is not None else found["grants"])],
        "milestones": [
            dict(m) for m in (milestones if milestones is not None else found["milestones"])
        ],
    }
