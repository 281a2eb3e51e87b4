"""Whether a match is only talk about harm, not a disclosure of it.

Negated ("I would never hurt myself"), hypothetical ("if he ever hit me"), advice to a general "you", habitual,
a topic ("learning about abuse"), said as a word, or not in the past tense a rule needs.
"""

from __future__ import annotations

from .candidate import COMMA_ID, NOW_ID, Candidate


def negated(c: Candidate) -> bool:
    """A negation just before the match, in the same clause: "I said no and he took my purse" is a disclosure."""
    lower, w, start = c.t.lower, c.w, c.start
    for i in range(start - 1, max(c.sent_start, start - 4) - 1, -1):
        word = lower[i]
        if word in w["clause_break"]:
            return False
        if word in w["neg"] or word in w["would"] and i < start - 1:
            return True
    return False


def hypothetical(c: Candidate) -> bool:
    lower, w, start = c.t.lower, c.w, c.start
    return _if_in_the_clause(c) or any(
        lower[i] in w["conditional"] and not _past_perfect(c, i) for i in range(max(c.sent_start, start - 3), start)
    )


def _if_in_the_clause(c: Candidate) -> bool:
    """ "if", "imagine", "might" earlier in the match's own clause ("if he ever hit me"); not in a clause before it
    ("I asked him if he was all right and he went quiet")."""
    lower, w = c.t.lower, c.w
    for i in range(c.start - 1, c.sent_start - 1, -1):
        if lower[i] in w["hypothetical"]:
            return True
        if lower[i] in w["clause_break"] and lower[i] not in w["hypothetical"]:
            return False
    return False


def _past_perfect(c: Candidate, i: int) -> bool:
    """"she'd been", "he'd (not) left": the verb after the "'d" is an inflected form, so it is the past, not "she'd
    do"."""
    lower, lemma, w = c.t.lower, c.t.lemma, c.w
    after = i + 1
    while after < c.sent_end - 1 and lower[after] in w["neg"]:
        after += 1
    return lemma[after] != lower[after]


def about_the_subject(c: Candidate) -> bool:
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


def advice_to_you(c: Candidate) -> bool:
    """Advice to a general "you" ("the bank will never ask you to move money") is not a disclosure."""
    return not c.words.isdisjoint(c.w["second_person"]) and c.words.isdisjoint(c.w["first_person"])


def habitual(c: Candidate) -> bool:
    """Habitual wording ("locks my door at night", "every evening") is ongoing harm, not danger this minute; "last
    night" is one night."""
    if c.words.isdisjoint(c.w["habitual"]) or not c.words.isdisjoint(c.w["imminent"]):
        return False
    lower, w = c.t.lower, c.w
    return any(lower[i] in w["habitual"] and not (i > c.sent_start and lower[i - 1] in w["one_night"])
               for i in range(c.sent_start, c.sent_end))


def not_a_care_visit(c: Candidate) -> bool:
    """A taxi or an interpreter that did not come, with no carer named near the match."""
    if c.words.isdisjoint(c.w["non_care"]):
        return False
    return not c.w["care_word"].intersection(c.t.lower[max(c.sent_start, c.start - 6) : c.start + 6])


def topic(c: Candidate) -> bool:
    return not c.words.isdisjoint(c.w["topic_lemmas"])


def said_as_a_word(c: Candidate) -> bool:
    """ "not to flinch at the word 'suicide'": the word itself is being talked about."""
    lower, i = c.t.lower, c.start - 1
    while i > c.sent_start and lower[i] in c.w["quote_marks"]:
        i -= 1
    return i >= c.sent_start and lower[i] in c.w["word_nouns"]


def past_tense(c: Candidate) -> bool:
    return not c.words.isdisjoint(c.w["past_tense"]) and NOW_ID not in c.words


def needs_a_negation(c: Candidate) -> bool:
    return c.words.isdisjoint(c.w["neg"])


def by_the_writer(c: Candidate) -> bool:
    """ "I've called him a few names under my breath": the writer does it to someone else, so it is no disclosure of
    harm to them ("I was called names" is: the word before the verb is not "I")."""
    lower, w, i = c.t.lower, c.w, c.start
    before = lower[max(c.sent_start, i - 2) : i]
    return not w["self_subject"].isdisjoint(before) and i + 1 < c.sent_end and lower[i + 1] in w["third_person_objects"]


def worry_for_them(c: Candidate) -> bool:
    """ "I was scared he would be alone", "frightened she'll be lonely": a worry for someone, not fear of them."""
    lower, w = c.t.lower, c.w
    for i in range(c.start + 2, min(c.sent_end, c.start + 8)):
        if lower[i] in w["worry_states"]:
            return True
    return False
