"""The front-matter reader: each valid form, and each class of error with its line."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from dateline.content.exchanges import Ticker
from dateline.content.frontmatter import parse

TORONTO = ZoneInfo("America/Toronto")


def release(front: str, body: str = "Body text.\n") -> str:
    return f"---\n{front.strip()}\n---\n{body}"


def parsed(front: str, kind: str = "release"):
    return parse("r.md", release(front), kind, TORONTO)


VALID = """
title: Northgate Tungsten Completes Mill Upgrade
date: 2021-03-04
ticker: "TSXV: NGT"
tags: [operations, stock-options]
"""


def test_minimal_release_is_valid_and_normalised():
    matter = parsed(VALID)
    assert matter.problems == []
    assert matter.fields["title"] == "Northgate Tungsten Completes Mill Upgrade"
    assert matter.fields["date"] == dt.datetime(2021, 3, 4, tzinfo=TORONTO)
    assert matter.fields["time_stated"] is False
    assert matter.fields["ticker"] == [Ticker("TSXV", "NGT")]
    assert matter.fields["tags"] == ["operations", "stock-options"]
    assert matter.body == "Body text.\n"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-03-04T09:30:00-05:00",
         dt.datetime(2021, 3, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ('"2021-03-04 09:30"', dt.datetime(2021, 3, 4, 9, 30, tzinfo=TORONTO)),
        ("2021-03-04 09:30:00", dt.datetime(2021, 3, 4, 9, 30, tzinfo=TORONTO)),
        ("2021-03-04T14:30:00Z", dt.datetime(2021, 3, 4, 14, 30, tzinfo=dt.timezone.utc)),
    ],
)
def test_datetimes_keep_or_get_a_timezone(value, expected):
    matter = parsed(VALID.replace("date: 2021-03-04", f"date: {value}"))
    assert matter.problems == []
    assert matter.fields["date"] == expected
    assert matter.fields["date"].tzinfo is not None
    assert matter.fields["time_stated"] is True


def test_ticker_list_and_every_exchange_spelling_in_the_table():
    matter = parsed(VALID.replace('ticker: "TSXV: NGT"',
                                  'ticker: ["TSX: NGT", "NYSE American: NGTX", "otcqx: ngtff"]'))
    assert matter.problems == []
    assert [t.label for t in matter.fields["ticker"]] == [
        "TSX: NGT", "NYSE American: NGTX", "OTCQX: NGTFF"]


def test_optional_fields():
    front = VALID + """
summary: Mill upgrade completed.
slug: mill-upgrade
dateline: Vancouver, Canada
status: draft
disclaimer: none
legends: [us-newswire]
contacts: [ir]
modified: 2021-03-05
lang: en
"""
    matter = parsed(front)
    assert matter.problems == []
    assert matter.slug == "mill-upgrade"
    assert matter.is_draft
    assert matter.fields["legends"] == ["us-newswire"]


def test_slug_defaults_to_file_name_without_date():
    matter = parse("content/releases/2021/2021-03-04-mill-upgrade.md", release(VALID), "release",
                   TORONTO)
    assert matter.slug == "mill-upgrade"


def problem_lines(front, kind="release"):
    return [str(p) for p in parsed(front, kind).problems]


@pytest.mark.parametrize(
    "front, expected",
    [
        (VALID + "tikcer: x\n", "r.md:6: tikcer: expected a known field"),
        (VALID.replace('"TSXV: NGT"', '"TSX-V: NGT"'),
         "r.md:4: ticker: expected 'EXCHANGE: SYMBOL' with a known exchange"),
        (VALID.replace('"TSXV: NGT"', '"NGT"'), "r.md:4: ticker: expected 'EXCHANGE: SYMBOL'"),
        (VALID.replace("2021-03-04", "March 4, 2021"), "r.md:3: date: expected an ISO date"),
        (VALID.replace("2021-03-04", "2021-02-30"), "r.md:3: date: expected an ISO date"),
        (VALID.replace("[operations, stock-options]", "[Operations]"),
         "r.md:5: tags: expected tag slugs"),
        (VALID.replace("[operations, stock-options]", "operations"),
         "r.md:5: tags: expected a list of tag slugs"),
        (VALID + "status: pending\n",
         "r.md:6: status: expected published or draft, found 'pending'"),
        (VALID + "slug: Bad Slug\n", "r.md:6: slug: expected a slug"),
        (VALID + "title: again\n", "r.md:6: title: appears twice"),
        (VALID.replace("title: Northgate Tungsten Completes Mill Upgrade\n", ""),
         "r.md:1: title: expected a title (required), found nothing"),
        (VALID + "lang: English\n", "r.md:6: lang: expected a language code"),
    ],
)
def test_each_error_names_line_field_expected_and_found(front, expected):
    lines = problem_lines(front)
    assert any(line.startswith(expected) for line in lines), lines


def test_ticker_alias_gets_a_hint():
    lines = problem_lines(VALID.replace('"TSXV: NGT"', '"TSX-V: NGT"'))
    assert "did you mean 'TSXV: NGT'?" in lines[0]
    assert "found 'TSX-V: NGT'" in lines[0]


def test_all_problems_in_one_file_are_reported_together():
    front = VALID.replace('"TSXV: NGT"', '"XX: NGT"').replace(
        "2021-03-04", "someday") + "colour: red\n"
    assert len(problem_lines(front)) == 3


def test_yaml_syntax_error_has_its_line():
    text = "---\ntitle: ok\ntags: [a, b\ndate: 2021-01-01\n---\nbody"
    problems = parse("r.md", text, "release", TORONTO).problems
    assert len(problems) == 1
    assert problems[0].field == "front matter" and "invalid YAML" in problems[0].message
    assert problems[0].line in (3, 4, 5)


def test_missing_front_matter():
    problems = parse("r.md", "# Just markdown\n", "release", TORONTO).problems
    assert str(problems[0]).startswith("r.md:1: front matter: expected a YAML block")


def test_yaml_is_parsed_safely():
    problems = problem_lines(VALID + "summary: !!python/object/apply:os.system ['true']\n")
    assert any("invalid YAML" in p for p in problems)


def test_pages_have_their_own_smaller_schema():
    assert problem_lines("title: About us\n", kind="page") == []
    assert problem_lines("title: About\nticker: 'TSX: A'\n",
                         kind="page")[0].startswith("r.md:3: ticker: expected a known field")


def test_grant_override_is_validated_with_item_lines():
    front = VALID + """grants:
  - security: option
    recipient: Jane Roe
    number: 50000
  - security: opton
    recipient: John Doe
"""
    lines = problem_lines(front)
    assert lines == ["r.md:10: grants.1.security: expected one of option, rsu, dsu, psu, sar, "
                     "warrant, shares, found 'opton'"]


def test_grant_override_fills_unstated_fields_with_null():
    front = VALID + "grants:\n  - {security: rsu, recipient: Jane Roe, number: 1000}\n"
    grant = parsed(front).fields["grants"][0]
    assert grant["security"] == "rsu" and grant["exercise_price"] is None and grant[
        "sentence"] is None
    assert list(grant)[:3] == ["security", "recipient", "role"]


def test_milestone_override_date_must_match_precision():
    front = VALID + (
        "milestones:\n  - {event: First gold pour, status: achieved, date: 2021-02,"
        " precision: day}\n"
    )
    assert "milestones.0.date: expected a date matching its precision (day)" in problem_lines(
        front)[0]
    ok = parsed(VALID
                + "milestones:\n  - {event: First gold pour, status: planned, date: 2021-07}\n")
    assert ok.fields["milestones"][0]["precision"] == "month"
