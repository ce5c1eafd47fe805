"""Bad input fails the whole build with every problem listed, and output/ is untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from sitebuild import ROOT, build_site

BROKEN_A = """---
title: Broken release A
date: 2024-02-30
ticker: "TSXV: NGT"
tags: [corporate]
tikcer: oops
---
Body.
"""
BROKEN_B = """---
title: Broken release B
date: 2024-03-01
ticker: "TSX-V: NGT"
tags: [corporate]
---
Body.
"""


def snapshot(folder: Path) -> dict:
    """Every file's bytes hash and mtime, to prove nothing changed."""
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def break_site(content: Path) -> None:
    (content / "releases/2024/2024-02-01-broken-a.md").write_text(BROKEN_A)
    (content / "releases/2024/2024-03-01-broken-b.md").write_text(BROKEN_B)


def test_three_mistakes_in_two_files_give_three_lines(tiny_site, tmp_path):
    output = build_site(tiny_site, tmp_path / "output")
    before = snapshot(output)
    break_site(tiny_site)
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    lines = [str(p) for p in failure.value.problems]
    assert len(lines) == 3, lines
    assert lines[0].endswith("2024-02-01-broken-a.md:3: date: expected an ISO date (2013-05-29) or "
                             "datetime (2013-05-29T09:00:00-04:00), found '2024-02-30'")
    assert lines[1].endswith("2024-02-01-broken-a.md:6: tikcer: expected a known field (title, "
                             "date, ticker, tags, summary, slug, modified, lang, status, dateline, "
                             "wire, disclaimer, legends, contacts, grants, milestones), found "
                             "'tikcer'")
    assert "2024-03-01-broken-b.md:4: ticker: expected 'EXCHANGE: SYMBOL'" in lines[2]
    assert snapshot(output) == before
    assert not list(tmp_path.glob(".output.*")), "staging folder left behind"


def test_cli_exit_status_and_no_traceback(tiny_site, tmp_path):
    break_site(tiny_site)
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"from pelicanconf import *\nPATH = {str(tiny_site)!r}\nOUTPUT_PATH = "
        f"{str(tmp_path / 'out')!r}\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for command in (["build", "-s", str(conf)], ["check", "-s", str(conf)]):
        run = subprocess.run(
            [sys.executable, "-m", "dateline.commands.cli", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr + run.stdout
        problem_lines = [line for line in run.stderr.splitlines() if ".md:" in line]
        assert len(problem_lines) == 3, run.stderr
    assert not (tmp_path / "out").exists()


def test_duplicate_urls_are_errors(tiny_site, tmp_path):
    source = tiny_site / "releases/2024/2024-06-12-northgate-drilling-results.md"
    (tiny_site / "releases/2024/2024-07-01-copy.md").write_text(
        source.read_text().replace("tags:", "slug: northgate-drilling-results\ntags:"))
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    messages = [str(p) for p in failure.value.problems]
    assert len(messages) == 2 and all("expected a unique URL" in m for m in messages)


def test_unknown_issuer_keys_are_errors(tiny_site, tmp_path):
    path = tiny_site / "releases/2024/2024-09-30-northgate-files-report.md"
    path.write_text(path.read_text().replace("disclaimer: none",
                                             "disclaimer: safe-harbour\ncontacts: [cfo]"))
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    fields = sorted(p.field for p in failure.value.problems)
    assert fields == ["contacts", "disclaimer"]


def test_template_error_keeps_last_good_output(tiny_site, tmp_path):
    from dateline.build.build import BuildFailed

    output = build_site(tiny_site, tmp_path / "output")
    before = snapshot(output)
    theme = tmp_path / "theme"
    import shutil

    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates/page.html").write_text("{% extends 'base.html' %}{% block content %}{{ "
                                               "page.nope.deeper }}{% endblock %}")
    with pytest.raises((BuildFailed, Exception)):
        build_site(tiny_site, tmp_path / "output", THEME=str(theme))
    assert snapshot(output) == before


def test_successful_rebuild_replaces_output(tiny_site, tmp_path):
    output = build_site(tiny_site, tmp_path / "output")
    (output / "stale.html").write_text("old")
    build_site(tiny_site, tmp_path / "output")
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
