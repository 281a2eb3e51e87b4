import pytest

from storybank.text.analysis import analyse


def categories(text: str) -> list[str]:
    return analyse(text).safeguarding_categories


@pytest.mark.parametrize(
    "text",
    [
        "The training on abuse was good and I learnt a lot.",
        "Before anyone panics, I would never hurt myself.",
        "Honestly, the paperwork is killing me.",
        "My neighbour was never neglected, not for one day.",
        "My father was a violent man who drank his wages back in the fifties.",
        "In the end my husband fitted the rail himself.",
    ],
)
def test_talk_about_a_subject_is_not_a_disclosure(text):
    assert categories(text) == []


def test_a_disclosure_of_self_harm_is_flagged_with_its_sentence():
    text = "The carers are nice. I've started cutting again and nobody knows."
    analysis = analyse(text)
    assert analysis.safeguarding_categories == ["self_harm"]
    signal = analysis.safeguarding[0]
    assert text[signal.sentence_start : signal.sentence_end].strip() == signal.sentence_text
    assert "cutting" in signal.sentence_text
    assert signal.reason


def test_abuse_by_a_partner_is_also_domestic_abuse():
    text = "My husband is my carer. Last week he pushed me out of my wheelchair."
    assert categories(text) == ["abuse", "domestic_abuse"]


def test_abuse_by_a_paid_carer_is_not_domestic_abuse():
    text = "Money started going missing from my purse on the days one carer came."
    assert categories(text) == ["abuse"]


def test_carers_not_coming_in_freezing_weather_is_neglect_and_immediate_danger():
    text = "His carers haven't turned up since Sunday. It's below freezing tonight and the boiler is broken."
    assert categories(text) == ["immediate_danger", "neglect"]


def test_a_plan_and_the_means_is_immediate_danger():
    text = "I've been saving my tablets in a tin. I've got enough now."
    assert categories(text) == ["immediate_danger", "self_harm"]


def test_danger_words_alone_do_not_raise_immediate_danger():
    assert categories("It is below freezing tonight, so wrap up warm.") == []
