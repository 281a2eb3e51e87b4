"""People's names, found from context (titles, kinship words, verbs of speech) and a list of first names.

Each rule gives a reason in plain English so a moderator can see why a word was highlighted.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .lexicon import (
    AFTER_NAMES_S,
    ANIMAL_WORDS,
    BEFORE_NOT_A_NAME,
    BRACKET_ROLES,
    CONDITION_NOUNS,
    CONTACT_VERBS,
    CONTRACTION_ENDINGS,
    COUNTRIES_AND_REGIONS,
    DAYS,
    DETERMINERS,
    ENDEARMENTS,
    EPONYMOUS_CONDITIONS,
    FIRST_NAMES,
    FROM_OR_AT,
    FROM_PLACES,
    GREETINGS,
    HERE_WORDS,
    HONORIFIC_SUFFIXES,
    INFORMAL_TITLES,
    KIN_AFTER_NAMES,
    KIN_TITLES,
    KINSHIP,
    LOWER_CASE_TITLES,
    MEDICINE_ENDINGS,
    MONTH_CUES,
    MONTHS,
    NAME_INTRODUCERS,
    NAME_PARTICLES,
    NATIONALITIES,
    NICKNAME_ADJECTIVES,
    NICKNAMES_AT_A_START,
    NOT_BEFORE_WHERE,
    NOT_NAMES,
    NOT_PEOPLE,
    OBJECT_VERBS,
    ON_SHIFT,
    ON_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_VERBS,
    PLACE_ONLY_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    PLACE_TALK,
    PLACES,
    POSSESSIVE_DETS,
    POSSESSIVE_S,
    PRESENTING_WORDS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLES,
    SIGN_OFF_WORDS,
    SONG_VERBS,
    SPEECH_VERBS,
    STREET_SUFFIXES,
    STRONG_PERSON_VERBS,
    THANKS_WORDS,
    THAT_IS_WORDS,
    THING_ADJECTIVES,
    THING_NAME_WORDS,
    TITLE_MODIFIERS,
    TITLE_SMALL_WORDS,
    TITLES,
    TITLES_AFTER_THE,
    TOWN_SUFFIXES,
    VERB_ADVERBS,
    WORD_NAMES,
    is_common_word,
    is_countable_noun,
    is_proper_like,
    other_first_names,
)
from .models import Finding
from .patterns import PATTERNS
from .tokens import (
    SENTENCE_END_BIT,
    SPACE_BIT,
    ByWord,
    capital_indices,
    doc_orths,
    doc_text,
    is_capitalised,
    is_capitalised_text,
    is_informal,
    is_wordlike,
    is_wordlike_text,
    name_candidate_indices,
    next_word,
    prev_word,
    shape_bits,
    starts_sentence,
)

BLOCKED = (
    NOT_NAMES
    | NATIONALITIES
    | DAYS
    | KINSHIP
    | ROLES
    | ENDEARMENTS
    | COUNTRIES_AND_REGIONS
    | {t for t in TITLES if " " not in t}
    # "November came and the fees went up"; "May", "June", "April" and "Jun" are names too
    | {m for m in MONTHS - FIRST_NAMES if len(m) > 4}
)
# Blocked words that not even a strong cue makes a name (kinship words, roles, titles, places...).
_NEVER_NAMES = BLOCKED - NOT_NAMES
# First names, with the ones that are also ordinary words ("Hope", "Sky"): used where the context already says a
# name may stand there (before a surname, at the start of a sentence before a verb of speech).
NAME_WORDS = FIRST_NAMES | WORD_NAMES
# Unions the rules read, made once rather than on each read.
_LOWER_CASE_TITLES_OR_MISS = LOWER_CASE_TITLES | INFORMAL_TITLES
_ANY_DETERMINER = POSSESSIVE_DETS | DETERMINERS
_THANKS = THANKS_WORDS | {"you"}
_PRONOUNS_AND_DETERMINERS = PRONOUNS | DETERMINERS
# Words before a repeated homograph that make it the ordinary word ("with grace", "her will").
_BEFORE_ORDINARY_WORD = PRONOUNS | DETERMINERS | POSSESSIVE_DETS | {"with", "by", "of"}


def _strong_cue(doc: Doc, tok: Token) -> tuple[str, float] | None:
    """Cues strong enough for a capitalised word that is also an ordinary word ("my girlfriend Hope", "the
    nurse there, Rose, knows", "everyone calls her Precious"): used for words the name list would block."""
    if not is_capitalised(tok) or tok.lower_ in _NEVER_NAMES and tok.lower_ not in _BLOCKED_FIRST_NAMES:
        return None
    if tok.lower_ in KINSHIP:
        return None  # "everyone calls me Auntie Ming": the family word is what they call her, the name comes after
    cue = _word_name_cue(doc, tok)
    if cue is not None or starts_sentence(tok):
        return cue
    prev = prev_word(doc, tok.i)
    if prev is None:
        return None
    if prev.i == tok.i - 1 and _NAME_WORD_TEXT(doc, tok.orth) and (
            prev.lower_ in OBJECT_VERBS or prev.lower_ in CONTACT_VERBS):
        return f"a name after '{prev.text}'", 0.75  # "Rang Dawn to tell her"
    if prev.lower_.rstrip(".") in TITLES and prev.text[:1].isupper():
        return f"a name after the title '{prev.text}'", 0.9
    if prev.lower_ in KINSHIP or prev.lower_ in {"her", "him", "me", "them"}:
        cue = _kin_or_called_cue(doc, prev)
        if cue is not None:
            return cue
    if _set_off_after_a_role(doc, tok, prev):
        return "a name set off by commas after who the person is", 0.8
    return _introduced_cue(doc, prev)


def _word_name_cue(doc: Doc, tok: Token) -> tuple[str, float] | None:
    """A first name that is also a word, with who the person is or where they work after it, anywhere."""
    if not _NAME_WORD_TEXT(doc, tok.orth):
        return None
    if tok.lower_ in WORD_NAMES and _appositive_role(doc, tok):
        return "a name followed by who the person is", 0.8  # "Precious, his main carer, ..."
    if tok.lower_ in NAME_WORDS and _where_they_work(doc, tok):
        return "a name followed by where the person is from or works", 0.75  # "it's Comfort from the surgery"
    if tok.lower_ in NAME_WORDS and _sign_off(doc, tok):
        return "a name signing off the story", 0.75  # "Kitty", alone on the last line
    return None


def _introduced_cue(doc: Doc, prev: Token) -> tuple[str, float] | None:
    """ "a staff called Kerry", "a guy called Big Rich", "my name's Summer": a name introduced as one."""
    called = prev
    if prev.lower_ in NICKNAME_ADJECTIVES and prev.text[:1].isupper():
        called = prev_word(doc, prev.i) or prev
    if called.lower_ in {"called", "named"} and _a_person_before(doc, called):
        return f"a name after '{called.text}'", 0.85
    if prev.lower_ in {"is", "'s", "’s"}:
        before = prev_word(doc, prev.i)
        if before is not None and before.lower_ == "name":
            return "a name someone gives for themselves", 0.9
    return None


def _a_person_before(doc: Doc, called: Token) -> bool:
    """ "a guy called", "this lady named", "my friend called": a word for a person just before "called"."""
    for k in range(called.i - 1, max(-1, called.i - 3), -1):
        lower = doc[k].lower_
        if lower in PERSON_NOUNS or lower in ROLES or lower in KINSHIP or lower == "staff":
            return True
        if doc[k].is_punct:
            return False
    return False


def _set_off_after_a_role(doc: Doc, tok: Token, prev: Token) -> bool:
    """ "the nurse there, Rose, knows", "my grandmother, Nguyễn Thị Lan, came", "this young man, Lukas, answered":
    a role, a family word or a word for a person a few words before, and the name (one word or a full name)
    between two commas."""
    if prev.text != "," or tok.lower_.rstrip(".") in TITLES:  # "the man over the road, Mr Pearce,": the title says it
        return False
    end = _extend_name(doc, tok.i, tok.i + 1)
    if end + 1 < len(doc) and doc[end].lower_ == "and" and is_capitalised(doc[end + 1]):
        end = _extend_name(doc, end + 1, end + 2)  # "two PAs, Gwion and Tesni, with help from..."
    if end >= len(doc) or doc[end].text != ",":
        return False
    for k in range(prev.i - 1, max(-1, prev.i - 6), -1):
        word = doc[k]
        if word.is_punct:
            return False
        lower = word.lower_
        if lower in ROLES or lower in KINSHIP or lower in PERSON_NOUNS or word.lemma_.lower() in ROLES:
            return True
    return False


def _kin_or_called_cue(doc: Doc, prev: Token) -> tuple[str, float] | None:
    """ "my girlfriend Hope", "everyone calls her Precious": the two words before the name."""
    before = prev_word(doc, prev.i)
    if prev.lower_ in KINSHIP and before is not None and before.lower_ in POSSESSIVE_DETS:
        return f"a name after '{prev.text}'", 0.85
    if prev.lower_ in {"her", "him", "me", "them"} and before is not None and before.lemma_.lower() == "call":
        return f"a name after '{before.text} {prev.text}'", 0.8
    return None


class _Candidate:
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


_COULD_BE_NAME = {
    False: ByWord(lambda text: _could_be_name_text(text, False)),
    True: ByWord(lambda text: _could_be_name_text(text, True)),
}


def _could_be_name(tok: Token, informal: bool) -> bool:
    return _COULD_BE_NAME[informal](tok.doc, tok.orth)


_COMMON_WORD = ByWord(is_common_word)
# First names that the word-frequency table counts as everyday words only because they are so often written in
# lower case online ("steve", "tom", "sam"), while the capitalised form is far more usual: names, not words. A name
# that is also a word in its own right ("Mark", "Bill", "Hope") is not one of them (it is not proper-like, or it
# is listed as a word name).
_NAME_NOT_WORD = ByWord(lambda text: text.lower() in FIRST_NAMES and text.lower() not in WORD_NAMES
                        and text.lower() not in NOT_NAMES and is_proper_like(text))
# Capitalised ordinary words that can be names only with a strong cue ("my girlfriend Hope").
# Blocked words that are first names too ("Kerry" the county, "Christian"): only a strong cue makes them a name.
_BLOCKED_FIRST_NAMES = _NEVER_NAMES & FIRST_NAMES
_WORD_NAME = ByWord(lambda text: text.lower() in WORD_NAMES)
_NAME_WORD_TEXT = ByWord(lambda text: text.lower() in NAME_WORDS)
_A_THING = ByWord(is_countable_noun)
_NEVER_NICKNAMES = KINSHIP | TITLES | (_NEVER_NAMES - NOT_NAMES)  # "Mr", "mate", "Nan" in quotes are no nickname
_BLOCKED_NICKNAME = ByWord(lambda text: text.lower().rstrip(".") in _NEVER_NICKNAMES)
_ORDINARY_WORD_NAME = ByWord(
    lambda text: is_capitalised_text(text) and (text.lower() in NOT_NAMES or text.lower() in _BLOCKED_FIRST_NAMES)
)


def _is_homograph(tok: Token) -> bool:
    return _COMMON_WORD(tok.doc, tok.orth) or tok.lower_ in WORD_NAMES


# First names from many languages beyond the curated list (lexicon.other_first_names): a name only where no place
# word ("in", "at", "near") comes before it, so "in Kendal" stays a town.
_OTHER_FIRST_NAMES = other_first_names()


def _is_known_first_name(tok: Token) -> bool:
    return tok.lower_ in FIRST_NAMES or _other_first_name(tok)


def _other_first_name(tok: Token) -> bool:
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


def _month_in_date(doc: Doc, tok: Token) -> bool:
    """ "on 3 May", "in May", "May 2019", "the 2nd of May": the month, not a person with the same name."""
    if tok.lower_ not in MONTHS:
        return False
    prev = prev_word(doc, tok.i)
    nxt = next_word(doc, tok.i)
    if prev is not None and (prev.lower_ in MONTH_CUES or prev.text[:1].isdigit()):
        return True
    return nxt is not None and nxt.text[:1].isdigit()


def _never_a_surname(lower: str) -> bool:
    """A blocked word, a month, or a word of an organisation's, a street's or a place's name."""
    return lower in BLOCKED or lower in MONTHS or lower in ORG_WORDS or lower in STREET_SUFFIXES or lower in PLACES


def _surname_follows(doc: Doc, tok: Token) -> bool:
    """ "Faith Adebayo", "Sky Mensah": a first name, then a capitalised word that is no ordinary word, place,
    organisation or street word, written straight after it."""
    if not is_capitalised(tok) or tok.whitespace_ != " " or tok.i + 1 >= len(doc):
        return False
    if tok.lower_ not in NAME_WORDS and not _other_first_name(tok):
        return False
    nxt = doc[tok.i + 1]
    lower = nxt.lower_
    if not (is_capitalised(nxt) and is_wordlike(nxt)) or is_common_word(nxt.text) or len(lower) < 2:
        return False
    if _never_a_surname(lower):
        return False
    end = _extend_name(doc, tok.i, tok.i + 1)
    after = next_word(doc, end - 1)
    return not (
        after is not None
        and after.text[:1].isupper()
        and (after.lower_ in ORG_WORDS or after.lower_ in STREET_SUFFIXES)
    )


def _not_a_name_part(tok: Token) -> bool:
    lower = tok.lower_
    return _never_a_surname(lower) or lower.rstrip(".") in TITLES or lower in EPONYMOUS_CONDITIONS


def _unlisted_full_name(doc: Doc, tok: Token, prev: Token | None) -> bool:
    """ "tea with Bernadette Okafor": two capitalised words in the middle of a sentence, neither an ordinary word,
    a place, an organisation or a street word, are a person's full name even when the first name is not on our
    list. Only after a lower-case word that does not point to a place ("in", "at", "near" ...), so a run of
    capitals (an organisation's or a place's name) and "to Milton Keynes" are left alone."""
    if prev is None or prev.i != tok.i - 1 or not prev.text.islower() or prev.lower_ in PLACE_PREPOSITIONS:
        return False
    if tok.whitespace_ != " " or tok.i + 1 >= len(doc) or _not_a_name_part(tok) or _looks_like_place(tok):
        return False
    nxt = doc[tok.i + 1]
    if not (is_capitalised(nxt) and is_wordlike(nxt)) or len(nxt.text) < 2 or is_common_word(nxt.text):
        return False
    if _not_a_name_part(nxt) or _looks_like_place(nxt):
        return False
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    return after is None or not (is_capitalised(after) and is_wordlike(after))


def _looks_like_place_text(text: str) -> bool:
    lower = text.lower()  # the same as Token.lower_
    return lower in PLACES or (lower not in FIRST_NAMES and lower.endswith(TOWN_SUFFIXES) and len(lower) > 5)


_LOOKS_LIKE_PLACE = ByWord(_looks_like_place_text)


def _looks_like_place(tok: Token) -> bool:
    return _LOOKS_LIKE_PLACE(tok.doc, tok.orth)


def _followed_by_person_verb(doc: Doc, tok: Token, strong: bool) -> bool:
    tail = _hyphen_tail(doc, tok.i)
    if tail != tok.i:
        tok = doc[tail]  # "Ji-woo helped": the verb comes after the whole name
    nxt = next_word(doc, tok.i)
    if nxt is None:
        return False
    verbs = STRONG_PERSON_VERBS if strong else PERSON_VERBS
    if nxt.lower_ in verbs:
        return True
    if nxt.lower_ in VERB_ADVERBS:  # "Will just wants his tea"
        after = next_word(doc, nxt.i)
        if after is not None and after.lower_ in verbs:
            return True
    if nxt.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "who":
        return True
    return (
        nxt.lower_ in {"'s", "’s"}
        and tok.i + 2 < len(doc)
        and doc[tok.i + 2].lower_ in AFTER_NAMES_S
    )


_COMMA = get_string_id(",")
_OPEN_BRACKET = get_string_id("(")
_NAME_WORD = frozenset({"name"})
_LISTED_NAME = ByWord(lambda text: text.lower() in FIRST_NAMES or text.lower() in WORD_NAMES)
_THAT_IS = THAT_IS_WORDS  # "that" and "who": spaCy splits "that's" and "who's" in two
_ROLE_DETERMINERS = POSSESSIVE_DETS | {"the", "a", "an", "one", "our"}  # "Liz, the nurse", "Sam our cleaner"
_BEFORE_ROLE = ByWord(lambda text: text.lower() in _ROLE_DETERMINERS)  # the same as Token.lower_ in the list


def _appositive_role(doc: Doc, tok: Token) -> bool:
    """ "Liz, the practice nurse" or "grace the support worker": a name followed by who they are."""
    orths = doc_orths(doc)  # the words after most names rule this out: no Token for them
    j = tok.i + 1
    if j < len(orths) and orths[j] == _OPEN_BRACKET:
        return not tok.text.isupper() and _role_in_brackets(doc, j + 1)  # not "NOK (sister)"
    if j < len(orths) and orths[j] == _COMMA:
        j += 1
    if j >= len(orths) or not _BEFORE_ROLE(doc, orths[j]):
        return False
    for k in range(j + 1, min(j + 6, len(doc))):
        if doc[k].lower_ in ROLES or doc[k].lower_ in KINSHIP or doc[k].lemma_.lower() in ROLES:
            return True
        if doc[k].is_punct:
            return False
    return False


def _word_before_a_stop(doc: Doc, indices: range, words) -> bool:
    """Whether a word of `words` comes at one of `indices` (in order) before any punctuation: the look-ahead and
    look-behind the name checks share ("who the person is" after a name, "name" before "is")."""
    for k in indices:
        if doc[k].lower_ in words:
            return True
        if doc[k].is_punct:
            return False
    return False


_WHO_WORDS = ROLES | KINSHIP | PERSON_NOUNS
_BRACKETED_WHO = ROLES | KINSHIP | BRACKET_ROLES


def _role_in_brackets(doc: Doc, start: int) -> bool:
    """ "Bola (nurse in charge)", "Will (agency)", "Rui (Thu's husband)": who the person is, in brackets after the
    name."""
    return _word_before_a_stop(doc, range(start, min(start + 5, len(doc))), _BRACKETED_WHO)


def _set_off_before_who(doc: Doc, tok: Token) -> bool:
    """ "Pat, the activities lady, put us on the team", "Bill, that's Bernard's brother, says": a name set off by a
    comma before who the person is, so a first name that is also a word ("pat", "bill") is a name even as a
    sentence's first word."""
    j = tok.i + 1
    if j + 1 >= len(doc) or doc_orths(doc)[j] != _COMMA:  # word ids: no Token for most names, which this rules out
        return False
    if doc[j + 1].lower_ in _THAT_IS:
        j += 2  # "that 's", "who is": the word after is skipped too
    elif not _BEFORE_ROLE(doc, doc[j + 1].orth):
        return False
    return _word_before_a_stop(doc, range(j + 1, min(j + 7, len(doc))), _WHO_WORDS)


def _a_number_after(doc: Doc, tok: Token) -> bool:
    """ "Flat 19", "Room 4": a word before a number is a place's label, not a name."""
    nxt = next_word(doc, tok.i)
    return nxt is not None and nxt.like_num


def _a_name_is(doc: Doc, before: Token) -> bool:
    """ "name is", "His name on paper is", "Her full name in the notes is": "name" up to three words before "is"."""
    return _word_before_a_stop(doc, range(before.i, max(-1, before.i - 4), -1), _NAME_WORD)


def _after_a_sign_off_word(doc: Doc, prev: Token) -> bool:
    before = prev_word(doc, prev.i)
    return before is not None and before.lower_ in SIGN_OFF_WORDS and before.i == prev.i - 1


_QUOTES = frozenset('"“”')  # double quotes: round a title or a quoted name (single ones are also apostrophes)
_QUOTE_OR_HERE = ByWord(lambda text: text in _QUOTES or text.lower() in HERE_WORDS)
_WHERE_WORD = ByWord(lambda text: text.lower() in FROM_OR_AT or text.lower() in ON_WORDS)
_RESPECT_WORD = ByWord(lambda text: text.lower() in HONORIFIC_SUFFIXES or text.lower() in KIN_AFTER_NAMES)
_HYPHEN = get_string_id("-")


def _ids_in_any_case(words) -> frozenset[int]:
    return frozenset(get_string_id(form) for word in words for form in (word, word.title(), word.upper()))


# The ids of the words that can follow a name in those two checks (in any case), so most names need neither call.
_WHERE_NEXT_IDS = _ids_in_any_case(FROM_OR_AT | HERE_WORDS | ON_WORDS) | {get_string_id(q) for q in _QUOTES}
_RESPECT_NEXT_IDS = _ids_in_any_case(HONORIFIC_SUFFIXES | KIN_AFTER_NAMES) | {_HYPHEN}


def _where_they_work(doc: Doc, tok: Token) -> bool:
    """ "Dawn from Boots", "Babatunde from the agency", "Seonaidh at the council", "Nóirín on nights", "Bríd here at
    Larchfield Court", '"Mark" from the bank': the person, by where they come from or work."""
    i = tok.i + 1
    orths = doc_orths(doc)
    while i < len(orths) and _QUOTE_OR_HERE(doc, orths[i]):
        i += 1
    if i + 1 >= len(orths) or not _WHERE_WORD(doc, orths[i]):
        return False  # most words: settled by the next word's id, with no Token made
    word, after = doc[i].lower_, doc[i + 1]
    if word in FROM_OR_AT and is_capitalised(after):
        # "Dawn from Boots", "Jo at Age UK", "Okonkwo at Windsor Street Medical Centre"; not "Dawn from Leeds"
        return after.lower_ not in PLACES or i + 2 < len(doc) and is_capitalised(doc[i + 2])
    if word in FROM_OR_AT and after.lower_ in FROM_PLACES:
        return _stands_for_a_person(doc, tok)  # "Joy from chapel", "Kerry-Ann from next door"
    if word in ON_WORDS:
        where = after.lower_ in ON_SHIFT
    else:  # "from the agency", "from our temple", "at the council"; not "at my son's" (a festival, a meal)
        where = word in FROM_OR_AT and after.lower_ in (_ANY_DETERMINER if word == "from" else DETERMINERS)
    return where and _stands_for_a_person(doc, tok) and (_is_known_first_name(tok) or not _A_THING(doc, tok.orth))


def _stands_for_a_person(doc: Doc, tok: Token) -> bool:
    """Not an abbreviation ("a PCSO from the team"), nor a word after a determiner, a word for where or a capitalised
    ordinary word ("an HCA on nights", "swears in Hungarian at them", "sings Amazing Grace at the sink"); a surname
    after a first name is ("Małgorzata Wiśniewska from the office")."""
    if tok.text.isupper() or starts_sentence(tok):
        return not tok.text.isupper()
    prev = prev_word(doc, tok.i)
    if prev is not None and prev.lower_ in POSSESSIVE_S:
        presenter = prev_word(doc, prev.i)  # "There's Parvin at the group", not "Nan's ninetieth at the home"
        return presenter is not None and presenter.lower_ in PRESENTING_WORDS
    return prev is None or not (
        prev.lower_ in DETERMINERS or prev.lower_ in NOT_BEFORE_WHERE or prev.text.isupper()
        or is_capitalised(prev) and is_common_word(prev.text)
    )


def _respect_after(doc: Doc, tok: Token) -> bool:
    """A title of respect or a family word written after the name ("Ramesh ji", "Patel-ji", "Ayşe Hanım", "Kavitha
    akka", "Rabeya Apa")."""
    orths = doc_orths(doc)
    nxt = tok.i + 1
    hyphen = nxt + 1 < len(orths) and orths[nxt] == _HYPHEN
    if nxt >= len(orths) or not _RESPECT_WORD(doc, orths[nxt + 1 if hyphen else nxt]):
        return False  # most words: settled by the next word's id, with no Token made
    if hyphen:
        return not tok.whitespace_ and not doc[nxt].whitespace_
    return tok.whitespace_ == " "


def _past_an_honorific(doc: Doc, end: int) -> int:
    """The end of a name with the title of respect written after it: "Ramesh ji", "Ayşe Hanım"."""
    i = end
    if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        i += 1
    elif doc[end - 1].whitespace_ != " ":
        return end
    return i + 1 if i < len(doc) and doc[i].lower_ in HONORIFIC_SUFFIXES else end


def _context_reason(doc: Doc, tok: Token, informal: bool) -> tuple[str, float] | None:  # noqa: C901
    # Each word's text, lowercase form and sentence start are read once here (each read of a Token's text builds a
    # string), not once per rule.
    prev = prev_word(doc, tok.i)
    prev_lower = prev.lower_ if prev is not None else ""
    # The word before, skipping commas too: the same token unless that word is a comma.
    prev_nc = prev if prev is None or prev.text != "," else prev_word(doc, prev.i, skip_commas=True)
    text, lower = tok.text, tok.lower_
    homograph = _COMMON_WORD(doc, tok.orth) or lower in WORD_NAMES
    known_first = lower in FIRST_NAMES
    capital = is_capitalised(tok) or text.isupper()
    is_month = lower in MONTHS
    sentence_start = starts_sentence(tok)
    lower_name_form = informal and text.islower()
    if prev is not None and prev_lower.rstrip(".") in TITLES and prev.text[:1].isupper():
        return f"a name after the title '{prev.text}'", 0.95
    title = (_title_before_particles(doc, tok.i) if prev_lower in NAME_PARTICLES or prev_lower == "-"
             or prev is not None and _INITIALS_RE.fullmatch(prev.text) else None)
    if title is not None:
        return f"a name after the title '{title.text}'", 0.95
    if capital and not homograph and prev is not None and prev.i == tok.i - 1 and _initials_before(doc, tok.i) \
            is not None and lower.rstrip(".") not in TITLES and not _looks_like_place(tok):
        return _AFTER_INITIALS, 0.8  # "F. Mbatha", "J.R. Khan" in case notes
    if prev is not None and prev_lower in GREETINGS and _opens_a_greeting(doc, prev) \
            and _ends_greeting(doc, tok.i) and (known_first or not homograph) and lower[:-1] not in TITLES:
        return f"a name after '{prev.text}' at the start of a message", 0.85  # "Hi Abi," "Dear Róisín,"
    if informal and prev is not None and prev_lower.rstrip(".") in LOWER_CASE_TITLES and text.islower() \
            and not homograph:
        return f"a name after the title '{prev.text}'", 0.85  # "her neighbour mrs ogden", in texting style
    if _surname_follows(doc, tok):
        return "a first name and a surname", 0.85
    if capital and not sentence_start and not homograph and not known_first and _unlisted_full_name(doc, tok, prev):
        return "a first name and a surname", 0.75
    if prev_nc is not None and (prev_nc.lower_ in KINSHIP or prev_nc.lower_ in ROLES):
        before = prev_word(doc, prev_nc.i)
        kin_capital = prev_nc.text[:1].isupper() and prev_nc.lower_ in KINSHIP and (
            not starts_sentence(prev_nc) or prev_nc is prev and prev_lower in KIN_TITLES)  # "Uncle Bill has"
        if kin_capital or (
            before is not None
            and (before.lower_ in _ANY_DETERMINER or before.lower_ in ROLES or before.is_alpha
                 or before.lower_ in POSSESSIVE_S and not _a_number_after(doc, tok))  # "Mr Eze's son Chuka"
        ):
            if capital or (informal and (known_first or not homograph)):
                if not (homograph and not capital and prev_nc.text != ","):
                    return f"a name after '{prev_nc.text}'", 0.9
    if prev is not None and prev_lower in {"called", "named"} and capital:
        return f"a name after '{prev.text}'", 0.85
    if prev is not None and prev_lower in {"called", "named"} and informal and text.islower():
        # "my new PA is called sunny": lowercase writing, and the thing named is a person
        for k in range(prev.i - 1, max(-1, prev.i - 4), -1):
            if doc[k].lower_ in ROLES or doc[k].lower_ in KINSHIP or doc[k].lower_ in PERSON_NOUNS:
                return f"a name after '{prev.text}'", 0.75
    # the next word's id settles most words, with no call (the cheapest test leads)
    orths = doc_orths(doc)
    next_orth = orths[tok.i + 1] if tok.i + 1 < len(orths) else 0
    if next_orth in _WHERE_NEXT_IDS and _where_they_work(doc, tok) and capital and (not homograph or known_first) \
            and not _looks_like_place(tok):
        return "a name followed by where the person is from or works", 0.75
    if next_orth in _RESPECT_NEXT_IDS and _respect_after(doc, tok) and (capital or lower_name_form) \
            and not homograph and not _looks_like_place(tok):
        return "a name with a word of respect after it", 0.85  # "Ramesh ji", "Ayşe Hanım", "Kavitha akka"
    if prev is not None and prev_lower in {"is", "am", "'m", "’m", "'s", "’s"} and capital and not homograph:
        before = prev_word(doc, prev.i)
        if (
            before is not None
            and before.lower_ in {"name", "i", "name's"}
            and (prev_lower not in {"'s", "’s"} or before.lower_ == "name")
        ):
            return "a name someone gives for themselves", 0.9
    if prev is not None and prev_lower in {"is", "was"} and capital:
        before = prev_word(doc, prev.i)
        if before is not None and _a_name_is(doc, before):
            return "a name someone gives for themselves", 0.9
        if (
            before is not None
            and (before.lower_ in ROLES or before.lower_ in KINSHIP)
            and _ends_clause(doc, doc[_extend_name(doc, tok.i, tok.i + 1) - 1])
        ):
            return f"a name given for someone's '{before.text}'", 0.85
    if (
        prev is not None
        and prev_lower in OBJECT_VERBS
        and capital
        and not sentence_start
        and (not homograph or lower in WORD_NAMES)
        and not _looks_like_place(tok)
    ):
        return f"a name after '{prev.text}'", 0.75
    if capital and prev_lower == "from" and not _looks_like_place(tok) and _after_a_sign_off_word(doc, prev):
        return "a name signing off the story", 0.8  # "Love from Tahmina, Rizwan and the kids"
    if capital and (not homograph or lower in NAME_WORDS) and _sign_off(doc, tok):  # "Olive", "Bill", alone
        return "a name signing off the story", 0.75
    if capital and prev is not None and prev.text == "," and (not homograph or lower in NAME_WORDS) \
            and _thanked_by_name(doc, tok, prev):
        return "a name someone is thanked by", 0.85  # "Thank you, Bill, for the rail"
    if prev is not None and prev_lower == "to" and capital and not sentence_start:
        before = prev_word(doc, prev.i)
        if before is not None and before.lower_ in _THANKS and _thanks_go(doc, before):
            return "a name someone is thanked by", 0.85
    if capital and (not homograph or lower in NAME_WORDS) and _named_as_role(doc, tok):
        return "a name followed by who the person is", 0.85
    # "at home in Catford, the carers are...": after "in", a place
    in_a_place = prev is not None and prev_lower in PLACE_ONLY_PREPOSITIONS
    if capital and not homograph and not in_a_place and (_appositive_role(doc, tok) or _followed_by_who(doc, tok)):
        return "a name followed by who the person is", 0.85
    if capital and is_month and not sentence_start:
        return None
    lower_name = informal and text.islower() and (known_first or not homograph and not _A_THING(doc, tok.orth))
    if (capital and not sentence_start) or lower_name:
        after_place_word = prev is not None and (
            prev_lower in PLACE_PREPOSITIONS and not known_first or prev_lower in PLACE_ONLY_PREPOSITIONS
        )  # "my sister in Leytonstone doesn't know", "we met in Chelsea and went": a place, not a person
        reported = prev is not None and prev_lower in REPORTING_VERBS and not homograph  # "He says Sushila has"
        if not after_place_word and _followed_by_person_verb(
            doc, tok, strong=(homograph or not known_first) and not reported
        ):
            shouted_word = homograph and text.isupper()
            if not shouted_word and not (homograph and prev is not None and prev_lower in _PRONOUNS_AND_DETERMINERS):
                return "a name followed by something a person does", 0.8
        if not in_a_place and _appositive_role(doc, tok):
            return "a name followed by who the person is", 0.85
    elif capital and sentence_start and (not homograph or lower in NAME_WORDS):
        if _set_off_before_who(doc, tok):
            return "a name followed by who the person is", 0.8
        if lower in WORD_NAMES and _COMMON_WORD(doc, tok.orth) and not known_first:
            nxt = next_word(doc, tok.i)  # "Hope said", not "Summer came early"
            return ("a name followed by something a person says", 0.75) if nxt and nxt.lower_ in SPEECH_VERBS else None
        a_thing = _A_THING(doc, tok.orth) and not known_first  # "Buzzer is the top one", "Boiler fixed Sunday"
        unknown_proper = not homograph and not known_first and not _looks_like_place(tok) and not a_thing
        if not a_thing and _followed_by_person_verb(doc, tok, strong=not unknown_proper):
            return "a name followed by something a person does", 0.75
    if capital and not homograph and not _looks_like_place(tok) and _possessive_person(doc, tok):
        return "a name with a possessive 's", 0.7
    return None


def _thanks_go(doc: Doc, before: Token) -> bool:
    """ "thanks goes to", "credit goes to": "goes to Zumba" alone is going somewhere."""
    if before.lower_ != "goes":
        return True
    earlier = prev_word(doc, before.i)
    return earlier is not None and earlier.lower_ in THANKS_WORDS and earlier.lower_ != "goes"


def _thanked_by_name(doc: Doc, tok: Token, comma: Token) -> bool:
    """ "Thank you, Bill," / "Thanks, Grace!": thanks, a comma, and a name that ends the clause."""
    before = prev_word(doc, comma.i)
    if before is None:
        return False
    if before.lower_ == "you":
        thank = prev_word(doc, before.i)
        if thank is None or thank.lower_ not in THANKS_WORDS:
            return False
    elif before.lower_ not in THANKS_WORDS:
        return False
    end = _extend_name(doc, tok.i, tok.i + 1)
    return end >= len(doc) or doc[end].is_punct or doc[end].lower_ == "and"


def _named_as_role(doc: Doc, tok: Token) -> bool:
    """ "Tran Thi Huong is our cleaner", "Mhairi was my keyworker": a name, then is/was and who the person is."""
    window = doc_text(doc)[tok.idx : tok.idx + 60]
    if " is " not in window and " was " not in window:
        return False
    end = _extend_name(doc, tok.i, tok.i + 1)
    if end + 2 >= len(doc) or doc[end].lower_ not in {"is", "was"} or _looks_like_place(tok):
        return False
    if doc[end + 1].lower_ not in POSSESSIVE_DETS | {"the"}:
        return False
    for k in range(end + 2, min(end + 5, len(doc))):
        word = doc[k]
        if word.lower_ in ROLES or word.lower_ in KINSHIP or word.lemma_.lower() in ROLES:
            return True
        if word.is_punct or word.lower_ in PLACE_PREPOSITIONS or word.lower_ == "of":
            return False  # "Frome is the highlight of Dad's week": who the person is comes straight after is/was
    return False


def _ends_clause(doc: Doc, tok: Token) -> bool:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.is_space or nxt.lower_ in {"and", "but", "who"}


def _followed_by_who(doc: Doc, tok: Token) -> bool:
    nxt = next_word(doc, tok.i, skip_commas=True)
    return nxt is not None and nxt.lower_ == "who" and doc[tok.i + 1].text == ","


def _sign_off(doc: Doc, tok: Token) -> bool:
    """A name alone on a line, or after a dash, at the start or end of a story: how people sign off."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    at_line_start = (
        prev is None
        or "\n" in prev.text
        or (prev.text in {"-", "–", "—"} and (tok.i < 2 or "\n" in doc[tok.i - 2].text))
    )
    if not at_line_start:
        return False
    end = _extend_name(doc, tok.i, tok.i + 1)
    after = doc[end] if end < len(doc) else None
    line_ends = (
        after is None
        or "\n" in after.text
        or after.text in {",", "."}
        and (end + 1 >= len(doc) or "\n" in doc[end + 1].text or end + 2 >= len(doc) or doc[end + 1].is_title)
    )
    near_edge = tok.i < 3 or len(doc) - end < 6
    return line_ends and near_edge and not _looks_like_place(tok)


def _header_label(doc: Doc, tok: Token) -> bool:
    """ "Subject: ...", "Highlights: ...": an everyday word starting a line and followed by a colon labels what
    follows (a chat's speaker, "Mel: have you noticed", is a name, not an everyday word)."""
    i = tok.i
    return (
        i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and not tok.whitespace_
        and (i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_)
        and is_common_word(tok.text)
        and tok.lower_ not in FIRST_NAMES
    )


def _possessive_person(doc: Doc, tok: Token) -> bool:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    if nxt is None or nxt.lower_ not in {"'s", "’s"} or after is None:
        return False
    return after.text.islower() and after.is_alpha and not starts_sentence(tok) and is_proper_like(tok.text)


def _hyphen_tail(doc: Doc, i: int) -> int:
    """The last token of a name written with a short lower-case second half ("Ji-woo", "Mary-jo"): i + 2, or i."""
    if (
        i + 2 < len(doc)
        and not doc[i].whitespace_
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].text.isalpha()
        and doc[i + 2].text.islower()
        and len(doc[i + 2].text) <= 5
        and not (i + 3 < len(doc) and doc[i + 3].text == "-" and not doc[i + 2].whitespace_)
    ):
        return i + 2
    return i


def _surname_word(tok: Token) -> bool:
    lower = tok.lower_
    if not (is_capitalised(tok) and is_wordlike(tok)):
        return False
    if _never_a_surname(lower):
        return False
    return not (is_common_word(tok.text) and lower not in FIRST_NAMES)


def _extend_name(doc: Doc, start: int, end: int) -> int:
    """Take in surnames: following capitalised words that are not ordinary words, places or org words."""
    end = _hyphen_tail(doc, end - 1) + 1
    while end < len(doc) and end - start < 4:
        tok = doc[end]
        if (
            tok.text == "-"
            and end + 1 < len(doc)
            and not doc[end - 1].whitespace_
            and not tok.whitespace_
            and is_capitalised(doc[end + 1])
        ):
            end += 2
            continue
        if (
            tok.lower_ in NAME_PARTICLES
            and doc[end - 1].whitespace_ == " "
            and end + 1 < len(doc)
            and (tok.whitespace_ == " " or doc[end + 1].text == "-")
        ):
            # "Dafydd ap Gwilym", "Omar al-Rashid", "Lorraine van der Merwe": the particles belong to the name
            # before a family name.
            nxt = end + 2 if doc[end + 1].text == "-" and not tok.whitespace_ and end + 2 < len(doc) else end + 1
            if doc[nxt].lower_ in NAME_PARTICLES and doc[nxt].whitespace_ == " " and nxt + 1 < len(doc):
                nxt += 1
            if _surname_word(doc[nxt]):
                end = nxt + 1
                continue
            break
        if not (is_capitalised(tok) and is_wordlike(tok)) or doc[end - 1].whitespace_ != " ":
            break
        lower = tok.lower_
        if _never_a_surname(lower):
            break
        if is_common_word(tok.text) and lower not in FIRST_NAMES and not _listed_first_name_before(doc, start, end) \
                and not _ends_the_last_line(doc, start, end):
            break
        end = _hyphen_tail(doc, end) + 1  # "Lau Kwok-wah", "Wong Mei-ling": the given name after the family name
    return _past_an_honorific(doc, end)


def _ends_the_last_line(doc: Doc, start: int, end: int) -> bool:
    """ "Eirwen Price" alone on a story's last line, where people sign off: the capitalised word after the first
    name there is a surname, even when it is an ordinary word (a price, a baker)."""
    after = end + 1
    line_start = start == 0 or "\n" in doc[start - 1].text
    line_end = after >= len(doc) or "\n" in doc[after].text and len(doc) - after < 3
    return start > 0 and line_start and line_end


def _listed_first_name_before(doc: Doc, start: int, end: int) -> bool:
    """ "Mary Smith", "Susan Wood": straight after a listed first name that is no ordinary word itself, a capitalised
    word is the surname even when it is also an ordinary word (a smith, a wood). So too after a title and a first
    name, whatever the first name ("Nurse Hyacinth Brown", "Doctor Imelda Green"): the title says a person's name
    follows. Not in capitals ("DORIS NEEDS"), where every word is capitalised."""
    first, surname = doc[start], doc[end]
    if end != start + 1 or first.text.isupper() or surname.text.isupper():
        return False
    return (_is_known_first_name(first) and not _COMMON_WORD(doc, first.orth)) or _after_title(doc, start)


_INITIALS_RE = PATTERNS["initials"]


def _particles_before(doc: Doc, i: int) -> int:
    """Where the name particles or initials straight before token i begin ("da" in "Mr da Costa", "van der", "al-",
    "K." in "Mrs K. Nowakowska", "Ó" in "Dr Ó Súilleabháin"), or i."""
    j = i
    while j > 0:
        prev = doc[j - 1]
        if prev.text == "-" and not prev.whitespace_ and j >= 2 and not doc[j - 2].whitespace_ \
                and doc[j - 2].lower_ in NAME_PARTICLES:
            j -= 2
        elif prev.whitespace_ == " " and (prev.lower_ in NAME_PARTICLES and (prev.text.islower() or _after_title(
                doc, j - 1)) or _INITIALS_RE.fullmatch(prev.text)):
            j -= 1  # a capitalised particle only straight after a title: "Dr Ó Súilleabháin", "Mrs De Souza"
        else:
            break
    return j


def _opens_a_greeting(doc: Doc, word: Token) -> bool:
    """The greeting starts the message: "Dear", or "Assalamu alaikum" (a greeting of two words)."""
    if word.text[:1].isupper() and starts_sentence(word):
        return True
    first = prev_word(doc, word.i)
    return first is not None and first.lower_ in GREETINGS and first.text[:1].isupper() and starts_sentence(first)


def _ends_greeting(doc: Doc, i: int) -> bool:
    """The greeting's line ends after the name, or a comma or "!" does: "Hi Abi," not "Hi Abi and Sam"."""
    return i + 1 == len(doc) or doc[i + 1].text in {",", "!"} or "\n" in doc[i + 1].text


_AFTER_INITIALS = "a surname after initials"


def _initials_before(doc: Doc, i: int) -> int | None:
    """Where up to three initials with full stops written just before token i begin ("F. Mbatha", "A. J. Khan"),
    unless a word such as "the" comes before them ("the U.K. Government")."""
    start = i
    while start > 0 and i - start < 3:
        text = doc[start - 1].text
        if not (text.endswith(".") and _INITIALS_RE.fullmatch(text)):
            break
        start -= 1
    if start == i or start > 0 and doc[start - 1].lower_ in _ANY_DETERMINER:
        return None
    return start


_IS_TITLE = ByWord(lambda text: text[:1].isupper() and text.lower().rstrip(".") in TITLES)


def _titles_with_initials(doc: Doc, covered: set[int]) -> list[_Candidate]:
    """ "Mrs P.K.", "Mr D.", "Ms A. J.": a title and initials with their full stops and no surname, as case notes
    name people. A lone capital letter without one ("Mr X") stands in for a name and is left."""
    found = []
    for i in _IS_TITLE.select(doc, doc_orths(doc), capital_indices(doc)):
        end = i + 1
        while end < len(doc) and end - i <= 3 and doc[end].text.endswith(".") and _INITIALS_RE.fullmatch(doc[end].text):
            end += 1
        if end == i + 1 or i in covered:
            continue
        after = doc[end] if end < len(doc) else None
        if after is not None and is_capitalised(after) and is_wordlike(after) and not is_common_word(after.text):
            continue  # a surname follows: the title and the surname are found together
        found.append(_Candidate(i, end, "a title and initials", 0.85))
    return found


_QUOTE_IDS = frozenset(get_string_id(q) for q in _QUOTES | {"'", "‘", "’"})
_NICKNAME_CUE_IDS = frozenset(
    get_string_id(form) for word in NAME_INTRODUCERS | {"call", "calls", "calling"} for form in (word, word.title())
)


def _quoted_nicknames(doc: Doc, covered: set[int]) -> list[_Candidate]:
    """ 'my support worker is called "Tiny"', "everyone calls him 'Sparky'": one capitalised word in quotes after
    "called" or "named" (with a person before) or "call him": a nickname, even when it is an ordinary word."""
    orths = doc_orths(doc)
    if _NICKNAME_CUE_IDS.isdisjoint(orths) or _QUOTE_IDS.isdisjoint(orths):
        return []  # most stories: no "called"/"call him" at all, so no scan of their words
    found = []
    for q in [i for i, orth in enumerate(orths[:-2]) if orth in _QUOTE_IDS]:
        word = doc[q + 1]
        if q + 1 in covered or orths[q + 2] not in _QUOTE_IDS or not (is_capitalised(word) and is_wordlike(word)):
            continue
        prev = prev_word(doc, q)
        if prev is None or _BLOCKED_NICKNAME(doc, word.orth):
            continue
        if prev.lower_ in NAME_INTRODUCERS and _a_person_before(doc, prev) or _kin_or_called_cue(doc, prev):
            found.append(_Candidate(q + 1, q + 2, f"a nickname in quotes after '{prev.text}'", 0.8))
    return found


def _lower_case_titled(doc: Doc, covered: set[int]) -> list[_Candidate]:
    """ "mrs o'sullivan", "mrs k.", "miss okafor" in texting style: a title in lower case and then a surname with an
    apostrophe, an initial, or (after "miss") a word that is no ordinary word."""
    if not is_informal(doc):
        return []
    found = []
    for i in range(len(doc) - 1):
        title, nxt = doc[i], doc[i + 1]
        lower = title.lower_.rstrip(".")
        if not title.text.islower() or i in covered or i + 1 in covered or lower not in _LOWER_CASE_TITLES_OR_MISS:
            continue
        word = nxt.text
        if not word.islower() or word in BLOCKED or is_common_word(word) or not title.whitespace_:
            continue
        initial = len(word) == 2 and word[0].isalpha() and word[1] == "."
        apostrophe = word.replace("’", "'").find("'")
        if apostrophe > 0 and word[apostrophe + 1 :] in CONTRACTION_ENDINGS:
            continue  # "mrs tolley've", a contraction, not "o'hare"
        if initial or (is_wordlike(nxt) and (apostrophe > 0 or lower in INFORMAL_TITLES)):
            found.append(_Candidate(i, i + 2, f"a name after the title '{title.text}'", 0.85))
    return found


def _title_before_particles(doc: Doc, i: int) -> Token | None:
    """The title before a surname that follows name particles or initials: "Mr" in "Mr da Costa", "Mrs van der
    Berg", "Dr J.R. Patel"."""
    first = _particles_before(doc, i)
    return doc[first - 1] if first < i and _after_title(doc, first) else None


def _after_title(doc: Doc, start: int) -> bool:
    prev = prev_word(doc, start)
    return (prev is not None and prev.i == start - 1 and prev.lower_.rstrip(".") in TITLES
            and prev.text[:1].isupper())


def _extend_left(doc: Doc, start: int) -> int:
    if _title_before_particles(doc, start) is not None:
        start = _particles_before(doc, start)  # "Mrs van der Berg": the particles, then the title below
    prev = prev_word(doc, start)
    if prev is None or prev.i != start - 1:
        return start
    prev_lower, prev_text = prev.lower_, prev.text
    title = prev_lower.rstrip(".")
    lower_case_title = prev_text.islower() and (
        title in LOWER_CASE_TITLES and doc[start].text.islower()
        or prev_lower in INFORMAL_TITLES and _informal_title_before(doc, prev, start)
    )
    if title in TITLES and prev_text[:1].isupper() or lower_case_title:
        first = prev_word(doc, prev.i)
        if (
            first is not None
            and first.i == prev.i - 1
            and first.lower_ in TITLE_MODIFIERS
            and first.text[:1].isupper()
        ):
            return first.i
        return prev.i
    if prev_lower in NICKNAME_ADJECTIVES and prev_text[:1].isupper() and (
            prev_lower in NICKNAMES_AT_A_START or not starts_sentence(prev)):
        return prev.i
    # Given names before the name found, in traditions our list does not hold ("Trần Văn Minh", "Lau Siu Ling",
    # "Seren Williams-Ogunleye"): up to two capitalised words just before it that are no ordinary word, place,
    # organisation or street word, nor a word capitalised only as a sentence's first.
    found = start
    for _ in range(2):
        if prev is None or prev.i != start - 1 or not is_capitalised(prev) or prev.whitespace_ != " " \
                or not _surname_word(prev) or is_common_word(prev.text) \
                or _opens_a_sentence(doc, prev.i) and not _is_known_first_name(prev):
            break  # at a sentence's start, only a listed first name ("Goodnight Priya", "Jezus Maria" are not)
        start = prev.i
        prev = prev_word(doc, start)
    # "near Kirkby Stephen": after a word for where, the capitalised words are a place's name
    return found if prev is not None and prev.i == start - 1 and prev.lower_ in PLACE_PREPOSITIONS else start


def _opens_a_sentence(doc: Doc, i: int) -> bool:
    """The first word of the story, of a line, or after a full stop, "!" or "?" (not after a bracket, a colon or a
    dash, where a name is often written: "Name: Trần Văn Minh", "(Lau Siu Ling)")."""
    if i == 0:
        return True
    bits = shape_bits(doc)[i - 1]
    return bool(bits & SENTENCE_END_BIT) or bool(bits & SPACE_BIT) or "\n" in doc[i - 1].whitespace_


def _informal_title_before(doc: Doc, prev: Token, start: int) -> bool:
    """ "miss adebayo" in texting style: "miss" (lower case, checked by the caller) before a lower-case name is a
    title, but not after "I" or "we"."""
    if not doc[start].text.islower():
        return False
    before = prev_word(doc, prev.i)
    return before is None or before.lower_ not in PRONOUNS


def _names_a_place_or_body(doc: Doc, tok: Token) -> bool:
    """ "royal albert infirmary", "victoria road": in lower case a first name is part of a hospital's, an
    organisation's or a street's name when one of their words comes next."""
    nxt = next_word(doc, tok.i)
    return nxt is not None and (nxt.lower_ in ORG_WORDS or nxt.lower_ in STREET_SUFFIXES)


def _lexical_reason(doc: Doc, tok: Token, informal: bool = False) -> tuple[str, float] | None:
    if tok.lower_ in MONTHS or not _is_known_first_name(tok):
        return None
    if not (is_capitalised(tok) or tok.text.isupper()):
        # Texting style, where names lose their capitals too ("me n kyle", "this is sandra"): a listed first name
        # that is no everyday word and no word name.
        if informal and tok.text.islower() and not _COMMON_WORD(doc, tok.orth) and tok.lower_ not in WORD_NAMES \
                and tok.lower_ not in NOT_NAMES and not _looks_like_place(tok) and not _names_a_place_or_body(doc, tok):
            return "a common first name, written in lower case", 0.7
        return None
    if _COMMON_WORD(doc, tok.orth) and not _NAME_NOT_WORD(doc, tok.orth):
        return None
    nxt = next_word(doc, tok.i)
    if tok.lower_ in WORD_NAMES and starts_sentence(tok):
        # "Amber lights flashed": at the start of a sentence a word name needs a person's verb or "and" after it.
        if nxt is None or not (nxt.lower_ in PERSON_VERBS or nxt.text in {",", "'s", "’s"}):
            return None
    if _names_a_place_or_body(doc, tok) and nxt.text[:1].isupper():
        return None
    if _word_before_says_not_a_name(doc, tok):
        return None
    return "a common first name", 0.8


def _word_before_says_not_a_name(doc: Doc, tok: Token) -> bool:
    """A word before that makes a listed first name something else: lexicon before_not_a_name, or "in" (and the
    other place_only_prepositions) for a place ("we met in Chelsea"; not "in Florence's room")."""
    if _in_a_place(doc, tok):
        return True
    prev = prev_word(doc, tok.i)
    if prev is not None and prev.lower_ in {"'s", "’s"}:
        prev = prev_word(doc, prev.i)
    return prev is not None and prev.lower_ in BEFORE_NOT_A_NAME


def _blocked_propagation(doc: Doc, tok: Token) -> bool:
    """A repeated homograph ("grace", "will") only counts as the name where it cannot be the ordinary word. At a
    sentence's start, a word already known as a name is that person before a verb ("Summer is", "Pat has")."""
    if len(tok.text) == 1:
        return True  # "I", or an initial: never a name said again
    if not _is_homograph(tok):
        return False
    prev = prev_word(doc, tok.i)
    if prev is not None and (prev.lower_ in _BEFORE_ORDINARY_WORD):
        return True
    if starts_sentence(tok) and not (_followed_by_person_verb(doc, tok, strong=False) or _appositive_role(doc, tok)
                                     or _with_another_person(doc, tok)):
        return True
    return not tok.text[:1].isupper() and not tok.text.islower()


def _with_another_person(doc: Doc, tok: Token) -> bool:
    """ "Hope and I", "Sunny and Dolores": a name already known in the story, joined to "I", "me" or another
    capitalised name, is the person again even at the start of a sentence."""
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "and":
        return False
    after = doc[tok.i + 2]
    return after.text in {"I", "me"} or (is_capitalised(after) and after.lower_ in FIRST_NAMES)


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _eponymous(doc: Doc, tok: Token) -> bool:
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


def find_people(doc: Doc) -> list[Finding]:  # noqa: C901
    informal = is_informal(doc)
    found: dict[int, _Candidate] = {}
    candidates = name_candidate_indices(doc)
    orths = doc_orths(doc)
    # Most words are ruled out by their text alone; capitalised ordinary words need a strong cue.
    names = _COULD_BE_NAME[informal].select(doc, orths, candidates)
    if len(names) < len(candidates):
        named = set(names)
        others = [i for i in candidates if i not in named]
        for i in _ORDINARY_WORD_NAME.select(doc, orths, others):
            tok = doc[i]
            if not _WORD_NAME(doc, orths[i]) and starts_sentence(tok):
                if _LISTED_NAME(doc, orths[i]) and _set_off_before_who(doc, tok):
                    found[i] = _Candidate(i, i + 1, "a name followed by who the person is", 0.8)
                continue  # what _strong_cue says first at a sentence start, without its other checks
            strong = _strong_cue(doc, tok)
            if strong is not None:
                found[i] = _Candidate(_extend_left(doc, i), _extend_name(doc, i, i + 1), *strong)
    for i in names:
        tok = doc[i]
        if _eponymous(doc, tok) or _month_in_date(doc, tok) or _header_label(doc, tok):
            continue
        reason = _context_reason(doc, tok, informal) or _strong_cue(doc, tok)
        if reason is None:
            if _looks_like_place(tok):
                continue
            reason = _lexical_reason(doc, tok, informal)
        if reason is None:
            continue
        start = _extend_left(doc, tok.i) if reason[0] != _AFTER_INITIALS else _initials_before(doc, tok.i)
        end = _extend_name(doc, tok.i, tok.i + 1)
        # A hyphenated first name is one name: "Mary-Jo", "Kerry-Ann" (its first half may be a place or a word).
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and is_capitalised(doc[start - 2])
            and is_wordlike(doc[start - 2])
        ):
            start = _extend_left(doc, start - 2)  # "Ms Kerry-Ann Lomax": a title before the first half too
        found[tok.i] = _Candidate(start, end, reason[0], reason[1])
    # Drop tokens swallowed by a longer name, then coordinate and propagate.
    covered: set[int] = set()
    spans: list[_Candidate] = []
    for i in sorted(found):
        if i in covered:
            continue
        cand = found[i]
        covered.update(range(cand.start, cand.end))
        if spans and cand.start < spans[-1].end:  # "Doctor Imelda" and "Imelda Green": one name, the surer reason
            last = spans[-1]
            last.end = max(last.end, cand.end)
            if cand.confidence > last.confidence:
                last.reason, last.confidence = cand.reason, cand.confidence
            continue
        spans.append(cand)
    for cand in [*_titles_with_initials(doc, covered), *_lower_case_titled(doc, covered),
                 *_quoted_nicknames(doc, covered)]:
        covered.update(range(cand.start, cand.end))
        spans.append(cand)
    spans.extend(_coordinated(doc, spans, covered, informal))
    spans.extend(_repeated(doc, spans, covered, candidates))
    findings = []
    text = doc_text(doc)
    # A pet's or a song's name is not a person's anywhere in the story ("my dog, Winston ... Winston barks").
    not_people = {text[slice(*_char_offsets(doc, c.start, c.end))] for c in spans
                  if _names_a_pet(doc, c.start, c.end) or _names_a_song(doc, c.start) or _called_it(doc, c.start)}
    for c in sorted(spans, key=lambda c: c.start):
        if _named_thing(doc, c.start) or _in_a_quoted_title(doc, c.start, c.end) or _talked_of_as_a_place(doc, c):
            continue
        start_char, end_char = _char_offsets(doc, c.start, c.end)
        name = text[start_char:end_char]
        if name in not_people or _in_a_character_or_brand(text, start_char, end_char):
            continue
        findings.append(Finding("PERSON", start_char, end_char, name, c.confidence, _plain_reason(name, c)))
    return findings


_NOT_PEOPLE_BY_WORD: dict[str, list[str]] = {}
for _phrase in sorted(NOT_PEOPLE):
    for _word in _phrase.split():
        _NOT_PEOPLE_BY_WORD.setdefault(_word, []).append(_phrase)


def _in_a_character_or_brand(text: str, start: int, end: int) -> bool:
    """ "Mr Tumble", "Miss Marple", "a John Lewis bag", "Marks & Spencer": a name inside a character's, a show's
    or a brand's name (lexicon not_people) is not a person."""
    words = [word for word in text[start:end].lower().split() if word in _NOT_PEOPLE_BY_WORD]
    if not words:
        return False
    phrases = {p for word in words for p in _NOT_PEOPLE_BY_WORD[word]}
    window_start = max(0, start - 30)
    window = text[window_start : end + 30].lower()
    for phrase in phrases:
        at = window.find(phrase)
        while at >= 0:
            if window_start + at < end and start < window_start + at + len(phrase):
                return True
            at = window.find(phrase, at + 1)
    return False


def _talked_of_as_a_place(doc: Doc, cand: _Candidate) -> bool:
    """ "Ballymena's where she grew up", "Kilburn's only two miles", "Sketty's a nice area": one word, and what is
    said of it is said of a place."""
    end = cand.end
    if end - cand.start != 1 or end >= len(doc) or doc[end].lower_ not in POSSESSIVE_S:
        return False
    return _word_before_a_stop(doc, range(end + 1, min(end + 5, len(doc))), PLACE_TALK)


def _called_it(doc: Doc, start: int) -> bool:
    """ "I've called it Gerald", "we named it Boris": a thing's name (a plant, a car, a boiler), not a person's."""
    prev = prev_word(doc, start)
    if prev is None or prev.lower_ != "it":
        return False
    before = prev_word(doc, prev.i)
    return before is not None and before.lower_ in NAME_INTRODUCERS


_IS_QUOTE = ByWord(lambda text: text in _QUOTES)


def _in_a_quoted_title(doc: Doc, start: int, end: int) -> bool:
    """A name inside a quoted title of three or more capitalised words ("On Jordan's Stormy Banks", "The Bonnie
    Banks o' Loch Lomond"): a song's, a book's or a show's title. Speech in quotes has small words in lower case
    ("Of course, Skye.")."""
    orths = doc_orths(doc)
    close_at = next((k for k in range(end, min(len(doc), end + 12)) if _IS_QUOTE(doc, orths[k])), None)
    if close_at is None:
        return False
    open_at = next((k for k in range(start - 1, max(-1, start - 12), -1) if _IS_QUOTE(doc, orths[k])), None)
    if open_at is None:
        return False
    words = [t for t in doc[open_at + 1 : close_at] if not t.is_punct]
    if len(words) < 3 or words[0].lower_.rstrip(".") in TITLES or words[0].lower_ in FIRST_NAMES:
        return False  # "Mrs K. Nowakowska" on a label, "Aaron at BT" on the phone: a person, quoted
    content = [t for t in words if t.lower_ not in TITLE_SMALL_WORDS]
    return all(t.text[:1].isupper() and not t.text.isupper() for t in content)


def _names_a_pet(doc: Doc, start: int, end: int) -> bool:
    """"my dog, Winston", "a grey pony called Mr Darcy", "Pickle, her terrier", "Kevin (he's our fish)": the
    animal word says it."""
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.text == "(" and any(t.lower_ in ANIMAL_WORDS for t in doc[end + 1 : end + 6]):
        return True
    prev = prev_word(doc, start, skip_commas=True)
    if prev is not None and prev.lower_ in ANIMAL_WORDS:
        return True
    if prev is not None and prev.lower_ in NAME_INTRODUCERS:
        word = prev
        for _ in range(4):  # "her pony is a grey called ...": a few words back, in the same sentence
            if starts_sentence(word):
                break
            word = prev_word(doc, word.i, skip_commas=True)
            if word is None:
                break
            if word.lower_ in ANIMAL_WORDS:
                return True
    after = next_word(doc, end - 1)
    owner = next_word(doc, after.i) if after is not None and after.text == "," else None
    if owner is None or owner.lower_ not in POSSESSIVE_DETS:
        return False
    # "Winston, her old dog": the animal word, after a word or two that describe it
    return any(t.lower_ in ANIMAL_WORDS for t in doc[owner.i + 1 : owner.i + 4] if not t.is_punct)


def _names_a_song(doc: Doc, start: int) -> bool:
    """"we sang Danny Boy", "he hums Calon Lân": what is sung is a song."""
    prev = prev_word(doc, start)
    return prev is not None and prev.i == start - 1 and prev.lower_ in SONG_VERBS


def _named_thing(doc: Doc, start: int) -> bool:
    """ "the Lord Nelson" (a pub), "the Margaret Rose" (a boat), "the big Tesco", "Storm Isha": a name straight after
    "the" or a word such as "storm", or
    after "the" and a word such as "big" or "new", names a thing; a person only with a title that takes "the" ("the
    Reverend Pat Okoro", "the late Mr Hughes")."""
    if start == 0 or doc[start].lower_.rstrip(".") in TITLES_AFTER_THE:
        return False
    before = doc[start - 1]
    if before.lower_ in THING_NAME_WORDS:
        return True  # "Storm Isha", "Hurricane Beryl"
    if before.lower_ in THING_ADJECTIVES and start > 1:
        before = doc[start - 2]
    return before.lower_ == "the"


def _char_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where tokens start..end-1 begin and end in the text (a Span's start_char and end_char, without the Span:
    the doc's tokens cover its text, so the text between is the Span's text)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


# Reasons that describe how a name was found rather than what it is: a person reads "this looks like a common
# first name" under "Sarah Jenkins" as wrong, and "a name followed by something a person does" as odd.
_HOW_FOUND = {"a common first name", "a name followed by something a person does", "a first name and a surname"}


def _plain_reason(name: str, c: _Candidate) -> str:
    """ "a person's full name" for a first name and a surname, "a person's name" for one name ("Kerry-Ann")."""
    if c.reason not in _HOW_FOUND:
        return c.reason
    parts = [
        part
        for part in name.split()
        if part.lower().rstrip(".") not in TITLES and part.lower() not in NICKNAME_ADJECTIVES
    ]
    return "a person's full name" if len(parts) >= 2 else "a person's name"


def _leads_a_list(doc: Doc, cand: _Candidate) -> bool:
    """ "Jarek, Agnieszka and Bartek": the name is followed by "and" or a comma and another word, so a capitalised
    word and a comma before it are the list's first name."""
    return cand.end + 1 < len(doc) and doc[cand.end].lower_ in {"and", ","} and is_capitalised(doc[cand.end + 1])


def _coordinated(doc: Doc, spans: list[_Candidate], covered: set[int], informal: bool) -> list[_Candidate]:
    """ "Rose and Will", "Jarek, Agnieszka and Bartek": a capitalised word joined by 'and' (or first in a list) to a
    name is a name too."""
    extra: list[_Candidate] = []
    for cand in list(spans):
        for idx, step in ((cand.end, 1), (cand.start - 1, -1)):
            conj = doc[idx] if 0 <= idx < len(doc) else None
            if conj is None or conj.lower_ not in {"and", "or", "&", "n"} and not (
                    step == -1 and conj.text == "," and _leads_a_list(doc, cand)):
                continue
            other_i = idx + step
            if not (0 <= other_i < len(doc)) or other_i in covered:
                continue
            other = doc[other_i]
            if not _could_be_name(other, informal) or not (is_capitalised(other) or informal):
                continue
            if other.lower_ in PLACES or (starts_sentence(other) and _is_homograph(other)):
                continue
            start, end = (other_i, _extend_name(doc, other_i, other_i + 1)) if step == 1 else (other_i, other_i + 1)
            if any(i in covered for i in range(start, end)):
                continue
            covered.update(range(start, end))
            extra.append(_Candidate(start, end, "a name joined by 'and' to another name", 0.75))
    return extra


# A word of a name that is not a title or a nickname's adjective ("Dr", "Big"): what _repeated looks for again.
_NAME_PART = ByWord(
    lambda text: text.lower().rstrip(".") not in TITLES and text.lower() not in NICKNAME_ADJECTIVES
)
_NAME_KEY = ByWord(lambda text: text if not text.isupper() else text[:1].upper() + text[1:].lower())


def _a_place_here(doc: Doc, tok: Token) -> bool:
    """ "My wife Florence ... our honeymoon in Florence", "now she's in Chelsea Court": the same word is a place
    after "in", or part of an organisation's or a street's name before one of their words."""
    return _in_a_place(doc, tok) or _names_a_place_or_body(doc, tok) and is_capitalised(doc[tok.i + 1])


def _in_a_place(doc: Doc, tok: Token) -> bool:
    """Straight after "in" (lexicon place_only_prepositions) a name is a place, unless it owns something ("in
    Florence's room")."""
    prev = prev_word(doc, tok.i)
    if prev is None or prev.i != tok.i - 1 or prev.lower_ not in PLACE_ONLY_PREPOSITIONS:
        return False
    nxt = next_word(doc, tok.i)
    return nxt is None or nxt.lower_ not in {"'s", "’s"}


def _repeated(doc: Doc, spans: list[_Candidate], covered: set[int], candidates: list[int]) -> list[_Candidate]:
    """Once a word is known to be someone's name in this story, its other uses are that person too."""
    known: dict[str, str] = {}
    orths = doc_orths(doc)
    for cand in spans:
        words = _NAME_PART.select(doc, orths, range(cand.start, cand.end))
        if words:
            start_char, end_char = _char_offsets(doc, cand.start, cand.end)
            name = doc_text(doc)[start_char:end_char]
            for i in words:
                known.setdefault(_NAME_KEY(doc, orths[i]), name)
    extra: list[_Candidate] = []
    if not known:
        return extra
    key_of = _NAME_KEY.values.get
    for i in candidates:
        key = key_of(orths[i]) or _NAME_KEY(doc, orths[i])
        if i in covered or key not in known:
            continue
        tok = doc[i]
        if _blocked_propagation(doc, tok) or _month_in_date(doc, tok) or _a_place_here(doc, tok):
            continue
        start = _extend_left(doc, tok.i)
        if any(i in covered for i in range(start, tok.i + 1)):
            start = tok.i
        covered.update(range(start, tok.i + 1))
        extra.append(_Candidate(start, tok.i + 1, f"the same name as '{known[key]}' earlier in the story", 0.8))
    return extra


CHAT_SPEAKER_RE = PATTERNS["chat_speaker"]
LINE_SPEAKER_RE = PATTERNS["line_speaker"]


def find_chat_speakers(text: str) -> list[Finding]:
    """ "[12/03/2026, 18:47] Ionuț: ...": in a copied chat the name before each message is the person who wrote it,
    whatever the name (a family word such as "Mum" or "Nain" is not a name). Without time stamps ("tash: hes ok"),
    a word that starts two or more lines before a colon, and is no ordinary word or label ("Note:", "Plan:")."""
    if ":" not in text:
        return []
    found = []
    for m in CHAT_SPEAKER_RE.finditer(text):
        name = m.group(1)
        if name.lower() in KINSHIP or name.lower() in BLOCKED:
            continue
        found.append(Finding("PERSON", m.start(1), m.end(1), name, 0.85, "the name before a message in a chat"))
    if found or "\n" not in text:
        return found
    lines: dict[str, list[re.Match]] = {}
    for m in LINE_SPEAKER_RE.finditer(text):
        lines.setdefault(m.group(1).lower(), []).append(m)
    # Two or more speakers with several lines each make it a chat: there a first name that is also a word ("Bill",
    # "precious") is a speaker too.
    a_chat = sum(len(matches) >= 2 for matches in lines.values()) >= 2
    for lower, matches in lines.items():
        if len(matches) < 2 or lower in BLOCKED or lower in PERSON_NOUNS:
            continue
        if is_common_word(lower) and not (a_chat and lower in NAME_WORDS):
            continue
        found += [Finding("PERSON", m.start(1), m.end(1), m.group(1), 0.8, "the name before several messages in a chat")
                  for m in matches]
    return sorted(found, key=lambda f: f.start)

