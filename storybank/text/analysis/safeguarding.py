"""Safeguarding signals: sentences that read as a disclosure of harm happening now or recently.

The rules are data: rules/safeguarding.yaml holds each rule's spaCy Matcher pattern over lemmas, its category,
reason and filters, and the shared word lists (checked by rulebook.py). Here they are compiled to fast matchers,
and a match is dropped when one of its rule's filters (FILTERS) says it is only talk about the subject: negated
("I would never hurt myself"), hypothetical ("if he ever hit me"), about training, or long in the past.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .clauses import CODE_WORDS, FILTERS, _Candidate, _is_domestic
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


def find_safeguarding(  # noqa: C901
    doc: Doc, rules: SafeguardingRules, trace: list[RuleTrace] | None = None
) -> list[SafeguardingSignal]:
    """Concerns per sentence and category. With `trace`, every match of every rule is recorded there, dropped or
    not (slower: each match is checked by every filter and its end is found)."""
    t = rules.tokens(doc)
    if t is None:
        return []
    matches = rules.matches(t)
    if not matches:
        return []
    specs, filters = rules.specs, rules.filters
    hits: dict[tuple[str, int], tuple[int, str]] = {}
    for index, start, sid in matches:
        rule = specs[index]
        key = (rule.category, sid)
        if key in hits and trace is None:
            continue
        candidate = _Candidate(rules, t, sid, start)
        dropped = next((f for f in filters[index] if f(candidate)), None)
        if trace is not None:
            end = rules.rules[index].match_end(t, start, t.bounds[sid + 1])
            name = None if dropped is None else dropped.__name__.lstrip("_")
            trace.append(RuleTrace(rule, sid, start, end, name, duplicate=key in hits))
        if dropped is None and key not in hits:
            hits[key] = (index, f"This sentence {rule.reason}.")
    categories = {c for c, _ in hits}
    if categories <= {"immediate_danger"}:
        return []
    if "immediate_danger" in categories and not categories & {"abuse", "neglect", "self_harm"}:
        hits = {k: v for k, v in hits.items() if k[0] != "immediate_danger"}
    for (_category, sid), (index, _reason) in list(hits.items()):
        if specs[index].domestic_check and _is_domestic(rules, t, sid):
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
