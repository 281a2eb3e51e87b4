from pathlib import Path

import pytest

from bench.analysis import default_file, evaluate, load, missed_targets


def test_the_dev_set_meets_the_accuracy_targets():
    path = default_file()
    if not path.exists():
        pytest.skip(f"the labelled dev set is not here: {path}")
    result = evaluate(load(path))
    assert missed_targets(result) == []
    assert result["safeguarding"]["recall"] == 1.0


def test_the_benchmark_reports_a_missed_target():
    poor = {"PERSON": {"precision": 0.5, "recall": 0.95}, "safeguarding": {"precision": 0.9, "recall": 0.5}}
    for label in ("PHONE", "EMAIL", "NHS_NUMBER", "NI_NUMBER", "POSTCODE"):
        poor[label] = {"precision": 1.0, "recall": 1.0}
    missed = missed_targets(poor)
    assert any(m.startswith("PERSON precision") for m in missed)
    assert any(m.startswith("safeguarding recall") for m in missed)


def test_our_own_held_out_like_stories_meet_the_same_targets():
    path = Path(__file__).with_name("heldout_like.jsonl")
    assert missed_targets(evaluate(load(path))) == []


def test_the_blind_set_does_not_regress():
    """blind_eval.jsonl was written by someone who never saw the rules. The rules were then fixed by class (not by
    phrase) after diagnosing it, so these figures are optimistic for new text; the floors stop silent regressions.
    """
    result = evaluate(load(Path(__file__).with_name("blind_eval.jsonl")))
    assert result["safeguarding"]["recall"] >= 0.95
    assert result["safeguarding"]["precision"] >= 0.85
    assert result["PERSON"]["recall"] >= 0.90
    assert result["PERSON"]["precision"] >= 0.95
    assert result["LOCATION"]["recall"] >= 0.80
    assert result["ORG"]["recall"] >= 0.80
    for label in ("PHONE", "EMAIL", "NHS_NUMBER", "NI_NUMBER", "POSTCODE"):
        assert result[label]["recall"] >= 0.97


def test_the_second_blind_set_does_not_regress():
    """blind_eval_2.jsonl: a second independent blind set. It scored safeguarding micro P 0.65 / R 0.48 before the
    compositional rule classes; it was then used to diagnose classes, so its figures (1.0 / 1.0) are optimistic.
    """
    result = evaluate(load(Path(__file__).with_name("blind_eval_2.jsonl")))
    assert result["safeguarding"]["recall"] >= 0.95
    assert result["safeguarding"]["precision"] >= 0.9
    assert result["safeguarding"]["per_story"]["recall"] >= 0.95


def test_the_measuring_set_does_not_regress():
    """blind_eval_3.jsonl is for MEASURING ONLY: never tune rules on it and never train on it. It is the honest
    figure for stories the analysis has not seen (rules alone: safeguarding per story P 0.75 / R 0.47; with the
    learned check: P 0.83 / R 0.79; with it trained on 19 writers, session 12: P 0.86 / R 1.00). These floors only
    stop silent regressions."""
    result = evaluate(load(Path(__file__).with_name("blind_eval_3.jsonl")))
    assert result["safeguarding"]["per_story"]["recall"] >= 0.75
    assert result["safeguarding"]["per_story"]["precision"] >= 0.8
    for label in ("PHONE", "EMAIL", "NHS_NUMBER", "NI_NUMBER", "POSTCODE"):
        assert result[label]["recall"] >= 0.97 and result[label]["precision"] >= 0.97
