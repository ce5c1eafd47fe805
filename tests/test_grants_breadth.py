"""Grant mechanisms of the grants5 round that do not hang on one release's words:
planned and background grants, tables that arrive as paragraphs, lists after a colon,
labelled notice lines (docs/extraction.md, "Added in the grants5 session")."""

import datetime

import pytest

from dateline.facts.extraction import extract_html, extract_text

DAY = datetime.date(2025, 6, 16)


def grants_of(text, exchanges=("TSXV",), day=DAY):
    return extract_text(text, release_date=day, exchanges=list(exchanges))["grants"]


@pytest.mark.parametrize("sentence", [
    "The Board can grant options over up to 2,000,000 common shares to directors.",
    "The Company could grant 500,000 stock options to its new Chair.",
    "Approval is given for the Company to issue 3,000,000 unlisted options to Ms Lee.",
    "The proposed issue of 900,000 performance rights to Mr Ives is subject to approval.",
    "The Company has granted the underwriters an over-allotment option to purchase up to an "
    "additional 1,800,000 units.",
    "The trustee acquired 120,000 shares on market to satisfy awards granted under the plan.",
    "A total of 400,000 stock options lapsed unexercised.",
])
def test_planned_possible_and_non_award_sentences_give_no_grant(sentence):
    assert grants_of("Ridgeline Metals Corp. (TSXV: RML) reports. " + sentence) == []


def test_pleased_to_is_not_an_infinitive_plan():
    [grant] = grants_of(
        "Ridgeline Metals Corp. is pleased to announce that it has granted 250,000 stock "
        "options to a director at $0.10 per share."
    )
    assert grant["number"] == 250000


@pytest.mark.parametrize("when, kept", [
    ("On June 2, 2025", True),
    ("On June 2, 2024", True),
    ("On June 2, 2023", False),
    ("In 2019", False),
])
def test_a_grant_dated_two_or_more_years_back_is_background(when, kept):
    found = grants_of(f"{when}, the Company granted 300,000 stock options to two directors.")
    assert bool(found) is kept


def test_a_plan_year_or_approval_date_is_not_the_grant_year():
    [grant] = grants_of(
        "The Company granted 300,000 stock options to officers under its 2012 Stock Option "
        "Plan, as approved by shareholders on June 11, 2012."
    )
    assert (grant["number"], grant["grant_date"]) == (300000, None)


def test_html_one_cell_per_paragraph_table_is_read_as_rows():
    cells = ["Director", "Number of options", "Exercise price",
             "Ada Quill (Chair)", "600,000", "2.5p", "Ben Hart", "375,000 (EMI)", "2.5p"]
    html = (
        "<p>Wrenmoor plc (AIM: WRN) announces that on 12 June 2025 the Board granted share "
        "options to the Chair, Ada Quill, and to Ben Hart, Non-Executive Director.</p>"
        + "".join(f"<p>{cell}</p>" for cell in cells)
        + "<p>The options vest on the third anniversary of grant.</p>"
    )
    found = extract_html(html, release_date=DAY, exchanges=["AIM"])["grants"]
    assert [(g["recipient"], g["number"], g["exercise_price"], g["vesting"]) for g in found] == [
        ("Ada Quill", 600000, 0.025, "after 36 months"),
        ("Ben Hart", 375000, 0.025, "after 36 months"),
    ]


def test_short_paragraphs_that_are_no_table_are_read_as_paragraphs():
    html = (
        "<p>Grant of Options</p><p>Wrenmoor plc</p>"
        "<p>The Company granted 200,000 options to a consultant at $0.10.</p>"
    )
    [grant] = extract_html(html, release_date=DAY, exchanges=["TSXV"])["grants"]
    assert grant["number"] == 200000


def test_a_list_after_a_colon_replaces_the_total_it_adds_up_to():
    found = grants_of(
        "The Company has granted stock options over 900,000 common shares as follows: 400,000 "
        "to Ana Pereira, Chief Executive Officer; 300,000 to Tomas Lind, Chief Financial "
        "Officer; and 200,000 to employees. The options are exercisable at $0.25 for five years."
    )
    assert [(g["recipient"], g["role"], g["number"], g["term_years"]) for g in found] == [
        ("Ana Pereira", "chief executive officer", 400000, 5),
        ("Tomas Lind", "chief financial officer", 300000, 5),
        ("employees", "employee", 200000, 5),
    ]


def test_a_list_that_does_not_add_up_leaves_the_total():
    found = grants_of(
        "The Company has granted stock options over 900,000 common shares as follows: 400,000 "
        "to Ana Pereira, Chief Executive Officer; 300,000 to Tomas Lind, Chief Financial Officer."
    )
    assert 900000 in [g["number"] for g in found]


def test_a_notice_with_labelled_lines_gives_number_and_date():
    text = (
        "Notice of Issue of Performance Rights\n\n"
        "Tui Power Limited (NZX: TUI) gives notice of the issue of performance rights to its "
        "Chief Financial Officer, Mere Walker, under its Long Term Incentive Plan.\n\n"
        "| Label | Answer |\n|---|---|\n| Number issued | 120,000 performance rights |\n"
        "| Date of issue | 9 June 2025 |\n"
    )
    [grant] = grants_of(text, exchanges=("NZX",))
    assert (grant["security"], grant["number"], grant["recipient"], grant["grant_date"]) == (
        "psu", 120000, "Mere Walker", "2025-06-09")


def test_the_date_of_grant_in_prose_is_no_label():
    [grant] = grants_of(
        "The Company granted 150,000 stock options to a director. The options are exercisable "
        "at $0.06 per share for five years from the date of grant."
    )
    assert (grant["exercise_price"], grant["term_years"]) == (0.06, 5)
