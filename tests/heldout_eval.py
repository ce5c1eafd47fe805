"""The held-out set: real release shapes in our own words, scored end to end (import, then
extraction).

Run ``.venv/bin/python tests/heldout_eval.py [--set heldout2] [-v]`` from the project folder.

Each fixture is ``tests/fixtures/<set>/NNN_name/source.txt`` (the release as a person saves
it from the page) and ``labels.yaml`` (what a careful reader finds in it: date, tickers, title,
grants, milestones, tempting non-milestones). ``--set`` names the folder under tests/fixtures
(``heldout``, the default, or ``heldout2``, the second set written after the first one's failure
classes were fed back, or ``heldout3``, written by an independent examiner after the code; see
tests/fixtures/heldout3/README.md). See docs/heldout.md.

1. Import. All sources go through ``dateline import``'s own entry point (``importer.run``
   with ``--json``, as tests/test_importer_collection.py calls it), with the set's own
   ``issuer.yaml`` (``tests/fixtures/<set>/issuer.yaml``) as the issuer. Scored per source: imported
   (not
   refused), drafted, date right, tickers right (a ticker the importer marks ``# assumed`` is
   counted as no ticker).
2. Extraction. The imported file's body is rendered the way the build renders it and read by
   ``extraction.extract_html`` with its front-matter date, exchanges and title (with no
   front-matter date, the labelled date); a refused source is read raw by
   ``extraction.extract_text`` with the labelled date and tickers. Grants and milestones are
   scored by the functions of tests/extraction_eval.py and tests/milestones_eval.py (same
   matching rules, same counters), fed the facts found here.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(TESTS))

import extraction_eval  # noqa: E402
import milestones_eval  # noqa: E402
from dateline.commands.extract_command import extraction_settings  # noqa: E402
from dateline.content import markup  # noqa: E402
from dateline.facts import extraction  # noqa: E402
from dateline.importer import add_arguments, run  # noqa: E402
from dateline.importer.verify import split_document  # noqa: E402

SETS = ("heldout", "heldout2", "heldout3")
DEFAULT_SET = "heldout"
HELDOUT = TESTS / "fixtures" / DEFAULT_SET
ISSUER = HELDOUT / "issuer.yaml"


def set_folder(name: str = DEFAULT_SET) -> Path:
    """The fixture folder of a held-out set: tests/fixtures/<name>."""
    if name not in SETS:
        raise ValueError(f"unknown held-out set {name!r}; known: {', '.join(SETS)}")
    return TESTS / "fixtures" / name


@dataclass
class Fixture:
    name: str
    source: Path
    labels: dict
    result: str = "refused"  # imported | drafted | refused (skipped)
    date: str | None = None
    tickers: list[str] = field(default_factory=list)
    found_grants: list[dict] = field(default_factory=list)
    found_milestones: list[dict] = field(default_factory=list)
    grants: extraction_eval.Score = field(default_factory=extraction_eval.Score)
    milestones: milestones_eval.Score = field(default_factory=milestones_eval.Score)

    @property
    def date_right(self) -> bool:
        return self.date == self.labels.get("date")

    @property
    def tickers_right(self) -> bool:
        return sorted(self.tickers) == sorted(_norm(t) for t in self.labels.get("tickers") or [])


def _norm(ticker: str) -> str:
    exchange, _, symbol = str(ticker).partition(":")
    return f"{exchange.strip()}:{symbol.strip().upper()}"


def load_fixtures(root: Path = HELDOUT) -> list[Fixture]:
    fixtures = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
        fixtures.append(Fixture(folder.name, folder / "source.txt", labels))
    return fixtures


def import_all(fixtures: list[Fixture], out: Path, issuer: Path = ISSUER) -> dict[str, dict]:
    """One `dateline import` batch over every source; the JSON report entry of each."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        [*(str(f.source) for f in fixtures), "--out", str(out), "--issuer", str(issuer), "--json"]
    )
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        run(args)
    return {entry["source"]: entry for entry in json.loads(stdout.getvalue())["sources"]}


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def extract_fixture(fixture: Fixture, entry: dict | None, settings) -> None:
    """Fill in what the importer gave and what extraction finds in it."""
    labelled_date = fixture.labels.get("date")
    if entry and entry["result"] in ("imported", "drafted") and entry.get("file"):
        fixture.result = entry["result"]
        document = Path(entry["file"]).read_text(encoding="utf-8")
        fields, body = split_document(document)
        fixture.date = _iso(fields.get("date"))
        tickers = fields.get("ticker") or []
        tickers = [tickers] if isinstance(tickers, str) else list(tickers)
        exchanges = [t.split(":")[0].strip() for t in tickers]
        fixture.tickers = [] if "# assumed:" in document else [_norm(t) for t in tickers]
        day = fixture.date or labelled_date
        html = markup.converter(settings).convert(body)
        found = extraction.extract_html(
            html,
            release_date=dt.date.fromisoformat(day) if day else None,
            exchanges=exchanges,
            title=fields.get("title"),
        )
    else:
        raw = fixture.source.read_text(encoding="utf-8")
        exchanges = [_norm(t).split(":")[0] for t in fixture.labels.get("tickers") or []]
        found = extraction.extract_text(
            raw,
            release_date=dt.date.fromisoformat(labelled_date) if labelled_date else None,
            exchanges=exchanges,
            title=fixture.labels.get("title"),
        )
    fixture.found_grants, fixture.found_milestones = found["grants"], found["milestones"]


def score_fixture(fixture: Fixture, grants: extraction_eval.Score,
                  milestones: milestones_eval.Score) -> None:
    """Score one fixture with the two evaluations' own functions, into its own and the totals."""
    case = {
        "expected": {
            "grants": fixture.labels.get("grants") or [],
            "milestones": fixture.labels.get("milestones") or [],
        },
        "not_milestones": fixture.labels.get("not_milestones") or [],
    }
    path = Path(fixture.name)
    with mock.patch.object(extraction_eval, "extracted_grants", lambda _c: fixture.found_grants), \
            mock.patch.object(milestones_eval, "extract_case", lambda _c: fixture.found_milestones):
        for grant_score, milestone_score in ((fixture.grants, fixture.milestones),
                                             (grants, milestones)):
            extraction_eval.score_case(path, case, grant_score)
            milestones_eval.score_case(path, case, milestone_score)


@dataclass
class Totals:
    fixtures: list[Fixture]
    grants: extraction_eval.Score
    milestones: milestones_eval.Score

    @property
    def count(self) -> int:
        return len(self.fixtures)

    @property
    def imported(self) -> int:
        return sum(f.result in ("imported", "drafted") for f in self.fixtures)

    @property
    def drafted(self) -> int:
        return sum(f.result == "drafted" for f in self.fixtures)

    @property
    def dates_right(self) -> float:
        return sum(f.date_right for f in self.fixtures) / self.count

    @property
    def tickers_right(self) -> float:
        return sum(f.tickers_right for f in self.fixtures) / self.count

    def as_dict(self) -> dict:
        g, m = self.grants, self.milestones
        return {
            "fixtures": self.count,
            "imported": self.imported,
            "drafted": self.drafted,
            "dates_right": self.dates_right,
            "tickers_right": self.tickers_right,
            "grants_precision": g.precision,
            "grants_recall": g.recall,
            "grants_f1": g.f1,
            "grants_field_accuracy": g.field_accuracy,
            "false_grants": g.false_grants,
            "milestones_precision": m.precision,
            "milestones_recall": m.recall,
            "planned_as_achieved": m.planned_as_achieved,
        }


def evaluate(set_name: str = DEFAULT_SET) -> Totals:
    """Import and score every fixture of one held-out set (tests/fixtures/<set_name>)."""
    folder = set_folder(set_name)
    fixtures = load_fixtures(folder)
    settings = extraction_settings(str(ROOT / "pelicanconf.py"))
    grants, milestones = extraction_eval.Score(), milestones_eval.Score()
    with tempfile.TemporaryDirectory() as tmp:
        entries = import_all(fixtures, Path(tmp) / "releases", folder / "issuer.yaml")
        for fixture in fixtures:
            extract_fixture(fixture, entries.get(str(fixture.source)), settings)
            score_fixture(fixture, grants, milestones)
    return Totals(fixtures, grants, milestones)


def _mark(ok: bool) -> str:
    return "ok" if ok else "NO"


def report(totals: Totals, verbose: bool) -> str:
    lines = []
    if verbose:
        lines.append(f"{'fixture':<50} {'import':<8} {'date':<4} {'tick':<4} "
                     f"{'grants m/e/f':<13} {'miles m/e/f':<12} planned")
        for f in totals.fixtures:
            g, m = f.grants, f.milestones
            lines.append(
                f"{f.name:<50} {f.result:<8} {_mark(f.date_right):<4} {_mark(f.tickers_right):<4} "
                f"{g.matched}/{g.matched + g.missed}/{g.matched + g.false_grants:<9} "
                f"{m.matched}/{m.expected}/{m.found:<8} {m.planned_as_achieved}"
            )
            if not f.date_right:
                lines.append(f"    date: expected {f.labels.get('date')!r}, found {f.date!r}")
            if not f.tickers_right:
                lines.append(f"    tickers: expected {f.labels.get('tickers')}, found {f.tickers}")
            lines += ["    " + p for p in g.problems]
            lines += [f"    missed milestone: {milestones_eval._describe(w)}" for _, w in m.misses]
            lines += [f"    extra milestone: {milestones_eval._describe(x)}" for _, x in m.extras]
        lines.append("")
    t, g, m = totals, totals.grants, totals.milestones
    lines += [
        f"importer: {t.imported}/{t.count} imported (not refused), {t.drafted} drafted;"
        f" dates right {t.dates_right:.2f}; tickers right {t.tickers_right:.2f}",
        extraction_eval.Score.line(g, "grants"),
        f"milestones: {m.expected} expected, {m.found} found, {m.matched} matched;"
        f" precision {m.precision:.3f}, recall {m.recall:.3f};"
        f" planned shown as achieved: {m.planned_as_achieved}",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="a table per fixture")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--set", dest="set_name", choices=SETS, default=DEFAULT_SET,
                        help="which held-out set under tests/fixtures (default: %(default)s)")
    args = parser.parse_args(argv)
    totals = evaluate(args.set_name)
    print(json.dumps(totals.as_dict(), indent=2) if args.json else report(totals, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
