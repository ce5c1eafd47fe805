"""A release's or page's URL, worked out once per build.

Pelican computes `content.url` and `content.save_as` afresh on every access (a settings
lookup, a copy of the metadata, a relative-path computation and a format: about 60 µs).
The plugin reads each release's URL a dozen times (register rows, search documents, page
keys) and Pelican's own writer and sitemap read both again: seconds at 10,000 releases. URLs
are final once the article generator has finished (the slug, date, category, language and
status are set when a release is read, and nothing changes them later), which is before any
of those reads.
"""

from pelican.contents import Article


def url_of(content) -> str:
    """content.url, computed on first use and kept on the object."""
    known = content.__dict__.get("_dateline_url")
    if known is None:
        known = content.__dict__["_dateline_url"] = content.url
    return known


def _kept(name: str, key: str) -> property:
    def get(self):
        known = self.__dict__.get(key)
        if known is None:
            known = self.__dict__[key] = getattr(super(KnownURLArticle, self), name)
        return known

    get.__doc__ = f"Article.{name}, computed once (see dateline.pages.urls)."
    return property(get)


class KnownURLArticle(Article):
    """An Article whose `url` and `save_as` are computed once."""

    url = _kept("url", "_dateline_url")
    save_as = _kept("save_as", "_dateline_save_as")


def keep_urls(generator) -> None:
    """article_generator_finalized: make the published releases keep their URLs."""
    for article in [*generator.articles, *generator.translations]:
        if type(article) is Article:
            article.__class__ = KnownURLArticle
