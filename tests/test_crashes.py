"""A build killed at any moment leaves the old site or the new one, and the next build is right.

Each build here is a real `dateline build` in a subprocess. DATELINE_FAULT
names a checkpoint (`dateline.runtime.checkpoints`) where the build SIGKILLs itself:
no clean-up handler runs, as when the machine loses power. After every kill,
output/ must be byte for byte a clean build of the old or of the new content,
and the next build must be byte for byte a clean build of what it is given.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from crashsite import (
    EDIT_MARK,
    leftovers,
    make_site,
    make_versions,
    run_build,
    start_build,
    tree,
    use_content,
)
from dateline.runtime.checkpoints import CHECKPOINTS


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Pristine versions and their clean builds (each in a fresh folder)."""
    base = tmp_path_factory.mktemp("crashes")
    versions = make_versions(base)
    clean = {}
    for name, content in versions.items():
        folder = make_site(base / f"clean-{name}", content)
        assert run_build(folder).returncode == 0
        clean[name] = tree(folder / "output")
    assert clean["old"] != clean["new"]
    return base, versions, clean


def _chain(base, versions, clean, checkpoints, chain_name) -> list[str]:
    """Kill one build per checkpoint in one site folder; each recovery build is the next base.

    The killed build always gets the other version than the live site. The recovery build
    alternates: the old content (issue 14 item 8: back to what the live site was) or the
    content the killed build had (the build is simply run again)."""
    failures = []
    folder = make_site(base / chain_name, versions["old"])
    assert run_build(folder).returncode == 0
    live = "old"
    for index, checkpoint in enumerate(checkpoints):
        other = "new" if live == "old" else "old"
        use_content(folder, versions[other])
        killed = run_build(folder, fault=checkpoint)
        if killed.returncode != -9:
            failures.append(f"{checkpoint}: expected SIGKILL, got {killed.returncode}: "
                            f"{killed.stderr[-500:]}")
            continue
        after_kill = tree(folder / "output") if (folder / "output").is_dir() else {}
        if after_kill not in (clean["old"], clean["new"]):
            failures.append(f"{checkpoint}: output/ is neither the old nor the new site after the "
                            f"kill")
        live = live if index % 2 == 0 else other
        use_content(folder, versions[live])
        again = run_build(folder)
        if again.returncode != 0:
            failures.append(f"{checkpoint}: the next build failed: {again.stderr[-800:]}")
        elif tree(folder / "output") != clean[live]:
            wrong = [n for n in set(clean[live]) | set(tree(folder / "output"))
                     if clean[live].get(n) != tree(folder / "output").get(n)]
            failures.append(f"{checkpoint}: the next build ({live}) differs from a clean one in "
                            f"{sorted(wrong)}")
        if leftovers(folder):
            failures.append(f"{checkpoint}: left {leftovers(folder)}")
    return failures


def test_a_kill_at_every_checkpoint_leaves_a_whole_site_and_the_next_build_is_clean(sites):
    base, versions, clean = sites
    chains = [CHECKPOINTS[0::2], CHECKPOINTS[1::2]]
    with ThreadPoolExecutor(len(chains)) as pool:
        results = pool.map(_chain, [base] * 2, [versions] * 2, [clean] * 2, chains,
                           ["chain-a", "chain-b"])
        failures = [f for chain in results for f in chain]
    assert not failures, "\n".join(failures)


def test_item_8_a_removed_release_does_not_survive_a_kill_after_the_swap(sites):
    """Killed after the swap, then built from the old content: every page is right."""
    base, versions, clean = sites
    folder = make_site(base / "item-8", versions["old"])
    assert run_build(folder).returncode == 0
    use_content(folder, versions["new"])
    assert run_build(folder, fault="after-swap").returncode == -9
    assert tree(folder / "output") == clean["new"]
    use_content(folder, versions["old"])
    assert run_build(folder).returncode == 0
    assert tree(folder / "output") == clean["old"]
    use_content(folder, versions["new"])
    assert run_build(folder).returncode == 0
    built = tree(folder / "output")
    assert built == clean["new"]
    assert not any(b"Grants Stock Options and Commissions" in raw or b"northgate-grants-options"
                   in raw for raw in built.values())
    assert any(EDIT_MARK.encode() in raw for raw in built.values())


def test_two_builds_at_once_both_succeed_and_the_output_is_clean(sites):
    base, versions, clean = sites
    folder = make_site(base / "concurrent", versions["new"])
    first, second = start_build(folder), start_build(folder)
    results = [(p.wait(timeout=120), p.stderr.read()) for p in (first, second)]
    first.stdout.close(), second.stdout.close(), first.stderr.close(), second.stderr.close()
    assert [code for code, _ in results] == [0, 0], results
    messages = "".join(err for _, err in results)
    assert "waiting for it to finish" in messages or "up to date" in messages
    assert tree(folder / "output") == clean["new"]
    assert not leftovers(folder)


class _Killed(BaseException):
    """Stands for SIGKILL in-process: nothing after the checkpoint runs."""


def test_without_renameat2_a_kill_between_the_renames_is_undone_by_the_next_build(
    tmp_path, monkeypatch):
    """The two-rename fallback parks the old site; recovery puts it back."""
    from dateline.pages import swap

    final, staging = tmp_path / "output", tmp_path / ".output.staging-1"
    final.mkdir(), staging.mkdir()
    (final / "index.html").write_text("old site")
    (staging / "index.html").write_text("new site")
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)

    def kill_at(name):
        if name == "between-renames":
            raise _Killed

    monkeypatch.setattr(swap, "reached", kill_at)
    with pytest.raises(_Killed):
        swap.swap_into_place(staging, final)
    assert not final.exists()
    swap.recover(final)
    assert (final / "index.html").read_text() == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_renameat2_exchanges_two_folders(tmp_path):
    from dateline.pages.swap import exchange

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "which").write_text("a")
    if not exchange(a, b):
        pytest.skip("this system has no renameat2(RENAME_EXCHANGE); the fallback test covers it")
    assert (b / "which").read_text() == "a" and not (a / "which").exists()
