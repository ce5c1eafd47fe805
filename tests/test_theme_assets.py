"""Every stylesheet, script and icon a built page loads is a content-hashed file that exists.

A deploy that mixed an old page with a new stylesheet (or the reverse) would break layout or
search; hashed names make that impossible and let hosts cache theme files forever. These
tests read the built tiny site: each <link>/<script> must name an existing file whose name
carries the hash of its bytes, nothing unhashed may be referenced or copied, and one changed
CSS byte must change the name.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from dateline.search.assets import HASH_CHARS, write_theme

ROOT = Path(__file__).resolve().parent.parent
HASHED = re.compile(r"^(?P<stem>[\w.]+)-(?P<hash>[0-9a-f]{%d})\.(css|js|svg)$" % HASH_CHARS)


class _Assets(HTMLParser):
    """Collects the href/src of every <link> and <script> of a page."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.found.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "modulepreload", "preload"):
            self.found.append(attrs["href"])


def page_assets(site: Path) -> dict:
    """{asset path from the site root: a page that loads it}."""
    assets = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.found:
            assets.setdefault(ref.lstrip("/"), page.relative_to(site).as_posix())
    return assets


def test_every_page_asset_is_an_existing_hashed_file(built_site):
    assets = page_assets(built_site)
    assert {"css", "js", "svg"} <= {ref.rsplit(".", 1)[-1] for ref in assets}
    for ref, page in assets.items():
        path = built_site / ref
        assert path.is_file(), f"{page} loads {ref}, which the build did not write"
        match = HASHED.match(path.name)
        assert match, f"{page} loads {ref}, which has no content hash in its name"
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_CHARS] == match["hash"], ref


def test_no_unhashed_css_or_js_in_the_output(built_site):
    theme = built_site / "theme"
    unhashed = [p.relative_to(theme).as_posix() for p in theme.rglob("*")
                if p.is_file() and not HASHED.match(p.name)]
    assert unhashed == []
    assert not (theme / "js" / "search").exists(), "the client's source modules were copied"


def test_one_changed_css_byte_changes_the_name(tmp_path):
    static = tmp_path / "static"
    shutil.copytree(ROOT / "theme" / "static", static)
    before = write_theme(static, tmp_path / "one")["THEME_FILES"]
    main = static / "css" / "main.css"
    main.write_bytes(main.read_bytes() + b" ")
    after = write_theme(static, tmp_path / "two")["THEME_FILES"]
    assert after["css/main.css"] != before["css/main.css"]
    assert after["css/print.css"] == before["css/print.css"]
    assert (
        tmp_path / "two" / after["css/main.css"].removeprefix("theme/")
    ).read_bytes() == main.read_bytes()
