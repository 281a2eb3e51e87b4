"""Whether the harm a match tells of is long past: "years ago", "when I was a girl", "in 1974", "for ten years".

Harm told of only long ago raises no concern now, but keeps its content warning (content_warnings.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..rule_tokens import _LIKE_NUM, _Tokens
from .candidate import AGO_ID, FOR_ID, SINCE_ID, WHEN_ID, Candidate

if TYPE_CHECKING:
    from ..safeguarding_matcher import SafeguardingRules


def long_past(c: Candidate) -> bool:
    """Set long ago, unless it goes on: "years ago I stopped, but I've started again"."""
    return c.words.isdisjoint(c.w["again_or_still"]) and _set_long_ago(c.rules, c.t, c.sent_start, c.sent_end)


def long_past_nearby(c: Candidate) -> bool:
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


def _a_span_of_years(c: Candidate) -> bool:
    """ "My first husband hit me for eleven years": a span of years told as over (not "he's hit me for years")."""
    if not c.words.isdisjoint(c.w["ongoing"]):
        return False
    lower = c.t.lower
    for i in range(c.sent_start, c.sent_end - 2):
        if lower[i] == FOR_ID and c.t.flags(i + 1)[_LIKE_NUM] and lower[i + 2] in c.w["ago_units"]:
            return True
    return False


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
