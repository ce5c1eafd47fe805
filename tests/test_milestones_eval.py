"""The quality bar on the held-out milestone fixtures (tests/milestones_eval.py scores them)."""

import milestones_eval


def test_test_split_meets_the_quality_bar():
    score = milestones_eval.score_split("test")
    assert score.expected >= 20, "the test split must stay a third of the fixtures"
    assert score.precision >= 0.85, score.extras
    assert score.recall >= 0.75, score.misses
    assert score.planned_as_achieved == 0, score.extras


def test_train_split_is_scored_the_same_way():
    score = milestones_eval.score_split("train")
    assert score.expected >= 40
    assert score.precision >= 0.85, score.extras
    assert score.recall >= 0.75, score.misses
    assert score.planned_as_achieved == 0, score.extras


def test_a_planned_item_shown_as_achieved_is_counted(monkeypatch):
    case = {"format": "text", "release_date": "2020-01-01", "exchanges": ["TSXV"], "title": None,
            "body": "x", "expected": {"milestones": [
                {"date": "2020-06", "precision": "month", "kind": "drilling", "status": "planned",
                 "sentence": "Drilling is expected to begin in June 2020."}]}}
    wrong = [{"date": "2020-06", "precision": "month", "kind": "drilling", "status": "achieved",
              "sentence": "Drilling is expected to begin in June 2020."}]
    monkeypatch.setattr(milestones_eval, "extract_case", lambda _case: wrong)
    score = milestones_eval.Score()
    milestones_eval.score_case(milestones_eval.ROOT / "x.yaml", case, score)
    assert (score.matched, score.planned_as_achieved, score.precision, score.recall) == (0, 1, 0, 0)
