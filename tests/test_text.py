"""One reading of HTML: search, legal-text matching and the importer's check see the same words.

A sentence the page shows but one reader drops (a cell glued to the next, an entity left
encoded, a quote folded one way here and another there) would be "missing" to the importer's
check or unmatched by legal-text detection while search still finds it.
"""

from __future__ import annotations

import pytest

from dateline.content import text as htmltext
from dateline.facts import disclaimers
from dateline.importer import verify

PAGES = [
    "<p>Northgate&nbsp;Tungsten Corp. (&ldquo;Northgate&rdquo;) reports "
    "<strong>assays</strong>.</p>"
    "<ul><li>12.5 m at 0.8% WO<sub>3</sub></li><li>Phase&#160;2</li></ul>",
    '<table><tr><th>Hole</th><th>Metres</th></tr><tr><td>NG-1</td><td>12.5</td></tr></table>',
    '<p>See <a title="1 > 2" href="https://example.com/?a=1&amp;b=2">the report</a>.</p><hr>'
    "<!-- <p>hidden</p> --><p>Tom &amp; Jerry &lt;b&gt; ‟quoted‟ ― yes</p>",
    "<div><h2>Forward-Looking Statements</h2><p>This news release<br>contains "
    "statements.</p></div>",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_three_users_read_the_same_text(page):
    search = " ".join(htmltext.html_to_text(page).split())
    assert disclaimers.plain_text(page) == search
    assert verify.page_text(page) == search
    assert verify.rendered_text(page) == search  # raw HTML blocks pass through Markdown


def test_cells_and_blocks_are_word_breaks():
    assert htmltext.plain_text(PAGES[1]) == "Hole Metres NG-1 12.5"
    assert htmltext.html_to_text(
        PAGES[3]) == "Forward-Looking Statements\n\nThis news release\n\ncontains statements."
    assert "hidden" not in htmltext.plain_text(PAGES[2]) and "1 > 2" not in htmltext.plain_text(
        PAGES[2])


@pytest.mark.parametrize("typed, plain", [
    ("“Q3” – 2026", '"q3" - 2026'),
    ("‟Q3‟ ― 2026", '"q3" - 2026'),  # U+201F, U+2015: only the importer folded these
    ("−0.5\u202f%", "-0.5 %"),  # U+2212, U+202F: only legal-text matching folded these
    ("ﬁnancial  ＡＢＣ", "financial abc"),  # NFKC: only the importer applied it
])  # fmt: skip
def test_one_fold_for_legal_text_and_the_importer(typed, plain):
    assert htmltext.normalise(typed) == plain
    assert disclaimers.normalise(typed) == verify.normalise(typed) == plain


# Cuts the importer's old splitter made otherwise: after "Inc." before a sentence opener (it
# never cut there, so a lost sentence was reported with its neighbour), not after "approx." (it
# cut there), before a list item joined into the paragraph and before "$".
SPLITS = [
    ("Acme Inc. The options vest now.", ["Acme Inc.", "The options vest now."]),
    ("It holds approx. Ten claims here.", ["It holds approx. Ten claims here."]),
    ("Options were granted. - Options to buy 10 shares.",
     ["Options were granted.", "- Options to buy 10 shares."]),
    ("Gold rose. $5 million was raised.", ["Gold rose.", "$5 million was raised."]),
]


@pytest.mark.parametrize(("paragraph", "sentences"), SPLITS)
def test_one_sentence_splitter_for_extraction_and_the_importer(paragraph, sentences):
    from dateline.facts import sentences as facts_sentences
    from dateline.importer import sitecheck

    assert htmltext.split_sentences(paragraph) == sentences
    for user in (facts_sentences, verify, sitecheck):
        assert user.split_sentences is htmltext.split_sentences


def test_verify_reports_a_lost_sentence_by_extractions_cut():
    source = "Acme Inc. The options vest now. Gold rose."
    document = "---\ntitle: T\n---\nAcme Inc. Gold rose.\n"
    assert verify.missing_sentences(source, document) == ["The options vest now."]


def test_wording_keeps_words_in_order_and_drops_table_layout():
    from dateline.content.text import wording

    source = "| Class | Number |\n|---|---|\n| Class A Options | 5,500,000 |"
    page = "Class Number Class A Options 5,500,000"
    assert wording(source) in wording(page)
    assert wording("Class B Options") not in wording(page)
    assert wording("Options 5,500,000") in wording(page)
    assert wording("ass A") not in wording(page), "a match is on whole words"


def test_the_import_check_counts_a_table_the_page_renders_as_kept():
    from dateline.importer.verify import missing_sentences

    source = "Options granted:\n\n| Class | Number |\n|---|---|\n| A | 5,500,000 |\n"
    document = "---\ntitle: T\n---\n" + source
    assert missing_sentences(source, document) == []
    lost = document.replace("| A | 5,500,000 |\n", "")
    assert missing_sentences(source, lost) != []
