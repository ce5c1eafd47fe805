"""The grant frame: passages over sentences, headings and tables, review reasons, odd input."""

import datetime
import random
from pathlib import Path

import pytest
import yaml

from dateline.content.overrides import check_grant_list
from dateline.facts.extraction import extract_html, extract_text
from dateline.facts.grants import (
    REVIEW_CURRENCY,
    REVIEW_EXPIRY,
    REVIEW_LONG_TERM,
    REVIEW_TABLE,
    REVIEW_TERM,
    _add_months,
    extract_grants,
)
from dateline.facts.sentences import body_blocks, body_paragraphs, text_blocks, text_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
DAY = datetime.date(2024, 6, 14)


def grants_of(text, exchanges=("TSXV",), day=DAY):
    return extract_text(text, release_date=day, exchanges=list(exchanges))["grants"]


def test_heading_section_frame_ends_at_the_next_heading():
    html = (
        "<h3>Grant of Stock Options</h3><p>The Company granted 500,000 options to consultants.</p>"
        "<p>The options are exercisable at $0.20 for three years.</p><h3>Property</h3>"
        "<p>The options vest immediately.</p>"
    )
    [grant] = extract_html(html, release_date=DAY, exchanges=["TSXV"])["grants"]
    assert (grant["exercise_price"], grant["term_years"], grant["vesting"]) == (0.2, 3, None)


def test_tranche_numbers_are_vesting_not_grants():
    [grant] = grants_of(
        "The Company granted 900,000 options to Al Kim, a director. 300,000 of the "
        "options vest on award, 300,000 after 6 months and 300,000 after 12 months."
    )
    assert (grant["number"], grant["vesting"]) == (900000, "staged over 12 months")


def test_restating_the_number_with_granted_is_not_a_second_grant():
    found = grants_of(
        "The Company granted 400,000 options to Al Kim, a director. "
        "The 400,000 options granted vest in thirds."
    )
    assert [(g["number"], g["vesting"]) for g in found] == [(400000, "thirds")]


def test_table_rows_are_grants_only_after_a_grant_opener():
    text = (
        "The Company granted options to the following directors:\n\n"
        "| Name | Options granted |\n|---|---|\n| Ann Lee | 10,000 |\n\n"
        "Following the grant, directors hold these options:\n\n"
        "| Name | Options held |\n|---|---|\n| Ann Lee | 90,000 |\n"
    )
    [grant] = grants_of(text)
    assert (grant["recipient"], grant["number"], grant["review"]) == (
        "Ann Lee",
        10000,
        [REVIEW_TABLE],
    )


def test_review_reasons_name_each_inference():
    [by_term] = grants_of(
        "On June 14, 2024 the Company granted 100,000 options to Al Kim at $0.10 for five years."
    )
    [by_expiry] = grants_of(
        "On June 14, 2024 the Company granted 100,000 options to Al Kim at C$0.10 "
        "until June 14, 2027."
    )
    [stated] = grants_of(
        "The Company granted 100,000 options to Al Kim at C$0.10 until June 14, 2027."
    )
    assert by_term["review"] == [REVIEW_CURRENCY, REVIEW_EXPIRY]
    assert by_expiry["review"] == [REVIEW_TERM]
    assert stated["review"] == []


@pytest.mark.parametrize("term", ["8000 years", "9999999 years", "120000 months"])
def test_absurd_terms_do_not_break_date_arithmetic(term):
    [grant] = grants_of(
        f"On June 14, 2024 the Company granted 100,000 options to Al Kim at C$0.10 "
        f"for a period of {term}."
    )
    assert grant["expiry_date"] is None and grant["review"] == [REVIEW_LONG_TERM]


def test_add_months_stays_inside_the_calendar():
    assert _add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert _add_months(datetime.date(9999, 12, 1), 1) is None
    assert _add_months(datetime.date(1, 1, 1), -1) is None


@pytest.mark.parametrize(
    "path",
    sorted(FIXTURES.glob("*.yaml")) + sorted(FIXTURES.glob("grants/*/*.yaml")),
    ids=lambda p: p.stem,
)
def test_blocks_give_the_same_paragraphs(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    if case["format"] == "html":
        blocks, paragraphs = body_blocks(case["body"]), body_paragraphs(case["body"])
    else:
        blocks, paragraphs = text_blocks(case["body"]), text_paragraphs(case["body"])
    assert [b.text for b in blocks if b.text and not b.heading] == paragraphs


def test_hand_written_grants_need_no_review():
    [grant] = check_grant_list([{"security": "option", "recipient": "Jane Roe", "number": 5}], None)
    assert grant["review"] == []
    [kept] = check_grant_list(
        [{"security": "option", "recipient": "J", "review": ["checked"]}], None
    )
    assert kept["review"] == ["checked"]


def test_report_prints_review_reasons_for_any_fact():
    # Imported here: dateline.commands.report imports Pelican, whose logger class must not apply
    # to loggers other modules create during collection (test_importer reads their logs).
    from dateline.commands.report import describe_grant, fact_lines

    grant = {"security": "option", "recipient": "Al Kim", "number": 5, "review": ["a", "b"]}
    milestone = {"event": "x", "review": ["c"]}
    lines = fact_lines("grant", [grant], describe_grant) + fact_lines("milestone", [milestone], str)
    assert [line for line in lines if line.startswith("    review:")] == [
        "    review: a",
        "    review: b",
        "    review: c",
    ]


_WORDS = (
    "granted",
    "options",
    "100,000",
    "to",
    "Jane Roe",
    "at",
    "$0.10",
    "for",
    "8000",
    "years",
    "vest",
    "one-third",
    "on",
    "June 31, 2024",
    "until",
    "9999-12-31",
    "RSUs",
    "each",
    "of",
    ".",
    ",",
    ";",
    ":",
    "|",
    "---",
    "respectively",
    "and",
    "over",
    "ordinary shares",
    "nil",
    "exercise price",
    "(5)",
    "five",
    "months",
    "after",
    "today",
    "Ltd.",
    "S.A. de C.V.",
)


def test_arbitrary_grant_words_never_crash():
    rng = random.Random(12)
    for _ in range(1500):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 40)))
        for grant in extract_grants([text], release_date=DAY, exchanges=["TSXV"]):
            assert isinstance(grant["review"], list)
