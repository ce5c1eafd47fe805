"""`dateline serve`: rebuild on every change, serve the site on localhost, reload the open tab.

Each rebuild is the same atomic build as `make html`, so a mistake while editing shows its
path:line errors and the last good site stays up. Feed links (FEED_DOMAIN) name the address
actually served, whatever the port. `--drafts` and `--now` build a preview that shows drafts
or embargoed releases under a banner: it writes to its own folder (`<output>-preview`) and
cache, so nothing of it can reach output/ (docs/preview.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from dateline.build.build import BuildFailed, build, command_overrides, load_settings
from dateline.build.preview_server import BuildId, start_server
from dateline.build.quickedit import Keeper, quick_page
from dateline.errors import DatelineError

logger = logging.getLogger(__name__)

PREVIEW_SUFFIX = "-preview"


def _moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO date or datetime such as 2026-12-03T09:00-05:00, found {text!r}"
        ) from None


def add_arguments(parser) -> None:
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")
    parser.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    parser.add_argument("--relative-urls", action="store_true")
    parser.add_argument("--no-server", action="store_true", help="only rebuild on changes")
    parser.add_argument("--drafts", action="store_true",
                        help="also show dated drafts, under a DRAFT banner (preview folder only)")
    parser.add_argument("--now", type=_moment, metavar="DATETIME",
                        help="build as of this moment: embargoed releases up to it are shown "
                             "under an EMBARGOED banner (preview folder only); a time without "
                             "a zone is in TIMEZONE")


def served_address(bind: str, port: int) -> str:
    host = "localhost" if bind in ("127.0.0.1", "0.0.0.0", "::", "") else bind
    return f"http://{host}:{port}"


def serve_overrides(args) -> dict:
    """The build settings of this dev server: the command's, the served address in feed
    links, and for a preview its own output folder and cache and the DATELINE switches."""
    overrides = command_overrides(args)
    if not getattr(args, "no_server", False):
        overrides["FEED_DOMAIN"] = served_address(args.bind, args.port)
    if args.drafts or args.now:
        base = load_settings(args.settings, overrides)
        overrides.update(preview_overrides(base, args.drafts, args.now))
    return overrides


def preview_overrides(settings: dict, drafts: bool, now: dt.datetime | None) -> dict:
    """A preview's own output folder (`<output>-preview`) and cache, and its DATELINE
    switches; a --now without a zone is read in TIMEZONE, as release times are."""
    dateline = dict(settings.get("DATELINE") or {})
    dateline["preview_drafts"] = bool(drafts)
    if now is not None:
        if now.tzinfo is None:
            now = now.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE") or "UTC"))
        dateline["now"] = now.isoformat()
    return {
        "DATELINE": dateline,
        "OUTPUT_PATH": str(Path(settings["OUTPUT_PATH"])) + PREVIEW_SUFFIX,
        "CACHE_PATH": str(Path(settings["CACHE_PATH"]) / "preview"),
    }


def rebuild(settings_file: str, overrides: dict, run_pelican: bool = False) -> bool:
    """One atomic build; problems are printed, never raised."""
    try:
        build(settings_file, overrides, run_pelican)
        return True
    except DatelineError as error:
        print(error.render(), file=sys.stderr)
    except BuildFailed as failure:
        print(f"build failed: {failure}; serving the last good output", file=sys.stderr)
    return False


def run(args) -> int:
    from watchfiles import watch

    overrides = serve_overrides(args)
    settings = load_settings(args.settings, overrides)
    final = Path(settings["OUTPUT_PATH"])
    keeper = Keeper(final)
    keeper.settle(rebuild(args.settings, overrides, run_pelican=True))  # keep its generator
    previewer = Previewer(keeper, BuildId())
    if not args.no_server:
        start_server(final, args.bind, args.port, previewer.build_id)
    watched = [settings["PATH"], settings["THEME"], str(Path(args.settings).resolve())]
    logger.info("dateline: watching %s for changes (Ctrl-C to stop)", ", ".join(watched))

    def watching():
        for changes in watch(*watched, debounce=50, step=20):
            previewer.changed({path for _, path in changes})

    threading.Thread(target=watching, daemon=True, name="dateline-watch").start()
    while True:  # builds stay on the main thread (Pelican, forked workers); saves never wait
        previewer.next_batch()
        previewer.built(rebuild(args.settings, overrides))


class Previewer:
    """Between the watcher (a thread) and the builds (the main thread).

    Each save shows at once what it can (`quickedit.quick_page`: one edited release's page)
    and queues a full build; saves during a build are shown the same way and build next.
    The open tab reloads for each page shown and for each build put in place."""

    def __init__(self, keeper: Keeper, build_id: BuildId):
        self.keeper, self.build_id = keeper, build_id
        self._ready = threading.Condition()
        self._pending: set[str] = set()

    def changed(self, paths: set[str]) -> None:
        with self._ready:
            self._show(paths)
            self._pending |= paths
            self._ready.notify()

    def next_batch(self) -> set[str]:
        with self._ready:
            while not self._pending:
                self._ready.wait()
            batch, self._pending = self._pending, set()
        logger.info("dateline: %d change(s); rebuilding", len(batch))
        return batch

    def built(self, succeeded: bool) -> None:
        with self._ready:
            self.keeper.settle(succeeded)
            if succeeded and self._pending:
                self._show(self._pending)  # saved during the build: keep them on show
            if succeeded:
                self.build_id.bump()

    def _show(self, paths: set[str]) -> None:
        started = time.perf_counter()
        try:
            page = quick_page(self.keeper.last, paths)
        except Exception as failure:  # the full build that follows reports whatever it was
            logger.debug("dateline: fast path skipped: %r", failure)
            return
        if page is not None:
            self.build_id.bump()
            logger.info("dateline: %s shown in %.2f s; the full rebuild follows", page,
                        time.perf_counter() - started)
