"""Lists that scale (issue 18 item 3): no list page over 200 KB, whatever the archive's size.

A generated corpus (plugins/dateline_corpus) of 300 releases, all in one year, is built
with the site's own settings: every kind of list then has full pages (a page at its cap),
which are the largest a list page of that kind can be at 10 or 10,000 releases, since a
page never holds more than its cap. What else a list page holds grows with the number of
years only (the year navigation), so the budget check adds the navigation of the widest
archive the date rule allows (1900-2200) to each kind's largest full page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline_corpus import generator as corpus
from sitebuild import ROOT, build_site

COUNT, YEAR = 300, 2024
BUDGET = 200 * 1024
MOST_YEARS = 2200 - 1900 + 1  # release dates are between 1900 and 2200 (moments.py)
RELEASE_PAGE = re.compile(r"^releases/\d{4}/(?!page/)[^/]+/index\.html$")
ITEM = {  # list kind -> (page path pattern, what marks one item, the setting's cap name)
    "home": (r"(page/\d+/)?index\.html", 'class="release-item"', "index"),
    "tag": (r"tags/[^/]+/(page/\d+/)?index\.html", 'class="release-item"', "tag"),
    "year archive": (r"releases/\d{4}/(page/\d+/)?index\.html", 'class="release-item"',
                     "year_archive"),
    "timeline year": (r"milestones/\d{4}/(page/\d+/)?index\.html", 'class="timeline-item"',
                      "milestones"),
    "planned": (r"milestones/planned/(page/\d+/)?index\.html", 'class="timeline-item"',
                "milestones"),
    "register year": (r"grants/\d{4}/(page/\d+/)?index\.html", 'data-label="Date"', "grants"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("lists")
    corpus.generate(COUNT, base / "content", seed=3, start_year=YEAR, end_year=YEAR)
    return build_site(base / "content", base / "output", base / "cache", SITEURL="")


@pytest.fixture(scope="module")
def settings():
    from dateline.build.build import load_settings

    return load_settings(str(ROOT / "pelicanconf.py"), {})


def list_pages(site: Path) -> dict[str, int]:
    """Every HTML page but the releases' own, with its size in bytes."""
    pages = {}
    for path in site.rglob("index.html"):
        name = path.relative_to(site).as_posix()
        if not RELEASE_PAGE.match(name):
            pages[name] = path.stat().st_size
    return pages


def cap(settings, name: str) -> int:
    return settings["PAGINATED_TEMPLATES"].get(name) or settings["DEFAULT_PAGINATION"]


def test_no_list_page_is_over_200_kb(site):
    pages = list_pages(site)
    assert len(pages) > 40, sorted(pages)
    largest = max(pages, key=pages.get)
    assert pages[largest] <= BUDGET, f"{largest} is {pages[largest]:,} bytes"


@pytest.mark.parametrize("kind", list(ITEM))
def test_each_list_is_cut_at_its_cap_and_a_full_page_fits_the_budget(site, settings, kind):
    pattern, marker, setting = ITEM[kind]
    most = cap(settings, setting)
    shapes = re.compile(pattern)
    counts = {name: (site / name).read_text(encoding="utf-8").count(marker)
              for name in list_pages(site) if shapes.fullmatch(name)}
    assert counts, f"no {kind} pages"
    assert max(counts.values()) <= most, f"{kind}: a page holds more than {most}: {counts}"
    full = [name for name, n in counts.items() if n == most]
    assert full, f"{kind}: no full page to measure ({counts}); enlarge the corpus"
    nav_entry = year_nav_entry_bytes(site / full[0])
    widest = max((site / name).stat().st_size for name in full) + MOST_YEARS * nav_entry
    assert widest <= BUDGET, f"{kind}: a full page with {MOST_YEARS} years is {widest:,} bytes"


def year_nav_entry_bytes(page: Path) -> int:
    """Bytes one year adds to a page's year navigation (0 when the page has none)."""
    html = page.read_text(encoding="utf-8")
    entries = re.findall(r'<li><a href="[^"]*/\d{4}/"[^>]*>\d{4}<span class="year-count">'
                         r"[^<]*</span></a></li>", html)
    return max(map(len, entries), default=0) + 8


def test_pages_two_and_on_are_folders(site):
    names = set(list_pages(site))
    assert {"page/2/index.html", f"releases/{YEAR}/page/2/index.html",
            f"milestones/{YEAR}/page/2/index.html"} <= names
    assert not [n for n in names if re.search(r"index\d+\.html$", n)]
    home2 = (site / "page/2/index.html").read_text(encoding="utf-8")
    assert 'href="/page/3/" rel="next"' in home2 and 'href="/" rel="prev"' in home2


def test_timeline_and_archive_are_newest_first(site):
    html = (site / f"milestones/{YEAR}/index.html").read_text(encoding="utf-8")
    days = [d for d in re.findall(r'<span class="timeline-date"><time datetime="([\d-]+)"', html)
            if len(d) == 10]  # day precision; a quarter's datetime is its year
    assert len(days) > 10 and days == sorted(days, reverse=True)
    html = (site / f"releases/{YEAR}/index.html").read_text(encoding="utf-8")
    days = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)"', html)
    assert len(days) > 10 and days == sorted(days, reverse=True)
