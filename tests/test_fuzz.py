"""Fuzzing the four readers of hostile input: front matter, extraction, the importer and
issuer.yaml. Whatever the text, each ends in a value or in the project's own errors
(`DatelineError`, a `Problem` list), never in a Python exception, and every message stays
short (values are previewed, never echoed whole).

Texts mix arbitrary characters with the pieces these readers look for (YAML syntax and
aliases, field names, dates at and past the calendar's edges, huge numbers, grant and
vesting wording), so most examples get past the first check. Examples are derandomised
(the same ones on every run, no example database); `DATELINE_FUZZ_EXAMPLES` sets the
count (default 10,000 per test).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.content.frontmatter import FrontMatter, parse
from dateline.content.issuer import parse_issuer
from dateline.errors import DatelineError, Problem
from dateline.facts.extraction import extract_text
from dateline.importer import parse_release

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "10000"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck))
LONGEST_MESSAGE = 600
TORONTO = ZoneInfo("America/Toronto")

YAML = ["---\n", "\n", ": ", "- ", "  ", "&a ", "*a", "<<: *a", "[", "]", "{", "}", ", ", "'",
        '"', "!!python/object ", "!!binary ", "? ", "|\n  ", ">\n  ", "#", "~", "null", "true",
        "\t", "\x00", "\x0b", "\ufffd", "\ufeff", "%YAML 1.1\n", "...\n", "\\"]
FIELDS = ["title", "date", "ticker", "tags", "slug", "status", "modified", "grants",
          "milestones", "legends", "contacts", "disclaimer", "summary", "lang", "template",
          "security", "number", "expiry_date", "grant_date", "precision", "event", "term_years"]
VALUES = ["2024-03-10T02:30", "2024-11-03T01:30", "0001-01-01T00:00:00+14:00", "9999-12-31",
          "2024-02-30", "2024-13", "2024-Q5", "1899-12-31", "2201-01-01", "TSXV: NGT",
          "TSX-V: NGT", "[a, b]", "draft", "option", "10" * 40, "1e400", "-1", "0", "9" * 5000,
          "2024-05-01T09:00:00-04:00", "America/Toront", "releases", "tags", "grants"]
WORDS = ["granted", "options", "stock options", "RSUs", "to a director", "exercisable at",
         "$0.10", "C$1.07", "for a period of", "8000 years", "10 years", "months",
         "from today's date",
         "vest", "over", "every", "0%", "25%", "equal instalments", "anniversary", "expiring on",
         "May 27, 2013", "Q3 2013", "3Q13", "2H26", "the June quarter", "in August", "today",
         "yesterday", "commissioning", "production", "achieved", "expects", "in 2014", "mid-2015",
         "100,000", "1.5 million", "9" * 400, "the Company", "Toronto, Ontario", "--", "(5)",
         "Not for distribution", "TSXV: NGT", "|", "---", "\n\n", ". ", ", ", "<p>", "</td>"]

# Each example is one draw of bytes, each byte one piece: drawing is most of a fuzz run's
# cost, and one draw per example keeps 10,000 examples of each reader inside the budget.
ODD_CHARACTERS = (
    [chr(c) for c in range(0x20)]
    + list("\x7f\x85\xa0\u2028\ufeff\ufffe\U0001f600é€ß")
    + list(" :-,.'\"[]{}#&*!|>%@`?\n\t0123456789Qq$")
)
PIECES = (YAML + FIELDS + VALUES + WORDS + ODD_CHARACTERS) * 2
PIECES = PIECES[:256] if len(PIECES) >= 256 else PIECES + ODD_CHARACTERS * 4


def _pieces(raw: bytes) -> str:
    return "".join(PIECES[byte % len(PIECES)] for byte in raw)


texts = st.binary(max_size=40).map(_pieces)
# the importer and issuer.yaml are slower per byte
short_texts = st.binary(max_size=24).map(_pieces)
front_matters = st.binary(max_size=30).map(lambda raw: "---\n" + _pieces(raw) + "\n---\nBody.\n")


def _short(problems) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1
        assert len(str(problem)) < LONGEST_MESSAGE, str(problem)[:200]


@FUZZ
@given(st.one_of(front_matters, texts), st.sampled_from(["release", "page"]))
def test_front_matter_parsing_ends_in_problems_never_an_exception(text, kind):
    matter = parse("content/releases/2024/2024-05-01-fuzz.md", text, kind, TORONTO)
    assert isinstance(matter, FrontMatter)
    _short(matter.problems)


@FUZZ
@given(texts, st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)) | st.none())
def test_extraction_of_any_text_ends_in_facts(text, release_date):
    found = extract_text(text, release_date=release_date, exchanges=["TSXV"])
    assert set(found) >= {"grants", "milestones"}


@FUZZ
@given(short_texts, st.booleans())
def test_the_importer_reads_any_text_or_says_why_not(text, is_html):
    release = parse_release(text, source="inbox/fuzz.txt", is_html=is_html)
    _short(release.problems)
    if release.is_release:
        assert release.document().startswith("---\n")


@FUZZ
@given(st.one_of(short_texts,
                 short_texts.map(lambda text: "name: N\ntickers: [TSXV: NGT]\n" + text)))
def test_issuer_yaml_loading_ends_in_an_issuer_or_dateline_error(text):
    try:
        parse_issuer(text, "content/issuer.yaml")
    except DatelineError as error:
        _short(error.problems)
