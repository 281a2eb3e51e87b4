"""Safeguarding signals: sentences that read as a disclosure of harm happening now or recently.

The rules are data: rules/safeguarding.yaml holds each rule's spaCy Matcher pattern over lemmas, its category,
reason and filters, and the shared word lists (checked by rulebook.py). Here they are compiled to fast matchers,
and a match is dropped when one of its rule's filters (FILTERS) says it is only talk about the subject: negated
("I would never hurt myself"), hypothetical ("if he ever hit me"), about training, or long in the past.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .clauses import CODE_WORDS, FILTERS, Candidate, is_domestic
from .models import SafeguardingSignal
from .rule_tokens import _Tokens
from .rulebook import Rule
from .safeguarding_matcher import SafeguardingRules, build_safeguarding_matcher, safeguarding_rulebook
from .tokens import doc_text

__all__ = ["CODE_WORDS", "FILTERS", "RuleTrace", "SafeguardingRules", "_Tokens", "build_safeguarding_matcher",
           "find_safeguarding", "safeguarding_rulebook"]


@dataclass(frozen=True)
class RuleTrace:
    """One rule match and what became of it, for `flask analysis explain`."""

    rule: Rule
    sentence: int
    start: int
    end: int
    dropped_by: str | None  # the filter that dropped it; None when it raised (or joined) a concern
    duplicate: bool = False  # an earlier rule already raised this category for the sentence


_TOLD_LONG_AGO = (FILTERS["long_past"], FILTERS["long_past_nearby"])


def find_safeguarding(  # noqa: C901
    doc: Doc, rules: SafeguardingRules, trace: list[RuleTrace] | None = None, long_ago: set[str] | None = None
) -> list[SafeguardingSignal]:
    """Concerns per sentence and category. With `trace`, every match of every rule is recorded there, dropped or
    not (slower: each match is checked by every filter and its end is found). With `long_ago`, the categories of
    harm the story tells of only in the long past are added to it: no concern now, but a reader may want a content
    warning."""
    t = rules.tokens(doc)
    if t is None:
        return []
    matches = rules.matches(t)
    if not matches:
        return []
    specs, filters = rules.specs, rules.filters
    hits: dict[tuple[str, int], tuple[int, str]] = {}
    signs: dict[str, dict[str, tuple[int, int]]] = {}  # category: {sign: (rule index, sentence)}, first of each
    starts: dict[tuple[str, int], int] = {}  # where each rule hit's match begins (for the domestic check)
    for index, start, sid in matches:
        rule = specs[index]
        key = (rule.category, sid)
        if rule.sign is None and key in hits and trace is None:
            continue
        candidate = Candidate(rules, t, sid, start)
        dropped = next((f for f in filters[index] if f(candidate)), None)
        if trace is not None:
            end = rules.rules[index].match_end(t, start, t.bounds[sid + 1])
            name = None if dropped is None else dropped.__name__.lstrip("_")
            trace.append(RuleTrace(rule, sid, start, end, name, duplicate=rule.sign is None and key in hits))
        if dropped is not None:
            if long_ago is not None and dropped in _TOLD_LONG_AGO and rule.sign is None:
                if not any(f(candidate) for f in filters[index] if f not in _TOLD_LONG_AGO):
                    long_ago.add(rule.category)
            continue
        if rule.sign is not None:
            signs.setdefault(rule.category, {}).setdefault(rule.sign, (index, sid))
        elif key not in hits:
            hits[key] = (index, f"This sentence {rule.reason}.")
            starts[key] = start
    _raise_warning_signs(signs, hits, specs, rules.rulebook.warning_signs_needed)
    categories = {c for c, _ in hits}
    # Danger now is a concern beside another one, or on its own when enough different kinds of its warning signs are
    # there (danger_signs_alone: the small hours, nobody coming, out in the cold, down and unable to get up): a
    # person with dementia out alone on a freezing night.
    danger_alone = len(signs.get("immediate_danger", ())) >= rules.rulebook.danger_signs_alone
    if categories <= {"immediate_danger"} and not danger_alone:
        return []
    if "immediate_danger" in categories and not categories & {"abuse", "neglect", "self_harm"} and not danger_alone:
        hits = {k: v for k, v in hits.items() if k[0] != "immediate_danger"}
    for key, (index, _reason) in list(hits.items()):
        sid = key[1]
        if specs[index].domestic_check and is_domestic(rules, t, sid, starts.get(key)):
            hits.setdefault(("domestic_abuse", sid), (index, rules.rulebook.domestic_abuse_reason))
    signals = []
    bounds = t.bounds
    text = doc_text(doc)
    for (category, sid), (_index, reason) in hits.items():
        sent = doc[bounds[sid] : bounds[sid + 1]]
        # The sentence's text is the doc's text between its ends: no Token per word to join (Span.text).
        sentence = text[sent.start_char : sent.end_char]
        signals.append(SafeguardingSignal(category, sent.start_char, sent.end_char, sentence.strip(), reason))
    return sorted(signals, key=lambda s: (s.sentence_start, s.category))


def _raise_warning_signs(
    signs: dict[str, dict[str, tuple[int, int]]], hits: dict, specs: tuple[Rule, ...], needed: int
) -> None:
    """Several different warning signs in one story (a note left, things given away, a bridge) raise their category
    at the first sign's sentence, when no rule raised it; one sign alone is an ordinary sentence."""
    for category, found in signs.items():
        if len(found) < needed or any(c == category for c, _ in hits):
            continue
        (index, sid), *others = sorted(found.values(), key=lambda hit: hit[1])
        also = [specs[other].reason for other, _ in others]
        also_text = ", ".join(also[:-1]) + (" and " if len(also) > 1 else "") + also[-1]
        hits[(category, sid)] = (
            index,
            f"This sentence {specs[index].reason}, and the story also {also_text}: together these can be warning "
            "signs.",
        )
