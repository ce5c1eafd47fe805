"""The search client's modules seen from Python: the page script (ui.js) tested alone in
Node against a fake page, the facet kinds the browser lists agreeing with the export's, and
the one file the search page loads being the client plus the call that starts it."""

import json
import os
import re
import subprocess
from pathlib import Path

from dateline.search.assets import write_theme
from dateline.search.export import FACET_KINDS, facet_data

ROOT = Path(__file__).resolve().parent.parent
JS_TESTS = ROOT / "tests" / "js"
CLIENT = ROOT / "theme" / "static" / "js" / "search"


def node_eval(code: str) -> str:
    result = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True,
                            text=True, timeout=60, cwd=CLIENT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_search_page_script_runs_alone_against_a_fake_page():
    result = subprocess.run(["node", "--test", str(JS_TESTS / "ui_start.test.mjs")],
                            env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout, result.stdout


def test_the_browser_and_the_export_name_the_same_facet_kinds():
    out = node_eval('import { FACET_KINDS, FACET_LABELS } from "./facets.js";'
                    "console.log(JSON.stringify([FACET_KINDS, Object.keys(FACET_LABELS)]));")
    kinds, labelled = json.loads(out)
    assert tuple(kinds) == FACET_KINDS
    assert labelled == kinds
    record = {"tickers": ["TSXV: NGT"], "tags": ["news"], "date": "2024-06-12T09:00:00-04:00",
              "sort_time": 0}
    totals, columns = facet_data([record])
    assert tuple(totals) == FACET_KINDS
    assert set(columns) == set(FACET_KINDS) | {"newest"}


def test_facet_kinds_are_listed_once_in_the_client():
    """Other modules read FACET_KINDS; none spells the list out again."""
    spelled = [path.name for path in CLIENT.glob("*.js")
               if path.name != "facets.js" and '"ticker", "year"' in path.read_text("utf-8")]
    assert spelled == []


def test_the_page_loads_one_file_that_starts_it_and_the_client_alone_starts_nothing(tmp_path):
    files = write_theme(ROOT / "theme" / "static", tmp_path)["THEME_FILES"]
    client = (tmp_path / files["js/search.js"].removeprefix("theme/")).read_text("utf-8")
    page = (tmp_path / files["js/search_page.js"].removeprefix("theme/")).read_text("utf-8")
    calls = re.compile(r"^start\(\);$", re.M)
    assert not calls.search(client)
    assert len(calls.findall(page)) == 1
    assert "\nimport " not in page, "the page's file imports nothing: no second round trip"
    # the same modules in both, the page's ending in the call
    assert page.replace("start();\n", "", 1) == client
