"""The words around a name that say a person is meant.

A role set off beside it ("Liz, the nurse"), a kinship word or "called" before it, something a person does
after it, where they work.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    AFTER_NAMES_S,
    DEPARTMENTS,
    DETERMINERS,
    FROM_OR_AT,
    FROM_PLACES,
    IN_WORDS,
    KINSHIP,
    NICKNAME_ADJECTIVES,
    NOT_BEFORE_WHERE,
    ON_SHIFT,
    ON_WORDS,
    PERSON_NOUNS,
    PERSON_VERBS,
    PLACE_FOLLOWS,
    PLACE_PREPOSITIONS,
    PLACES,
    POSSESSIVE_DETS,
    POSSESSIVE_S,
    PRESENTING_WORDS,
    ROLES,
    STRONG_PERSON_VERBS,
    TITLES,
    VERB_ADVERBS,
    is_common_word,
    is_proper_like,
)
from ..tokens import doc_orths, doc_text, is_capitalised, next_word, prev_word, starts_sentence
from .spans import extend_name, hyphen_tail
from .words import (
    A_THING,
    ANY_DETERMINER,
    BEFORE_ROLE,
    BRACKETED_WHO,
    COMMA,
    HYPHEN,
    NAME_WORD,
    OPEN_BRACKET,
    QUOTE_OR_HERE,
    RESPECT_WORD,
    THAT_IS,
    WHERE_WORD,
    WHO_WORDS,
    is_known_first_name,
    looks_like_place,
)


def introduced_cue(doc: Doc, prev: Token) -> tuple[str, float] | None:
    """ "a staff called Kerry", "a guy called Big Rich", "my name's Summer": a name introduced as one."""
    called = prev
    if prev.lower_ in NICKNAME_ADJECTIVES and prev.text[:1].isupper():
        called = prev_word(doc, prev.i) or prev
    if called.lower_ in {"called", "named"} and a_person_before(doc, called):
        return f"a name after '{called.text}'", 0.85
    if prev.lower_ in {"is", "'s", "’s"}:
        before = prev_word(doc, prev.i)
        if before is not None and before.lower_ == "name":
            return "a name someone gives for themselves", 0.9
    return None


def a_person_before(doc: Doc, called: Token) -> bool:
    """ "a guy called", "this lady named", "my friend called": a word for a person just before "called"."""
    for k in range(called.i - 1, max(-1, called.i - 3), -1):
        lower = doc[k].lower_
        if lower in PERSON_NOUNS or lower in ROLES or lower in KINSHIP or lower == "staff":
            return True
        if doc[k].is_punct:
            return False
    return False


def set_off_after_a_role(doc: Doc, tok: Token, prev: Token) -> bool:
    """ "the nurse there, Rose, knows", "my grandmother, Nguyễn Thị Lan, came", "this young man, Lukas, answered":
    a role, a family word or a word for a person a few words before, and the name (one word or a full name)
    between two commas."""
    if prev.text != "," or tok.lower_.rstrip(".") in TITLES:  # "the man over the road, Mr Pearce,": the title says it
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    if end + 1 < len(doc) and doc[end].lower_ == "and" and is_capitalised(doc[end + 1]):
        end = extend_name(doc, end + 1, end + 2)  # "two PAs, Gwion and Tesni, with help from..."
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


def kin_or_called_cue(doc: Doc, prev: Token) -> tuple[str, float] | None:
    """ "my girlfriend Hope", "everyone calls her Precious": the two words before the name."""
    before = prev_word(doc, prev.i)
    if prev.lower_ in KINSHIP and before is not None and before.lower_ in POSSESSIVE_DETS:
        return f"a name after '{prev.text}'", 0.85
    if prev.lower_ in {"her", "him", "me", "them"} and before is not None and before.lemma_.lower() == "call":
        return f"a name after '{before.text} {prev.text}'", 0.8
    return None


def followed_by_person_verb(doc: Doc, tok: Token, strong: bool) -> bool:
    tail = hyphen_tail(doc, tok.i)
    if tail != tok.i:
        tok = doc[tail]  # "Ji-woo helped": the verb comes after the whole name
    nxt = next_word(doc, tok.i)
    if nxt is None:
        return False
    verbs = STRONG_PERSON_VERBS if strong else PERSON_VERBS
    if nxt.lower_ in verbs:
        after = next_word(doc, nxt.i) if nxt.lower_ not in STRONG_PERSON_VERBS else None
        return after is None or after.lower_ not in PLACE_FOLLOWS  # "Govanhill is where I grew up": a place
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


def appositive_role(doc: Doc, tok: Token) -> bool:
    """ "Liz, the practice nurse" or "grace the support worker": a name followed by who they are."""
    orths = doc_orths(doc)  # the words after most names rule this out: no Token for them
    j = tok.i + 1
    if j < len(orths) and orths[j] == OPEN_BRACKET:
        return not tok.text.isupper() and _role_in_brackets(doc, j + 1)  # not "NOK (sister)"
    if j < len(orths) and orths[j] == COMMA:
        j += 1
    if j >= len(orths) or not BEFORE_ROLE(doc, orths[j]):
        return False
    for k in range(j + 1, min(j + 6, len(doc))):
        if doc[k].lower_ in ROLES or doc[k].lower_ in KINSHIP or doc[k].lemma_.lower() in ROLES:
            return True
        if doc[k].is_punct:
            return False
    return False


def word_before_a_stop(doc: Doc, indices: range, words) -> bool:
    """Whether a word of `words` comes at one of `indices` (in order) before any punctuation: the look-ahead and
    look-behind the name checks share ("who the person is" after a name, "name" before "is")."""
    for k in indices:
        if doc[k].lower_ in words:
            return True
        if doc[k].is_punct:
            return False
    return False


def _role_in_brackets(doc: Doc, start: int) -> bool:
    """ "Bola (nurse in charge)", "Will (agency)", "Rui (Thu's husband)": who the person is, in brackets after the
    name."""
    return word_before_a_stop(doc, range(start, min(start + 5, len(doc))), BRACKETED_WHO)


def set_off_before_who(doc: Doc, tok: Token) -> bool:
    """ "Pat, the activities lady, put us on the team", "Bill, that's Bernard's brother, says", "Ploy, Wanida's
    daughter, says": a name set off by a
    comma before who the person is, so a first name that is also a word ("pat", "bill") is a name even as a
    sentence's first word."""
    j = tok.i + 1
    if j + 1 >= len(doc) or doc_orths(doc)[j] != COMMA:  # word ids: no Token for most names, which this rules out
        return False
    if doc[j + 1].lower_ in THAT_IS:
        j += 2  # "that 's", "who is": the word after is skipped too
    elif j + 3 < len(doc) and doc[j + 2].lower_ in POSSESSIVE_S and is_capitalised(doc[j + 1]):
        j += 2  # "Behrouz, Farideh's husband, drove me in": whose family the person is
    elif not BEFORE_ROLE(doc, doc[j + 1].orth):
        return False
    return word_before_a_stop(doc, range(j + 1, min(j + 7, len(doc))), WHO_WORDS)


def a_number_after(doc: Doc, tok: Token) -> bool:
    """ "Flat 19", "Room 4": a word before a number is a place's label, not a name."""
    nxt = next_word(doc, tok.i)
    return nxt is not None and nxt.like_num


def a_name_is(doc: Doc, before: Token) -> bool:
    """ "name is", "His name on paper is", "Her full name in the notes is": "name" up to three words before "is"."""
    return word_before_a_stop(doc, range(before.i, max(-1, before.i - 4), -1), NAME_WORD)


def where_they_work(doc: Doc, tok: Token) -> bool:
    """ "Dawn from Boots", "Babatunde from the agency", "Seonaidh at the council", "Nóirín on nights", "Bríd here at
    Larchfield Court", '"Mark" from the bank': the person, by where they come from or work."""
    i = tok.i + 1
    orths = doc_orths(doc)
    while i < len(orths) and QUOTE_OR_HERE(doc, orths[i]):
        i += 1
    if i + 1 >= len(orths) or not WHERE_WORD(doc, orths[i]):
        return False  # most words: settled by the next word's id, with no Token made
    word, after = doc[i].lower_, doc[i + 1]
    if word in FROM_OR_AT and is_capitalised(after):
        # "Dawn from Boots", "Jo at Age UK", "Okonkwo at Windsor Street Medical Centre"; not "Dawn from Leeds"
        return after.lower_ not in PLACES or i + 2 < len(doc) and is_capitalised(doc[i + 2])
    if word in FROM_OR_AT and after.lower_ in FROM_PLACES:
        return _stands_for_a_person(doc, tok)  # "Joy from chapel", "Kerry-Ann from next door"
    if word in IN_WORDS:  # "Bill in finance", "Sky in the office"; not "Sam in the garden"
        dept = doc[i + 2] if after.lower_ in DETERMINERS and i + 2 < len(doc) else after
        return dept.lower_ in DEPARTMENTS and _stands_for_a_person(doc, tok)
    if word in ON_WORDS:
        where = after.lower_ in ON_SHIFT
    else:  # "from the agency", "from our temple", "at the council"; not "at my son's" (a festival, a meal)
        where = word in FROM_OR_AT and after.lower_ in (ANY_DETERMINER if word == "from" else DETERMINERS)
    return where and _stands_for_a_person(doc, tok) and (is_known_first_name(tok) or not A_THING(doc, tok.orth))


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


def respect_after(doc: Doc, tok: Token) -> bool:
    """A title of respect or a family word written after the name ("Ramesh ji", "Patel-ji", "Ayşe Hanım", "Kavitha
    akka", "Rabeya Apa")."""
    orths = doc_orths(doc)
    nxt = tok.i + 1
    hyphen = nxt + 1 < len(orths) and orths[nxt] == HYPHEN
    if nxt >= len(orths) or not RESPECT_WORD(doc, orths[nxt + 1 if hyphen else nxt]):
        return False  # most words: settled by the next word's id, with no Token made
    if hyphen:
        return not tok.whitespace_ and not doc[nxt].whitespace_
    return tok.whitespace_ == " "


def named_as_role(doc: Doc, tok: Token) -> bool:
    """ "Tran Thi Huong is our cleaner", "Mhairi was my keyworker": a name, then is/was and who the person is."""
    window = doc_text(doc)[tok.idx : tok.idx + 60]
    if " is " not in window and " was " not in window:
        return False
    end = extend_name(doc, tok.i, tok.i + 1)
    if end + 2 >= len(doc) or doc[end].lower_ not in {"is", "was"} or looks_like_place(tok):
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


def ends_clause(doc: Doc, tok: Token) -> bool:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.is_space or nxt.lower_ in {"and", "but", "who"}


def followed_by_who(doc: Doc, tok: Token) -> bool:
    nxt = next_word(doc, tok.i, skip_commas=True)
    return nxt is not None and nxt.lower_ == "who" and doc[tok.i + 1].text == ","


def possessive_person(doc: Doc, tok: Token) -> bool:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    if nxt is None or nxt.lower_ not in {"'s", "’s"} or after is None:
        return False
    return after.text.islower() and after.is_alpha and not starts_sentence(tok) and is_proper_like(tok.text)
