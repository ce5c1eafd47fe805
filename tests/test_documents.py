"""The documents library: strict validation with path:line: field, and drafts/embargoes left out."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.content.documents import human_size, load_documents
from dateline.errors import DatelineError

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)
GOOD = """\
- key: annual-2024
  title: Annual report 2024
  date: 2025-03-01
  kind: annual-report
  file: annual-2024.pdf
  release: seed
"""


def site(tmp_path, text, files=("annual-2024.pdf",)):
    folder = tmp_path / "documents"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"%PDF-1.4\n" + b"x" * 1191)
    (folder / "documents.yaml").write_text(text)
    return tmp_path


def problems(tmp_path, text, **kwargs):
    with pytest.raises(DatelineError) as caught:
        load_documents(site(tmp_path, text, **kwargs), release_slugs={"seed"}, now=NOW,
                       path_label="documents.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_valid_document_is_loaded(tmp_path):
    docs = load_documents(site(tmp_path, GOOD), release_slugs={"seed"}, now=NOW)
    doc = docs["annual-2024"]
    assert (doc.url, doc.format, doc.size_bytes, doc.kind) == (
        "documents/annual-2024.pdf", "PDF", 1200, "annual-report")
    assert doc.date == dt.date(2025, 3, 1) and doc.release == "seed" and doc.lang == "en"


@pytest.mark.parametrize("old, new, wanted", [
    ("  release: seed\n", "  colour: red\n", "documents.yaml:6: [0].colour: unknown field"),
    ("file: annual-2024.pdf", "file: missing.pdf",
     "documents.yaml:5: [0].file: expected a file at content/documents/missing.pdf"),
    ("kind: annual-report", "kind: novel", "documents.yaml:4: [0].kind: expected one of"),
    ("date: 2025-03-01", "date: 2025-13-01", "documents.yaml:3: [0].date: expected a date"),
    ("release: seed", "release: nope", "documents.yaml:6: [0].release: no release has the slug"),
    ("file: annual-2024.pdf", "file: ../x.pdf", "documents.yaml:5: [0].file: expected a file name"),
])
def test_each_mistake_is_reported_at_its_line(tmp_path, old, new, wanted):
    found = problems(tmp_path, GOOD.replace(old, new))
    assert len(found) == 1 and found[0].startswith(wanted), found


def test_a_duplicate_key_is_reported(tmp_path):
    found = problems(tmp_path, GOOD + GOOD.replace("title: Annual", "title: Other"))
    assert found == ["documents.yaml:7: [1].key: duplicate key 'annual-2024' (first on line 1)"]


def test_a_missing_required_field_is_reported(tmp_path):
    found = problems(tmp_path, GOOD.replace("  title: Annual report 2024\n", ""))
    assert found == ["documents.yaml:1: [0].title: required"]


@pytest.mark.parametrize("extra", ["  status: draft\n", "  embargo: 2025-07-01T09:00:00-04:00\n"])
def test_canary_draft_and_embargoed_documents_are_left_out(tmp_path, extra):
    assert load_documents(site(tmp_path, GOOD + extra), now=NOW) == {}


def test_a_lifted_embargo_publishes(tmp_path):
    text = GOOD + "  embargo: 2025-05-01T09:00:00-04:00\n"
    assert list(load_documents(site(tmp_path, text), now=NOW)) == ["annual-2024"]


def test_human_sizes():
    assert [human_size(n) for n in (512, 1200, 1_234_567)] == ["512 B", "1.2 KB", "1.2 MB"]


def test_filing_links_are_validated_and_built():
    from dateline.content.issuer import parse_issuer

    base = "name: Example Corp\ntickers: [TSX:EX]\n"
    issuer = parse_issuer(base + "sedar_profile: '000012345'\nedgar_cik: '0001234567'\n")
    assert [label for label, _ in issuer.filing_links] == ["SEDAR+ filings", "SEC EDGAR filings"]
    assert issuer.filing_links[1][1].endswith("action=getcompany&CIK=0001234567")
    with pytest.raises(DatelineError) as caught:
        parse_issuer(base + "edgar_cik: '12345'\n", "issuer.yaml")
    assert str(caught.value.problems[0]).startswith("issuer.yaml:3: edgar_cik: expected an EDGAR")
