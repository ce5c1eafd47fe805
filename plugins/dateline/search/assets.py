"""Every theme file a page loads, under a content-hashed name, made at build time in Python.

A deploy must never pair a page with another version's stylesheet or script, and hosts
should cache those files forever; both hold only if each file is named after its bytes. So
the theme's static folder is not copied as is (pelicanconf sets THEME_STATIC_PATHS = []):
`write_theme` writes each stylesheet and image as `<stem>-<hash><suffix>` and the search
client as one joined module, and gives the templates their paths (THEME_FILES). The client's
source modules are never copied into the output.

The client's source is small ES modules of one job each (theme/static/js/search/), which
tests import one by one. A visitor would fetch them down a deep import chain, so the build
joins them in dependency order into one module, strips comments and indentation (no Node is
needed), and names it after its content (`theme/js/search-<hash>.js`), as the stylesheet
(`theme/css/search-<hash>.css`): a deploy never serves a page with the other version's
client, and hosts may cache both forever. Two modules declaring the same top-level name
would collide in one scope, so the build refuses that.

Importing the client starts nothing. The search page loads its own script instead,
`theme/js/search_page-<hash>.js`: the same modules joined from `page.js`, whose one statement
calls `start()`. One file, one request, an import chain one file deep (a separate two-line
starter importing the client would cost the page a request, and a round trip unless
preloaded). The client alone (entry ui.js) is what tests and benchmarks import.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ENTRY = "ui.js"
# What the joined module exports, for pages and tests that drive the engine directly.
EXPORTS = ("SearchEngine", "httpFetcher", "init", "search", "preload", "setFoldTable", "start")
# The search page's script: the modules joined from this entry, which calls start().
PAGE_ENTRY = "page.js"

HASH_CHARS = 12
# Theme folders whose files are written as they are, under hashed names (js/ is joined).
HASHED_FOLDERS = ("css", "img")

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


def join_modules(client_dir: Path, entry: str = ENTRY) -> str:
    """The modules as one ES module: imports dropped, exports kept only at the end."""
    parts, owners = [], {}
    for name in module_order(client_dir, entry):
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


def _write_hashed(output_theme: Path, folder: str, stem: str, suffix: str, blob: bytes) -> str:
    """Write blob under its hashed name (once: the name says the bytes); return its path."""
    name = hashed_name(stem, blob, suffix)
    target = output_theme / folder / name
    if not (target.exists() and target.read_bytes() == blob):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    return "theme/%s/%s" % (folder, name)


def static_files(theme_static: Path) -> list:
    """(folder, file) of the theme's stylesheets and images; the client modules are joined."""
    return [(folder, path) for folder in HASHED_FOLDERS
            for path in sorted((theme_static / folder).glob("*")) if path.is_file()]


def write_theme(theme_static: Path, output_theme: Path) -> dict:
    """Write every theme file pages load under hashed names; return the template context:
    THEME_FILES {"css/main.css": "theme/css/main-<hash>.css", ...} (paths from the site root,
    keyed by source path; "js/search.js" is the joined client, "js/search_page.js" the same
    client ending in the call that starts the search page), SEARCH_CLIENT and SEARCH_CSS."""
    files = {
        "%s/%s" % (folder, path.name): _write_hashed(
            output_theme, folder, path.stem, path.suffix, path.read_bytes()
        )
        for folder, path in static_files(theme_static)
    }
    for key, stem, entry in (("js/search.js", "search", ENTRY),
                             ("js/search_page.js", "search_page", PAGE_ENTRY)):
        script = minify(join_modules(theme_static / "js" / "search", entry)).encode("utf-8")
        files[key] = _write_hashed(output_theme, "js", stem, ".js", script)
    return {
        "THEME_FILES": files,
        "SEARCH_CLIENT": files["js/search.js"],
        "SEARCH_CSS": files["css/search.css"],
    }


def write_client(theme_static: Path, output_theme: Path) -> dict:
    """The theme files (write_theme); for callers that want only {SEARCH_CLIENT, SEARCH_CSS}."""
    context = write_theme(theme_static, output_theme)
    return {key: context[key] for key in ("SEARCH_CLIENT", "SEARCH_CSS")}
