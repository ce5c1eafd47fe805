"""Phone and print (issue 18 item 4), in Chromium: layout facts read from the page.

The site is the tiny fixture with a 50-ticker issuer (the header must stay one row), tag
titles, a release that prints its own contact block, and pages of one or two items so every
list has a page 2. Screenshots at 375 px and in print media are written under the session's
temporary folder (printed at the end of the run with -s), never into the repository.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_a11y import BLOCKING, axe_source, describe

from sitebuild import SITES, build_site, serve

PHONE = {"width": 375, "height": 800}
EXCHANGES = ["NASDAQ", "NYSE", "TSX", "CSE", "ASX", "LSE", "FSE"]
CONTACT_RELEASE = """---
title: Northgate Appoints a Chief Geologist
date: 2024-11-05
ticker: "TSXV: NGT"
tags: [corporate]
contacts: [ir]
---
Northgate Tungsten Corp. has appointed a chief geologist.

For further information please contact:

Priya Raman, Vice President, Investor Relations
Telephone: +1 604 555 0142
Email: ir@northgate.example.com
"""
LIST_PAGES = ["/releases/", "/releases/2024/", "/releases/2024/page/2/", "/page/2/",
              "/tags/corporate/", "/grants/", "/grants/2021/", "/grants/recipients/",
              "/milestones/", "/milestones/2024/", "/milestones/planned/", "/tags/"]


def many_tickers(count: int) -> list[str]:
    return ["TSXV: NGT"] + [f"{EXCHANGES[i % len(EXCHANGES)]}: N{i:03d}" for i in range(count - 1)]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("phone-print")
    content = base / "content"
    shutil.copytree(SITES / "tiny" / "content", content)
    issuer = content / "issuer.yaml"
    text = issuer.read_text(encoding="utf-8")
    tickers = ", ".join(f'"{t}"' for t in many_tickers(50))
    text = re.sub(r"^tickers: .*$", f"tickers: [{tickers}]", text, count=1, flags=re.M)
    issuer.write_text(text + "tags:\n  stock-options: Stock options\n  corporate: Corporate news\n",
                      encoding="utf-8")
    (content / "releases" / "2024" / "2024-11-05-northgate-chief-geologist.md").write_text(
        CONTACT_RELEASE, encoding="utf-8")
    return build_site(content, base / "output", base / "cache", SITEURL="",
                      DEFAULT_PAGINATION=2,
                      PAGINATED_TEMPLATES={"index": None, "tag": None, "year_archive": 2,
                                           "grants": 1, "milestones": 1})


@pytest.fixture(scope="module")
def server(site):
    base_url, httpd = serve(site)
    yield base_url
    httpd.shutdown()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    print(f"\nphone and print screenshots: {folder}")


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def visit(page, url: str):
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} did not load"


def shot_name(path: str, suffix: str) -> str:
    return (path.strip("/").replace("/", "_") or "home") + f"-{suffix}.png"


# --- phone -----------------------------------------------------------------------


@pytest.mark.parametrize("path", LIST_PAGES)
def test_no_horizontal_overflow_at_375px(phone, server, shots, path):
    visit(phone, server + path)
    phone.screenshot(path=str(shots / shot_name(path, "375")), full_page=True)
    widths = phone.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert widths[0] <= widths[1], f"{path} scrolls sideways at 375 px: {widths}"


def test_header_keeps_one_row_of_tickers_and_a_toggle(phone, server, site):
    visit(phone, server + "/releases/")
    header = phone.locator(".site-header")
    shown = phone.locator(".header-tickers > .tickers > .ticker")
    tops = {round(box["y"]) for box in (shown.nth(i).bounding_box()
                                         for i in range(shown.count()))}
    assert shown.count() >= 1 and len(tops) == 1, f"tickers on {len(tops)} rows"
    assert not phone.locator(".more-tickers > .tickers").is_visible()
    height = header.bounding_box()["height"]
    assert height <= 0.4 * PHONE["height"], f"header is {height}px of a {PHONE['height']}px screen"
    summary = phone.locator(".more-tickers > summary")
    assert re.search(r"48 more", summary.inner_text()), summary.inner_text()
    summary.click()
    hidden = phone.locator(".more-tickers > .tickers > .ticker")
    assert shown.count() + hidden.count() == 50
    assert hidden.last.is_visible(), "the toggle shows every other listing"
    assert header.bounding_box()["height"] == height, "the open list drops over the page"


def test_ticker_toggle_works_without_script(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        visit(page, server + "/")
        page.locator(".more-tickers > summary").click()
        assert page.locator(".more-tickers > .tickers > .ticker").last.is_visible()
    finally:
        context.close()


def test_grants_are_labelled_cards_under_600px(phone, desktop, server, shots):
    visit(phone, server + "/grants/2021/")
    phone.screenshot(path=str(shots / "grants-cards-375.png"), full_page=True)
    row = phone.locator(".register-table tbody tr").first
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    cells = row.locator("th, td")
    labels = ["Date", "Recipient", "Security", "Number", "Exercise price", "Term", "Vesting",
              "Release"]
    assert cells.count() == len(labels)
    card = row.bounding_box()
    for i, label in enumerate(labels):
        cell = cells.nth(i)
        assert cell.is_visible(), f"{label} hidden on a phone"
        box = cell.bounding_box()
        assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"] + 1
        shown = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert shown == f'"{label}"', f"{label} cell is labelled {shown}"
    assert "0.45" in cells.nth(4).inner_text() and "5 years" in cells.nth(5).inner_text()
    visit(desktop, server + "/grants/2021/")
    assert desktop.locator(".register-table tbody tr").first.evaluate(
        "e => getComputedStyle(e).display") == "table-row"


# --- print -----------------------------------------------------------------------


def test_print_one_width_facts_after_the_text_each_block_once(desktop, server, shots):
    visit(desktop, server + "/releases/2021/northgate-grants-options/")
    desktop.emulate_media(media="print")
    try:
        desktop.screenshot(path=str(shots / "release-print.png"), full_page=True)
        boxes = {name: desktop.locator(selector).first.bounding_box() for name, selector in {
            "title": ".release-title", "body": ".release-body", "disclaimer": ".disclaimer",
            "grants": ".side-grants", "contacts": ".side-contacts"}.items()}
        widths = {name: round(box["width"]) for name, box in boxes.items()}
        assert len(set(widths.values())) == 1, f"print widths differ: {widths}"
        body_end = boxes["body"]["y"] + boxes["body"]["height"]
        legal_end = boxes["disclaimer"]["y"] + boxes["disclaimer"]["height"]
        assert body_end <= legal_end <= boxes["grants"]["y"] < boxes["contacts"]["y"]
        text = desktop.locator("body").inner_text()
        assert text.count("ir@northgate.example.com") == 1
        assert text.count("Forward-Looking Statements") == 1
        assert not desktop.locator(".more-tickers").is_visible(), "no toggle on paper"
        header = desktop.locator(".header-tickers > .tickers > .ticker")
        assert len({round(header.nth(i).bounding_box()["y"]) for i in range(header.count())}) == 1
    finally:
        desktop.emulate_media(media="screen")


def test_print_shows_release_contacts_once_when_the_text_has_them(desktop, server, shots):
    visit(desktop, server + "/releases/2024/northgate-chief-geologist/")
    assert desktop.locator(".side-contacts").is_visible(), "the screen keeps the sidebar"
    desktop.emulate_media(media="print")
    try:
        desktop.screenshot(path=str(shots / "contacts-print.png"), full_page=True)
        assert not desktop.locator(".side-contacts").is_visible()
        assert desktop.locator("body").inner_text().count("ir@northgate.example.com") == 1
    finally:
        desktop.emulate_media(media="screen")


def test_tag_titles_from_issuer_yaml(desktop, server):
    visit(desktop, server + "/tags/stock-options/")
    assert desktop.locator("h1").inner_text() == "Releases tagged “Stock options”"
    visit(desktop, server + "/releases/2021/northgate-grants-options/")
    chips = desktop.locator(".tag-list a").all_inner_texts()
    assert chips == ["Stock options", "operations"], chips  # no title: the slug
    visit(desktop, server + "/tags/")
    assert "Corporate news" in desktop.locator(".tag-index").inner_text()


# --- axe on the new pages -----------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}],
                         ids=["phone", "desktop"])
def test_axe_finds_nothing_on_the_new_pages(browser, server, viewport):
    script = axe_source()
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        for path in LIST_PAGES:
            visit(page, server + path)
            page.locator(".more-tickers > summary").click()
            page.add_script_tag(content=script)
            results = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})")
            blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
            assert not blocking, f"{path} at {viewport['width']} px:\n{describe(blocking)}"
    finally:
        context.close()
