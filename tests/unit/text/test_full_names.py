"""A first name and a surname written mid-sentence, with no other cue (issue #10's PERSON class), in wording of our
own (never taken from an evaluation set): two capitalised words in the middle of a sentence that are no ordinary
words, places, organisations or street words are a person's name, whether or not the first name is on our list;
and a listed first name keeps a surname that is also an ordinary word ("Smith", "Baker") when it is capitalised
mid-sentence. Places, organisations, conditions and days stay what they are.
"""

import pytest

from tests.unit.text.test_generalised_formats import found


@pytest.mark.parametrize(
    "text, name",
    [
        ("I had tea with Bernadette Okafor yesterday.", "Bernadette Okafor"),
        ("The letter was signed by Ngozi Adeyemi from the council.", "Ngozi Adeyemi"),
        ("We waited an hour for Grzegorz Wiśniewski to arrive.", "Grzegorz Wiśniewski"),
        ("On Tuesdays I sit with Mairead Donnelly in the lounge.", "Mairead Donnelly"),
        ("Last week the manager swapped Thandiwe Mokoena onto nights.", "Thandiwe Mokoena"),
    ],
)
def test_an_unlisted_first_name_and_a_surname_mid_sentence_are_a_name(text, name):
    assert found(text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text, name",
    [
        ("I had tea with Mary Smith yesterday.", "Mary Smith"),
        ("The form was checked by John Baker at the desk.", "John Baker"),
        ("Every Friday we play cards with Susan Wood and her sister.", "Susan Wood"),
    ],
)
def test_a_listed_first_name_keeps_a_surname_that_is_also_an_ordinary_word(text, name):
    assert found(text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "We drove over to Milton Keynes for the appointment.",
        "She was diagnosed with Multiple Sclerosis last spring.",
        "He has lived with Parkinson's Disease for years.",
        "We spent Boxing Day at my daughter's house.",
        "I rang Social Services twice and nobody came.",
        "The District Nurse came on Monday.",
        "We bought a card in Marks and Spencer.",
        "I get help from Age Concern on Thursdays.",
        "The bus stops at Station Road.",
        "She moved in at Ashgrove Lodge last year.",
        "I watched Coronation Street with my husband.",
        "It was worse than the Great Storm.",
    ],
)
def test_places_organisations_conditions_and_days_are_not_names(text):
    assert found(text, "PERSON") == []


def test_a_name_at_the_start_of_a_sentence_still_needs_a_cue():
    """At a sentence's start every word is capitalised, so two capitalised words prove nothing there."""
    assert found("Milton Keynes was where we went.", "PERSON") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Doctor Imelda Green listened to every word.", "Doctor Imelda Green"),
        ("Later Nurse Ottoline Black took my blood pressure.", "Nurse Ottoline Black"),
        ("I asked for Sister Rosalind Brown twice.", "Sister Rosalind Brown"),
    ],
)
def test_a_title_a_first_name_and_a_surname_that_is_also_a_colour_are_one_name(text, name):
    """A title's rule stops before a surname that is also an ordinary word, and another rule finds the surname: the
    moderator should see one name, not two halves of it."""
    assert found(text, "PERSON") == [name]


def test_two_names_with_a_comma_or_a_word_between_them_stay_two():
    assert found("I rang Bernadette Okafor, Ngozi Adeyemi and the office.", "PERSON") == [
        "Bernadette Okafor", "Ngozi Adeyemi"]
    assert found("Nurse Ottoline Black and Doctor Imelda Green came together.", "PERSON") == [
        "Nurse Ottoline Black", "Doctor Imelda Green"]
