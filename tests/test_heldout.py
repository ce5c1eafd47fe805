"""The held-out set (tests/fixtures/heldout, docs/heldout.md) as a regression floor.

tests/heldout_eval.py imports every source with `dateline import`'s entry point and scores
grant and milestone extraction on what it imported. These tests assert that every fixture
produced output (no crash, no refused source) and that the totals do not fall below what was
measured when the set was written (the measured value rounded down by 0.02).

The issue's targets are REPORTED by `tests/heldout_eval.py`, NOT asserted, until they are met:
grants F1 >= 0.9, field accuracy >= 0.85, milestones precision >= 0.8, recall >= 0.7, no false
grant, no planned milestone shown as achieved; importer >= 38/40 imported, dates right >= 95%,
tickers right >= 90%. When a target is met, raise its floor here to the target.
"""

from __future__ import annotations

import pytest

import heldout_eval

# Raised as the extractors improved (docs/heldout.md, "Measured"): the values measured on main
# at the end of session 5, minus 0.02, rounded down. This set is a dev set now: its failure
# classes were given to the engineers, so it guards against regressions, it proves nothing new.
FLOORS = {
    "dates_right": 0.98,
    "tickers_right": 0.98,
    "grants_precision": 0.98,
    "grants_recall": 0.70,
    "grants_f1": 0.82,
    "grants_field_accuracy": 0.83,
    "milestones_precision": 0.88,
    "milestones_recall": 0.90,
}
MAX_FALSE_GRANTS = 0
MAX_PLANNED_AS_ACHIEVED = 0


@pytest.fixture(scope="module")
def totals():
    return heldout_eval.evaluate()


def test_at_least_forty_fixtures_half_grants_half_milestones(totals):
    assert totals.count >= 40
    with_grants = sum(bool(f.labels.get("grants")) for f in totals.fixtures)
    with_milestones = sum(bool(f.labels.get("milestones")) for f in totals.fixtures)
    assert with_grants >= 15 and with_milestones >= 15


def test_every_fixture_is_imported_and_extracted(totals):
    refused = [f.name for f in totals.fixtures if f.result not in ("imported", "drafted")]
    assert refused == []
    for fixture in totals.fixtures:
        assert isinstance(fixture.found_grants, list) and isinstance(fixture.found_milestones, list)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_totals_do_not_fall_below_the_measured_floor(totals, measure):
    assert totals.as_dict()[measure] >= FLOORS[measure]


def test_false_grants_and_planned_as_achieved_do_not_grow(totals):
    assert totals.grants.false_grants <= MAX_FALSE_GRANTS
    assert totals.milestones.planned_as_achieved <= MAX_PLANNED_AS_ACHIEVED
