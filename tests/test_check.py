"""`dateline check` shows what the build will publish because it runs the build's own preparation.

A second copy of the preparation drifted: it dropped the front matter's line numbers and ran
extraction even for a release whose facts are all written by hand.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import ROOT

RELEASE = """---
title: Northgate Reports Mill Throughput
date: 2024-07-02T08:30:00-04:00
ticker: ["TSXV: NGT"]
tags: [operations]
legends: [-us-newswire]
grants: []
milestones: []
---
Northgate Tungsten Corp. granted 100,000 stock options to a director at $0.50 per share.
"""


def check_output(tiny_site: Path, tmp_path: Path, monkeypatch, capsys) -> str:
    from dateline.commands.cli import main

    (tiny_site / "releases" / "2024" / "2024-07-02-northgate-throughput.md").write_text(RELEASE)
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"from pelicanconf import *\nPATH = {str(tiny_site)!r}\n"
        f"OUTPUT_PATH = {str(tmp_path / 'out')!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n"
    )
    monkeypatch.syspath_prepend(str(ROOT))
    assert main(["check", "-s", str(conf)]) == 0
    return capsys.readouterr().out


def test_a_check_warning_keeps_its_front_matter_line(tiny_site, tmp_path, monkeypatch, capsys):
    out = check_output(tiny_site, tmp_path, monkeypatch, capsys)
    source = "releases/2024/2024-07-02-northgate-throughput.md"
    (warning,
     ) = [line for line in out.splitlines() if "legends: -us-newswire has no effect" in line]
    assert warning.startswith("  warning: "
                              "") and f"{source}:6: legends: -us-newswire" in warning, warning


def test_check_runs_no_extraction_when_both_fact_lists_are_written(
    tiny_site, tmp_path, monkeypatch, capsys):
    from dateline.facts import extraction

    extracted = []
    real = extraction.extract_html
    monkeypatch.setattr(extraction, "extract_html", lambda html,
                        **kw: extracted.append(html) or real(html, **kw))
    out = check_output(tiny_site, tmp_path, monkeypatch, capsys)
    report = out.split("2024-07-02-northgate-throughput.md", 1)[1].split("\n\n", 1)[0]
    assert "  grants: none found" in report and "  milestones: none found" in report
    assert not any("100,000 stock options" in html for html
                   in extracted), "extraction ran on the override"
    assert extracted, "the other releases of the site are still extracted"


OWN_DISCLAIMER = """---
title: Northgate Starts Drilling at Ridge
date: 2024-07-03T08:30:00-04:00
ticker: ["TSXV: NGT"]
tags: [operations]
---
Northgate Tungsten Corp. started drilling at its Ridge project today.

## Forward-Looking Statements

This news release contains forward-looking statements about drilling plans. Actual results
may differ materially from those expressed or implied by such statements.
"""


def test_a_release_s_own_disclaimer_is_information_not_a_warning(
    tiny_site, tmp_path, monkeypatch, capsys, caplog):
    """Imported releases carry their own legal text: the normal case, so no warning."""
    (tiny_site / "releases" / "2024" / "2024-07-03-northgate-drilling.md").write_text(
        OWN_DISCLAIMER)
    out = check_output(tiny_site, tmp_path, monkeypatch, capsys)
    report = out.split("2024-07-03-northgate-drilling.md", 1)[1].split("\n\n", 1)[0]
    assert "  disclaimer: release (as published)" in report
    assert "warning:" not in report
    assert not [r for r in caplog.records if r.levelname == "WARNING"
                and "northgate-drilling" in r.getMessage()]
