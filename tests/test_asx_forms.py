"""ASX Appendix 3G/3B forms and the option-or-PSU rule, unit by unit (docs/extraction.md)."""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from dateline.facts import asx_forms
from dateline.facts.extraction import extract_text
from dateline.facts.grant_mentions import award_kind

FORM = """Appendix 3G

2.1 The +securities the subject of this notification are:
+Securities issued under an +employee incentive scheme

Part 3 - Details of +securities issued

ASX +security code and description
New class - unquoted options exercisable at $0.15 expiring 14 May 2029

Date the +securities were issued
14 May 2025

Number of +securities issued
3,000,000
"""


def test_question_numbers_are_dropped_and_never_counts():
    paragraphs = ["1.1 Name of entity Acme Limited", "Part 3 - Details", "2 Number"]
    text = asx_forms.form_answers(paragraphs)
    assert text.splitlines() == ["Name of entity Acme Limited", "Details", "Number"]


def test_a_form_gives_one_grant_from_its_fields():
    found = extract_text(FORM, release_date=datetime.date(2025, 5, 14), exchanges=["ASX"])
    [grant] = found["grants"]
    assert (grant["security"], grant["number"]) == ("option", 3000000)
    assert grant["exercise_price"] == 0.15
    assert (grant["grant_date"], grant["expiry_date"]) == ("2025-05-14", "2029-05-14")


def test_a_form_without_a_number_of_securities_gives_nothing():
    found = extract_text(FORM.replace("Number of +securities issued\n3,000,000\n", ""),
                         release_date=datetime.date(2025, 5, 14), exchanges=["ASX"])
    assert found["grants"] == []


def test_options_under_a_performance_share_plan_are_options():
    sentence = "nil-cost options were granted under the Acme Performance Share Plan in respect of"
    assert award_kind(sentence, None) == "option"
    assert award_kind("conditional share awards were made in respect of", None) == "psu"
