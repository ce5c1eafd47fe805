"""`dateline extract FILE...`: the grants and milestones a release gives, as the JSON contract.

It reads `.md` releases (front matter and body) and raw `.txt` / `.html` releases
(through the importer), from any folder:

- The settings file is the project's `pelicanconf.py` when the working folder has
  one (or `-s FILE`); otherwise the Markdown settings Dateline uses by default, so
  a reviewer can run it on a downloaded release anywhere.
- A raw release is never refused for want of a date. With no dateline date (and no
  `--date`), it is still extracted: dates the text states are kept, those that need
  the release date ("today", "in August", a grant date) stay null, and a warning
  `path:line: date: ...` says so; the exit status stays 0. `--date YYYY-MM-DD`
  gives the release date of raw files (it wins over a dateline date they carry).
- A file that cannot be read, or an `.md` file with invalid front matter, is an
  error `path:line: field: expected X, found Y`; the other files are still printed
  and the exit status is 1.
"""

from __future__ import annotations

import datetime
import json
import logging
import sys
from pathlib import Path

from dateline.content import markup
from dateline.content.frontmatter import parse_file, relative_path
from dateline.errors import DatelineError, Problem

logger = logging.getLogger(__name__)

DEFAULT_SETTINGS = "pelicanconf.py"
# What pelicanconf.py sets for Markdown; used when no settings file is at hand.
FALLBACK_SETTINGS = {
    "MARKDOWN": {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"},
    "TIMEZONE": "UTC",
}


def add_arguments(parser) -> None:
    """Options of `dateline extract`."""
    parser.add_argument("files", nargs="+", metavar="FILE", help=".md, .txt or .html releases")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--date", type=release_date_argument, metavar="YYYY-MM-DD",
                        help="release date of raw .txt/.html files (instead of their dateline)")
    parser.add_argument("-s", "--settings", default=DEFAULT_SETTINGS,
                        help="settings file (default: ./pelicanconf.py when there is one)")


def release_date_argument(text: str) -> datetime.date:
    """argparse type for --date: an ISO day, with the error the rest of Dateline gives."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, found {text!r}")


def run(args) -> int:
    """Print the contract of DESIGN.md for each file; warnings and errors go to stderr."""
    settings = extraction_settings(args.settings)
    results, problems = [], []
    for name in args.files:
        try:
            result, warnings = extract_file(Path(name), settings, release_date=args.date)
        except DatelineError as error:
            problems.extend(error.problems)
            continue
        except OSError as error:
            problems.append(Problem(name, 1, "file", f"cannot be read: {error.strerror}"))
            continue
        results.append(result)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    _print(results, args.format)
    if problems:
        raise DatelineError(problems)
    return 0


def extraction_settings(settings_file: str) -> dict:
    """The project's settings when there are any; Dateline's Markdown defaults elsewhere."""
    path = Path(settings_file)
    if path.is_file():
        from dateline.build.build import load_settings

        return load_settings(str(path))
    if settings_file != DEFAULT_SETTINGS:
        raise DatelineError(
            Problem(settings_file, 1, "settings", "expected a settings file, found none"))
    logger.debug("extract: no %s here; using Dateline's Markdown settings", DEFAULT_SETTINGS)
    return dict(FALLBACK_SETTINGS)


def _print(results: list[dict], form: str) -> None:
    if form == "json":
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    from dateline.commands.report import describe_grant, describe_milestone, fact_lines

    for result in results:
        print(result["source"])
        for line in (fact_lines("grant", result["grants"], describe_grant)
                     + fact_lines("milestone", result["milestones"], describe_milestone)):
            print(line)


def extract_file(path: Path, settings, *, release_date: datetime.date | None = None):
    """(contract object, warnings) for one file, whatever its format."""
    source = relative_path(path)
    if path.suffix in (".md", ".markdown"):
        return _extract_markdown(path, source, settings), []
    return _extract_raw(path, source, settings, release_date)


def _extract_markdown(path: Path, source: str, settings) -> dict:
    from dateline.commands.report import facts_for

    matter = parse_file(path, "release", settings)
    if matter.problems:
        raise DatelineError(matter.problems)
    fields = matter.fields
    html = markup.converter(settings).convert(matter.body)
    facts = facts_for(fields, html, [t.exchange for t in fields["ticker"]])
    return {"source": source, "grants": facts["grants"], "milestones": facts["milestones"]}


def _extract_raw(path: Path, source: str, settings, release_date):
    """A .txt/.html release through the importer; its body as it reads when the importer
    finds no headline (the text is still a release a person can review)."""
    from dateline.facts import extraction
    from dateline.importer import parse_release

    raw = path.read_bytes().decode("utf-8", errors="replace")
    is_html = path.suffix in (".html", ".htm")
    imported = parse_release(raw, source=source, is_html=is_html)
    warnings = [str(problem) for problem in imported.problems
                if problem.field == "release"]
    date = release_date or _dateline_date(imported)
    if date is None:
        warnings.append(f"{source}:1: date: expected a dateline date, found none; extracted"
                        " without a release date (dates that depend on it are null);"
                        " give --date YYYY-MM-DD")
    tickers = imported.front_matter.get("ticker") or []
    tickers = [tickers] if isinstance(tickers, str) else tickers
    exchanges = [t.split(":")[0].strip() for t in tickers]
    title = imported.front_matter.get("title")
    if imported.body_markdown:
        html = markup.converter(settings).convert(imported.body_markdown)
        facts = extraction.extract_html(html, release_date=date, exchanges=exchanges, title=title)
    elif is_html:
        facts = extraction.extract_html(raw, release_date=date, exchanges=exchanges)
    else:
        facts = extraction.extract_text(raw, release_date=date, exchanges=exchanges)
    result = {"source": source, "grants": facts["grants"], "milestones": facts["milestones"]}
    return result, warnings


def _dateline_date(imported) -> datetime.date | None:
    date = imported.front_matter.get("date")
    if date is None or any(p.field == "date" for p in imported.problems):
        return None
    return date.date() if hasattr(date, "date") else date
