"""End to end: build the tiny fixture site and assert on pages, feeds, sitemap and logs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from dateline.content.text import html_to_text

RELEASE = "releases/2021/northgate-grants-options/index.html"


def read(site, name):
    return (site / name).read_text(encoding="utf-8")


def test_pages_are_written(built_site):
    for name in (
        "index.html", "404.html", "releases/index.html", RELEASE,
        "releases/2024/northgate-drilling-results/index.html", "tags/index.html",
        "tags/stock-options/index.html", "about/index.html", "search/index.html",
        "grants/index.html", "milestones/index.html", "robots.txt", "sitemap.xml",
        "feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/tags/stock-options.atom.xml",
    ):
        assert (built_site / name).is_file(), name


def test_release_page_has_metadata_badges_and_structured_data(built_site):
    html = read(built_site, RELEASE)
    assert "Northgate Tungsten Grants Stock Options" in html
    text = html_to_text(html)
    assert "TSXV: NGT" in text and "OTCQX: NGTFF" in text
    assert "Vancouver, British Columbia" in html
    assert 'datetime="2021-03-04T08:30:00-05:00"' in html
    assert '<link rel="canonical" href="/releases/2021/northgate-grants-options/"' in html
    assert 'property="og:title"' in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                              re.S).group(1))
    assert ld["@type"] == "NewsArticle" and ld["dateline"] == "Vancouver, British Columbia"
    assert "forward-looking statements" not in ld["articleBody"]


def test_release_page_carries_legal_text_once(built_site):
    html = read(built_site, RELEASE)
    assert html.count("NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES") == 1
    assert html.count("Neither TSX Venture Exchange nor its Regulation Services Provider") == 1
    assert html.count("This news release contains forward-looking statements") == 1


def test_release_without_disclaimer_opts_out(built_site):
    html = read(built_site, "releases/2024/northgate-files-report/index.html")
    assert "This news release contains forward-looking statements" not in html


def test_archive_groups_by_year_newest_first(built_site):
    html = read(built_site, "releases/index.html")
    assert html.index('id="y2024"') < html.index('id="y2021"')


def test_feeds_list_releases_with_disclaimer(built_site):
    atom = ET.parse(built_site / "feeds/all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert len(titles) == 3
    entry = next(e for e in atom.findall("a:entry", ns) if "Grants"
                 in e.findtext("a:title", namespaces=ns))
    content = entry.findtext("a:content", namespaces=ns)
    assert "This news release contains forward-looking statements" in content
    assert "Neither TSX Venture Exchange" in content
    rss = ET.parse(built_site / "feeds/all.rss.xml").getroot()
    assert len(rss.findall("./channel/item")) == 3


def test_sitemap_lists_public_urls(built_site):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/releases/2021/northgate-grants-options/") for loc in locs)
    assert any(loc.endswith("/about/") for loc in locs)
    assert not any("draft" in loc or "embargo" in loc for loc in locs)


def test_grants_register_and_exports(built_site):
    grants = json.loads(read(built_site, "grants/grants.json"))
    assert [(g["recipient"], g["number"], g["exercise_price"], g["currency"]) for g in grants] == [
        ("Maren Holt", 250000, 0.45, "CAD")
    ]
    assert read(built_site,
                "grants/grants.csv").splitlines()[0].startswith("release_date,release_title")
    assert "Maren Holt" in read(built_site, "grants/index.html")


def test_milestones_timeline_and_exports(built_site):
    milestones = json.loads(read(built_site, "milestones/milestones.json"))
    achieved = [m for m in milestones if m["status"] == "achieved"]
    planned = [m for m in milestones if m["status"] == "planned"]
    assert any(m["date"] == "2021-02-26" and m["kind"] == "commissioning" for m in achieved)
    assert planned and all(m["release_date"] == "2024-06-12" for m in planned)


def test_sidebar_links_to_an_anchored_source_sentence(built_site):
    html = read(built_site, RELEASE)
    anchors = re.findall(r'href="#(src-\d+)"', html)
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_build_logs_progress(tmp_path, tiny_site, caplog):
    from sitebuild import build_site

    build_site(tiny_site, tmp_path / "out")
    messages = [r.getMessage() for r in caplog.records]
    assert any("release(s) and" in m and "valid" in m for m in messages)
    assert any("withholding 1 draft" in m for m in messages)
    assert any("withholding 1 embargoed" in m for m in messages)
