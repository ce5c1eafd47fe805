"""The allow-list every piece of rendered HTML passes before it reaches a page or a feed.

Release bodies, pages and the issuer's disclaimer and legend texts are Markdown
written by people and pasted from newswires. Markdown's attribute lists
(`{: onerror=...}`), entity-encoded schemes (`&#106;avascript:`) and whatever
a later extension lets through must never run script on the investor site,
which static hosts serve without the theme's Content-Security-Policy header.

The HTML is parsed by nh3 (ammonia's HTML5 parser, the one browsers follow) and
rebuilt from the elements, attributes and URL schemes below; anything else is
dropped. Entities are decoded before a URL's scheme is judged, so an address is
judged the way a browser will read it.
"""

from __future__ import annotations

import re

import nh3

# What Python-Markdown and its `extra` extensions write (tables, footnotes, abbreviations,
# definition lists, attribute lists), and nothing that can load or run anything else.
ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre",
    "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Table cells keep their alignment (Python-Markdown writes it as style="text-align: ..."),
# and no other property: `style` can carry url() and expression().
STYLE_PROPERTIES = frozenset({"text-align"})
# Contents that are code or data, not text, go with their element.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object"})

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9:._-]{0,99}$")
_CLASSES = re.compile(r"^[A-Za-z0-9_ -]{1,200}$")
_ALIGN = re.compile(r"^text-align:\s*(left|right|center|justify);?$")
_DIMENSION = re.compile(r"^\d{1,5}%?$")
# Characters XML 1.0 forbids (a feed could not carry them) and HTML parses as errors. A body
# holding one is refused (frontmatter.py); a reference such as `&#14;` decodes to one here.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _attribute_value(element: str, attribute: str, value: str) -> str | None:
    """Names and sizes keep a plain shape, so an id cannot pose as anything else."""
    if attribute == "id":
        return value if _NAME.match(value) else None
    if attribute == "class":
        return value if _CLASSES.match(value) else None
    if attribute == "style":
        return value if _ALIGN.match(value.strip()) else None
    if attribute in ("width", "height", "colspan", "rowspan", "start"):
        return value if _DIMENSION.match(value.strip()) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ELEMENTS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={name: set(values) for name, values in ATTRIBUTES.items()},
    attribute_filter=_attribute_value,
    url_schemes=set(URL_SCHEMES),
    filter_style_properties=set(STYLE_PROPERTIES),
    link_rel=None,
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """The HTML with every element, attribute and URL outside the allow-list removed."""
    return CONTROL_CHARACTERS.sub("", _CLEANER.clean(html))
