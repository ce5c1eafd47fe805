"""The corpus generator: deterministic, valid front matter, growing vocabulary, planted facts."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dateline.content.exchanges import EXCHANGES, normalise_exchange, parse_ticker
from dateline_corpus import generator as corpus
from dateline_corpus.words import TAGS

COUNT = 300
REQUIRED = {"title", "date", "ticker", "tags"}
ALLOWED = REQUIRED | {
    "summary",
    "slug",
    "dateline",
    "status",
    "disclaimer",
    "legends",
    "contacts",
    "modified",
    "lang",
    "grants",
    "milestones",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"[A-Za-z]+")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    corpus.generate(COUNT, out, seed=7)
    return out


@pytest.fixture(scope="module")
def releases() -> list[corpus.GeneratedRelease]:
    return list(corpus.iter_releases(COUNT, seed=7))


@pytest.fixture(scope="module")
def issuer_profile(site) -> dict:
    return yaml.safe_load((site / "issuer.yaml").read_text(encoding="utf-8"))


def test_same_seed_gives_byte_identical_folders(site, tmp_path):
    corpus.generate(COUNT, tmp_path, seed=7)
    first, second = _tree(site), _tree(tmp_path)
    assert len(first) == COUNT + 2
    assert first == second


def test_other_seed_gives_other_corpus(site, tmp_path):
    corpus.generate(20, tmp_path, seed=8)
    assert (tmp_path / "issuer.yaml").read_bytes() != (site / "issuer.yaml").read_bytes()


def test_prefix_is_stable_when_count_grows(site, tmp_path):
    corpus.generate(40, tmp_path, seed=7)
    small = _tree(tmp_path)
    large = _tree(site)
    assert len(small) == 42
    for name, payload in small.items():
        assert large[name] == payload, name


def test_rerun_leaves_unchanged_files_alone(tmp_path):
    paths = corpus.generate(10, tmp_path, seed=3)
    before = [path.stat().st_mtime_ns for path in paths]
    assert corpus.generate(10, tmp_path, seed=3) == paths
    assert [path.stat().st_mtime_ns for path in paths] == before


def test_front_matter_has_only_allowed_keys_and_valid_values(site, issuer_profile):
    today = dt.date.today()
    paths = sorted((site / "releases").rglob("*.md"))
    assert len(paths) == COUNT
    for path in paths:
        fields, body = _split(path)
        assert REQUIRED <= set(fields) <= ALLOWED, path
        assert isinstance(fields["title"], str) and fields["title"].strip()
        day = corpus._as_date(fields["date"])
        assert dt.date(2012, 1, 1) <= day <= min(today, corpus.LATEST_DATE)
        if isinstance(fields["date"], str):
            dt.datetime.fromisoformat(fields["date"])
        tickers = fields["ticker"] if isinstance(fields["ticker"], list) else [fields["ticker"]]
        for label in tickers:
            ticker = parse_ticker(label, strict=True)
            assert ticker is not None and ticker.exchange in EXCHANGES, label
        assert fields["tags"] and len(set(fields["tags"])) == len(fields["tags"])
        assert all(SLUG.match(tag) and tag in TAGS for tag in fields["tags"])
        assert SLUG.match(fields["slug"])
        assert path.name == f"{day.isoformat()}-{fields['slug']}.md"
        assert path.parent.name == str(day.year)
        assert fields.get("status", "published") == "published"
        assert fields.get("disclaimer", "none") in {"none", *issuer_profile["disclaimers"]}
        assert set(fields.get("legends", [])) <= set(issuer_profile["legends"])
        assert set(fields.get("contacts", [])) <= set(issuer_profile["contacts"])
        if "modified" in fields:
            assert day <= fields["modified"] <= today
        assert body.strip()


def test_slugs_are_unique_per_year_and_overall(site):
    seen = Counter()
    for path in (site / "releases").rglob("*.md"):
        fields, _ = _split(path)
        seen[fields["slug"]] += 1
    assert len(seen) == COUNT and max(seen.values()) == 1


def test_years_spread_over_the_window():
    years = Counter(
        release.date.year
        for release in corpus.iter_releases(400, seed=2, start_year=2015, end_year=2019)
    )
    assert set(years) == {2015, 2016, 2017, 2018, 2019}
    assert min(years.values()) > 40


def test_dates_never_pass_the_corpus_calendar():
    with pytest.raises(ValueError):
        corpus.corpus_window(corpus.LATEST_DATE.year + 1, corpus.LATEST_DATE.year + 2)
    late = [release.date for release in corpus.iter_releases(200, end_year=2040)]
    assert max(late) <= corpus.LATEST_DATE


def test_issuer_yaml_follows_the_schema(issuer_profile, releases):
    assert set(issuer_profile) == {
        "name",
        "short_name",
        "tickers",
        "website",
        "archival_notice_years",
        "default_disclaimer",
        "disclaimers",
        "legends",
        "contacts",
    }
    assert issuer_profile["default_disclaimer"] in issuer_profile["disclaimers"]
    for disclaimer in issuer_profile["disclaimers"].values():
        assert set(disclaimer) == {"title", "text"} and disclaimer["text"].strip()
    for legend in issuer_profile["legends"].values():
        assert set(legend) == {"title", "text", "placement", "exchanges"}
        assert legend["placement"] in ("top", "bottom")
        assert all(code in EXCHANGES for code in legend["exchanges"])
    assert issuer_profile["legends"]["tsxv"]["exchanges"] == ["TSXV"]
    for contact in issuer_profile["contacts"].values():
        assert set(contact) == {"name", "title", "phone", "email"}
    tickers = [parse_ticker(label) for label in issuer_profile["tickers"]]
    assert all(tickers) and len(set(tickers)) == len(tickers)
    used = {ticker.label for release in releases for ticker in release.issuer.tickers}
    assert used <= set(issuer_profile["tickers"])


def test_issuers_are_fictional_varied_and_listed_widely():
    issuers = corpus.build_issuers(7)
    assert 20 <= len(issuers) <= 40
    assert len({issuer.name for issuer in issuers}) == len(issuers)
    exchanges = {ticker.exchange for issuer in issuers for ticker in issuer.tickers}
    assert {
        "TSX",
        "TSXV",
        "CSE",
        "NYSE",
        "NASDAQ",
        "NYSE American",
        "ASX",
        "AIM",
        "OTCQX",
    } <= exchanges
    assert sum(len(issuer.tickers) > 1 for issuer in issuers) >= 2
    assert all(issuer.domain.endswith(".example") for issuer in issuers)


def test_about_page_has_page_front_matter(site):
    fields, body = _split(site / "pages" / "about.md")
    assert set(fields) <= {"title", "slug", "summary"} and fields["title"]
    assert "fictional" in body


def test_vocabulary_grows_with_the_corpus():
    def distinct(count: int) -> int:
        seen = set()
        for release in corpus.iter_releases(count, seed=1):
            seen.update(word.lower() for word in WORD.findall(release.body_markdown))
        return len(seen)

    small, large = distinct(200), distinct(2000)
    assert large > 2.5 * small


def test_lexicon_words_are_plain_alphabetic():
    for kind in ("place", "proper", "surname", "mineral", "term", "drug", "product"):
        for rank in (1, 2, 10, 999, 123_456, corpus.MAX_RANK):
            word = corpus.lexicon_word(kind, rank)
            assert re.fullmatch(r"[A-Z]?[a-z]+", word), (kind, rank, word)
            assert 4 <= len(word) <= 24


def test_planted_grants_appear_in_the_text(releases):
    grants = [(release, grant) for release in releases for grant in release.expected_grants]
    assert 0.2 < sum(bool(r.expected_grants) for r in releases) / COUNT < 0.4
    securities = Counter(grant["security"] for _, grant in grants)
    assert securities["option"] > 40 and securities["option"] < len(grants)
    currencies = set()
    for release, grant in grants:
        sentence = grant["sentence"]
        assert sentence in release.body_markdown and sentence in corpus.render_text(release)
        number = grant["number"]
        assert f"{number:,}" in sentence or f"{number / 1e6:g} million" in sentence
        if grant["security"] == "option":
            currencies.add((grant["currency"], grant["currency_stated"]))
            assert grant["currency"] == release.issuer.tickers[0].currency
            assert grant["expiry_date"] > grant["grant_date"]
            if grant["term_years"] is None:
                assert (
                    corpus.day_text(
                        dt.date.fromisoformat(grant["expiry_date"]), release.issuer.british_dates
                    )
                    in sentence
                )
    assert {("CAD", False), ("CAD", True), ("USD", True), ("AUD", True)} <= currencies


def test_planted_milestones_match_their_dates(releases):
    share = sum(bool(r.expected_milestones) for r in releases) / COUNT
    assert 0.45 < share < 0.75
    statuses = Counter()
    for release in releases:
        for milestone in release.expected_milestones:
            assert milestone["sentence"] in release.body_markdown
            assert milestone["date_text"] in milestone["sentence"]
            statuses[milestone["status"]] += 1
            if milestone["precision"] == "day":
                day = dt.date.fromisoformat(milestone["date"])
                if milestone["status"] == "achieved":
                    assert day <= release.date
                else:
                    assert day > release.date
    assert statuses["achieved"] > 20 and statuses["planned"] > 20


def test_legal_sections_legends_about_and_contacts(releases):
    with_fls = sum(f"## {corpus.FLS_HEADING}" in r.body_markdown for r in releases)
    assert with_fls > 0.6 * COUNT
    tsxv = [r for r in releases if r.issuer.tickers[0].exchange == "TSXV"]
    assert tsxv and sum(corpus.TSXV_LEGEND in r.body_markdown for r in tsxv) > 0.6 * len(tsxv)
    us = [r for r in releases if r.issuer.country == "United States"]
    assert not any(corpus.TSXV_LEGEND in r.body_markdown for r in us)
    top = [r for r in releases if "NOT FOR DISTRIBUTION" in r.body_markdown]
    assert top and all(r.issuer.country == "Canada" for r in top)
    assert all(r.body_markdown.startswith("**NOT FOR DISTRIBUTION") for r in top)
    for release in releases:
        assert f"## About {release.issuer.short}" in release.body_markdown
        assert release.issuer.contact.email in release.body_markdown


def test_release_size_is_realistic(releases):
    sizes = [len(corpus.render_markdown(release).encode()) for release in releases]
    assert 3000 < sum(sizes) / len(sizes) < 6000
    assert max(sizes) < 10_000


def test_plain_text_rendering_is_newswire_shaped(releases):
    for release in releases[:80]:
        text = corpus.render_text(release)
        headline = release.front_matter["title"].upper()
        assert headline in text.split("\n\n")[:3]
        assert corpus.TICKER_MARK not in text and "**" not in text and "## " not in text
        assert corpus.day_text(release.date, release.issuer.british_dates) in text
        spelled = re.search(r"\(((?:[A-Za-z .\-]+: [A-Z0-9]+[;) (]*)+)\)", text).group(1)
        labels = re.findall(r"([A-Za-z .\-]+?): ([A-Z0-9]+)", spelled)
        codes = {normalise_exchange(exchange.strip(" ;()")) for exchange, _ in labels}
        assert codes <= {ticker.exchange for ticker in release.issuer.tickers}


def test_command_line_writes_and_refuses_stale_files(tmp_path, capsys):
    parser = argparse.ArgumentParser()
    corpus.add_arguments(parser)
    out = tmp_path / "content"
    assert corpus.run(parser.parse_args(["--count", "12", "--out", str(out)])) == 0
    assert "wrote 12 releases" in capsys.readouterr().out
    assert len(list((out / "releases").rglob("*.md"))) == 12
    assert corpus.run(parser.parse_args(["--count", "5", "--out", str(out)])) == 2
    assert "--clean" in capsys.readouterr().out
    assert corpus.run(parser.parse_args(["--count", "5", "--out", str(out), "--clean"])) == 0
    assert len(list((out / "releases").rglob("*.md"))) == 5
