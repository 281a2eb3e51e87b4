"""Whether harm is domestic: a family member or partner named as the one harming, reading back past the
sentences before to the last person named and stopping at a carer or another non-family person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rule_tokens import _Tokens
from .candidate import IN_ID

if TYPE_CHECKING:
    from ..safeguarding_matcher import SafeguardingRules


def is_domestic(rules: SafeguardingRules, t: _Tokens, sid: int, start: int | None = None) -> bool:
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
