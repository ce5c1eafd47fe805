"""The lean corpus profile (dateline_corpus/lean.py): the shape issue 17's independent corpus
has, deterministic like the default profile, and a site Dateline builds without complaint."""

from __future__ import annotations

from collections import Counter

from dateline_corpus import generator, lean


def test_lean_releases_have_the_issue_17_shape():
    releases = list(lean.iter_releases(400, seed=1))
    issuers = {release.issuer.key for release in releases}
    exchanges = {release.issuer.tickers[0].exchange for release in releases}
    tags = Counter(tag for release in releases for tag in release.front_matter["tags"])
    years = {release.date.year for release in releases}
    sizes = [len(release.body_markdown.encode()) for release in releases]
    assert len(issuers) == 10 and exchanges == set(lean.EXCHANGES)
    assert set(tags) <= set(lean.TAGS) and len(tags) == 10
    assert min(years) >= 2006 and max(years) <= 2025 and len(years) >= 15
    assert 4000 <= sum(sizes) / len(sizes) <= 6500
    assert len({release.slug for release in releases}) == len(releases)


def test_lean_words_come_from_the_dictionary_zipf_like():
    vocabulary, _ = lean.dictionary()
    assert len(vocabulary) == lean.DICTIONARY_SIZE == len(set(vocabulary))
    counts = Counter(word for release in lean.iter_releases(200, seed=1)
                     for word in release.body_markdown.lower().split())
    top, tenth = counts[vocabulary[0] + "."] + counts[vocabulary[0]], counts[vocabulary[9]]
    assert top > 5 * tenth > 0  # rank 1 is about ten times as frequent as rank 10


def test_a_lean_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    small = generator.generate(30, tmp_path / "small", profile="lean")
    large = generator.generate(60, tmp_path / "large", profile="lean")
    for path in small:
        twin = tmp_path / "large" / path.relative_to(tmp_path / "small")
        assert twin.read_bytes() == path.read_bytes()
    assert len(large) == 60


def test_an_unknown_profile_is_refused(tmp_path):
    try:
        generator.generate(1, tmp_path, profile="fat")
    except ValueError as error:
        assert "profile" in str(error)
    else:
        raise AssertionError("an unknown profile was accepted")


def test_dateline_builds_a_lean_site_with_every_release(tmp_path):
    from sitebuild import build_site

    paths = generator.generate(40, tmp_path / "content", profile="lean")
    output = build_site(tmp_path / "content", tmp_path / "output", tmp_path / "cache", SITEURL="")
    pages = sorted(output.glob("releases/*/*/index.html"))
    assert len(pages) == len(paths) == 40
    assert (output / "search" / "manifest.json").is_file()
