"""Theme behaviour in Chromium: narrow screens, keyboard, :target, print, strict CSP.

Screenshot-free: each test reads layout, computed styles or the DOM. Runs on the
tiny fixture site from conftest.py (`browser`, `built_site`, `site_server`).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

CSP = "default-src 'self'"
NOT_PAGES = {"releases", "tags", "search", "grants", "milestones", "feeds", "theme", "drafts"}
BRAND_BLUE = "rgb(19, 53, 90)"  # --brand in main.css: proves the stylesheet applied


def richest_release(site: Path) -> Path:
    """The release page with the most dateline features (grants, milestones, legal text)."""
    releases = sorted(site.glob("releases/*/*/index.html"))
    assert releases, f"no release pages in {site}"
    markers = ("source-sentence", "side-grants", "side-milestones", "disclaimer", "legend-top")
    return max(releases, key=lambda p: sum(m in p.read_text(encoding="utf-8") for m in markers))


def url_of(site: Path, path: Path) -> str:
    return "/" + path.relative_to(site).as_posix().removesuffix("index.html")


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return Path(built_site)


@pytest.fixture(scope="module")
def release_path(site) -> str:
    return url_of(site, richest_release(site))


@pytest.fixture(scope="module")
def theme_paths(site, release_path) -> list[str]:
    """Home, archive, a release, a tag, a static page, the registers and the 404 page."""
    tags = sorted(site.glob("tags/*/index.html"))
    pages = sorted(p for p in site.glob("*/index.html") if p.parent.name not in NOT_PAGES)
    assert tags and pages, "the fixture site needs a tag page and a static page"
    return [
        "/",
        "/releases/",
        release_path,
        url_of(site, tags[0]),
        url_of(site, pages[0]),
        "/tags/",
        "/grants/",
        "/milestones/",
        "/404.html",
    ]


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def open_at(browser, url: str, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} did not load"
    return context, page


# --- layout ------------------------------------------------------------------


def test_no_horizontal_scroll_at_320px(browser, site_server, theme_paths):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        overflowing = {}
        for path in theme_paths:
            page.goto(site_server + path)
            assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith(
                "system-ui"
            )
            extra = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if extra > 0:
                overflowing[path] = extra
    finally:
        context.close()
    assert not overflowing, f"pages wider than 320 px (extra px): {overflowing}"


def test_release_sidebar_beside_body_on_desktop_and_below_on_phone(
    browser, site_server, release_path
):
    for width, beside in ((1280, True), (375, False)):
        context, page = open_at(browser, site_server + release_path, width)
        try:
            body = page.locator(".release-body").bounding_box()
            aside = page.locator(".release-aside").bounding_box()
        finally:
            context.close()
        assert body and aside, "release page needs a body and a sidebar"
        if beside:
            assert aside["x"] >= body["x"] + body["width"], "sidebar should be right of the body"
        else:
            assert aside["y"] >= body["y"] + body["height"], "sidebar should follow the body"


# --- keyboard ----------------------------------------------------------------


def test_skip_link_is_first_visible_on_focus_and_moves_to_main(tab, site_server, release_path):
    tab.goto(site_server + release_path)
    skip = tab.locator("a.skip-link")
    assert skip.bounding_box()["y"] < 0, "skip link should be off-screen until focused"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 10, "focused skip link must be on screen"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    assert tab.evaluate("document.querySelector('main#main') !== null")


def test_focus_is_visible_on_links_and_controls(tab, site_server):
    tab.goto(site_server + "/")
    for selector in (".site-nav a", "#site-search-q", "main a", "footer a"):
        element = tab.locator(selector).first
        element.focus()
        # :focus-visible applies to keyboard focus; press Shift to mark it as keyboard.
        tab.keyboard.press("Shift")
        style = element.evaluate(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth] }"
        )
        assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2, (selector, style)


# --- release page ------------------------------------------------------------


def test_sidebar_links_target_highlighted_source_sentences(tab, site_server, release_path):
    tab.goto(site_server + release_path)
    links = tab.locator(".release-aside a[href^='#']")
    assert links.count() >= 1, "the richest fixture release should have a grant or milestone"
    plain = tab.locator(".source-sentence").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    for i in range(links.count()):
        anchor = links.nth(i).get_attribute("href")[1:]
        assert tab.locator(f"[id='{anchor}']").count() == 1, f"#{anchor} missing from the body"
    links.first.click()
    target = tab.evaluate("""() => {
        const t = document.querySelector(':target');
        return t && [t.className, getComputedStyle(t).backgroundColor,
                     getComputedStyle(t).outlineStyle];
    }""")
    assert target, "clicking a sidebar link should target its sentence"
    assert "source-sentence" in target[0]
    assert target[1] != plain and target[1] != "rgba(0, 0, 0, 0)", "target is not highlighted"
    assert target[2] != "none"


def test_planned_milestones_say_planned_in_words(tab, site_server, release_path):
    tab.goto(site_server + release_path)
    planned = tab.locator(".milestone-planned")
    for i in range(planned.count()):
        assert "Planned" in planned.nth(i).text_content()


def test_release_head_has_canonical_opengraph_and_jsonld(tab, site_server, release_path):
    tab.goto(site_server + release_path)
    canonical = tab.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith(release_path)
    og = {
        m.get_attribute("property"): m.get_attribute("content")
        for m in tab.locator("meta[property]").all()
    }
    assert og["og:type"] == "article" and og["og:url"] == canonical and og["og:title"]
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", og["article:published_time"])
    jsonld = tab.locator("script[type='application/ld+json']")
    assert jsonld.count() == 1
    assert json.loads(jsonld.text_content())["@type"] == "NewsArticle"
    stamp = tab.locator(".release-header time[datetime]")
    assert stamp.count() == 1
    if "T" in stamp.get_attribute("datetime"):  # a stated time shows with its zone
        assert re.search(r"\d{1,2}:\d\d [AP]M [A-Z]{2,5}$", stamp.inner_text()), stamp.inner_text()


def test_top_legend_is_above_the_headline(tab, site_server, release_path):
    tab.goto(site_server + release_path)
    legend = tab.locator(".legend-top").first.bounding_box()
    headline = tab.locator("h1").bounding_box()
    assert legend["y"] + legend["height"] <= headline["y"]


# --- print ---------------------------------------------------------------------


def test_print_hides_chrome_expands_disclaimer_and_shows_external_urls(
    tab, site_server, release_path
):
    tab.goto(site_server + release_path)
    assert tab.locator("details.disclaimer-details[open]").count() == 1, "disclaimer starts open"
    # The reader folds the disclaimer on screen, then prints.
    tab.locator("details.disclaimer-details > summary").click()
    assert not tab.locator(".disclaimer-body").is_visible()
    tab.evaluate("""() => {
        const a = document.createElement('a');
        a.href = 'https://example.org/filing'; a.textContent = 'the filing';
        document.querySelector('.release-body').append(a);
    }""")
    tab.emulate_media(media="print")
    for hidden in (".site-nav", ".site-search", ".skip-link", ".release-pager"):
        if tab.locator(hidden).count():
            assert not tab.locator(hidden).first.is_visible(), f"{hidden} shows in print"
    assert tab.locator(".disclaimer-body").is_visible(), "folded disclaimer must print expanded"
    assert tab.locator(".disclaimer-body p").first.bounding_box()["height"] > 0
    after = tab.locator(".release-body a[href='https://example.org/filing']").evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert "https://example.org/filing" in after
    assert tab.locator(".print-source").is_visible()
    tab.emulate_media(media="screen")
    assert tab.locator(".site-nav").is_visible() and not tab.locator(".print-source").is_visible()


# --- strict CSP and self-containment --------------------------------------------


def csp_violations(browser, url_base: str, paths: list[str]) -> list[str]:
    """Load pages with `Content-Security-Policy: default-src 'self'` and collect refusals."""
    context = browser.new_context()

    def add_csp(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": CSP}
        route.fulfill(response=response, headers=headers)

    context.route("**/*", add_csp)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    try:
        for path in paths:
            page.goto(url_base + path)
            page.evaluate("""() => new Promise(r => requestAnimationFrame(() => r()))""")
            background = page.evaluate(
                "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
            )
            assert background == BRAND_BLUE, f"{path}: stylesheet not applied under CSP"
    finally:
        # the search page may still be fetching shards through the route: let those go quietly
        context.unroute_all(behavior="ignoreErrors")
        context.close()
    return refused


def test_theme_pages_work_under_strict_csp(browser, site_server, theme_paths):
    assert csp_violations(browser, site_server, theme_paths + ["/search/?q=tungsten"]) == []


class _InlineFinder(HTMLParser):
    """Collects inline scripts, style attributes and off-site assets in one HTML file."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.problems.append(f'style="" on <{tag}>')
        if any(name.startswith("on") for name in attrs):
            self.problems.append(f"event-handler attribute on <{tag}>")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/ld+json":
            self.problems.append("inline <script>")
        asset = attrs.get("src") if tag in ("script", "img", "iframe") else None
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            asset = attrs.get("href")
        if asset and re.match(r"(https?:)?//", asset):
            self.problems.append(f"off-site asset {asset}")


def test_no_inline_script_style_or_external_assets(site):
    problems = []
    for html_file in sorted(site.rglob("*.html")):
        finder = _InlineFinder()
        finder.feed(html_file.read_text(encoding="utf-8"))
        problems += [f"{html_file.relative_to(site)}: {p}" for p in finder.problems]
    css_dir = site / "theme" / "css"
    assert {"main", "print"} <= {p.name.rsplit("-", 1)[0] for p in css_dir.glob("*.css")}
    for css in css_dir.glob("*.css"):
        text = css.read_text(encoding="utf-8")
        if re.search(r"@import|url\(\s*['\"]?(https?:)?//", text):
            problems.append(f"{css.name}: loads something from elsewhere")
        if "@font-face" in text:
            problems.append(f"{css.name}: web font (the theme uses system fonts)")
    assert problems == []


def test_one_of_each_landmark_and_one_h1(tab, site_server, theme_paths):
    for path in theme_paths:
        tab.goto(site_server + path)
        counts = tab.evaluate("""() => ({
            banner: document.querySelectorAll('body > header').length,
            main: document.querySelectorAll('main').length,
            contentinfo: document.querySelectorAll('body > footer').length,
            mainnav: document.querySelectorAll('nav[aria-label=Main]').length,
            search: document.querySelectorAll('form[role=search] input[name=q]').length,
            h1: document.querySelectorAll('h1').length,
        })""")
        assert counts["banner"] == counts["main"] == counts["contentinfo"] == 1, (path, counts)
        assert counts["mainnav"] == 1 and counts["h1"] == 1, (path, counts)
        assert counts["search"] >= 1, (path, counts)


def test_404_page_works_from_any_depth(browser, site_server, site):
    """Hosts serve 404.html at the missing address, so its links and CSS must be absolute."""
    context = browser.new_context()
    context.route(
        "**/deep/missing/page/",
        lambda route: route.fulfill(
            status=404, path=str(site / "404.html"), content_type="text/html"
        ),
    )
    page = context.new_page()
    try:
        page.goto(site_server + "/deep/missing/page/")
        assert (
            page.evaluate(
                "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
            )
            == BRAND_BLUE
        )
        hrefs = page.evaluate(
            "[...document.querySelectorAll('a[href]:not([href^=\"#\"])')].map(a => a.href)"
        )
        local = [h for h in hrefs if h.startswith(site_server)]
        assert local, "404 page has no site links"
        for href in local:
            path = href.removeprefix(site_server).split("#")[0]
            target = site / path.lstrip("/")
            assert "/deep/" not in href, href
            assert target.is_file() or (target / "index.html").is_file(), href
    finally:
        context.close()


# --- formatting macros (no browser) ---------------------------------------------


@pytest.fixture(scope="module")
def macros():
    """partials/macros.html as a module, in an environment like Pelican's (no autoescape)."""
    from jinja2 import Environment, FileSystemLoader

    templates = Path(__file__).resolve().parents[2] / "theme" / "templates"
    env = Environment(loader=FileSystemLoader(templates), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("partials/macros.html").make_module({"SITEURL": ""})


def visible(markup) -> str:
    """The text a sighted reader sees: drop the screen-reader-only spans."""
    return re.sub(r'<span class="visually-hidden">.*?</span>|<[^>]+>', "", str(markup))


@pytest.mark.parametrize(
    "value, expected",
    [(1.07, "1.07"), (0.055, "0.055"), (2.0, "2.00"), (0.1 + 0.2, "0.30"), (12.5, "12.50")],
)
def test_price_has_two_decimals_and_no_float_noise(macros, value, expected):
    assert visible(macros.price(value)) == expected


def test_price_marks_inferred_currency_and_number_uses_separators(macros):
    assert visible(macros.price(1.07, "CAD", False)) == "1.07 CAD*"
    assert "(currency inferred from the exchange)" in str(macros.price(1.07, "CAD", False))
    assert visible(macros.price(1.07, "USD", True)) == "1.07 USD"
    assert visible(macros.price(None)) == "—"
    assert str(macros.number(1250000)) == "1,250,000"


@pytest.mark.parametrize(
    "value, precision, expected",
    [
        ("2013-05-27", "day", "May 27, 2013"),
        ("2013-08", "month", "August 2013"),
        ("2013", "year", "2013"),
        (None, "day", "Undated"),
        ("Q3 2013", "day", "Q3 2013"),
    ],
)
def test_milestone_dates_follow_their_precision(macros, value, precision, expected):
    assert str(macros.day(value, precision)) == expected


def test_plain_text_fields_are_escaped(macros):
    # markup in a plain-text field is shown as text, never obeyed or silently dropped
    assert str(macros.text("Smith & <b>Sons</b>")) == "Smith &amp; &lt;b&gt;Sons&lt;/b&gt;"
    term = {"term_years": 10, "expiry_date": "2023-05-29"}
    assert str(macros.term(term)) == "10 years, to May 29, 2023"
