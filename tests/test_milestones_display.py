"""Quarters and halves on the site: extracted or hand-written, checked, sorted, shown as written."""

from __future__ import annotations

import json
import re
import shutil
from zoneinfo import ZoneInfo

import pytest

from dateline.content.frontmatter import parse
from sitebuild import SITES, build_site

QUARTER_RELEASE = """---
title: Northgate Begins Construction at Kestrel
date: 2025-03-10
ticker: "TSXV: NGT"
tags: [operations]
disclaimer: none
---
Northgate Tungsten Corp. began construction of the Kestrel Mine mill in January 2025.
Commissioning of the Kestrel Mine mill is expected in the third quarter of 2025.
The Kestrel Mine expansion permit is expected in December 2025.
"""
HALF_RELEASE = """---
title: Northgate Outlook
date: 2025-03-11
ticker: "TSXV: NGT"
tags: [operations]
disclaimer: none
milestones:
  - {event: First concentrate shipment, status: planned, date: 2025-H2, kind: production}
---
Northgate Tungsten Corp. provides its outlook.
"""
HEADLINE_RELEASE = """---
title: Commercial Production Declared at the Kestrel Mine
date: 2025-03-12
ticker: "TSXV: NGT"
tags: [operations]
disclaimer: none
---
Northgate Tungsten Corp. provides an operations update. The mill processed 900 tonnes per day.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("quarters")
    content = base / "content"
    shutil.copytree(SITES / "tiny" / "content", content)
    folder = content / "releases" / "2025"
    folder.mkdir()
    (folder / "2025-03-10-northgate-construction.md").write_text(QUARTER_RELEASE, encoding="utf-8")
    (folder / "2025-03-11-northgate-outlook.md").write_text(HALF_RELEASE, encoding="utf-8")
    (folder / "2025-03-12-northgate-production.md").write_text(HEADLINE_RELEASE, encoding="utf-8")
    return build_site(content, base / "output", base / "cache", SITEURL="")


def test_exports_keep_quarter_and_half(site):
    rows = json.loads((site / "milestones" / "milestones.json").read_text(encoding="utf-8"))
    dates = {(row["date"], row["precision"]) for row in rows}
    assert {("2025-Q3", "quarter"), ("2025-H2", "half")} <= dates


def test_the_build_reads_the_headline(site):
    rows = json.loads((site / "milestones" / "milestones.json").read_text(encoding="utf-8"))
    [row] = [row for row in rows if row["release_date"] == "2025-03-12"]
    assert (row["kind"], row["status"], row["date"]) == ("production", "achieved", "2025-03-12")
    assert row["sentence"] == "Commercial Production Declared at the Kestrel Mine"


def test_timeline_shows_and_sorts_them(site):
    html = (site / "milestones" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025">Q3 2025</time>' in html
    assert '<time datetime="2025">H2 2025</time>' in html
    planned = html[html.index("Q3 2025"):]
    # Q3 starts in July, H2 in July too (release order), December after both
    assert planned.index("Q3 2025") < planned.index("December 2025")
    assert planned.index("H2 2025") < planned.index("December 2025")


def test_sidebar_shows_the_quarter(site):
    html = (site / "releases" / "2025" / "northgate-construction" / "index.html")
    page = html.read_text(encoding="utf-8")
    assert re.search(r'<time datetime="2025">Q3 2025</time>', page)


@pytest.mark.parametrize("date, expected", [
    ("2014-Q1", "2014-01"), ("2014-Q3", "2014-07"), ("2014-H2", "2014-07"), ("2014-H1", "2014-01"),
    ("2014-05", "2014-05"), ("2014", "2014"), (None, None),
])
def test_sort_date(date, expected):
    from dateline.pages.registers import sort_date  # imports Pelican: not at collection time

    assert sort_date(date) == expected


def _front(milestone: str) -> str:
    return ("---\ntitle: T\ndate: 2021-03-04\nticker: \"TSXV: NGT\"\ntags: [operations]\n"
            f"milestones:\n  - {milestone}\n---\nBody.\n")


def test_hand_written_quarter_and_half_are_accepted():
    front = _front("{event: Mill restart, status: planned, date: 2021-Q4}")
    matter = parse("r.md", front, "release", ZoneInfo("America/Toronto"))
    assert not matter.problems
    milestone = matter.fields["milestones"][0]
    assert (milestone["date"], milestone["precision"]) == ("2021-Q4", "quarter")
    assert milestone["review"] == []


@pytest.mark.parametrize("milestone, message", [
    ("{event: X, status: planned, date: 2021-Q5}", "expected a date matching its precision"),
    ("{event: X, status: planned, date: 2021-H2, precision: quarter}",
     "expected a date matching its precision (quarter)"),
    ("{event: X, status: planned, date: 2021, precision: decade}",
     "expected day, month, quarter, half or year"),
])
def test_hand_written_bad_quarters_are_errors(milestone, message):
    matter = parse("r.md", _front(milestone), "release", ZoneInfo("America/Toronto"))
    assert any(message in str(problem) for problem in matter.problems), matter.problems
