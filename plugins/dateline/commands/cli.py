"""The `dateline` command: build, check, extract, import, search, generate, serve, init.

Exit status: 0 success; 1 a content, settings or build problem (printed as path:line: field:
message; output/ left as it was); 2 a usage mistake (unknown option, missing argument);
130 interrupted (Ctrl-C). `-q`, `-v` and `-D` may come before or after the command."""

from __future__ import annotations

import argparse
import logging
import sys

from dateline.errors import DatelineError

logger = logging.getLogger(__name__)


# The subcommands whose modules are heavy (Whoosh, the importer, the corpus generator):
# name -> (module with add_arguments() and run(), help). A module is imported only when its
# command is the one being run, so `dateline --help` and `dateline build` stay cheap.
SUBCOMMANDS = {
    "extract": ("dateline.commands.extract_command",
                "print the grants and milestones found in releases"),
    "import": ("dateline.importer", "turn .txt/.html releases into Markdown + YAML"),
    "search": ("dateline.search.cli", "query the Whoosh index from the terminal"),
    "generate": ("dateline_corpus.generator", "write a deterministic corpus of fictional releases"),
    "serve": ("dateline.build.devserver", "rebuild on every change and serve output/"),
    "init": ("dateline.commands.init_command", "start a new issuer's site in a folder"),
}


def _global_options(parser, default) -> None:
    """The options every command takes, before or after its name. On the subcommands their
    default is SUPPRESS, so a flag given before the command is not reset by the subparser."""
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="only warnings and errors")
    parser.add_argument("-v", "--verbose", action="store_true", default=default,
                        help="more detail: Pelican's per-file lines and Dateline's debug lines")
    parser.add_argument("-D", "--debug", action="store_true", default=default,
                        help="debug output and tracebacks")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("dateline")
    except metadata.PackageNotFoundError:  # run from a clone without `pip install -e .`
        return "unknown (not installed)"


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dateline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"dateline {_version()}")
    _global_options(parser, False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the site into output/ (atomically)",
                                parents=[common])
    _site_options(build)
    build.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    build.add_argument("--relative-urls", action="store_true",
                       help="relative links, for local viewing")

    check = commands.add_parser("check", help="validate content and print an extraction report",
                                parents=[common])
    _site_options(check)
    check.add_argument("--no-report", action="store_true", help="validate only")

    chosen = _chosen_command(argv)
    for name, (module, text) in SUBCOMMANDS.items():
        sub = commands.add_parser(name, help=text, parents=[common])
        sub.set_defaults(module=module)
        if name == chosen:  # only the command being run pays for its module's imports
            __import__(module, fromlist=["add_arguments"]).add_arguments(sub)
    return parser.parse_args(argv)


def _chosen_command(argv) -> str | None:
    """The subcommand named on the command line: the first word that is not an option
    (the global options take no values)."""
    words = sys.argv[1:] if argv is None else list(argv)
    return next((word for word in words if not word.startswith("-")), None)


def _site_options(parser) -> None:
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")


def main(argv=None) -> int:
    args = parse_arguments(argv)
    _init_logging(args)
    try:
        return _dispatch(args)
    except DatelineError as error:
        print(error.render(), file=sys.stderr)
        return error.exitcode
    except KeyboardInterrupt:
        print("interrupted; output/ was left as it was", file=sys.stderr)
        return 130


def _dispatch(args) -> int:
    if args.command == "build":
        return _build(args)
    if args.command == "check":
        from dateline.commands.report import run_check

        return run_check(args)
    module = __import__(args.module, fromlist=["run"])
    return module.run(args)


def _build(args) -> int:
    from dateline.build.build import BuildFailed, build, command_overrides

    try:
        build(args.settings, command_overrides(args))
    except DatelineError:
        raise
    except BuildFailed as failure:
        print(f"build failed: {failure}; output/ was left as it was", file=sys.stderr)
        return 1
    except Exception as failure:  # a theme or settings mistake: say what, keep the last good site
        if args.debug:
            raise
        print(
            f"build failed: {type(failure).__name__}: {failure}\n"
            "output/ was left as it was; run with -D (or make DEBUG=1) for a traceback",
            file=sys.stderr,
        )
        return 1
    return 0


def _init_logging(args) -> None:
    from pelican import log
    from rich.console import Console
    from rich.logging import RichHandler

    # Logs go to stderr, so `dateline extract --format json > file` stays clean JSON; the
    # progress bars share that console. Pelican's per-file INFO lines only with -v or -D.
    log.console = Console(stderr=True)
    verbose = args.debug or args.verbose
    log.init(level=logging.DEBUG if args.debug else logging.INFO if args.verbose
             else logging.WARNING,
             handler=RichHandler(console=log.console, show_path=bool(args.debug)))
    logging.getLogger("dateline").setLevel(
        logging.WARNING if args.quiet else logging.DEBUG if verbose else logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
