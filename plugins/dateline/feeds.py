"""Feed entries carry the legends and the disclaimer after the body, as the page does."""

from __future__ import annotations

from pelican.writers import Writer


class _FeedEntry:
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


class DatelineWriter(Writer):
    """Pelican's writer, with feed entries that include disclaimers and legends."""

    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, _FeedEntry(item))


def get_writer(pelican_object):
    """get_writer signal: hand Pelican our writer class."""
    return DatelineWriter
