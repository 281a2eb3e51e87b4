"""A story typed all in capitals is read as if written in ordinary case, and its suggestions point at the story as
written. Our own stories, not phrases from the evaluation files."""

from storybank.text.analysis import analyse, analyse_many
from storybank.text.analysis.recase import is_written_in_capitals, read_as_written

SHOUTED = (
    "DEAR ALL AT BRAMBLEWOOD HOME CARE. I WANT TO THANK BRONWEN AND TADEUSZ WHO COME EVERY MORNING. "
    "PLEASE WRITE TO ME AT FLAT 3, 18 KESTREL ROW, WREXHAM. FROM GLADYS PRYCE"
)


def test_a_story_in_capitals_is_read_in_ordinary_case_at_the_same_length():
    read = read_as_written(SHOUTED)
    assert len(read) == len(SHOUTED)
    assert read.upper() == SHOUTED
    assert "Bramblewood Home Care" in read
    assert "thank Bronwen and Tadeusz who come every morning" in read
    assert "Flat 3, 18 Kestrel Row, Wrexham" in read


def test_ordinary_text_and_a_short_shout_are_left_as_written():
    for text in ("My carer Mary comes at eight. HELP ME PLEASE.", "I went to the NHS walk-in centre with my GP."):
        assert not is_written_in_capitals(text)
        assert read_as_written(text) is text


def test_short_forms_typed_without_apostrophes_and_everyday_words_stay_lower_case():
    read = read_as_written("ITS COLD AND HES NOT EATING. IVE RUNG THE SURGERY BUT IT DOESNT ANSWER. MAY GOD HELP US")
    assert read == "Its cold and hes not eating. Ive rung the surgery but it doesnt answer. May god help us"


def test_the_suggestions_for_a_story_in_capitals_point_at_the_story_as_written():
    analysis = analyse(SHOUTED)
    found = {(f.label, f.text) for f in analysis.findings}
    assert ("ORG", "BRAMBLEWOOD HOME CARE") in found
    assert ("PERSON", "BRONWEN") in found and ("PERSON", "TADEUSZ") in found
    assert ("ADDRESS", "FLAT 3, 18 KESTREL ROW") in found
    assert ("LOCATION", "WREXHAM") in found
    for finding in analysis.findings:
        assert SHOUTED[finding.start : finding.end] == finding.text


def test_a_concern_in_capitals_is_found_and_quoted_as_written():
    text = "MY SON LOCKS ME IN WHEN HE GOES OUT AND HE HAS TAKEN MY PHONE. PLEASE RING THE POLICE FOR ME."
    analysis = analyse(text)
    assert "abuse" in analysis.safeguarding_categories
    assert all(signal.sentence_text == signal.sentence_text.upper() for signal in analysis.safeguarding)


def test_many_stories_at_once_keep_their_order_and_their_own_case():
    texts = ["My friend Aled rang me on Tuesday.", SHOUTED, "no capitals here at all, just a note.", SHOUTED.lower()]
    assert [a.to_dict() for a in analyse_many(texts, batch_size=2)] == [analyse(t).to_dict() for t in texts]


def test_a_first_name_after_a_family_word_is_a_name_even_when_it_is_an_everyday_word():
    read = read_as_written("MY DAD BILL HAS HAD ANOTHER BILL FROM THE HOME AND HE IS WORRIED SICK ABOUT IT.")
    assert read.startswith("My dad Bill has had another bill from")


def test_a_first_name_or_an_initial_before_a_surname_is_part_of_the_name():
    read = read_as_written("MY NAME IS BILL HARDCASTLE AND I LIVE IN STOCKTON. YOURS SINCERELY, W. HARDCASTLE")
    assert "Bill Hardcastle" in read and "W. Hardcastle" in read
