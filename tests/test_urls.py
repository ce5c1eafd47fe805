"""Releases keep their URLs once read: the same values as Pelican's, computed once."""

import datetime as dt

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from dateline.pages import urls


class Generator:
    def __init__(self, articles):
        self.articles, self.translations = articles, []


def make_article(slug):
    settings = dict(DEFAULT_CONFIG, ARTICLE_URL="releases/{date:%Y}/{slug}/",
                    ARTICLE_SAVE_AS="releases/{date:%Y}/{slug}/index.html")
    metadata = {"title": slug, "slug": slug, "date": dt.datetime(2024, 6, 12, tzinfo=dt.UTC)}
    return Article("<p>body</p>", metadata=metadata, settings=settings,
                   source_path=f"/content/{slug}.md")


def test_kept_urls_equal_pelicans_and_are_computed_once(monkeypatch):
    article, plain = make_article("drilling-results"), make_article("drilling-results")
    expected = (plain.url, plain.save_as)
    assert expected == ("releases/2024/drilling-results/",
                        "releases/2024/drilling-results/index.html")
    urls.keep_urls(Generator([article]))
    assert isinstance(article, Article) and type(article) is urls.KnownURLArticle
    calls = []
    original = Article.get_url_setting
    monkeypatch.setattr(Article, "get_url_setting", lambda self,
                        key: calls.append(key) or original(self, key))
    for _ in range(3):
        assert (article.url, article.save_as, urls.url_of(article)) == (*expected, expected[0])
    assert sorted(calls) == ["save_as", "url"]


def test_only_plain_articles_are_changed():
    class Custom(Article):
        pass

    custom = make_article("custom")
    custom.__class__ = Custom
    urls.keep_urls(Generator([custom]))
    assert type(custom) is Custom
