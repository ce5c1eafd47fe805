"""`dateline serve`: rebuild on every change and serve output/ on localhost.

Each rebuild is the same atomic build as `make html`, so a mistake while
editing shows its path:line errors and the last good site stays up.
"""

from __future__ import annotations

import functools
import http.server
import logging
import sys
import threading
from pathlib import Path

from dateline.build.build import BuildFailed, build, command_overrides, load_settings
from dateline.errors import DatelineError

logger = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")
    parser.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    parser.add_argument("--relative-urls", action="store_true")
    parser.add_argument("--no-server", action="store_true", help="only rebuild on changes")


def rebuild(args) -> bool:
    """One atomic build; problems are printed, never raised."""
    try:
        build(args.settings, command_overrides(args))
        return True
    except DatelineError as error:
        print(error.render(), file=sys.stderr)
    except BuildFailed as failure:
        print(f"build failed: {failure}; serving the last good output", file=sys.stderr)
    return False


def start_server(root: Path, bind: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    logger.info("dateline: serving %s at http://%s:%d/", root, bind, port)
    return server


def run(args) -> int:
    from watchfiles import watch

    settings = load_settings(args.settings, command_overrides(args))
    rebuild(args)
    if not args.no_server:
        start_server(Path(settings["OUTPUT_PATH"]), args.bind, args.port)
    watched = [settings["PATH"], settings["THEME"], str(Path(args.settings).resolve())]
    logger.info("dateline: watching %s for changes (Ctrl-C to stop)", ", ".join(watched))
    for changes in watch(*watched):
        logger.info("dateline: %d change(s); rebuilding", len(changes))
        rebuild(args)
    return 0
