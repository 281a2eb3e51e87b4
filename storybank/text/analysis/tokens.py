"""Small token helpers shared by the people and places rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, TypeVar

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, IS_UPPER, ORTH, SENT_START
from spacy.tokens import Doc, Token

T = TypeVar("T")

WORDLIKE_RE = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
POSSESSIVE_DETS = {"my", "our", "his", "her", "their", "your", "mum's", "dad's"}
DETERMINERS = {"the", "a", "an", "this", "that", "such", "some", "any", "no", "every", "each", "what", "so"}
PRONOUNS = {"i", "he", "she", "it", "we", "they", "you", "who", "that", "which", "there", "this"}


def doc_text(doc: Doc) -> str:
    """doc.text rebuilds the string on every access; keep one copy per doc."""
    text = doc.user_data.get("sb_text")
    if text is None:
        text = doc.user_data["sb_text"] = doc.text
    return text


def doc_orths(doc: Doc) -> list[int]:
    """The word id (orth) of every token, read once per doc."""
    orths = doc.user_data.get("sb_orths")
    if orths is None:
        orths = doc.user_data["sb_orths"] = doc.to_array(ORTH).tolist() if len(doc) else []
    return orths


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
        if orth in values:
            return values[orth]
        if len(values) >= self.LIMIT:
            values.clear()
        value = values[orth] = self.fn(doc.vocab.strings[orth])
        return value


def is_wordlike_text(text: str) -> bool:
    return WORDLIKE_RE.fullmatch(text) is not None


def is_capitalised_text(text: str) -> bool:
    return text[:1].isupper() and (len(text) == 1 or not text.isupper() or len(text) > 2)


def is_wordlike(tok: Token) -> bool:
    return is_wordlike_text(tok.text)


def is_capitalised(tok: Token) -> bool:
    return is_capitalised_text(tok.text)


def name_form(tok: Token) -> str:
    """The word as it would be written in Title case, so "ROSE", "rose" and "Rose" compare equal."""
    text = tok.text
    return text[:1].upper() + text[1:].lower()


def starts_sentence(tok: Token) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in {'"', "“", "‘", "'", "-", "–", "—", "•", "*", ":", "(", "…"} or "\n" in prev.text


def prev_word(doc: Doc, i: int, skip_commas: bool = False) -> Token | None:
    j = i - 1
    while j >= 0 and (doc[j].is_space or (skip_commas and doc[j].text == ",")):
        j -= 1
    return doc[j] if j >= 0 else None


def next_word(doc: Doc, i: int, skip_commas: bool = False) -> Token | None:
    j = i + 1
    while j < len(doc) and (doc[j].is_space or (skip_commas and doc[j].text == ",")):
        j += 1
    return doc[j] if j < len(doc) else None


def is_informal(doc: Doc) -> bool:
    """Text written all in lowercase (texting style), where names lose their capitals too."""
    cached = doc.user_data.get("sb_informal")
    if cached is not None:
        return cached
    arr = doc.to_array([IS_ALPHA, IS_LOWER, IS_TITLE, SENT_START])
    alpha = int(arr[:, 0].sum())
    informal = False
    if alpha >= 8:
        text = doc_text(doc)
        lower_i = " i " in text or text.startswith("i ") or "\ni " in text
        starts = arr[:, 3] == 1
        lower_starts = int((starts & (arr[:, 1] == 1)).sum())
        capitals = int(arr[:, 2].sum())
        informal = lower_i or lower_starts * 2 > int(starts.sum()) or capitals * 20 < alpha
    doc.user_data["sb_informal"] = informal
    return informal


def capital_indices(doc: Doc) -> list[int]:
    """Indices of tokens in Title case or ALL CAPS: the only ones that can be names in ordinary writing."""
    cached = doc.user_data.get("sb_capitals")
    if cached is None:
        arr = doc.to_array([IS_TITLE, IS_UPPER])
        cached = numpy.flatnonzero(arr[:, 0] | arr[:, 1]).tolist()
        doc.user_data["sb_capitals"] = cached
    return cached


def name_candidate_indices(doc: Doc) -> list[int]:
    if is_informal(doc):
        return numpy.nonzero(doc.to_array([IS_ALPHA]))[0].tolist()
    return capital_indices(doc)


def is_shouting(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t.text) > 1]
    return bool(words) and sum(1 for t in words if t.text.isupper()) * 2 > len(words)
