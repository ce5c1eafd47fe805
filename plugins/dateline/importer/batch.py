"""`dateline import`: read a batch of raw releases, write Markdown files, report every problem at the end.

One bad file never stops the batch; nothing is overwritten without --force,
and re-importing a source that would give the same bytes is a no-op.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from dateline.errors import Problem
from dateline.exchanges import parse_ticker
from dateline.importer.release import ImportedRelease, parse_release
from dateline.importer.verify import missing_sentences

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def add_arguments(parser) -> None:
    """The `dateline import` options."""
    parser.add_argument(
        "sources", nargs="+", metavar="SRC", help=".txt/.html releases or folders of them"
    )
    parser.add_argument(
        "--out", default="content/releases", help="releases folder (default: %(default)s)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite files that exist and differ"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be written; write nothing"
    )
    parser.add_argument("--verify", action="store_true", help="check no source sentence is lost")
    parser.add_argument(
        "--ticker",
        metavar="'EXCHANGE: SYMBOL'",
        help="ticker for releases that name none, e.g. 'TSXV: AII'",
    )


def run(args) -> int:
    """Import every source; print what was written and every problem; exit 1 if there was any."""
    default_ticker = None
    if getattr(args, "ticker", None):
        default_ticker = parse_ticker(args.ticker)
        if default_ticker is None:
            print(
                f"--ticker: expected 'EXCHANGE: SYMBOL' with a known exchange, found {args.ticker!r}",
                file=sys.stderr,
            )
            return 2
    problems: list[Problem] = []
    targets: dict[Path, str] = {}  # target -> the document written there
    sources = list(iter_sources(args.sources, problems))
    for source in sources:
        problems.extend(import_one(source, args, targets, default_ticker))
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    verb = "checked" if args.dry_run else "imported"
    print(f"{len(sources)} source(s), {len(targets)} release(s) {verb}, {len(problems)} problem(s)")
    return 1 if problems else 0


def iter_sources(paths, problems: list[Problem]):
    """Files as given, folders searched recursively for .txt/.html, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
            ]
            yield from sorted(found)
        elif path.is_file():
            yield path
        else:
            problems.append(
                Problem(str(path), 1, "source", "expected a file or folder, found nothing there")
            )


def import_one(source: Path, args, targets: dict[Path, str], default_ticker=None) -> list[Problem]:
    """Import one source file; return its problems (the batch goes on regardless)."""
    text, problems = read_source(source)
    if text is None:
        return problems
    is_html = source.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    )
    release = parse_release(
        text, source=str(source), is_html=is_html, default_ticker=default_ticker
    )
    problems.extend(release.problems)
    if not release.is_release:
        return problems
    document = release.document()
    if getattr(args, "verify", False):
        problems.extend(_verify(release, document))
    target = _free_target(Path(args.out) / release.relative_path, document, targets)
    if target is None:
        print(f"duplicate  {source} is the same release as an earlier source; skipped")
        return problems
    targets[target] = document
    problems.extend(_write(target, document, source, args))
    return problems


def _free_target(target: Path, document: str, targets: dict[Path, str]) -> Path | None:
    """Two different releases with one date and headline get -2, -3...; an identical one is a duplicate."""
    candidate, number = target, 1
    while candidate in targets:
        if targets[candidate] == document:
            return None
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    if number > 1:
        logger.warning(
            "import: %s is taken by another release in this batch; writing %s",
            target.name,
            candidate.name,
        )
    return candidate


def read_source(path: Path) -> tuple[str | None, list[Problem]]:
    """UTF-8 first, then Windows-1252 with a warning; bytes neither can read are a problem."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        return None, [
            Problem(
                str(path),
                line,
                "encoding",
                f"expected UTF-8 or Windows-1252 text, found byte 0x{byte:02x}",
            )
        ]
    line = raw[: utf8_error.start].count(b"\n") + 1
    logger.warning("import: %s:%s: not UTF-8; read as Windows-1252 (cp1252)", path, line)
    return text, []


def _verify(release: ImportedRelease, document: str) -> list[Problem]:
    lost = missing_sentences(release.source_text, document, is_html=release.is_html)
    return [
        Problem(release.source, 1, "verify", f"sentence not in the output: {s[:100]!r}")
        for s in lost
    ]


def _write(target: Path, document: str, source: Path, args) -> list[Problem]:
    exists = target.exists()
    if exists and target.read_text(encoding="utf-8") == document:
        print(f"unchanged  {target}  <- {source}")
        return []
    if exists and not args.force:
        return [
            Problem(
                str(target),
                1,
                "import",
                f"exists and differs from the import of {source}; use --force to overwrite",
            )
        ]
    if args.dry_run:
        print(f"{'would overwrite' if exists else 'would write'}  {target}  <- {source}")
        return []
    write_atomically(target, document)
    print(f"{'overwrote' if exists else 'wrote'}  {target}  <- {source}")
    return []


def write_atomically(target: Path, document: str) -> None:
    """Write beside the target, then rename, so a crash never leaves half a release."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".md")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(document)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
