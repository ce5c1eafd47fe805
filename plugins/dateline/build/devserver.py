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


def rebuild(settings_file: str, overrides: dict) -> bool:
    """One atomic build; problems are printed, never raised."""
    try:
        build(settings_file, overrides)
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
    build_id, keeper = BuildId(), Keeper(final)
    keeper.settle(rebuild(args.settings, overrides))
    if not args.no_server:
        start_server(final, args.bind, args.port, build_id)
    watched = [settings["PATH"], settings["THEME"], str(Path(args.settings).resolve())]
    logger.info("dateline: watching %s for changes (Ctrl-C to stop)", ", ".join(watched))
    for changes in watch(*watched, debounce=50, step=20):
        on_change({path for _, path in changes}, args.settings, overrides, keeper, build_id)
    return 0


def on_change(paths: set[str], settings_file: str, overrides: dict, keeper: Keeper,
              build_id: BuildId) -> None:
    """One release edited: its page first (`quickedit`), the tab reloads; then the full
    atomic build, and the tab reloads again once it is in place."""
    started = time.perf_counter()
    try:
        page = quick_page(keeper.last, paths)
    except Exception as failure:  # the full build below reports whatever this was
        logger.debug("dateline: fast path skipped: %r", failure)
        page = None
    if page is not None:
        build_id.bump()
        logger.info("dateline: %s updated in %.2f s; rebuilding the rest", page,
                    time.perf_counter() - started)
    else:
        logger.info("dateline: %d change(s); rebuilding", len(paths))
    succeeded = rebuild(settings_file, overrides)
    keeper.settle(succeeded)
    if succeeded:
        build_id.bump()
