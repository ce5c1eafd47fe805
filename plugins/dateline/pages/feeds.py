"""Feed entries carry the legends and the disclaimer after the body, as the page does."""

from __future__ import annotations

from dateline.facts import disclaimers


class FeedEntry:
    """An article seen by the feed writer: same fields, content with its legal text."""

    def __init__(self, article):
        self._article = article

    def __getattr__(self, name):
        return getattr(self._article, name)

    def get_content(self, siteurl):
        """The body with legends and disclaimer, built only for the entries a feed holds."""
        legal = getattr(self._article, "legal", None)
        if legal is None:
            return self._article.get_content(siteurl)
        return self._article._update_content(disclaimers.feed_html(legal), siteurl)
