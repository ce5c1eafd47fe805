"""The search page's client as one minified, content-hashed file, made at build time in Python.

The client's source is nine small ES modules (theme/static/js/search/), which tests import
one by one. A visitor would fetch them down a six-deep import chain, so the build joins them
in dependency order into one module, strips comments and indentation (no Node is needed),
and names it after its content (`theme/js/search-<hash>.js`), as the stylesheet
(`theme/css/search-<hash>.css`): a deploy never serves a page with the other version's
client, and hosts may cache both forever. Two modules declaring the same top-level name
would collide in one scope, so the build refuses that.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ENTRY = "ui.js"
# What the joined module exports, for pages and tests that drive the engine directly.
EXPORTS = ("SearchEngine", "httpFetcher", "init", "search", "preload", "setFoldTable")
HASH_CHARS = 12

_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w.]+)";\n', re.M)
_EXPORT = re.compile(r"^export (?=(?:async )?function|const|let|class)", re.M)
_DECLARED = re.compile(r"^(?:async )?(?:function\*?|const|let|class) ([\w$]+)", re.M)
_BLOCK_COMMENT = re.compile(r"^\s*/\*.*?\*/\n", re.M | re.S)
_TRAILING_COMMENT = re.compile(r"^(.*?[;{,)])\s+// .*$")


class BundleError(ValueError):
    """The client modules cannot be joined into one file."""


def module_order(client_dir: Path, entry: str = ENTRY) -> list:
    """Module names, each after the modules it imports (a cycle is broken where met)."""
    order, seen = [], set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        for dependency in _IMPORT.findall((client_dir / name).read_text("utf-8")):
            visit(dependency)
        order.append(name)

    visit(entry)
    return order


def join_modules(client_dir: Path) -> str:
    """The modules as one ES module: imports dropped, exports kept only at the end."""
    parts, owners = [], {}
    for name in module_order(client_dir):
        source = _EXPORT.sub("", _IMPORT.sub("", (client_dir / name).read_text("utf-8")))
        for declared in _DECLARED.findall(source):
            if declared in owners:
                raise BundleError("search client: %s declares %s, as %s "
                                  "does" % (name, declared, owners[declared]))
            owners[declared] = name
        parts.append(source)
    missing = [n for n in EXPORTS if n not in owners]
    if missing:
        raise BundleError("search client: nothing declares %s" % ", ".join(missing))
    return "\n".join(parts) + "\nexport { %s };\n" % ", ".join(EXPORTS)


def _balanced(code: str) -> bool:
    return all(code.count(quote) % 2 == 0 for quote in "\"'`")


def minify(source: str) -> str:
    """Drop comments, indentation and blank lines; keep line breaks (so no ASI surprise).

    Conservative on purpose: a trailing `// ...` goes only after a statement end with
    balanced quotes, so a "//" inside a string or regular expression is never touched.
    """
    source = _BLOCK_COMMENT.sub("", source)
    lines = []
    for line in source.splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        trailing = _TRAILING_COMMENT.match(line)
        if trailing and _balanced(trailing.group(1)):
            line = trailing.group(1)
        lines.append(line)
    return "\n".join(lines) + "\n"


def hashed_name(stem: str, blob: bytes, suffix: str) -> str:
    return "%s-%s%s" % (stem, hashlib.sha256(blob).hexdigest()[:HASH_CHARS], suffix)


def write_client(theme_static: Path, output_theme: Path) -> dict:
    """Write the joined client and the search stylesheet under hashed names into the output's
    theme folder; return the template context {SEARCH_CLIENT, SEARCH_CSS} (paths from the
    site root)."""
    script = minify(join_modules(theme_static / "js" / "search")).encode("utf-8")
    style = (theme_static / "css" / "search.css").read_bytes()
    names = {"SEARCH_CLIENT": ("js", hashed_name("search", script, ".js"), script),
             "SEARCH_CSS": ("css", hashed_name("search", style, ".css"), style)}
    context = {}
    for key, (folder, name, blob) in names.items():
        target = output_theme / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
        context[key] = "theme/%s/%s" % (folder, name)
    return context
