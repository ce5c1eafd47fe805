"""Disclaimer and legend attachment: detection, moving verbatim, defaults, warnings, feeds."""

import logging
import re
from collections import Counter
from datetime import date
from pathlib import Path

import markdown
import pytest

from dateline.content.issuer import Issuer, load_issuer
from dateline.errors import DatelineError
from dateline.facts.disclaimers import (
    ISSUER,
    RELEASE,
    attach,
    feed_html,
    normalise,
    plain_text,
    release_exchanges,
    split_legend_keys,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "disclaimers"
SEED = FIXTURES / "seed_almonty_2013.txt"
RELEASE_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.md"))
TSXV_SENTENCE = "Neither TSX Venture Exchange nor its Regulation Services Provider"


@pytest.fixture(scope="module")
def almonty():
    return load_issuer(ROOT / "content" / "issuer.yaml")


@pytest.fixture(scope="module")
def northwind():
    return load_issuer(FIXTURES / "issuer.yaml")


def seed_markdown() -> str:
    """The seed as a release body: the headline goes to front matter, two `##` headings."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))]
    body = []
    for paragraph in filter(None, paragraphs):
        if paragraph.startswith("**ALMONTY INDUSTRIES INC. ANNOUNCES"):
            continue
        if paragraph in ("About Almonty", "Disclaimer for Forward-Looking Information"):
            paragraph = "## " + paragraph
        body.append(paragraph.replace("\\$", "$"))
    return "\n\n".join(body)


def fixture_html(name: str) -> str:
    return markdown.markdown(seed_markdown() if name == "seed" else (FIXTURES / name).read_text())


def run(
    html,
    issuer,
    *,
    exchanges=("TSXV",),
    disclaimer_key=None,
    legend_keys=(),
    release_date=date(2024, 5, 1),
    today=date(2024, 6, 1),
    source="release.md",
    lines=None,
):
    return attach(
        html,
        issuer=issuer,
        exchanges=list(exchanges),
        disclaimer_key=disclaimer_key,
        legend_keys=list(legend_keys),
        release_date=release_date,
        today=today,
        source=source,
        lines=lines,
    )


def sentences(html: str) -> Counter:
    """Normalised sentences, element by element, so block boundaries do not matter."""
    found = Counter()
    for element in re.split(r"</(?:p|h[1-6]|li)>", html):
        for sentence in re.split(r"(?<=[.!?])\s+", normalise(plain_text(element))):
            if sentence:
                found[sentence] += 1
    return found


def shown_from_release(attachment) -> Counter:
    """Sentences of the release as the page shows them: body plus the release's own blocks."""
    shown = sentences(attachment.body_html)
    blocks = attachment.top_legends + attachment.bottom_legends + [attachment.disclaimer]
    for block in filter(None, blocks):
        if block.origin == RELEASE:
            shown += sentences(block.html)
            if block.title_in_release:
                shown += sentences(f"<p>{block.title}</p>")
    return shown


# --- the seed --------------------------------------------------------------------------------


def test_seed_page_has_each_legal_text_once(almonty):
    html = fixture_html("seed")
    page = run(html, almonty, release_date=date(2013, 5, 29))
    assert [(b.key, b.origin) for b in page.top_legends] == [("us-newswire", RELEASE)]
    assert [(b.key, b.origin) for b in page.bottom_legends] == [("tsxv", RELEASE)]
    assert "NOT FOR DISTRIBUTION" not in page.body_html and TSXV_SENTENCE not in page.body_html
    disclaimer = page.disclaimer
    assert (disclaimer.key, disclaimer.origin, disclaimer.title) == (
        "forward-looking",
        RELEASE,
        "Disclaimer for Forward-Looking Information",
    )
    seed_paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", SEED.read_text())]
    own = seed_paragraphs[seed_paragraphs.index(disclaimer.title) + 1 :]
    assert len(own) == 7 and disclaimer.html.count("<p>") == 7
    for paragraph in own:
        assert paragraph in disclaimer.html  # verbatim, and out of the body
        assert paragraph[:60] not in page.body_html
    feed = feed_html(page)
    for text in (TSXV_SENTENCE, "NOT FOR DISTRIBUTION", own[0], own[-1], "Dennis Logan"):
        assert feed.count(text) == 1, text
    assert page.warnings == []


def test_seed_keeps_its_story_in_the_body(almonty):
    page = run(fixture_html("seed"), almonty)
    assert page.body_html.startswith("<p>May 29, 2013")
    assert "<h2>About Almonty</h2>" in page.body_html
    assert "granted 100,000 options" in page.body_html


@pytest.mark.parametrize("name", ["seed", *RELEASE_FIXTURES])
def test_every_sentence_is_shown_once(name, almonty, northwind):
    issuer = almonty if name == "seed" else northwind
    html = fixture_html(name)
    page = run(html, issuer)
    assert shown_from_release(page) == sentences(html)
    issuer_blocks = [
        b
        for b in page.top_legends + page.bottom_legends + [page.disclaimer]
        if b is not None and b.origin == ISSUER
    ]
    feed = sentences(feed_html(page))
    for block in issuer_blocks:  # what the issuer adds is new to the page, and added once
        for sentence in sentences(block.html):
            assert feed[sentence] == 1, sentence


# --- disclaimers ---------------------------------------------------------------------------


def test_release_without_disclaimer_gets_the_default(northwind):
    html = fixture_html("no_disclaimer.md")
    page = run(html, northwind)
    assert page.body_html == html.strip()
    assert (page.disclaimer.key, page.disclaimer.origin) == ("forward-looking", ISSUER)
    assert page.disclaimer.html == northwind.disclaimers["forward-looking"].html


def test_disclaimer_key_picks_another(northwind):
    page = run(fixture_html("no_disclaimer.md"), northwind, disclaimer_key="safe-harbor")
    assert (page.disclaimer.key, page.disclaimer.title) == ("safe-harbor", "Safe Harbor Statement")


def test_disclaimer_none_omits_it(northwind):
    page = run(fixture_html("no_disclaimer.md"), northwind, disclaimer_key="none")
    assert page.disclaimer is None
    assert "forward-looking" not in feed_html(page).lower()


def test_release_with_its_own_disclaimer_keeps_it(northwind):
    page = run(fixture_html("own_disclaimer.md"), northwind)
    block = page.disclaimer
    assert (block.key, block.origin, block.title, block.title_in_release) == (
        "release",
        RELEASE,
        "Cautionary Note Regarding Forward-Looking Statements",
        True,
    )
    assert "the board's schedule" in block.html
    assert "<strong>Safe Harbor Statement</strong>" in block.html  # a sub-section of it
    assert "Canadian securities laws" not in feed_html(page)  # the default is not added
    assert page.body_html.endswith(
        "<p>-30-</p>\n<p>For further information please contact:</p>\n"
        "<p>Ada North, Vice-President, Investor Relations</p>"
    )
    assert "Cautionary" not in page.body_html


def test_own_disclaimer_wins_over_a_front_matter_key(northwind):
    page = run(fixture_html("own_disclaimer.md"), northwind, disclaimer_key="safe-harbor")
    assert page.disclaimer.origin == RELEASE
    assert any("disclaimer: safe-harbor not used" in w for w in page.warnings)


def test_configured_text_is_found_without_a_heading(northwind):
    page = run(fixture_html("configured_text_only.md"), northwind)
    assert (page.disclaimer.key, page.disclaimer.origin) == ("forward-looking", RELEASE)
    assert page.disclaimer.title == "Forward-Looking Information"
    assert page.body_html.count("<p>") == 1


def test_run_in_heading_starts_a_disclaimer(northwind):
    page = run(fixture_html("run_in_disclaimer.md"), northwind, exchanges=["NASDAQ"])
    assert page.disclaimer.title == "Forward-looking information"
    assert page.disclaimer.html.startswith("<p><strong>Forward-looking information.</strong>")
    assert "Northwind’s drilling plans" in page.disclaimer.html  # curly quote kept as written
    assert page.body_html.endswith(
        "<h2>Conference call</h2>\n<p>Management will host a call on May 3 at 11:00 ET.</p>"
    )


@pytest.mark.parametrize(
    "heading",
    [
        "## Forward-Looking Statements",
        "### Cautionary Note Regarding Forward-Looking Information",
        "#### Cautionary Statement Concerning Forward‑Looking Statements",
        "**Safe Harbor Statement**",
        "*Disclaimer for Forward-Looking Information*",
        "Forward-looking information",
        "**Notice Regarding Forward Looking Statements**",
    ],
)
def test_disclaimer_headings_are_recognised(heading, northwind):
    html = markdown.markdown(
        f"Story text here.\n\n{heading}\n\nWe may be wrong.\n\n## About Us\n\nWe mine."
    )
    page = run(html, northwind, exchanges=["NASDAQ"])
    assert page.disclaimer.origin == RELEASE and page.disclaimer.html == "<p>We may be wrong.</p>"
    assert page.body_html == "<p>Story text here.</p>\n<h2>About Us</h2>\n<p>We mine.</p>"


def test_contact_details_after_a_disclaimer_stay_in_the_body(northwind):
    text = "News.\n\n## Forward-Looking Statements\n\nWe may be wrong.\n\n"
    contact = "Ada North\nTelephone: +1 604 555 0100\nir@northwind.example"
    page = run(markdown.markdown(text + contact), northwind, exchanges=["NASDAQ"])
    assert page.disclaimer.html == "<p>We may be wrong.</p>"
    assert page.body_html == f"<p>News.</p>\n<p>{contact}</p>"


@pytest.mark.parametrize(
    "heading",
    [
        "## Forward-looking guidance for 2025",
        "## Outlook",
        "**Looking forward**",
        "Forward-looking statements are inherently uncertain.",
    ],
)
def test_ordinary_headings_stay_in_the_body(heading, northwind):
    html = markdown.markdown(f"Story text here.\n\n{heading}\n\nWe expect growth.")
    page = run(html, northwind, exchanges=["NASDAQ"])
    assert page.body_html == html and page.disclaimer.origin == ISSUER


# --- legends -------------------------------------------------------------------------------


def test_tsxv_release_missing_the_legend_gets_it(northwind):
    page = run(fixture_html("no_disclaimer.md"), northwind, exchanges=["TSXV: NWL"])
    assert [(b.key, b.origin) for b in page.bottom_legends] == [("tsxv", ISSUER)]
    assert page.top_legends == []
    assert feed_html(page).count(TSXV_SENTENCE) == 1


def test_nasdaq_release_has_no_tsxv_legend(northwind):
    page = run(fixture_html("no_disclaimer.md"), northwind, exchanges=["NASDAQ"])
    assert page.top_legends == [] and page.bottom_legends == []
    assert TSXV_SENTENCE not in feed_html(page)


def test_legends_at_top_and_bottom_go_where_issuer_yaml_places_them(northwind):
    html = fixture_html("legends_top_bottom.md")
    page = run(html, northwind)
    (tsxv,) = page.bottom_legends  # it stood at the top of the release
    (us,) = page.top_legends  # it stood at the bottom, split over two paragraphs
    assert (tsxv.key, tsxv.origin, us.key, us.origin) == ("tsxv", RELEASE, "us-newswire", RELEASE)
    assert us.html == (
        "<p><strong>NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES</strong></p>\n"
        "<p><strong>OR DISSEMINATION IN THE UNITED STATES</strong></p>"
    )
    assert "UNITED STATES" not in page.body_html and TSXV_SENTENCE not in page.body_html
    assert page.body_html.startswith("<p>Northwind Lithium Corp.")


def test_extra_legend_key_adds_the_issuer_wording(northwind):
    page = run(fixture_html("no_disclaimer.md"), northwind, legend_keys=["us-newswire"])
    assert [(b.key, b.origin) for b in page.top_legends] == [("us-newswire", ISSUER)]


def test_turning_off_a_required_legend_warns_loudly(northwind, caplog):
    with caplog.at_level(logging.WARNING, logger="dateline.facts.disclaimers"):
        page = run(
            fixture_html("no_disclaimer.md"),
            northwind,
            legend_keys=["-tsxv"],
            source="content/releases/2024/2024-05-01-assays.md",
        )
    assert page.bottom_legends == []
    (warning,) = page.warnings
    assert "REQUIRED LEGEND TURNED OFF" in warning and "TSXV" in warning
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert "content/releases/2024/2024-05-01-assays.md" in record.getMessage()


def test_turning_off_a_legend_the_release_prints_keeps_it(northwind):
    page = run(fixture_html("legends_top_bottom.md"), northwind, legend_keys=["-tsxv"])
    assert [(b.key, b.origin) for b in page.bottom_legends] == [("tsxv", RELEASE)]
    assert "published wording is never removed" in page.warnings[0]


def test_legend_inside_a_paragraph_is_not_added_again(northwind):
    html = markdown.markdown(
        "Northwind has news. Neither TSX Venture Exchange nor its Regulation Services Provider "
        "(as that term is defined in the policies of the TSX Venture Exchange) accepts "
        "responsibility for the adequacy or accuracy of this release."
    )
    page = run(html, northwind)
    assert page.bottom_legends == [] and page.body_html == html
    assert "inside a paragraph" in page.warnings[0]


def test_duplicate_legend_in_release_is_shown_once(northwind):
    legend = (FIXTURES / "legends_top_bottom.md").read_text().split("\n\n")[0]
    html = markdown.markdown(f"{legend}\n\nNews.\n\n{legend}")
    page = run(html, northwind)
    assert len(page.bottom_legends) == 1 and page.body_html == "<p>News.</p>"
    assert "twice" in page.warnings[0]


def test_legend_syntax_helpers():
    assert split_legend_keys(["us-newswire", "-tsxv"]) == (["us-newswire"], ["tsxv"])
    assert split_legend_keys(None) == ([], [])
    assert release_exchanges(["TSXV: AII", "TSX-V", "NASDAQ", "TSXV"]) == ["TSXV", "NASDAQ"]


# --- problems ------------------------------------------------------------------------------


def test_unknown_keys_are_problems_in_the_release(northwind):
    with pytest.raises(DatelineError) as caught:
        run(
            "<p>x</p>",
            northwind,
            disclaimer_key="fls",
            legend_keys=["tsx", "-us"],
            source="r.md",
            lines={"disclaimer": 7, "legends": 8},
        )
    found = [str(p) for p in caught.value.problems]
    assert found[0] == (
        "r.md:7: disclaimer: expected a disclaimer key from issuer.yaml "
        "(forward-looking, safe-harbor) or none, found 'fls'"
    )
    assert [p.split(": found ")[0][:20] for p in found[1:]] == ["r.md:8: legends: exp"] * 2
    assert found[1].endswith("found 'tsx'") and found[2].endswith("found 'us'")


def test_tsxv_release_needs_a_tsxv_legend_in_issuer_yaml():
    issuer = Issuer.from_dict({"name": "Eastmark", "tickers": ["NASDAQ: EMK"]})
    with pytest.raises(DatelineError) as caught:
        run("<p>x</p>", issuer, exchanges=["TSXV: EMK"], source="r.md")
    assert str(caught.value.problems[0]).startswith("r.md:1: ticker: TSXV requires a legend")


# --- archival notice and feeds ---------------------------------------------------------------


@pytest.mark.parametrize(
    "today, shown",
    [
        (
            date(2015, 1, 1),
            "This release is presented as of May 29, 2013; information in it may be out of date.",
        ),
        (date(2014, 11, 1), None),  # 1.4 years: younger than the issuer's 1.5
        (date(2013, 5, 29), None),
    ],
)
def test_archival_notice(today, shown, northwind):
    page = run(
        "<p>x</p>", northwind, exchanges=["NASDAQ"], release_date=date(2013, 5, 29), today=today
    )
    assert page.archival_notice == shown


def test_no_archival_notice_without_an_age():
    issuer = Issuer.from_dict({"name": "Eastmark", "tickers": ["NASDAQ: EMK"]})
    page = run("<p>x</p>", issuer, exchanges=["NASDAQ"], release_date=date(1999, 1, 1))
    assert page.archival_notice is None and page.disclaimer is None


def test_feed_carries_legends_and_disclaimer_around_the_body(almonty):
    page = run(fixture_html("seed"), almonty)
    feed = feed_html(page)
    order = [
        feed.index(text)
        for text in (
            "NOT FOR DISTRIBUTION",
            "May 29, 2013",
            "About Almonty",
            "<h2>Disclaimer for Forward-Looking Information</h2>",
            "THE FORWARD-LOOKING INFORMATION",
            TSXV_SENTENCE,
        )
    ]
    assert order == sorted(order)
