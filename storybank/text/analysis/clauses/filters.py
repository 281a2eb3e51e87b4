"""The filters a safeguarding rule may name, and the word lists the code reads by name.

The code side of rules/safeguarding.yaml's schema: the rules file names the filters each rule uses, and must
define every word list in CODE_WORDS.
"""

from __future__ import annotations

from collections.abc import Callable

from .candidate import Candidate
from .long_ago import long_past, long_past_nearby
from .senses import (
    a_name,
    after_a_fall,
    an_everyday_task,
    beaten_at_a_game,
    by_an_encourager,
    came_late,
    cleared,
    consented,
    done_to_oneself,
    explained,
    from_a_knock,
    harm_by_a_thing,
    harm_to_a_thing,
    healing,
    in_a_sport,
    names_kinds_of_harm,
    needs_a_body,
    needs_a_habit,
    needs_a_medicine,
    needs_an_aid,
    nothing_lost,
    overdose_of_a_thing,
    robbed_in_a_game,
    said_of_someone_else,
    scam_foiled,
    urged_on,
    wet_from_the_weather,
)
from .talk import (
    about_the_subject,
    advice_to_you,
    by_the_writer,
    habitual,
    hypothetical,
    needs_a_negation,
    negated,
    not_a_care_visit,
    past_tense,
    said_as_a_word,
    topic,
    worry_for_them,
)

# Each filter says whether to drop a match; the rules file names the ones that apply to each rule. Cheapest first.
FILTERS: dict[str, Callable[[Candidate], bool]] = {
    "negated": negated,
    "hypothetical": hypothetical,
    "needs_a_negation": needs_a_negation,
    "needs_a_medicine": needs_a_medicine,
    "about_the_subject": about_the_subject,
    "advice_to_you": advice_to_you,
    "habitual": habitual,
    "not_a_care_visit": not_a_care_visit,
    "topic": topic,
    "long_past": long_past,
    "long_past_nearby": long_past_nearby,
    "past_tense": past_tense,
    "harm_to_a_thing": harm_to_a_thing,
    "explained": explained,
    "cleared": cleared,
    "urged_on": urged_on,
    "beaten_at_a_game": beaten_at_a_game,
    "robbed_in_a_game": robbed_in_a_game,
    "needs_an_aid": needs_an_aid,
    "a_name": a_name,
    "harm_by_a_thing": harm_by_a_thing,
    "overdose_of_a_thing": overdose_of_a_thing,
    "wet_from_the_weather": wet_from_the_weather,
    "an_everyday_task": an_everyday_task,
    "done_to_oneself": done_to_oneself,
    "needs_a_habit": needs_a_habit,
    "in_a_sport": in_a_sport,
    "said_as_a_word": said_as_a_word,
    "scam_foiled": scam_foiled,
    "needs_a_body": needs_a_body,
    "after_a_fall": after_a_fall,
    "consented": consented,
    "names_kinds_of_harm": names_kinds_of_harm,
    "from_a_knock": from_a_knock,
    "nothing_lost": nothing_lost,
    "said_of_someone_else": said_of_someone_else,
    "healing": healing,
    "by_the_writer": by_the_writer,
    "by_an_encourager": by_an_encourager,
    "worry_for_them": worry_for_them,
    "came_late": came_late,
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
    "knock_things", "lost_things", "third_person", "determiners_a", "openly_words", "encouragers", "pushed_where",
    "third_person_objects", "healing_words", "worry_states", "clock_words", "late_fillers",
    "until_words", "one_night",
)  # fmt: skip
