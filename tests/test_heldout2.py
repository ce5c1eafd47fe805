"""The second held-out set (tests/fixtures/heldout2, docs/heldout.md) as a regression floor.

`tests/heldout_eval.py --set heldout2` imports every source with `dateline import`'s entry point
and scores grant and milestone extraction on what it imported, with the same code as the first
set. These tests assert that every fixture produced output (no crash, no refused source) and that
the totals do not fall below what was measured once, when the set was finished (the measured
value minus 0.05, rounded down to two decimals).

The issue's targets are REPORTED by `tests/heldout_eval.py --set heldout2`, NOT asserted, until
they are met: grants F1 >= 0.9, field accuracy >= 0.85, milestones precision >= 0.8, recall >=
0.7, no false grant, no planned milestone shown as achieved; importer >= 38/40 imported, dates
right >= 95%, tickers right >= 90%. When a target is met, raise its floor here to the target.

Nobody tunes on this set: fix a class of failure, then read the totals here; do not edit a
fixture or its labels to make a number move.
"""

from __future__ import annotations

import pytest

import heldout_eval

SET = "heldout2"

# measured on main at the end of session 5 (docs/heldout.md), minus 0.05, rounded down. The
# first floors (branch heldout2, main as of fbeaffe) were lower on every measure but false
# grants: the grants rounds took false grants from 5 to 6 on this set, and the limit follows
# the measurement rather than hide it (the bar is 0; see docs/heldout.md).
FLOORS = {
    "dates_right": 0.86,
    "tickers_right": 0.95,
    "grants_precision": 0.73,
    "grants_recall": 0.47,
    "grants_f1": 0.57,
    "grants_field_accuracy": 0.77,
    "milestones_precision": 0.48,
    "milestones_recall": 0.57,
}
MAX_FALSE_GRANTS = 6
MAX_PLANNED_AS_ACHIEVED = 0


@pytest.fixture(scope="module")
def totals():
    return heldout_eval.evaluate(SET)


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


def test_no_source_address_is_shared_with_the_first_set():
    first = {f.labels["source_url"] for f in heldout_eval.load_fixtures(heldout_eval.set_folder())}
    second = {f.labels["source_url"]
              for f in heldout_eval.load_fixtures(heldout_eval.set_folder(SET))}
    assert first.isdisjoint(second)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_totals_do_not_fall_below_the_measured_floor(totals, measure):
    assert totals.as_dict()[measure] >= FLOORS[measure]


def test_false_grants_and_planned_as_achieved_do_not_grow(totals):
    assert totals.grants.false_grants <= MAX_FALSE_GRANTS
    assert totals.milestones.planned_as_achieved <= MAX_PLANNED_AS_ACHIEVED
