"""Safeguarding signals: sentences that read as a disclosure of harm happening now or recently.

The rules are data: rules/safeguarding.yaml holds each rule's spaCy Matcher pattern over lemmas, its category,
reason and filters, and the shared word lists (checked by rulebook.py). Here they are compiled to fast matchers,
and a match is dropped when one of its rule's filters (FILTERS) says it is only talk about the subject: negated
("I would never hurt myself"), hypothetical ("if he ever hit me"), about training, or long in the past.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .lexicon import lower_prob
from .models import SafeguardingSignal
from .rulebook import SAFEGUARDING_FILE, Rule, Rulebook, RulebookError, cached_rulebook
from .tokens import doc_orths, sentence_starts


def _anchor_values(pattern: list[dict], regex_triggers: Iterable[str]) -> list[str]:
    """The rarest required token of a rule: a sentence without one of its words cannot match the rule."""
    best: list[str] = []
    best_score = float("inf")
    for spec in pattern:
        if spec.get("OP") not in (None, "1", "+"):
            continue
        values: list[str] = []
        for key in ("LEMMA", "LOWER"):
            value = spec.get(key)
            if isinstance(value, str):
                values.append(value)
            elif isinstance(value, dict) and "IN" in value:
                values.extend(value["IN"])
            elif isinstance(value, dict) and "REGEX" in value:
                values.extend(v for v in regex_triggers if re.match(value["REGEX"], v))
        if not values:
            continue
        score = sum(10 ** lower_prob(v) for v in values)
        if score < best_score:
            best, best_score = values, score
    return best


_LEMMA, _LOWER = 0, 1
_ALPHA, _PUNCT, _LIKE_NUM = 0, 1, 2
_QUANTIFIER_RE = re.compile(r"\{(\d+),(\d+)\}")


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


class _Tokens:
    """One doc's token attributes as plain lists of ints, read with doc.to_array (no Token objects).

    Lexeme flags (IS_ALPHA, IS_PUNCT, LIKE_NUM) come from a cache per word id shared across docs.
    """

    __slots__ = ("doc", "cols", "lemma", "lower", "orth", "starts", "bounds", "lemma_sets", "_flags", "_vocab")

    def __init__(self, doc: Doc, lemma: list[int], lower: list[int], flags: dict[int, tuple[int, ...]]) -> None:
        self.doc = doc
        self.lemma, self.lower = lemma, lower
        self.cols = (lemma, lower)
        self.orth = doc_orths(doc)
        starts = numpy.flatnonzero(sentence_starts(doc) == 1).tolist()
        if not starts or starts[0] != 0:
            starts = [0, *starts]
        self.starts = starts
        self.bounds = [*starts, len(doc)]
        self.lemma_sets: dict[int, frozenset[int]] = {}
        self._flags = flags
        self._vocab = doc.vocab

    def flags(self, i: int) -> tuple[int, ...]:
        """(IS_ALPHA, IS_PUNCT, LIKE_NUM) of token i."""
        orth = self.orth[i]
        found = self._flags.get(orth)
        if found is None:
            lex = self._vocab[orth]
            found = self._flags[orth] = (int(lex.is_alpha), int(lex.is_punct), int(lex.like_num))
        return found


Test = Callable[[_Tokens, int], bool]


def _spec_words(spec: dict) -> list[tuple[int, list[str]]]:
    """(column, words) for each LEMMA or LOWER condition of a spec given as a string or an IN list."""
    found = []
    for name, col in (("LEMMA", _LEMMA), ("LOWER", _LOWER)):
        value = spec.get(name)
        words = [value] if isinstance(value, str) else (value or {}).get("IN")
        if words:
            found.append((col, list(words)))
    return found


class _Rule:
    """A Matcher pattern compiled to Python tests over _Tokens, for the few sentences that hold its anchor.

    spaCy's Matcher runs "IN" lists as Python predicates token by token; these rules run only where their
    rarest word occurs, so plain set lookups on int lists are several times faster. Only the pattern features
    the rules use are supported: LEMMA and LOWER with a string, IN, NOT_IN or REGEX; IS_ALPHA and IS_PUNCT;
    OP absent, "?" or "{m,n}".
    """

    def __init__(self, pattern: list[dict], strings) -> None:
        self.specs: list[tuple[Test, int, int]] = []
        # For each spec that must match exactly one token by LEMMA or LOWER words: those words. A doc holding
        # none of one set's words cannot match, so the rule is skipped for it.
        self.required = [_ids(words) for spec in pattern if spec.get("OP") is None for _, words in _spec_words(spec)]
        # The rarest word the match must have at a fixed offset from its start: candidate starts are the
        # tokens holding it (a set lookup), instead of every token in the sentence.
        self.key: tuple[int, int, frozenset[int]] | None = None
        best = float("inf")
        for offset, spec in enumerate(pattern):
            if spec.get("OP") is not None:
                break
            for col, words in _spec_words(spec):
                score = sum(10 ** lower_prob(w) for w in words)
                if score < best:
                    best = score
                    self.key = (offset, col, _ids(words))
        for spec in pattern:
            op = spec.get("OP")
            if op is None:
                low, high = 1, 1
            elif op == "?":
                low, high = 0, 1
            elif _QUANTIFIER_RE.fullmatch(op):
                low, high = (int(g) for g in _QUANTIFIER_RE.fullmatch(op).groups())  # type: ignore[union-attr]
            else:
                raise ValueError(f"unsupported OP {op!r} in a safeguarding rule")
            tests = [self._test(key, value, strings) for key, value in spec.items() if key != "OP"]
            test = tests[0] if len(tests) == 1 else (lambda t, i, tests=tests: all(f(t, i) for f in tests))
            self.specs.append((test, low, high))

    @staticmethod
    def _test(key: str, value, strings) -> Test:  # noqa: C901
        if key in ("IS_ALPHA", "IS_PUNCT"):
            flag, want = (_ALPHA if key == "IS_ALPHA" else _PUNCT), int(bool(value))
            return lambda t, i: t.flags(i)[flag] == want
        if key not in ("LEMMA", "LOWER"):
            raise ValueError(f"unsupported attribute {key!r} in a safeguarding rule")
        col = _LEMMA if key == "LEMMA" else _LOWER
        if isinstance(value, str):
            wanted = get_string_id(value)
            return lambda t, i: t.cols[col][i] == wanted
        if set(value) == {"IN"}:
            among = _ids(value["IN"])
            return lambda t, i: t.cols[col][i] in among
        if set(value) == {"NOT_IN"}:
            outside = _ids(value["NOT_IN"])
            return lambda t, i: t.cols[col][i] not in outside
        if set(value) == {"REGEX"}:
            regex, seen = re.compile(value["REGEX"]), {}

            def search(t: _Tokens, i: int) -> bool:
                word = t.cols[col][i]
                if word not in seen:
                    seen[word] = regex.search(strings[word]) is not None
                return seen[word]

            return search
        raise ValueError(f"unsupported value {value!r} in a safeguarding rule")

    def starts(self, t: _Tokens, begin: int, end: int) -> list[int]:
        """Token indices in [begin, end) where the pattern matches, as spaCy's Matcher on that span finds."""
        if self.key is None:
            return [i for i in range(begin, end) if self._match(t, 0, i, end) >= 0]
        offset, col, words = self.key
        values = t.cols[col]
        if words.isdisjoint(values[begin + offset : end]):
            return []
        return [
            i - offset
            for i in range(begin + offset, end)
            if values[i] in words and self._match(t, 0, i - offset, end) >= 0
        ]

    def match_end(self, t: _Tokens, start: int, end: int) -> int:
        """Where the match found at `start` ends (the first token after it), as in starts()."""
        return self._match(t, 0, start, end)

    def _match(self, t: _Tokens, k: int, i: int, end: int) -> int:
        """Where specs[k:] matching from token i end without passing `end`, or -1 (backtracking over optional
        tokens, fewest taken first, as spaCy's Matcher does for the starts it reports)."""
        specs = self.specs
        while k < len(specs):
            test, low, high = specs[k]
            if high == 1 and low == 1:
                if i >= end or not test(t, i):
                    return -1
                i, k = i + 1, k + 1
                continue
            taken = 0
            while True:
                if taken >= low:
                    found = self._match(t, k + 1, i + taken, end)
                    if found >= 0:
                        return found
                j = i + taken
                if taken == high or j >= end or not test(t, j):
                    return -1
                taken += 1
        return i


class SafeguardingRules:
    """The rules file compiled once; each rule runs only on sentences holding its rarest word (for speed)."""

    def __init__(self, nlp: Language, rulebook: Rulebook | None = None) -> None:
        self.rulebook = rulebook = rulebook or safeguarding_rulebook()
        self.specs = rulebook.rules
        self.words = {name: _ids(words) for name, words in rulebook.words.items()}
        self.filters = [tuple(FILTERS[name] for name in spec.filters) for spec in self.specs]
        self.strings = nlp.vocab.strings
        self.rules: list[_Rule] = []
        self.anchors: list[frozenset[int]] = []
        for spec in self.specs:
            try:
                self.rules.append(_Rule(spec.pattern, self.strings))
            except ValueError as exc:
                raise RulebookError(f"{rulebook.path.name}: rule {spec.id!r}: {exc}") from None
            words = set(_anchor_values(spec.pattern, rulebook.words["regex_triggers"]))
            for word in list(words):
                words.update(rulebook.irregular_forms.get(word, ()))
            self.anchors.append(frozenset(self.strings.add(w) for w in words))
        self.triggers: frozenset[int] = frozenset().union(*self.anchors)
        self.rules_by_word: dict[int, list[int]] = {}
        for index, anchors in enumerate(self.anchors):
            for word in anchors:
                self.rules_by_word.setdefault(word, []).append(index)
        self._lemma_lower: dict[int, int] = {}
        self._flags: dict[int, tuple[int, ...]] = {}

    def tokens(self, doc: Doc) -> _Tokens | None:
        """The doc's token attributes, or None when no rule's anchor word occurs."""
        if not len(doc):
            return None
        arr = doc.to_array([LEMMA, LOWER])
        lemma, lower = arr[:, 0].tolist(), arr[:, 1].tolist()
        doc.user_data["sb_lemma_lower"] = (lemma, lower)  # for the content warnings after the pipeline
        if self.triggers.isdisjoint(lemma) and self.triggers.isdisjoint(lower):
            return None
        return _Tokens(doc, lemma, lower, self._flags)

    def matches(self, t: _Tokens) -> list[tuple[int, int, int]]:
        """(rule index, token index, sentence index) for every rule match, rule by rule, sentence by sentence."""
        triggers = self.triggers
        present = triggers.intersection(t.lemma).union(triggers.intersection(t.lower))
        rule_ids = []
        doc_words: set[int] | None = None
        for index in sorted({r for word in present for r in self.rules_by_word[word]}):
            required = self.rules[index].required
            if len(required) > 1:  # a rule whose other required words are missing from the doc cannot match
                if doc_words is None:
                    doc_words = set(t.lemma).union(t.lower)
                if any(words.isdisjoint(doc_words) for words in required):
                    continue
            rule_ids.append(index)
        if not rule_ids:
            return []
        sentences = self._sentences_of(t, set().union(*(self.anchors[i] & present for i in rule_ids)))
        found: list[tuple[int, int, int]] = []
        for index in rule_ids:
            rule = self.rules[index]
            sentence_ids = set().union(*(sentences[w] for w in self.anchors[index] & present))
            for sid in sorted(sentence_ids):
                for start in rule.starts(t, t.bounds[sid], t.bounds[sid + 1]):
                    found.append((index, start, sid))
        return found

    @staticmethod
    def _sentences_of(t: _Tokens, words: Iterable[int]) -> dict[int, set[int]]:
        """The sentences each word occurs in, found with list.index (a C loop) instead of a Python loop."""
        sentences: dict[int, set[int]] = {}
        for word in words:
            ids = sentences[word] = set()
            for column in (t.lemma, t.lower):
                i = -1
                for _ in range(column.count(word)):
                    i = column.index(word, i + 1)
                    ids.add(bisect_right(t.starts, i) - 1)
        return sentences

    def sentence_words(self, t: _Tokens, sid: int) -> frozenset[int]:
        """Ids of every lowercase lemma and lowercase form in a sentence."""
        words = t.lemma_sets.get(sid)
        if words is None:
            begin, end = t.bounds[sid], t.bounds[sid + 1]
            lemma_lower, strings = self._lemma_lower, self.strings
            lowered = []
            for lemma in t.lemma[begin:end]:
                if lemma not in lemma_lower:
                    lemma_lower[lemma] = get_string_id(strings[lemma].lower())
                lowered.append(lemma_lower[lemma])
            words = t.lemma_sets[sid] = frozenset(lowered).union(t.lower[begin:end])
        return words


def build_safeguarding_matcher(nlp: Language, rulebook: Rulebook | None = None) -> SafeguardingRules:
    return SafeguardingRules(nlp, rulebook)


NOW_ID, STILL_ID, AGO_ID, BEEN_ID, IN_ID = (get_string_id(w) for w in ("now", "still", "ago", "been", "in"))


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
    return any(lower[i] in w["hypothetical"] for i in range(c.sent_start, start)) or any(
        lower[i] in w["conditional"] and lower[i + 1] != BEEN_ID  # "she'd been" is past, not "she'd do"
        for i in range(max(c.sent_start, start - 3), start)
    )


def _about_the_subject(c: _Candidate) -> bool:
    """'a talk about scams', 'training on abuse': but not 'I think about ending it'."""
    lower, w, start = c.t.lower, c.w, c.start
    for i in range(start - 1, max(c.sent_start, start - 3) - 1, -1):
        if lower[i] in w["about"]:
            return i == c.sent_start or lower[i - 1] not in w["thinking"]
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
    return STILL_ID not in c.words and _set_long_ago(c.rules, c.t, c.sent_start, c.sent_end)


def _long_past_nearby(c: _Candidate) -> bool:
    """A past-tense sentence next to one set decades ago ("My father was a violent man. When I was a boy in the
    sixties...") is long past too, unless it says now or still."""
    bounds = c.t.bounds
    return (
        not c.words.isdisjoint(c.w["was"])
        and c.words.isdisjoint(c.w["imminent"])
        and any(
            0 <= other < len(bounds) - 1 and _set_long_ago(c.rules, c.t, bounds[other], bounds[other + 1])
            for other in (c.sid - 1, c.sid + 1)
        )
    )


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
}
# The word lists the code reads by name; the rules file must define them.
CODE_WORDS = (
    "neg", "would", "clause_break", "hypothetical", "conditional", "about", "thinking", "second_person",
    "first_person", "habitual", "imminent", "non_care", "care_word", "topic_lemmas", "was", "past_tense",
    "medicines", "past_markers", "ago_units", "youth_words", "youth_cue", "non_family_abusers", "domestic",
    "possessor", "contact_verb", "apostrophe_s", "child", "speech", "same_sentence_only", "regex_triggers",
)  # fmt: skip


def safeguarding_rulebook(path=SAFEGUARDING_FILE) -> Rulebook:
    """The safeguarding rules file, loaded and checked once per process."""
    return cached_rulebook(path, tuple(FILTERS), CODE_WORDS)


def _set_long_ago(rules: SafeguardingRules, t: _Tokens, begin: int, end: int) -> bool:
    lower, w = t.lower, rules.words
    if not w["past_markers"].isdisjoint(lower[begin:end]):
        return True
    for i in range(begin, end):
        word = lower[i]
        if word == AGO_ID and not w["ago_units"].isdisjoint(lower[max(begin, i - 3) : i]):
            return True
        if word in w["youth_words"] and not w["youth_cue"].isdisjoint(lower[max(begin, i - 3) : i]):
            return True
    strings = rules.strings
    for i in range(begin, end):
        if t.flags(i)[_LIKE_NUM]:
            text = strings[t.orth[i]]
            if len(text) == 4 and text.startswith("19"):
                return True
    return False


def _is_domestic(rules: SafeguardingRules, t: _Tokens, sid: int) -> bool:
    lower, bounds, w, strings = t.lower, t.bounds, rules.words, rules.strings
    if not w["non_family_abusers"].isdisjoint(lower[bounds[sid] : bounds[sid + 1]]):
        return False
    n = len(lower)
    for other in range(max(0, sid - 2), sid + 1):
        for i in range(bounds[other], bounds[other + 1]):
            word = lower[i]
            if word not in w["domestic"] and not strings[word].startswith("ex-"):
                continue
            if i == 0 or lower[i - 1] not in w["possessor"]:
                continue
            if i > 1 and lower[i - 2] in w["contact_verb"]:  # "so I couldn't ring my son": not the abuser
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
    for (category, sid), (_index, reason) in hits.items():
        sent = doc[bounds[sid] : bounds[sid + 1]]
        signals.append(SafeguardingSignal(category, sent.start_char, sent.end_char, sent.text.strip(), reason))
    return sorted(signals, key=lambda s: (s.sentence_start, s.category))
