"""The default activities keep the source documents' questions word for word, so a trainer can trace each one."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.packs.prompts import DEFAULT_ACTIVITIES, FOUR_QUESTIONS, KINDNESS_TEST, STOP_START_STAY, WALK_A_MILE

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"the source documents are not beside this checkout ({SEEDS})")
    return " ".join(path.read_text(encoding="utf-8").split())


def test_the_four_questions_and_stop_start_stay_are_word_for_word_from_seed_000():
    text = _seed("000_cc9b0911f8e41511.txt")
    for question in FOUR_QUESTIONS.prompts:
        assert question in text, question
    for prompt in STOP_START_STAY.prompts:
        assert prompt.replace(":", "", 1) in text, prompt  # the document sets the word apart by layout, not a colon
    assert "walk a mile in the shoes" in text


def test_the_kindness_test_is_word_for_word_from_seed_004():
    text = _seed("004_1134ffc116543468.txt")
    for question in KINDNESS_TEST.prompts:
        assert question in text, question


def test_the_defaults_are_the_ones_the_product_asks_for():
    assert WALK_A_MILE == ("How might this person have felt?", "What helped?", "What got in the way of kindness?")
    assert [activity.title for activity in DEFAULT_ACTIVITIES] == [
        "Four questions about a principle", "STOP / START / STAY", "A kindness test for our own service"]
    assert len(FOUR_QUESTIONS.prompts) == 4 and len(KINDNESS_TEST.prompts) == 4
