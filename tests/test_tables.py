"""The plain-text table readers (plugins/dateline/facts/tables.py) and grants read from their
rows."""

import datetime

from dateline.facts import tables
from dateline.facts.extraction import extract_text
from dateline.facts.sentences import text_blocks, text_paragraphs


def test_pipe_rows_keep_empty_cells_so_a_total_row_lines_up():
    rows = tables.text_rows(["| Name | Role | Options |", "|---|---|---|", "| Total | | 9 |"])
    assert rows == [("Name", "Role", "Options"), ("Total", "", "9")]


def test_fixed_width_columns_split_on_runs_of_spaces():
    lines = ["Name          Options", "------------  -------", "Kiri Walker   200,000"]
    assert tables.text_rows(lines) == [("Name", "Options"), ("Kiri Walker", "200,000")]


def test_prose_with_double_spaces_is_not_a_fixed_width_table():
    lines = ["The options vest today.  They expire in 2030.", "Nothing more.  Really 100."]
    assert tables.text_rows(lines) is None


def test_one_cell_per_line_finds_the_width_from_the_first_number():
    lines = ["Name", "Position", "Options", "Jo Ash", "Director", "5,000", "Al Bo", "CFO", "7,000"]
    assert tables.text_rows(lines) == [
        ("Name", "Position", "Options"),
        ("Jo Ash", "Director", "5,000"),
        ("Al Bo", "CFO", "7,000"),
    ]


def test_list_lines_need_a_security_or_nothing_after_the_number():
    assert tables.text_rows(["- Jo Ash, CEO: 310,000 shares", "- Al Bo: 5,000"]) == [
        ("Name", "Number"), ("Jo Ash, CEO", "310,000"), ("Al Bo", "5,000"),
    ]
    assert tables.text_rows(["- Drilling: 4,000 metres", "- Soils: 1,200 samples"]) is None


def test_pdmr_form_reads_price_and_volume_from_following_lines():
    lines = [
        "1. Details of the person discharging managerial responsibilities",
        "a) Name: Gregor Vale",
        "a) Position/status: COO",
        "b) Nature of the transaction: Award of nil-cost options",
        "c) Price(s) and volume(s):",
        "Price(s)",
        "Volume(s)",
        "Nil",
        "95,000",
        "d) Date of the transaction: 21 June 2023",
    ]
    header, row = tables.text_rows(lines)
    assert header == tables.FORM_HEADER
    assert row[0] == "Gregor Vale" and row[4:] == ("Nil", "95,000", "21 June 2023")


def test_a_table_spread_over_paragraphs_keeps_the_paragraphs():
    text = "Granted options to:\n\nName\nOptions\n\nJo Ash\n5,000\n\nAl Bo\n7,000\n"
    blocks = text_blocks(text)
    assert [b.text for b in blocks if b.text] == text_paragraphs(text)
    assert [b.row for b in blocks if b.row] == [("Name", "Options"), ("Jo Ash", "5,000"),
                                                  ("Al Bo", "7,000")]


def test_a_release_without_a_date_anchors_nothing_it_does_not_state():
    body = "The Company has granted today 300,000 stock options to a director for five years."
    (grant,) = extract_text(body, release_date=None, exchanges=["TSXV"])["grants"]
    assert grant["grant_date"] is None and grant["expiry_date"] is None
    assert grant["term_years"] == 5
    dated = extract_text(body, release_date=datetime.date(2024, 5, 1), exchanges=["TSXV"])
    assert dated["grants"][0]["expiry_date"] == "2029-05-01"
