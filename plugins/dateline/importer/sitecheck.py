"""`dateline import --verify`: build the imported releases into a scratch site and check that
every sentence of each source is on its built page.

The Markdown can hold every sentence and the page still lose one: a legend the build moves
to the disclaimer block, a dateline the template sets, an escape the theme undoes. So the
check reads the page a visitor would read: the release's <article> as text.

In the scratch site every release is published (drafts included: their text is checked
too), builds "as of" a far-off date (no release is embargoed), and an undated draft gets a
stand-in date. None of this reaches the files the import writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dateline.content.text import split_sentences, wording
from dateline.errors import DatelineError, Problem
from dateline.importer.datelines import Lead, match_lead, match_placeline
from dateline.importer.titles import tidy_place
from dateline.importer.verify import source_line, source_paragraphs, split_document

logger = logging.getLogger(__name__)

STAND_IN_DATE = "2000-01-03"  # scratch site only: an undated draft needs a date to be built
CHECK_AS_OF = "2999-12-31T00:00:00+00:00"


@dataclass
class PageCheck:
    """One imported release to check: its source text and the document the import wrote."""

    source: str
    source_text: str
    document: str
    is_html: bool
    raw_text: str = ""  # the source as read: where each lost sentence was


def verify_built_pages(checks: list[PageCheck], settings_file: str, issuer: Path) -> list[Problem]:
    """Build every release of the batch once; report each source sentence missing from its page."""
    if not checks:
        return []
    if not Path(settings_file).is_file():
        return [
            Problem(
                settings_file,
                1,
                "verify",
                "expected the site settings to build the check site (--settings), found no file",
            )
        ]
    if not issuer.is_file():
        return [
            Problem(
                str(issuer),
                1,
                "verify",
                "expected an issuer profile to build the check site (--issuer), found no file",
            )
        ]
    with tempfile.TemporaryDirectory(prefix="dateline-import-check-") as scratch:
        root = Path(scratch)
        for number, check in enumerate(checks):
            _write_check_release(root / "content" / "releases", number, check.document)
        try:
            output = _build(root, settings_file, issuer)
        except DatelineError as error:
            return [
                Problem(
                    p.path,
                    p.line,
                    "verify",
                    f"the check site did not build: {p.field}: {p.message}",
                )
                for p in error.problems
            ]
        problems = []
        for number, check in enumerate(checks):
            page = _page_text(output, number, check.document)
            problems.extend(
                Problem(
                    check.source,
                    source_line(check.raw_text, s),
                    "verify",
                    f"sentence not on the built page: {s[:100]!r}",
                )
                for s in missing_on_page(check, page)
            )
    return problems


def _write_check_release(folder: Path, number: int, document: str) -> None:
    fields, body = split_document(document)
    head = document.split("\n---\n", 1)[0].split("\n")[1:]
    kept = [line for line in head if not line.startswith(("status:", "slug:"))]
    if "date" not in fields:
        kept.insert(1, f"date: {STAND_IN_DATE}")
    kept.append(f"slug: import-check-{number}")
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + "\n".join(kept) + "\n---\n" + body
    (folder / f"import-check-{number}.md").write_text(text, encoding="utf-8")


def _build(root: Path, settings_file: str, issuer: Path) -> Path:
    """Build the scratch site quietly: Pelican's summary goes to stderr (stdout may be --json)."""
    from dateline.build.build import build

    overrides = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "CACHE_PATH": str(root / "cache"),
        "CACHE_CONTENT": False,
        "DATELINE": {
            "issuer": str(issuer.resolve()),
            "search": False,
            "register": False,
            "now": CHECK_AS_OF,
        },
    }
    quiet = [logging.getLogger(name) for name in ("pelican", "dateline")]
    levels = [log.level for log in quiet]
    for log in quiet:
        log.setLevel(max(log.getEffectiveLevel(), logging.WARNING))
    try:
        with contextlib.redirect_stdout(sys.stderr):
            return build(settings_file, overrides)
    finally:
        for log, level in zip(quiet, levels):
            log.setLevel(level)


def _page_text(output: Path, number: int, document: str) -> str:
    from dateline.content.text import html_to_text

    fields, _ = split_document(document)
    year = str(fields.get("date") or STAND_IN_DATE)[:4]
    page = (output / "releases" / year / f"import-check-{number}" / "index.html").read_text(
        encoding="utf-8"
    )
    article = re.search(r"<article\b.*</article>", page, re.DOTALL)
    return html_to_text(article.group(0) if article else page)


def missing_on_page(check: PageCheck, page_text: str) -> list[str]:
    """Sentences of the source that are not in the page's text (a recorded dateline excepted,
    when the page shows the dateline the front matter records)."""
    fields, _ = split_document(check.document)
    haystack = wording(page_text)
    missing = []
    for paragraph in source_paragraphs(check.source_text, check.is_html):
        paragraph = _cut_recorded_lead(paragraph.strip(), fields, haystack)
        if not paragraph or wording(paragraph) in haystack:
            continue
        missing.extend(s for s in split_sentences(paragraph) if wording(s) not in haystack)
    return missing


def _cut_recorded_lead(paragraph: str, fields: dict, haystack: str) -> str:
    """A source dateline is on the page as the newswire-style dateline the build sets from
    the front matter: it counts when date and place match; the rest must be in the body."""
    from dateline.facts.leadline import dateline_text

    lead = match_lead(paragraph)
    date = fields.get("date")
    if date is None:
        return paragraph
    if lead is None:  # "PHOENIX--(BUSINESS WIRE)--", dated by a line above it
        placeline = match_placeline(paragraph)
        if placeline is None or placeline[1] != fields.get("wire"):
            return paragraph
        lead = Lead(placeline[0], placeline[1], _as_date(date), placeline[2], False)
    if _as_date(date) != lead.date:
        return paragraph
    if lead.standalone:  # a date line or time stamp: the page's dateline shows its date
        shown = dateline_text(None, lead.date, None).rstrip(" –")
        return "" if wording(shown) in haystack else paragraph
    place = tidy_place(lead.place) if lead.place else None
    if place != fields.get("dateline"):
        return paragraph
    shown = dateline_text(place, lead.date, fields.get("wire"))
    return paragraph[lead.end :] if wording(shown) in haystack else paragraph


def _as_date(value) -> dt.date:
    return value if not isinstance(value, dt.datetime) else value.date()
