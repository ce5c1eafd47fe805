"""Check an import lost nothing: every sentence of the source is in the front matter or the rendered
body.

The body is rendered with Python-Markdown the way Pelican renders it, so a
missed escape (a "1." read as a list, a "*" read as emphasis) shows up here.
"""

from __future__ import annotations

import logging
import re

import markdown
import yaml

from dateline.content.text import normalise, plain_text, split_sentences, wording
from dateline.importer.datelines import match_lead, match_placeline
from dateline.importer.text import BULLET, normalise_newlines, unescape
from dateline.importer.titles import tidy_place

logger = logging.getLogger(__name__)

_MARKDOWN_EXTENSIONS = ["extra"]  # what Pelican's default MARKDOWN setting uses for body text


def rendered_text(body_markdown: str) -> str:
    """The body as a reader sees it: Markdown rendered to HTML, read as the build reads it."""
    return page_text(markdown.markdown(body_markdown, extensions=_MARKDOWN_EXTENSIONS))


def page_text(page_html: str) -> str:
    """Rendered HTML as text, with the build's own reading (`dateline.content.text`)."""
    return plain_text(page_html)


def missing_sentences(source_text: str, document: str, *, is_html: bool = False) -> list[str]:
    """Sentences of the source that appear nowhere in the imported document."""
    fields, body = split_document(document)
    haystack = wording(" ".join(_field_texts(fields)) + " \n " + rendered_text(body))
    missing = []
    for paragraph in source_paragraphs(source_text, is_html):
        paragraph = _without_recorded_lead(paragraph.strip(), fields)
        if wording(paragraph) in haystack:
            continue
        for sentence in split_sentences(paragraph):
            if wording(sentence) not in haystack:
                missing.append(sentence.strip())
    return missing


def split_document(document: str) -> tuple[dict, str]:
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", document, re.DOTALL)
    if not match:
        return {}, document
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def _field_texts(fields: dict) -> list[str]:
    texts = []
    for key in ("title", "dateline", "summary", "ticker"):
        value = fields.get(key)
        texts.extend(value if isinstance(value, list) else [str(value)] if value else [])
    return texts


def source_paragraphs(source_text: str, is_html: bool) -> list[str]:
    """Paragraphs of the source as plain text: Markdown-ish bold, escapes and bullets undone for
    .txt."""
    if is_html:
        return [line for line in source_text.split("\n") if line.strip()]
    paragraphs = re.split(r"\n\s*\n", normalise_newlines(source_text))
    cleaned = []
    for paragraph in paragraphs:
        lines = [BULLET.sub("", line.strip()) for line in paragraph.split("\n")]
        text = unescape(" ".join(lines).replace("**", ""))
        if text.strip():
            cleaned.append(text)
    return cleaned


def _without_recorded_lead(paragraph: str, fields: dict) -> str:
    """Cut a leading dateline whose date and place the front matter records; the rest must be in the
    body."""
    lead = match_lead(paragraph)
    if lead is None:
        return _without_recorded_placeline(paragraph, fields)
    if str(fields.get("date", ""))[:10] != lead.date.isoformat():
        return paragraph
    if lead.place and normalise(tidy_place(lead.place)) != normalise(
        str(fields.get("dateline", ""))
    ):
        return paragraph
    return paragraph[lead.end :]


def _without_recorded_placeline(paragraph: str, fields: dict) -> str:
    """ "PHOENIX--(BUSINESS WIRE)--" with no date: cut when place and wire are both recorded."""
    placeline = match_placeline(paragraph)
    if placeline is None:
        return paragraph
    place, wire, end = placeline
    recorded = normalise(str(fields.get("dateline", ""))), normalise(str(fields.get("wire", "")))
    if recorded != (normalise(tidy_place(place)), normalise(wire)):
        return paragraph
    return paragraph[end:]


def source_line(raw_text: str, sentence: str) -> int:
    """The line of the raw source where a sentence starts (found by its first words, across
    line wraps, markup and tags), else 1."""
    words = re.findall(r"\w+", sentence)[:6]
    if not words:
        return 1
    pattern = r"(?:\W|<[^>]*>)+".join(map(re.escape, words))
    found = re.search(pattern, raw_text)
    return raw_text.count("\n", 0, found.start()) + 1 if found else 1
