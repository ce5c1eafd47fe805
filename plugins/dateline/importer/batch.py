"""`dateline import`: read a batch of raw releases, write Markdown files, report on every source.

One bad file never stops the batch. Every source that holds release text is written: a
release whose date, ticker or headline could not be found becomes a draft, with each problem
printed as `path:line: field: ...`. The batch ends with one table (imported, drafted,
skipped, with why), or JSON with --json. Nothing is overwritten without --force, and
re-importing a source that would give the same bytes is a no-op.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dateline.content.exchanges import parse_ticker
from dateline.errors import DatelineError, Problem
from dateline.importer.release import ImportedRelease, parse_release
from dateline.importer.sitecheck import PageCheck, verify_built_pages
from dateline.importer.verify import missing_sentences, source_line

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
IMPORTED, DRAFTED, SKIPPED = "imported", "drafted", "skipped"


def add_arguments(parser) -> None:
    """The `dateline import` options."""
    parser.add_argument(
        "sources", nargs="+", metavar="SRC", help=".txt/.html releases or folders of them"
    )
    parser.add_argument(
        "--out", default="content/releases", help="releases folder (default: %(default)s)"
    )
    parser.add_argument(
        "--issuer",
        metavar="FILE",
        help="issuer profile whose tickers a source that names none is assumed to carry"
        " (default: issuer.yaml beside the releases folder)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite files that exist and differ"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be written; write nothing"
    )
    parser.add_argument(
        "--verify",
        action="store_true",
        help="build the imported releases and check every source sentence is on its page",
    )
    parser.add_argument(
        "--settings",
        default="pelicanconf.py",
        help="settings for the --verify build (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON, for scripts")
    parser.add_argument(
        "--ticker",
        metavar="'EXCHANGE: SYMBOL'",
        help="ticker for releases that name none, e.g. 'TSXV: AII' (not marked assumed)",
    )


@dataclass
class Outcome:
    """What became of one source: its result, what was done on disk, and why."""

    source: str
    result: str  # imported | drafted | skipped
    # wrote, overwrote, unchanged, would write, would overwrite, duplicate, refused, conflict
    action: str
    target: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "result": self.result,
            "action": self.action,
            "file": self.target,
            "problems": [str(p) for p in self.problems],
            "notes": self.notes,
        }


def run(args) -> int:
    """Import every source; print the problems and one report; exit 1 if a source was refused,
    a file conflicted or --verify found a lost sentence (drafts and duplicates alone exit 0)."""
    default_ticker = None
    if getattr(args, "ticker", None):
        default_ticker = parse_ticker(args.ticker)
        if default_ticker is None:
            print(
                "--ticker: expected 'EXCHANGE: SYMBOL' with a known exchange,"
                f" found {args.ticker!r}",
                file=sys.stderr,
            )
            return 2
    issuer = _issuer_file(args)
    issuer_tickers, issuer_problems = _issuer_tickers(issuer)
    missing: list[Problem] = []
    sources = list(iter_sources(args.sources, missing))
    outcomes = [Outcome(p.path, SKIPPED, "refused", problems=[p]) for p in missing]
    targets: dict[Path, str] = {}  # target -> the document written there
    checks: dict[str, PageCheck] = {}
    for source in sources:
        outcomes.append(import_one(source, args, targets, default_ticker, issuer_tickers, checks))
    if getattr(args, "verify", False):
        _attach_page_checks(outcomes, checks, args, issuer)
    _print_report(outcomes, issuer_problems, args)
    failed = any(o.action in ("refused", "conflict") or _lost(o) for o in outcomes)
    return 1 if failed else 0


def _issuer_file(args) -> Path:
    if getattr(args, "issuer", None):
        return Path(args.issuer)
    return Path(args.out).parent / "issuer.yaml"


def _issuer_tickers(path: Path):
    """The issuer profile's tickers (assumed for sources that name none), or none if unreadable."""
    from dateline.content.issuer import load_issuer

    if not path.is_file():
        return (), []
    try:
        return load_issuer(path).tickers, []
    except DatelineError as error:
        return (), error.problems


def _lost(outcome: Outcome) -> bool:
    return any(p.field == "verify" for p in outcome.problems)


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


def import_one(
    source: Path,
    args,
    targets: dict[Path, str],
    default_ticker=None,
    issuer_tickers=(),
    checks: dict | None = None,
) -> Outcome:
    """Import one source file and say what became of it (the batch goes on regardless)."""
    text, problems = read_source(source)
    if text is None:
        return Outcome(str(source), SKIPPED, "refused", problems=problems)
    is_html = source.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    )
    release = parse_release(
        text,
        source=str(source),
        is_html=is_html,
        default_ticker=default_ticker,
        issuer_tickers=issuer_tickers,
    )
    if not release.is_release or not release.is_writable:
        return Outcome(str(source), SKIPPED, "refused", problems=release.problems)
    result = DRAFTED if release.is_draft else IMPORTED
    outcome = Outcome(str(source), result, "", problems=list(release.problems), notes=release.notes)
    document = release.document()
    if getattr(args, "verify", False):
        outcome.problems.extend(_verify(release, document))
        if checks is not None:
            checks[str(source)] = PageCheck(
                str(source), release.source_text, document, release.is_html, release.raw_text
            )
    target = _free_target(Path(args.out) / release.relative_path, document, targets)
    if target is None:
        outcome.result, outcome.action = SKIPPED, "duplicate"
        outcome.notes.append("the same release as an earlier source in this batch")
        return outcome
    targets[target] = document
    outcome.target = str(target)
    outcome.action, conflict = _write(target, document, source, args)
    if conflict:
        outcome.result = SKIPPED
        outcome.problems.append(conflict)
    return outcome


def _attach_page_checks(outcomes: list[Outcome], checks: dict, args, issuer: Path) -> None:
    """--verify: one scratch build for the batch; each lost sentence goes to its source."""
    by_source = {o.source: o for o in outcomes}
    for problem in verify_built_pages(list(checks.values()), args.settings, issuer):
        owner = by_source.get(problem.path)
        if owner is None:  # the check site itself failed: every release is unverified
            for outcome in by_source.values():
                if outcome.source in checks:
                    outcome.problems.append(problem)
        else:
            owner.problems.append(problem)


def _free_target(target: Path, document: str, targets: dict[Path, str]) -> Path | None:
    """Two releases with one date and headline get -2, -3...; an identical one is a duplicate."""
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
        Problem(
            release.source,
            source_line(release.raw_text, s),
            "verify",
            f"sentence not in the output: {s[:100]!r}",
        )
        for s in lost
    ]


def _write(target: Path, document: str, source: Path, args) -> tuple[str, Problem | None]:
    """Write unless the same bytes are there; a different file is kept unless --force."""
    exists = target.exists()
    if exists and target.read_text(encoding="utf-8") == document:
        return "unchanged", None
    if exists and not args.force:
        return "conflict", Problem(
            str(target),
            1,
            "import",
            f"exists and differs from the import of {source}; use --force to overwrite",
        )
    if args.dry_run:
        return ("would overwrite" if exists else "would write"), None
    write_atomically(target, document)
    return ("overwrote" if exists else "wrote"), None


def _print_report(outcomes: list[Outcome], issuer_problems: list[Problem], args) -> None:
    """Problems on stderr as path:line: field: ...; the table (or JSON) on stdout."""
    problems = sorted({p for o in outcomes for p in o.problems} | set(issuer_problems))
    for problem in problems:
        print(problem, file=sys.stderr)
    counts = {
        name: sum(o.result == name for o in outcomes) for name in (IMPORTED, DRAFTED, SKIPPED)
    }
    if getattr(args, "json", False):
        print(
            json.dumps(
                {"counts": counts, "sources": [o.as_json() for o in outcomes]},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    print(report_table(outcomes))
    review = review_list(outcomes)
    if review:
        print(review)
    print(
        f"{len(outcomes)} source(s): {counts[IMPORTED]} imported, {counts[DRAFTED]} drafted,"
        f" {counts[SKIPPED]} skipped"
    )


def report_table(outcomes: list[Outcome]) -> str:
    """One row per source: result, action, file written, source, and why (fields to review)."""
    rows = [("RESULT", "ACTION", "FILE", "SOURCE", "WHY")]
    for o in outcomes:
        why = ", ".join(dict.fromkeys(_reason(p) for p in o.problems)) or "; ".join(o.notes)
        rows.append((o.result, o.action, o.target or "-", o.source, why))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4]
        for row in rows
    ).rstrip()


def review_list(outcomes: list[Outcome]) -> str:
    """Each draft with its reasons in full: the file, then one `path:line: field: expected ...,
    found ...; what to write` line per field to review (the table names only the fields)."""
    lines = []
    for o in outcomes:
        reasons = [p for p in o.problems if p.field not in ("verify",)]
        if o.result == DRAFTED and reasons:
            lines.append(f"  {o.target or o.source}")
            lines.extend(f"    {problem}" for problem in reasons)
    drafts = sum(o.result == DRAFTED for o in outcomes)
    return f"to review before publishing ({drafts} draft(s)):\n" + "\n".join(lines) if lines else ""


def _reason(problem: Problem) -> str:
    """Short why for the table: the field, and for a refusal what was expected."""
    if problem.field in ("release", "encoding", "source", "import"):
        return f"{problem.field}: {problem.message.split(';')[0]}"
    return problem.field


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
