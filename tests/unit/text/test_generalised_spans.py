"""Classes of personal detail from the tuning set written blind (tuning_6), in our own wording: names set off by
commas after a family word or a word for a person, given names after a family name with a lower-case half,
places joined by small words, organisations with a plural possessive or their full council or agency name,
streets named after "on", flats written the Edinburgh way, and where a birth date is written."""

import pytest

from storybank.text.analysis import analyse


def found(text: str, label: str) -> list[str]:
    return [f.text for f in analyse(text).findings if f.label == label]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("My grandfather, Zdzisław Wiśniewski, taught me to fish.", ["Zdzisław Wiśniewski"]),
        ("Our stepmother, Thandeka, rang the ward twice.", ["Thandeka"]),
        ("A young lad, Corentin, carried her shopping up the stairs.", ["Corentin"]),
        ("I sat with Mr Cheung Siu-ming at the lunch club.", ["Mr Cheung Siu-ming"]),
        ("Her neighbour Tang Wai-lun checks on her every evening.", ["Tang Wai-lun"]),
    ],
)
def test_names_set_off_by_commas_and_given_names_after_a_family_name(text, names):
    assert found(text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "My grandmother, bless her, was a nurse.",
        "The man, Tuesday's delivery driver, left the parcel.",
        "Re: the care plan review on Friday",
        "Bà made soup for everyone when we visited.",
    ],
)
def test_commas_headers_and_family_words_without_a_name_give_no_name(text):
    assert found(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We moved from Newcastle upon Tyne when I was six.", "Newcastle upon Tyne"),
        ("My sister still lives in Bradford on Avon.", "Bradford on Avon"),
        ("He was born in Ashby de la Zouch.", "Ashby de la Zouch"),
    ],
)
def test_a_place_joined_by_small_words_is_one_place(text, place):
    assert found(text, "LOCATION") == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("I was in Leeds on Tuesday.", ["Leeds"]),
        ("We moved to Leeds on Boxing Day.", ["Leeds"]),
    ],
)
def test_a_day_or_an_everyday_word_after_on_is_not_part_of_the_place(text, places):
    assert found(text, "LOCATION") == places


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Dad goes to Riverside Carers' Centre on Mondays.", "Riverside Carers' Centre"),
        ("Mum loves Tuesdays at Millbrook Elders' Club.", "Millbrook Elders' Club"),
        ("The carers from Larkspur Care at Home are always on time.", "Larkspur Care at Home"),
        ("I complained to the City of Wakefield Council in May.", "City of Wakefield Council"),
        ("The pharmacist at Brookside Pharmacy sorted his blister packs.", "Brookside Pharmacy"),
        ("A volunteer from Hillcrest Befriending visits on Thursdays.", "Hillcrest Befriending"),
    ],
)
def test_organisation_names_with_a_plural_possessive_or_their_full_name(text, org):
    assert found(text, "ORG") == [org]


def test_home_after_at_is_not_an_agency_name_on_its_own():
    assert found(text="I was glad to be at Home again after the ward.", label="ORG") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The old cinema was two doors down on Larchfield Rise.", "Larchfield Rise"),
        ("He ran the chip shop along Quayside Row for years.", "Quayside Row"),
        ("Post it to 2F1, 8 Bellfield Gardens, please.", "2F1, 8 Bellfield Gardens"),
    ],
)
def test_streets_named_after_on_and_flats_written_the_edinburgh_way(text, address):
    assert found(text, "ADDRESS") == [address]


def test_a_birth_date_after_where_it_is_written_is_a_date_of_birth():
    assert found("His date of birth on his passport is 12 March 1941.", "DATE_OF_BIRTH") == ["12 March 1941"]


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("You can reach the warden (0113 496 0219) any weekday.", "PHONE", "0113 496 0219"),
        ("Her National Insurance number, Ke 27 64 19 B, is on the letter.", "NI_NUMBER", "Ke 27 64 19 B"),
        ("Date of birth: 07-Nov-1942, as on his passport.", "DATE_OF_BIRTH", "07-Nov-1942"),
        ("She was born on the twenty-third of August 1936 in Wigan.", "DATE_OF_BIRTH", "twenty-third of August 1936"),
    ],
)
def test_identifiers_in_brackets_title_case_and_dates_written_in_words(text, label, value):
    assert found(text, label) == [value]


def test_a_wedding_date_in_words_is_not_a_date_of_birth():
    assert found("We married on the third of May 1961 at St Anne's.", "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    "text",
    [
        "From the office\nSubject: the rota for Friday\n\nPlease read this before the meeting.",
        "Our news for the month.\n\nHighlights: the quiz, the singing and the new garden.",
    ],
)
def test_an_everyday_word_labelling_a_line_is_not_a_name(text):
    assert found(text, "PERSON") == []


def test_a_chat_speaker_before_a_colon_is_still_a_name():
    assert found("Mel: have you rung the agency\nJo: not yet", "PERSON") == ["Mel", "Jo"]


def test_a_carers_hub_is_an_organisation():
    assert found("My counsellor at Severnside Carers Hub helped me.", "ORG") == ["Severnside Carers Hub"]
