"""JSON-LD `NewsArticle` for release pages: search engines and newswires read it."""

from __future__ import annotations

import json

from dateline.pages.urls import url_of


def news_article(article, settings, plain_body: str, issuer) -> str:
    """Schema.org NewsArticle; `articleBody` is the body without disclaimers."""
    site_url = settings.get("SITEURL", "")
    url = f"{site_url}/{url_of(article)}"
    publisher = {"@type": "Organization",
                 "name": issuer.name if issuer else settings.get("AUTHOR", "")}
    record = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "datePublished": article.date.isoformat(),
        "url": url,
        "mainEntityOfPage": url,
        "publisher": publisher,
        "author": publisher,
        "keywords": [tag.name for tag in getattr(article, "tags", [])],
        "articleBody": plain_body,
    }
    if getattr(article, "dateline", None):
        record["dateline"] = article.dateline
    if getattr(article, "modified", None) and article.modified != article.date:
        record["dateModified"] = article.modified.isoformat()
    return script_safe_json(record)


# Inside <script>, "</script" ends the element and "<!--" changes how the parser looks for
# that end (Chromium then swallows the rest of the page). JSON strings may spell any character
# as \uXXXX, so none of these three survives as itself.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script_safe_json(record) -> str:
    """JSON for a <script> block: no `<`, `>` or `&` anywhere in it."""
    return json.dumps(record, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES)


class LazyNewsArticle:
    """JSON-LD built only when a page is rendered: reused pages never need it."""

    def __init__(self, article, settings, plain_body: str, issuer):
        self._inputs = (article, settings, plain_body, issuer)
        self._text = None

    def __str__(self) -> str:
        if self._text is None:
            self._text = news_article(*self._inputs)
        return self._text

    __html__ = __str__

    def __bool__(self) -> bool:
        return True
