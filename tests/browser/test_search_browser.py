"""The /search/ page in Chromium: results, filters, URL state, keyboard, CSP, XSS, parity.

Runs on the tiny fixture site (conftest.py's `site_server`), on the hostile fixture site
(tests/fixtures/sites/hostile) and, for ranking parity, on an export of generated releases
served beside the client modules.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sitebuild import _QuietHandler, serve

ROOT = Path(__file__).resolve().parents[2]
SITES = ROOT / "tests" / "fixtures" / "sites"
CLIENT = ROOT / "theme" / "static" / "js" / "search"
CSP = "default-src 'self'"
HOSTILE = ("<img src=x onerror=window.__pwned=1>", "</script><script>window.__pwned=2</script>")
# Every page records CSP refusals, so a test can prove none happened.
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def hits(page):
    return page.locator(".search-results .search-hit")


def wait_for_status(page, pattern):
    expect(page.locator("[data-search-status]")).to_have_text(re.compile(pattern))


def open_search(page, base, query=""):
    page.goto(f"{base}/search/{query}")
    expect(page.locator("[data-search]")).to_be_visible()


# --- results, filters, sorting ---------------------------------------------------------


def test_typing_shows_results_with_highlighted_snippets(page, site_server):
    open_search(page, site_server)
    announce = page.locator("[data-search-announce]")
    assert announce.get_attribute("role") == "status"
    assert announce.get_attribute("aria-live") == "polite"
    page.locator("#search-q").press_sequentially("drilling", delay=15)
    wait_for_status(page, r"^1 result for “drilling”$")
    hit = hits(page).first
    expect(hits(page)).to_have_count(1)
    link = hit.locator("h2 a")
    expect(link).to_have_text("Northgate Reports Drilling Results at Kestrel North")
    assert link.get_attribute("href") == f"{site_server}/releases/2024/northgate-drilling-results/"
    expect(hit.locator("time")).to_have_text("June 12, 2024")
    assert hit.locator("time").get_attribute("datetime") == "2024-06-12"
    expect(hit.locator(".search-ticker")).to_have_text(["TSXV: NGT"])
    marks = hit.locator(".search-snippet mark").all_inner_texts()
    assert marks == ["drilling", "drilling"], marks
    # The query lives in the URL while typing, without one history entry per keystroke.
    assert page.url.endswith("/search/?q=drilling")


def test_prefix_matches_the_word_being_typed(page, site_server):
    open_search(page, site_server)
    page.locator("#search-q").press_sequentially("kestr", delay=15)
    wait_for_status(page, r"^3 results for “kestr”$")
    assert set(hits(page).first.locator("mark").all_inner_texts()) == {"Kestrel"}


def facet_options(page, kind):
    return page.locator(f"#search-facet-{kind} option").all_inner_texts()


def open_filters(page):
    page.locator("[data-search-filter-toggle]").click()
    expect(page.locator("#search-facet-ticker")).to_be_visible()


def test_filters_show_counts_and_narrow_results(page, site_server):
    open_search(page, site_server, "?q=kestrel")
    wait_for_status(page, r"^3 results for “kestrel”$")
    open_filters(page)
    assert facet_options(page, "ticker") == ["All", "OTCQX: NGTFF (1)", "TSXV: NGT (3)"]
    assert facet_options(page, "year") == ["All", "2021 (1)", "2024 (2)"]
    assert "stock-options (1)" in facet_options(page, "tag")
    page.select_option("#search-facet-year", "2024")
    wait_for_status(page, r"^2 results for “kestrel” in 2024$")
    assert "year=2024" in page.url
    # Counts of one facet follow the other filters, but not its own choice.
    assert facet_options(page, "year") == ["All", "2021 (1)", "2024 (2)"]
    assert facet_options(page, "ticker") == ["All", "TSXV: NGT (2)"]
    page.select_option("#search-facet-tag", "corporate")
    wait_for_status(page, r"^1 result for “kestrel” in 2024, corporate$")
    expect(hits(page).locator("h2 a")).to_have_text(["Northgate Files Technical Report"])
    page.select_option("#search-facet-year", "")
    wait_for_status(page, r"^1 result for “kestrel” in corporate$")


def test_sorting_by_date_lists_newest_first(page, site_server):
    open_search(page, site_server, "?q=kestrel")
    wait_for_status(page, r"^3 results")
    page.select_option("#search-sort", "date")
    expect(hits(page).locator("time")).to_have_text(
        ["September 30, 2024", "June 12, 2024", "March 4, 2021"])
    assert "sort=date" in page.url
    page.reload()
    expect(page.locator("#search-sort")).to_have_value("date")
    expect(hits(page).locator("time")).to_have_text(
        ["September 30, 2024", "June 12, 2024", "March 4, 2021"])


# --- URL state, history, keyboard, screen readers -----------------------------------------


def test_url_state_survives_reload_and_back_restores_the_query(page, site_server):
    open_search(page, site_server, "?q=kestrel&ticker=OTCQX%3A+NGTFF")
    wait_for_status(page, r"^1 result for “kestrel” in OTCQX: NGTFF$")
    page.reload()
    wait_for_status(page, r"^1 result for “kestrel” in OTCQX: NGTFF$")
    expect(page.locator("#search-q")).to_have_value("kestrel")
    expect(page.locator("#search-facet-ticker")).to_have_value("OTCQX: NGTFF")
    page.locator("#search-facet-ticker").select_option("")
    wait_for_status(page, r"^3 results for “kestrel”$")
    page.locator("#search-q").fill("drilling")
    page.locator("#search-q").press("Enter")
    wait_for_status(page, r"^1 result for “drilling”$")
    assert page.url.endswith("/search/?q=drilling")
    page.go_back()
    wait_for_status(page, r"^3 results for “kestrel”$")
    expect(page.locator("#search-q")).to_have_value("kestrel")
    page.go_back()
    wait_for_status(page, r"^1 result for “kestrel” in OTCQX: NGTFF$")
    page.go_forward()
    wait_for_status(page, r"^3 results for “kestrel”$")


def focused(page):
    return page.evaluate("""() => {
      const e = document.activeElement;
      return {id: e.id, tag: e.tagName, text: e.textContent.trim(), href: e.getAttribute("href"),
              outline: getComputedStyle(e).outlineStyle};
    }""")


def tab_until(page, predicate, limit=25):
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError(f"Tab never reached the wanted element; last {now}")


def test_keyboard_only_search_filter_and_open(page, site_server):
    open_search(page, site_server)
    tab_until(page, lambda f: f["id"] == "search-q")
    page.keyboard.type("kestrel")
    page.keyboard.press("Enter")
    wait_for_status(page, r"^3 results for “kestrel”$")
    tab_until(page, lambda f: f["id"] == "search-filter-toggle")
    page.keyboard.press("Enter")  # the filter toggle
    facet = tab_until(page, lambda f: f["id"] == "search-facet-ticker")
    assert facet["outline"] != "none", "focus must be visible"
    page.keyboard.press("ArrowDown")  # a focused select changes with the arrow keys
    wait_for_status(page, r"in OTCQX: NGTFF$")
    # the filters are rebuilt with the new counts, and the focused one keeps the focus
    assert focused(page)["id"] == "search-facet-ticker"
    result = tab_until(page, lambda f: f["tag"] == "A" and "/releases/2021/" in (f["href"] or ""))
    assert result["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/releases/2021/northgate-grants-options/$"))


def test_zero_hits_show_an_empty_state_message(page, site_server):
    open_search(page, site_server, "?q=zqxwv")
    wait_for_status(page, r"^0 results for “zqxwv”.$")
    empty = page.locator("[data-search-empty]")
    expect(empty).to_contain_text("No releases match “zqxwv”.")
    assert empty.evaluate("e => e.tagName") == "DIV"
    expect(hits(page)).to_have_count(0)
    expect(page.locator(".search-results li")).to_have_count(0)
    archive = empty.locator("a", has_text="release archive")
    assert archive.get_attribute("href") == f"{site_server}/releases/"


def test_a_misspelt_word_shows_results_for_the_real_word(page, site_server):
    open_search(page, site_server, "?q=kestral")
    wait_for_status(page, r"^Showing results for “kestrel”: 3 results for “kestrel”$")
    correction = page.locator("[data-search-correction]")
    expect(correction).to_contain_text("Showing results for kestrel.")
    page.locator("a[data-literal]").click()
    wait_for_status(page, r"^0 results for “kestral”.$")
    assert "exact=1" in page.url


def test_typing_a_whole_word_finds_what_enter_finds_and_speaks_once(page, site_server):
    open_search(page, site_server)
    page.evaluate("""() => { window.__spoken = [];
      new MutationObserver(() => window.__spoken.push(
        document.querySelector("[data-search-announce]").textContent))
        .observe(document.querySelector("[data-search-announce]"),
                 {childList: true, characterData: true, subtree: true}); }""")
    page.locator("#search-q").press_sequentially("drilling", delay=15)
    wait_for_status(page, r"^1 result for “drilling”$")
    expect(page.locator("[data-search-announce]")).to_have_text("1 result for “drilling”")
    spoken = page.evaluate("window.__spoken")
    assert spoken == ["1 result for “drilling”"], spoken
    page.locator("#search-q").press("Enter")
    wait_for_status(page, r"^1 result for “drilling”$")


def test_accents_and_curly_quotes_in_the_browser(page, site_server):
    open_search(page, site_server, "?q=" + "K%C3%A9strel")  # Késtrel
    wait_for_status(page, r"^3 results for “Késtrel”$")
    open_search(page, site_server, "?q=%E2%80%9Ckestrel%20north%E2%80%9D")  # “kestrel north”
    wait_for_status(page, r"^1 result for ““kestrel north””$")


def test_without_javascript_the_page_points_to_the_archive(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_server}/search/?q=kestrel")
        message = page.locator(".search-nojs")
        expect(message).to_be_visible()
        expect(message).to_contain_text("Search needs JavaScript")
        assert message.locator("a").get_attribute("href") == "/releases/"
        expect(page.locator("[data-search]")).to_be_hidden()
    finally:
        context.close()


def test_search_page_with_results_has_no_serious_axe_violations(page, site_server):
    import axe_playwright_python

    open_search(page, site_server, "?q=kestrel&year=2024")
    wait_for_status(page, r"^2 results")
    axe = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
    page.add_script_tag(content=axe)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"], "axe ran no rule"
    blocking = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
                if v["impact"] in ("serious", "critical")]
    assert blocking == []


# --- strict Content-Security-Policy -------------------------------------------------------


class _StrictCspHandler(_QuietHandler):
    """Static files with a strict CSP header, as a careful host would send them."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="module")
def csp_server(built_site):
    handler = functools.partial(_StrictCspHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_search_works_under_a_strict_csp(browser, csp_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RECORD_CSP)
        console = []
        page.on("console", lambda m: console.append(m.text))
        response = page.goto(f"{csp_server}/search/")
        assert response.headers["content-security-policy"] == CSP
        page.locator("#search-q").press_sequentially("kestrel", delay=15)
        wait_for_status(page, r"^3 results for “kestrel”$")
        open_filters(page)
        page.select_option("#search-facet-year", "2021")
        wait_for_status(page, r"^1 result for “kestrel” in 2021$")
        assert page.evaluate("window.__csp") == []
        assert not [m for m in console if "Content Security Policy" in m], console
    finally:
        context.close()


# --- hostile content ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from dateline.build.build import build

    base = tmp_path_factory.mktemp("hostile")
    shutil.copytree(SITES / "hostile" / "content", base / "content")
    site = build(str(ROOT / "pelicanconf.py"), {
        "PATH": str(base / "content"), "OUTPUT_PATH": str(base / "output"),
        "CACHE_PATH": str(base / "cache"), "SITEURL": "", "TIMEZONE": "America/Toronto"})
    url, server = serve(site)
    yield url, site
    server.shutdown()


def assert_not_pwned(page):
    pwned = page.evaluate("typeof window.__pwned === 'undefined' ? null : String(window.__pwned)")
    assert pwned is None, f"injected script ran: window.__pwned = {pwned} on {page.url}"
    links = page.locator("a[href^='javascript:' i]").evaluate_all("(as) => as.map((a) => a.href)")
    assert links == [], f"javascript: links on {page.url}"


def test_hostile_release_is_text_in_search_results(page, hostile_server):
    base, _ = hostile_server
    open_search(page, base)
    page.locator("#search-q").press_sequentially("onerror", delay=15)
    wait_for_status(page, r"^1 result for “onerror”$")
    title = hits(page).locator("h2 a").inner_text()
    for text in HOSTILE:
        assert text in title, title
    snippet = hits(page).locator(".search-snippet").inner_text()
    assert HOSTILE[0] in snippet
    assert page.locator(".search-results img, .search-results script").count() == 0
    page.locator("#search-q").fill("img update kestrel")
    page.locator("#search-q").press("Enter")
    wait_for_status(page, r"^1 result")
    assert_not_pwned(page)


def test_hostile_release_page_runs_no_injected_script(page, hostile_server):
    base, site = hostile_server
    [release] = site.glob("releases/2023/*/index.html")
    page.goto(f"{base}/{release.parent.relative_to(site).as_posix()}/")
    expect(page.locator("h1")).to_contain_text("Northgate")
    assert_not_pwned(page)


# --- ranking parity with Whoosh, in Chromium ----------------------------------------------

PARITY_JS = """async ([cases, client]) => {
  const { SearchEngine, httpFetcher } = await import(client);
  const engine = new SearchEngine(httpFetcher(new URL("/search/", location.href)));
  const out = [];
  for (const c of cases) {
    const r = await engine.search(c.query, { prefix: c.prefix, filters: c.filters, sort: c.sort });
    out.push({ ids: r.hits.map((h) => h.id), scores: r.hits.map((h) => h.score),
               corrections: r.parsed.corrections });
  }
  return out;
}"""


def tie_runs(ids, scores, rel=1e-12):
    """Ranked ids grouped into runs of (near-)equal score, each run sorted."""
    runs = []
    for doc, score in zip(ids, scores):
        if runs and abs(score - runs[-1][0]) <= rel * abs(runs[-1][0]):
            runs[-1][1].append(doc)
        else:
            runs.append((score, [doc]))
    return [sorted(docs) for _, docs in runs]


@pytest.fixture(scope="module")
def parity_site(tmp_path_factory):
    """An export of generated releases, served beside the client modules."""
    from dateline.search.export import export_index
    from dateline.search.index import open_index, update_index
    from search_support import expected_results, make_releases, parity_queries

    base = tmp_path_factory.mktemp("parity")
    releases = make_releases(400, seed=3)
    update_index(base / "ix", releases)
    export_index(base / "ix", base / "site" / "search")
    shutil.copytree(CLIENT, base / "site" / "js")
    from dateline.search.assets import write_client

    client = write_client(ROOT / "theme" / "static", base / "site" / "theme")["SEARCH_CLIENT"]
    (base / "site" / "index.html").write_text("<!doctype html><title>parity</title>")
    ix, _ = open_index(base / "ix")
    cases = expected_results(ix, parity_queries(releases, seed=5, count=96))
    url, server = serve(base / "site")
    yield url, cases, "/" + client
    server.shutdown()


def test_ranking_parity_with_whoosh_in_chromium(page, parity_site):
    url, cases, client = parity_site
    page.goto(url + "/")
    got = page.evaluate(PARITY_JS, [[{k: c[k] for k in ("query", "prefix", "filters", "sort")}
                                     for c in cases], client])
    exact = 0
    assert len(got) == len(cases) >= 50
    assert sum(len(c["ids"]) > 0 for c in cases) >= 40, "too few queries with hits"
    for case, mine in zip(cases, got):
        label = json.dumps([case["query"], case["prefix"], case["filters"], case["sort"]])
        assert mine["corrections"] == case["corrections"], label
        assert len(mine["ids"]) == len(case["ids"]), label
        if case["sort"] == "date":
            assert mine["ids"] == case["ids"], label
        else:
            assert tie_runs(mine["ids"], mine["scores"]) == tie_runs(
                case["ids"], case["scores"]), label
            score_of = dict(zip(mine["ids"], mine["scores"]))
            for doc, score in zip(case["ids"], case["scores"]):
                assert score_of[doc] == pytest.approx(score, rel=1e-9), (label, doc)
        exact += mine["ids"] == case["ids"]
    assert exact >= 0.95 * len(cases)
