"""HTML as an element tree: a forgiving parser and the page's text, for the importer.

Built on the standard library's `html.parser` rather than BeautifulSoup: saved release pages
are simple, a forgiving tree builder is ~60 lines, and it keeps the install to what Pelican
already needs. `is_chrome` names what is site, not release (navigation, share bars, cookie
notices), so the page reader and the block walker drop the same things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from dateline.content.text import VOID_ELEMENTS

SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
        "nav",
        "aside", "object", "canvas", "video", "audio", "map", "dialog"}  # fmt: skip
PAGE_CHROME = {"header", "footer"}
BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5",
         "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote",
         # fmt: skip
         "pre", "hr", "address", "figure", "figcaption", "dl", "dt", "dd", "center", "caption"}
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|share|sharing|social|cookie|related|subscribe|newsletter"
    r"|print-?links?"
    r"|skip-?link|sidebar|menu|navbar|pagination|back-?to-?top)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CLOSES_P = BLOCK - {"li", "td", "th", "tr", "dt", "dd", "thead", "tbody", "tfoot", "caption"}
# a new <li> closes the open <li>, but not one outside the nearest list: _SCOPE stops the search
_IMPLIED_END = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
                "td": {"td", "th"}, "th": {"td", "th"},
                "tbody": {"thead", "tbody", "tr", "td", "th"},
                "tfoot": {"thead", "tbody", "tr", "td", "th"}}  # fmt: skip
_SCOPE = {
    "li": {"ul", "ol"},
    "dt": {"dl"},
    "dd": {"dl"},
    "tr": {"table", "thead", "tbody", "tfoot"},
    # fmt: skip
    "td": {"tr", "table"},
    "th": {"tr", "table"},
    "tbody": {"table"},
    "tfoot": {"table"},
}
_SCOPE_DEFAULT = {
    "div",
    "section",
    "article",
    "main",
    "td",
    "th",
    "li",
    "blockquote",
    "table",
    "body",
}


@dataclass
class Node:
    """An element: tag, attributes, children (nodes or text), and its source line."""

    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    line: int = 1
    parent: Node | None = None

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find(self, tag: str):
        return next((node for node in self.iter() if node.tag == tag), None)


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: implied end tags, stray end tags ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        self._imply_end(tag)
        node = Node(
            tag, {k: v or "" for k, v in attrs}, line=self.getpos()[0], parent=self.stack[-1]
        )
        self.stack[-1].children.append(node)
        if tag not in VOID_ELEMENTS:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def _imply_end(self, tag):
        """Close what HTML closes implicitly: an open <p> before a block, an open <li> before the
        next."""
        closes = _IMPLIED_END.get(tag, set())
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if (open_tag == "p" and tag in _CLOSES_P) or open_tag in closes:
                del self.stack[depth:]
                return
            if open_tag in _SCOPE.get(tag, _SCOPE_DEFAULT):
                return


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def dropped(node: Node, page_level: bool) -> bool:
    """Chrome inside the article, plus the page header and footer when no article element was
    found."""
    return is_chrome(node) or (page_level and node.tag in PAGE_CHROME)


def is_chrome(node: Node) -> bool:
    if node.tag in SKIP:
        return True
    names = " ".join(
        (node.attrs.get("class", ""), node.attrs.get("id", ""), node.attrs.get("role", ""))
    )
    return (
        bool(CHROME_CLASS.search(names))
        or node.attrs.get("role") == "navigation"
        or "hidden" in node.attrs
    )


def node_text(node: Node, *, skip_chrome: bool = False, page_level: bool = False) -> str:
    """All text below a node, with a newline at every block boundary."""
    parts: list[str] = []
    _collect_text(node, parts, skip_chrome, page_level)
    return "".join(parts)


def _collect_text(node: Node, parts: list[str], skip_chrome: bool, page_level: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag in SKIP or (skip_chrome and dropped(child, page_level)):
            continue
        elif child.tag == "br":
            parts.append("\n")
        else:
            boundary = "\n" if child.tag in BLOCK else ""
            parts.append(boundary)
            _collect_text(child, parts, skip_chrome, page_level)
            parts.append(boundary)
