"""Read an HTML release page: find the article, drop the site around it, keep its structure as
blocks (`html_blocks`), and take the headline and date hints from around it.

The element tree and the page's text are `html_tree`'s.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from dateline.importer.blocks import Block, Span, collapse
from dateline.importer.html_blocks import BlockWalker
from dateline.importer.html_tree import (
    PAGE_CHROME,
    SKIP,
    Node,
    is_chrome,
    node_text,
    parse_html,
)

logger = logging.getLogger(__name__)
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
    articles = [node for node in root.iter() if node.tag == "article" and not is_chrome(node)]
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
    if parent is None or parent.tag in ("body", "html", "#document") or is_chrome(parent):
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
