"""Feed entries carry the legends and the disclaimer after the body, as the page does."""

from __future__ import annotations


class FeedEntry:
    """An article seen by the feed writer: same fields, content with its legal text."""

    def __init__(self, article):
        self._article = article

    def __getattr__(self, name):
        return getattr(self._article, name)

    def get_content(self, siteurl):
        feed_html = getattr(self._article, "feed_html", None)
        if feed_html is None:
            return self._article.get_content(siteurl)
        return self._article._update_content(feed_html, siteurl)
