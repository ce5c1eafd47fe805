"""The fast indexing paths write and read exactly what Whoosh's own paths do."""

import pytest
from whoosh import formats

from dateline.search import postings, writer
from dateline.search.export import export_index
from dateline.search.index import open_index, update_index
from dateline.search.schema import TEXT_FIELDS, ReleasePositions, build_analyzer
from search_support import make_releases

TEXTS = [
    "The Company is pleased to announce drilling results: 12.5 g/t Au over 3.2 m at Hole A-12.",
    "a an the of and it is I x y ÆON Ünïcödé e.g. U.S.A. running runs ran re-run",
    "",
    "the the the of of",  # only stop words
    "Option options optioned; option OPTION.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_release_positions_equal_whoosh_positions(text):
    analyzer = build_analyzer()
    ours = list(ReleasePositions(field_boost=2.0).word_values(text, analyzer, mode="index"))
    theirs = list(formats.Positions(field_boost=2.0).word_values(text, analyzer, mode="index"))
    assert sorted(ours) == sorted(theirs)
    for word, freq, weight, value in ours:
        decoded = formats.Positions().decode_positions(value)
        gaps = ReleasePositions.position_deltas(value)
        assert ReleasePositions.block_position_deltas([value, value]) == gaps + gaps
        assert [sum(gaps[:i + 1]) for i in range(len(gaps))] == decoded and len(decoded) == freq


def index_contents(index_dir):
    """Everything a search reads: stored fields in docnum order, and every posting."""
    ix, _ = open_index(index_dir)
    with ix.reader() as reader:
        stored = [reader.stored_fields(n) for n in sorted(reader.all_doc_ids())]
        terms = {}
        for field in TEXT_FIELDS:
            for term in reader.field_terms(field):
                matcher = reader.postings(field, term)
                rows = []
                while matcher.is_active():
                    rows.append((matcher.id(), matcher.weight(), matcher.value(),
                                 reader.doc_field_length(matcher.id(), field)))
                    matcher.next()
                terms[field, term] = rows
        lengths = {f: reader.field_length(f) for f in TEXT_FIELDS}
    return stored, terms, lengths


@pytest.fixture(scope="module")
def releases():
    return make_releases(240, seed=21)


def test_parallel_writer_equals_one_process(tmp_path, releases, monkeypatch):
    update_index(tmp_path / "serial", releases)
    monkeypatch.setattr(writer, "PARALLEL_MIN", 10)
    monkeypatch.setattr(writer, "SLICE_DOCS", 120)
    assert writer.worker_count(len(releases), cores=2) == 2
    update_index(tmp_path / "parallel", releases, cores=2)
    ix, _ = open_index(tmp_path / "parallel")
    assert len(ix._segments()) == 2  # one per slice, joined in slice order
    assert index_contents(tmp_path / "parallel") == index_contents(tmp_path / "serial")


def test_slices_on_one_core_equal_one_segment(tmp_path, releases, monkeypatch):
    update_index(tmp_path / "whole", releases)
    monkeypatch.setattr(writer, "SLICE_DOCS", 70)
    update_index(tmp_path / "slices", releases, cores=1)
    ix, _ = open_index(tmp_path / "slices")
    assert len(ix._segments()) == 4
    assert index_contents(tmp_path / "slices") == index_contents(tmp_path / "whole")


def test_parallel_writer_keeps_deletions_and_merges(tmp_path, releases, monkeypatch):
    monkeypatch.setattr(writer, "PARALLEL_MIN", 10)
    monkeypatch.setattr(writer, "SLICE_DOCS", 20)
    update_index(tmp_path / "ix", releases[:200])
    current = releases[20:]  # 20 deleted, 40 added in parallel
    stats = update_index(tmp_path / "ix", current)
    assert (stats.added, stats.deleted) == (40, 20)
    ix, _ = open_index(tmp_path / "ix")
    with ix.reader() as reader:
        assert reader.doc_count() == len(current)
        assert {f["id"] for _, f in reader.iter_docs()} == {r.id for r in current}
    assert not list((tmp_path / "ix").glob("*.tmp"))  # the shared temp folder is gone


def test_block_reading_equals_whoosh_matcher(tmp_path, releases):
    update_index(tmp_path / "ix", releases)
    ix, _ = open_index(tmp_path / "ix")
    with ix.reader() as reader:
        checked = 0
        for term in reader.field_terms("body"):
            blocks = postings.leaf_blocks(reader.postings("body", term))
            fast = [row for block in blocks for row in zip(*block)]
            slow = []
            matcher = reader.postings("body", term)
            while matcher.is_active():
                slow.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
                checked += 1
            assert fast == slow, term
    assert checked > 10_000


def test_parallel_export_equals_one_process(tmp_path, releases, monkeypatch):
    update_index(tmp_path / "ix", releases)
    export_index(tmp_path / "ix", tmp_path / "serial")
    monkeypatch.setattr(postings, "PARALLEL_MIN", 10)
    export_index(tmp_path / "ix", tmp_path / "parallel")
    serial = {p.name: p.read_bytes() for p in (tmp_path / "serial").iterdir()}
    parallel = {p.name: p.read_bytes() for p in (tmp_path / "parallel").iterdir()}
    assert serial == parallel and len(serial) > 10


def reference_terms(reader, docnums):
    """The export's postings read through Whoosh's public API only (the slow, plain way),
    sorted by export number."""
    terms = {}
    for field in TEXT_FIELDS:
        lengths = postings.field_length_bytes(reader, field, docnums)
        for term in reader.field_terms(field):
            matcher, rows = reader.postings(field, term), []
            while matcher.is_active():
                docnum = matcher.id()
                places = matcher.value_as("positions") if field in ("title", "body") else []
                rows.append((docnums[docnum], int(matcher.weight()), lengths[docnum],
                             [b - a for a, b in zip([0, *places[:-1]], places)]))
                matcher.next()
            flat, gaps, previous = [], [], 0
            for number, weight, length, deltas in sorted(rows):
                flat += [number - previous, weight, length]
                gaps += deltas
                previous = number
            if flat:
                entry = terms.setdefault(term, ({}, {}))
                entry[0][field] = flat
                if gaps:
                    entry[1][field] = gaps
    return terms


@pytest.mark.parametrize("cores", [1, 2])
def test_postings_equal_whooshs_public_api_across_segments_and_deletions(
    tmp_path, releases, monkeypatch, cores):
    import dataclasses

    monkeypatch.setattr(writer, "SLICE_DOCS", 60)
    monkeypatch.setattr(postings, "PARALLEL_MIN", 10)
    update_index(tmp_path / "ix", releases)
    edited = [dataclasses.replace(r, body=r.body + " zyxtrel") for r in releases[:30]]
    update_index(tmp_path / "ix", edited + releases[30:-20])  # 30 re-added, 20 deleted
    ix, _ = open_index(tmp_path / "ix")
    assert len(ix._segments()) > 2
    with ix.reader() as reader:
        assert reader.has_deletions()
        docnums = postings.document_numbers(reader)
        collected = postings.collect_terms(ix, reader, docnums, cores=cores)
        as_lists = {term: ({f: list(v) for f, v in p.items()}, {f: list(v) for f, v in q.items()})
                    for term, (p, q) in collected.items()}
        assert as_lists == reference_terms(reader, docnums)
