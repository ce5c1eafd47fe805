"""An article's element tree as the importer's blocks: paragraphs, headings, lists, tables,
quotes, with bold, italics and links kept as styled spans."""

from __future__ import annotations

import re

from dateline.importer.blocks import Block, Span, collapse, merge
from dateline.importer.html_tree import BLOCK, SKIP, Node, dropped, is_chrome


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
            elif dropped(child, self.drop_page_chrome):
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
        elif not is_chrome(child):
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
