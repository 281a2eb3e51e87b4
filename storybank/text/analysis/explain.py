"""Why the analysis said what it said about a text: for `flask analysis explain TEXT`.

Every safeguarding rule that matched (its id, category, the words it matched and its reason), whether it raised a
concern or which filter dropped it; the concerns raised, each traced to a rule or to the learned check; and the
personal details suggested for redaction with their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from .learned import COMPONENT, MIN_WORDS, SIGNALS, THRESHOLD
from .models import Finding, SafeguardingSignal
from .pipeline import get_pipeline
from .recase import read_as_written
from .safeguarding import RuleTrace, find_safeguarding


@dataclass(frozen=True)
class RuleMatch:
    trace: RuleTrace
    words: str
    sentence: str


@dataclass(frozen=True)
class Explanation:
    rules_file: str
    rules_version: int
    matches: tuple[RuleMatch, ...]
    concerns: tuple[tuple[SafeguardingSignal, str], ...]  # each concern and what raised it
    findings: tuple[Finding, ...]
    learned_scores: dict[str, float]  # the learned check's score per category (empty when it is not installed)
    words: int
    learned_thresholds: dict[str, float]  # the score from which it raises each category (learned_safeguarding/)
    recased: bool = False  # written all in capitals, so read as if in ordinary case (recase.py)


def explain(text: str, model: str | None = None) -> Explanation:
    nlp = get_pipeline(model)
    read = read_as_written(text)
    doc = nlp(read)
    rules = nlp.get_pipe("storybank_safeguarding").matcher
    trace: list[RuleTrace] = []
    find_safeguarding(doc, rules, trace=trace)
    matches = tuple(RuleMatch(t, doc[t.start : t.end].text, doc[t.start].sent.text.strip()) for t in trace)
    raised: dict = {}  # the rules kept for each category and sentence, in order (warning signs too)
    for m in matches:
        if m.trace.dropped_by is None and not m.trace.duplicate:
            raised.setdefault((m.trace.rule.category, m.sentence), []).append(m.trace.rule)
    domestic_reason = rules.rulebook.domestic_abuse_reason
    concerns = [(signal, concern_source(signal, raised, domestic_reason)) for signal in doc._.sb_safeguarding or ()]
    scores = nlp.get_pipe(COMPONENT).scores(doc) if COMPONENT in nlp.pipe_names else doc.cats
    learned = nlp.get_pipe(SIGNALS) if SIGNALS in nlp.pipe_names else None
    return Explanation(
        rules_file=rules.rulebook.path.name,
        rules_version=rules.rulebook.version,
        matches=matches,
        concerns=tuple(concerns),
        findings=tuple(doc._.sb_findings or ()),
        learned_scores={category: round(float(score), 3) for category, score in sorted(scores.items())},
        words=len(doc),
        learned_thresholds=dict(learned.thresholds) if learned is not None else {},
        recased=read is not text,
    )


LEARNED_SOURCE = "the learned check (a guess from stories worded like this one, not a rule)"


def concern_source(signal: SafeguardingSignal, raised: dict, domestic_reason: str) -> str:
    """What raised a concern, read from its reason as well as its sentence (`raised`: the rules kept for each
    category and sentence): a warning sign kept in a sentence raises nothing alone, so the learned check's concern on
    that sentence is the learned check's."""
    def raising(category: str, reason: str):
        for rule in raised.get((category, signal.sentence_text), ()):
            if rule.sign is None and reason == f"This sentence {rule.reason}.":
                return rule
            if rule.sign is not None and reason.startswith(f"This sentence {rule.reason}, and the story also"):
                return rule
        return None

    if signal.category == "domestic_abuse":
        rules = raised.get(("abuse", signal.sentence_text), ())
        if signal.reason == domestic_reason and rules:
            return f"the domestic abuse check on rule {rules[0].id} (a partner or family member named near the harm)"
        return LEARNED_SOURCE
    rule = raising(signal.category, signal.reason)
    if rule is None:
        return LEARNED_SOURCE
    return f"rule {rule.id}" if rule.sign is None else f"warning signs, the first found by rule {rule.id}"


def format_explanation(explanation: Explanation) -> str:
    """Plain lines for a terminal."""
    lines = [f"Safeguarding rules: {explanation.rules_file}, version {explanation.rules_version}"]
    if explanation.recased:
        lines.insert(0, "Written all in capitals: read as if written in ordinary case (the words below are as read).")
    if not explanation.matches:
        lines.append("  No rule matched.")
    for match in explanation.matches:
        rule, trace = match.trace.rule, match.trace
        lines.append(f"  {rule.id} ({rule.category}) matched {match.words!r}")
        lines.append(f"    in: {match.sentence}")
        lines.append(f"    reason: this sentence {rule.reason}")
        if trace.dropped_by is not None:
            lines.append(f"    dropped by the filter {trace.dropped_by!r}")
        elif rule.sign is not None:
            lines.append(f"    kept as a warning sign ({rule.sign}): it raises a concern only with other, different "
                         "signs in the story")
        elif trace.duplicate:
            lines.append(f"    kept, but an earlier rule already raised {rule.category} for this sentence")
        else:
            lines.append("    kept")
    lines.append("Concerns raised:" if explanation.concerns else "Concerns raised: none")
    for signal, source in explanation.concerns:
        lines.append(f"  {signal.category}: {signal.sentence_text}")
        lines.append(f"    by {source}")
        lines.append(f"    reason: {signal.reason}")
    if explanation.learned_scores:
        lines.append(
            "Learned check (raises a category the rules did not when its score reaches that category's threshold, "
            f"on stories of {MIN_WORDS} words or more; this text has {explanation.words}):"
        )
        lines += [f"  {category}: {score} (threshold {explanation.learned_thresholds.get(category, THRESHOLD)})"
                  for category, score in explanation.learned_scores.items()]
    lines.append("Personal details suggested for redaction:" if explanation.findings else
                 "Personal details suggested for redaction: none")  # fmt: skip
    for finding in explanation.findings:
        lines.append(f"  {finding.label} {finding.text!r} at {finding.start}-{finding.end}: {finding.reason}")
    return "\n".join(lines)
