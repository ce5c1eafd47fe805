"""The importer on a collection of sources in the layouts of real releases (fictional text).

tests/fixtures/import/collection/ holds one source per layout docs/importer.md lists, and
collection.yaml what the importer must find in each; src/ holds the reviewed fixtures of
test_importer.py. The whole lot is imported in one batch with --verify (one scratch build),
then built as a site: every source becomes a file, dates and tickers are right, no sentence
of any source is missing from its built page, and drafts pass validation.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from dateline.content.frontmatter import parse as parse_front_matter
from dateline.facts.leadline import dateline_text, with_dateline
from dateline.importer import add_arguments, run
from dateline.importer.sitecheck import PageCheck, missing_on_page
from dateline.importer.verify import split_document
from sitebuild import ROOT, build_site

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
COLLECTION = FIXTURES / "collection"
SRC = FIXTURES / "src"
ISSUER = FIXTURES / "collection-issuer.yaml"
EXPECTED = yaml.safe_load((FIXTURES / "collection.yaml").read_text(encoding="utf-8"))
REFUSED = {"not-a-release.txt"}  # holds no release text: the one source the importer refuses
FIELDS = ("title", "date", "ticker", "dateline", "wire", "status")


def sources() -> list[Path]:
    return sorted(COLLECTION.iterdir()) + sorted(p for p in SRC.iterdir() if p.name not in REFUSED)


def run_import(argv) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(parser.parse_args(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The whole collection imported once with --verify, then again: (content folder, runs)."""
    content = tmp_path_factory.mktemp("imported") / "content"
    argv = [
        *map(str, sources()),
        "--out",
        str(content / "releases"),
        "--issuer",
        str(ISSUER),
        "--verify",
        "--settings",
        str(ROOT / "pelicanconf.py"),
        "--json",
    ]
    first = run_import(argv)
    files = {p: p.read_bytes() for p in (content / "releases").rglob("*.md")}
    again = run_import(argv)
    shutil.copy(ISSUER, content / "issuer.yaml")
    return content, first, again, files


def report(run_result) -> dict:
    return json.loads(run_result[1])


def test_at_least_forty_sources_in_real_layouts():
    assert len(sources()) >= 40
    assert set(EXPECTED) == {p.name for p in COLLECTION.iterdir()}


def test_every_source_is_imported_and_no_sentence_is_lost_on_its_built_page(imported):
    _, first, _, files = imported
    code, _, stderr = first
    entries = report(first)["sources"]
    assert code == 0
    assert [e["result"] for e in entries if e["result"] not in ("imported", "drafted")] == []
    assert len(files) == len(sources())
    assert "verify" not in stderr  # the Markdown check and the built-page check both found nothing
    drafted = sorted(Path(e["source"]).name for e in entries if e["result"] == "drafted")
    assert drafted == sorted(
        [n for n, want in EXPECTED.items() if want.get("status") == "draft"]
        + ["no-date.txt", "no-ticker.txt"]
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dates_tickers_titles_and_datelines_are_right(imported, name):
    _, first, _, _ = imported
    entry = next(e for e in report(first)["sources"] if Path(e["source"]).name == name)
    fields, _ = split_document(Path(entry["file"]).read_text(encoding="utf-8"))
    want = EXPECTED[name]
    assert {k: fields.get(k) for k in FIELDS} == {k: want.get(k) for k in FIELDS}
    document = Path(entry["file"]).read_text(encoding="utf-8")
    assert ("# assumed:" in document) == bool(want.get("assumed"))
    if want["date"] is None:
        assert "/releases/undated/" in entry["file"] and "1970" not in document


def test_reimport_gives_the_same_files(imported):
    content, _, again, files = imported
    assert again[0] == 0
    assert {e["action"] for e in report(again)["sources"]} == {"unchanged"}
    assert {p: p.read_bytes() for p in (content / "releases").rglob("*.md")} == files


def test_every_file_written_drafts_included_passes_validation_and_the_site_builds(
    imported, tmp_path
):
    content, *_ = imported
    for path in (content / "releases").rglob("*.md"):
        matter = parse_front_matter(str(path), path.read_text(encoding="utf-8"), "release", dt.UTC)
        assert matter.problems == [], path
    output = build_site(content, tmp_path / "output")
    pages = {p.parent.name for p in (output / "releases").rglob("index.html")}
    assert "larkspur-energy-corp" not in pages  # drafts reach no output file
    assert "undated" not in {p.name for p in output.rglob("*")}
    seed = (
        output / "releases/2013/almonty-industries-inc-announces-completion/index.html"
    ).read_text()
    lead = seed.split('<div class="release-body prose">', 1)[1].lstrip()
    assert lead.startswith('<p><span class="dateline">May 29, 2013 –</span> ')
    # all.atom.xml holds the newest 50; the seed's tag feed still carries it
    feed = (output / "feeds" / "tags" / "stock-options.atom.xml").read_text(encoding="utf-8")
    assert '&lt;span class="dateline"&gt;May 29, 2013 –&lt;/span&gt;' in feed  # feeds read alike
    newsfile = next(output.glob("releases/2022/granite-peak-silver-*/index.html")).read_text()
    assert (
        '<span class="dateline">VANCOUVER, British Columbia, April 7, 2022 (Newsfile Corp.) '
        '–</span>'
        in newsfile
    )


def test_the_page_check_reports_a_sentence_the_page_lost():
    source = (
        "Acme Ships Its First Order\n\nTORONTO, May 1, 2020 /CNW/ - Acme Inc. (TSX: ACM) shipped "
        "its"
        " first order. The order went to Perth.\n\nNot for distribution in the United States.\n"
    )
    document = (
        '---\ntitle: "Acme Ships Its First Order"\ndate: 2020-05-01\nticker: "TSX: ACM"\n'
        'tags: [news]\ndateline: "Toronto"\nwire: "CNW"\n---\nbody\n'
    )
    check = PageCheck("acme.txt", source, document, False)
    page = (
        "Acme Ships Its First Order TORONTO, May 1, 2020 (CNW) – Acme Inc. (TSX: ACM) shipped its "
        "first"
        " order. The order went to Perth. Not for distribution in the United States."
    )
    assert missing_on_page(check, page) == []
    assert missing_on_page(check, page.replace(" The order went to Perth.", "")) == [
        "The order went to Perth."
    ]
    assert missing_on_page(
        check, page.replace(" Not for distribution in the United States.", "")
    ) == ["Not for distribution in the United States."]
    # a dateline the page does not show as recorded is a lost sentence
    assert missing_on_page(check, page.replace("TORONTO, May 1, 2020 (CNW) – ", "")) == [
        "TORONTO, May 1, 2020 /CNW/ - Acme Inc. (TSX: ACM) shipped its first order."
    ]


def test_dateline_is_set_into_the_lead_the_way_newswires_print_it():
    day = dt.date(2026, 9, 10)
    assert (
        dateline_text("Vancouver, British Columbia", day, "Newsfile Corp.")
        == "VANCOUVER, British Columbia, September 10, 2026 (Newsfile Corp.) –"
    )
    assert dateline_text(None, day, None) == "September 10, 2026 –"
    body = "<p><strong>NOT FOR DISTRIBUTION</strong></p>\n<p>Acme Inc. grew.</p>"
    assert (
        with_dateline(body, "Denver", day, None)
        == '<p><strong>NOT FOR DISTRIBUTION</strong></p>\n<p><span class="dateline">DENVER, '
           'September 10, 2026'
        " –</span> Acme Inc. grew.</p>"
    )
    already = "<p>DENVER, Sept. 10, 2026 – Acme Inc. grew.</p>"
    assert with_dateline(already, "Denver", day, None) == already  # never printed twice
    highlights = (
        "<h2>Highlights</h2>\n<ul>\n<li><p>Zone extended.</p></li>\n</ul>\n"
        "<p>Acme Inc. drilled.</p>"
    )
    assert with_dateline(highlights, None, day, None).endswith(
        '<p><span class="dateline">September 10, 2026 –</span> Acme Inc. drilled.</p>'
    )  # the lead after the highlights, not a list item
    assert with_dateline("<h2>Highlights</h2>", None, day, None).startswith(
        '<p class="dateline-alone"><span class="dateline">September 10, 2026 –</span></p>\n<h2>'
    )


def test_only_a_draft_may_leave_out_its_date_and_wire_is_a_field():
    draft = (
        '---\ntitle: "T"\nticker: "TSX: ACM"\ntags: [news]\nstatus: draft\nwire: "CNW"\n---\nx\n'
    )
    matter = parse_front_matter("releases/undated/t.md", draft, "release", dt.UTC)
    assert matter.problems == [] and matter.fields["wire"] == "CNW"
    published = draft.replace("status: draft\n", "")
    assert [str(p) for p in parse_front_matter("t.md", published, "release", dt.UTC).problems] == [
        "t.md:1: date: expected a date (required), found nothing"
    ]


def test_without_issuer_tickers_a_source_naming_none_is_refused_with_a_clear_problem(tmp_path):
    source = COLLECTION / "c21-no-ticker.txt"
    code, stdout, stderr = run_import([str(source), "--out", str(tmp_path / "releases")])
    assert code == 1 and not (tmp_path / "releases").exists()
    assert stderr == (
        f"{source}:3: ticker: expected a ticker in the source, or issuer.yaml tickers to assume"
        " (--issuer), found nothing\n"
    )
    assert stdout.rstrip().endswith("1 source(s): 0 imported, 0 drafted, 1 skipped")


def test_check_report_lists_an_undated_draft_as_withheld():
    from dateline.commands.report import _report_order, release_report

    undated = '---\ntitle: "T"\nticker: "TSX: ACM"\ntags: [news]\nstatus: draft\n---\nx\n'
    dated = undated.replace("status: draft\n", "date: 2020-01-02\n")
    matters = [
        parse_front_matter(name, text, "release", dt.UTC)
        for name, text in (("u.md", undated), ("d.md", dated))
    ]
    assert [m.path for m in sorted(matters, key=_report_order)] == ["d.md", "u.md"]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert release_report(matters[0], None, {}, now).split("\n")[1:] == [
        "u.md  undated  TSX: ACM",
        "  withheld: draft",
    ]


def test_a_sentence_missing_from_the_built_page_is_reported_at_its_source_line():
    from dateline.importer import parse_release
    from dateline.importer.sitecheck import verify_built_pages

    source = (
        "Acme Ships Its First Order\n\nTORONTO, May 1, 2020 /CNW/ - Acme Inc. (TSX: ACM) shipped"
        " its first order.\n\nThe order went to Perth, Western Australia, by sea and then by rail"
        " to the\nmine. Shipping took a week.\n"
    )
    release = parse_release(source, source="acme.txt")
    document = release.document()
    lost = document.replace("Shipping took a week.", "")
    assert lost != document
    checks = [PageCheck("acme.txt", source, doc, False, source) for doc in (document, lost)]
    problems = verify_built_pages(checks, str(ROOT / "pelicanconf.py"), ISSUER)
    assert [str(p) for p in problems] == [
        "acme.txt:6: verify: sentence not on the built page: 'Shipping took a week.'"
    ]
