"""Benign senses of the words a rule matches, which the writer explains.

A thing pushed or harmed, a game won or lost, weight lost on purpose, a fall or a knock, care given with consent,
an everyday task, a sport, a scam that was foiled; and what some rules need besides their words (a body part,
an aid, a habit, a medicine).
"""

from __future__ import annotations

from .candidate import COMMA_ID, FROM_ID, INTO_ID, OF_ID, OUT_ID, TO_ID, WITH_ID, Candidate


def harm_to_a_thing(c: Candidate) -> bool:
    """The harm verb's object is a thing the person uses ("pushing her wheelchair", "kicked his ball"), read from the
    word after the verb's person: "pushed her out of her wheelchair" still counts."""
    lower, w, after = c.t.lower, c.w, c.start + 2
    if after < c.sent_end and lower[after] in w["not_a_person"]:
        return True
    # "and punched the air": a rule whose match starts with the word before the verb reads one word further on
    return after + 1 < c.sent_end and lower[after] in w["determiners"] and lower[after + 1] in w["not_a_person"]


def healing(c: Candidate) -> bool:
    """ "a pressure sore on his heel that's finally healing": a sore being cared for and getting better, said after
    it in its sentence; not "it isn't healing" nor "it never healed"."""
    lower, heal = c.t.lower, c.w["healing_words"]
    for i in range(c.start + 1, c.sent_end):
        if lower[i] in heal and c.w["neg"].isdisjoint(lower[max(c.start + 1, i - 3) : i]):
            return True
    return False


def explained(c: Candidate) -> bool:
    """The writer explains it in the same sentence or the next ("she lost two stone. It was on purpose!")."""
    if not c.words.isdisjoint(c.w["explained"]):
        return True
    following = c.sid + 1
    return following < len(c.t.bounds) - 1 and not c.rules.sentence_words(c.t, following).isdisjoint(
        c.w["explained"]
    )


def cleared(c: Candidate) -> bool:
    """The worry was looked into and found to be innocent, later in the story ("It turned out she'd caught it on
    the door frame", "I'd overreacted"): a cue after the match, in its sentence or the few after it. A harm told
    after such a cue ("it turned out he'd been taking her pension") is its own match, with no cue after it. "Bruising
    consistent with the fall" explains it; "not consistent with a fall" does not."""
    lower, w = c.t.lower, c.w
    end = c.t.bounds[min(len(c.t.bounds) - 1, c.sid + 1 + c.rules.rulebook.cleared_within_sentences)]
    for i in range(c.start + 1, end):
        word = lower[i]
        if word in w["cleared"] or word in w["explained_by"] and i + 1 < end and lower[i + 1] == WITH_ID:
            if w["neg"].isdisjoint(lower[max(c.start + 1, i - 3) : i]):
                return True
        elif word in w["reveal_verbs"] and i + 2 < end and lower[i + 1] == OUT_ID:
            if lower[i + 2] not in w["determiners"]:  # "turned out the light" is not a reveal
                return True
    return False


def after_a_fall(c: Candidate) -> bool:
    """The writer tells of their own fall before the mark, in its sentence or the three before ("I missed the step
    and landed on my side, and my arm came up black"; "I had a fall in the kitchen. ... Nothing broken, just a
    bruise"), in a sentence that quotes nobody ("she says she fell" can be explaining it away)."""
    t, w, lower = c.t, c.w, c.t.lower
    for sid in range(max(0, c.sid - 3), c.sid + 1):
        begin, stop = t.bounds[sid], c.start if sid == c.sid else t.bounds[sid + 1]
        if not w["speech"].isdisjoint(lower[begin:stop]):
            continue
        subject = False
        for k in range(begin, stop):
            if lower[k] in w["self_subject"]:
                subject = True
            elif subject and lower[k] in w["fall_words"]:
                if k + 1 == len(lower) or lower[k + 1] not in w["not_a_fall"]:
                    return True
    return False


def from_a_knock(c: Candidate) -> bool:
    """The writer says what the mark came from, after it and in a sentence that quotes nobody: "a bruise on my shin
    from the bath edge"; not "bruises from him", nor "she says it was from the door"."""
    w, lower = c.w, c.t.lower
    if not w["speech"].isdisjoint(lower[c.sent_start : c.sent_end]):
        return False
    for i in range(c.start + 1, c.sent_end - 1):
        if lower[i] == FROM_ID:
            k = i + 2 if lower[i + 1] in w["determiners"] else i + 1
            return k < c.sent_end and lower[k] in w["knock_things"]
    return False


def nothing_lost(c: Candidate) -> bool:
    """A later sentence says nothing was lost: "No money left his account", "Not a penny went" (a story about a scam
    tells how it ended last, however long the telling)."""
    lower, w = c.t.lower, c.w
    end = len(lower)
    for i in range(c.sent_end, end - 1):
        if lower[i] in w["neg"] and (lower[i + 1] in w["lost_things"] or lower[i + 1] in w["determiners_a"]
                                     and lower[min(i + 2, end - 1)] in w["lost_things"]):
            return True
    return False


def said_of_someone_else(c: Candidate) -> bool:
    """ "He can't go on like this": the writer's view of someone's situation, unless the sentence quotes them ("she
    says she can't go on")."""
    lower, w, start = c.t.lower, c.w, c.start
    return start > c.sent_start and lower[start - 1] in w["third_person"] and w["speech"].isdisjoint(
        lower[c.sent_start : c.sent_end]
    )


def consented(c: Candidate) -> bool:
    """The person asked for it or it is done with them, in this sentence or the next: "My grandson goes through my
    phone. I ask him to.", "at my request", "That's my choice", "with me sat beside him"; not "I asked him to stop",
    nor "it was never my choice"."""
    t, w, lower = c.t, c.w, c.t.lower
    end = t.bounds[min(len(t.bounds) - 1, c.sid + 2)]
    for i in range(c.sent_start, end):
        word = lower[i]
        if word in w["consent_nouns"]:
            if i > c.sent_start and lower[i - 1] in w["self_possessive"] and w["neg"].isdisjoint(
                lower[max(c.sent_start, i - 4) : i]
            ):
                return True
        elif word in w["openly_words"] and w["neg"].isdisjoint(lower[max(c.sent_start, i - 3) : i]):
            return True
        elif word in w["self_subject"] and i + 4 < end and lower[i + 1] in w["asking_verbs"]:
            if lower[i + 2] in w["asked_persons"] and lower[i + 3] == TO_ID and (
                lower[i + 4] in w["ends"] or lower[i + 4] == COMMA_ID
            ):
                return True
    return False


def names_kinds_of_harm(c: Candidate) -> bool:
    """A sentence listing three or more kinds of harm ("financial abuse, neglect and self-neglect, coercive control")
    is a course, a leaflet or a policy naming them, not a disclosure."""
    return len(c.words & c.w["kinds_of_harm"]) >= 3 and COMMA_ID in c.t.lower[c.sent_start : c.sent_end]


def urged_on(c: Candidate) -> bool:
    """ "She pushed me to try one more rep", "pushed me into joining the choir", "pushes me round the garden
    centre", "my physio pushes me hard": urging someone on (a coach or a physio named before it urges), or pushing a
    wheelchair user along; not "pushed me to the floor", "into the door" or, by anyone, "against the wall"."""
    lower, w, strings = c.t.lower, c.w, c.rules.strings
    after = c.start + 2  # the word after "pushed me"
    if c.t.lemma[c.start] not in w["pushing_verbs"]:  # "kicked him about" is harm
        return False
    if not w["encouragers"].isdisjoint(lower[c.sent_start : c.start]):  # "My physio pushes me harder than anyone"
        return after >= c.sent_end or lower[after] not in w["pushed_where"]  # not "pushed me against the wall"
    if after >= c.sent_end:
        return False
    word = lower[after]
    if word in w["along_words"] or _wheeled_along(c, after):
        return True
    if after + 1 >= c.sent_end or lower[after + 1] in w["determiners"] or lower[after + 1] in w["possessor"]:
        return False
    following = lower[after + 1]
    if word == TO_ID:  # "to try": a verb; "to the floor" has a determiner
        return c.t.lemma[after + 1] == following and c.t.flags(after + 1)[0] == 1
    return word == INTO_ID and strings[following].endswith("ing")


def by_an_encourager(c: Candidate) -> bool:
    """ "My physio Ravi pushes me hard. ... he won't let me use the rail": a coach or a physio, named in this
    sentence or the one before, holding back help on purpose; not when this sentence names another person first ("my
    son won't let me see anyone")."""
    lower, w, t = c.t.lower, c.w, c.t
    before = lower[c.sent_start : c.start]
    if not w["encouragers"].isdisjoint(before):
        return True
    if c.sid == 0 or not (w["domestic"].isdisjoint(before) and w["non_family_abusers"].isdisjoint(before)):
        return False
    return not c.rules.sentence_words(t, c.sid - 1).isdisjoint(w["encouragers"])


def _wheeled_along(c: Candidate, after: int) -> bool:
    """In a story that names a wheelchair or a buggy: "pushed me so fast down the slope", "pushed me straight past
    the van"; not "pushed me so hard" nor "straight into the wall"."""
    lower, w = c.t.lower, c.w
    if c.t.words.isdisjoint(w["wheeled_aids"]):
        return False
    while after < c.sent_end and lower[after] in w["pushing_intensifiers"]:
        after += 1
    return after < c.sent_end and lower[after] in w["pushing_ways"]


def beaten_at_a_game(c: Candidate) -> bool:
    """"He beats me at chess": winning a game, not harm."""
    return c.t.lower[c.start] in c.w["winning_verbs"] and not c.words.isdisjoint(c.w["games"])


def robbed_in_a_game(c: Candidate) -> bool:
    """ "We were robbed in the final": the side that lost says so, of a match, a quiz or a league; "robbed of my
    savings" and "he robbed my purse" are theft wherever they happen."""
    lower, w, i = c.t.lower, c.w, c.start
    if lower[i] not in w["losing_verbs"] or i == c.sent_start or lower[i - 1] not in w["passive_auxiliaries"]:
        return False
    if i + 1 < c.sent_end and lower[i + 1] in w["robbed_of"]:
        return False
    return not c.words.isdisjoint(w["games"])


def overdose_of_a_thing(c: Candidate) -> bool:
    """ "an overdose of sunshine", "an overdose of chocolate": of something no one can take too much of."""
    lower, w, i = c.t.lower, c.w, c.start + 1
    if i >= c.sent_end or lower[i] != OF_ID:
        return False
    i += 1
    while i < c.sent_end - 1 and lower[i] in w["some_of"]:
        i += 1
    return i < c.sent_end and lower[i] in w["figurative_overdoses"]


def wet_from_the_weather(c: Candidate) -> bool:
    """ "We got soaked at the seaside": wet from rain, the sea or a swim, not left wet."""
    return not c.words.isdisjoint(c.w["weather_wet"])


def a_name(c: Candidate) -> bool:
    """"A man named Rob": a capitalised word mid-sentence is someone's name, not the verb."""
    if c.start == c.sent_start:
        return False
    text = c.rules.strings[c.t.orth[c.start]]
    return text[:1].isupper() and not text.isupper()


def harm_by_a_thing(c: Candidate) -> bool:
    """ "the sun hurts her eyes", "the cold bit him": a thing, not a person, does the hurting."""
    return c.start > c.sent_start and c.t.lower[c.start - 1] in c.w["things_that_hurt"]


def an_everyday_task(c: Candidate) -> bool:
    """ "I cut myself shaving", "an electric razor", "burnt my hand on the oven": a cut or burn from a task or tool of
    everyday life, which the sentence names."""
    return not c.words.isdisjoint(c.w["everyday_tasks"])


def done_to_oneself(c: Candidate) -> bool:
    """ "I do the scratching on my arms": the writer does it to their own body; harm by someone else needs another
    actor (self-harm is its own rule)."""
    lower, w, i = c.t.lower, c.w, c.start
    before, after = lower[max(c.sent_start, i - 3) : i + 1], lower[i : min(c.sent_end, i + 8)]
    return not w["self_subject"].isdisjoint(before) and not w["self_possessive"].isdisjoint(after)


def needs_a_habit(c: Candidate) -> bool:
    """A hurt the writer does to their own body is self-harm when it keeps happening ("again", "every time",
    "whenever"); once, it is an accident ("I hit my head on the shelf")."""
    return c.words.isdisjoint(c.w["habit_words"])


def in_a_sport(c: Candidate) -> bool:
    """ "caught me with a punch in sparring", "tackled in the rugby": a knock in a sport, named in the sentence or
    the one before."""
    if not c.words.isdisjoint(c.w["sports"]):
        return True
    return c.sid > 0 and not c.rules.sentence_words(c.t, c.sid - 1).isdisjoint(c.w["sports"])


def needs_a_body(c: Candidate) -> bool:
    """ "he gripped my wrist and it went purple": a colour is a mark of harm only beside a body or a harm."""
    if not c.words.isdisjoint(c.w["body_or_harm"]):
        return False
    return c.sid == 0 or c.rules.sentence_words(c.t, c.sid - 1).isdisjoint(c.w["body_or_harm"])


def scam_foiled(c: Candidate) -> bool:
    """ "he spotted a text pretending to be from the bank and we reported it": a scam seen through, with nothing
    lost; "they took £2,000 and I reported it" is still a concern."""
    return not c.words.isdisjoint(c.w["foiled_words"]) and c.words.isdisjoint(c.w["loss_words"])


def needs_an_aid(c: Candidate) -> bool:
    return c.words.isdisjoint(c.w["personal_aids"])


def needs_a_medicine(c: Candidate) -> bool:
    return c.words.isdisjoint(c.w["medicines"])


def came_late(c: Candidate) -> bool:
    """ "Thursday nobody came till gone eleven": the visit was late, not missed ("nobody came till Tuesday" was)."""
    lower, w, strings, end = c.t.lower, c.w, c.rules.strings, c.sent_end
    i = next((k for k in range(c.start + 1, min(end, c.start + 5)) if lower[k] in w["until_words"]), None)
    if i is None:
        return False
    i += 1
    while i < end and lower[i] in w["late_fillers"]:
        i += 1
    return i < end and (lower[i] in w["clock_words"] or strings[lower[i]][:1].isdigit())
