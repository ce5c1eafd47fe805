"""The held-out sets (tests/fixtures/heldout, heldout2, heldout3) as regression floors.

tests/heldout_eval.py imports every source with `dateline import`'s entry point and scores
grant and milestone extraction on what it imported, with the same code for both sets. These
tests assert that every fixture produced output (no crash, no refused source) and that the
totals do not fall below a floor under what was measured.

The issue's targets are REPORTED by `tests/heldout_eval.py [--set heldout2]`, NOT asserted, until
they are met: grants F1 >= 0.9, field accuracy >= 0.85, milestones precision >= 0.8, recall >=
0.7, no false grant, no planned milestone shown as achieved; importer >= 38/40 imported, dates
right >= 95%, tickers right >= 90%. When a target is met, raise its floor here to the target.

Nobody tunes on the second set: fix a class of failure, then read the totals; do not edit a
fixture or its labels to make a number move.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import heldout_eval


@dataclass(frozen=True)
class Floors:
    measures: dict
    max_false_grants: int
    max_planned_as_achieved: int = 0


SETS = {
    # Raised as the extractors improved (docs/heldout.md, "Progress"): the values measured on
    # main at the end of session 5, minus 0.02, rounded down. This set is a dev set now: its
    # failure classes were given to the engineers, so it guards against regressions, it proves
    # nothing new.
    # Raised in session 6 after the grants5 round (recall 0.725 -> 0.975, fields 0.855 -> 0.892).
    "heldout": Floors({
        "dates_right": 0.98,
        "tickers_right": 0.98,
        "grants_precision": 0.98,
        "grants_recall": 0.95,
        "grants_f1": 0.96,
        "grants_field_accuracy": 0.87,
        "milestones_precision": 0.88,
        "milestones_recall": 0.90,
    }, max_false_grants=0),
    # Measured on main at the end of session 5, minus 0.05, rounded down. The first floors
    # (branch heldout2, main as of fbeaffe) were lower on every measure but false grants: the
    # grants rounds took false grants from 5 to 6 on this set, and the limit follows the
    # measurement rather than hide it (the bar is 0; see docs/heldout.md).
    "heldout2": Floors({
        "dates_right": 0.86,
        "tickers_right": 0.95,
        "grants_precision": 0.73,
        "grants_recall": 0.47,
        "grants_f1": 0.57,
        "grants_field_accuracy": 0.77,
        "milestones_precision": 0.48,
        "milestones_recall": 0.57,
    }, max_false_grants=5),  # session 6: 5 measured (was 6)
    # Written by an independent examiner after the code (branch heldout3, from main as of
    # f7cc0d0) and scored once the set was complete: the measured values minus 0.02, rounded
    # down; false grants (4) and planned shown as achieved (2) at what was measured, so they
    # cannot grow (the bar for both is 0). See tests/fixtures/heldout3/README.md.
    # Raised at the end of session 6 (grants and milestones rounds merged): grants P 0.895,
    # R 0.515, F1 0.654, 2 false; milestones P 0.385, R 0.405; the same rule, minus 0.02.
    "heldout3": Floors({
        "dates_right": 0.93,
        "tickers_right": 0.93,
        "grants_precision": 0.87,
        "grants_recall": 0.49,
        "grants_f1": 0.63,
        "grants_field_accuracy": 0.72,
        "milestones_precision": 0.36,
        "milestones_recall": 0.38,
    }, max_false_grants=2, max_planned_as_achieved=2),
}
MEASURES = [(name, measure) for name, floors in SETS.items() for measure in sorted(floors.measures)]


@pytest.fixture(scope="module")
def scored():
    """Each set's totals, scored once for the module."""
    cache = {}

    def totals(name):
        if name not in cache:
            cache[name] = heldout_eval.evaluate(name)
        return cache[name]

    return totals


@pytest.mark.parametrize("name", sorted(SETS))
def test_at_least_forty_fixtures_half_grants_half_milestones(scored, name):
    totals = scored(name)
    assert totals.count >= 40
    with_grants = sum(bool(f.labels.get("grants")) for f in totals.fixtures)
    with_milestones = sum(bool(f.labels.get("milestones")) for f in totals.fixtures)
    assert with_grants >= 15 and with_milestones >= 15


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_fixture_is_imported_and_extracted(scored, name):
    totals = scored(name)
    refused = [f.name for f in totals.fixtures if f.result not in ("imported", "drafted")]
    assert refused == []
    for fixture in totals.fixtures:
        assert isinstance(fixture.found_grants, list) and isinstance(fixture.found_milestones, list)


def _addresses(name):
    fixtures = heldout_eval.load_fixtures(heldout_eval.set_folder(name))
    return {f.labels["source_url"] for f in fixtures}


def test_no_source_address_is_shared_between_the_sets():
    first = _addresses("heldout")
    second = _addresses("heldout2")
    assert first.isdisjoint(second)


def test_the_third_set_shares_no_source_address_and_none_within_itself():
    folder = heldout_eval.set_folder("heldout3")
    urls = [f.labels["source_url"] for f in heldout_eval.load_fixtures(folder)]
    assert len(urls) == len(set(urls))
    assert set(urls).isdisjoint(_addresses("heldout") | _addresses("heldout2"))


@pytest.mark.parametrize(("name", "measure"), MEASURES)
def test_totals_do_not_fall_below_the_measured_floor(scored, name, measure):
    assert scored(name).as_dict()[measure] >= SETS[name].measures[measure]


@pytest.mark.parametrize("name", sorted(SETS))
def test_false_grants_and_planned_as_achieved_do_not_grow(scored, name):
    totals, floors = scored(name), SETS[name]
    assert totals.grants.false_grants <= floors.max_false_grants
    assert totals.milestones.planned_as_achieved <= floors.max_planned_as_achieved
