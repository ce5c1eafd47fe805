"""The importer: raw .txt/.html releases -> Markdown + YAML, losing no sentence.

Fixtures are fictional issuers (plus the Almonty seed) in tests/fixtures/import/src;
expected/ holds the reviewed output. After a deliberate change, regenerate it with
`.venv/bin/python tests/test_importer.py --regenerate` and review the diff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

import markdown
import pytest

from dateline.content.exchanges import Ticker
from dateline.content.frontmatter import parse as parse_front_matter
from dateline.importer import (
    add_arguments,
    detect,
    detect_release_date,
    detect_tickers,
    missing_sentences,
    parse_release,
    run,
)
from dateline.importer.batch import read_source
from dateline.importer.blocks import Span
from dateline.importer.datelines import match_lead
from dateline.importer.tags import suggest_tags
from dateline.importer.tickers import release_tickers
from dateline.importer.titles import slugify, title_case
from dateline.importer.verify import normalise, rendered_text
from dateline.importer.writer import render_spans

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
SRC = FIXTURES / "src"
EXPECTED = FIXTURES / "expected"
SEED = SRC / "seed-almonty-2013.txt"
SEED_CONTENT = (
    ROOT / "content/releases/2013/2013-05-29-almonty-industries-inc-announces-completion.md"
)

D = dt.date
ISSUER_TICKERS = [
    Ticker("TSX", "KFR")
]  # what issuer.yaml would say, for sources that name no ticker
# fixture -> the front matter the importer must write (hand-checked against the source)
CASES = {
    "seed-almonty-2013.txt": {
        "title": "Almonty Industries Inc. Announces Completion of the Optimization of Milling "
                 "Operations "
        "at Los Santos and the Granting of Stock Options",
        "date": D(2013, 5, 29), "ticker": "TSXV: AII", "tags": ["stock-options", "operations"],
    },
    "cnw-options-legend.txt": {
        "title": "Fictional Gold Corp. Announces Grant of Incentive Stock Options",
        "date": D(2021, 3, 3),
        "ticker": "TSXV: FGC", "tags": ["stock-options"], "dateline": "Vancouver, British Columbia",
        "wire": "CNW",
    },
    "globenewswire-financing.txt": {
        "title": "Northwind Lithium Announces Closing of $6.5 Million Private Placement",
        "date": D(2022, 6, 14),
        "ticker": ["TSXV: NWL", "OTCQB: NWLIF", "FSE: 9NW"], "tags": ["financing"],
        "dateline": "Toronto, Ontario", "wire": "GLOBE NEWSWIRE",
    },
    "businesswire-production.txt": {
        "title": "Summit Ridge Energy Reports Record Quarterly Production", "date": D(2020, 9, 8),
        "ticker": "NYSE American: SRE", "tags": ["production"], "dateline": "Denver",
        "wire": "BUSINESS WIRE",
    },
    "accesswire-drilling.txt": {
        "title": "Maple Leaf Minerals Intersects 12.5 Metres of 3.2 g/t Gold at Birch Hill",
        "date": D(2021, 3, 3),
        "ticker": "CSE: MLM", "tags": ["drilling", "results"], "dateline": "Toronto, ON",
        "wire": "ACCESSWIRE",
    },
    "asx-quarterly.txt": {
        "title": "Coral Bay Resources Quarterly Activities Report for the Period Ended 30 June "
                 "2025",
        "date": D(2025, 7, 24), "ticker": ["ASX: CBR", "OTCQX: CBRRF"], "tags": ["reports"],
        "dateline": "Brisbane, Australia",
    },
    "perth-dmy-colon.txt": {
        "title": "Red Gum Metals Appoints Chief Financial Officer", "date": D(2024, 3, 12),
        "ticker": "ASX: RGM",
        "tags": ["corporate"], "dateline": "Perth, Western Australia",
    },
    "seedlike-tsx-venture.txt": {
        "title": "Larchwood Tungsten Ltd. Commissions New Flotation Circuit at the Kestrel Mill",
        "date": D(2015, 11, 2), "ticker": "TSXV: LWT", "tags": ["operations"],
    },
    "no-date.txt": {
        "title": "Blue Heron Copper Provides Corporate Update", "ticker": "TSXV: BHC",
        "tags": ["permitting"], "status": "draft",
    },
    "no-ticker.txt": {
        "title": "Kingfisher Renewables Signs Offtake Agreement", "date": D(2023, 1, 17),
        "ticker": "TSX: KFR",
        "tags": ["news"], "dateline": "Calgary, Alberta", "status": "draft",
    },
    "prnewswire-acquisition.txt": {
        "title": "Hudson Fictional Holdings to Acquire Riverbend Logistics", "date": D(2023, 1, 5),
        "ticker": "NASDAQ: HFH", "tags": ["acquisition"], "dateline": "New York",
        "wire": "PRNewswire",
    },
    "newsfile-silver.txt": {
        "title": "Granite Peak Silver Begins 2022 Exploration Program at Lynx Creek",
        "date": D(2022, 4, 7),
        "ticker": ["TSXV: GPS", "OTCQB: GPSVF"], "tags": ["exploration", "drilling"],
        "dateline": "Vancouver, British Columbia", "wire": "Newsfile Corp.",
    },
    "markdown-specials.txt": {
        "title": "Osprey Analytics Reports Results of Annual General Meeting",
        "date": D(2024, 5, 10),
        "ticker": "TSX: OSP", "tags": ["corporate"], "dateline": "Ottawa, Ontario", "wire": "CNW",
    },
    "cp1252-quebec.txt": {
        "title": "Société Fictive des Mines du Nord Annonce l’Attribution d’Options",
        "date": D(2019, 2, 1),
        "ticker": "TSX: SFX", "tags": ["stock-options"], "dateline": "Montréal, Québec",
        "wire": "CNW Telbec",
    },
    "ir-site-article.html": {
        "title": "Harbour Light Mining Declares First Quarterly Dividend", "date": D(2021, 10, 5),
        "ticker": ["TSX: HLM", "NYSE: HLMI"], "tags": ["dividends"],
        "dateline": "Halifax, Nova Scotia",
    },
    "globenewswire-page.html": {
        "title": "Tamarack Nickel Reports Drill Results from the Loon Lake Project",
        "date": D(2022, 8, 16),
        "ticker": "TSXV: TNC", "tags": ["drilling", "results"], "dateline": "Sudbury, Ontario",
        "wire": "GLOBE NEWSWIRE",
    },
    "businesswire-main.html": {
        "title": "Prairie Crest Energy Announces Appointment of Chief Operating Officer",
        "date": D(2024, 2, 22),
        "ticker": ["TSX: PCE", "OTCQX: PCEGF"], "tags": ["corporate"],
        "dateline": "Calgary, Alberta", "wire": "BUSINESS WIRE",
    },
    "accesswire-rolemain.html": {
        "title": "Silverline Copper Closes Acquisition of the Ravenhead Property",
        "date": D(2021, 3, 3),
        "ticker": "TSXV: SLC", "tags": ["acquisition"], "dateline": "Toronto, ON",
        "wire": "ACCESSWIRE",
    },
    "ir-site-meta-date.html": {
        "title": "Juniper Bay Gold Files Technical Report for Maskwa Project",
        "date": D(2023, 6, 30),
        "ticker": "CSE: JBG", "tags": ["resources"],
    },
}  # fmt: skip


def import_fixture(name: str):
    path = SRC / name
    text, problems = read_source(path)
    assert text is not None and not problems
    return parse_release(
        text, source=name, is_html=path.suffix == ".html", issuer_tickers=ISSUER_TICKERS
    )


def expected_path(release) -> Path:
    return EXPECTED / Path(release.relative_path).name


# --- every fixture: front matter, no sentence lost, reviewed output, reader accepts it ---------


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_front_matter(name):
    release = import_fixture(name)
    assert release.front_matter == CASES[name]
    assert list(release.front_matter) == [
        k
        for k in ("title", "date", "ticker", "tags", "dateline", "wire", "status")
        if k in CASES[name]
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_loses_no_sentence(name):
    release = import_fixture(name)
    document = release.document()
    assert missing_sentences(release.source_text, document, is_html=release.is_html) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_matches_reviewed_output(name):
    release = import_fixture(name)
    assert release.document() == expected_path(release).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", sorted(n for n in CASES if "ticker" in CASES[n] and CASES[n]["ticker"])
)
def test_fixture_passes_the_reader(name):
    release = import_fixture(name)
    matter = parse_front_matter(
        "x/releases/" + release.relative_path, release.document(), "release", dt.UTC
    )
    assert matter.problems == []
    if "date" in CASES[name]:
        assert matter.fields["date"].date() == CASES[name]["date"]
    else:  # an undated draft: no placeholder date, and the reader accepts it
        assert "date" not in matter.fields and matter.is_draft
        assert release.relative_path.startswith("undated/")


def test_at_least_fifteen_fictional_fixtures():
    sources = [p for p in SRC.iterdir() if p.name != SEED.name]
    assert len(sources) >= 15
    assert {p.suffix for p in sources} == {".txt", ".html"}


# --- the seed: sample content is the importer's output -------------------------------------


def test_seed_reimport_is_byte_identical_to_sample_content():
    release = import_fixture(SEED.name)
    assert SEED_CONTENT.name.endswith(release.relative_path.split("/")[1])
    assert release.document().encode("utf-8") == SEED_CONTENT.read_bytes()


def test_seed_keeps_legends_disclaimer_and_contacts_in_order():
    body = import_fixture(SEED.name).body_markdown
    markers = ["NOT FOR DISTRIBUTION", "Almonty Industries Inc. (“Almonty”)", "## About Almonty",
               "Dennis Logan", "Neither TSX Venture Exchange",
               "## Disclaimer for Forward-Looking Information",
               "THE FORWARD-LOOKING INFORMATION"]  # fmt: skip
    positions = [body.index(marker) for marker in markers]
    assert positions == sorted(positions)
    assert "$1.07" in body and "\\$" not in body
    assert "May 29, 2013 –" not in body  # the dateline went to the front matter


# --- problems: drafts, encodings, non-releases ------------------------------------------------


def test_missing_date_and_ticker_are_path_line_problems_with_a_hint():
    assert [str(p) for p in import_fixture("no-date.txt").problems] == [
        (
            "no-date.txt:3: date: expected a release date (a dateline such as 'VANCOUVER, May 29,"
            " 2013 –'), found nothing; the draft is in releases/undated/: add `date: YYYY-MM-DD` "
            "and"
            " move it to releases/YYYY/"
        )
    ]
    assert [str(p) for p in import_fixture("no-ticker.txt").problems] == [
        (
            'no-ticker.txt:3: ticker: expected a ticker such as "(TSXV: AII)", found nothing;'
            " assumed issuer.yaml's (TSX: KFR): check them"
        )
    ]
    document = import_fixture("no-ticker.txt").document()
    assert 'ticker: "TSX: KFR"  # assumed: the source names no ticker' in document


@pytest.mark.parametrize(
    "legend",
    [
        (
            "This news release is not for distribution to U.S. newswire services or for "
            "dissemination"
            " in the United States"
        ),
        (
            "THIS ANNOUNCEMENT IS RESTRICTED AND IS NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION"
            " IN THE UNITED STATES"
        ),
        "TheNewswire",
        "NEWS RELEASE",
        "GlobeNewswire",
        "Regulatory Story\nGo to market news section",
        "Greywacke Energy Ltd.\nTSXV Symbol - GRW",
        "Company Name: Acme Gold plc\nHeadline: Placing\nReleased: 07:00 04-Mar-2025",
        "FORM 8-K\n\nCURRENT REPORT\n\nExhibit 99.1",
    ],
)
def test_a_legend_or_the_wires_name_is_never_the_title(legend):
    source = (
        f"{legend}\n\nAcme Gold Closes Private Placement\n\nVancouver, BC – TheNewswire - March 3,"
        " 2021 – Acme Gold Corp. (TSXV: ACM) has closed its private placement of 5,000,000 units.\n"
    )
    release = parse_release(source, source="acme.txt")
    assert release.front_matter["title"] == "Acme Gold Closes Private Placement"
    alone = parse_release(
        source.replace("Acme Gold Closes Private Placement\n\n", ""), source="a.txt"
    )
    assert alone.front_matter["title"] != legend and alone.front_matter["status"] == "draft"
    assert [p.field for p in alone.problems] == ["title"]


@pytest.mark.parametrize(
    "title, headline",
    [
        (
            "GlobeNewswire - Tamarack Nickel Reports Drill Results",
            "Tamarack Nickel Reports Drill Results",
        ),
        ("Quillfeather Reports Q2 | GlobeNewswire", "Quillfeather Reports Q2"),
        (
            "News Releases | Bluestem Wind Signs Agreement | Bluestem Wind Inc.",
            "Bluestem Wind Signs Agreement",
        ),
    ],
)
def test_page_title_headline_is_never_the_wire_or_the_site_section(title, headline):
    from dateline.importer.html import _title_headline

    assert _title_headline(title) == headline


def test_a_header_block_dates_an_rns_and_an_alias_line_marks_its_headline():
    source = (
        "RNS Number : 5521B\nAcme Oil plc\n04 March 2025\n\nAcme Oil plc\n\n"
        '("Acme" or "the Company")\n\nFinal Results\n\nAcme Oil plc, the onshore oil producer, '
        'announces'
        " its results for the year ended 31 December 2024.\n"
    )
    release = parse_release(source, source="acme.txt", issuer_tickers=[Ticker("AIM", "ACO")])
    assert release.front_matter["title"] == "Final Results"
    assert release.front_matter["date"] == D(2025, 3, 4)
    assert "RNS Number" in release.body_markdown  # the header block stays in the body
    # a paragraph holding a date is no header block: the release stays undated
    prose = source.replace("04 March 2025",
                           "on 04 March 2025 the board met and agreed the accounts")
    assert "date" not in parse_release(prose, source="a.txt",
                                       issuer_tickers=[Ticker("AIM", "ACO")]).front_matter


def test_an_8k_cover_yields_to_the_exhibit_headline_and_its_dateline():
    cover = "\n\n".join(
        ["FORM 8-K", "Date of Report (Date of earliest event reported): June 2, 2024"]
        + [f"Item {n}.01 Something the registrant reports." for n in range(1, 12)]
        + ["Exhibit 99.1", "Acme Opens a Plant",
           "AUSTIN, Texas, June 3, 2024 (GLOBE NEWSWIRE) -- Acme Inc."
           " (NASDAQ: ACME) opened a plant today in Austin."]
    )  # fmt: skip
    release = parse_release(cover, source="acme.txt")
    assert (release.front_matter["title"], release.front_matter["date"]) == (
        "Acme Opens a Plant",
        D(2024, 6, 3),
    )
    alone = parse_release(cover.rsplit("\n\n", 1)[0]
                          + "\n\nAcme Inc. opened a plant today in Austin, Texas.", source="a.txt",
                          default_ticker=Ticker("NASDAQ", "ACME"))  # fmt: skip
    assert alone.front_matter["date"] == D(2024, 6, 2)  # no dateline: the report's date


def test_not_a_release_is_reported():
    release = parse_release("Shopping list\n", source="list.txt")
    assert not release.is_release
    assert [p.field for p in release.problems] == ["release"]


def test_cp1252_is_read_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        text, problems = read_source(SRC / "cp1252-quebec.txt")
    assert problems == [] and "Québec" in text and "“We thank" in text
    assert "cp1252-quebec.txt" in caplog.text and "Windows-1252" in caplog.text


def test_undecodable_bytes_are_a_problem(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"HEADLINE\n\nok\n\x81\x8d broken")
    text, problems = read_source(path)
    assert text is None
    assert [str(p) for p in problems] == [
        f"{path}:4: encoding: expected UTF-8 or Windows-1252 text, found byte 0x81"
    ]


# --- the command: batch, never overwrite, idempotent, dry run, verify ------------------------


def run_import(argv, capsys):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    code = run(parser.parse_args(argv))
    out, err = capsys.readouterr()
    return code, out, err


def issuer_file(tmp_path) -> Path:
    """A minimal issuer profile whose ticker a source that names none is assumed to carry."""
    path = tmp_path / "issuer.yaml"
    path.write_text('name: Kingfisher Renewables Inc.\ntickers: ["TSX: KFR"]\n', encoding="utf-8")
    return path


def test_batch_goes_on_and_reports_every_problem(tmp_path, capsys):
    out = tmp_path / "releases"
    issuer = str(issuer_file(tmp_path))
    code, stdout, stderr = run_import([str(SRC), "--out", str(out), "--issuer", issuer], capsys)
    assert code == 1  # not-a-release.txt was refused
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert len(written) == len(CASES)  # every other source, drafts included
    assert "undated/blue-heron-copper-provides-corporate-update.md" in written
    assert f"{SRC / 'no-date.txt'}:3: date: expected a release date" in stderr
    assert f"{SRC / 'not-a-release.txt'}:1: release: expected release text" in stderr
    assert stderr.count("\n") == 3 and "verify" not in stderr  # date, ticker, release
    for path in out.rglob("*.md"):
        assert path.read_bytes() == (EXPECTED / path.name).read_bytes()
    assert row(stdout, "not-a-release.txt")[:2] == ["skipped", "refused"]
    assert row(stdout, "no-date.txt")[:2] + row(stdout, "no-date.txt")[-1:] == [
        "drafted",
        "wrote",
        "date",
    ]
    assert stdout.rstrip().endswith(
        f"{len(CASES) + 1} source(s): 17 imported, 2 drafted, 1 skipped"
    )


def row(stdout: str, name: str) -> list[str]:
    """The report table's row for a source, split into words."""
    return next(line.split() for line in stdout.splitlines() if name in line)


def test_report_as_json_lists_every_source_with_why(tmp_path, capsys):
    out = tmp_path / "releases"
    code, stdout, _ = run_import(
        [
            str(SRC),
            "--out",
            str(out),
            "--issuer",
            str(issuer_file(tmp_path)),
            "--json",
            "--dry-run",
        ],
        capsys,
    )
    report = json.loads(stdout)
    assert code == 1 and report["counts"] == {"imported": 17, "drafted": 2, "skipped": 1}
    by_name = {Path(entry["source"]).name: entry for entry in report["sources"]}
    assert by_name["no-date.txt"]["result"] == "drafted"
    assert by_name["no-date.txt"]["file"].endswith(
        "undated/blue-heron-copper-provides-corporate-update.md"
    )
    assert by_name["no-date.txt"]["problems"][0].endswith(
        "found nothing; the draft is in releases/undated/:"
        " add `date: YYYY-MM-DD` and move it to releases/YYYY/"
    )
    assert (
        by_name["not-a-release.txt"]["result"] == "skipped"
        and by_name["not-a-release.txt"]["file"] is None
    )
    assert by_name["seed-almonty-2013.txt"] | {"file": None} == {
        "source": str(SEED),
        "result": "imported",
        "action": "would write",
        "file": None,
        "problems": [],
        "notes": [],
    }
    assert not out.exists()


def test_reimport_is_unchanged_and_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "releases"
    assert run_import([str(SEED), "--out", str(out)], capsys)[0] == 0
    target = out / "2013" / SEED_CONTENT.name
    first = target.read_bytes()
    code, stdout, _ = run_import([str(SEED), "--out", str(out)], capsys)
    assert code == 0 and row(stdout, SEED.name)[:2] == ["imported", "unchanged"]
    assert target.read_bytes() == first
    target.write_text(first.decode() + "hand edit\n", encoding="utf-8")
    code, stdout, stderr = run_import([str(SEED), "--out", str(out)], capsys)
    assert (
        code == 1
        and "use --force to overwrite" in stderr
        and target.read_text().endswith("hand edit\n")
        and row(stdout, SEED.name)[:2] == ["skipped", "conflict"]
    )
    code, stdout, _ = run_import([str(SEED), "--out", str(out), "--force"], capsys)
    assert code == 0 and row(stdout, SEED.name)[:2] == ["imported", "overwrote"]
    assert target.read_bytes() == first


def test_dry_run_writes_nothing(tmp_path, capsys):
    out = tmp_path / "releases"
    code, stdout, _ = run_import([str(SEED), "--out", str(out), "--dry-run"], capsys)
    assert code == 0 and row(stdout, SEED.name)[:3] == ["imported", "would", "write"]
    assert not out.exists()


def test_same_date_and_headline_get_distinct_files_and_duplicates_are_skipped(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "c.txt").write_bytes(
        SEED.read_bytes().replace(b"100,000 options", b"200,000 options")
    )
    code, stdout, _ = run_import([str(tmp_path), "--out", str(tmp_path / "o")], capsys)
    written = sorted(p.name for p in (tmp_path / "o").rglob("*.md"))
    duplicate = next(line for line in stdout.splitlines() if "b.txt" in line)
    assert code == 0 and duplicate.split()[:2] == ["skipped", "duplicate"]
    assert duplicate.endswith("the same release as an earlier source in this batch")
    second = SEED_CONTENT.name.replace(".md", "-2.md")
    assert written == sorted([SEED_CONTENT.name, second])
    assert "200,000 options" in (tmp_path / "o/2013" / second).read_text(encoding="utf-8")


def test_default_ticker_option_fills_a_missing_ticker(tmp_path, capsys):
    code, _, stderr = run_import(
        [str(SRC / "no-ticker.txt"), "--out", str(tmp_path), "--ticker", "TSX: KFR"], capsys
    )
    assert code == 0 and stderr == ""
    written = next(tmp_path.rglob("*.md")).read_text(encoding="utf-8")
    assert 'ticker: "TSX: KFR"' in written and "status: draft" not in written


# --- verify can fail -----------------------------------------------------------------------


def test_verify_reports_a_dropped_sentence():
    release = import_fixture(SEED.name)
    document = release.document().replace(" The options vest immediately.", "")
    assert missing_sentences(release.source_text, document) == ["The options vest immediately."]


def test_verify_catches_markdown_that_changes_the_text():
    source = (
        "Acme Reports\n\nTORONTO, May 1, 2020 /CNW/ - Acme Inc. (TSX: ACM) ships the *core*"
        " product to miners.\n\nShipments begin in June across Canada and Australia.\n"
    )
    release = parse_release(source, source="acme.txt")
    assert missing_sentences(source, release.document()) == []
    broken = release.document().replace("\\*core\\*", "*core*")
    assert missing_sentences(source, broken) == [
        "Acme Inc. (TSX: ACM) ships the *core* product to miners."
    ]


def test_verify_rejects_a_dateline_whose_date_was_not_recorded():
    release = import_fixture("cnw-options-legend.txt")
    document = release.document().replace("date: 2021-03-03", "date: 2021-03-04")
    assert any(
        s.startswith("VANCOUVER, British Columbia, March 3, 2021 /CNW/")
        for s in missing_sentences(release.source_text, document)
    )


# --- detectors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead, date, place",
    [
        ("May 29, 2013 – Almonty Industries Inc. is pleased", D(2013, 5, 29), None),
        ("Toronto, Ontario, May 29, 2013 /CNW/ - Almonty Industries Inc. is pleased",
         D(2013, 5, 29), "Toronto, Ontario"),
        ("Brisbane, Australia – July 24, 2025 – Coral Bay Resources Limited", D(2025, 7, 24),
         "Brisbane, Australia"),
        ("TORONTO, ON / ACCESSWIRE / March 3, 2021 / Maple Leaf Minerals Ltd.", D(2021, 3, 3),
         "TORONTO, ON"),
        ("DENVER--(BUSINESS WIRE)--Sep. 8, 2020--Summit Ridge Energy Corp. today", D(2020, 9, 8),
         "DENVER"),
        ("SUDBURY, Ontario, Aug. 16, 2022 (GLOBE NEWSWIRE) -- Tamarack Nickel", D(2022, 8, 16),
         "SUDBURY, Ontario"),
        ("PERTH, WESTERN AUSTRALIA, 12 March 2024: Red Gum Metals Ltd", D(2024, 3, 12),
         "PERTH, WESTERN AUSTRALIA"),
        ("Vancouver, British Columbia--(Newsfile Corp. - April 7, 2022) - Granite Peak",
         D(2022, 4, 7), "Vancouver, British Columbia"),
        ("NEW YORK, Jan. 5, 2023 8:30 AM ET /PRNewswire/ -- Hudson Fictional", D(2023, 1, 5),
         "NEW YORK"),
        ("February 11, 2025 – TheNewswire – Vancouver, British Columbia – Ashgrove Silver",
         D(2025, 2, 11), "Vancouver, British Columbia"),
        ("February 11, 2025 / TheNewswire / Vancouver, BC / Ashgrove Silver", D(2025, 2, 11),
         "Vancouver, BC"),
        ("Saskatoon, Saskatchewan – TheNewswire - June 11, 2024 – Prairie Oat", D(2024, 6, 11),
         "Saskatoon, Saskatchewan"),
        ("Calgary, Alberta and New York, NY TheNewswire – June 11, 2024 — Above Fictional",
         D(2024, 6, 11), "Calgary, Alberta and New York, NY"),
        ("Toronto, Ontario–(Newsfile Corp. – May 1, 2023) – Fernhollow", D(2023, 5, 1),
         "Toronto, Ontario"),
        ("Tuesday, September 10, 2026 – Acme Inc. announced", D(2026, 9, 10), None),
        ("Toronto, Ontario (February 3, 2012) – Bold Fictional Inc. (TSX.V: BFI) said",
         D(2012, 2, 3), "Toronto, Ontario"),
        ("TORONTO and NEW YORK, June 30, 2022 /CNW/ – Mountain Fictional Inc.", D(2022, 6, 30),
         "TORONTO and NEW YORK"),
        ("Vancouver, B.C., March 3, 2021. Acme Gold Corp. announces", D(2021, 3, 3),
         "Vancouver, B.C."),
        ("FOR IMMEDIATE RELEASE – March 3, 2021 – Acme Gold Corp. announces", D(2021, 3, 3), None),
        ("PHOENIX, Feb. 4, 2025 08:00 AM Eastern Standard Time -- Copperline", D(2025, 2, 4),
         "PHOENIX"),
        # issue 13, round 2
        ("DUBLIN, Ireland, Tuesday, 4 March 2025 /PRNewswire/ -- Lisheen plc", D(2025, 3, 4),
         "DUBLIN, Ireland"),
        ("GAITHERSBURG, MD -- (Marketwired) -- 08/05/13 -- Sorrel Networks, Inc.", D(2013, 8, 5),
         "GAITHERSBURG, MD"),
        ("/EIN News/ -- Denver, Colorado, May 19, 2020 (GLOBE NEWSWIRE) -- via NEWMEDIAWIRE -- "
         "Juniper", D(2020, 5, 19), "Denver, Colorado"),
        # issue 13, round 3
        ("London, 4th of March 2025 – Kestrel Fictional plc (AIM: KFP) announces", D(2025, 3, 4),
         "London"),
        ("VANCOUVER, BC, March 4,2025 /CNW/ - Acme Fictional Corp. (TSXV: ACF)", D(2025, 3, 4),
         "VANCOUVER, BC"),
        ("May 8, 2003...Greystone Fictional Ltd. (TSX-GRY) reported", D(2003, 5, 8), None),
    ],
)  # fmt: skip
def test_dateline_forms(lead, date, place):
    found = match_lead(lead)
    assert found is not None and (found.date, found.place) == (date, place)
    assert detect_release_date("HEADLINE OF A RELEASE\n\n" + lead + " more text.\n") == date


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 29, 2013 - the Company granted options.",
        "The Company said on March 3, 2021 that it would drill.",
        "Results for the quarter ended March 31, 2021: revenue rose.",
        (
            "Acme Ltd. (TSX Venture: ACM) is pleased to say its mill was commissioned on October "
            "28,"
            " 2015. The circuit works."
        ),
        "Acme Inc. (Nasdaq: ACME) today reported results for the quarter ended June 30, 2024.",
        "The offer closes 08/05/13 -- subject to approval.",  # figures are a date only after a wire
        "PRESS RELEASE GlobeNewswire Nov. 15, 2021, 08:00 AM -- page chrome, not a place",
    ],
)
def test_dates_inside_sentences_are_not_datelines(sentence):
    assert match_lead(sentence) is None
    assert detect_release_date("HEADLINE\n\n" + sentence + "\n") is None


@pytest.mark.parametrize(
    "text, tickers",
    [
        ("Almonty (TSXV: AII) said", [("TSXV", "AII")]),
        ("Lago (TSX-V: LGC) said", [("TSXV", "LGC")]),
        ("ADY Corp (TSX Venture: ADY) said", [("TSXV", "ADY")]),
        ("Bluegum (ASX: BGD; OTCQX: BGDFF) said", [("ASX", "BGD"), ("OTCQX", "BGDFF")]),
        ("XYZ Inc. (NYSE American: XYZ) said", [("NYSE American", "XYZ")]),
        ("Nord (NYSE MKT: NRD, Frankfurt: N1D) said", [("NYSE American", "NRD"), ("FSE", "N1D")]),
        ("Red Gum Metals Ltd (ASX:RGM) and later TSX-V: AII", [("ASX", "RGM"), ("TSXV", "AII")]),
        ("Call (647) 478-5308 or email: info; Telephone: 555", []),
        (
            "(Canadian Securities Exchange: ABC) (Frankfurt Stock Exchange: XYZ)",
            [("CSE", "ABC"), ("FSE", "XYZ")],
        ),
        ("(Cboe Canada: ABC) (OTCQB Venture Market: ABCD)", [("NEO", "ABC"), ("OTCQB", "ABCD")]),
        ("Constantine Fictional Ltd. (TSX Venture CFL) said", [("TSXV", "CFL")]),
        (
            "(GMX – Toronto Stock Exchange, G1MN – Frankfurt, GLBXF – OTCQX International)",
            [("TSX", "GMX"), ("FSE", "G1MN"), ("OTCQX", "GLBXF")],
        ),
        ("(ELEC-TSXV) and (Gold Hill) (Toronto HQ) (the Company)", [("TSXV", "ELEC")]),
        # issue 13, round 2: plain OTC is the generic market, never a guessed tier
        ("(CSE:MPW) (OTC:MPWEF) and (OTC Pink: ABCDF)",
         [("CSE", "MPW"), ("OTC", "MPWEF"), ("OTC Pink", "ABCDF")]),
        ("Bracken Foods Inc. (TSX - BRK) (OTCQX: BRKSF)", [("TSX", "BRK"), ("OTCQX", "BRKSF")]),
        ("New Horizon Minerals Limited (LSE/ASX: NHM)", [("LSE", "NHM"), ("ASX", "NHM")]),
        ("( TSXV:HBM) | ( OTCQB:HBMTF) | ( FSE:7HB)",
         [("TSXV", "HBM"), ("OTCQB", "HBMTF"), ("FSE", "7HB")]),
        ("Greywacke Energy Ltd.\nTSXV Symbol - GRW", [("TSXV", "GRW")]),
        ("ASX share code: SIR\nJSE share code: SIW", [("ASX", "SIR"), ("JSE", "SIW")]),
        ("Emberlight Minerals plc\nTicker: EML\nIndex: AIM\nSector: Mining", [("AIM", "EML")]),
        ("New Horizon Minerals Limited / Index: LSE & ASX / Epic: NHM / Sector: Mining",
         [("LSE", "NHM"), ("ASX", "NHM")]),
        ("Ticker: EML\nIndex: Mining Weekly", []),  # an unknown market is no listing
        ("TIDM: HGP\nHeadline: Placing", []),  # a symbol with no market named is not guessed
        ("(Toronto - HQ) (2019 - 2021)", []),
        # issue 13, round 3: the symbol first, old market names, form cells, conventions
        ("Red Pine Fictional Inc. (RPG:TSX-V, LSE:RPG)", [("TSXV", "RPG"), ("LSE", "RPG")]),
        ("(OTCBB: MVGC) and OTCBB Symbol: IGPLF", [("OTC Pink", "MVGC"), ("OTC Pink", "IGPLF")]),
        ("Corrie Mining (TSE:CRM) (AMEX:CRQ)", [("TSX", "CRM"), ("NYSE American", "CRQ")]),
        ("May 8, 2003...Greystone Fictional Ltd. (TSX-GRY) and (TSX-V)", [("TSX", "GRY")]),
        ("| NEWS RELEASE |\n| ALG: TSX |\n| AGN: AMEX |",
         [("TSX", "ALG"), ("NYSE American", "AGN")]),
        ("(NASDAQ: QRTX | TSXV: QRTX | Frankfurt: 4QR WKN: A3QRT9)",
         [("NASDAQ", "QRTX"), ("TSXV", "QRTX"), ("FSE", "4QR")]),
        ("| 1.3 | *ASX issuer code | WMR |", [("ASX", "WMR")]),
        ("1.3\n*ASX issuer code\nWMR\n1.4", [("ASX", "WMR")]),
        ("Jade Fictional Holdings Limited\n(Stock Code: 1867)", [("HKEX", "1867")]),
        ("ISIN: ZAE000219912 Share code: UMYBEE", [("JSE", "UMYBEE")]),
        ("Share code: UMYBEE", []),  # without a South African ISIN the market is not named
        ("Hollyfield (AIM: HSH.L) and (OTCQB®: HLYFF)", [("AIM", "HSH"), ("OTCQB", "HLYFF")]),
        ("(CNSX: ABC) (Nasdaq Capital Market: ABCD)", [("CSE", "ABC"), ("NASDAQ", "ABCD")]),
        ("Its shares trade on the TSX Venture Exchange under the symbol \"ABC\".",
         [("TSXV", "ABC")]),
        ("quoted on the ASX under the code XYZ and on the OTCQB Venture Market under the symbol "
         "XYZZF", [("ASX", "XYZ"), ("OTCQB", "XYZZF")]),
        ("listed on Nasdaq under the ticker symbol ABCD", [("NASDAQ", "ABCD")]),
        ("meet on the Board under the chair of A and on the Gold Hill under the code B", []),
    ],
)  # fmt: skip
def test_ticker_spellings(text, tickers):
    assert detect_tickers(text) == [Ticker(*pair) for pair in tickers]


@pytest.mark.parametrize(
    "text, issuer, tickers",
    [
        ('Northwind (TSXV: NWL) (OTCQB: NWLIF) (FSE: 9NW) ("Northwind")', [],
         [("TSXV", "NWL"), ("OTCQB", "NWLIF"), ("FSE", "9NW")]),
        ("Acme (TSXV: ACM) agreed with Beta Corp. (TSX: BTA) to sell", [], [("TSXV", "ACM")]),
        ("Acme (TSXV: ACM) Grants Options\n\nAcme (TSXV: ACM; OTCQB: ACMGF) granted", [],
         [("TSXV", "ACM"), ("OTCQB", "ACMGF")]),
        ('Above (the "Company") and Bite Corp. (NYSE American: BITE) ... Above (CSE: ABV)',
         [Ticker("CSE", "ABV")], [("CSE", "ABV")]),
        ("TSX-V Symbol: WBM\nOTCQX Symbol: WBMCF\n\nApril 3, 2019", [],
         [("TSXV", "WBM"), ("OTCQX", "WBMCF")]),
        ("(CSE:FERN)(OTCQB:FRNLF)(FRA:8FH) (“Fernhollow” or the “Company”) is", [],
         [("CSE", "FERN"), ("OTCQB", "FRNLF"), ("FSE", "8FH")]),
    ],
)  # fmt: skip
def test_release_tickers_are_the_issuers_not_a_partners(text, issuer, tickers):
    assert release_tickers(text, issuer) == [Ticker(*pair) for pair in tickers]


@pytest.mark.parametrize(
    "line, date",
    [
        ("Release Date: 30/04/2025 08:50", D(2025, 4, 30)),
        ("Announced on: 24/12/2012 15:54:48", D(2012, 12, 24)),
        ("2024/04/29 08:30:00", D(2024, 4, 29)),
        ("16/08/2019 8:00am", None),  # figures with no label and the day first: not a stamp
        ("| 1.5 | *Date of this announcement | 8 July 2020 |", D(2020, 7, 8)),
        ("Date of this announcement          8 July 2020", D(2020, 7, 8)),
        ("Published: 14:32 04 Mar 2025", D(2025, 3, 4)),
        ("Date: 12/31/2024", D(2024, 12, 31)),  # the day cannot be 31st month: month first
        ("Last updated: 24/12/2012", None),  # an update is not the release
        ("The offer closes 30/04/2025 at noon.", None),
        ("| 2.2 | *+Issue date | 7 July 2020 |", None),
    ],
)
def test_page_stamps_and_labelled_rows(line, date):
    assert detect.stamp_date(line) == date


@pytest.mark.parametrize(
    "text, date",
    [
        ("A HEADLINE\n\nPosted 03/04/2025\n\nAcme Ltd. (ASX: ACM) reports on its quarter, ended in "
         "March.\n", D(2025, 4, 3)),
        ("A HEADLINE\n\nPosted 03/04/2025\n\nAcme Inc. (NASDAQ: ACME) reports on its quarter, "
         "ended in March.\n", D(2025, 3, 4)),
        ("A HEADLINE\n\nPosted 03/04/2025\n\nAcme Ltd. said on March 4, 2025 that it would "
         "drill.\n", D(2025, 3, 4)),
    ],
)  # fmt: skip
def test_a_figure_stamp_is_read_in_the_releases_order(text, date):
    assert detect_release_date(text) == date


def test_yearless_pr_newswire_dateline_takes_the_stamps_year():
    lead = "SAN JOSE, Calif., June 14 /PRNewswire-FirstCall/ -- Orcadia Fictional Corp. said"
    assert detect.match_yearless_lead(lead, D(2005, 6, 15)).date == D(2005, 6, 14)
    assert detect.match_yearless_lead(lead.replace("June 14", "Dec. 30"),
                                      D(2006, 1, 2)).date == D(2005, 12, 30)
    assert detect.match_yearless_lead("The June 14 meeting /PRNewswire/ -- x",
                                      D(2005, 6, 15)) is None
    text = ("Orcadia Fictional Receives Notice\n\nJun 15, 2005 12:54PM\nPR Newswire (US)\n\n"
            + lead + " more.\n")
    assert detect_release_date(text) == D(2005, 6, 14)


@pytest.mark.parametrize(
    "text, date",
    [
        ("JADE LIMITED\n(Stock Code: 1867)\n\nNEW LICENCE\n\nThe Board is pleased to say so.\n\n"
         "By order of the Board\nLam Wai Ming\n\nHong Kong, 18 October 2019\n", D(2019, 10, 18)),
        ("Appendix 3G\n\n" + "Part\n\n" * 13
         + "| 1.5 | *Date of this announcement | 8 July 2020 |\n", D(2020, 7, 8)),
        ("RESULTS OF MEETING\n\nAll resolutions were passed by the requisite majority today.\n\n"
         "Johannesburg\n12 May 2021\n", D(2021, 5, 12)),
        ("A HEADLINE\n\nShare option exercises are set out in the announcements linked below:\n"
         "Issue of Equity, 9 October 2023\n", None),
    ],
)  # fmt: skip
def test_a_release_dated_only_below_its_news(text, date):
    assert detect_release_date(text) == date


def test_title_case_keeps_wording_and_acronyms():
    caps = "ACME U.S. HOLDINGS FILES NI 43-101 REPORT ON THE TSXV: ACM PEA AND APPOINTS CFO"
    cased = title_case(caps, {"ACM"})
    assert (
        cased == "Acme U.S. Holdings Files NI 43-101 Report on the TSXV: ACM PEA and Appoints CFO"
    )
    assert cased.upper() == caps


def test_slug_is_short_ascii_and_cut_at_a_word():
    slug = slugify(
        "Société Fictive Announces the Completion of the Optimization of Milling Operations at Los "
        "Santos"
    )
    assert slug == "societe-fictive-announces-the-completion-of-the-optimization"
    assert len(slug) <= 60


def test_tags_fall_back_to_news():
    assert suggest_tags("Acme Announces Webinar", "Acme will host a webinar.") == ["news"]
    assert suggest_tags("Acme Grants Stock Options", "Acme granted options.") == ["stock-options"]


@pytest.mark.parametrize(
    "line",
    ["#1 in *gold* and snake_case", "1. not a list", "- not a bullet", "> not a quote", "===",
     "---",
     "[1] {note} `code` <b>x</b> &copy; a\\b", ": colon", "+ plus", "2024. A year"],
)  # fmt: skip
def test_escaped_text_renders_as_written(line):
    rendered = rendered_text(render_spans([Span(line)]))
    assert normalise(rendered) == normalise(line)
    assert markdown.markdown(render_spans([Span(line)])).startswith("<p>")


# --- regenerate reviewed outputs ---------------------------------------------------------


def regenerate() -> None:
    """Rewrite expected/ from the current importer (review the diff before committing)."""
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name in sorted(CASES):
        release = import_fixture(name)
        expected_path(release).write_text(release.document(), encoding="utf-8", newline="\n")
        print("wrote", expected_path(release).relative_to(ROOT))


if __name__ == "__main__" and "--regenerate" in sys.argv:
    regenerate()
