"""French search: the JS Snowball French stemmer and analyzer equal Whoosh's (issue 19 item 3).

Every word of Debian's French word list (wfrench, ~470,000 after lowercasing, plus their
folded forms, which is what the analyzer feeds the stemmer) is stemmed on both sides.
"""

import json
import re
from pathlib import Path

import pytest

from dateline.search.fold import fold
from dateline.search.schema import WORD_PATTERN, analyze, french_stop_words
from test_search_analyzer import FRENCH_TEXTS
from test_search_export import run_node

FRENCH_DICT = Path("/usr/share/dict/french")

SENTENCES = [
    "L'exploitation minière d'or a commencé à Val-d'Or ; l’action s'échange à 1,05 $.",
    "Acquisitions, acquisition, acquérir : la société a acquis 100 % des intérêts.",
    "Les résultats du troisième trimestre (T3) — « record » — dépassent les prévisions.",
    "Forage : 12,4 m à 3,2 g/t Au, y compris 2,1 m à 15,8 g/t ; teneur élevée.",
    "QU'IL S'AGISSE D'UNE ÉTUDE DE FAISABILITÉ OU D'UN PROJET-PILOTE, NOUS CONTINUERONS.",
    "Que\u0301bec, Montre\u0301al, Trois-Rivières, Rouyn-Noranda, Sept-Îles, Baie-Comeau",
]


def french_words():
    if not FRENCH_DICT.is_file():
        pytest.fail("%s missing: run `bash tests/ensure_tools.sh`" % FRENCH_DICT)
    words = {w.lower() for w in FRENCH_DICT.read_text("utf-8").split()}
    return sorted(words | {fold(w) for w in words})


def test_js_french_stemmer_and_analyzer_equal_whoosh(tmp_path):
    from whoosh.lang.snowball.french import FrenchStemmer

    stem = FrenchStemmer().stem
    words = french_words()
    assert len(words) >= 20_000
    stems = {w: stem(w) for w in words}
    (tmp_path / "stems.json").write_text(
        json.dumps({"stems": stems, "stop_words": french_stop_words()}, ensure_ascii=False),
        "utf-8")
    dictionary = FRENCH_DICT.read_text("utf-8").split()
    texts = SENTENCES + FRENCH_TEXTS + [" ".join(dictionary[i:i + 40])
                                        for i in range(0, len(dictionary), 40 * 97)]
    texts += ["l'%s d'%s qu'%s-%s" % (a, b, a, b) for a, b in zip(dictionary[::501],
                                                               dictionary[250::501])]
    analysis = [[t, analyze(t, "fr")] for t in texts]
    (tmp_path / "analysis.json").write_text(json.dumps(analysis, ensure_ascii=False), "utf-8")
    out = run_node("stemmer_fr_parity.test.mjs", SEARCH_FR_STEMS=str(tmp_path / "stems.json"),
                   SEARCH_FR_ANALYSIS=str(tmp_path / "analysis.json"))
    assert "french stems identical" in out


def test_french_analysis_of_apostrophes_hyphens_and_accents():
    assert analyze("l'action d'or", "fr") == ["action", "or"]
    assert analyze("exploitation minière", "fr") == analyze("EXPLOITATION MINIERE", "fr")
    assert analyze("Val-d'Or", "fr") == ["val", "or"]
    assert analyze("l’été à Québec", "fr") == ["quebec"]
    words = re.findall(WORD_PATTERN, SENTENCES[0])
    assert len(analyze(SENTENCES[0], "fr")) < len(words)  # stop words and elisions go
