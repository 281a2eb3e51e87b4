"""One doc's tokens as plain lists of ints, shared by the safeguarding matcher and its clause filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .tokens import doc_orths, sentence_starts

_LEMMA, _LOWER = 0, 1
_ALPHA, _PUNCT, _LIKE_NUM = 0, 1, 2


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


class _Tokens:
    """One doc's token attributes as plain lists of ints, read with doc.to_array (no Token objects).

    Lexeme flags (IS_ALPHA, IS_PUNCT, LIKE_NUM) come from a cache per word id shared across docs.
    """

    __slots__ = (
        "doc", "cols", "lemma", "lower", "orth", "starts", "bounds", "lemma_sets", "words", "_flags", "_vocab",
    )

    def __init__(
        self, doc: Doc, lemma: list[int], lower: list[int], flags: dict[int, tuple[int, ...]],
        words: set[int] | None = None,
    ) -> None:
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
        # every lemma and lowercase form in the doc
        self.words: set[int] = words if words is not None else set(lemma).union(lower)
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
