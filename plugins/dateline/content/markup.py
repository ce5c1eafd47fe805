"""Markdown for release bodies, pages and issuer texts: raw HTML shown as text, output sanitised.

A release is written by people, often pasted from a newswire or a word
processor. Raw HTML in it is shown as the characters it is, not obeyed, so
no stray `<script>` or `onerror=` can run on the investor site; tables,
lists and links come from Markdown itself. A link or image whose address uses
a scheme other than http(s), mailto, tel or a relative path keeps its text and
loses the address. Whatever Markdown writes then passes the allow-list of
`dateline.content.sanitize` (attribute lists can add any attribute, and an address can
hide its scheme behind entities), so this is the one renderer for every piece
of Markdown that reaches a page or a feed.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from dateline.content.sanitize import clean_html

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_safe_url(url: str) -> bool:
    """A relative address, or one whose scheme is in SAFE_SCHEMES, read as a browser reads
    it: Markdown keeps `&#106;` in an address as written, and the browser decodes it."""
    cleaned = "".join(ch for ch in html.unescape(url) if ch > " " and ch != "\x7f")
    try:
        return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]


class SafeReleaseMarkdown(Extension):
    """Escape raw HTML (blocks and inline) and drop unsafe URLs."""

    def extendMarkdown(self, md):
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        md.treeprocessors.register(_DropUnsafeUrls(md), "dateline_safe_urls", 0)


class SanitisedMarkdown(Markdown):
    """Python-Markdown whose every `convert` result has passed the sanitiser."""

    def convert(self, source: str) -> str:
        return clean_html(super().convert(source))


# Issuer texts are rendered before any Pelican settings exist; these match pelicanconf.py.
DEFAULT_MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}},
    "output_format": "html5",
}


def converter(settings=None) -> Markdown:
    """A Markdown converter with the site's MARKDOWN settings, made safe for releases."""
    config = dict(settings["MARKDOWN"] if settings else DEFAULT_MARKDOWN)
    extensions = list(config.pop("extensions", [])) + list(config.get("extension_configs", {}))
    return SanitisedMarkdown(extensions=extensions + [SafeReleaseMarkdown()], **config)


def render(text: str, settings=None) -> str:
    """Markdown text to sanitised HTML, with a converter made for this call."""
    return converter(settings).convert(text)
