"""The safeguarding rules file compiled to fast matchers: each rule's spaCy Matcher pattern becomes Python tests
over token ids, run only on sentences holding the rule's rarest word."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .clauses import CODE_WORDS, FILTERS
from .lexicon import lower_prob
from .rule_tokens import _ALPHA, _LEMMA, _LOWER, _PUNCT, Test, _ids, _Tokens
from .rulebook import SAFEGUARDING_FILE, Rulebook, RulebookError, cached_rulebook

_QUANTIFIER_RE = re.compile(r"\{(\d+),(\d+)\}")


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




def _rarity(words: list[str]) -> float:
    return sum(10 ** lower_prob(w) for w in words)


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
        # none of one set's words cannot match, so the rule is skipped for it. Rarest first: a doc or sentence
        # that lacks one of the sets most often lacks that one, and the test stops there.
        required = [words for spec in pattern if spec.get("OP") is None for _, words in _spec_words(spec)]
        self.required = [_ids(words) for words in sorted(required, key=_rarity)]
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
        window = t.cols[col][begin + offset : end]
        keys = words.intersection(window)
        if not keys:
            return []
        # window[j] is token begin + offset + j, so the match would start at begin + j
        return [begin + j for j in _positions(window, keys) if self._match(t, 0, begin + j, end) >= 0]

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


def _positions(values: list[int], words: set[int]) -> list[int]:
    """Where the words occur in `values`, ascending. list.count and list.index scan in C: cheaper than a Python
    loop testing every token when the words are few and rare, as a rule's key words are."""
    found: list[int] = []
    for word in words:
        i = -1
        for _ in range(values.count(word)):
            i = values.index(word, i + 1)
            found.append(i)
    if len(words) > 1:
        found.sort()
    return found


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
        # The required word sets left to test for each rule: a set holding every anchor word of its rule is met
        # wherever the rule is tried, as that is only where one of its anchor words is.
        self.needs: list[tuple[frozenset[int], ...]] = [
            tuple(words for words in rule.required if not (anchors and anchors <= words))
            for rule, anchors in zip(self.rules, self.anchors, strict=True)
        ]
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
        lists = doc.user_data.get("sb_lemma_lower")  # kept by the sentences-and-lemmas component
        if lists is None:
            arr = doc.to_array([LEMMA, LOWER])
            lists = doc.user_data["sb_lemma_lower"] = (arr[:, 0].tolist(), arr[:, 1].tolist())
        lemma, lower = lists
        words = set(lemma)
        words.update(lower)
        if self.triggers.isdisjoint(words):
            return None
        return _Tokens(doc, lemma, lower, self._flags, words)

    def matches(self, t: _Tokens) -> list[tuple[int, int, int]]:
        """(rule index, token index, sentence index) for every rule match, rule by rule, sentence by sentence."""
        present = self.triggers & t.words
        possible = self._possible_rules(present, t.words)
        if not possible:
            return []
        bounds = t.bounds
        found: list[tuple[int, int, int]] = []
        for index, sid in sorted(self._rules_to_try(t, present, possible)):
            found.extend((index, start, sid) for start in self.rules[index].starts(t, bounds[sid], bounds[sid + 1]))
        return found

    def _possible_rules(self, present: set[int], doc_words: set[int]) -> set[int]:
        """The rules whose anchor word is in the doc and whose other required words are there too."""
        candidates = set().union(*map(self.rules_by_word.__getitem__, present))
        needs = self.needs
        return {index for index in candidates if not any(map(doc_words.isdisjoint, needs[index]))}

    def _rules_to_try(self, t: _Tokens, present: set[int], possible: set[int]) -> list[tuple[int, int]]:
        """(rule, sentence) for each sentence holding one of the rule's anchor words and its other required words
        (a match lies inside one sentence)."""
        bounds, lemma, lower = t.bounds, t.lemma, t.lower
        rules_by_word, needs = self.rules_by_word, self.needs
        pairs: list[tuple[int, int]] = []
        for sid in range(len(bounds) - 1):
            begin, end = bounds[sid], bounds[sid + 1]
            words = frozenset(lemma[begin:end]).union(lower[begin:end])
            here = present & words
            if not here:
                continue
            rules = {index for word in here for index in rules_by_word[word]}
            pairs.extend(
                (index, sid) for index in rules if index in possible and not any(map(words.isdisjoint, needs[index]))
            )
        return pairs

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

def safeguarding_rulebook(path=SAFEGUARDING_FILE) -> Rulebook:
    """The safeguarding rules file, loaded and checked once per process."""
    return cached_rulebook(path, tuple(FILTERS), CODE_WORDS)

