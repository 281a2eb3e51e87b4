"""Small token helpers shared by the people and places rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, TypeVar

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Token

from .patterns import PATTERNS

T = TypeVar("T")

# Letters, with combining accents after them ("Fúnmiláyọ̀": Yoruba and Vietnamese stack accents a font composes).
WORDLIKE_RE = re.compile(r"[^\W\d_](?:[^\W\d_'’-]|[\u0300-\u036f])*(?:['’-](?:[^\W\d_]|[\u0300-\u036f])+)*")


def doc_text(doc: Doc) -> str:
    """doc.text rebuilds the string on every access; keep one copy per doc."""
    text = doc.user_data.get("sb_text")
    if text is None:
        text = doc.user_data["sb_text"] = doc.text
    return text


def doc_orth_array(doc: Doc) -> numpy.ndarray:
    """The word id (orth) of every token as a uint64 array, read once per doc."""
    orths = doc.user_data.get("sb_orth_array")
    if orths is None:
        orths = doc.user_data["sb_orth_array"] = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, "uint64")
    return orths


def sentence_starts(doc: Doc) -> numpy.ndarray:
    """SENT_START of every token (1 starts a sentence), read once per doc: the sentencizer runs before our rules."""
    starts = doc.user_data.get("sb_sent_start")
    if starts is None:
        starts = doc.user_data["sb_sent_start"] = doc.to_array(SENT_START) if len(doc) else numpy.zeros(0, "uint64")
    return starts


def doc_orths(doc: Doc) -> list[int]:
    """The word id (orth) of every token, read once per doc."""
    orths = doc.user_data.get("sb_orths")
    if orths is None:
        orths = doc.user_data["sb_orths"] = doc_orth_array(doc).tolist()
    return orths


class OrthTable:
    """A uint64 value per word id (orth), looked up for a whole doc at once with numpy.

    Known words sit in sorted arrays searched with numpy.searchsorted; words seen for the first time are
    computed in Python and inserted into the arrays at the end of the call. `fn(vocab, orth)` computes a value
    once per word, so it may only depend on the word itself (its text or lexeme attributes).
    """

    LIMIT = 1_000_000

    def __init__(self, fn: Callable, columns: int = 1) -> None:
        """With several columns, `fn` returns a tuple of that many values and a lookup gives one row per word."""
        self.fn = fn
        shape = (0,) if columns == 1 else (0, columns)
        # Keys and values are replaced together, so a reader in another thread never sees a mismatched pair.
        self.table = (numpy.zeros(0, dtype="uint64"), numpy.zeros(shape, dtype="uint64"))

    @property
    def keys(self) -> numpy.ndarray:
        return self.table[0]

    def __call__(self, orths: numpy.ndarray, vocab) -> numpy.ndarray:
        keys, values = self.table
        if len(keys):
            idx = numpy.searchsorted(keys, orths)
            numpy.minimum(idx, len(keys) - 1, out=idx)
            out = values[idx]
            missing = numpy.flatnonzero(keys[idx] != orths)
        else:
            out = numpy.zeros((len(orths), *values.shape[1:]), dtype="uint64")
            missing = numpy.arange(len(orths))
        if len(missing):
            new: dict[int, int] = {}
            for orth in orths[missing].tolist():
                if orth not in new:
                    new[orth] = self.fn(vocab, orth)
            out[missing] = numpy.array([new[o] for o in orths[missing].tolist()], dtype="uint64")
            self._insert(keys, values, new)
        return out

    def _insert(self, keys: numpy.ndarray, values: numpy.ndarray, new: dict[int, int]) -> None:
        if len(keys) + len(new) > self.LIMIT:
            keys, values = keys[:0], values[:0]
        new_keys = numpy.array(list(new), dtype="uint64")
        new_values = numpy.array(list(new.values()), dtype="uint64")
        order = numpy.argsort(new_keys)
        new_keys, new_values = new_keys[order], new_values[order]
        at = numpy.searchsorted(keys, new_keys)
        self.table = (numpy.insert(keys, at, new_keys), numpy.insert(values, at, new_values, axis=0))


_MISSING = object()


class ByWord(Generic[T]):
    """A function of a word's text, cached per word id, so rules can skip most tokens without a Token object.

    Only for checks that depend on nothing but the text (lowercase form, capitals, word lists). The cache is
    dropped when it gets large, so a long-running process does not keep every word it has ever seen.
    """

    LIMIT = 200_000

    def __init__(self, fn: Callable[[str], T]) -> None:
        self.fn = fn
        self.values: dict[int, T] = {}

    def __call__(self, doc: Doc, orth: int) -> T:
        values = self.values
        value = values.get(orth, _MISSING)
        if value is _MISSING:
            if len(values) >= self.LIMIT:
                values.clear()
            value = values[orth] = self.fn(doc.vocab.strings[orth])
        return value  # type: ignore[return-value]

    def select(self, doc: Doc, orths: list[int], indices: list[int]) -> list[int]:
        """The indices whose word gives a true value: one pass, without a call per word already cached."""
        get = self.values.get
        chosen = []
        for i in indices:
            value = get(orths[i], _MISSING)
            if value is _MISSING:
                value = self(doc, orths[i])
            if value:
                chosen.append(i)
        return chosen


def is_wordlike_text(text: str) -> bool:
    return WORDLIKE_RE.fullmatch(text) is not None


def is_capitalised_text(text: str) -> bool:
    return text[:1].isupper() and (len(text) == 1 or not text.isupper() or len(text) > 2)


_CAPITALISED = ByWord(is_capitalised_text)


def is_wordlike(tok: Token) -> bool:
    return is_wordlike_text(tok.text)


def is_capitalised(tok: Token) -> bool:
    return _CAPITALISED(tok.doc, tok.orth)


def name_form(tok: Token) -> str:
    """The word as it would be written in Title case, so "ROSE", "rose" and "Rose" compare equal."""
    text = tok.text
    return text[:1].upper() + text[1:].lower()


_OPENS_SENTENCE = ByWord(
    lambda text: text in {'"', "“", "‘", "'", "-", "–", "—", "•", "*", ":", "(", "…"} or "\n" in text
)


def _sentence_start_list(doc: Doc) -> list[bool]:
    """Per token: SENT_START is 1 (Token.is_sent_start), read from the array once per doc."""
    flags = doc.user_data.get("sb_sent_start_list")
    if flags is None:
        flags = doc.user_data["sb_sent_start_list"] = (sentence_starts(doc) == 1).tolist()
    return flags


def starts_sentence(tok: Token) -> bool:
    """At a sentence start, or after an opening mark or a line break; read from per-doc lists, not Tokens."""
    i = tok.i
    if i == 0:
        return True
    doc = tok.doc
    return _sentence_start_list(doc)[i] or _OPENS_SENTENCE(doc, doc_orths(doc)[i - 1])


def _skippable(doc: Doc, skip_commas: bool) -> list[bool]:
    """Per token: whitespace (or whitespace or a comma), so prev_word and next_word need no Token objects."""
    key = "sb_skip_commas" if skip_commas else "sb_skip"
    flags = doc.user_data.get(key)
    if flags is None:
        bits = shape_bits(doc)
        skip = (bits & (_SPACE | _COMMA)) if skip_commas else (bits & _SPACE)
        flags = doc.user_data[key] = (skip != 0).tolist()
    return flags


def prev_word(doc: Doc, i: int, skip_commas: bool = False) -> Token | None:
    skip = _skippable(doc, skip_commas)
    j = i - 1
    while j >= 0 and skip[j]:
        j -= 1
    return doc[j] if j >= 0 else None


def next_word(doc: Doc, i: int, skip_commas: bool = False) -> Token | None:
    skip = _skippable(doc, skip_commas)
    j = i + 1
    while j < len(skip) and skip[j]:
        j += 1
    return doc[j] if j < len(skip) else None


_ALPHA, _LOWER, _TITLE, _CAPITAL, _SPACE, _COMMA, PUNCT_BIT, SENTENCE_END_BIT = 1, 2, 4, 8, 16, 32, 64, 128
CAPITAL_BIT = _CAPITAL
SPACE_BIT = _SPACE
_SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars)
_INNER_CAPITAL_NAME = PATTERNS["inner_capital_name"]


def word_shape_bits(vocab, orth: int) -> int:
    lex = vocab[orth]
    return (
        (_ALPHA if lex.is_alpha else 0)
        | (_LOWER if lex.is_lower else 0)
        | (_TITLE if lex.is_title else 0)
        | (_CAPITAL if lex.is_title or lex.is_upper or _INNER_CAPITAL_NAME.fullmatch(lex.orth_) else 0)
        | (_SPACE if lex.is_space else 0)
        | (_COMMA if lex.orth_ == "," else 0)
        | (PUNCT_BIT if lex.is_punct else 0)
        | (SENTENCE_END_BIT if lex.orth_ in _SENTENCE_ENDS else 0)
    )


_SHAPE_BITS = OrthTable(word_shape_bits)


def shape_bits(doc: Doc) -> numpy.ndarray:
    """IS_ALPHA, IS_LOWER, IS_TITLE, IS_TITLE or IS_UPPER, IS_SPACE, "is a comma", IS_PUNCT and "is one of spaCy's
    sentencizer's sentence-ending marks" of every token as bits."""
    bits = doc.user_data.get("sb_shape")
    if bits is None:
        bits = doc.user_data["sb_shape"] = _SHAPE_BITS(doc_orth_array(doc), doc.vocab)
    return bits


def is_informal(doc: Doc) -> bool:
    """Text written all in lowercase (texting style), where names lose their capitals too."""
    cached = doc.user_data.get("sb_informal")
    if cached is not None:
        return cached
    informal = False
    if len(doc):
        bits = shape_bits(doc)
        alpha = numpy.count_nonzero(bits & _ALPHA)
        if alpha >= 8:
            text = doc_text(doc)
            lower_i = " i " in text or text.startswith("i ") or "\ni " in text
            starts = sentence_starts(doc) == 1
            lower_starts = numpy.count_nonzero(starts & ((bits & _LOWER) != 0))
            capitals = numpy.count_nonzero(bits & _TITLE)
            informal = bool(lower_i or lower_starts * 2 > numpy.count_nonzero(starts) or capitals * 20 < alpha)
    doc.user_data["sb_informal"] = informal
    return informal


def capital_indices(doc: Doc) -> list[int]:
    """Indices of tokens in Title case or ALL CAPS: the only ones that can be names in ordinary writing."""
    cached = doc.user_data.get("sb_capitals")
    if cached is None:
        cached = numpy.flatnonzero(shape_bits(doc) & _CAPITAL).tolist() if len(doc) else []
        doc.user_data["sb_capitals"] = cached
    return cached


def name_candidate_indices(doc: Doc) -> list[int]:
    if is_informal(doc):
        return numpy.flatnonzero(shape_bits(doc) & _ALPHA).tolist()
    return capital_indices(doc)


def is_shouting(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t.text) > 1]
    return bool(words) and sum(1 for t in words if t.text.isupper()) * 2 > len(words)
