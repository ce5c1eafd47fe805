"""issuer.yaml loading: the real Almonty profile, a fictional one, and strict validation."""

import re
from pathlib import Path

import pytest

from dateline.content.exchanges import Ticker
from dateline.content.issuer import Issuer, load_issuer, parse_issuer
from dateline.errors import DatelineError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "disclaimers"
SEED = FIXTURES / "seed_almonty_2013.txt"


def problems_of(call, *args) -> list[str]:
    with pytest.raises(DatelineError) as caught:
        call(*args)
    return [str(problem) for problem in caught.value.problems]


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_almonty_profile_matches_the_seed():
    issuer = load_issuer(ROOT / "content" / "issuer.yaml")
    assert (issuer.name, issuer.short_name) == ("Almonty Industries Inc.", "Almonty")
    assert issuer.tickers == (Ticker("TSXV", "AII"),)
    contact = issuer.contacts["dennis-logan"]
    assert (contact.name, contact.title, contact.phone, contact.email) == (
        "Dennis Logan",
        "Director & Chief Financial Officer",
        "(647) 478-5308",
        "dennis.logan@almonty.com",
    )
    seed = seed_paragraphs()
    start = seed.index("Disclaimer for Forward-Looking Information")
    default = issuer.disclaimers[issuer.default_disclaimer]
    assert default.title == seed[start]
    assert default.text.split("\n\n") == seed[start + 1 :]
    assert len(seed[start + 1 :]) == 7
    assert issuer.legends["tsxv"].text in seed
    assert "**" + issuer.legends["us-newswire"].text + "**" in seed


def test_legend_markdown_is_rendered_once_at_load():
    issuer = load_issuer(ROOT / "content" / "issuer.yaml")
    us = issuer.legends["us-newswire"]
    assert us.html.startswith("<p><strong>NOT FOR DISTRIBUTION") and us.placement == "top"
    assert issuer.legends["tsxv"].exchanges == ("TSXV",)
    assert [legend.key for legend in issuer.legends_required_by("TSXV")] == ["tsxv"]
    assert issuer.legends_required_by("NASDAQ") == []


def test_fictional_issuer_loads():
    issuer = load_issuer(FIXTURES / "issuer.yaml")
    assert issuer.tickers == (Ticker("TSXV", "NWL"), Ticker("NASDAQ", "NWLI"))
    assert issuer.archival_notice_years == 1.5
    assert set(issuer.disclaimers) == {"forward-looking", "safe-harbor"}
    assert "Private Securities Litigation Reform Act" in issuer.disclaimers["safe-harbor"].html


def test_malformed_issuer_reports_every_problem_with_its_line():
    path = FIXTURES / "bad_issuer.yaml"
    found = problems_of(load_issuer, path)
    where = str(path)
    assert f"{where}:16: legends.tsxv.placement: expected top or bottom, found 'middle'" in found
    assert any(
        p.startswith(f"{where}:2: tickers[0]: ") and "did you mean 'TSXV: SGC'" in p for p in found
    )
    assert f"{where}:6: tikers: unknown key" in "\n".join(found)
    assert f"{where}:19: legends.tsxv.colour: unknown key" in "\n".join(found)
    assert f"{where}:8: disclaimers.forward-looking: missing required key 'text'" in found
    assert f"{where}:17: legends.tsxv.exchanges[1]: expected an exchange code" in "\n".join(found)
    assert f"{where}:24: contacts.pat-south: duplicate key" in found
    assert any(
        p.startswith(f"{where}:4: archival_notice_years: expected a positive") for p in found
    )
    assert any(p.startswith(f"{where}:3: website: expected an http(s) URL") for p in found)
    assert any(
        p.startswith(
            f"{where}:5: default_disclaimer: expected a key of disclaimers "
            "(forward-looking, Safe Harbor) or none"
        )
        for p in found
    )
    assert len(found) == 11


def test_yaml_syntax_error_has_its_line():
    path = FIXTURES / "syntax_error.yaml"
    (problem,) = problems_of(load_issuer, path)
    assert problem.startswith(f"{path}:3: yaml: invalid YAML: ")
    assert "line 2" in problem


def test_tsxv_listing_needs_a_tsxv_legend():
    path = FIXTURES / "missing_tsxv_legend.yaml"
    (problem,) = problems_of(load_issuer, path)
    assert problem == (
        f"{path}:4: legends: expected a legend with exchanges: [TSXV] "
        "(required for TSXV: WBN), found none"
    )


def test_unknown_keys_at_every_level():
    text = """\
name: Eastmark Gold Inc.
tickers: 'NASDAQ: EMG'
contacts:
  lee:
    name: Lee East
    mobile: 555
disclaimers:
  fls:
    title: FLS
    text: Text.
    body: Other.
colour: blue
"""
    found = problems_of(parse_issuer, text, "x.yaml")
    assert [p.split(": unknown key")[0] for p in found] == [
        "x.yaml:6: contacts.lee.mobile",
        "x.yaml:11: disclaimers.fls.body",
        "x.yaml:12: colour",
    ]


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "x.yaml:1: issuer: expected a mapping, found nothing"),
        ("- a\n- b\n", "x.yaml:1: issuer: expected a mapping, found ['a', 'b']"),
        ("name: A\ntickers: []\n", "x.yaml:2: tickers: expected a list of 'EXCHANGE: SYMBOL'"),
        (
            "name: A\ntickers: ['CSE: A']\narchival_notice_years: yes\n",
            "x.yaml:3: archival_notice_years: expected a positive number of years or null, found "
            "True",
        ),
        (
            "name: A\ntickers: ['CSE: A']\ncontacts:\n  a:\n    name: A\n    email: nope\n",
            "x.yaml:6: contacts.a.email: expected an email address, found 'nope'",
        ),
        (
            "name: A\ntickers: ['CSE: A']\nlegends:\n  x:\n    title: X\n    text: T\n",
            "x.yaml:4: legends.x: missing required key 'placement'",
        ),
        ("tickers: ['CSE: A']\n", "x.yaml:1: issuer: missing required key 'name'"),
    ],
)
def test_single_problem_messages(text, fragment):
    found = problems_of(parse_issuer, text, "x.yaml")
    assert any(p.startswith(fragment) for p in found), found


def test_optional_fields_default_sensibly():
    issuer = parse_issuer("name: Eastmark Gold Inc.\ntickers: ['CSE: EMG']\n", "x.yaml")
    assert issuer.short_name == "Eastmark Gold Inc."
    assert issuer.default_disclaimer is None and issuer.archival_notice_years is None
    assert issuer.disclaimers == {} and issuer.legends == {} and issuer.contacts == {}


def test_from_dict_validates_without_lines():
    issuer = Issuer.from_dict(
        {"name": "Eastmark", "tickers": ["NYSE: EMK"], "archival_notice_years": 3}
    )
    assert issuer.archival_notice_years == 3.0
    found = problems_of(Issuer.from_dict, {"name": "Eastmark", "tickers": ["TSXV: EMK"]})
    message = (
        "issuer.yaml:1: tickers: expected a legend with exchanges: [TSXV] "
        "(required for TSXV: EMK), found none"
    )
    assert found == [message]


def test_tag_titles_map_slugs_to_titles():
    issuer = parse_issuer("name: Eastmark Gold Inc.\ntickers: ['CSE: EMG']\n"
                          "tags:\n  stock-options: Stock options\n  esg: ESG & community\n",
                          "x.yaml")
    assert issuer.tags == {"stock-options": "Stock options", "esg": "ESG & community"}
    assert parse_issuer("name: E\ntickers: ['CSE: EMG']\n", "x.yaml").tags == {}


def test_bad_tag_titles_are_path_line_errors():
    text = ("name: Eastmark Gold Inc.\ntickers: ['CSE: EMG']\ntags:\n"
            "  Stock Options: Stock options\n  drilling: ''\n  results: [a, b]\n"
            f"  long: {'x' * 81}\n")
    found = problems_of(parse_issuer, text, "x.yaml")
    assert any(p.startswith("x.yaml:4: tags.Stock Options: expected a lowercase key")
               for p in found)
    assert any(p.startswith("x.yaml:5: tags.drilling: expected a non-empty string") for p in found)
    assert any(p.startswith("x.yaml:6: tags.results: expected a non-empty string") for p in found)
    assert any(p.startswith("x.yaml:7: tags.long: expected a title of at most 80") for p in found)
    found = problems_of(parse_issuer, "name: E\ntickers: ['CSE: EMG']\ntags: [a]\n", "x.yaml")
    assert any(p.startswith("x.yaml:3: tags: expected a mapping of key -> entry") for p in found)
