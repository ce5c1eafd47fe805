"""The shape of the code: what loads when, what keys a cache, where each fact's fields live.

These are promises about structure that no build output shows: a CLI that stays cheap to
start, a cache key that an unrelated edit does not invalidate, one field list per fact.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("whoosh", "dateline.importer", "dateline_corpus", "dateline.search")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True)
    return set(json.loads(finished.stdout.splitlines()[-1]))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_parsing_the_command_line_imports_no_subcommand_module():
    loaded = modules_after("""
        import contextlib, io
        from dateline.commands.cli import parse_arguments
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            parse_arguments(["--help"])
        parse_arguments(["build"])
        parse_arguments(["-q", "check", "--no-report"])
    """)
    assert "dateline.commands.cli" in loaded
    assert heavy_in(loaded) == []


def test_a_subcommand_imports_its_own_module_only():
    loaded = modules_after("""
        from dateline.commands.cli import parse_arguments
        args = parse_arguments(["generate", "--count", "3", "--out", "x"])
        assert args.count == 3 and args.module == "dateline_corpus.generator"
    """)
    assert "dateline_corpus.generator" in loaded
    assert "whoosh" not in loaded and "dateline.importer" not in loaded


# --- the code a cache key hashes ---------------------------------------------------------------

PLUGIN = Path(__file__).resolve().parent.parent / "plugins"


def module_file(name: str) -> Path | None:
    path = PLUGIN / name.replace(".", "/")
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_by(name: str) -> set[str]:
    """The Dateline modules `name` imports anywhere in its source, function-level imports too."""
    package = name if module_file(name).name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(module_file(name).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    # the package itself is register(), not code a page is made of
    return {m for m in found if m.startswith("dateline.") and module_file(m) is not None}


def import_closure(roots) -> set[str]:
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += imported_by(name)
    return seen


def test_every_module_on_the_release_and_page_path_is_classified():
    """A module the read, prepare or write path imports either shapes output (its code is in
    the cache keys) or is named as machinery: a new module cannot slip past the keys."""
    from dateline.runtime import cache

    path = import_closure(f"dateline.{name}" for name in cache.OUTPUT_PATH_ROOTS)
    unclassified = path - set(cache.OUTPUT_MODULES) - set(cache.MACHINERY_MODULES)
    assert unclassified == set()
    assert set(cache.OUTPUT_MODULES) & set(cache.MACHINERY_MODULES) == set()
    assert [m for m in (*cache.OUTPUT_MODULES, *cache.MACHINERY_MODULES)
            if module_file(m) is None] == []


def test_editing_tooling_keeps_release_and_page_keys(tmp_path, monkeypatch):
    """The dev server, the importer, the CLI: not a byte of a page depends on them."""
    from dateline.runtime import cache

    assert not {"dateline.build.devserver", "dateline.commands.cli",
                "dateline.importer.batch"} & set(cache.OUTPUT_MODULES)
    before = cache.code_version()
    copy = tmp_path / "plugins"
    shutil.copytree(PLUGIN / "dateline", copy / "dateline")
    (copy / "dateline" / "build" / "devserver.py").write_text("# edited\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PLUGIN_DIR", copy / "dateline")
    cache.code_version.cache_clear()
    try:
        assert cache.code_version() == before
        (copy / "dateline" / "facts" / "grants.py").write_text("# edited\n", encoding="utf-8")
        cache.code_version.cache_clear()
        assert cache.code_version() != before
    finally:
        cache.code_version.cache_clear()


def test_the_search_process_loads_no_pelican():
    """The indexer runs in a fresh interpreter beside the page writer; what it imports is its
    memory. It needs the releases' text and Whoosh, not Pelican's writer."""
    loaded = modules_after("""
        import dateline.search.process, dateline.search.follow
        import dateline.search.index, dateline.search.export
        import dateline.pages.manifest
    """)
    assert "whoosh" in loaded
    assert sorted(m for m in loaded if m == "pelican" or m.startswith("pelican.")) == []


# --- one field list per fact -------------------------------------------------------------------


def test_extraction_overrides_and_registers_agree_on_the_grant_fields():
    from dateline.content import overrides
    from dateline.facts import fact_fields, grants
    from dateline.pages import registers

    assert grants.GRANT_KEYS == fact_fields.GRANT_KEYS
    assert overrides.GRANT_KEYS == fact_fields.GRANT_KEYS
    assert registers.GRANT_COLUMNS[3:] == tuple(k for k in grants.GRANT_KEYS if k != "review")


def test_extraction_overrides_and_registers_agree_on_the_milestone_fields():
    from dateline.content import overrides
    from dateline.facts import fact_fields, milestones
    from dateline.pages import registers

    assert milestones.KEYS == fact_fields.MILESTONE_KEYS == overrides.MILESTONE_KEYS
    assert registers.MILESTONE_COLUMNS[3:] == tuple(k for k in milestones.KEYS if k != "review")


def test_extraction_finds_only_kinds_and_securities_the_schema_allows():
    from dateline.facts import fact_fields, grant_mentions, milestones

    assert {kind for kind, *_ in milestones._KINDS} <= set(fact_fields.KINDS)
    assert {security for security, _ in grant_mentions.SECURITIES} <= set(fact_fields.SECURITIES)


# --- imports run downward ----------------------------------------------------------------------

LAYERS = ("runtime", "content", "facts", "pages", "search", "importer", "build", "commands")
# The exceptions docs/architecture.md names, each a function-level import or a thin accessor.
# A new upward import fails here; one that goes away fails too, so the docs' list stays true.
KNOWN_UPWARD = {
    ("content.overrides", "facts.fact_fields"),
    ("content.publishing", "build.site"),
    ("content.reader", "build.pipeline"),
    ("content.reader", "build.site"),
    ("facts.leadline", "importer.detect"),
    ("facts.structured", "pages.urls"),
    ("importer.sitecheck", "build.build"),
    ("pages.writer", "build.site"),
    ("runtime.run", "content.frontmatter"),
    ("search.hook", "build.site"),
}


def layer_of(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 2 and parts[1] in LAYERS else None


def plugin_modules() -> list[str]:
    names = []
    for path in sorted((PLUGIN / "dateline").rglob("*.py")):
        parts = path.relative_to(PLUGIN).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_imports_run_downward_but_for_the_documented_exceptions():
    upward = set()
    for name in plugin_modules():
        own = layer_of(name)
        for target in imported_by(name):
            if own is not None and (layer_of(target) or -1) > own:
                upward.add((name.removeprefix("dateline."), target.removeprefix("dateline.")))
    assert upward == KNOWN_UPWARD
    docs = (PLUGIN.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    exceptions = docs[docs.index("Imports run downward"):].split("\n\n")[0]
    for source, target in KNOWN_UPWARD:
        assert f"`{source.replace('.', '/')}`" in exceptions, source
        assert f"`{target}" in exceptions, target
