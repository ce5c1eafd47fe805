"""Build the site into a staging folder and swap it into place only on success.

A failed build (a content problem, a template error, an exception) leaves
the last good `output/` exactly as it was: visitors and deploy jobs never
see half a site.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from dateline.build.uptodate import input_digest, is_up_to_date, record_build
from dateline.content.frontmatter import relative_path
from dateline.content.publishing import build_time
from dateline.errors import DatelineError, Problem, clipped
from dateline.pages.swap import recover, swap_into_place
from dateline.runtime import run as build_run
from dateline.runtime import timing
from dateline.runtime.buildlock import build_lock
from dateline.runtime.checkpoints import reached

logger = logging.getLogger(__name__)


class BuildFailed(Exception):
    """Pelican logged errors: the staged output is discarded."""


class _ErrorCounter(logging.Handler):
    """Counts ERROR records so a build that 'succeeded' with logged errors still fails."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def command_overrides(args) -> dict:
    """Settings that `dateline build` and `dateline serve` options override."""
    overrides = {}
    if getattr(args, "output", None):
        overrides["OUTPUT_PATH"] = args.output
    if getattr(args, "relative_urls", False):
        overrides["RELATIVE_URLS"] = True
    return overrides


def load_settings(settings_file: str, overrides: dict | None = None) -> dict:
    """Pelican's settings, with a settings file that is missing or that Pelican refuses (a
    content folder that does not exist, say) reported as a user mistake, not a traceback."""
    if not Path(settings_file).is_file():
        raise DatelineError(Problem(relative_path(settings_file), 1, "settings",
                                    "no such settings file (pass one with -s FILE)"))
    try:
        settings = read_settings(settings_file, override=dict(overrides or {}))
    except ValueError as refused:
        raise DatelineError(_settings_problem(settings_file, refused)) from None
    settings.setdefault("DATELINE_SETTINGS_FILE", relative_path(settings_file))  # for messages
    return settings


def _settings_problem(settings_file: str, refused: ValueError) -> Problem:
    """Pelican refuses a bad setting with a ValueError; name the setting and its line. Its one
    message about the content folder is reworded to say which folder was looked for."""
    message = clipped(str(refused))
    field = "PATH" if "path containing the content" in message else "settings"
    if field == "PATH":
        message = "expected an existing content folder (PATH, 'content' by default)"
    return Problem(relative_path(settings_file), _line_of(settings_file, field), field, message)


def _line_of(settings_file: str, name: str) -> int:
    """The line that assigns `name` in a settings file, else 1."""
    lines = Path(settings_file).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if line.split("=")[0].strip() == name:
            return number
    return 1


def build(settings_file: str = "pelicanconf.py", overrides: dict | None = None,
          run_pelican: bool = False) -> Path:
    """Run Pelican into a staging folder next to OUTPUT_PATH, then swap. Returns the output path.

    One build at a time per cache (`buildlock.py`); it starts by clearing what a killed
    build left behind (`swap.recover`). `run_pelican` skips the up-to-date check (the dev
    server's first build, whose article generator its fast edit path keeps)."""
    settings = load_settings(settings_file, overrides)
    final = Path(settings["OUTPUT_PATH"])
    with build_lock(Path(settings["CACHE_PATH"])):
        reached("locked")
        recover(final)
        return _build_locked(settings, settings_file, final, run_pelican)


def _build_locked(settings, settings_file: str, final: Path, run_pelican: bool) -> Path:
    now = build_time(settings)
    inputs = input_digest(settings, settings_file) if settings.get("CACHE_CONTENT") else None
    if inputs and not run_pelican and is_up_to_date(settings, inputs, final, now):
        logger.info("dateline: nothing changed since the last build; %s is up to date", final)
        return final
    staging = final.parent / f".{final.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    settings["OUTPUT_PATH"] = str(staging)
    settings["DATELINE_FINAL_OUTPUT"] = str(final)
    counter = _ErrorCounter()
    logging.getLogger().addHandler(counter)
    started = time.perf_counter()
    run = build_run.begin()  # this build's state: nothing carries over from the last one
    _forget_logged_messages()
    try:
        Pelican(settings).run()
        if counter.messages:
            raise BuildFailed(f"{len(counter.messages)} error(s) logged during the build")
        with timing.phase("reuse unchanged files"):
            kept = keep_unchanged_files(staging, final)
        reached("before-manifest")
        _save_writes(run, settings, final, staging)  # before the swap: it describes staging's files
        reached("before-swap")
        swap_into_place(staging, final)
        reached("after-swap")
        if inputs:
            record_build(settings, inputs, final, now, run.site.next_embargo if run.site else None)
        reached("done")
    except BaseException:
        _stop_search(run)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger().removeHandler(counter)
        run.close()
        _reset_sitemap()
    logger.info("dateline: built %s in %.1f s (%s); %d file(s) unchanged", final,
                time.perf_counter() - started, timing.summary(), kept)
    return final


def keep_unchanged_files(staging: Path, final: Path) -> int:
    """Where a staged file equals the live one, stage the live file itself (a hard link).

    The swap then keeps its inode and modification time, so deploy tools
    (rsync, object-storage sync) see nothing to upload. Returns how many
    files are unchanged. (Plain os calls: pathlib costs seconds over 30,000 files.)
    """
    if not final.is_dir():
        return 0
    unchanged = 0
    staging_root, final_root = str(staging), str(final)
    for folder, _, names in os.walk(staging_root):
        relative = os.path.relpath(folder, staging_root)
        for name in names:
            new = os.path.join(folder, name)
            old = os.path.normpath(os.path.join(final_root, relative, name))
            if _keep_live(new, old):
                unchanged += 1
    return unchanged


def _keep_live(new: str, old: str) -> bool:
    """True when the live file stays: same inode already, or same bytes (then linked)."""
    try:
        new_stat, old_stat = os.lstat(new), os.lstat(old)
    except OSError:
        return False
    if not (stat.S_ISREG(new_stat.st_mode) and stat.S_ISREG(old_stat.st_mode)):
        return False
    if new_stat.st_ino == old_stat.st_ino and new_stat.st_dev == old_stat.st_dev:
        return True
    if new_stat.st_size != old_stat.st_size or not _same_bytes(Path(new), Path(old)):
        return False
    spare = os.path.join(os.path.dirname(new), f".{os.path.basename(new)}.dateline-link")
    try:
        os.link(old, spare)
    except OSError:
        return False
    os.replace(spare, new)
    return True


def _same_bytes(a: Path, b: Path) -> bool:
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk_a, chunk_b = fa.read(1 << 16), fb.read(1 << 16)
            if chunk_a != chunk_b:
                return False
            if not chunk_a:
                return True


def _save_writes(run, settings, final: Path, staging: Path) -> None:
    """Record what each write produced, for the next build to reuse."""
    from dateline.pages.manifest import save_manifest

    writer = run.site.writer if run.site is not None else None
    if writer is not None:
        save_manifest(settings, final, staging, writer.entries)
        logger.info("dateline: %d page write(s) rendered, %d reused from the last build",
                    writer.rendered, writer.reused)


def _forget_logged_messages() -> None:
    """Pelican drops a log message it has already shown in this process; each build (the dev
    server runs many) must show its own warnings again."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def _reset_sitemap() -> None:
    """pelican-sitemap remembers the Pelican object it started with and writes only for that one:
    after a failed build, every later build in the same process (the dev server) would lose its
    sitemap. Forget it between builds."""
    module = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if module is not None:
        module.generator._main_pelican = None
        module.generator.page_queue = []


def _stop_search(run) -> None:
    """A failed build does not wait for, or publish, a search index still being built."""
    process = run.site.search_process if run.site is not None else None
    if process is not None and process.is_alive():
        process.terminate()
        process.join()


__all__ = ["build", "BuildFailed", "DatelineError", "swap_into_place"]
