"""The learned safeguarding check: added only where the rules found nothing, says it is a guess, optional."""

from __future__ import annotations

import logging

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
