"""Fuzzing the sanitiser and the renderer: any mix of HTML, Markdown and encoding tricks comes
out inert, by the oracle of tests/hostile.py, and nothing but a string comes out.

Examples are derandomised (the same ones on every run, no example database) so a failure
is reproducible; `DATELINE_FUZZ_EXAMPLES` raises the count for a longer run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.content import markup
from dateline.content.sanitize import clean_html
from hostile import CONTROL_CHARACTERS, inert_problems

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
MARKDOWN_SETTINGS = {"MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}},
                                  "output_format": "html5"}}

TAGS = ["a", "img", "svg", "math", "script", "style", "iframe", "p", "div", "td", "table",
        "form", "button", "object", "base", "meta", "noscript", "template", "mtext", "mglyph",
        "animate", "set", "title", "textarea", "details", "source", "video", "embed", "use"]
ATTRIBUTES = ["href", "src", "onerror", "onload", "onclick", "onmouseover", "style", "xlink:href",
              "srcset", "action", "formaction", "data", "srcdoc", "id", "class", "title",
              "attributeName", "to", "values", "http-equiv", "content", "autofocus", "tabindex"]
SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "jav&#x09;ascript:", "&#106;avascript:",
           "&#x6A;avascript:", "&#0000106&#0000097vascript:", "javascript&colon;", " javascript:",
           "&#14;javascript:", "vbscript:", "data:text/html,", "data:image/svg+xml,", "https://x/",
           "mailto:a@b.c", "#", "../a", "url(", "expression("]
PAYLOADS = ["alert(1)", "alert`1`", "window.top.x=1", "//", "'", '"', "`", "<", ">", "/", "="]
PUNCTUATION = ["<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", '"', "'", "=", " ", "\n",
               "\t", "\x00", "&", "&amp;", "&lt;", "&#60;", "&#x3c", ";", "\\", "\u2028"]
MARKDOWN = ["{: ", " }", "[a](", ")", "![i](", "[r]: ", "[r]", "<", ">", "*", "_", "`", "\n\n",
            "## ", "| a |\n|---|\n| ", "[^1]", "[^1]: ", "*[a]: ", "    ", "> ", "- ", "1. "]


def _tag(name: str, case: int) -> str:
    return name.upper() if case == 1 else name.capitalize() if case == 2 else name


fragment = st.one_of(
    st.builds(_tag, st.sampled_from(TAGS), st.integers(0, 2)),
    st.sampled_from(ATTRIBUTES), st.sampled_from(SCHEMES), st.sampled_from(PAYLOADS),
    st.sampled_from(PUNCTUATION), st.sampled_from(MARKDOWN),
    st.text(max_size=4),
)
# An element spelled out, so most examples are at least shaped like an attack.
element = st.builds(
    lambda tag, name, quote, scheme, payload: f"<{tag} {name}={quote}{scheme}{payload}{quote}>",
    st.builds(_tag, st.sampled_from(TAGS), st.integers(0, 2)), st.sampled_from(ATTRIBUTES),
    st.sampled_from(['"', "'", ""]), st.sampled_from(SCHEMES), st.sampled_from(PAYLOADS),
)
hostile_text = st.lists(st.one_of(fragment, element), max_size=24).map("".join)
# What Markdown itself can be talked into: addresses, reference links and attribute lists.
_value = st.builds(lambda scheme, payload: scheme + payload,
                   st.sampled_from(SCHEMES), st.sampled_from(PAYLOADS))
markdown_attack = st.one_of(
    st.builds(lambda bang, url, name, value: f"{bang}[x]({url}){{: {name}=\"{value}\" }}",
              st.sampled_from(["", "!"]), _value, st.sampled_from(ATTRIBUTES), _value),
    st.builds(lambda url: f"[r]\n\n[r]: {url}\n", _value),
    st.builds(lambda name, value: f"\n## h {{: {name}=\"{value}\" }}\n",
              st.sampled_from(ATTRIBUTES), _value),
)
hostile_markdown = st.lists(st.one_of(fragment, element, markdown_attack), max_size=16).map("".join)


@FUZZ
@given(hostile_text)
def test_sanitiser_output_is_always_inert(text):
    cleaned = clean_html(text)
    assert isinstance(cleaned, str)
    assert inert_problems(cleaned) == [], (text, cleaned)
    assert clean_html(cleaned) == cleaned  # a second pass finds nothing more to remove
    assert not CONTROL_CHARACTERS.search(cleaned)  # a feed (XML 1.0) can carry all of it


RENDERER = markup.converter(MARKDOWN_SETTINGS)


@settings(parent=FUZZ, max_examples=max(EXAMPLES // 2, 1))
@given(hostile_markdown)
def test_rendered_markdown_is_always_inert(text):
    html = RENDERER.reset().convert(text)
    assert inert_problems(html) == [], (text, html)
