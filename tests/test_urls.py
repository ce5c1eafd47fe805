"""Releases keep their URLs once read (the same values as Pelican's, computed once), and every
link the site writes, in pages, the sitemap, feeds and the search export, names a written page."""

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from dateline.pages import urls
from sitebuild import SITES, build_site


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


# --- every link the site writes points at a page it wrote (issue 18: paged lists) ---------


SITE = "https://investors.example.com"
PAGED = {"DEFAULT_PAGINATION": 1, "PAGINATED_TEMPLATES": {
    "index": None, "tag": None, "year_archive": 1, "grants": 1, "milestones": 1}}


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory) -> Path:
    """The tiny site with one item a page, so every list has a page 2."""
    base = tmp_path_factory.mktemp("paged")
    shutil.copytree(SITES / "tiny" / "content", base / "content")
    return build_site(base / "content", base / "output", base / "cache", SITEURL=SITE,
                      FEED_DOMAIN=SITE, **PAGED)


def target(site: Path, url: str) -> Path:
    path = url.removeprefix(SITE).split("#")[0].split("?")[0].lstrip("/")
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def test_every_internal_link_resolves(paged_site):
    missing, seen = set(), 0
    for page in paged_site.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if url.startswith(SITE) or url.startswith("/"):
                seen += 1
                if not target(paged_site, url).is_file():
                    missing.add((page.relative_to(paged_site).as_posix(), url))
    assert seen > 100 and not missing, sorted(missing)[:20]


def test_sitemap_feeds_and_search_name_written_pages(paged_site):
    locs = [e.text for e in ET.parse(paged_site / "sitemap.xml").iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{SITE}/page/2/" in locs and f"{SITE}/releases/2024/page/2/" in locs
    assert f"{SITE}/milestones/2024/" in locs and f"{SITE}/grants/2021/" in locs
    assert not [loc for loc in locs if not target(paged_site, loc).is_file()]
    assert not [loc for loc in locs if re.search(r"index\d+\.html$", loc)]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(paged_site / "feeds/all.atom.xml").getroot()
    links = [e.get("href") for e in feed.findall("a:entry/a:link", ns)]
    assert links and all(target(paged_site, link).is_file() for link in links)
    docs = [d for f in (paged_site / "search").glob("docs-*.json")
            for d in json.loads(f.read_text(encoding="utf-8"))]
    assert docs and all((paged_site / d[1] / "index.html").is_file() for d in docs)


def test_no_draft_or_embargoed_release_on_any_list_page(paged_site):
    assert not (paged_site / "releases" / "2099").exists()
    for page in paged_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for secret in ("draft-financing", "Zanzibarquill", "northgate-embargoed", "Quokkaplume"):
            assert secret not in html, (page, secret)
    assert (paged_site / "releases/2024/page/2/index.html").is_file()
