"""Content warnings for trainers, from the safeguarding signals and from the words a story uses (both lists are
data: rules/lexicon.yaml)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .lexicon import CONTENT_WARNING_WORDS
from .lexicon import CONTENT_WARNINGS_FROM_SIGNALS as FROM_SIGNALS
from .models import SafeguardingSignal

# The same words as string ids, compared with the doc's lemma and lowercase ids without building Tokens.
_WORD_IDS = {warning: frozenset(get_string_id(w) for w in words) for warning, words in CONTENT_WARNING_WORDS.items()}
_ALL_WORD_IDS = frozenset().union(*_WORD_IDS.values())


def content_warnings(doc: Doc, signals: Sequence[SafeguardingSignal]) -> list[str]:
    # harm told of only in the long past raises no concern, but a reader may still want the warning
    categories = {s.category for s in signals}.union(doc.user_data.get("sb_told_long_ago") or ())
    warnings = {FROM_SIGNALS[c] for c in categories if c in FROM_SIGNALS}
    if len(doc):
        lists = doc.user_data.get("sb_lemma_lower")  # read by the safeguarding rules, the last component
        if lists is None:
            arr = doc.to_array([LEMMA, LOWER])
            lists = arr[:, 0].tolist(), arr[:, 1].tolist()
        found = _ALL_WORD_IDS.intersection(lists[0]).union(_ALL_WORD_IDS.intersection(lists[1]))
        if found:
            for warning, words in _WORD_IDS.items():
                if not words.isdisjoint(found):
                    warnings.add(warning)
    return sorted(warnings)
