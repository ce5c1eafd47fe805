"""The /search/ page's no-results state and how the page starts its client, in Chromium.

No results is said once (the empty message; the status line hides), "clear the filters" is
offered only while filters are set and shown, a literal query that the index would correct
keeps its "Did you mean", and the page loads one script, which starts the search.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

APP = "[data-search]"
EMPTY = "[data-search-empty]"
ANNOUNCE = "[data-search-announce]"


def open_search(page, base, query=""):
    page.goto(f"{base}/search/{query}")
    expect(page.locator(APP)).to_be_visible()


def shown_text(page):
    """The page's text a sighted visitor sees (no hidden element, no screen-reader-only region)."""
    return page.evaluate("""() => {
      const app = document.querySelector("[data-search]").cloneNode(true);
      app.querySelectorAll("[hidden], .visually-hidden").forEach((e) => e.remove());
      return app.textContent;
    }""")


def announced(page, text):
    expect(page.locator(ANNOUNCE)).to_have_text(text)


def test_no_results_is_said_once_and_offers_no_hidden_filters(page, site_server):
    open_search(page, site_server, "?q=zqxwv")
    announced(page, "0 results for “zqxwv”.")
    expect(page.locator(EMPTY)).to_be_visible()
    expect(page.locator("[data-search-status]")).to_be_hidden()
    assert shown_text(page).count("zqxwv") == 1, shown_text(page)
    assert "filter" not in page.locator(EMPTY).inner_text().lower()
    expect(page.locator(f"{EMPTY} [data-search-clear]")).to_have_count(0)
    expect(page.locator(f"{EMPTY} a", has_text="release archive")).to_be_visible()


def test_clear_filters_is_offered_for_shown_filters_and_clears_them(page, site_server):
    open_search(page, site_server, "?q=drilling&year=2021")
    announced(page, "0 results for “drilling” in 2021.")
    expect(page.locator("#search-facet-year")).to_be_visible()
    expect(page.locator(EMPTY).locator("p").first).to_have_text(
        "No releases match “drilling” in 2021.")
    clear = page.locator(f"{EMPTY} [data-search-clear]")
    expect(clear).to_be_visible()
    clear.click()
    expect(page.locator("[data-search-status]")).to_have_text("1 result for “drilling”")
    expect(page.locator(EMPTY)).to_be_hidden()
    assert "year=" not in page.url
    assert page.evaluate("document.activeElement.id") == "search-q"


def test_closing_the_filters_withdraws_the_offer_to_clear_them(page, site_server):
    open_search(page, site_server, "?q=drilling&year=2021")
    expect(page.locator(f"{EMPTY} [data-search-clear]")).to_be_visible()
    page.locator("[data-search-filter-toggle]").click()
    expect(page.locator("[data-search-facets]")).to_be_hidden()
    expect(page.locator(f"{EMPTY} [data-search-clear]")).to_have_count(0)
    expect(page.locator(EMPTY)).to_contain_text("No releases match “drilling” in 2021.")
    assert "filter" not in page.locator(EMPTY).inner_text().lower()


def test_a_literal_query_with_no_results_keeps_did_you_mean(page, site_server):
    open_search(page, site_server, "?q=kestral&exact=1")
    announced(page, "0 results for “kestral”.")
    suggestion = page.locator(f"{EMPTY} a[data-suggestion]")
    expect(suggestion).to_have_text("kestrel")
    expect(page.locator(EMPTY)).to_contain_text("Did you mean kestrel?")
    suggestion.click()
    expect(page.locator("[data-search-status]")).to_have_text("3 results for “kestrel”")
    expect(page.locator("#search-q")).to_have_value("kestrel")
    assert "exact=" not in page.url


def test_the_page_loads_one_script_that_starts_the_search(page, site_server):
    loaded = []
    page.on("request", lambda r: loaded.append(r.url) if r.url.endswith(".js") else None)
    open_search(page, site_server, "?q=kestrel")
    expect(page.locator("[data-search-status]")).to_have_text("3 results for “kestrel”")
    assert len(loaded) == 1 and re.search(r"/theme/js/search_page-[0-9a-f]{12}\.js$", loaded[0]), (
        loaded
    )
