"""A word on the name lists, read when no cue around it says more.

What speaks against it there: a place after "in", a condition named after a person ("Parkinson's"), a place
or a public body named with it.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Token

from ..lexicon import (
    BEFORE_NOT_A_NAME,
    CONDITION_NOUNS,
    EPONYMOUS_CONDITIONS,
    MONTHS,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_VERBS,
    PLACE_FIRST_WORDS,
    PLACE_ONLY_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    STREET_SUFFIXES,
    WORD_NAMES,
)
from ..tokens import is_capitalised, next_word, prev_word, starts_sentence
from .roles import followed_by_person_verb
from .words import COMMON_WORD, NAME_NOT_WORD, is_known_first_name, looks_like_place


def names_a_place_or_body(doc: Doc, tok: Token) -> bool:
    """ "royal albert infirmary", "victoria road": in lower case a first name is part of a hospital's, an
    organisation's or a street's name when one of their words comes next."""
    nxt = next_word(doc, tok.i)
    return nxt is not None and (nxt.lower_ in ORG_WORDS or nxt.lower_ in STREET_SUFFIXES)


def lexical_reason(doc: Doc, tok: Token, informal: bool = False) -> tuple[str, float] | None:
    if tok.lower_ in MONTHS or not is_known_first_name(tok):
        return None
    if not (is_capitalised(tok) or tok.text.isupper()):
        # Texting style, where names lose their capitals too ("me n kyle", "this is sandra"): a listed first name
        # that is no everyday word and no word name.
        if informal and tok.text.islower() and not COMMON_WORD(doc, tok.orth) and tok.lower_ not in WORD_NAMES \
                and tok.lower_ not in NOT_NAMES and not looks_like_place(tok) and not names_a_place_or_body(doc, tok):
            return "a common first name, written in lower case", 0.7
        return None
    if COMMON_WORD(doc, tok.orth) and not NAME_NOT_WORD(doc, tok.orth):
        return None
    nxt = next_word(doc, tok.i)
    if tok.lower_ in WORD_NAMES and starts_sentence(tok):
        # "Amber lights flashed": at the start of a sentence a word name needs a person's verb or "and" after it.
        if nxt is None or not (nxt.lower_ in PERSON_VERBS or nxt.text in {",", "'s", "’s"}):
            return None
    if names_a_place_or_body(doc, tok) and nxt.text[:1].isupper():
        return None
    if _word_before_says_not_a_name(doc, tok):
        return None
    return "a common first name", 0.8


def part_of_a_place_name(doc: Doc, tok: Token) -> bool:
    """ "Fort William is lovely", "Port Talbot's": straight after a capitalised word that both begins place names
    (lexicon place_first_words) and makes a first name something else (before_not_a_name), the name is the
    place's, whatever follows it."""
    prev = prev_word(doc, tok.i)
    return (prev is not None and prev.i == tok.i - 1 and prev.text[:1].isupper()
            and prev.lower_ in BEFORE_NOT_A_NAME and prev.lower_ in PLACE_FIRST_WORDS)


def second_word_of_a_place(doc: Doc, tok: Token) -> bool:
    """ "moved to Kirkby Stephen", "near Ashby Stephen": after a word for where and a word that reads as a place (a
    town's ending, the gazetteer), a first name is the second word of the place's name, unless a verb a person does
    follows it."""
    prev = prev_word(doc, tok.i)
    if prev is None or prev.i != tok.i - 1 or not prev.text[:1].isupper() or not looks_like_place(prev):
        return False
    before = prev_word(doc, prev.i)
    return (before is not None and before.i == prev.i - 1 and before.lower_ in PLACE_PREPOSITIONS
            and not followed_by_person_verb(doc, tok, strong=False))  # "I saw him in Wakefield Rachel said"


def _word_before_says_not_a_name(doc: Doc, tok: Token) -> bool:
    """A word before that makes a listed first name something else: lexicon before_not_a_name, or "in" (and the
    other place_only_prepositions) for a place ("we met in Chelsea"; not "in Florence's room")."""
    if straight_after_in(doc, tok):
        return True
    prev = prev_word(doc, tok.i)
    if prev is not None and prev.lower_ in {"'s", "’s"}:
        prev = prev_word(doc, prev.i)
    return prev is not None and prev.lower_ in BEFORE_NOT_A_NAME


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def eponymous(doc: Doc, tok: Token) -> bool:
    """ "Parkinson's", "Alzheimer", "Downs": a condition named after a person, not a person."""
    lower = tok.lower_
    if not lower.isascii():
        lower = _unaccented(lower)  # "Ménière", "Sjögren"
    if lower in EPONYMOUS_CONDITIONS:
        return True
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in {"'s", "’s"}:
        return False
    nxt = doc[tok.i + 1]
    if lower.rstrip("s") in EPONYMOUS_CONDITIONS:
        return True
    after = next_word(doc, nxt.i)  # "Korsakoff's syndrome", "Paget's disease"
    return after is not None and after.lower_ in CONDITION_NOUNS


def straight_after_in(doc: Doc, tok: Token) -> bool:
    """Straight after "in" (lexicon place_only_prepositions) a name is a place, unless it owns something ("in
    Florence's room")."""
    prev = prev_word(doc, tok.i)
    if prev is None or prev.i != tok.i - 1 or prev.lower_ not in PLACE_ONLY_PREPOSITIONS:
        return False
    nxt = next_word(doc, tok.i)
    return nxt is None or nxt.lower_ not in {"'s", "’s"}
