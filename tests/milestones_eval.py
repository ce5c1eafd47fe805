"""Milestone extraction scored against the fixture splits: precision, recall, planned as achieved.

Run it from the project folder:

    .venv/bin/python tests/milestones_eval.py            # both splits, numbers only
    .venv/bin/python tests/milestones_eval.py --split train --show  # misses and extras

The matching rule (docs/extraction.md "Evaluation"): a found milestone
matches an expected one when kind, status, date and precision are equal and the
sentences overlap (the same sentence, or one contains the other, as a headline or a
bullet may be cut). Each expected milestone matches at most one found one. Event
wording and project are not scored here; tests/test_milestones.py asserts them on
the older fixtures.

A "planned shown as achieved" is a found `achieved` milestone that matches nothing
and comes from a sentence that states a planned event (an expected `planned`
milestone or a `not_milestones` entry whose `why` is `planned`).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).parent / "fixtures" / "extraction" / "milestones"
SPLITS = ("train", "test")
MATCH_KEYS = ("kind", "status", "date", "precision")


@dataclass
class Score:
    """What one split gave: counts, and the cases behind each miss for --show."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    planned_as_achieved: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def load_cases(split: str) -> list[tuple[Path, dict]]:
    """Every fixture of a split, in file order."""
    paths = sorted((ROOT / split).glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


def extract_case(case: dict) -> list[dict]:
    """The milestones extraction finds in one fixture release."""
    from dateline.facts.extraction import extract_html, extract_text

    reader = extract_html if case["format"] == "html" else extract_text
    found = reader(
        case["body"],
        release_date=datetime.date.fromisoformat(case["release_date"]),
        exchanges=case["exchanges"],
        title=case.get("title"),
    )
    return found["milestones"]


def _overlap(one: str | None, other: str | None) -> bool:
    if not one or not other:
        return False
    one, other = one.strip(" ."), other.strip(" .")
    return one in other or other in one


def _same(found: dict, expected: dict) -> bool:
    return all(found.get(key) == expected.get(key) for key in MATCH_KEYS) and _overlap(
        found.get("sentence"), expected.get("sentence")
    )


def score_case(path: Path, case: dict, score: Score) -> None:
    """Add one fixture's matches, misses and extras to the split's score."""
    found = extract_case(case)
    expected = case["expected"]["milestones"]
    unmatched = list(found)
    for want in expected:
        hit = next((got for got in unmatched if _same(got, want)), None)
        if hit is None:
            score.misses.append((path.stem, want))
        else:
            unmatched.remove(hit)
            score.matched += 1
    planned = [e["sentence"] for e in expected if e["status"] == "planned"]
    planned += [n["sentence"] for n in case.get("not_milestones", []) if n["why"] == "planned"]
    for extra in unmatched:
        score.extras.append((path.stem, extra))
        if extra["status"] == "achieved" and any(_overlap(extra["sentence"], s) for s in planned):
            score.planned_as_achieved += 1
    score.expected += len(expected)
    score.found += len(found)


def score_split(split: str) -> Score:
    score = Score()
    for path, case in load_cases(split):
        score_case(path, case, score)
    return score


def _describe(milestone: dict) -> str:
    keys = ", ".join(f"{key}={milestone.get(key)}" for key in MATCH_KEYS)
    return f"{keys} | {milestone.get('sentence')}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="score one split only (default: both)")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    for split in [args.split] if args.split else SPLITS:
        score = score_split(split)
        print(f"{split}: {len(load_cases(split))} releases, {score.expected} expected, "
              f"{score.found} found, {score.matched} matched; precision {score.precision:.3f}, "
              f"recall {score.recall:.3f}; planned shown as achieved: {score.planned_as_achieved}")
        if args.show:
            for stem, milestone in score.misses:
                print(f"  missed {stem}: {_describe(milestone)}")
            for stem, milestone in score.extras:
                print(f"  extra  {stem}: {_describe(milestone)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent.parent / "plugins"))
    sys.exit(main())
