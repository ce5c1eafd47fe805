"""The browser export: format, determinism, and JS parity (runs node --test)."""

import json
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from dateline.search import cli, fold
from dateline.search.export import export_index
from dateline.search.index import open_index, update_index
from dateline.search.schema import TOKEN_PATTERN, stop_words
from search_support import expected_results, make_releases, parity_queries
from test_search_behaviour import ACCENTED

ROOT = Path(__file__).resolve().parent.parent
JS_TESTS = ROOT / "tests" / "js"


@pytest.fixture(scope="module")
def corpus():
    return make_releases(1000, seed=7)


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    """An index and export of 1,000 fictional releases."""
    root = tmp_path_factory.mktemp("search")
    update_index(root / "ix", corpus)
    stats = export_index(root / "ix", root / "out")
    return root, stats


def run_node(test_file, **env):
    result = subprocess.run(["node", "--test", str(JS_TESTS / test_file)],
                            env=dict(os.environ, **env), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout, result.stdout
    return result.stdout


def test_manifest_describes_the_export(built, corpus):
    root, stats = built
    manifest = json.loads((root / "out" / "manifest.json").read_text())
    assert manifest["format"] == 3 and manifest["doc_count"] == len(corpus)
    assert manifest["fields"]["title"]["boost"] == 2.0
    names = {p.name for p in (root / "out").iterdir()}
    shards = [
        row
        for group in manifest["terms"]
        for row in json.loads((root / "out" / group[2]).read_text())["rows"]
    ]
    for first, last, shard, pos, *_ in shards:
        assert first <= last and shard in names and (not pos or pos in names)
    for directory in manifest["docs"]["dirs"]:
        assert all(
            f"docs-{h}.json" in names for h in json.loads((root / "out" / directory).read_text())
        )
    facets = json.loads((root / "out" / manifest["facets"]).read_text())
    assert sum(c for _, c in facets["totals"]["year"]) == len(corpus)
    # two levels: the manifest lists shard groups and document directories, not files
    assert stats.manifest_bytes < 3_000
    sizes = [(root / "out" / s[2]).stat().st_size for s in shards]
    assert stats.shards > 10 and sorted(sizes)[len(sizes) // 2] < 40_000


def test_group_files_name_the_lexicon_of_every_word_in_their_span(built):
    """The browser finds a word's lexicon in the last group starting at or before the word
    (the first group before them all): the group it read for the word, or the one before a
    gap. Every lexicon term, and words before, between and after the groups, find theirs."""
    out = built[0] / "out"
    groups = json.loads((out / "manifest.json").read_text())["terms"]
    files = {p.name: json.loads(p.read_text()) for p in out.glob("lex-*.json")}
    owner = {row[0]: name for name, rows in files.items() for row in rows}
    assert "lexicon" not in json.loads((out / "manifest.json").read_text())
    assert len(files) > 10 and len(groups) > 1

    def lexicon_of(word):
        group = max([0] + [i for i, g in enumerate(groups) if g[0] <= word])
        digest = json.loads((out / groups[group][2]).read_text())["lexicon"].get(word[:2])
        return digest and f"lex-{digest}.json"

    for term, name in owner.items():
        assert lexicon_of(term) == name
        assert lexicon_of(term[:2] + "\uffff") == name and lexicon_of(term[:2] + "a") == name
    for first, last, _ in groups:  # a word just past a group's last term (a gap)
        if last[:2] in {t[:2] for t in owner}:
            assert lexicon_of(last + "a") == owner[next(t for t in owner if t[:2] == last[:2])]


def test_unchanged_releases_export_identical_files(tmp_path):
    releases = make_releases(150, seed=5)
    for name in ("a", "b"):
        update_index(tmp_path / name / "ix", releases)
        export_index(tmp_path / name / "ix", tmp_path / name / "out")
    export_index(tmp_path / "b" / "ix", tmp_path / "b" / "out")  # a rerun keeps what it needs
    first = {p.name: p.read_bytes() for p in (tmp_path / "a" / "out").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "b" / "out").iterdir()}
    assert first == second and len(first) > 10


def test_hostile_text_is_exported_as_data(built):
    root, _ = built
    chunks = [json.loads(p.read_text()) for p in (root / "out").glob("docs-*.json")]
    titles = [row[0] for chunk in chunks for row in chunk]
    assert any("<img src=x onerror=alert(1)>" in t for t in titles)


def test_cli_search_prints_json(built, capsys):
    root, _ = built
    parser = __import__("argparse").ArgumentParser()
    cli.add_arguments(parser)
    args = parser.parse_args(
        ["drilling results", "--json", "--index", str(root / "ix"), "--year", "2013"]
    )
    assert cli.run(args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["total"] > 0
    assert all(r["date"].startswith("2013") for r in printed["results"])


def test_js_ranking_equals_whoosh(built, corpus, tmp_path):
    root, _ = built
    ix, _ = open_index(root / "ix")
    expected = expected_results(ix, parity_queries(corpus, count=600))
    assert sum(1 for case in expected if case["ids"]) >= 400
    (tmp_path / "expected.json").write_text(json.dumps(expected))
    out = run_node(
        "ranking_parity.test.mjs",
        SEARCH_EXPORT_DIR=str(root / "out"),
        SEARCH_EXPECTED=str(tmp_path / "expected.json"),
    )
    assert "rankings identical" in out


def english_words():
    """A large English word list from the english-words package, plus accented samples."""
    from english_words import get_english_words_set

    words = sorted(get_english_words_set(["web2"], lower=True, alpha=False))
    return words[::3]  # a deterministic ~78k-word sample keeps the test fast


def accented_words():
    """Accented words from Debian's French and Spanish word lists (wfrench, wspanish)."""
    words = []
    for name in ("french", "spanish"):
        path = Path("/usr/share/dict") / name
        if not path.is_file():
            pytest.fail("%s missing: run `bash tests/ensure_tools.sh`" % path)
        words += [w for w in path.read_text("utf-8").split() if not w.isascii()]
    return sorted(set(words))


def test_accented_dictionary_words_fold_to_ascii():
    words = accented_words()
    assert len(words) > 10_000
    latin = [
        w
        for w in words
        if all(unicodedata.name(c, "").startswith("LATIN") or c.isascii() for c in w)
    ]
    left = [w for w in latin if not fold.fold(w).isascii()]
    assert left == [], left[:20]


def test_js_stemmer_and_analyzer_equal_whoosh(corpus, tmp_path):
    from whoosh.lang.porter2 import stem

    from dateline.search.schema import analyze

    words = set(english_words())
    for release in corpus:
        words.update(
            t.lower()
            for t in __import__("re").findall(
                TOKEN_PATTERN.replace("(\\.?\\w+)*", "(?:\\.?\\w+)*"),
                release.body + " " + release.title,
            )
        )
    stems = {w: stem(w) for w in words if len(w) > 0}
    (tmp_path / "stems.json").write_text(json.dumps({"stems": stems, "stop_words": stop_words()}))
    texts = [r.title + " " + r.body[:400] for r in corpus[:200]]
    texts += ["U.S. 1.07 Almonty's über-Zürich CAFÉ naïve  _x_ a.b.c. 3,000,000 e-mail"]
    texts += [word for word in sorted(words) if not word.isascii()]  # the list's accented words
    texts += ["x%sy 1,%s000 “%s”" % (char, char, char) for char in fold.build_table()]
    texts += list(ACCENTED)
    accented = accented_words()
    texts += [" ".join(accented[i : i + 50]) for i in range(0, len(accented), 50)]
    analysis = [[t, analyze(t)] for t in texts]
    (tmp_path / "analysis.json").write_text(json.dumps(analysis))
    assert len(stems) >= 50_000
    run_node(
        "stemmer_parity.test.mjs",
        SEARCH_STEMS=str(tmp_path / "stems.json"),
        SEARCH_ANALYSIS=str(tmp_path / "analysis.json"),
    )


def test_js_unit_tests_pass():
    run_node("client_units.test.mjs")
