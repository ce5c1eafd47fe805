"""Browser fixtures: Debian's Chromium driven by Playwright, and a local static server.

No browser is downloaded: Playwright launches /usr/bin/chromium by path.
`make test` installs Chromium with apt-get first (tests/ensure_tools.sh); if
it is still missing here the tests fail with a clear message, never skip.
"""

from __future__ import annotations

import shutil

import pytest

from sitebuild import serve

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium not found: run `make test` (it installs Debian's chromium) "
                "or `apt-get install chromium`", pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_server(built_site):
    """Base URL of the tiny fixture site served over HTTP."""
    base_url, server = serve(built_site)
    yield base_url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
