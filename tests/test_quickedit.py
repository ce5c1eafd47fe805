"""The dev server's fast path writes exactly the page the full build then writes, and only
for a one-release edit it can show exactly (issue 17 item 3)."""

from __future__ import annotations

import pytest

from dateline.build.quickedit import Keeper, quick_page
from sitebuild import build_site

RELEASE = "releases/2024/2024-06-12-northgate-drilling-results.md"
PAGE = "releases/2024/northgate-drilling-results/index.html"


@pytest.fixture
def kept(tiny_site, tmp_path):
    output = tmp_path / "out"
    keeper = Keeper(output)
    build_site(tiny_site, output)
    keeper.settle(True)
    assert keeper.last is not None
    return tiny_site, output, keeper


def _edit(content, old, new):
    path = content / RELEASE
    path.write_text(path.read_text().replace(old, new, 1))
    return str(path)


def test_the_fast_page_is_the_page_the_full_build_writes(kept):
    content, output, keeper = kept
    before = (output / "index.html").read_bytes()
    path = _edit(content, "The Company expects", "Quickly edited, the Company expects")
    page = quick_page(keeper.last, {path})
    assert page == output / PAGE
    fast = page.read_bytes()
    assert b"Quickly edited" in fast
    assert (output / "index.html").read_bytes() == before  # lists wait for the full build
    build_site(content, output)
    assert (output / PAGE).read_bytes() == fast


@pytest.mark.parametrize("change", [
    ("date: 2024-06-12", "date: 2024-06-13"),  # the lists' order changes: full build
    ("tags: [exploration, results]", "tags: [exploration, results]\ncontacts: [nobody]"),
    ("The Company expects", "See [the map](/downloads/missing.png). The Company expects"),
])
def test_anything_but_a_clean_edit_of_the_same_page_waits_for_the_full_build(kept, change):
    content, output, keeper = kept
    before = (output / PAGE).read_bytes()
    assert quick_page(keeper.last, {_edit(content, *change)}) is None
    assert (output / PAGE).read_bytes() == before


def test_two_files_or_an_unknown_file_wait_for_the_full_build(kept):
    content, _, keeper = kept
    edited = _edit(content, "The Company expects", "Edited: the Company expects")
    other = str(content / "releases/2024/2024-09-30-northgate-files-report.md")
    assert quick_page(keeper.last, {edited, other}) is None
    draft = str(content / "releases/2024/2024-10-01-northgate-draft-financing.md")
    assert quick_page(keeper.last, {draft}) is None  # never published: no page to update
    assert quick_page(None, {edited}) is None


def test_a_failed_build_keeps_the_last_good_one(kept):
    content, output, keeper = kept
    last = keeper.last
    keeper.settle(False)
    assert keeper.last is last
    path = _edit(content, "The Company expects", "Still fast: the Company expects")
    assert quick_page(keeper.last, {path}) == output / PAGE


def test_the_dev_servers_first_build_runs_pelican_even_when_up_to_date(tiny_site, tmp_path):
    from dateline.build.build import build
    from sitebuild import ROOT, site_settings

    output = tmp_path / "out"
    build_site(tiny_site, output)
    keeper = Keeper(output)
    build_site(tiny_site, output)  # nothing changed: Pelican does not run, nothing to keep
    keeper.settle(True)
    assert keeper.last is None
    build(str(ROOT / "pelicanconf.py"), site_settings(tiny_site, output, tmp_path / "cache"),
          run_pelican=True)
    keeper.settle(True)
    assert keeper.last is not None and keeper.last.article(str(tiny_site / RELEASE)) is not None


def test_the_fast_page_matches_in_a_relative_preview_with_drafts(tiny_site, tmp_path):
    """Relative links (RELATIVE=1) and a previewed draft, banner included."""
    output = tmp_path / "out"
    extra = {"RELATIVE_URLS": True, "SITEURL": "", "DATELINE": {"preview_drafts": True}}
    keeper = Keeper(output)
    build_site(tiny_site, output, **extra)
    keeper.settle(True)
    draft = tiny_site / "releases/2024/2024-10-01-northgate-draft-financing.md"
    draft.write_text(draft.read_text().replace("Draft text", "Quick draft text"))
    page = quick_page(keeper.last, {str(draft)})
    assert page == output / "releases/2024/northgate-draft-financing/index.html"
    fast = page.read_bytes()
    assert b"Quick draft text" in fast and b"DRAFT: not published" in fast
    assert b'href="../../../' in fast
    build_site(tiny_site, output, **extra)
    assert page.read_bytes() == fast
