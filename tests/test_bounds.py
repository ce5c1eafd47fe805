"""Hostile and faulty input (issue 14, items 12-14 and 16): each case is one
`path:line: field: message`, reported with every other problem, before anything is written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site
from dateline.errors import DatelineError, expected, preview
from dateline.issuer import parse_issuer

RELEASE = """---
title: Northgate Reports Progress
date: {date}
ticker: "TSXV: NGT"
tags: [operations]
---
{body}
"""
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def problems_of(content: Path, tmp_path: Path, **settings) -> list[str]:
    with pytest.raises(DatelineError) as caught:
        build_site(content, tmp_path / "output", **settings)
    assert not (tmp_path / "output").exists()
    return [str(problem) for problem in caught.value.problems]


def at(path: Path) -> str:
    """A path as messages print it: relative to the working folder."""
    return os.path.relpath(path)


def write(path: Path, text) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def release(content: Path, name: str, date="2024-05-01", body="Northgate reports.", extra="") -> Path:
    text = RELEASE.format(date=date, body=body).replace("tags:", extra + "tags:") if extra else \
        RELEASE.format(date=date, body=body)
    return write(content / "releases" / name[:4] / name, text)


# --- 12: YAML aliases are refused before they expand -----------------------------------------


def test_billion_laughs_in_front_matter_is_refused_at_the_first_alias(tiny_site, tmp_path):
    laughs = "\n".join("summary: x" if not line else line for line in LAUGHS.splitlines())
    path = release(tiny_site, "2024-05-01-laughs.md", extra=laughs + "\n")
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem == (f"{at(path)}:6: front matter: invalid YAML: expected each value written "
                       "out, found the alias *a (aliases are not read: write the value again)")


def test_billion_laughs_in_issuer_yaml_is_refused_at_the_first_alias(tiny_site, tmp_path):
    issuer = tiny_site / "issuer.yaml"
    first_alias = len(issuer.read_text().splitlines()) + 3  # after "laughs:" and the &a line
    write(issuer, issuer.read_text() + "laughs:\n" + "".join("  " + line + "\n" for line in LAUGHS.splitlines()))
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem.startswith(f"{at(issuer)}:{first_alias}: yaml: invalid YAML: expected each value written out, "
                              "found the alias *a")


def test_a_merge_key_is_an_alias_too():
    with pytest.raises(DatelineError) as caught:
        parse_issuer("base: &b {name: N}\n<<: *b\ntickers: [TSXV: NGT]\n", "issuer.yaml")
    assert str(caught.value.problems[0]).startswith("issuer.yaml:2: yaml: invalid YAML: expected each value")


def test_a_found_value_is_previewed_never_echoed_whole():
    huge = [[["tag"] * 1000] * 1000] * 1000  # a billion items, shared: reprlib looks at a few
    message = expected("a.md", 3, "tags", "a list of tag slugs", huge).message
    assert message == ("expected a list of tag slugs, found [[[...], [...], [...], [...], ...], "
                       "[[...], [...], [...], [...], ...], [[...]...")
    assert preview(10**5000) == "a number of about 5000 digits"


def test_a_long_tag_list_gives_a_short_message(tiny_site, tmp_path):
    tags = "[" + ", ".join(["same"] * 5000) + "]"
    path = release(tiny_site, "2024-05-01-tags.md")
    write(path, path.read_text().replace("tags: [operations]", f"tags: {tags}"))
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem.startswith(f"{at(path)}:5: tags: expected each tag once, found ['same', 'same'")
    assert len(problem) < len(at(path)) + 120


# --- 13: extraction never does arithmetic on an absurd number ---------------------------------


ABSURD = ("The Company granted 100,000 stock options to a director, exercisable at $0.10 for a "
          "period of 8000 years from today's date. The options vest over " + "9" * 400 + " years, "
          "0% every six months. It also granted " + "9" * 400 + " options to an officer.")


def _cli(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env)


def test_extract_reads_absurd_terms_and_counts_without_a_traceback(tmp_path):
    path = write(tmp_path / "2024-05-01-absurd.md", RELEASE.format(date="2024-05-01", body=ABSURD))
    run = _cli("extract", str(path), "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    [found] = json.loads(run.stdout)
    first = found["grants"][0]
    assert (first["term_years"], first["expiry_date"]) == (8000, None)
    assert "term too long to compute an expiry" in first["review"]
    assert max(grant["number"] or 0 for grant in found["grants"]) <= 10**12


def test_check_reads_absurd_terms_without_a_traceback(tiny_site, tmp_path):
    release(tiny_site, "2024-05-01-absurd.md", body=ABSURD)
    run = _cli("check", "-s", str(_conf(tiny_site, tmp_path)))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr + run.stdout


# --- 14: faults become path:line errors, reported together -------------------------------------


def test_a_date_at_the_edge_of_time_is_a_range_error(tiny_site, tmp_path):
    path = release(tiny_site, "2024-05-01-edge.md", date="0001-01-01T00:00:00+14:00")
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem == (f"{at(path)}:3: date: expected a date between 1900 and 2200, "
                       "found '0001-01-01T00:00:00+14:00'")


@pytest.mark.parametrize("date", ["1899-12-31", "2201-01-01", "9999-12-31T23:59:59-12:00"])
def test_dates_outside_1900_to_2200_are_errors(tiny_site, tmp_path, date):
    path = release(tiny_site, "2024-05-01-edge.md", date=date)
    assert problems_of(tiny_site, tmp_path) == [
        f"{at(path)}:3: date: expected a date between 1900 and 2200, found {date!r}"]


def test_a_bad_byte_in_issuer_yaml_is_reported_with_every_other_problem(tiny_site, tmp_path):
    issuer = tiny_site / "issuer.yaml"
    write(issuer, issuer.read_bytes().replace(b"Priya", b"Pr\xffiya").replace(b"placement: top", b"placement: up"))
    path = release(tiny_site, "2024-05-01-typo.md", extra="tikcer: x\n")
    found = problems_of(tiny_site, tmp_path)
    assert f"{at(issuer)}:27: encoding: expected UTF-8 text, found byte 0xff" in found
    assert f"{at(issuer)}:23: legends.us-newswire.placement: expected top or bottom, found 'up'" in found
    assert any(p.startswith(f"{at(path)}:5: tikcer: expected a known field") for p in found)


def test_a_nul_in_issuer_yaml_is_reported_with_every_other_problem(tiny_site, tmp_path):
    issuer = tiny_site / "issuer.yaml"
    write(issuer, issuer.read_text().replace("Priya", "Pr\x00iya").replace("placement: top", "placement: up"))
    found = problems_of(tiny_site, tmp_path)
    assert found == [
        f"{at(issuer)}:23: legends.us-newswire.placement: expected top or bottom, found 'up'",
        f"{at(issuer)}:27: yaml: expected text without control characters (a space or a line break "
        "instead), found '\\x00'"]


def test_bad_bytes_in_releases_are_reported_with_the_files_other_problems(tiny_site, tmp_path):
    nul = release(tiny_site, "2024-05-01-nul.md", body="Pasted\x00text.")
    write(nul, nul.read_text().replace("[operations]", "[Operations]"))
    latin = release(tiny_site, "2024-05-02-latin.md", body="Caf\xe9", extra="tikcer: x\n")
    write(latin, latin.read_text().encode("latin-1"))
    in_yaml = release(tiny_site, "2024-05-03-yaml-nul.md")
    write(in_yaml, in_yaml.read_text().replace("Progress", "Pro\x00gress"))
    found = problems_of(tiny_site, tmp_path)
    control = "expected text without control characters (a space or a line break instead), found '\\x00'"
    assert found == [
        f"{at(nul)}:5: tags: expected tag slugs of lowercase letters, digits and hyphens, found 'Operations'",
        f"{at(nul)}:7: body: {control}",
        f"{at(latin)}:5: tikcer: expected a known field (title, date, ticker, tags, summary, slug, "
        "modified, lang, status, dateline, wire, disclaimer, legends, contacts, grants, milestones), "
        "found 'tikcer'",
        f"{at(latin)}:8: encoding: expected UTF-8 text, found byte 0xe9",
        f"{at(in_yaml)}:2: front matter: {control}",
    ]


@pytest.mark.parametrize("slug", ["releases", "tags", "grants", "milestones", "search", "feeds",
                                  "theme", "downloads"])
def test_a_page_on_a_folder_the_site_writes_is_refused(tiny_site, tmp_path, slug):
    page = write(tiny_site / "pages" / f"{slug}.md", "---\ntitle: A page\n---\nText.\n")
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem.startswith(f"{at(page)}:1: slug: expected a page slug the site does not use itself, "
                              f"found {slug!r} ({slug}/ is written by ")
    assert problem.endswith("); set another slug: field")
    if slug in ("grants", "milestones"):
        assert "is written by the registers)" in problem


def test_a_slug_field_naming_a_site_folder_is_refused_at_its_line(tiny_site, tmp_path):
    page = write(tiny_site / "pages" / "archive.md", "---\ntitle: Archive\nslug: releases\n---\nText.\n")
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem.startswith(f"{at(page)}:3: slug: expected a page slug the site does not use itself")


def test_a_dangling_symlink_is_a_path_error(tiny_site, tmp_path):
    link = tiny_site / "releases" / "2024" / "2024-05-01-gone.md"
    link.symlink_to(tmp_path / "missing.md")
    [problem] = problems_of(tiny_site, tmp_path)  # contentwalk's symlink rule reports it
    assert problem.startswith(f"{at(link)}:1: symlink: expected a link to a file or folder inside")
    assert problem.endswith("which does not exist")


def test_a_site_whose_only_release_is_embargoed_builds_empty(tiny_site, tmp_path):
    for path in (tiny_site / "releases").rglob("*.md"):
        if "embargoed" not in path.name:
            path.unlink()
    site = build_site(tiny_site, tmp_path / "output")
    assert "No releases have been published yet." in (site / "index.html").read_text()
    manifest = json.loads((site / "search" / "manifest.json").read_text())
    assert (manifest["doc_count"], manifest["terms"], manifest["docs"]["dirs"]) == (0, [], [])  # format 2
    assert json.loads((site / "grants" / "grants.json").read_text()) == []
    assert json.loads((site / "milestones" / "milestones.json").read_text()) == []
    assert (site / "grants" / "grants.csv").read_text().count("\n") == 1  # the header only
    for path in site.rglob("*"):
        if path.is_file():
            assert b"mbargo" not in path.read_bytes().replace(b"embargoed-", b""), path


# --- 16: accepted silently no more ----------------------------------------------------------


def test_milestone_dates_off_the_calendar_are_errors(tiny_site, tmp_path):
    extra = ("milestones:\n  - date: 2024-02-30\n    event: Commissioning\n    status: achieved\n"
             "  - date: 2024-13\n    event: First sale\n    status: planned\n")
    one = release(tiny_site, "2024-05-01-day.md", extra=extra.split("  - date: 2024-13")[0])
    two = release(tiny_site, "2024-05-02-month.md", extra="milestones:\n  - date: 2024-13\n"
                  "    event: First sale\n    status: planned\n")
    assert problems_of(tiny_site, tmp_path) == [
        f"{at(one)}:6: milestones.0.date: expected a day on the calendar between 1900 and 2200, found '2024-02-30'",
        f"{at(two)}:6: milestones.0.date: expected a month on the calendar between 1900 and 2200, found '2024-13'",
    ]


def test_a_grant_date_past_2200_is_an_error(tiny_site, tmp_path):
    path = release(tiny_site, "2024-05-01-grant.md", extra="grants:\n  - security: option\n"
                   "    recipient: A director\n    expiry_date: 9999-01-01\n")
    assert problems_of(tiny_site, tmp_path) == [
        f"{at(path)}:8: grants.0.expiry_date: expected a date YYYY-MM-DD between 1900 and 2200, "
        "found '9999-01-01'"]


def test_a_local_time_skipped_by_daylight_saving_says_which_offset_to_write(tiny_site, tmp_path):
    path = release(tiny_site, "2024-03-10-gap.md", date="2024-03-10T02:30")
    assert problems_of(tiny_site, tmp_path) == [
        f"{at(path)}:3: date: expected a time that happened in America/Toronto, found "
        "'2024-03-10T02:30'; clocks went forward over it; write 2024-03-10T03:30-04:00"]


def test_an_ambiguous_local_time_names_both_offsets(tiny_site, tmp_path):
    path = release(tiny_site, "2024-11-03-twice.md", date="2024-11-03T01:30")
    assert problems_of(tiny_site, tmp_path) == [
        f"{at(path)}:3: date: expected a time that happened once in America/Toronto, found "
        "'2024-11-03T01:30'; clocks went back over it; write 2024-11-03T01:30-04:00 for the first "
        "or 2024-11-03T01:30-05:00 for the second"]


def test_a_time_with_an_offset_in_the_fall_back_hour_is_fine(tiny_site, tmp_path):
    release(tiny_site, "2024-11-03-twice.md", date="2024-11-03T01:30-05:00")
    site = build_site(tiny_site, tmp_path / "output")
    assert (site / "releases/2024/twice/index.html").is_file()


def test_a_symlink_to_another_file_never_has_its_text_echoed(tiny_site, tmp_path):
    # inside the content folder, so the link is followed (contentwalk refuses one that leaves it)
    (tiny_site / "notes").mkdir()
    secret = write(tiny_site / "notes" / "secret.txt", "root:x:0:0:hunter2 the password\n")
    link = tiny_site / "pages" / "leak.md"
    link.symlink_to(secret)
    [problem] = problems_of(tiny_site, tmp_path)
    assert problem == (f"{at(link)}:1: front matter: expected a YAML block between '---' lines at "
                       "the top, found no '---' line at the top")
    assert "root:x" not in problem and "hunter2" not in problem


def test_a_misspelt_timezone_is_an_error_not_utc(tiny_site, tmp_path):
    found = problems_of(tiny_site, tmp_path, TIMEZONE="America/Toront")
    line = next(n for n, text in enumerate((ROOT / "pelicanconf.py").read_text().splitlines(), 1)
                if text.startswith("TIMEZONE"))
    assert found == [f"pelicanconf.py:{line}: TIMEZONE: expected an IANA time-zone name such as "
                     "America/Toronto (see `tzdata`'s list), found 'America/Toront'"]


# --- the command line: every case at once, no traceback ----------------------------------------


def _conf(content: Path, tmp_path: Path, extra: str = "") -> Path:
    conf = tmp_path / "conf.py"
    conf.write_text(f"from pelicanconf import *\nPATH = {str(content)!r}\n"
                    f"OUTPUT_PATH = {str(tmp_path / 'out')!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n"
                    + extra)
    return conf


def test_cli_reports_every_fault_at_once_without_a_traceback(tiny_site, tmp_path):
    release(tiny_site, "2024-05-01-edge.md", date="0001-01-01T00:00:00+14:00")
    release(tiny_site, "2024-05-02-month.md", extra="milestones:\n  - date: 2024-13\n"
            "    event: First sale\n    status: planned\n")
    write(tiny_site / "pages" / "tags.md", "---\ntitle: Tags\n---\nText.\n")
    (tiny_site / "pages" / "gone.md").symlink_to(tmp_path / "missing.md")
    issuer = tiny_site / "issuer.yaml"
    write(issuer, issuer.read_bytes().replace(b"Priya", b"Pr\xffiya"))
    conf = _conf(tiny_site, tmp_path, "TIMEZONE = 'Mars/Olympus'\n")
    for command in ("build", "check"):
        run = _cli(command, "-s", str(conf))
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr + run.stdout
        for fragment in ("2024-05-01-edge.md:3: date:", "2024-05-02-month.md:6: milestones.0.date:", "tags.md:1: slug:",
                         "gone.md:1: symlink:", "issuer.yaml:27: encoding:", "conf.py:5: TIMEZONE:"):
            assert fragment in run.stderr, (fragment, run.stderr)
    assert not (tmp_path / "out").exists()
