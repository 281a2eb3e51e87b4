"""Safeguarding classes from the fresh tuning set (tuning_5), in our own wording: benign senses of trigger words the
writer explains (a thing pushed, weight lost on purpose, harm long past), and concerns told by their signs rather
than by a trigger word (medicines left untaken, signs of thirst, a carer spending a person's money as their own)."""

import pytest

from storybank.text.analysis import analyse


def categories(text: str) -> list[str]:
    return analyse(text).safeguarding_categories


def rule_categories(text: str) -> list[str]:
    """What the rules raise, without the learned check's guesses (which move each time it is retrained)."""
    return sorted({s.category for s in analyse(text).safeguarding if "learned guess" not in s.reason})


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
        "On Friday Mr Chen beat me at mahjong three times running.",
        "The new volunteer, a retired teacher called Rob, runs the quiz.",
        "Our instructor showed us how to break a grip and get out of reach.",
    ],
)
def test_ordinary_care_with_the_same_words_is_not_flagged(text):
    assert categories(text) == []


def test_harm_in_childhood_told_in_the_plural_is_long_past():
    assert categories("Dad hit us when we were kids.") == []


def test_harm_by_a_family_member_named_several_sentences_before_is_domestic():
    text = (
        "My nephew moved in with me after Christmas. He said it was only for a few weeks. It has been five months "
        "now. The kitchen is always a mess. He takes my pension the day it comes in."
    )
    assert rule_categories(text) == ["abuse", "domestic_abuse"]


def test_a_carer_named_after_the_family_member_is_the_one_harming():
    text = (
        "My son lives in Leeds. He rings every Sunday. The new carer started in May. Some days she is kind. "
        "Other days she takes my purse and keeps it."
    )
    assert categories(text) == ["abuse"]


@pytest.mark.parametrize(
    "text",
    [
        # two different warning signs: things given away, and saying they will not be around
        "Since the funeral Dad has given his watch and his medals to my boys. On Sunday he told me he won't be "
        "around much longer.",
        # a high place, then a mind made up
        "Last night I drove out to the cliffs and sat there for hours. I've decided.",
        # had enough, and a letter left: "he'd had", "he'd left" are the past, not "he would"
        "He rang late and said he'd had enough, and that he'd left a letter for me on the table.",
    ],
)
def test_different_warning_signs_together_raise_self_harm(text):
    assert categories(text) == ["self_harm"]


def test_the_warning_signs_reason_names_every_sign():
    signal = analyse("Last night I drove out to the cliffs and sat there for hours. I've decided.").safeguarding[0]
    assert "going to a bridge, the sea or a high place" in signal.reason
    assert "made up their mind" in signal.reason


@pytest.mark.parametrize(
    "text",
    [
        # one warning sign alone is an ordinary sentence
        "Grandad gave me his old watch for my eighteenth birthday.",
        "We walked down to the bridge to feed the ducks.",
        # two of the same kind of sign (both about affairs, both about goodbyes) are not enough
        "We cancelled the paper and gave the neighbours our old furniture before the move to Spain.",
        "I wrote a note for the milkman and said sorry for the bother.",
        # "she'd push him" is what she would do, not what she did
        "She'd push him in the pond, given half a chance.",
    ],
)
def test_a_single_warning_sign_or_a_conditional_raises_nothing(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Twenty years ago I tried to end things, and I'm glad every day that I didn't.", "suicide and self-harm"),
        ("Our stepdad hit us when we were kids, but he died long ago.", "abuse"),
    ],
)
def test_harm_told_of_long_ago_raises_no_concern_but_keeps_its_content_warning(text, warning):
    analysis = analyse(text)
    assert analysis.safeguarding_categories == []
    assert warning in analysis.content_warnings


def test_a_thing_pushed_gives_no_content_warning():
    assert analyse("My son pushes her wheelchair to the bus stop every Sunday.").content_warnings == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exploitation: others moved in, and he goes short of money for the basics
        # (his mates, not the nephew himself: not domestic abuse)
        ("Her nephew's mates have been staying at the flat since Easter. Last week she asked me to lend her a "
         "tenner for milk.", ["abuse"]),
        # control: someone answers for him, and he goes quiet when asked
        ("When the nurse visits, his lodger answers for him. I asked Ted if he was all right and he went quiet.",
         ["abuse"]),
        # neglect at home: the same clothes for days, and nothing in the cupboards
        ("Mr Price has worn the same jumper all week. There was nothing but a tin of soup in his cupboards.",
         ["neglect"]),
        # neglect: sores left untreated, and the curtains shut all day
        ("Her legs are red and weeping through her tights. The curtains have been shut for three days now.",
         ["neglect"]),
    ],
)
def test_different_signs_of_abuse_or_neglect_together_raise_it(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one sign of each category is not enough
        "The curtains stay shut all afternoon because the sun hurts her eyes.",
        "I answer for him at the bank because he is deaf, and he likes it that way.",
        "My grandson's friends stayed over after the match and ate us out of house and home.",
    ],
)
def test_one_sign_alone_is_an_ordinary_sentence(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The curtains stay shut all afternoon because the sun hurts her eyes.", []),
        ("If he comes home from the pub late, he hurts me.", ["abuse"]),
        ("If he ever hurt me, I would leave him.", []),
    ],
)
def test_a_thing_that_hurts_and_an_if_in_another_clause(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a concern, in the small hours, with nobody coming
        ("Gran hasn't eaten since breakfast because the carers never came. It's 3am and her phone goes straight to "
         "voicemail.", ["immediate_danger", "neglect"]),
        # out in the cold at night, and nobody answers
        ("Dad wandered off in his slippers and the carers never came tonight. It is minus three and the agency's "
         "number rings and rings.", ["immediate_danger", "neglect"]),
    ],
)
def test_signs_of_danger_now_beside_a_concern_raise_immediate_danger(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # signs of danger now with no concern beside them raise nothing
        "It's gone midnight and there's no answer at the pub, so we walked home in the dark.",
        # an ordinary morning time is not the small hours
        "The carer put her in a fresh pad at 7am and I had no reply to my thank-you card.",
    ],
)
def test_signs_of_danger_now_alone_or_an_ordinary_time_raise_nothing(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-harm: nothing left that needs him, and the gun to hand
        ("Since the funeral he says nobody needs him now. He keeps the rifle by his chair.", ["self_harm"]),
        # self-harm: no point, and his tablets thrown away
        ("She told me there's no point any more. I found her blood pressure pills in the bin.", ["self_harm"]),
        # abuse: a changed child (sleeps dressed, talks of a secret game)
        ("Since the new night worker started, Jade sleeps in her clothes. She said the secret game makes her "
         "tummy hurt.", ["abuse"]),
        # domestic abuse: marks on her arm, and her money counted out by her husband
        ("Her husband counts out her bus fare each morning. There were marks on her arm again.",
         ["abuse", "domestic_abuse"]),
        # abuse: his son has his benefits, and took the battery out of his scooter
        ("His son has got his PIP. He took the battery out of his scooter so he can't go out.",
         ["abuse", "domestic_abuse"]),
    ],
)
def test_more_kinds_of_warning_signs_together(text, expected):
    assert categories(text) == expected


def test_every_kind_of_danger_now_raises_immediate_danger_on_its_own():
    text = ("It's 2 am and Nana is out in the street in her nightie. It's minus five. I've rung her carers and "
            "nobody answers.")
    assert categories(text) == ["immediate_danger"]


@pytest.mark.parametrize(
    "text",
    [
        "The gamekeeper keeps a shotgun locked in the cabinet by law.",
        "We counted out the raffle money at the end of the night.",
        "There's no point in buying a new kettle when the old one works.",
    ],
)
def test_one_sign_of_each_kind_alone_is_ordinary(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neglect told plainly, without "left" or "missed"
        ("No carers have been since the hospital sent him home on Friday.", ["neglect"]),
        ("She went three days without a proper wash after the agency stopped coming.", ["neglect"]),
        ("He lay wet in the chair until his daughter arrived at noon.", ["neglect"]),
        # self-harm with a method word and words between
        ("At night I rake my nails down my arms until they bleed.", ["self_harm"]),
        # abuse: aids kept out of reach, and appointments cancelled for him
        ("His son keeps his hearing aids in the car. He cancels his appointments at the surgery too.",
         ["abuse", "domestic_abuse"]),
        # exploitation: money asked for as scammers ask, after meeting online
        ("She met a man on a dating app last spring. Now he wants a customs fee before he can visit.", ["abuse"]),
        # sedation: hard to wake, and wanted quiet
        ("Each visit Nan is hard to rouse. Her carer says they like her settled.", ["abuse"]),
    ],
)
def test_concerns_told_by_bystanders_and_records(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We met on a walking app and now we hike every Sunday.",
        "My savings are down by a hundred pounds after the holiday, which was worth it.",
        "The new bed has rails, and I can't get over how comfortable it is.",
    ],
)
def test_ordinary_lives_with_the_same_words(text):
    assert categories(text) == []


# Session 13: classes from nine more writers' stories (bench/training/more_writers/set_s ... set_xa), in our own
# wording. Each benign case failed on the code before (flagged); each concern beside it must stay flagged.
@pytest.mark.parametrize(
    "text",
    [
        # the worry was looked into and found innocent, later in the story (the cleared filter)
        "I found a bruise on Gran's arm and my heart sank. It turned out she'd knocked it on the wardrobe door.",
        "I told the office the new carer had taken my purse. I'd overreacted: it was down the side of my chair.",
        # a year long before today, or an age then (long_past)
        "I took an overdose in 2008, and I've been well for years.",
        "When I was 19 I cut my arms, and I help others with that now.",
        "When I was little my uncle used to hit me.",
        # "starving" as hunger
        "I'm always starving after my swim, so we go for chips.",
        "We got back at midnight starving and Nan had soup on.",
        # urging someone on, or pushing a wheelchair user along (urged_on)
        "My PA pushed me to try one more lap and I did it!",
        "Kath pushes me round the market on Saturdays and reads me the prices.",
        "She pushed me into joining the choir and I love it.",
    ],
)
def test_harmless_readings_from_more_writers_are_not_flagged(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a harm revealed after "it turned out" is its own match, with no cue after it
        ("I thought Dad was just forgetful. It turned out his lodger had been taking his pension every week.",
         ["abuse"]),
        ("He hit me again last night. I turned out the lights and hid in the bathroom.", ["abuse"]),
        # the writer comforting someone, or glad help came, is not the worry found innocent
        ("He hit her again last night. I reassured her it was not her fault.", ["abuse"]),
        ("Her son shoved her. I was so relieved when the police came.", ["abuse", "domestic_abuse"]),
        # "since" a year goes on; a number that is not an age
        ("He has hit me every week since 2009.", ["abuse"]),
        ("When she was 20 minutes late he hit her across the face.", ["abuse"]),
        # starving someone, and a push that is a shove
        ("The agency are starving her: two biscuits a day and no proper meal.", ["neglect"]),
        ("He pushed me to the floor and kicked me.", ["abuse"]),
        ("Her son pushed her down the stairs on Sunday.", ["abuse", "domestic_abuse"]),
        ("Two lads on the estate kicked him about behind the shops.", ["abuse"]),
        # not wanting to wake up
        ("I do not want to wake up in the morning any more.", ["self_harm"]),
    ],
)
def test_the_same_words_from_more_writers_stay_a_concern(text, expected):
    assert categories(text) == expected


# Session 13: disclosures no rule read in the stories of writers held out one at a time, in our own wording.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The night staff found fresh cuts across his thighs again.", ["self_harm"]),
        ("She has new burns up her forearm and won't say how.", ["self_harm"]),
        ("I swallowed a whole box of my sleeping tablets on Sunday.", ["self_harm"]),
        ("He's been searching how many painkillers it would take.", ["self_harm"]),
        ("It would be simpler for everyone if I wasn't around.", ["self_harm"]),
        ("No one came to help her get up this morning.", ["neglect"]),
        ("She was left in a full pad until lunchtime.", ["neglect"]),
        ("I watched the new carer slip a tenner out of Dad's wallet.", ["abuse"]),
    ],
)
def test_disclosures_in_new_words_are_flagged(text, expected):
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He takes a lot of tablets for his heart, all in a dosette box.",
        "I took a box of her tablets back to the chemist.",
        "How many tablets do you take in the morning?",
        "No one came to the coffee morning because of the snow.",
        "I took a tenner out of my purse for the window cleaner.",
        "Today I helped with my first full bed bath on the ward.",
        "The best advice: eat when you're hungry, not when the trolley comes.",
    ],
)
def test_the_same_words_in_ordinary_sentences_are_not_flagged(text):
    assert categories(text) == []


def test_fresh_scratches_from_an_animal_are_not_self_harm():
    assert "self_harm" not in categories("She has fresh scratches on her arms from the new kitten.")
    assert "self_harm" in categories("She has fresh scratches on her arms and won't say how.")


# Session 14: classes from four more writers' stories (bench/training/more_writers/set_ze ... set_zh), in our own
# wording: losing a match is "being robbed"; an age written in words dates harm to the past.
@pytest.mark.parametrize(
    "text",
    [
        "Our darts team got to the league final and we were robbed by a bad call.",
        "We were robbed in the quiz over the capital of Australia.",
        "When I was fourteen my stepdad used to hit me with his belt.",
        "When she was twelve her uncle hurt her, and she has told me about it since.",
    ],
)
def test_a_lost_match_and_harm_at_an_age_in_words_raise_no_concern(text):
    assert categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man on the doorstep said he was from the council and robbed me of my savings.", ["abuse"]),
        ("He robbed my purse while I was watching the football.", ["abuse"]),  # a game on the telly, a real theft
        ("My stepdad hit me again last night.", ["abuse", "domestic_abuse"]),
    ],
)
def test_theft_and_harm_now_are_still_flagged(text, expected):
    assert categories(text) == expected


# Session 15: classes from another writer's stories (bench/training/incoming/set_zi), in our own wording: a cut from an
# everyday task or tool; the writer hurting their own body is self-harm when it keeps happening, never abuse; a
# person missing at night in the cold.
@pytest.mark.parametrize(
    "text",
    [
        "I cut myself chopping carrots for the soup and the nurse put a plaster on it.",
        "The OT brought an electric razor so Dad can shave himself again.",
        "I hit my head on the shelf in the shed.",
        "Yesterday I burnt my hand on the kettle making tea.",
        "She is missing her sister since the move, and it's two in the morning before she sleeps.",
    ],
)
def test_everyday_cuts_one_off_knocks_and_missing_someone_raise_no_concern(text):
    assert rule_categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When the voices get loud I pick at my arms again until they bleed.", ["self_harm"]),
        ("I keep scratching my wrists when nobody is looking.", ["self_harm"]),
        ("I cut myself again last night in the bathroom.", ["self_harm"]),
        ("He grabbed my arm and twisted it.", ["abuse"]),
        (
            "It's three in the morning and Mum is not in her bed. We can't find her anywhere and it's perishing out.",
            ["immediate_danger"],
        ),
    ],
)
def test_self_harm_abuse_and_someone_missing_at_night_are_flagged(text, expected):
    assert rule_categories(text) == expected


# Session 15, from a further writer's stories (set_zj), in our own wording: a knock in a sport, the word itself talked
# about, a scam seen through with nothing lost, "it's her money" said of whose it is, a list of what a job deals with,
# bruising explained by a fall, and a time since harm last happened.
@pytest.mark.parametrize(
    "text",
    [
        "I go to boxing on Thursdays. Last week Kai caught me with a punch in sparring and my lip bled.",
        "On the helpline we learn not to be frightened of the word 'suicide'.",
        "My son spotted an email pretending to be from the bank and we reported it.",
        "It's her money and she spends it how she likes.",
        "As the manager I read reports about money worries, a missed visit, a fall, every single week.",
        "Bruising to her arm and hip, consistent with the fall on Sunday, is fading now.",
        "I used to hurt myself as a teenager. It's been twelve years since the last time.",
    ],
)
def test_sports_words_foiled_scams_ownership_job_lists_and_explained_bruises_raise_no_concern(text):
    assert rule_categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He punched me in the face last night after the football.", ["abuse"]),
        ("A man rang pretending to be from the bank and I sent him £3,000 before I reported it.", ["abuse"]),
        ("My nephew has my bank card and keeps my money.", ["abuse", "domestic_abuse"]),
        ("The carers missed the visit again, so Mum had no tea.", ["neglect"]),
        ("Her bruises are not consistent with a fall, the nurse says, and she is scared of him.", ["abuse"]),
        ("So far I've moved about eleven thousand into the safe account they gave me.", ["abuse"]),
    ],
)
def test_the_same_words_as_a_concern_are_still_flagged(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most nights I hurt my legs with a compass so nobody sees.", ["self_harm"]),
        ("My daughter keeps all my tablets in her room and I don't get them some days.", ["abuse", "domestic_abuse"]),
        ("Mi grandson keeps mi pills away from me when he's cross.", ["abuse", "domestic_abuse"]),
    ],
)
def test_self_harm_with_something_sharp_and_medicines_kept_from_someone(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I hurt my hand with the knife while I was chopping onions.",
        "I keep my tablets in my room in a dosette box.",
        "The carer keeps the tablets in the locked cupboard, as the plan says.",
    ],
)
def test_an_everyday_cut_and_medicines_kept_safely_raise_no_concern(text):
    assert rule_categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My first husband hit me for eleven years. I left in 1981 and never went back.", []),
        ("My husband has hit me for eleven years. I married him in 1981.", ["abuse", "domestic_abuse"]),
        ("He hit me for eleven years and still does.", ["abuse"]),
    ],
)
def test_a_span_of_years_next_to_a_time_long_ago_is_over_unless_it_goes_on(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I chose my new sofa. It is blue.", []),
        ("She missed the physio twice and was marked 'declined' on the system.", []),
        ("He gripped my wrist so hard and it went purple.", ["abuse"]),
        ("The carer grabbed her arm. It went black and blue by the morning.", ["abuse"]),
    ],
)
def test_a_colour_is_a_mark_of_harm_only_beside_a_body_or_a_harm(text, expected):
    assert rule_categories(text) == expected


# Session 16: classes from two more writers' stories (bench/training/more_writers/set_zk, set_zl), in our own wording.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person asked for it, in the sentence or the next
        ("My son reads my post every week. I ask him to, my eyes are bad.", []),
        ("My daughter has my bank card, at my request, and shows me every statement.", []),
        # not when they asked for it to stop, nor when it was never their choice
        ("My son reads my post every week. I asked him to stop.", ["abuse", "domestic_abuse"]),
        ("My daughter has my bank card and it was never my choice.", ["abuse", "domestic_abuse"]),
    ],
)
def test_control_the_person_asked_for_is_not_a_concern(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The workshop covered domestic abuse, exploitation, neglect and modern slavery.", []),
        ("Leaflet: violence, bullying and harassment are never acceptable here.", []),
        # one kind named, about the writer: still a concern
        ("The abuse from my husband started again last month.", ["abuse", "domestic_abuse"]),
    ],
)
def test_a_sentence_listing_kinds_of_harm_is_a_course_talking(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I use a wheelchair now. My nephew pushed me so fast along the front that my hat blew off.", []),
        ("Since I got the wheelchair my grandson pushes me straight past the queue at the bank.", []),
        # not hard, not into something, and not in a story without a wheelchair
        ("I use a wheelchair now. My nephew pushed me so hard that I fell out of it.", ["abuse", "domestic_abuse"]),
        ("I use a wheelchair now. He pushed me straight into the wall.", ["abuse"]),
        ("My nephew pushed me so fast down the hall that I fell.", ["abuse", "domestic_abuse"]),
    ],
)
def test_a_wheelchair_user_pushed_along_fast_is_not_shoved(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I tripped on the kerb and landed on my knees, and they came up black and blue.", []),
        ("I had a fall in the garden on Monday. The paramedics were lovely. Only a bruise on my hip.", []),
        # someone else's account of a fall can be explaining it away; a fall asleep is no fall
        ("She says she fell, but she has bruises on her arms again.", ["abuse"]),
        ("I fell asleep in the chair and woke up with bruises on my arms.", ["abuse"]),
    ],
)
def test_a_bruise_from_a_fall_the_writer_tells_is_not_a_concern(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new man on the unit puts his hands where he shouldn't when he helps me wash.", ["abuse"]),
        ("He held me under the arms and now there are marks like fingerprints on my arms.", ["abuse"]),
        ("Since the new cleaner started there's been thirty pounds less than I counted in my purse.", ["abuse"]),
        ("She gets nasty when I ask about my pension. I keep my door locked when I hear her car.",
         ["abuse"]),
        ("Some days it would be easier for everyone if I just didn't wake up.", ["self_harm"]),
        ("I've had enough. I'd rather just slip away quietly.", ["self_harm"]),
        ("He keeps standing on the footbridge at night thinking about jumping off. He says he has worked out the "
         "best time.", ["self_harm"]),
        ("Dad let himself out at four in the morning and was found in his pyjamas walking down the middle of the "
         "road.", ["immediate_danger"]),
        ("Naebody turned up for three days and she'd nae food in.", ["neglect"]),
    ],
)
def test_disclosures_told_without_the_usual_words(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The pain faded away after a week and I'd rather not take tablets now.",
        "I worked out the best way to the shops with my frame.",
        "The mortgage was a weight round my neck for years.",
        "My granddaughter climbs into my bed for a story on Sundays.",
        "We thought about jumping in the pool but it was too cold.",
        "The spammers gave up. My grandson deletes the scam texts and blocks the numbers.",
    ],
)
def test_the_same_words_in_ordinary_senses_raise_nothing(text):
    assert rule_categories(text) == []


# Session 16, from two more writers (set_zm: very short texts; set_zn: told by someone else), in our own wording.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our Gran keeps saying we'd be better off without her. She gave her wedding ring to my cousin on Sunday.",
         ["self_harm"]),
        ("I've made up my mind. I won't be here by the new year.", ["self_harm"]),
        ("Some nights I sit in the garage and think about leaving the engine running.", ["self_harm"]),
        ("When I went round, his arms were covered in fresh cuts again.", ["self_harm"]),
        ("His son collects his pension every week. He's not allowed to see the bank letters.",
         ["abuse", "domestic_abuse"]),
        ("The lunch club visits stopped in May and nobody said. She's had tea and biscuits all week.", ["neglect"]),
        ("Her daughter-in-law kept us on the doorstep again. Her pension is still being collected every week.",
         ["abuse", "domestic_abuse"]),
        ("The man next door says it's their secret and gives her sweets.", ["abuse"]),
    ],
)
def test_short_and_third_person_disclosures(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a mark the writer says came from a thing; a scam that ended with nothing lost
        "A bruise on my knee from the bed frame. The nurse has seen it.",
        "A man rang about a safe account and she nearly moved £4,000. We rang the bank together. No money went.",
        # the writer's view of someone's situation; a quantity, not a bite; a night carer, not a night on the floor
        "I'm staying with Dad till it's sorted, but he can't go on like this.",
        "He says he feels a bit useless now his hands shake.",
        "Found on the floor by the night carer on the hourly check, no injury, back to bed.",
        # a kind of ulcer that is a condition
        "District nurse dressed her venous leg ulcer, which is healing well.",
    ],
)
def test_explained_marks_foiled_scams_and_ordinary_readings_raise_nothing(text):
    assert rule_categories(text) == []


def test_someone_quoted_saying_they_cannot_go_on_is_still_a_concern():
    assert rule_categories("She says she can't go on like this any more.") == ["self_harm"]


# Session 16, from a writer telling of themselves in understated voices (set_zo), in our own wording.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live with my partner. He locks the kitchen at night and I have to ask for food.",
         ["abuse", "domestic_abuse"]),
        ("Nobody has been since the agency stopped. I haven't had a proper wash since June.", ["neglect"]),
        ("My brother won't let me near my grandchildren any more.", ["abuse", "domestic_abuse"]),
    ],
)
def test_understated_disclosures_about_oneself(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My son has my card for the shopping and does my bills with me sat beside him, so I see where it goes.",
        "I lock the fridge at night myself, for my diabetes.",
        "My little brother kicks my bed all night and it drives me mad.",
        "The wife's not letting me near the tractor till my hip's healed.",
        "She hasn't had a bath since March; she washes at the sink every morning while we wait for the shower.",
    ],
)
def test_the_same_words_about_ordinary_life_raise_nothing(text):
    assert rule_categories(text) == []


# Session 17, from a fresh set (set_zq), in our own wording: a sore that is getting better, a physio or a coach
# urging someone on (pushing, holding back a rail), and the writer calling someone else names.
@pytest.mark.parametrize(
    "text",
    [
        "On the round today I checked a bed sore on her heel that is healing nicely now.",
        "My coach pushes me harder than my own mum ever did, and I love him for it.",
        "The physio came on Monday. She won't let me use the frame on the stairs, so I'm getting stronger.",
        "I called him a few names when he beat me at cards.",
    ],
)
def test_care_getting_better_and_being_urged_on_raise_nothing(text):
    assert rule_categories(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She has a pressure sore that isn't healing and nobody turns her.", ["neglect"]),
        ("The physio pushed me against the wall when I fell behind.", ["abuse"]),
        ("The physio came on Monday. My son won't let me see anyone now.", ["abuse", "domestic_abuse"]),
        ("I was called names by the night carer again.", ["abuse"]),
    ],
)
def test_the_same_words_as_a_concern_still_raise_it(text, expected):
    assert rule_categories(text) == expected


# Session 17, from tuning_26: "Nothing has changed." closes many a complaint about a service; it is a warning sign of
# neglect beside another sign, not a concern alone.
def test_nothing_has_changed_alone_is_a_complaint_not_a_concern():
    assert rule_categories("I complained about the laundry in March. Nothing has changed.") == []


def test_nothing_has_changed_beside_another_sign_of_neglect_raises_it():
    text = "Her fridge was empty again when I called round. I rang the agency in March. Nothing has changed."
    assert rule_categories(text) == ["neglect"]


# Session 17, from tuning_28, in our own wording: cuts found on someone's arms (no "fresh"); a worry for someone
# ("scared he would be alone") is no fear of them; a late visit is no missed one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I keep finding cuts on his arms and he won't say why.", ["self_harm"]),
        ("When he moved out I was scared he would be lonely in the flat.", []),
        ("I'm scared he'll hurt me again.", ["abuse"]),
        ("On Friday nobody came till after ten, so Mum had breakfast late.", []),
        ("Nobody came till Tuesday and she was on the floor all that time.", ["neglect"]),
    ],
)
def test_cuts_found_worries_for_someone_and_late_visits(text, expected):
    assert rule_categories(text) == expected


# Session 17, the issue's classes told in our own wording: a relative in crisis while the crisis line does not
# answer; hiding from someone at home until they sleep; a child made to keep secrets and threatened about telling; a
# person with dementia out on a freezing night ("last night" is one night, not a habit).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My sister texted at 3am that she can't take any more. I rang the crisis team twice and no one answered.",
         ["immediate_danger", "self_harm"]),
        ("When Dad's been drinking, Mum locks herself in the bedroom until he's asleep.", ["abuse"]),
        ("Uncle Ray makes me keep secrets and says I'll be taken into care if I tell.", ["abuse"]),
        ("Mum wandered off in her nightie last night and the police found her on the bypass at 2am. It was minus "
         "three.", ["immediate_danger"]),
    ],
)
def test_the_issues_classes_told_without_the_usual_words(text, expected):
    assert rule_categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The charger is fiddly and when I'm poorly I can't manage it.",
        "I volunteer on the crisis line on Tuesdays and I love it.",
        "We keep the surprise party a secret from Mum until Saturday.",
        "Dad wandered off in the garden centre for ten minutes on Saturday.",
    ],
)
def test_the_same_words_in_ordinary_life_raise_nothing(text):
    assert rule_categories(text) == []


# Session 17: abuse by another resident told by its signs — a man who keeps going into someone's room, and her
# sleeping in her chair since; either alone is an ordinary sentence.
def test_another_resident_going_into_her_room_beside_a_change_in_her_raises_abuse():
    text = "A man on Dad's ward keeps wandering into his room at night, and Dad has started sleeping in his chair."
    assert rule_categories(text) == ["abuse"]


@pytest.mark.parametrize(
    "text",
    [
        "The night nurse keeps coming into my room to check on me, which is kind.",
        "Mum sleeps in her chair most nights because of her breathing.",
    ],
)
def test_one_of_those_signs_alone_raises_nothing(text):
    assert rule_categories(text) == []
