"""`dateline extract`: never refuses a readable release, runs from any folder, `--date` anchors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.commands.cli import main

ROOT = Path(__file__).parent.parent
NO_DATE = """ACME MINING ANNOUNCES START OF DRILLING AT VEGA

Acme Mining Corp. (TSXV: ACM) is pleased to announce that drilling began at the Vega Project on \
May 3, 2013. The Company closed its private placement today. Commercial production is expected in \
the third quarter of 2014.
"""
NO_DATE_HTML = """<html><body><article><h1>Acme Mining Receives Water Licence</h1>
<p>Acme Mining Corp. (TSXV: ACM) announces that the water licence for the Vega Project was granted
on 12 March 2015. The Company closed its private placement today.</p></article></body></html>
"""


def run_extract(capsys, *argv) -> tuple[int, list, str]:
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("[") else out, err


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working folder with no pelicanconf.py, and a raw release without a dateline date."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release.txt").write_text(NO_DATE, encoding="utf-8")
    (tmp_path / "release.html").write_text(NO_DATE_HTML, encoding="utf-8")
    return tmp_path


def _by_kind(result: dict) -> dict:
    return {m["kind"]: m for m in result["milestones"]}


def test_undated_text_release_is_extracted_with_a_warning(elsewhere, capsys):
    code, results, err = run_extract(capsys, "release.txt")
    assert code == 0
    [result] = results
    assert result["source"] == "release.txt"
    found = _by_kind(result)
    assert found["drilling"]["date"] == "2013-05-03"
    assert (found["production"]["date"], found["production"]["precision"]) == ("2014-Q3", "quarter")
    assert found["financing"]["date"] is None  # "today" cannot be anchored without a date
    assert "release.txt:1: date: expected a dateline date, found none" in err
    assert "Traceback" not in err


def test_date_option_anchors_today(elsewhere, capsys):
    code, [result], err = run_extract(capsys, "release.txt", "--date", "2013-05-29")
    assert code == 0 and "date:" not in err
    assert _by_kind(result)["financing"]["date"] == "2013-05-29"


def test_undated_html_release_is_extracted(elsewhere, capsys):
    code, [result], err = run_extract(capsys, "release.html")
    assert code == 0
    permit = _by_kind(result)["permit"]
    assert (permit["date"], permit["status"]) == ("2015-03-12", "achieved")
    assert "release.html:1: date:" in err


def test_text_without_a_headline_is_still_read(elsewhere, capsys):
    (elsewhere / "short.txt").write_text("Drilling began on May 3, 2013.\n", encoding="utf-8")
    code, [result], err = run_extract(capsys, "short.txt")
    assert code == 0
    assert [m["date"] for m in result["milestones"]] == ["2013-05-03"]
    assert "short.txt:1: release:" in err


def test_text_format_lists_review_reasons(elsewhere, capsys):
    assert main(["extract", "release.txt", "--format", "text", "--date", "2013-05-29"]) == 0
    out = capsys.readouterr().out
    assert "  milestone: [achieved] 2013-05-29 financing:" in out
    assert '    review: date read from the release date ("today")' in out


def test_bad_date_option_is_a_clear_error(elsewhere, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", "release.txt", "--date", "29/05/2013"])
    assert stop.value.code == 2
    assert "expected a date YYYY-MM-DD, found '29/05/2013'" in capsys.readouterr().err


def test_missing_file_and_missing_settings_are_problems(elsewhere, capsys):
    code = main(["extract", "release.txt", "gone.txt"])
    out, err = capsys.readouterr()
    assert code == 1 and "gone.txt:1: file: cannot be read" in err
    assert len(json.loads(out)) == 1  # the readable file is still printed
    assert main(["extract", "release.txt", "-s", "nosuch.py"]) == 1
    assert "nosuch.py:1: settings: expected a settings file, found none" in capsys.readouterr().err


def test_markdown_release_in_the_project(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    release = "tests/fixtures/sites/tiny/content/releases/2024/2024-09-30-northgate-files-report.md"
    code, [result], _ = run_extract(capsys, release)
    assert code == 0 and result["source"] == release
    assert set(result) == {"source", "grants", "milestones"}


def test_runs_from_another_folder_as_a_command(tmp_path):
    """The installed command, started outside the project folder (it used to print a traceback)."""
    (tmp_path / "release.txt").write_text(NO_DATE, encoding="utf-8")
    command = Path(sys.executable).with_name("dateline")
    done = subprocess.run([str(command), "extract", "release.txt"], cwd=tmp_path, check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)[0]["milestones"][0]["kind"] == "drilling"
