"""Grant extraction against fixture releases (fictional issuers), every field asserted."""

import datetime
from pathlib import Path

import pytest
import yaml

from dateline.facts.extraction import extract_html, extract_text
from dateline.facts.grants import GRANT_KEYS, extract_grants
from dateline.facts.sentences import body_paragraphs, text_paragraphs

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "extraction").glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run(case: dict) -> dict:
    reader = extract_html if case["format"] == "html" else extract_text
    return reader(
        case["body"],
        release_date=datetime.date.fromisoformat(case["release_date"]),
        exchanges=case["exchanges"],
    )


def paragraphs(case: dict) -> list[str]:
    return (body_paragraphs if case["format"] == "html" else text_paragraphs)(case["body"])


def test_there_are_at_least_thirty_fixtures():
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_grants(path):
    case = load(path)
    found = run(case)["grants"]
    expected = case["expected"]["grants"]
    assert len(found) == len(expected)
    for grant, want in zip(found, expected):
        assert list(grant) == list(GRANT_KEYS)
        assert all(isinstance(reason, str) for reason in grant["review"])
        for key in GRANT_KEYS:
            if key == "review" and key not in want:
                continue  # these fixtures predate `review`; the grant fixtures state it
            assert grant[key] == want[key], f"{path.stem}: {key}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_grant_sentence_is_in_a_body_paragraph(path):
    case = load(path)
    body = paragraphs(case)
    for grant in run(case)["grants"]:
        assert any(grant["sentence"] in paragraph for paragraph in body)


def grants_of(text: str, exchanges=("TSXV",), date=datetime.date(2020, 1, 15)) -> list[dict]:
    return extract_grants([text], release_date=date, exchanges=list(exchanges))


@pytest.mark.parametrize("text", [
    "A total of 300,000 stock options held by former officers were cancelled.",
    "Following this grant, 1,200,000 options remain available for grant under the plan.",
    "The Ash claims are available for option or sale.",
    "Beta Corp. has been granted an option to earn a 70% interest in the Gamma Project.",
    "Ms. Ng holds 1,000,000 options granted in 2018.",
    "Directors will not receive options as part of the transaction.",
    "The Company will grant 250,000 options to its new director upon closing.",
    "The Company issued 5,000,000 units, each unit consisting of one share and one warrant.",
    "A total of 150,000 options were exercised for proceeds of $15,000.",
])
def test_non_grants_give_nothing(text):
    assert grants_of(text) == []


@pytest.mark.parametrize("price, exchanges, currency, stated", [
    ("$0.10", ["TSXV"], "CAD", False),
    ("$0.10", ["NASDAQ"], "USD", False),
    ("$0.10", ["TSXV", "OTCQB"], "CAD", False),
    ("C$0.10", ["NYSE"], "CAD", True),
    ("US$0.10", ["TSXV"], "USD", True),
    ("A$0.10", ["ASX"], "AUD", True),
    ("AUD 0.10", ["ASX"], "AUD", True),
    ("£0.10", ["AIM"], "GBP", True),
    ("€0.10", ["XETRA"], "EUR", True),
    ("$0.10", ["AIM"], None, None),
    ("10 cents", ["CSE"], "CAD", False),
])
def test_currency(price, exchanges, currency, stated):
    text = (
        "The Company granted 100,000 stock options to Jane Roe, a director, exercisable at"
        f" {price}."
    )
    [grant] = grants_of(text, exchanges)
    assert grant["exercise_price"] == 0.10
    assert (grant["currency"], grant["currency_stated"]) == (currency, stated)


@pytest.mark.parametrize("phrase, vesting", [
    ("The options vest immediately.", "immediately"),
    ("The options vest one-third on each anniversary of the date of grant.", "thirds"),
    ("The options vest in three equal annual instalments.", "thirds"),
    ("The options vest quarterly, 25% every three months.", "staged over 12 months"),
    ("The options vest over a period of 24 months.", "staged over 24 months"),
    ("The options vest on the first anniversary of the grant.", "after 12 months"),
    ("The options vest on terms set by the board.", None),
])
def test_vesting(phrase, vesting):
    text = f"The Company granted 100,000 stock options to Jane Roe, a director. {phrase}"
    [grant] = grants_of(text)
    assert grant["vesting"] == vesting


def test_term_gives_expiry_only_with_grant_date():
    with_date = grants_of("On January 10, 2020, the Company granted 50,000 options to Al Kim "
                          "exercisable for a period of 18 months.")
    without = grants_of("The Company granted 50,000 options to Al Kim for a term of five years.")
    assert (
        with_date[0]["grant_date"],
        with_date[0]["term_years"],
        with_date[0]["expiry_date"],
    ) == ("2020-01-10", 1.5, "2021-07-10")
    assert (without[0]["grant_date"], without[0]["term_years"], without[0]["expiry_date"]) == (
        None, 5, None)


def test_expiry_not_on_anniversary_leaves_term_null():
    [grant] = grants_of("The Company granted 50,000 options to Al Kim effective January 10, 2020, "
                        "expiring on March 3, 2023.")
    assert (grant["grant_date"], grant["expiry_date"], grant["term_years"]) == (
        "2020-01-10", "2023-03-03", None)


def test_follow_up_sentence_does_not_reach_other_securities():
    [option, rsu] = grants_of(
        "The Company granted 100,000 stock options to Jane Roe and 50,000 RSUs to John Doe. "
        "The options are exercisable at $0.20 for five years."
    )
    assert (option["exercise_price"], option["term_years"]) == (0.2, 5)
    assert (rsu["exercise_price"], rsu["term_years"], rsu["currency"]) == (None, None, None)
