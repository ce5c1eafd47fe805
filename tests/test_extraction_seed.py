"""The Almonty seed release must give exactly one grant and three milestones."""

import datetime
import re
from pathlib import Path

import markdown
import pytest

from dateline.facts.anchors import anchor_sentences
from dateline.facts.extraction import extract, extract_html
from dateline.facts.sentences import (
    body_paragraphs,
    split_sentences,
    text_paragraphs,
)

SEED = Path("/work/shared/seeds/000_f4b17a1262014492.txt")
RELEASE = datetime.date(2013, 5, 29)

GRANT_SENTENCE = (
    "The Company is also pleased to announce the granting of stock options to a member of the "
    "board of directors of Almonty, Bruce Ratner, who was granted 100,000 options upon joining "
    "the board of directors."
)
COMPLETION_SENTENCE = (
    "Almonty Industries Inc. (“Almonty”) (TSXV: AII) is pleased to announce that it has completed "
    "the optimization project of the milling operations at its wholly owned Los Santos Project."
)
COMMISSIONING_SENTENCE = (
    "The final pieces of tungsten recovery equipment installed during the first two weeks of May "
    "2013 were commissioned on May 27, 2013."
)
RESULTS_SENTENCE = (
    "We look forward to updating investors on the impact the improvements are having on our "
    "operations when we report Q3 2013 results in August.”"
)


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(params=["text", "html"])
def seed_paragraphs(request):
    text = _seed_text()
    if request.param == "text":
        return text_paragraphs(text)
    return body_paragraphs(markdown.markdown(text))


@pytest.fixture
def seed_result(seed_paragraphs):
    return extract(seed_paragraphs, release_date=RELEASE, exchanges=["TSXV"])


def test_body_leaves_out_boilerplate(seed_paragraphs):
    body = " ".join(seed_paragraphs)
    assert "Bruce Ratner" in body
    for boilerplate in ("September 2011", "July 2010", "Dennis Logan", "Regulation Services",
                        "forward-looking", "NOT FOR DISTRIBUTION", "ANNOUNCES COMPLETION"):
        assert boilerplate not in body
    assert seed_paragraphs[0].startswith("Almonty Industries Inc.")  # dateline cut


def test_seed_has_exactly_one_grant(seed_result):
    assert len(seed_result["grants"]) == 1
    grant = seed_result["grants"][0]
    assert list(grant) == [
        "security", "recipient", "role", "number", "exercise_price", "currency", "currency_stated",
        "term_years", "expiry_date", "vesting", "grant_date", "conditions", "sentence", "review",
    ]
    assert grant["security"] == "option"
    assert grant["recipient"] == "Bruce Ratner"
    assert grant["role"] == "director"
    assert grant["number"] == 100000
    assert grant["exercise_price"] == 1.07
    assert grant["currency"] == "CAD"
    assert grant["currency_stated"] is False
    assert grant["term_years"] == 10
    assert grant["expiry_date"] == "2023-05-29"
    assert grant["vesting"] == "immediately"
    assert grant["grant_date"] == "2013-05-29"
    assert grant["conditions"] == "in lieu of cash compensation"
    assert grant["sentence"] == GRANT_SENTENCE
    assert grant["review"] == ["currency inferred from the exchange",
                               "expiry computed from the term"]


def test_seed_milestones(seed_result, seed_paragraphs):
    milestones = seed_result["milestones"]
    assert [m["sentence"] for m in milestones] == [
        COMPLETION_SENTENCE, COMMISSIONING_SENTENCE, RESULTS_SENTENCE,
    ]
    completion, commissioning, results = milestones
    assert list(completion) == [
        "date", "precision", "event", "kind", "status", "project", "sentence", "review",
    ]
    assert completion["kind"] == "completion"
    assert completion["status"] == "achieved"
    assert completion["date"] is None and completion["precision"] is None
    assert completion["project"] == "Los Santos"
    assert completion["event"] == (
        "Completed the optimization project of the milling operations at its wholly owned "
        "Los Santos Project"
    )
    assert commissioning["kind"] == "commissioning"
    assert commissioning["status"] == "achieved"
    assert commissioning["date"] == "2013-05-27"
    assert commissioning["precision"] == "day"
    assert commissioning["project"] == "Los Santos"
    assert commissioning["event"] == (
        "The final pieces of tungsten recovery equipment installed during the first two weeks "
        "of May 2013 were commissioned"
    )
    assert results["kind"] == "other"
    assert results["status"] == "planned"
    assert results["date"] == "2013-08"
    assert results["precision"] == "month"
    assert results["project"] is None
    assert results["event"] == "Report Q3 2013 results"
    body = " ".join(seed_paragraphs)
    assert all(m["sentence"] in body for m in milestones)


def test_seed_ignores_history_and_meeting(seed_result):
    dates = {m["date"] for m in seed_result["milestones"]}
    assert not dates & {"2011-09", "2008", "2010-07", "2013-03-26"}


def test_seed_html_and_text_agree():
    text = _seed_text()
    from_text = extract(text_paragraphs(text), release_date=RELEASE, exchanges=["TSXV"])
    from_html = extract_html(markdown.markdown(text), release_date=RELEASE, exchanges=["TSXV"])
    assert from_text == from_html


def test_seed_sentences_are_anchored_without_changing_text():
    html = markdown.markdown(_seed_text())
    result = extract_html(html, release_date=RELEASE, exchanges=["TSXV"])
    sentences = [g["sentence"] for g in result["grants"]] + [
        m["sentence"] for m in result["milestones"]]
    anchored, anchors = anchor_sentences(html, sentences)
    assert set(anchors) == set(sentences)
    assert len(set(anchors.values())) == 4
    for sentence, anchor in anchors.items():
        assert f'id="{anchor}"' in anchored
    visible = re.sub(r"<[^>]*>", "", anchored)
    assert visible == re.sub(r"<[^>]*>", "", html)
    anchor = anchors[GRANT_SENTENCE]
    assert f'<span class="source-sentence" id="{anchor}">{GRANT_SENTENCE}</span>' in anchored


@pytest.mark.parametrize("paragraph, expected", [
    ("Mr. Roe joined Acme Inc. (the “Company”) in the U.S. market. No. 5 mill runs.",
     ["Mr. Roe joined Acme Inc. (the “Company”) in the U.S. market.", "No. 5 mill runs."]),
    ("Options are priced at $1.07. They vest today.",
     ["Options are priced at $1.07.", "They vest today."]),
    ("He said, “It works.” The end.", ["He said, “It works.”", "The end."]),
    ("Grades of 2.5 g/t were cut by J. A. Smith. Done.",
     ["Grades of 2.5 g/t were cut by J. A. Smith.", "Done."]),
])
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_anchor_falls_back_to_paragraph_id_when_sentence_crosses_markup():
    html = '<p>We granted options to <a href="#">Jo Roe</a>, a director. Other text.</p>'
    anchored, anchors = anchor_sentences(html, ["We granted options to Jo Roe, a director."])
    assert anchors == {"We granted options to Jo Roe, a director.": "src-1"}
    assert anchored.startswith('<p id="src-1">')
    assert re.sub(r"<[^>]*>", "", anchored) == re.sub(r"<[^>]*>", "", html)


def test_anchor_matches_across_line_breaks_and_entities():
    html = "<p>Shares of A &amp; B\nwere listed today. More.</p>"
    anchored, anchors = anchor_sentences(html, ["Shares of A & B were listed today."], prefix="s")
    assert anchored == ('<p><span class="source-sentence" id="s-1">Shares of A &amp; B\n'
                        "were listed today.</span> More.</p>")


def test_body_stops_at_headings_and_skips_legends():
    html = ("<p>NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES</p><p>Body one.</p>"
            "<h3>Highlights</h3><p>Body two.</p><h2>Cautionary Note Regarding Forward-Looking "
            "Statements</h2><p>Hidden.</p>")
    assert body_paragraphs(html) == ["Body one.", "Body two."]
