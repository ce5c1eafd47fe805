"""Read an HTML release page: find the article, drop the site around it, keep its structure as
blocks.

Built on the standard library's `html.parser` rather than BeautifulSoup: saved
release pages are simple, a forgiving tree builder is ~60 lines, and it keeps
the install to what Pelican already needs.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from dateline.content.text import VOID_ELEMENTS
from dateline.importer.blocks import Block, Span, collapse, merge

logger = logging.getLogger(__name__)

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


@dataclass
class HtmlPage:
    """What the importer needs from a page: the article's blocks and text, and hints from around
    it."""

    blocks: list[Block]
    text: str
    headline: str | None
    headline_line: int
    published: dt.date | None


def read_page(text: str) -> HtmlPage:
    """Parse a saved page and return its article as blocks, plus headline and date hints."""
    root = parse_html(text)
    article = find_article(root)
    headline, headline_line = _headline_hint(root, article)
    page_level = article.tag in ("#document", "html", "body")
    blocks = BlockWalker(drop_page_chrome=page_level).walk(article)
    decks = _decks(root, article) if headline else []
    blocks = [
        Block("paragraph", spans=[Span(collapse(node_text(d)).strip(), em=True)], line=d.line)
        for d in decks
    ] + blocks
    dropped = len(collapse(node_text(root)).strip()) - len(collapse(node_text(article)).strip())
    if dropped > 0:
        logger.debug("importer: dropped %s characters of page navigation and chrome", dropped)
    text = "\n".join(
        [collapse(node_text(deck)).strip() for deck in decks] + [article_text(article, page_level)]
    )
    return HtmlPage(blocks, text, headline, headline_line, _published(root, article))


def find_article(root: Node) -> Node:
    """The release itself: <article>, <main>, role=main, else the element holding the most paragraph
    text."""
    articles = [node for node in root.iter() if node.tag == "article" and not _is_chrome(node)]
    if articles:
        return max(articles, key=lambda node: len(node_text(node)))
    for test in (lambda n: n.tag == "main", lambda n: n.attrs.get("role") == "main"):
        found = next((node for node in root.iter() if test(node)), None)
        if found is not None:
            return found
    return _with_surroundings(_densest(root))


STORY_SHARE = 0.6  # the densest block is this much of its parent's text: the parent is the release


def _with_surroundings(story: Node) -> Node:
    """A newswire page puts headline and time stamp above the story and the contacts below it,
    in one container: take the container when the story is most of its text."""
    parent = story.parent
    if parent is None or parent.tag in ("body", "html", "#document") or _is_chrome(parent):
        return story
    story_chars = len(collapse(node_text(story, skip_chrome=True)).strip())
    parent_chars = len(collapse(node_text(parent, skip_chrome=True)).strip())
    return parent if parent_chars and story_chars >= STORY_SHARE * parent_chars else story


def _densest(root: Node) -> Node:
    best, best_score = root.find("body") or root, 0
    for node in root.iter():
        if node.tag in SKIP or node.tag in PAGE_CHROME:
            continue
        score = sum(
            len(node_text(child))
            for child in node.children
            if isinstance(child, Node) and child.tag in ("p", "ul", "ol", "table", "h2", "h3")
        )
        if score > best_score:
            best, best_score = node, score
    return best


def _dropped(node: Node, page_level: bool) -> bool:
    """Chrome inside the article, plus the page header and footer when no article element was
    found."""
    return _is_chrome(node) or (page_level and node.tag in PAGE_CHROME)


def _is_chrome(node: Node) -> bool:
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
        elif child.tag in SKIP or (skip_chrome and _dropped(child, page_level)):
            continue
        elif child.tag == "br":
            parts.append("\n")
        else:
            boundary = "\n" if child.tag in BLOCK else ""
            parts.append(boundary)
            _collect_text(child, parts, skip_chrome, page_level)
            parts.append(boundary)


def article_text(article: Node, page_level: bool = False) -> str:
    """The article's readable text, one block per line: what --verify checks the output against."""
    text = node_text(article, skip_chrome=True, page_level=page_level)
    lines = (collapse(line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _headline_hint(root: Node, article: Node) -> tuple[str | None, int]:
    """An <h1> outside the article (newswire pages put it there), else the page <title>."""
    inside = article.find("h1")
    if inside is not None:
        return None, inside.line
    for node in root.iter():
        if node.tag == "h1" and not _inside_skipped(node):
            return collapse(node_text(node)).strip() or None, node.line
    title = root.find("title")
    if title is not None:
        return _title_headline(collapse(node_text(title)).strip()), title.line
    return None, 1


_SITE_PART = re.compile(
    r"^(?:news(?:room)?|(?:news|press)\s+releases?|investors?|media|home|releases?)$", re.IGNORECASE
)


def _title_headline(title: str) -> str | None:
    """ "Headline | GlobeNewswire" or "GlobeNewswire - Headline": the longest part of the <title>
    that is not the wire's name or a section of the site."""
    from dateline.importer.datelines import WIRE_NAME
    from dateline.importer.letterheads import is_navigation

    parts = [p.strip() for p in re.split(r"\s+[|–—]\s+|\s+-\s+", title) if p.strip()]
    kept = [
        p
        for p in parts
        if not re.fullmatch(WIRE_NAME + r"(?:\.com)?", p, re.IGNORECASE)
        and not _SITE_PART.match(p)
        and not is_navigation(p)
    ]
    return max(kept or parts or [""], key=len) or None


def _decks(root: Node, article: Node) -> list[Node]:
    """Subheadlines ("decks") between a page <h1> and the article: part of the release, kept as
    italics."""
    h1 = next((n for n in root.iter() if n.tag == "h1" and not _inside_skipped(n)), None)
    if h1 is None or h1.parent is None:
        return []
    siblings = [child for child in h1.parent.children if isinstance(child, Node)]
    decks = []
    for node in siblings[siblings.index(h1) + 1 :]:
        if node is article or any(n is article for n in node.iter()):
            break
        if node.tag in ("h2", "h3", "h4") and collapse(node_text(node)).strip():
            decks.append(node)
    return decks


def _inside_skipped(node: Node) -> bool:
    while node is not None:
        if node.tag in SKIP:
            return True
        node = node.parent
    return False


def _published(root: Node, article: Node) -> dt.date | None:
    """A machine-readable date: <time datetime> in the article, the article:published_time meta,
    else the page's first <time datetime> outside navigation (a newswire's time stamp above)."""
    candidates = [n.attrs.get("datetime", "") for n in article.iter() if n.tag == "time"]
    candidates += [
        n.attrs.get("content", "")
        for n in root.iter()
        if n.tag == "meta"
        and n.attrs.get("property", n.attrs.get("name", "")).lower()
        in ("article:published_time", "dc.date", "date", "pubdate", "publish-date")
    ]
    candidates += [
        n.attrs.get("datetime", "")
        for n in root.iter()
        if n.tag == "time" and not _inside_skipped(n)
    ]
    for value in candidates:
        match = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", value)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                continue
    return None


class BlockWalker:
    """Turn the article's element tree into blocks: paragraphs, headings, lists, tables, quotes."""

    def __init__(self, drop_page_chrome: bool = False):
        self.drop_page_chrome = drop_page_chrome
        self.blocks: list[Block] = []
        self.pending: list[Span] = []
        self.pending_line = 1

    def walk(self, article: Node) -> list[Block]:
        self._container(article, quote=False)
        self._flush(quote=False)
        return self.blocks

    def _container(self, node: Node, quote: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                self._inline_text(child, node.line)
            elif _dropped(child, self.drop_page_chrome):
                continue
            elif child.tag in BLOCK:
                self._block(child, quote)
            else:
                self._inline_node(child)

    def _block(self, node: Node, quote: bool) -> None:
        self._flush(quote)
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._add(Block("heading", spans=inline(node), level=int(tag[1]), line=node.line))
        elif tag == "p":
            self._add(Block("quote" if quote else "paragraph", spans=inline(node), line=node.line))
        elif tag in ("ul", "ol"):
            block = Block("list", line=node.line)
            _list_items(node, 0, block.items)
            self._add(block)
        elif tag == "table":
            self._add(Block("table", rows=_table_rows(node), line=node.line))
        elif tag == "blockquote":
            self._container(node, quote=True)
        elif tag == "hr":
            return
        else:
            self._container(node, quote)
        self._flush(quote)

    def _inline_text(self, text: str, line: int) -> None:
        if not self.pending:
            self.pending_line = line
        self.pending.append(Span(collapse(text)))

    def _inline_node(self, node: Node) -> None:
        if not self.pending:
            self.pending_line = node.line
        self.pending.extend(inline(node, wrap=True))

    def _flush(self, quote: bool) -> None:
        if "".join(span.text for span in self.pending).strip():
            spans = _trim(merge(self.pending))
            self._add(Block("quote" if quote else "paragraph", spans=spans, line=self.pending_line))
        self.pending = []

    def _add(self, block: Block) -> None:
        if block.text.strip():
            self.blocks.append(block)


def inline(node: Node, *, wrap: bool = False, strong=False, em=False, href=None) -> list[Span]:
    """A node's inline content as styled spans; <br> becomes a hard break."""
    if wrap:
        strong, em, href = _style(node, strong, em, href)
        if node.tag == "br":
            return [Span("\n", strong, em, href)]
        if node.tag == "img" or node.tag in SKIP:
            return []
    spans: list[Span] = []
    for child in node.children:
        if isinstance(child, str):
            spans.append(Span(collapse(child), strong, em, href))
        elif not _is_chrome(child):
            spans.extend(inline(child, wrap=True, strong=strong, em=em, href=href))
    return spans if wrap else _trim(merge(spans))


def _style(node: Node, strong, em, href):
    if node.tag in ("strong", "b"):
        strong = True
    elif node.tag in ("em", "i", "cite"):
        em = True
    elif (
        node.tag == "a"
        and node.attrs.get("href")
        and not node.attrs["href"].startswith("javascript:")
    ):
        href = node.attrs["href"].strip()
    return strong, em, href


def _trim(spans: list[Span]) -> list[Span]:
    """Strip the whitespace at the edges of a block and around its line breaks."""
    if not spans:
        return spans
    spans[0].text = spans[0].text.lstrip()
    spans[-1].text = spans[-1].text.rstrip()
    for span in spans:
        span.text = re.sub(r" *\n *", "\n", span.text)
    return [span for span in spans if span.text]


def _list_items(node: Node, depth: int, items: list) -> None:
    ordered = node.tag == "ol"
    for child in node.children:
        if not isinstance(child, Node) or child.tag != "li":
            continue
        own = Node(
            "li",
            children=[
                c for c in child.children if not (isinstance(c, Node) and c.tag in ("ul", "ol"))
            ],
        )
        spans = [Span(s.text.replace("\n", " "), s.strong, s.em, s.href) for s in inline(own)]
        items.append((depth, ordered, merge(spans)))
        for sub in child.children:
            if isinstance(sub, Node) and sub.tag in ("ul", "ol"):
                _list_items(sub, depth + 1, items)


def _table_rows(table: Node) -> list[list[list[Span]]]:
    rows = []
    for row in (n for n in table.iter() if n.tag == "tr"):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
        cells_spans = [
            [Span(s.text.replace("\n", " "), s.strong, s.em, s.href) for s in inline(c)]
            for c in cells
        ]
        if cells_spans:
            rows.append(cells_spans)
    return rows
