"""Milestone extraction against fixture releases (fictional issuers), every field asserted."""

import datetime
from pathlib import Path

import pytest
import yaml

from dateline.facts.extraction import extract_html, extract_text
from dateline.facts.milestones import extract_milestones, find_dates

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "extraction").glob("*.yaml"))
KEYS = ["date", "precision", "event", "kind", "status", "project", "sentence", "review"]
RELEASE = datetime.date(2013, 5, 29)


def run(case: dict) -> dict:
    reader = extract_html if case["format"] == "html" else extract_text
    return reader(
        case["body"],
        release_date=datetime.date.fromisoformat(case["release_date"]),
        exchanges=case["exchanges"],
    )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_milestones(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = run(case)["milestones"]
    expected = case["expected"]["milestones"]
    assert len(found) == len(expected)
    for milestone, want in zip(found, expected):
        assert list(milestone) == KEYS
        for key in KEYS:
            assert milestone[key] == want.get(key, []), f"{path.stem}: {key}"


@pytest.mark.parametrize("text, value, precision", [
    ("commissioned on May 27, 2013.", "2013-05-27", "day"),
    ("commissioned on 27 May 2013.", "2013-05-27", "day"),
    ("commissioned on 2013-05-27.", "2013-05-27", "day"),
    ("commissioned in July 2010.", "2010-07", "month"),
    ("installed during the first two weeks of May 2013.", "2013-05", "month"),
    ("finished by the end of June 2014.", "2014-06", "month"),
    ("expected in Q3 2013.", "2013-Q3", "quarter"),
    ("expected in the third quarter of 2013.", "2013-Q3", "quarter"),
    ("targeted for 2H26.", "2026-H2", "half"),
    ("targeted for H1 2027.", "2027-H1", "half"),
    ("expected in the second half of 2026.", "2026-H2", "half"),
    ("expected in Q2 CY2017.", "2017-Q2", "quarter"),
    ("expected in the September 2022 quarter.", "2022-Q3", "quarter"),
    ("expected during the September quarter.", "2013-Q3", "quarter"),
    ("began on Saturday 26 May.", "2013-05-26", "day"),
    ("expected by mid-2015.", "2015", "year"),
    ("opened in 2008.", "2008", "year"),
    ("commissioned today.", "2013-05-29", "day"),
    ("reported in August.", "2013-08", "month"),
])
def test_date_forms(text, value, precision):
    [mention] = find_dates(text, RELEASE)
    assert (mention.value, mention.precision) == (value, precision)


def test_month_without_year_goes_back_for_achieved_events():
    [mention] = find_dates("drilling began in August", RELEASE, planned=False)
    assert mention.value == "2012-08"


def test_modal_may_and_plain_numbers_are_not_dates():
    assert find_dates("The Company may raise 2013 units at 2,014 metres.", RELEASE) == []


def milestones_of(text: str) -> list[dict]:
    return extract_milestones([text], release_date=RELEASE)


@pytest.mark.parametrize("text", [
    "As announced in its news release dated March 3, 2013, the Company closed its financing.",
    "Shareholders elected Mr. Roe at the Annual General Meeting held on March 26, 2013.",
    "The Company anticipates reducing production costs over the life of mine.",
    "The drill program at the Vega Project is designed to test three targets.",
    "The Company reported revenue of $3.2 million for the quarter ended March 31, 2013.",
])
def test_not_milestones(text):
    assert milestones_of(text) == []


@pytest.mark.parametrize("text, status", [
    ("The Company closed its private placement on May 2, 2013.", "achieved"),
    ("The Company expects to close its private placement on June 12, 2013.", "planned"),
    ("The private placement is scheduled to close on June 12, 2013.", "planned"),
    ("The Company plans to begin drilling in July 2013.", "planned"),
    ("The Company targets first gold in 2015.", "planned"),
    ("The Company anticipates commissioning the mill in Q4 2013.", "planned"),
    ("Commissioning of the mill will take place in September 2013.", "planned"),
    ("Drilling begins at the Vega Project in June 2013.", "planned"),
])
def test_status(text, status):
    [milestone] = milestones_of(text)
    assert milestone["status"] == status


def test_quarter_label_of_results_is_not_the_event_date():
    [milestone] = milestones_of("The Company will report its Q2 2013 results in August.")
    assert (milestone["date"], milestone["precision"], milestone["kind"]) == (
        "2013-08", "month", "other")


def test_project_carries_over_only_for_operational_kinds():
    found = extract_milestones(
        ["Work continues at the Vega Project. Drilling was completed on May 3, 2013. "
         "The Company closed a private placement on May 10, 2013."],
        release_date=RELEASE,
    )
    assert [(m["kind"], m["project"]) for m in found] == [("drilling", "Vega"), ("financing", None)]
