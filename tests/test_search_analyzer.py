"""The fused analyzer equals Whoosh's own pipeline, token for token."""

from dateline.search.schema import EnglishAnalyzer, count_terms, whoosh_chain

TEXTS = [
    "Running runs ran the drills at the A-1 zone; U.S. $1.07 options, 3.141 and big-time "
    "under_score.",
    "The the a an of Of THE And 2H26 Q3 2013 results – “quoted” l'été naïve Zürich 12.4 metres "
    "0.82% WO3",
    "a I x y z 1 2 3 it is in on at to be by",
    "",
]


def tokens(analyzer, text, **options):
    return [(t.text, getattr(t, "pos", None), getattr(t, "stopped", None),
             getattr(t, "startchar", None), getattr(t, "endchar", None))
            for t in analyzer(text, **options)]


def test_fused_analyzer_equals_whoosh_chain_with_every_option():
    fused, chain = EnglishAnalyzer(), whoosh_chain()
    for text in TEXTS:
        for options in ({}, {"positions": True}, {"positions": True, "chars": True},
                        {"positions": True, "removestops": False}, {"mode": "query"},
                        {"positions": True, "start_pos": 5, "chars": True, "start_char": 7}):
            assert tokens(fused, text, **options) == tokens(chain, text, **options), (text, options)
        assert count_terms(text) == len(list(chain(text)))


def test_fused_analyzer_on_generated_releases():
    from dateline_corpus.generator import iter_releases

    fused, chain = EnglishAnalyzer(), whoosh_chain()
    for release in iter_releases(40, seed=3):
        text = release.body_markdown
        assert tokens(fused, text, positions=True) == tokens(chain, text, positions=True)


FRENCH_TEXTS = [
    "L'action d'or : l’exploitation minière a été lancée à Val-d'Or, Québec, le 3 mars 2024.",
    "Les acquisitions stratégiques et les investissements continuent ; nous sommes très fiers.",
    "Élève, ÉLÈVES, élevé, naïveté, cœur, Œuvre, garçons, façon, aïeul, Noël, l'Été",
    "",
]


def test_french_fused_analyzer_equals_its_whoosh_chain():
    from dateline.search.schema import FrenchAnalyzer, french_chain

    fused, chain = FrenchAnalyzer(), french_chain()
    for text in FRENCH_TEXTS:
        for options in ({}, {"positions": True, "chars": True},
                        {"positions": True, "removestops": False}):
            assert tokens(fused, text, **options) == tokens(chain, text, **options), (text, options)
        assert count_terms(text, "fr") == len(list(chain(text)))


def test_french_analyzer_is_whoosh_language_analyzer_on_folded_text():
    """Folding first and "or" (gold) kept are the differences from LanguageAnalyzer("fr")."""
    from whoosh.analysis import LanguageAnalyzer

    from dateline.search.fold import fold
    from dateline.search.schema import TOKEN_PATTERN, analyze

    whoosh_fr = LanguageAnalyzer("fr", expression=TOKEN_PATTERN)
    for text in FRENCH_TEXTS:
        assert [t for t in analyze(text, "fr") if t != "or"] == [
            t.text for t in whoosh_fr(fold(text)) if t.text not in {"a", "ete"}]
    assert analyze("L'exploitation minière d'or", "fr") == ["exploit", "minier", "or"]
    assert analyze("acquisitions", "fr") == analyze("acquisition", "fr") == ["acquisit"]
    assert analyze("à été", "fr") == []  # the folded stop words are still stop words
