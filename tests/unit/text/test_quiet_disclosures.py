"""Concerns told without the usual words, and the domestic check's reading of who is doing the harm: classes from
the fifth blind tuning set (tuning_8), each in wording of our own."""

import pytest

from storybank.text.analysis import analyse


def categories(text: str) -> list[str]:
    return analyse(text).safeguarding_categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a non-family word after the harm is not the one doing it ("I'm a stranger", "another woman")
        ("My husband Derek had a stroke last spring. I look after him at home. Most evenings are fine. Then he "
         "grabs my wrists so hard they bruise, shouting that I'm a stranger.", ["abuse", "domestic_abuse"]),
        # someone the writer only told is not the one doing it
        ("My wife Irene has Alzheimer's now. Evenings are the worst. I told the nurse I'd tripped on the step. "
         "In fact she shoved me down it when I tried to take her car keys.", ["abuse", "domestic_abuse"]),
        # married to the writer, with no family word
        ("We've been married forty years. Since he retired he reads my phone every night and asks who everyone "
         "is.", ["abuse", "domestic_abuse"]),
        # a family word after a word such as "older"
        ("My older brother lives with me since his divorce. He grabbed my arm so hard it bruised.",
         ["abuse", "domestic_abuse"]),
        # a carer named before the harm is the one doing it, even with family in the story
        ("My daughter visits on Sundays. The new carer grabbed my wrist so hard it bruised.", ["abuse"]),
    ],
)
def test_the_domestic_check_reads_who_is_doing_the_harm(text, expected):
    # Only abuse and domestic abuse are this test's business: a story of 40 words or more also gets the learned
    # check's guesses (immediate danger for a shove down a step), which test_learned.py covers.
    assert [c for c in categories(text) if c in ("abuse", "domestic_abuse")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money taken over, then handed back a little at a time, and callers sent away
        ("My nephew does all my banking now. My pension goes into his account and he gives me pocket money on "
         "Fridays. When my friend calls round, he tells her I'm sleeping.", ["abuse", "domestic_abuse"]),
        # a paid carer borrowing, and asking for it to be kept quiet
        ("One of my carers keeps borrowing money. She says she could borrow twenty pounds till payday, every "
         "week. She asked me not to tell the agency.", ["abuse"]),
        # a warning of what happens if they complain, and someone deciding everything
        ("He says if I make a fuss he'll tell the social I can't cope. He decides everything for me now.",
         ["abuse"]),
    ],
)
def test_different_quiet_signs_of_abuse_together_raise_it(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We kept it quiet until the party so Mum would get a surprise.",
        "The committee decides everything for the summer fair.",
        "Grandad says if I make a fuss about the crusts he'll eat them himself.",
        "My pension goes into my own account on a Thursday.",
    ],
)
def test_one_quiet_sign_alone_is_an_ordinary_sentence(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the drive home I caught myself thinking about steering into the bridge.", ["self_harm"]),
        ("I've started using a razor blade on my arms again where nobody can see.", ["self_harm"]),
        ("Dad rang twenty minutes ago. He's fallen in the bathroom and can't get up, and his neighbour isn't "
         "answering.", ["immediate_danger"]),
        ("Mum phoned an hour ago from the kitchen floor. She can't get up, and nobody is coming till morning.",
         ["immediate_danger"]),
        # the lookup table reads "putting" as "putt" (golf); the rule must still see "put"
        ("I've been putting my night tablets in a biscuit tin instead of taking them.", ["self_harm"]),
    ],
)
def test_concerns_told_without_the_usual_words(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I keep thinking about driving into town for the market on Saturday.",
        "Some mornings I can't get up the stairs without a rest.",
        "The nurses say I had an overdose of sunshine in the garden.",
        "I finally hit my target of ten steps with the frame.",
        "When I buttoned my own coat I punched the air with my good hand.",
        "There's a key safe for the carers, so I can't lock him in even if I wanted to.",
    ],
)
def test_the_same_words_in_ordinary_senses(text):
    assert categories(text) == []


def test_harm_told_in_the_past_two_sentences_before_a_decade_long_ago_is_long_past():
    # the sentence between is in the past by one of the rules file's past words ("was", "used", "had")
    story = ("My grandfather was a violent man. He used his belt on all of us. That was in the 1950s and he has "
             "been gone forty years.")
    analysis = analyse(story)
    assert analysis.safeguarding_categories == []
    assert "abuse" in analysis.content_warnings  # no concern now, but a reader may want a warning


def test_the_same_harm_with_no_long_ago_after_it_is_a_concern():
    story = "My grandfather was a violent man. He used his belt on all of us. That was last week at his flat."
    assert "abuse" in analyse(story).safeguarding_categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # food gone off and snacks for meals, a dead boiler and nobody coming
        ("The bread in Dad's kitchen had gone green and he's been living on biscuits and tea. Nobody has been in "
         "since Monday.", ["neglect"]),
        # someone has their money and asks who they talk to; a threat if they keep on
        ("Her new partner looks after her benefits now. He texts her all evening to ask who she is talking to.",
         ["abuse", "domestic_abuse"]),
        ("My nephew keeps my bank card in his wallet these days. He told me I'd end up in a home if I kept "
         "making trouble.", ["abuse", "domestic_abuse"]),
        # said to them, in so many words
        ("He tells her nobody else would want her, not at her age.", ["abuse"]),
        ("One of the night staff puts on a silly accent when she feeds him, and he clutches the sheet whenever she "
         "comes in.", ["abuse"]),
        # texting spellings of not wanting to be here, and things given away to keep
        ("mum sed she dosnt want to be here enymore and gave me her wedding ring to keep", ["self_harm"]),
    ],
)
def test_more_concerns_told_in_ordinary_words(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We lived on toast and tea for a week while the kitchen was being done, and loved it.",
        "The boiler went off in the storm, and the engineer came out the same afternoon.",
        "Nobody else would want the job of sorting the church flowers, so I do it.",
        "My grandson does a funny accent for every character when he reads to me.",
    ],
)
def test_each_of_those_words_alone_is_an_ordinary_sentence(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most days nobody gets me up till lunchtime and I'm wet through by then.", ["neglect"]),
        ("I press the buzzer and the night girl switches it off from the door without coming in.", ["neglect"]),
        ("The lad who does my shopping keeps my change, and he gets nasty if I ask for the receipt.", ["abuse"]),
        ("My husband tells me no one else would put up with me.", ["abuse", "domestic_abuse"]),
        ("At night I look at his morphine and think about taking what's left when he's gone.", ["self_harm"]),
    ],
)
def test_concerns_in_a_short_comment(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The lad at the shop kept the change as a tip, which I told him to.",
        "I'm tired of being a nuisance about the bins, so I've stopped ringing the council.",
        "We got soaked through at the seaside and laughed all the way home.",
    ],
)
def test_the_same_words_in_everyday_comments(text):
    assert categories(text) == []
