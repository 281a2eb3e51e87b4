"""One rule match as its rule's filters see it: the tokens, the sentence and where the match starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from ..rule_tokens import _Tokens

if TYPE_CHECKING:
    from ..safeguarding_matcher import SafeguardingRules


NOW_ID, AGO_ID, IN_ID, OF_ID, OUT_ID, SINCE_ID, WHEN_ID, TO_ID, INTO_ID, COMMA_ID, WITH_ID, FOR_ID, FROM_ID = (
    get_string_id(w)
    for w in ("now", "ago", "in", "of", "out", "since", "when", "to", "into", ",", "with", "for", "from")
)


class Candidate:
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
