"""Dates on layouts the importer had not seen (issue 13, fourth round), and drafts that say why.

The layouts, each with a public page it was read from, are listed in docs/importer.md ("Dates,
fourth round"); tests/fixtures/import/collection/c76-c99 hold them in our own words and
tests/test_importer_collection.py checks every field of each. These are the detectors' own cases,
with the near misses that must not be read as a release date.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest

from dateline.importer import add_arguments, parse_release, run
from dateline.importer.datelines import match_lead
from dateline.importer.dates import stamp_date, title_date

D = dt.date
COLLECTION = Path(__file__).resolve().parent / "fixtures" / "import" / "collection"
ISSUER = COLLECTION.parent / "collection-issuer.yaml"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("FILED AS OF DATE:\t\t20250211", D(2025, 2, 11)),
        ("CONFORMED PERIOD OF REPORT:\t20250210", None),  # the event, not the filing
        ("<SEC-DOCUMENT>0001193125-25-028114.txt : 20250211", None),
        ("RNS Number : 4417K Wrenfield Mobility PLC 16 September 2024", D(2024, 9, 16)),
        ("RNS Number : 4417K", None),
        ("RNS Number : 4417K Results for the year ended 31 March 2024 today", None),
        ("FILED AS OF DATE: 20251341", None),  # no such day
    ],
)
def test_filing_headers_and_one_line_rns_headers(line, date):
    assert stamp_date(line) == date


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Kestrel Gold Limited – Drilling Update – 11 February 2025", D(2025, 2, 11)),
        ("Drilling Update | 11 February 2025", D(2025, 2, 11)),
        ("Drilling Update (February 11, 2025)", D(2025, 2, 11)),
        ("Quarterly Activities Report – 31 December 2024", None),  # the period's end
        ("Notice of AGM – 11 February 2025", None),  # the meeting's day
        ("Results for the Year Ended 31 March 2025", None),  # a date in the words
        ("Acme Expands Into Texas", None),
    ],
)
def test_a_date_ending_the_headline_unless_it_closes_a_period_or_sets_an_event(title, date):
    assert title_date(title) == date


def test_an_aggregators_date_stamp_before_the_dateline_goes_with_it():
    text = " date 2023-01-18 NEW YORK, Jan. 18, 2023 (GLOBE NEWSWIRE) — Tern Markets Inc. grew."
    lead = match_lead(text)
    assert (lead.place, lead.wire, lead.date) == ("NEW YORK", "GLOBE NEWSWIRE", D(2023, 1, 18))
    assert text[lead.end :] == "Tern Markets Inc. grew."
    assert match_lead("date 2023-01-18 Tern Markets Group Inc. grew in 2022.") is None


def _release(stamp: str, ticker: str):
    text = (
        f"Tamarack Ridge Announces Drill Program\n\n{stamp}\n\nTamarack Ridge Mining Corp. "
        f"({ticker}) is pleased to announce that it has started a diamond drill program.\n"
    )
    return parse_release(text, source="t.txt")


@pytest.mark.parametrize(
    ("ticker", "date", "draft"),
    [
        ("CSE: TRM", D(2025, 4, 3), True),  # Canada prints both orders: kept day first, reviewed
        ("ASX: TRM", D(2025, 4, 3), False),  # an Australian issuer: day first
        ("NASDAQ: TRM", D(2025, 3, 4), False),  # US only: month first
    ],
)
def test_figures_whose_day_and_month_could_swap_are_settled_by_the_market_or_reviewed(
    ticker, date, draft
):
    release = _release("Date: 03/04/2025", ticker)
    assert release.front_matter["date"] == date
    assert release.is_draft == draft
    if draft:
        (problem,) = release.problems
        assert problem.field == "date" and "write `date: 2025-03-04`" in problem.message


def test_a_date_that_reads_one_way_is_no_draft():
    release = _release("Date: 23/04/2025", "CSE: TRM")
    assert release.front_matter["date"] == D(2025, 4, 23) and not release.is_draft


def test_without_a_dateline_the_headline_stands_above_the_news_not_under_it():
    release = parse_release(
        (COLLECTION / "c92-footer-dated-line.txt").read_text(encoding="utf-8"), source="c92.txt"
    )
    assert release.front_matter["title"] == "Change of Registered Office"  # not the signature
    assert release.front_matter["date"] == D(2025, 2, 11)  # "Dated: 11 February 2025"


def test_the_report_lists_each_draft_with_its_reasons_in_full(tmp_path):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    source = COLLECTION / "c91-site-date-figures-ambiguous.txt"
    argv = [str(source), "--out", str(tmp_path / "releases"), "--issuer", str(ISSUER)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert run(parser.parse_args(argv)) == 0
    stdout = out.getvalue()
    problem = f"{source}:3: date: expected a date whose order the text or the market settles"
    assert problem in err.getvalue()
    review = stdout.split("to review before publishing (1 draft(s)):\n", 1)[1]
    assert review.startswith(
        f"  {tmp_path / 'releases/2025/2025-04-03-tamarack-ridge-mining-announces-drill'}"
    )
    assert f"    {problem}" in review
    assert stdout.rstrip().endswith("1 source(s): 0 imported, 1 drafted, 0 skipped")


@pytest.mark.parametrize(
    "line",
    [
        "EMBARGOED UNTIL 7.00AM 11 FEBRUARY 2025",  # the embargo lifts as the release goes out
        "For release: 11 February 2025",
        "For Release: February 11, 2025",
        "News Release – February 11, 2025",
        "PRESS RELEASE | 11 February 2025",
        "Announcement date: 11 February 2025",
        "Publication date: 11 February 2025",
        "(February 11, 2025)",
        "11 February 2025 | 07:00 GMT",
        "Tuesday 11 February 2025",
        "Release Date: February 11th 2025",
        "11.02.2025",  # figures alone in their block at the top: day first on an ASX release
        "Dated this 11th day of February, 2025.",
    ],
)
def test_a_release_line_labels_its_date_in_many_words(line):
    text = (
        f"Quandong Closes First Tranche of Placement\n\n{line}\n\nQuandong Resources Limited "
        "(ASX: QDR) is pleased to announce that it has closed the first tranche of its placement.\n"
    )
    release = parse_release(text, source="q.txt")
    assert release.front_matter.get("date") == D(2025, 2, 11) and not release.is_draft


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: 11 February 2025",  # an update is not the release
        "| 2.2 | *+Issue date | 11 February 2025 |",  # the securities' issue date
        "February 2025",  # no day
    ],
)
def test_lines_that_are_not_the_release_date(line):
    text = (
        f"Quandong Closes First Tranche of Placement\n\n{line}\n\nQuandong Resources Limited "
        "(ASX: QDR) is pleased to announce that it has closed the first tranche of its placement.\n"
    )
    assert "date" not in parse_release(text, source="q.txt").front_matter
