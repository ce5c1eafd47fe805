"""A link from a release or page to a file in content/ that does not exist is a path:line error
(issue 18 item 8); links that exist, other sites' links and code build as before."""

from __future__ import annotations

import pytest

from dateline.content.links import link_targets
from dateline.errors import DatelineError
from sitebuild import build_site

RELEASE = "releases/2024/2024-06-12-northgate-drilling-results.md"


def _append(content, relative, text):
    path = content / relative
    path.write_text(path.read_text() + text)
    return path.read_text().count("\n") - text.count("\n") + 1  # the first appended line


def _problems(content, tmp_path):
    with pytest.raises(DatelineError) as failure:
        build_site(content, tmp_path / "out")
    return [str(p) for p in failure.value.problems]


def test_a_missing_download_is_an_error_at_its_line(tiny_site, tmp_path):
    line = _append(tiny_site, RELEASE, "\nSee the [technical report](/downloads/ni-43-101.pdf).\n")
    [problem] = _problems(tiny_site, tmp_path)
    assert f"{RELEASE}:{line + 1}: link: expected a file at " in problem
    assert "content/downloads/ni-43-101.pdf" in problem
    assert not (tmp_path / "out").exists()


def test_static_marker_links_are_checked_from_the_file_and_from_the_root(tiny_site, tmp_path):
    _append(tiny_site, RELEASE, "\n![map]({static}../../downloads/map.png)\n\n"
                                "[deck]: {static}/downloads/deck%20v2.pdf\n")
    _append(tiny_site, "pages/about.md", "\nOur [charter](/downloads/charter.pdf).\n")
    problems = _problems(tiny_site, tmp_path)
    assert len(problems) == 3
    assert any("content/downloads/map.png" in p for p in problems)
    assert any("content/downloads/deck v2.pdf" in p for p in problems)
    assert any("pages/about.md:" in p and "charter.pdf" in p for p in problems)


def test_links_that_exist_or_leave_content_build(tiny_site, tmp_path):
    downloads = tiny_site / "downloads"
    downloads.mkdir()
    (downloads / "report.pdf").write_bytes(b"%PDF-1.4\n")
    _append(tiny_site, RELEASE, "\n[Report](/downloads/report.pdf#page=2), "
                                "[again]({static}/downloads/report.pdf), "
                                "[elsewhere](https://example.com/downloads/x.pdf), "
                                "[grants](/grants/) and `[code](/downloads/none.pdf)`.\n\n"
                                "```\n[fenced](/downloads/none.pdf)\n```\n")
    output = build_site(tiny_site, tmp_path / "out")
    assert (output / "downloads/report.pdf").is_file()


def test_link_targets_skip_code_and_read_references():
    body = "a [x](/a.pdf \"t\") b\n    [indented](/b.pdf)\n```\n[c](/c.pdf)\n```\n[r]: </d e.pdf>\n"
    assert list(link_targets(body)) == [(0, "/a.pdf"), (5, "/d e.pdf")]
