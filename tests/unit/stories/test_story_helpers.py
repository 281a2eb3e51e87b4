"""Small pieces: the crisis screen, the paragraphs filter and how references and keys are typed."""

from __future__ import annotations

import re

import pytest

from storybank.stories import keys
from storybank.stories.crisis import suggests_danger
from storybank.stories.services import _reference_candidates
from storybank.templating import paragraphs


@pytest.mark.parametrize("text", ["I want to END IT ALL", "he hit me again", "I am not safe here",
                                  "they keep hurting me", "I thought about how to kill myself"])
def test_words_that_suggest_danger_are_noticed(text):
    assert suggests_danger("A title", text)


@pytest.mark.parametrize("text", ["The carer was lovely", "We had a hit meeting about it", "safe and sound", ""])
def test_ordinary_words_are_not_flagged(text):
    assert not suggests_danger(text)


def test_paragraphs_escape_everything_and_keep_line_breaks():
    html = str(paragraphs("<script>alert(1)</script>\nline two\n\nsecond & last"))
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>\nline two</p>\n<p>second &amp; last</p>"


def test_paragraphs_of_nothing_is_empty():
    assert str(paragraphs(None)) == "" and str(paragraphs("\n\n")) == ""


def test_a_reference_typed_in_lower_case_with_spaces_still_matches():
    assert "SB-7K3M-9PXA" in _reference_candidates(" sb 7k3m 9pxa ")


def test_a_key_typed_without_dashes_matches_its_hash():
    key = keys.new_key()
    assert keys.key_matches(keys.hash_key(key), key.lower().replace("-", " "))


def test_a_key_is_four_groups_of_four_letters_or_digits_from_the_alphabet_joined_by_dashes():
    group = f"[{keys.ALPHABET}]{{4}}"
    for _ in range(20):
        assert re.fullmatch(f"{group}-{group}-{group}-{group}", keys.new_key())


def test_a_story_reference_is_sb_then_two_groups_of_four_joined_by_dashes():
    group = f"[{keys.ALPHABET}]{{4}}"
    for _ in range(20):
        assert re.fullmatch(f"SB-{group}-{group}", keys.new_reference())
