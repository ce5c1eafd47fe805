"""Sentence anchors: each sentence a fact came from gets an id in the release body.

A sidebar entry links to the sentence it was read from, so a reader can check a grant or a
milestone against the release's own words. The visible text never changes: a sentence inside
one text node is wrapped in a span, one that crosses markup gives its paragraph an id.
"""

from __future__ import annotations

import html as html_lib
import logging
import re

from dateline.content.text import collapse_whitespace

logger = logging.getLogger(__name__)

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")


def anchor_sentences(html: str, sentences: list[str], prefix: str = "src") -> tuple[
    str, dict[str, str]]:
    """Wrap each source sentence in a span with an id, so a sidebar entry can link to it.

    A sentence that lies inside one text node is wrapped in
    ``<span class="source-sentence" id="PREFIX-N">``. One that crosses markup
    (a link, bold text) gives its enclosing ``<p>`` an id instead (or reuses the
    id it has). A sentence not found keeps no anchor. The visible text does not
    change.
    """
    anchors: dict[str, str] = {}
    counter = 0
    for sentence in dict.fromkeys(s for s in sentences if s):
        counter += 1
        anchor_id = f"{prefix}-{counter}"
        new_html, used = _wrap_in_text_node(html, sentence, anchor_id)
        if used is None:
            new_html, used = _anchor_paragraph(html, sentence, anchor_id)
        if used is None:
            logger.debug("extraction: sentence not found in body: %s", sentence[:60])
            continue
        html = new_html
        anchors[sentence] = used
    return html, anchors


def _text_nodes(html: str):
    """Yield (start, end) of text outside tags, skipping script/style."""
    for match in _TAG_OR_TEXT.finditer(html):
        if match.group(2) is not None:
            yield match.start(2), match.end(2)


def _flexible_pattern(sentence: str) -> re.Pattern:
    """Match the sentence in raw HTML text: any whitespace run, entity-escaped chars."""
    parts = []
    for token in re.split(r"(\s+)", sentence):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
            continue
        for char in token:
            options = {re.escape(char), re.escape(html_lib.escape(char, quote=True))}
            options.add(re.escape(f"&#{ord(char)};"))
            if char == "&":
                options.add("&amp;")
            if char == "’":
                options.add("&rsquo;")
            if char == "“":
                options.add("&ldquo;")
            if char == "”":
                options.add("&rdquo;")
            parts.append("(?:" + "|".join(sorted(options)) + ")" if len(options) > 1
                         else re.escape(char))
    return re.compile("".join(parts))


def _wrap_in_text_node(html: str, sentence: str, anchor_id: str):
    """Find the sentence in one text node: plain and escaped spellings first, a pattern last.

    The exact spellings cover almost every sentence; compiling the flexible
    pattern (any whitespace, any entity) costs milliseconds, so it is the fallback.
    """
    spellings = dict.fromkeys(
        (sentence, html_lib.escape(sentence, quote=False), html_lib.escape(sentence, quote=True))
    )
    nodes = list(_text_nodes(html))
    for start, end in nodes:
        for spelling in spellings:
            found = html.find(spelling, start, end)
            if found != -1 and not _inside_source_span(html, found):
                return _wrap(html, found, found + len(spelling), anchor_id), anchor_id
    pattern = _flexible_pattern(sentence)
    for start, end in nodes:
        match = pattern.search(html, start, end)
        if match and not _inside_source_span(html, match.start()):
            return _wrap(html, match.start(), match.end(), anchor_id), anchor_id
    return html, None


def _wrap(html: str, start: int, end: int, anchor_id: str) -> str:
    return (
        html[:start] + f'<span class="source-sentence" id="{anchor_id}">'
        + html[start:end] + "</span>" + html[end:]
    )


def _inside_source_span(html: str, position: int) -> bool:
    opened = html.rfind('<span class="source-sentence"', 0, position)
    return opened != -1 and html.rfind("</span>", opened, position) == -1


def _anchor_paragraph(html: str, sentence: str, anchor_id: str):
    """Fall back to an id on the <p> whose visible text holds the sentence."""
    for match in re.finditer(r"<(p|li)(\s[^>]*)?>(.*?)</\1>", html, re.S):
        visible = collapse_whitespace(html_lib.unescape(re.sub(r"<[^>]*>", "", match.group(3))))
        if sentence not in visible:
            continue
        attrs = match.group(2) or ""
        existing = re.search(r'\bid="([^"]*)"', attrs)
        if existing:
            return html, existing.group(1)
        tag_end = match.start() + len(match.group(1)) + 1
        return html[:tag_end] + f' id="{anchor_id}"' + html[tag_end:], anchor_id
    return html, None
