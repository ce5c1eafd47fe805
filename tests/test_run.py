"""One build's state is one object: a build that fails half-way leaves nothing to the next.

The dev server runs many builds in one process; a pool, a count, a timing or a cache handle
left by a failed build would show up in the next one's pages, logs or benchmark figures.
"""

from __future__ import annotations

import pytest

from sitebuild import build_site


def test_two_builds_in_one_process_share_no_state(tiny_site, tmp_path, monkeypatch):
    from dateline.build import releases
    from dateline.runtime import ahead, run, timing

    monkeypatch.setattr(ahead, "BATCH", 1)  # every release read goes to the prepare workers
    seen = []

    def fail_half_way(generator):
        seen.append(run.current())
        timing.add("only in the failed build", 1.0)
        raise RuntimeError("half-way")

    real_enrich = releases.enrich_articles
    monkeypatch.setattr(releases, "enrich_articles", fail_half_way)
    with pytest.raises(Exception, match="half-way"):
        build_site(tiny_site, tmp_path / "output", tmp_path / "cache")
    first = seen[0]
    assert first.closed and first.ahead.pool is None and first.ahead.results == {}
    assert first.site.store is None, "the failed build's cache is closed"
    # five releases read (the page generator never ran), none prepared
    assert first.progress.counts["read"] == 5 and first.progress.counts["prepare"] == 0

    monkeypatch.setattr(releases, "enrich_articles", real_enrich)
    output = build_site(tiny_site, tmp_path / "output", tmp_path / "cache")
    second = run.current()
    assert second is not first and second.site is not first.site
    assert "only in the failed build" not in timing.phase_seconds()
    assert "prepare releases" in timing.phase_seconds()
    assert first.seconds["only in the failed build"] == 1.0  # its figures stay its own
    # its own counts only: five releases and the page read, three published releases prepared
    assert second.progress.counts["read"] == 6 and second.progress.counts["prepare"] == 3
    assert second.closed and second.ahead.pool is None
    assert (output / "releases/2024/northgate-drilling-results/index.html").is_file()


def test_work_outside_a_build_gets_a_run_of_its_own(monkeypatch):
    """`dateline extract` and `dateline check` time phases with no build begun."""
    from dateline.runtime import run, timing

    monkeypatch.setattr(run, "_current", None)
    with timing.phase("extraction"):
        pass
    assert set(timing.phase_seconds()) == {"extraction"}
    assert run.current().site is None
