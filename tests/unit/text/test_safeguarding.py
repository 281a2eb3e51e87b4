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


# Second generalisation pass: compositional classes (actor x harm/control verb x victim or body part, effects of
# harm, threats tied to telling, secrecy, neglect told by its effects, means and plans) and cross-sentence cues.
# Our own sentences, not phrases from the evaluation files.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # actor x harm verb x body part, with words in between
        ("The night carer twists the skin on my hand when I ring the bell.", ["abuse"]),
        ("My nephew pinches the top of my arm when nobody is looking.", ["abuse", "domestic_abuse"]),
        ("He broke my wrist last month and told the hospital I fell.", ["abuse"]),
        ("She holds my face far too tight when she does my teeth.", ["abuse"]),
        # effects of harm, and a family actor in the sentence before
        ("My daughter-in-law does my washing now. She pulls my hair so hard it bleeds.", ["abuse", "domestic_abuse"]),
        ("There are finger marks on his upper arm after every visit.", ["abuse"]),
        ("He squeezes my hand until it turns blue.", ["abuse"]),
        # control of aids, calls and doors
        ("My husband has hidden my walking stick so I can't get to the shop.", ["abuse", "domestic_abuse"]),
        ("Her brother opens all her post and keeps her bank cards.", ["abuse", "domestic_abuse"]),
        ("The new manager bolts the back door so we can't go in the garden.", ["abuse"]),
        ("My partner won't let me wear what I like or spend my own money.", ["abuse", "domestic_abuse"]),
        # threats tied to telling, secrecy, belittling
        ("He says if I tell my social worker he'll have me put away.", ["abuse"]),
        ("The handyman told me not to tell anyone about the money.", ["abuse"]),
        ("She keeps saying nobody will believe me because I'm muddled.", ["abuse"]),
        ("He tells me I'm a useless old burden every morning.", ["abuse"]),
        ("I'm terrified to close my eyes in case he comes back.", ["abuse"]),
        # sexual touching
        ("The man who drives the minibus rests his hand on my thigh.", ["abuse"]),
        # neglect told by its effects
        ("Dad was left in a wet nappy all weekend.", ["neglect"]),
        ("She'd been stuck there since Saturday night with nobody checking.", ["neglect"]),
        ("We found him on the bathroom floor, where he'd been for hours.", ["neglect"]),
        ("The carer never turned up this morning so Mum had no breakfast.", ["neglect"]),
        ("Her teatime calls keep getting cancelled and she goes to bed hungry.", ["neglect"]),
        ("It was forty minutes before anybody answered my bell.", ["neglect"]),
        ("The home knows he hits out at her, but they haven't done anything about it.", ["neglect"]),
        ("His skin is red and broken where the pad rubs.", ["neglect"]),
        # means and plans
        ("My sleeping pills are stashed away in a sock drawer.", ["immediate_danger", "self_harm"]),
        ("I have about three weeks' worth of tablets now.", ["immediate_danger", "self_harm"]),
        ("I've planned how I'll take the pills when I'm alone.", ["self_harm"]),
        # locked in now, with an abuser
        ("He has locked the doors and taken my phone, and he's shouting.", ["abuse", "immediate_danger"]),
    ],
)
def test_compositional_disclosure_classes(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I broke my wrist slipping on the ice.",
        "She held my hand all through the operation.",
        "The nurse squeezed my hand and said it would be fine.",
        "I've taken my hearing aids out to charge them.",
        "I lock the back door every night before bed.",
        "He opened the door for me and carried my bags in.",
        "If I tell the nurse, she'll sort it out.",
        "Our little secret is that Mum loves a biscuit before bed.",
        "I left the pads in the cupboard for the carers.",
        "She was lying on the sofa since lunch watching the racing.",
        "The carer came at eight this morning as usual.",
        "I haven't done anything about the garden this year.",
        "The skin on my hands gets red in winter.",
        "I keep my tablets in a locked box the pharmacist gave me.",
        "We had a talk about scams at the lunch club.",
        "My uncle was a violent drunk. When I was a girl in the fifties we hid from him.",
        "They sent someone round last spring and it was fixed.",
        "We practised a role play where a client says her son takes her pension.",
        "I put the fraud line number next to the phone.",
        "The night staff lock the front door at ten for security.",
        "Rain was forecast so he pulled the covers over the garden furniture.",
    ],
)
def test_near_misses_of_the_compositional_classes_are_not_flagged(text):
    assert categories(text) == []
