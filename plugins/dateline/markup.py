"""Markdown for release bodies, with raw HTML shown as text and unsafe link schemes dropped.

A release is written by people, often pasted from a newswire or a word
processor. Raw HTML in it is shown as the characters it is, not obeyed, so
no stray `<script>` or `onerror=` can run on the investor site; tables,
lists and links come from Markdown itself. A link or image whose address uses
a scheme other than http(s), mailto, tel or a relative path keeps its text and
loses the address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_safe_url(url: str) -> bool:
    """A relative address, or one whose scheme is in SAFE_SCHEMES."""
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
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


def converter(settings) -> Markdown:
    """A Markdown converter with the site's MARKDOWN settings, made safe for releases."""
    config = dict(settings["MARKDOWN"])
    extensions = list(config.pop("extensions", [])) + list(config.get("extension_configs", {}))
    return Markdown(extensions=extensions + [SafeReleaseMarkdown()], **config)
