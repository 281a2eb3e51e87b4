"""Whether the word after a first name reads as its surname ("Faith Adebayo"), and a full name none of whose
words need be on the name lists ("tea with Bernadette Okafor").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import EPONYMOUS_CONDITIONS, ORG_WORDS, PLACE_PREPOSITIONS, STREET_SUFFIXES, TITLES, is_common_word
from ..tokens import is_capitalised, is_wordlike, next_word
from .spans import extend_name
from .words import NAME_WORDS, looks_like_place, never_a_surname, other_first_name


def surname_follows(doc: Doc, tok: Token) -> bool:
    """ "Faith Adebayo", "Sky Mensah": a first name, then a capitalised word that is no ordinary word, place,
    organisation or street word, written straight after it."""
    if not is_capitalised(tok) or tok.whitespace_ != " " or tok.i + 1 >= len(doc):
        return False
    if tok.lower_ not in NAME_WORDS and not other_first_name(tok):
        return False
    nxt = doc[tok.i + 1]
    lower = nxt.lower_
    if not (is_capitalised(nxt) and is_wordlike(nxt)) or is_common_word(nxt.text) or len(lower) < 2:
        return False
    if never_a_surname(lower):
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    after = next_word(doc, end - 1)
    return not (
        after is not None
        and after.text[:1].isupper()
        and (after.lower_ in ORG_WORDS or after.lower_ in STREET_SUFFIXES)
    )


def _not_a_name_part(tok: Token) -> bool:
    lower = tok.lower_
    return never_a_surname(lower) or lower.rstrip(".") in TITLES or lower in EPONYMOUS_CONDITIONS


def unlisted_full_name(doc: Doc, tok: Token, prev: Token | None) -> bool:
    """ "tea with Bernadette Okafor": two capitalised words in the middle of a sentence, neither an ordinary word,
    a place, an organisation or a street word, are a person's full name even when the first name is not on our
    list. Only after a lower-case word that does not point to a place ("in", "at", "near" ...), so a run of
    capitals (an organisation's or a place's name) and "to Milton Keynes" are left alone."""
    if prev is None or prev.i != tok.i - 1 or not prev.text.islower() or prev.lower_ in PLACE_PREPOSITIONS:
        return False
    if tok.whitespace_ != " " or tok.i + 1 >= len(doc) or _not_a_name_part(tok) or looks_like_place(tok):
        return False
    nxt = doc[tok.i + 1]
    if not (is_capitalised(nxt) and is_wordlike(nxt)) or len(nxt.text) < 2 or is_common_word(nxt.text):
        return False
    if _not_a_name_part(nxt) or looks_like_place(nxt):
        return False
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    return after is None or not (is_capitalised(after) and is_wordlike(after))
