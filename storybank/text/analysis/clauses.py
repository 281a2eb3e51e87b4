"""The clause model every safeguarding rule shares: whether a match is negated, hypothetical, advice to a general
"you", habitual, long past, or about the subject rather than a disclosure, and whether the harm is domestic.

Only logic lives here; every word it reads is a named word list in rules/safeguarding.yaml (CODE_WORDS), so a person
can change what counts as, say, a negation without touching code. The rules file names the filters each rule uses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from .rule_tokens import _LIKE_NUM, _Tokens

if TYPE_CHECKING:
    from .safeguarding_matcher import SafeguardingRules

NOW_ID, AGO_ID, IN_ID, OF_ID, OUT_ID, SINCE_ID, WHEN_ID, TO_ID, INTO_ID, COMMA_ID, WITH_ID, FOR_ID, FROM_ID = (
    get_string_id(w)
    for w in ("now", "ago", "in", "of", "out", "since", "when", "to", "into", ",", "with", "for", "from")
)


class _Candidate:
    """One rule match, as its rule's filters see it: the tokens, the sentence and where the match starts."""

    __slots__ = ("rules", "t", "sid", "start", "sent_start", "sent_end", "w", "_words")

    def __init__(self, rules: SafeguardingRules, t: _Tokens, sid: int, start: int) -> None:
        self.rules, self.t, self.sid, self.start, self.w = rules, t, sid, start, rules.words
        self.sent_start, self.sent_end = t.bounds[sid], t.bounds[sid + 1]
        self._words: frozenset[int] | None = None

    @property
    def words(self) -> frozenset[int]:
        """Every lowercase lemma and form in the sentence."""
        if self._words is None:
            self._words = self.rules.sentence_words(self.t, self.sid)
        return self._words


def _negated(c: _Candidate) -> bool:
    """A negation just before the match, in the same clause: "I said no and he took my purse" is a disclosure."""
    lower, w, start = c.t.lower, c.w, c.start
    for i in range(start - 1, max(c.sent_start, start - 4) - 1, -1):
        word = lower[i]
        if word in w["clause_break"]:
            return False
        if word in w["neg"] or word in w["would"] and i < start - 1:
            return True
    return False


def _hypothetical(c: _Candidate) -> bool:
    lower, w, start = c.t.lower, c.w, c.start
    return _if_in_the_clause(c) or any(
        lower[i] in w["conditional"] and not _past_perfect(c, i) for i in range(max(c.sent_start, start - 3), start)
    )


def _if_in_the_clause(c: _Candidate) -> bool:
    """ "if", "imagine", "might" earlier in the match's own clause ("if he ever hit me"); not in a clause before it
    ("I asked him if he was all right and he went quiet")."""
    lower, w = c.t.lower, c.w
    for i in range(c.start - 1, c.sent_start - 1, -1):
        if lower[i] in w["hypothetical"]:
            return True
        if lower[i] in w["clause_break"] and lower[i] not in w["hypothetical"]:
            return False
    return False


def _past_perfect(c: _Candidate, i: int) -> bool:
    """"she'd been", "he'd (not) left": the verb after the "'d" is an inflected form, so it is the past, not "she'd
    do"."""
    lower, lemma, w = c.t.lower, c.t.lemma, c.w
    after = i + 1
    while after < c.sent_end - 1 and lower[after] in w["neg"]:
        after += 1
    return lemma[after] != lower[after]


def _about_the_subject(c: _Candidate) -> bool:
    """'a talk about scams', 'learning about the signs of abuse', 'concerns about money, a missed visit' (further
    back only across a list): but not 'I think about ending it', nor 'about eleven thousand into the safe account'."""
    lower, w, start = c.t.lower, c.w, c.start
    in_a_list = False
    for i in range(start - 1, max(c.sent_start, start - 8) - 1, -1):
        if lower[i] in w["about"] and (i >= start - 4 or in_a_list):
            return i == c.sent_start or lower[i - 1] not in w["thinking"]
        if lower[i] == COMMA_ID:
            in_a_list = True
        elif lower[i] in w["clause_break"]:
            break
    return False


def _advice_to_you(c: _Candidate) -> bool:
    """Advice to a general "you" ("the bank will never ask you to move money") is not a disclosure."""
    return not c.words.isdisjoint(c.w["second_person"]) and c.words.isdisjoint(c.w["first_person"])


def _habitual(c: _Candidate) -> bool:
    """Habitual wording ("locks my door at night", "every evening") is ongoing harm, not danger this minute."""
    return not c.words.isdisjoint(c.w["habitual"]) and c.words.isdisjoint(c.w["imminent"])


def _not_a_care_visit(c: _Candidate) -> bool:
    """A taxi or an interpreter that did not come, with no carer named near the match."""
    if c.words.isdisjoint(c.w["non_care"]):
        return False
    return not c.w["care_word"].intersection(c.t.lower[max(c.sent_start, c.start - 6) : c.start + 6])


def _topic(c: _Candidate) -> bool:
    return not c.words.isdisjoint(c.w["topic_lemmas"])


def _long_past(c: _Candidate) -> bool:
    """Set long ago, unless it goes on: "years ago I stopped, but I've started again"."""
    return c.words.isdisjoint(c.w["again_or_still"]) and _set_long_ago(c.rules, c.t, c.sent_start, c.sent_end)


def _long_past_nearby(c: _Candidate) -> bool:
    """A past-tense sentence next to one set decades ago ("My father was a violent man. When I was a boy in the
    sixties...") is long past too, unless it says now or still; so is one two sentences before it when the sentence
    between is in the past too ("My father was a violent man. He used his belt on us. That was in the 1960s.")."""
    bounds = c.t.bounds
    if not c.words.isdisjoint(c.w["imminent"]) or c.words.isdisjoint(c.w["was"]) and not _a_span_of_years(c):
        return False
    sentences = len(bounds) - 1
    nearby = [c.sid - 1, c.sid + 1]
    if c.sid + 2 < sentences and not c.rules.sentence_words(c.t, c.sid + 1).isdisjoint(c.w["was"]):
        nearby.append(c.sid + 2)
    return any(
        0 <= other < sentences and _set_long_ago(c.rules, c.t, bounds[other], bounds[other + 1]) for other in nearby
    )


def _a_span_of_years(c: _Candidate) -> bool:
    """ "My first husband hit me for eleven years": a span of years told as over (not "he's hit me for years")."""
    if not c.words.isdisjoint(c.w["ongoing"]):
        return False
    lower = c.t.lower
    for i in range(c.sent_start, c.sent_end - 2):
        if lower[i] == FOR_ID and c.t.flags(i + 1)[_LIKE_NUM] and lower[i + 2] in c.w["ago_units"]:
            return True
    return False


def _harm_to_a_thing(c: _Candidate) -> bool:
    """The harm verb's object is a thing the person uses ("pushing her wheelchair", "kicked his ball"), read from the
    word after the verb's person: "pushed her out of her wheelchair" still counts."""
    lower, w, after = c.t.lower, c.w, c.start + 2
    if after < c.sent_end and lower[after] in w["not_a_person"]:
        return True
    # "and punched the air": a rule whose match starts with the word before the verb reads one word further on
    return after + 1 < c.sent_end and lower[after] in w["determiners"] and lower[after + 1] in w["not_a_person"]


def _explained(c: _Candidate) -> bool:
    """The writer explains it in the same sentence or the next ("she lost two stone. It was on purpose!")."""
    if not c.words.isdisjoint(c.w["explained"]):
        return True
    following = c.sid + 1
    return following < len(c.t.bounds) - 1 and not c.rules.sentence_words(c.t, following).isdisjoint(
        c.w["explained"]
    )


def _cleared(c: _Candidate) -> bool:
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


def _after_a_fall(c: _Candidate) -> bool:
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


def _from_a_knock(c: _Candidate) -> bool:
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


def _nothing_lost(c: _Candidate) -> bool:
    """A later sentence says nothing was lost: "No money left his account", "Not a penny went" (a story about a scam
    tells how it ended last, however long the telling)."""
    lower, w = c.t.lower, c.w
    end = len(lower)
    for i in range(c.sent_end, end - 1):
        if lower[i] in w["neg"] and (lower[i + 1] in w["lost_things"] or lower[i + 1] in w["determiners_a"]
                                     and lower[min(i + 2, end - 1)] in w["lost_things"]):
            return True
    return False


def _said_of_someone_else(c: _Candidate) -> bool:
    """ "He can't go on like this": the writer's view of someone's situation, unless the sentence quotes them ("she
    says she can't go on")."""
    lower, w, start = c.t.lower, c.w, c.start
    return start > c.sent_start and lower[start - 1] in w["third_person"] and w["speech"].isdisjoint(
        lower[c.sent_start : c.sent_end]
    )


def _consented(c: _Candidate) -> bool:
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


def _names_kinds_of_harm(c: _Candidate) -> bool:
    """A sentence listing three or more kinds of harm ("financial abuse, neglect and self-neglect, coercive control")
    is a course, a leaflet or a policy naming them, not a disclosure."""
    return len(c.words & c.w["kinds_of_harm"]) >= 3 and COMMA_ID in c.t.lower[c.sent_start : c.sent_end]


def _urged_on(c: _Candidate) -> bool:
    """ "She pushed me to try one more rep", "pushed me into joining the choir", "pushes me round the garden
    centre": urging someone on, or pushing a wheelchair user along; not "pushed me to the floor" or "into the door"."""
    lower, w, strings = c.t.lower, c.w, c.rules.strings
    after = c.start + 2  # the word after "pushed me"
    if after >= c.sent_end or c.t.lemma[c.start] not in w["pushing_verbs"]:  # "kicked him about" is harm
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


def _wheeled_along(c: _Candidate, after: int) -> bool:
    """In a story that names a wheelchair or a buggy: "pushed me so fast down the slope", "pushed me straight past
    the van"; not "pushed me so hard" nor "straight into the wall"."""
    lower, w = c.t.lower, c.w
    if c.t.words.isdisjoint(w["wheeled_aids"]):
        return False
    while after < c.sent_end and lower[after] in w["pushing_intensifiers"]:
        after += 1
    return after < c.sent_end and lower[after] in w["pushing_ways"]


def _beaten_at_a_game(c: _Candidate) -> bool:
    """"He beats me at chess": winning a game, not harm."""
    return c.t.lower[c.start] in c.w["winning_verbs"] and not c.words.isdisjoint(c.w["games"])


def _robbed_in_a_game(c: _Candidate) -> bool:
    """ "We were robbed in the final": the side that lost says so, of a match, a quiz or a league; "robbed of my
    savings" and "he robbed my purse" are theft wherever they happen."""
    lower, w, i = c.t.lower, c.w, c.start
    if lower[i] not in w["losing_verbs"] or i == c.sent_start or lower[i - 1] not in w["passive_auxiliaries"]:
        return False
    if i + 1 < c.sent_end and lower[i + 1] in w["robbed_of"]:
        return False
    return not c.words.isdisjoint(w["games"])


def _overdose_of_a_thing(c: _Candidate) -> bool:
    """ "an overdose of sunshine", "an overdose of chocolate": of something no one can take too much of."""
    lower, w, i = c.t.lower, c.w, c.start + 1
    if i >= c.sent_end or lower[i] != OF_ID:
        return False
    i += 1
    while i < c.sent_end - 1 and lower[i] in w["some_of"]:
        i += 1
    return i < c.sent_end and lower[i] in w["figurative_overdoses"]


def _wet_from_the_weather(c: _Candidate) -> bool:
    """ "We got soaked at the seaside": wet from rain, the sea or a swim, not left wet."""
    return not c.words.isdisjoint(c.w["weather_wet"])


def _a_name(c: _Candidate) -> bool:
    """"A man named Rob": a capitalised word mid-sentence is someone's name, not the verb."""
    if c.start == c.sent_start:
        return False
    text = c.rules.strings[c.t.orth[c.start]]
    return text[:1].isupper() and not text.isupper()


def _harm_by_a_thing(c: _Candidate) -> bool:
    """ "the sun hurts her eyes", "the cold bit him": a thing, not a person, does the hurting."""
    return c.start > c.sent_start and c.t.lower[c.start - 1] in c.w["things_that_hurt"]


def _an_everyday_task(c: _Candidate) -> bool:
    """ "I cut myself shaving", "an electric razor", "burnt my hand on the oven": a cut or burn from a task or tool of
    everyday life, which the sentence names."""
    return not c.words.isdisjoint(c.w["everyday_tasks"])


def _done_to_oneself(c: _Candidate) -> bool:
    """ "I do the scratching on my arms": the writer does it to their own body; harm by someone else needs another
    actor (self-harm is its own rule)."""
    lower, w, i = c.t.lower, c.w, c.start
    before, after = lower[max(c.sent_start, i - 3) : i + 1], lower[i : min(c.sent_end, i + 8)]
    return not w["self_subject"].isdisjoint(before) and not w["self_possessive"].isdisjoint(after)


def _needs_a_habit(c: _Candidate) -> bool:
    """A hurt the writer does to their own body is self-harm when it keeps happening ("again", "every time",
    "whenever"); once, it is an accident ("I hit my head on the shelf")."""
    return c.words.isdisjoint(c.w["habit_words"])


def _in_a_sport(c: _Candidate) -> bool:
    """ "caught me with a punch in sparring", "tackled in the rugby": a knock in a sport, named in the sentence or
    the one before."""
    if not c.words.isdisjoint(c.w["sports"]):
        return True
    return c.sid > 0 and not c.rules.sentence_words(c.t, c.sid - 1).isdisjoint(c.w["sports"])


def _needs_a_body(c: _Candidate) -> bool:
    """ "he gripped my wrist and it went purple": a colour is a mark of harm only beside a body or a harm."""
    if not c.words.isdisjoint(c.w["body_or_harm"]):
        return False
    return c.sid == 0 or c.rules.sentence_words(c.t, c.sid - 1).isdisjoint(c.w["body_or_harm"])


def _said_as_a_word(c: _Candidate) -> bool:
    """ "not to flinch at the word 'suicide'": the word itself is being talked about."""
    lower, i = c.t.lower, c.start - 1
    while i > c.sent_start and lower[i] in c.w["quote_marks"]:
        i -= 1
    return i >= c.sent_start and lower[i] in c.w["word_nouns"]


def _scam_foiled(c: _Candidate) -> bool:
    """ "he spotted a text pretending to be from the bank and we reported it": a scam seen through, with nothing
    lost; "they took £2,000 and I reported it" is still a concern."""
    return not c.words.isdisjoint(c.w["foiled_words"]) and c.words.isdisjoint(c.w["loss_words"])


def _needs_an_aid(c: _Candidate) -> bool:
    return c.words.isdisjoint(c.w["personal_aids"])


def _past_tense(c: _Candidate) -> bool:
    return not c.words.isdisjoint(c.w["past_tense"]) and NOW_ID not in c.words


def _needs_a_negation(c: _Candidate) -> bool:
    return c.words.isdisjoint(c.w["neg"])


def _needs_a_medicine(c: _Candidate) -> bool:
    return c.words.isdisjoint(c.w["medicines"])


# Each filter says whether to drop a match; the rules file names the ones that apply to each rule. Cheapest first.
FILTERS: dict[str, Callable[[_Candidate], bool]] = {
    "negated": _negated,
    "hypothetical": _hypothetical,
    "needs_a_negation": _needs_a_negation,
    "needs_a_medicine": _needs_a_medicine,
    "about_the_subject": _about_the_subject,
    "advice_to_you": _advice_to_you,
    "habitual": _habitual,
    "not_a_care_visit": _not_a_care_visit,
    "topic": _topic,
    "long_past": _long_past,
    "long_past_nearby": _long_past_nearby,
    "past_tense": _past_tense,
    "harm_to_a_thing": _harm_to_a_thing,
    "explained": _explained,
    "cleared": _cleared,
    "urged_on": _urged_on,
    "beaten_at_a_game": _beaten_at_a_game,
    "robbed_in_a_game": _robbed_in_a_game,
    "needs_an_aid": _needs_an_aid,
    "a_name": _a_name,
    "harm_by_a_thing": _harm_by_a_thing,
    "overdose_of_a_thing": _overdose_of_a_thing,
    "wet_from_the_weather": _wet_from_the_weather,
    "an_everyday_task": _an_everyday_task,
    "done_to_oneself": _done_to_oneself,
    "needs_a_habit": _needs_a_habit,
    "in_a_sport": _in_a_sport,
    "said_as_a_word": _said_as_a_word,
    "scam_foiled": _scam_foiled,
    "needs_a_body": _needs_a_body,
    "after_a_fall": _after_a_fall,
    "consented": _consented,
    "names_kinds_of_harm": _names_kinds_of_harm,
    "from_a_knock": _from_a_knock,
    "nothing_lost": _nothing_lost,
    "said_of_someone_else": _said_of_someone_else,
}
# The word lists the code reads by name; the rules file must define them.
CODE_WORDS = (
    "neg", "would", "clause_break", "hypothetical", "conditional", "about", "thinking", "second_person",
    "first_person", "habitual", "imminent", "non_care", "care_word", "topic_lemmas", "was", "past_tense",
    "medicines", "past_markers", "ago_units", "youth_words", "youth_cue", "non_family_abusers", "domestic",
    "possessor", "contact_verb", "apostrophe_s", "child", "speech", "same_sentence_only", "regex_triggers",
    "not_a_person", "explained", "again_or_still", "games", "winning_verbs", "personal_aids",
    "things_that_hurt", "partnership", "we_or_i", "some_of", "figurative_overdoses", "kin_adjectives", "determiners",
    "weather_wet", "cleared", "reveal_verbs", "subject_pronouns", "units", "along_words", "pushing_verbs",
    "losing_verbs", "passive_auxiliaries", "robbed_of", "ages_in_words", "everyday_tasks", "self_subject",
    "self_possessive", "habit_words", "last_words", "explained_by", "sports", "quote_marks", "word_nouns",
    "foiled_words", "loss_words", "ongoing", "body_or_harm", "fall_words", "not_a_fall", "consent_nouns",
    "asking_verbs", "asked_persons", "ends", "kinds_of_harm", "wheeled_aids", "pushing_intensifiers", "pushing_ways",
    "knock_things", "lost_things", "third_person", "determiners_a", "openly_words",
)  # fmt: skip


def _set_long_ago(rules: SafeguardingRules, t: _Tokens, begin: int, end: int) -> bool:
    lower, w = t.lower, rules.words
    if not w["past_markers"].isdisjoint(lower[begin:end]):
        return True
    for i in range(begin, end):
        word = lower[i]
        if word == AGO_ID and not w["ago_units"].isdisjoint(lower[max(begin, i - 3) : i]):
            return True
        # "it's been nine years since the last time": a time since it last happened
        if word == SINCE_ID and i > begin and lower[i - 1] in w["ago_units"] \
                and not w["last_words"].isdisjoint(lower[i + 1 : min(end, i + 4)]):
            return True
        if word in w["youth_words"] and not w["youth_cue"].isdisjoint(lower[max(begin, i - 3) : i]):
            return True
    return any(_a_time_long_ago(rules, t, begin, i) for i in range(begin, end))


def _a_time_long_ago(rules: SafeguardingRules, t: _Tokens, begin: int, i: int) -> bool:
    """Token i is a year at least the rules file's long_ago_years before today ("in 2009", not "since 2009"), an age
    then ("when I was 22") or a decade of the last century ("the 1960s")."""
    text = rules.strings[t.orth[i]]
    if t.flags(i)[_LIKE_NUM]:
        if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= date.today().year - rules.rulebook.long_ago_years:
            return i == begin or t.lower[i - 1] != SINCE_ID  # "since 2009" goes on
        return _an_age_then(t, rules.words, begin, i, text)
    return len(text) == 5 and text.startswith("19") and text[2:4].isdigit() and text.endswith("0s")


def _an_age_then(t: _Tokens, w: dict, begin: int, i: int, text: str) -> bool:
    """ "when I was 22", "when he was 13": an age the person was at the time, so not now."""
    lower = t.lower
    if not (text.isdigit() or lower[i] in w["ages_in_words"]) or i - 3 < begin or lower[i - 3] != WHEN_ID:
        return False
    if i + 1 < len(lower) and lower[i + 1] in w["units"]:  # "when she was 20 minutes late"
        return False
    return lower[i - 1] in w["youth_cue"] and lower[i - 2] in w["subject_pronouns"]


def _is_domestic(rules: SafeguardingRules, t: _Tokens, sid: int, start: int | None = None) -> bool:
    """A partner or family member ("my son", "her husband", "we've been married") named in the harm's sentence or
    the two before it; or, further back, the last person named before the harm is family ("My grandson lives with
    me. ... He takes my pension."), with no carer, neighbour or other non-family person named in between. In the
    harm's own sentence (from `start`, where the match begins) only a person named before the harm is the one doing
    it: "the carer shoved me", not "she tells me I've got another woman"."""
    bounds = t.bounds
    if _names_non_family(rules, t, bounds[sid], bounds[sid + 1] if start is None else start + 1):
        return False
    if any(_names_family(rules, t, other, sid) for other in range(max(0, sid - 2), sid + 1)):
        return True
    for other in range(sid - 1, -1, -1):
        if other < sid - 2 and _names_family(rules, t, other, sid):
            return True
        if _names_non_family(rules, t, bounds[other], bounds[other + 1]):
            return False
    return False


def _names_non_family(rules: SafeguardingRules, t: _Tokens, begin: int, end: int) -> bool:
    """A carer, neighbour or other non-family person named between begin and end, other than one the writer only
    told or rang ("I told the nurse I'd walked into the cupboard")."""
    lower, w = t.lower, rules.words
    if w["non_family_abusers"].isdisjoint(lower[begin:end]):
        return False
    return any(
        lower[i] in w["non_family_abusers"] and w["contact_verb"].isdisjoint(lower[max(begin, i - 2) : i])
        for i in range(begin, end)
    )


def _names_family(rules: SafeguardingRules, t: _Tokens, other: int, sid: int) -> bool:
    """Sentence `other` names someone's partner or family member (for a harm told in sentence `sid`)."""
    lower, bounds, w, strings = t.lower, t.bounds, rules.words, rules.strings
    n = len(lower)
    for i in range(bounds[other], bounds[other + 1]):
        word = lower[i]
        if word in w["partnership"] and not w["we_or_i"].isdisjoint(lower[bounds[other] : i]):
            return True  # "we've been married fifty years", "me and Errol got married in 1970"
        if word not in w["domestic"] and not strings[word].startswith("ex-"):
            continue
        before = i - 2 if i > 1 and lower[i - 1] in w["kin_adjectives"] else i - 1  # "my older sister"
        if before < 0 or lower[before] not in w["possessor"]:
            continue
        if before > 0 and lower[before - 1] in w["contact_verb"]:  # "so I couldn't ring my son": not the abuser
            continue
        nxt = lower[i + 1] if i + 1 < n else None
        if nxt is not None and nxt in w["apostrophe_s"] and word not in w["child"]:
            continue
        if nxt is not None and nxt in w["speech"]:
            continue
        in_law = i + 2 < n and lower[i + 2] == IN_ID  # "my daughter-in-law"
        if word in w["same_sentence_only"] and other != sid and not in_law:
            continue
        return True
    return False

