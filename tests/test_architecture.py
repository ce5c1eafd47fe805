"""The shape of the code: what loads when, what keys a cache, where each fact's fields live.

These are promises about structure that no build output shows: a CLI that stays cheap to
start, a cache key that an unrelated edit does not invalidate, one field list per fact.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("whoosh", "dateline.importer", "dateline_corpus", "dateline.search")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(finished.stdout.splitlines()[-1]))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_parsing_the_command_line_imports_no_subcommand_module():
    loaded = modules_after("""
        import contextlib, io
        from dateline.cli import parse_arguments
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            parse_arguments(["--help"])
        parse_arguments(["build"])
        parse_arguments(["-q", "check", "--no-report"])
    """)
    assert "dateline.cli" in loaded
    assert heavy_in(loaded) == []


def test_a_subcommand_imports_its_own_module_only():
    loaded = modules_after("""
        from dateline.cli import parse_arguments
        args = parse_arguments(["generate", "--count", "3", "--out", "x"])
        assert args.count == 3 and args.module == "dateline_corpus.generator"
    """)
    assert "dateline_corpus.generator" in loaded
    assert "whoosh" not in loaded and "dateline.importer" not in loaded
