"""Precision, recall, F1 and field accuracy of grant extraction on the labelled fixtures.

Run ``.venv/bin/python tests/extraction_eval.py grants [--split train|test|all] [-v]``.
The fixtures are ``tests/fixtures/extraction/grants/<split>/*.yaml``: a release body
with its date, exchanges and format, and the grants a person reads in it. The
``test`` split was written before the extractor was tuned and is never tuned on;
``tests/test_grants_eval.py`` holds it to the quality bar.

Matching rule (docs/extraction.md): within one release, an extracted grant
matches an expected one when ``security`` and ``number`` are equal; when several
expected grants share them, the one with the same recipient (case-insensitive) is
taken first. Each grant matches at most once. Unmatched extracted grants are false
grants; unmatched expected grants are misses.

Field accuracy: over matched pairs, the share of the FIELDS that are equal (a field
left out of an expected grant is null), plus ``review`` (compared as a set) where the
fixture states it.

Other kinds (milestones) keep their own evaluation module beside this one; this
file only knows grants.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "plugins"))

from dateline.facts.extraction import extract_html, extract_text  # noqa: E402

GRANT_FIXTURES = ROOT / "fixtures" / "extraction" / "grants"
SPLITS = ("train", "test")
FIELDS = (
    "recipient",
    "role",
    "exercise_price",
    "currency",
    "currency_stated",
    "term_years",
    "expiry_date",
    "vesting",
    "grant_date",
    "conditions",
)


@dataclass
class Score:
    """Counts over a set of releases, and the mismatches behind them."""

    matched: int = 0
    false_grants: int = 0
    missed: int = 0
    fields_right: int = 0
    fields_total: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.matched + self.false_grants
        return self.matched / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.matched + self.missed
        return self.matched / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        return self.fields_right / self.fields_total if self.fields_total else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f}"
            f" field accuracy {self.field_accuracy:.3f} ({self.matched} matched,"
            f" {self.false_grants} false, {self.missed} missed,"
            f" {self.fields_right}/{self.fields_total} fields)"
        )


def load_cases(split: str) -> list[tuple[Path, dict]]:
    """Every fixture of a split, in file-name order."""
    paths = sorted((GRANT_FIXTURES / split).glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


def extracted_grants(case: dict) -> list[dict]:
    """What extraction finds in one fixture release, through the public entry points."""
    reader = extract_html if case["format"] == "html" else extract_text
    found = reader(
        case["body"],
        release_date=(
            datetime.date.fromisoformat(case["release_date"]) if case["release_date"] else None
        ),
        exchanges=case["exchanges"],
    )
    return found["grants"]


def _same_recipient(a, b) -> bool:
    return (a or "").lower() == (b or "").lower()


def match(found: list[dict], expected: list[dict]) -> tuple[list[tuple[dict, dict]], list, list]:
    """(pairs, unmatched found, unmatched expected) under the matching rule."""
    left = list(found)
    pairs, missed = [], []
    for want in expected:
        candidates = [
            g
            for g in left
            if g["security"] == want["security"] and g["number"] == want.get("number")
        ]
        if not candidates:
            missed.append(want)
            continue
        best = next(
            (g for g in candidates if _same_recipient(g["recipient"], want.get("recipient"))),
            candidates[0],
        )
        left.remove(best)
        pairs.append((best, want))
    return pairs, left, missed


def score_case(path: Path, case: dict, score: Score) -> None:
    """Add one release's matches, misses, false grants and fields to the score."""
    pairs, false, missed = match(extracted_grants(case), case["expected"]["grants"])
    score.matched += len(pairs)
    score.false_grants += len(false)
    score.missed += len(missed)
    name = path.stem
    score.problems += [
        f"{name}: false grant {g['security']} {g['number']} {g['recipient']}" for g in false
    ]
    score.problems += [
        f"{name}: missed {w['security']} {w.get('number')} {w.get('recipient')}" for w in missed
    ]
    for got, want in pairs:
        checks = [(key, got.get(key), want.get(key)) for key in FIELDS]
        if "review" in want:
            checks.append(("review", sorted(got.get("review") or []), sorted(want["review"])))
        for key, value, wanted in checks:
            score.fields_total += 1
            if value == wanted:
                score.fields_right += 1
            else:
                score.problems.append(
                    f"{name}: {got['security']} {got['number']} {key}:"
                    f" expected {wanted!r}, found {value!r}"
                )


def evaluate(split: str) -> Score:
    """The score of one split."""
    score = Score()
    for path, case in load_cases(split):
        score_case(path, case, score)
    return score


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["grants"])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    for split in SPLITS if args.split == "all" else (args.split,):
        score = evaluate(split)
        print(score.line(split))
        if args.verbose:
            print("\n".join("  " + problem for problem in score.problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
