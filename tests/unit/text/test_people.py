import pytest

from storybank.text.analysis import analyse


def people(text: str) -> list[str]:
    return [f.text for f in analyse(text).findings if f.label == "PERSON"]


def test_a_title_is_inside_the_name():
    assert people("Then Dr Patel came, and later Nurse Okafor and Mrs Kaur.") == [
        "Dr Patel",
        "Nurse Okafor",
        "Mrs Kaur",
    ]


def test_a_kinship_word_stays_outside_the_name():
    assert people("My cousin Lee has her card and my son Will knows.") == ["Lee", "Will"]


def test_a_common_word_is_a_name_when_someone_speaks():
    assert people("I asked her again. Rose said no.") == ["Rose"]


@pytest.mark.parametrize(
    "text",
    [
        "I hope you can use my story.",
        "She still has the roses my dad planted.",
        "He has Parkinson's and it is getting worse.",
        "Will somebody at the council please answer the phone?",
        "She did everything with such grace.",
    ],
)
def test_homographs_used_as_ordinary_words_are_not_names(text):
    assert people(text) == []


def test_names_in_lowercase_texting_are_found_but_not_the_modal_verb():
    text = "me n will went to the club and grace the support worker said we cud stay. will said he will ask."
    found = [(f.text, f.start) for f in analyse(text).findings if f.label == "PERSON"]
    assert [t for t, _ in found] == ["will", "grace", "will"]
    assert text[found[-1][1] - 4 : found[-1][1]] == "ay. "


def test_a_name_in_capitals_is_found():
    assert "KEITH" in people("I RANG THEM ABOUT KEITH AND NOBODY CAME.")


def test_the_possessive_s_is_outside_the_name():
    finding = [
        f
        for f in analyse("We went to Tariq's house after my carer Tariq rang.").findings
        if f.label == "PERSON"
    ][0]
    assert finding.text == "Tariq"


def test_a_capitalised_nickname_is_one_name():
    assert people("Shout out to Big Dave on the minibus.") == ["Big Dave"]


def test_a_full_name_is_one_span_and_later_mentions_are_found():
    assert people("My name is Oluwafemi Adebayo-Smith. Oluwafemi likes buses.") == [
        "Oluwafemi Adebayo-Smith",
        "Oluwafemi",
    ]


def test_a_name_after_a_role_word_is_found_even_when_unusual():
    assert people("My support worker, Zoltan, sat with me.") == ["Zoltan"]


def _people(text):
    from storybank.text.analysis import analyse

    return [f.text for f in analyse(text).findings if f.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated first name is one span, even when one half is a county or an ordinary word
        ("Our key worker, Mary-Jo Pritchard, rang on Friday.", ["Mary-Jo Pritchard"]),
        # a longer title is inside the span
        ("Staff Nurse Obuya changed the dressing.", ["Staff Nurse Obuya"]),
        # "name's X"
        ("Hello, my name's Tunde and I look after my gran.", ["Tunde"]),
        # an ordinary word as a name after a kinship word, a role set off by commas, or "calls her"
        ("I moved in with my fiancée Faith last spring.", ["Faith"]),
        ("The physio on the ward, Patience, was wonderful.", ["Patience"]),
        ("Everybody calls him Sonny because he never stops smiling.", ["Sonny"]),
        # a name followed by where the person works
        ("Grace from Sunnyside Care pops in on Tuesdays.", ["Grace"]),
        # a place after "in" is not a person, even before a verb
        ("My brother in Walthamstow says hello.", []),
    ],
)
def test_general_name_cues(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        ("Sarah Jenkins came round on Tuesday.", "Sarah Jenkins", "a person's full name"),
        ("Then Kerry-Ann rang me to say sorry.", "Kerry-Ann", "a person's name"),
        ("Yesterday Sarah rang me.", "Sarah", "a person's name"),
        ("My carer Sarah was late.", "Sarah", "a name after 'carer'"),
    ],
)
def test_a_name_is_explained_as_what_it_is_not_how_it_was_found(text, name, reason):
    """Shown as 'this looks like …': a full name is not 'a common first name' (issue 11)."""
    assert [(f.text, f.reason) for f in analyse(text).findings if f.label == "PERSON"] == [(name, reason)]
