"""Symbolic links in content are followed inside the content folder (validated, watched) or
refused, and every file under releases/ is a release or an error (issue 14 items 9 and 11)."""

from __future__ import annotations

import os

import pytest

from dateline.errors import DatelineError
from sitebuild import build_site

RELEASE = "2024-06-12-northgate-drilling-results.md"


def _link_a_release_folder(content):
    """Move one release into content/shared/ and link it from releases/linked."""
    shared = content / "shared"
    shared.mkdir()
    (content / "releases/2024" / RELEASE).rename(shared / RELEASE)
    os.symlink("../shared", content / "releases/linked")
    return shared / RELEASE


def _published(output) -> bool:
    pages = (output / "releases/2024/northgate-drilling-results/index.html").is_file()
    searchable = any(b"northgate-drilling-results" in p.read_bytes() for p
                     in (output / "search").rglob("*.json"))
    listed = b"northgate-drilling-results" in (output / "index.html").read_bytes()
    assert pages == searchable == listed, (pages, searchable, listed)
    return pages


def test_a_linked_folder_inside_content_is_read_validated_and_watched(tiny_site, tmp_path):
    target = _link_a_release_folder(tiny_site)
    output = build_site(tiny_site, tmp_path / "output")
    assert _published(output)
    target.write_text(target.read_text().replace("tags:", "status: draft\ntags:", 1))
    build_site(tiny_site, tmp_path / "output")
    assert not _published(output), "a draft behind a link stayed public"
    target.write_text(target.read_text().replace("status: draft\n", "contacts: [nobody]\n"))
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    [problem] = [str(p) for p in failure.value.problems]
    assert f"releases/linked/{RELEASE}:" in problem
    assert ": contacts: expected a key defined in issuer.yaml" in problem


def test_a_link_out_of_the_content_folder_is_refused(tiny_site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tiny_site / "releases/2024" / RELEASE).rename(elsewhere / RELEASE)
    os.symlink(elsewhere, tiny_site / "releases/outside")
    os.symlink(tiny_site / "releases", tiny_site / "releases/2024/loop")
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    problems = sorted(str(p) for p in failure.value.problems)
    assert len(problems) == 2, problems
    assert problems[0].endswith(
        "releases/2024/loop:1: symlink: expected a link to a file or folder inside "
        "the content folder, found a link to a folder that contains it (a loop)"
    )
    assert (
        "releases/outside:1: symlink: expected a link to a file or folder inside the content "
        "folder, "
        f"found a link to {elsewhere}, outside the content folder" in problems[1]
    )
    assert not (tmp_path / "output").exists()


def test_every_file_under_releases_is_a_release_or_an_error(tiny_site, tmp_path):
    folder = tiny_site / "releases/2024"
    (folder / "2024-07-01-notes.txt").write_text("A release kept as text.\n")
    (folder / "2024-07-02-shouting.MD").write_text("---\ntitle: x\n---\n")
    (folder / "README").write_text("what this folder is\n")
    (folder / ".#2024-07-03-editing.md").write_text("an editor's lock file (IGNORE_FILES)\n")
    for dropped_by_a_desktop in (".DS_Store", "Thumbs.db", "desktop.ini"):  # IGNORE_FILES too
        (folder / dropped_by_a_desktop).write_bytes(b"\x00\x01")
    with pytest.raises(DatelineError) as failure:
        build_site(tiny_site, tmp_path / "output")
    found = sorted((p.path.rsplit("/", 1)[-1], p.line, p.field) for p in failure.value.problems)
    assert found == [("2024-07-01-notes.txt", 1, "format"), ("2024-07-02-shouting.MD", 1, "format"),
                     ("README", 1, "format")]
