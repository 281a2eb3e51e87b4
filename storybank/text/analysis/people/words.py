"""Word lists and word tests the name rules share.

What could be a name, what never is, and lookups by word id (ByWord), each made once per process.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..lexicon import (
    BRACKET_ROLES,
    COUNTRIES_AND_REGIONS,
    DAYS,
    DETERMINERS,
    ENDEARMENTS,
    FIRST_NAMES,
    FROM_OR_AT,
    HERE_WORDS,
    HONORIFIC_SUFFIXES,
    IN_WORDS,
    INFORMAL_TITLES,
    KIN_AFTER_NAMES,
    KINSHIP,
    LOWER_CASE_TITLES,
    MEDICINE_ENDINGS,
    MONTH_CUES,
    MONTHS,
    NAME_INTRODUCERS,
    NATIONALITIES,
    NICKNAME_ADJECTIVES,
    NOT_NAMES,
    ON_WORDS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    PLACES,
    POSSESSIVE_DETS,
    PRONOUNS,
    ROLES,
    STREET_SUFFIXES,
    THANKS_WORDS,
    THAT_IS_WORDS,
    TITLES,
    TOWN_SUFFIXES,
    WORD_NAMES,
    is_common_word,
    is_countable_noun,
    is_proper_like,
    other_first_names,
)
from ..patterns import PATTERNS
from ..tokens import ByWord, is_capitalised_text, is_wordlike_text, next_word, prev_word

BLOCKED = (
    NOT_NAMES
    | NATIONALITIES
    | DAYS
    | KINSHIP
    | ROLES
    | ENDEARMENTS
    | COUNTRIES_AND_REGIONS
    | {t for t in TITLES if " " not in t}
    | ORG_SUFFIXES  # "Carewatch Plus rang": the end of an organisation's name, never a person's
    # "November came and the fees went up"; "May", "June", "April" and "Jun" are names too
    | {m for m in MONTHS - FIRST_NAMES if len(m) > 4}
)
# Blocked words that not even a strong cue makes a name (kinship words, roles, titles, places...).
NEVER_NAMES = BLOCKED - NOT_NAMES
# First names, with the ones that are also ordinary words ("Hope", "Sky"): used where the context already says a
# name may stand there (before a surname, at the start of a sentence before a verb of speech).
NAME_WORDS = FIRST_NAMES | WORD_NAMES
# Unions the rules read, made once rather than on each read.
LOWER_CASE_TITLES_OR_MISS = LOWER_CASE_TITLES | INFORMAL_TITLES
ANY_DETERMINER = POSSESSIVE_DETS | DETERMINERS
THANKS = THANKS_WORDS | {"you"}
PRONOUNS_AND_DETERMINERS = PRONOUNS | DETERMINERS
# Words before a repeated homograph that make it the ordinary word ("with grace", "her will").
BEFORE_ORDINARY_WORD = PRONOUNS | DETERMINERS | POSSESSIVE_DETS | {"with", "by", "of"}


class Candidate:
    __slots__ = ("start", "end", "reason", "confidence")

    def __init__(self, start: int, end: int, reason: str, confidence: float) -> None:
        self.start, self.end, self.reason, self.confidence = start, end, reason, confidence


def _could_be_name_text(text: str, informal: bool) -> bool:
    if not is_wordlike_text(text) or len(text) < 2:
        return False
    lower = text.lower()  # the same as Token.lower_
    if lower in BLOCKED or lower in ORG_WORDS and not lower.endswith("s"):
        return False
    if len(lower) > 6 and lower.endswith(MEDICINE_ENDINGS):
        return False  # a medicine: "Donepezil made me badly" (not "April", which ends like "ramipril")
    if lower.endswith("s") and lower[:-1] in ROLES:  # "Paramedics brought me back", "my PAs"
        return False
    if is_capitalised_text(text) or text.isupper():
        return True
    return informal and text.islower() and (lower in FIRST_NAMES or not is_common_word(lower))


COULD_BE_NAME = {
    False: ByWord(lambda text: _could_be_name_text(text, False)),
    True: ByWord(lambda text: _could_be_name_text(text, True)),
}


def could_be_name(tok: Token, informal: bool) -> bool:
    return COULD_BE_NAME[informal](tok.doc, tok.orth)


COMMON_WORD = ByWord(is_common_word)
# First names that the word-frequency table counts as everyday words only because they are so often written in
# lower case online ("steve", "tom", "sam"), while the capitalised form is far more usual: names, not words. A name
# that is also a word in its own right ("Mark", "Bill", "Hope") is not one of them (it is not proper-like, or it
# is listed as a word name).
NAME_NOT_WORD = ByWord(lambda text: text.lower() in FIRST_NAMES and text.lower() not in WORD_NAMES
                        and text.lower() not in NOT_NAMES and is_proper_like(text))
# Capitalised ordinary words that can be names only with a strong cue ("my girlfriend Hope").
# Blocked words that are first names too ("Kerry" the county, "Christian"): only a strong cue makes them a name.
BLOCKED_FIRST_NAMES = NEVER_NAMES & FIRST_NAMES
WORD_NAME = ByWord(lambda text: text.lower() in WORD_NAMES)
NAME_WORD_TEXT = ByWord(lambda text: text.lower() in NAME_WORDS)
A_THING = ByWord(is_countable_noun)
_NEVER_NICKNAMES = KINSHIP | TITLES | (NEVER_NAMES - NOT_NAMES)  # "Mr", "mate", "Nan" in quotes are no nickname
BLOCKED_NICKNAME = ByWord(lambda text: text.lower().rstrip(".") in _NEVER_NICKNAMES)
ORDINARY_WORD_NAME = ByWord(
    lambda text: is_capitalised_text(text) and (text.lower() in NOT_NAMES or text.lower() in BLOCKED_FIRST_NAMES)
)


def is_homograph(tok: Token) -> bool:
    return COMMON_WORD(tok.doc, tok.orth) or tok.lower_ in WORD_NAMES


# First names from many languages beyond the curated list (lexicon.other_first_names): a name only where no place
# word ("in", "at", "near") comes before it, so "in Kendal" stays a town.
_OTHER_FIRST_NAMES = other_first_names()


def is_known_first_name(tok: Token) -> bool:
    return tok.lower_ in FIRST_NAMES or other_first_name(tok)


def other_first_name(tok: Token) -> bool:
    """A first name from another language's list, read as one only where no place word comes before it."""
    return tok.lower_ in _OTHER_FIRST_NAMES and not _after_a_place_word(tok)


def _after_a_place_word(tok: Token) -> bool:
    """ "in Kendal", "to Marks and Spencer": a place word before the word, or before the name it is joined to."""
    prev = prev_word(tok.doc, tok.i)
    if prev is not None and prev.lower_ in {"and", "&"}:
        joined = prev_word(tok.doc, prev.i)
        if joined is not None and joined.text[:1].isupper():
            prev = prev_word(tok.doc, joined.i)
    return prev is not None and prev.lower_ in PLACE_PREPOSITIONS


def month_in_date(doc: Doc, tok: Token) -> bool:
    """ "on 3 May", "in May", "May 2019", "the 2nd of May": the month, not a person with the same name."""
    if tok.lower_ not in MONTHS:
        return False
    prev = prev_word(doc, tok.i)
    nxt = next_word(doc, tok.i)
    if prev is not None and (prev.lower_ in MONTH_CUES or prev.text[:1].isdigit()):
        return True
    return nxt is not None and nxt.text[:1].isdigit()


def never_a_surname(lower: str) -> bool:
    """A blocked word, a month, or a word of an organisation's, a street's or a place's name."""
    return lower in BLOCKED or lower in MONTHS or lower in ORG_WORDS or lower in STREET_SUFFIXES or lower in PLACES


def _looks_like_place_text(text: str) -> bool:
    lower = text.lower()  # the same as Token.lower_
    return lower in PLACES or (lower not in FIRST_NAMES and lower.endswith(TOWN_SUFFIXES) and len(lower) > 5)


_LOOKS_LIKE_PLACE = ByWord(_looks_like_place_text)


def looks_like_place(tok: Token) -> bool:
    return _LOOKS_LIKE_PLACE(tok.doc, tok.orth)


COMMA = get_string_id(",")
OPEN_BRACKET = get_string_id("(")
NAME_WORD = frozenset({"name"})
LISTED_NAME = ByWord(lambda text: text.lower() in FIRST_NAMES or text.lower() in WORD_NAMES)
THAT_IS = THAT_IS_WORDS  # "that" and "who": spaCy splits "that's" and "who's" in two
_ROLE_DETERMINERS = POSSESSIVE_DETS | {"the", "a", "an", "one", "our"}  # "Liz, the nurse", "Sam our cleaner"
BEFORE_ROLE = ByWord(lambda text: text.lower() in _ROLE_DETERMINERS)  # the same as Token.lower_ in the list


WHO_WORDS = ROLES | KINSHIP | PERSON_NOUNS
BRACKETED_WHO = ROLES | KINSHIP | BRACKET_ROLES


_QUOTES = frozenset('"“”')  # double quotes: round a title or a quoted name (single ones are also apostrophes)
QUOTE_OR_HERE = ByWord(lambda text: text in _QUOTES or text.lower() in HERE_WORDS)
WHERE_WORD = ByWord(lambda text: text.lower() in FROM_OR_AT or text.lower() in ON_WORDS or text.lower() in IN_WORDS)
RESPECT_WORD = ByWord(lambda text: text.lower() in HONORIFIC_SUFFIXES or text.lower() in KIN_AFTER_NAMES)
HYPHEN = get_string_id("-")


def _ids_in_any_case(words) -> frozenset[int]:
    return frozenset(get_string_id(form) for word in words for form in (word, word.title(), word.upper()))


# The ids of the words that can follow a name in those two checks (in any case), so most names need neither call.
WHERE_NEXT_IDS = _ids_in_any_case(FROM_OR_AT | HERE_WORDS | ON_WORDS | IN_WORDS) | {get_string_id(q) for q in _QUOTES}
RESPECT_NEXT_IDS = _ids_in_any_case(HONORIFIC_SUFFIXES | KIN_AFTER_NAMES) | {HYPHEN}


INITIALS_RE = PATTERNS["initials"]


AFTER_INITIALS = "a surname after initials"


IS_TITLE = ByWord(lambda text: text[:1].isupper() and text.lower().rstrip(".") in TITLES)


QUOTE_IDS = frozenset(get_string_id(q) for q in _QUOTES | {"'", "‘", "’"})
NICKNAME_CUE_IDS = frozenset(
    get_string_id(form) for word in NAME_INTRODUCERS | {"call", "calls", "calling"} for form in (word, word.title())
)


IS_QUOTE = ByWord(lambda text: text in _QUOTES)


# A word of a name that is not a title or a nickname's adjective ("Dr", "Big"): what repeated looks for again.
NAME_PART = ByWord(
    lambda text: text.lower().rstrip(".") not in TITLES and text.lower() not in NICKNAME_ADJECTIVES
)
NAME_KEY = ByWord(lambda text: text if not text.isupper() else text[:1].upper() + text[1:].lower())
