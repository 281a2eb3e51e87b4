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


# Rule classes added after the blind evaluation. Sentences are our own, written for these tests (not taken
# from the dev or blind files): harm verbs and their objects, control and fear, money and scams, threats,
# neglect of basic needs, indirect suicidal talk, and danger happening now.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new carer grabbed my wrist so hard it left marks.", ["abuse"]),
        ("One of the night staff twisted Dad's arm behind his back.", ["abuse"]),
        ("My son shoved me against the fridge on Tuesday.", ["abuse", "domestic_abuse"]),
        ("My husband won't let me see my friends any more.", ["abuse", "domestic_abuse"]),
        ("My partner checks my phone every night and reads my messages.", ["abuse", "domestic_abuse"]),
        ("I'm scared to go home because my boyfriend gets angry when he drinks.", ["abuse", "domestic_abuse"]),
        ("My daughter has my bank card and I never see a penny of my pension.", ["abuse", "domestic_abuse"]),
        ("A man knocked on the door saying my roof needed fixing and I paid him £4,000 in cash.", ["abuse"]),
        ("Someone phoned pretending to be from the bank and I gave them my PIN.", ["abuse"]),
        ("The carer keeps asking me for money and I feel I can't say no.", ["abuse"]),
        ("My nephew made me sign over the house.", ["abuse", "domestic_abuse"]),
        ("My grandson takes my pension every week.", ["abuse", "domestic_abuse"]),
        ("The man in the next room spat at her during lunch.", ["abuse"]),
        ("A carer swore at Mum and called her a dirty old woman.", ["abuse"]),
        ("Mum was left in a soaking wet bed until the afternoon.", ["neglect"]),
        ("Nobody has given him a drink since breakfast and his lips are dry.", ["neglect"]),
        ("The carers missed her tablets three days running.", ["neglect"]),
        ("Dad hasn't been washed for a week.", ["neglect"]),
        ("She was left on the floor for five hours before anyone came.", ["neglect"]),
        ("He has a pressure sore on his heel that nobody noticed.", ["neglect"]),
        ("There's no food in the house and the agency hasn't sent anyone.", ["neglect"]),
        ("Her insulin wasn't given last night.", ["neglect"]),
        ("Some days I feel like there's no point in going on.", ["self_harm"]),
        ("I keep thinking everyone would be happier if I was gone.", ["self_harm"]),
        ("My son has been burning himself with a lighter.", ["self_harm"]),
        ("I don't want to be here anymore.", ["self_harm"]),
        ("I've been thinking about ending it.", ["self_harm"]),
        ("I can't go on like this, I really can't.", ["self_harm"]),
        ("Mum said she wishes she hadn't woken up this morning.", ["self_harm"]),
        (
            "I've got a bottle of pills next to me and I'm going to take them all tonight.",
            ["immediate_danger", "self_harm"],
        ),
        (
            "My ex is outside the flat right now shouting that he'll kill me.",
            ["abuse", "domestic_abuse", "immediate_danger"],
        ),
        (
            "My husband has locked me in the bedroom and taken my phone.",
            ["abuse", "domestic_abuse", "immediate_danger"],
        ),
        (
            "The heating is off, it's freezing and the carers haven't come since Friday.",
            ["immediate_danger", "neglect"],
        ),
        ("The home care worker slapped Nan across the face.", ["abuse"]),
        ("My wife pinches me when nobody is looking.", ["abuse", "domestic_abuse"]),
        ("Money has been going missing from Dad's wallet since the new cleaner started.", ["abuse"]),
        ("Since my stepson moved in he has been using my card to buy things online.", ["abuse", "domestic_abuse"]),
        ("I'm frightened of my son when he's been drinking.", ["abuse", "domestic_abuse"]),
        ("A carer pushed her back into the chair and told her to shut up.", ["abuse"]),
        ("His catheter bag hadn't been emptied and his pad was soaked.", ["neglect"]),
        ("They left Mum sitting in her own mess for hours.", ["neglect"]),
        ("He wasn't fed at lunchtime because nobody had time.", ["neglect"]),
        ("My daughter told me she has been cutting her arms.", ["self_harm"]),
        ("I've started to think my family would be better off if I wasn't around.", ["self_harm"]),
        ("Dad keeps saying he wants to die and he has stopped eating.", ["self_harm"]),
        ("There are days I just want it all to end.", ["self_harm"]),
        ("He's just outside now and he says he'll kill me if I open the door.", ["abuse", "immediate_danger"]),
    ],
)
def test_general_disclosure_classes(text, expected):
    assert categories(text) == expected


# Ordinary uses of the same words, idioms, negation, hypotheticals, the long past and emergencies that are over.
@pytest.mark.parametrize(
    "text",
    [
        "We did a course on spotting financial abuse at work.",
        "I would never let anyone take my money.",
        "If he ever hit me I'd leave.",
        "My feet are killing me after the long shift.",
        "My stepfather hit us when I was a boy, but that was sixty years ago.",
        "The carers have never missed a visit.",
        "Mum said, over my dead body will she go into a home.",
        "I'm sick to death of the paperwork.",
        "Nobody has ever hurt me here; the staff are kind.",
        "The fire alarm went off last month but we were all fine and it was over in minutes.",
        "What would happen if the carers didn't come?",
        "Mum's lost a bit of confidence since the fall.",
        "I can't go on holiday this year because of the cost.",
        "The taxi didn't turn up so we missed the appointment.",
        "My daughter rang me today to see how I was.",
        "The nurse asked her about her medication.",
        "He grabbed my coat and we went for a walk.",
        "She pulled me aside after the meeting to say well done.",
        "They won't let me go home until the physio has seen me.",
        "I'm afraid to say the garden has gone to rack and ruin.",
        "The carers are lovely and Mum looks forward to them coming.",
        "I lock my front door at night.",
        "I lost my husband last year and I still miss him.",
        "The carer accidentally bumped his arm on the door frame.",
        "Nobody came to the coffee morning, which was a shame.",
        "She asked for a cup of tea and got one straight away.",
        "The staff keep residents safe and happy.",
        "I don't want to be here in the hospital when I could be at home.",
        "My husband takes my arm when we walk to the shops.",
        "I was so scared to ask for help at first, but the team were brilliant.",
        "He pushed my wheelchair all the way round the park.",
        "My grandson set up my phone so I can video call.",
        "The heating was broken last winter but they fixed it in a day.",
        "We talked about what to do if someone threatens you.",
        "She gave me her number in case I needed anything.",
    ],
)
def test_near_misses_of_the_general_classes_are_not_flagged(text):
    assert categories(text) == []
