"""Safeguarding classes from the fresh tuning set (tuning_5), in our own wording: benign senses of trigger words the
writer explains (a thing pushed, weight lost on purpose, harm long past), and concerns told by their signs rather
than by a trigger word (medicines left untaken, signs of thirst, a carer spending a person's money as their own)."""

import pytest

from storybank.text.analysis import analyse


def categories(text: str) -> list[str]:
    return analyse(text).safeguarding_categories


@pytest.mark.parametrize(
    "text",
    [
        # the harm verb's object is a thing the person uses, not the person
        "My son pushes her wheelchair to the bus stop every Sunday.",
        "I kicked his football back over the fence for him.",
        "Dad pushed me buggy all the way up the hill when I was tired.",
        # weight lost on purpose, explained in the same sentence or the next
        "Gran has lost a stone since March. She's doing a diet with the surgery nurse and loves it.",
        "He lost nearly three stone on purpose after the heart scare.",
        "Mum has dropped weight and lost two stone through the slimming group at church.",
        # harm long past, with "ago" or childhood in plural
        "Ten years ago I was self-harming every week, and now I help run a recovery group.",
        "Our stepdad hit us when we were kids, but he died long ago.",
        "My brother and I were slapped by the teacher when we were children.",
    ],
)
def test_benign_senses_the_writer_explains_are_not_flagged(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # still harmed by a person, not a thing: the filter must not hide these
        ("My son pushes her out of the wheelchair when he is angry.", ["abuse", "domestic_abuse"]),
        ("The carer kicked his leg under the table this morning.", ["abuse"]),
        # weight lost with no reason given stays a concern
        ("Since the new agency started Nan has lost two stone and nobody can tell us why.", ["neglect"]),
        # self-harm happening now stays a concern even with a long-ago past
        ("Years ago I stopped, but I've started self-harming again this month.", ["self_harm"]),
    ],
)
def test_the_same_words_stay_a_concern_when_they_are_one(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # medicines not given: left where they were put out
        ("Twice this week her pills were still in the little pot on the tray at bedtime.", ["neglect"]),
        ("I keep finding his morning tablets left on the windowsill untaken.", ["neglect"]),
        # signs of going without drink, with words between
        ("When I visited on Friday his lips were so dry and cracked he could hardly talk.", ["neglect"]),
        # a carer spending the person's money as their own
        ("The carer has been buying her own shopping on Dad's bank card.", ["abuse"]),
        ("She borrowed twenty pounds off Mum for petrol and never paid it back.", ["abuse"]),
        # thoughts of not being here, told without the usual words
        ("Some nights I think nobody would miss me at all.", ["self_harm"]),
        ("She keeps her evening tablets in a biscuit tin instead of taking them.", ["self_harm"]),
        # care that is not given, told by what the person lacks
        ("The carers do not help me dress any more, so I stay in my nightie.", ["neglect"]),
        ("Her dentures broke in August and nobody at the home has replaced them.", ["neglect"]),
        ("When I got there his fingers were blue and the flat was like ice.", ["neglect"]),
        ("His toenails have grown right over the ends of his toes.", ["neglect"]),
    ],
)
def test_concerns_told_by_their_signs_are_flagged(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I put her pills in the pot on the tray so she can take them with her tea.",
        "His lips get dry in the winter so we bought him a balm.",
        "The water jug was empty so I filled it before I left.",
        "I do Mum's shopping on her card and keep every receipt for her.",
        "I borrowed a fiver off my sister and paid it back on Friday.",
        "I pay for my own shopping with my card and he carries the bags in.",
        "My grandson beats me at draughts every Sunday afternoon.",
        "We're all out to beat him in the quiz next week.",
        "Dad lost a lot of weight last year, and that's how they found the cancer.",
        "Twenty years ago I tried to end things, and I'm glad every day that I didn't.",
        "At the carers' group we learned about the signs of abuse and what to do.",
        "The day centre staff help me dress for the Christmas party.",
        "Nobody could fix the telly, so we listened to the radio.",
        "The children's fingers were blue with paint after the art class.",
        "I'll miss the lunch club when it closes, and so will everyone.",
    ],
)
def test_ordinary_care_with_the_same_words_is_not_flagged(text):
    assert categories(text) == []


def test_harm_in_childhood_told_in_the_plural_is_long_past():
    assert categories("Dad hit us when we were kids.") == []
