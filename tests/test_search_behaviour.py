"""Issue 15 in Python: typing only adds, folding, typo correction, tie order, the CLI's query
forms."""

import json
import unicodedata

import pytest

from dateline.search import cli, fold
from dateline.search.export import export_index
from dateline.search.index import SearchDocument, open_index, update_index
from dateline.search.query import parse_query, search
from dateline.search.schema import analyze
from search_support import make_releases

# Place names and words as releases write them, with what they must fold to.
ACCENTED = {
    "Québec": "quebec", "Que\u0301bec": "quebec", "Cuiú Cuiú": "cuiu cuiu", "Montréal": "montreal",
    "São Paulo": "sao paulo", "Zürich": "zurich", "Düsseldorf": "dusseldorf", "Kraków": "krakow",
    "Bogotá": "bogota", "Señor": "senor", "Ærø": "aero", "Łódź": "lodz", "Straße": "strasse",
    "ﬁnancing": "financing", "ＧＯＬＤ": "gold", "naïve": "naive", "Ångström": "angstrom",
    "Đà Nẵng": "da nang", "Þingvellir": "þingvellir", "İzmir": "izmir", "Ñuñoa": "nunoa",
}


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    root = tmp_path_factory.mktemp("behaviour")
    releases = make_releases(300, seed=3)
    update_index(root / "ix", releases)
    return open_index(root / "ix")[0]


def ids(hits):
    return {h.doc for h in hits}


def test_the_committed_fold_table_is_what_this_unicode_data_makes():
    document = json.loads(fold.TABLE_PATH.read_text("utf-8"))
    if document["unicode"] != unicodedata.unidata_version:
        pytest.skip("table made from Unicode %s, this Python has %s" % (document["unicode"],
                                                                         unicodedata.unidata_version))
    assert document == fold.table_document()


@pytest.mark.parametrize("word, folded", sorted(ACCENTED.items()))
def test_accented_words_fold_to_plain_letters(word, folded):
    assert fold.fold(word).lower() == folded
    assert analyze(word) == analyze(folded)


def test_curly_quotes_make_a_phrase_and_thousands_one_term():
    assert parse_query("\u201cprivate placement\u201d").phrases == [["privat", "placement"]]
    assert parse_query("\u201eprivate placement\u201c").phrases == [["privat", "placement"]]
    assert analyze("100,000 options at 1.07, 3,000,000 shares") == [
        "100000", "option", "1.07", "3000000", "share"]
    assert analyze("gold,copper 1,2345") == ["gold", "copper", "2345"]


def test_a_finished_word_while_typing_finds_what_enter_finds(ix):
    for query in ("gold mining", "shares", "operation", "drilling results", "board of",
                  "grade the"):
        committed = ids(search(ix, query))
        typing = ids(search(ix, query, prefix=True))
        assert committed <= typing, query
        assert committed, query


def test_a_stop_word_is_never_expanded():
    parsed = parse_query("board of", prefix=True)
    assert (parsed.words, parsed.prefix) == (["board"], "")
    parsed = parse_query("board ope", prefix=True)
    assert (parsed.words, parsed.prefix, parsed.prefix_stem) == (["board"], "ope", "ope")


def test_a_misspelt_word_is_corrected_to_a_real_word(ix):
    hits = search(ix, "comissioning")
    assert hits.parsed.corrections == [["comiss", "commiss", "commissioning"]]
    assert ids(hits) == ids(search(ix, "commissioning")) and hits
    assert not search(ix, "comissioning", correct=False)


def few_match_index(tmp_path, texts):
    """An index of one release per text, dated in order."""
    base = make_releases(len(texts), seed=4)
    docs = [
        SearchDocument(**{**r.__dict__, "title": "Update", "body": text, "tags": (), "summary": ""})
        for r, text in zip(base, texts)
    ]
    update_index(tmp_path / "ix", docs)
    return open_index(tmp_path / "ix")[0]


def test_a_word_in_one_release_is_corrected_to_a_far_commoner_neighbour(tmp_path):
    ix = few_match_index(tmp_path, ["drillling program"] + ["drilling program"] * 10 + ["dolomite"])
    hits = search(ix, "drillling")
    assert hits.parsed.corrections == [["drilll", "drill", "drilling"]]
    assert len(hits) == 10
    assert len(search(ix, "drillling", correct=False)) == 1  # the literal query link's results


def test_a_rare_word_without_a_far_commoner_neighbour_stays(tmp_path):
    # drill in 9 releases: under RATIO (10) times the 1 that holds "drillling"
    ix = few_match_index(tmp_path / "nine", ["drillling program"] + ["drilling program"] * 9)
    assert search(ix, "drillling").parsed.corrections == []
    # a word in two releases (over FEW) is never corrected, whatever its neighbours
    ix = few_match_index(tmp_path / "two", ["drillling program"] * 2 + ["drilling program"] * 40)
    assert search(ix, "drillling").parsed.corrections == []


def test_the_shard_rows_carry_the_few_match_corrections(tmp_path):
    few_match_index(tmp_path, ["drillling program"] + ["drilling program"] * 10)
    export_index(tmp_path / "ix", tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    rows = [
        row
        for _, _, name in manifest["terms"]
        for row in json.loads((tmp_path / "out" / name).read_text())["rows"]
    ]
    [row] = [row for row in rows if len(row) > 4]
    assert row[4] == {"drilll": ["drill", "drilling"]} and row[0] <= "drilll" <= row[1]


def test_ties_rank_by_export_number_after_an_edit(tmp_path):
    releases = make_releases(60, seed=9)
    twins = [
        SearchDocument(
            **{**releases[n].__dict__, "title": "Zirconium update", "body": "Zirconium assays."}
        )
        for n in (3, 7, 11)
    ]
    releases = [r for n, r in enumerate(releases) if n not in (3, 7, 11)] + twins
    update_index(tmp_path / "ix", releases)
    # an edit that leaves the scores alone moves the release to the end of Whoosh's order
    earliest = min(twins, key=lambda t: t.date)
    edited = SearchDocument(**{**earliest.__dict__, "summary": "edited"})
    update_index(tmp_path / "ix", [edited if r.id == edited.id else r for r in releases])
    export_index(tmp_path / "ix", tmp_path / "out")
    ix = open_index(tmp_path / "ix")[0]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    dirs = manifest["docs"]["dirs"]
    files = [f"docs-{h}.json" for d in dirs for h in json.loads((tmp_path / "out" / d).read_text())]
    rows = [row for name in files for row in json.loads((tmp_path / "out" / name).read_text())]
    hits = search(ix, "zirconium")
    assert len({h.score for h in hits}) == 1 and len(hits) == 3
    assert [h.doc for h in hits] == sorted(h.doc for h in hits)
    assert [h.record["url"] for h in hits] == [rows[h.doc][1] for h in hits]
    assert [h.record["date"] for h in hits] == sorted(t.date.isoformat() for t in twins)


def run_cli(argv, capsys, index):
    import argparse

    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    assert cli.run(parser.parse_args(["--json", "--index", str(index), *argv])) == 0
    return json.loads(capsys.readouterr().out)


def test_a_query_starting_with_a_dash(ix, capsys):
    folder = ix.storage.folder
    after = run_cli(["--", "-gold"], capsys, folder)
    option = run_cli(["--query=-gold"], capsys, folder)
    assert after["total"] == option["total"] == len(search(ix, "gold")) > 0


def test_cli_prints_corrections_and_typing_mode(ix, capsys):
    printed = run_cli(["comissioning"], capsys, ix.storage.folder)
    assert printed["corrected"] == "commissioning" and printed["total"] > 0
    assert run_cli(["comissioning", "--exact"], capsys, ix.storage.folder)["total"] == 0
    typing = run_cli(["shares", "--prefix", "--limit", "0"], capsys, ix.storage.folder)
    assert (
        typing["total"] >= run_cli(["shares", "--limit", "0"], capsys, ix.storage.folder)["total"]
    )
