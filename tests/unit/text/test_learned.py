"""The learned safeguarding check: added only where the rules found nothing, says it is a guess, optional."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

from storybank.text.analysis import analyse, learned
from storybank.text.analysis.pipeline import get_pipeline

CATEGORIES = ["abuse", "neglect", "self_harm", "domestic_abuse", "immediate_danger"]
FILLER = ("The carers come in the morning and we have a cup of tea together before they go. "
          "On Tuesdays my friend from the library visits and we talk about the garden and the birds. ")


@pytest.fixture
def toy_classifier(tmp_path, monkeypatch):
    """A classifier that learned one made-up cue ("purple lantern"), so the test does not depend on the shipped one."""
    fix_random_seed(0)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel")
    for category in CATEGORIES:
        textcat.add_label(category)
    rows = [(FILLER + "The purple lantern came again last night.", 1.0), (FILLER, 0.0),
            (FILLER + "We planted bulbs.", 0.0), ("The purple lantern again. " + FILLER, 1.0)]
    examples = [Example.from_dict(nlp.make_doc(text), {"cats": {c: (flag if c == "neglect" else 0.0)
                                                                for c in CATEGORIES}}) for text, flag in rows]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    nlp.to_disk(tmp_path / "toy")
    monkeypatch.setattr(learned, "MODEL_DIR", tmp_path / "toy")
    learned.trained_classifier.cache_clear()
    get_pipeline.cache_clear()
    yield
    learned.trained_classifier.cache_clear()
    get_pipeline.cache_clear()


def test_the_shipped_classifier_is_part_of_the_pipeline():
    assert learned.COMPONENT in get_pipeline().pipe_names


def test_a_learned_signal_says_it_is_a_guess_and_points_at_the_sentence_that_suggested_it(toy_classifier):
    text = FILLER + "The purple lantern came again last night. " + FILLER
    signals = [s for s in analyse(text).safeguarding if s.category == "neglect"]
    assert len(signals) == 1
    assert "learned guess" in signals[0].reason
    assert signals[0].sentence_text == "The purple lantern came again last night."
    assert text[signals[0].sentence_start:signals[0].sentence_end] == signals[0].sentence_text
    assert analyse(FILLER + FILLER).safeguarding == ()


def test_a_few_words_are_never_judged_by_the_learned_check():
    short = "My husband fitted the rail himself."
    assert not [s for s in analyse(short).safeguarding if "learned guess" in s.reason]


def test_without_the_classifier_the_rules_carry_on_with_one_warning(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(learned, "MODEL_DIR", tmp_path / "missing")
    learned.trained_classifier.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="storybank.text"):
            assert learned.trained_classifier() is None
        assert "not installed" in caplog.text
    finally:
        learned.trained_classifier.cache_clear()


def test_training_never_uses_the_sets_we_measure_with():
    from bench.train_safeguarding import NEVER_TRAIN_ON, TRAINING_FILES

    assert {"stories_dev.jsonl", "blind_eval_3.jsonl", "blind_eval_4.jsonl"} <= NEVER_TRAIN_ON
    assert not {path.name for path in TRAINING_FILES} & NEVER_TRAIN_ON


def test_the_shipped_thresholds_load_against_their_schema_and_name_every_category(caplog):
    with caplog.at_level(logging.WARNING, logger="storybank.text"):
        thresholds = learned.load_thresholds(learned.MODEL_DIR / learned.THRESHOLDS_FILE)
    assert set(thresholds) == set(CATEGORIES)
    assert all(0.0 <= value <= 1.0 for value in thresholds.values())
    assert not caplog.text, "the shipped file should name every category"


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        ({"neglect": 0.4, "negelct": 0.4}, "thresholds.json: thresholds: 'negelct' is not a safeguarding category"),
        ({"neglect": 1.5}, "thresholds 'neglect': expected a number from 0 to 1, got 1.5"),
        ({"abuse": -0.1}, "thresholds 'abuse': expected a number from 0 to 1, got -0.1"),
        ({"abuse": "0.4"}, "thresholds 'abuse': expected a number from 0 to 1, got '0.4'"),
        ({"abuse": True}, "thresholds 'abuse': expected a number from 0 to 1, got True"),
    ],
)
def test_a_mistake_in_the_thresholds_file_names_the_file_and_the_category(tmp_path, thresholds, message):
    path = tmp_path / learned.THRESHOLDS_FILE
    path.write_text(json.dumps({"how_chosen": "by hand, for a test", "thresholds": thresholds}), encoding="utf8")
    with pytest.raises(learned.ThresholdsError) as caught:
        learned.load_thresholds(path)
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ['{"thresholds": {"abuse": 0.4}}', '{"abuse": 0.4', "[0.4]"])
def test_a_thresholds_file_of_the_wrong_shape_is_refused(tmp_path, text):
    path = tmp_path / learned.THRESHOLDS_FILE
    path.write_text(text, encoding="utf8")
    with pytest.raises(learned.ThresholdsError, match="thresholds.json"):
        learned.load_thresholds(path)


def with_thresholds(thresholds: dict[str, float] | None) -> None:
    """Write (or, for None, leave out) thresholds.json next to the toy classifier, and rebuild the pipeline."""
    if thresholds is not None:
        (learned.MODEL_DIR / learned.THRESHOLDS_FILE).write_text(
            json.dumps({"how_chosen": "by hand, for a test", "thresholds": thresholds}), encoding="utf8")
    get_pipeline.cache_clear()


def learned_categories(scores: dict[str, float]) -> set[str]:
    """What the learned check raises for a long story without a rule signal, given the classifier's scores."""
    nlp = get_pipeline()
    doc = nlp(FILLER + FILLER)
    assert not doc.user_data.get("sb_safeguarding")
    doc.cats = {category: scores.get(category, 0.0) for category in CATEGORIES}
    nlp.get_pipe(learned.SIGNALS)(doc)
    return {signal.category for signal in doc.user_data["sb_safeguarding"]}


def test_a_lowered_threshold_raises_its_category_between_the_new_and_the_old_threshold(toy_classifier):
    with_thresholds({"neglect": 0.3})
    assert learned_categories({"neglect": 0.4}) == {"neglect"}
    assert learned_categories({"neglect": 0.3}) == {"neglect"}
    assert learned_categories({"neglect": 0.29}) == set()


def test_a_category_the_thresholds_file_leaves_out_keeps_the_default(toy_classifier, caplog):
    with caplog.at_level(logging.WARNING, logger="storybank.text"):
        with_thresholds({"neglect": 0.3})
        assert learned_categories({"neglect": 0.4, "abuse": 0.4}) == {"neglect"}
    assert learned_categories({"abuse": learned.THRESHOLD}) == {"abuse"}
    assert caplog.text.count("names no threshold for abuse") == 1


def test_without_a_thresholds_file_every_category_keeps_the_default_with_one_warning(toy_classifier, caplog):
    with caplog.at_level(logging.WARNING, logger="storybank.text"):
        with_thresholds(None)
        assert learned_categories({"neglect": 0.49, "self_harm": 0.5}) == {"self_harm"}
        assert learned_categories({"neglect": 0.49}) == set()
    assert caplog.text.count("No thresholds.json") == 1


def test_each_story_is_scored_by_a_model_that_never_read_its_writer():
    """The thresholds are chosen from these scores: a model that had read the same writer's other stories would be
    surer of them than the shipped model ever is of a new writer's story."""
    from bench.learned_thresholds import held_out_scores

    rows = [{"writer": writer, "text": f"{writer} story {n}", "safeguarding": []}
            for writer in ("set_a", "tuning_5", "set_g") for n in range(3)]
    trained_on = []

    class Scorer:  # stands in for a trained model: scores 1.0 a story whose writer it was trained on
        def __init__(self, writers):
            self.writers = writers

        def pipe(self, texts):
            for text in texts:
                yield SimpleNamespace(cats={"abuse": float(text.split()[0] in self.writers)})

    def train(training):
        trained_on.append({row["writer"] for row in training})
        return Scorer(trained_on[-1])

    scores = held_out_scores(rows, train)
    assert [score["abuse"] for score in scores] == [0.0] * len(rows)  # never scored by a model that saw its writer
    assert sorted(map(sorted, trained_on)) == [["set_a", "set_g"], ["set_a", "tuning_5"], ["set_g", "tuning_5"]]


def test_the_model_is_trained_on_every_writers_set_but_the_measuring_ones():
    from bench.train_safeguarding import TRAINING_FILES, training_rows

    names = {path.stem for path in TRAINING_FILES}
    assert {"set_a", "set_e", "set_j", "blind_eval_2", "tuning_5", "tuning_10"} <= names
    assert len(names) == len(TRAINING_FILES)  # one file per writer, so a writer is left out as a whole
    assert {row["writer"] for row in training_rows()} == names
