"""Why a word is a person's name: the first cue that says so, as a reason in plain English.

The cues themselves live in roles.py, letters.py and spans.py; the name lists are read last (listed.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    CONTACT_VERBS,
    FIRST_NAMES,
    GREETINGS,
    KIN_TITLES,
    KINSHIP,
    LOWER_CASE_TITLES,
    MONTHS,
    NAME_PARTICLES,
    OBJECT_VERBS,
    PERSON_NOUNS,
    PLACE_ONLY_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    POSSESSIVE_S,
    REPORTING_VERBS,
    ROLES,
    SPEECH_VERBS,
    TITLES,
    WORD_NAMES,
)
from ..tokens import doc_orths, is_capitalised, next_word, prev_word, starts_sentence
from .letters import (
    addressed_to,
    after_a_sign_off_word,
    ends_greeting,
    opens_a_greeting,
    sign_off,
    thanked_by_name,
    thanks_go,
)
from .roles import (
    a_name_is,
    a_number_after,
    appositive_role,
    ends_clause,
    followed_by_person_verb,
    followed_by_who,
    introduced_cue,
    kin_or_called_cue,
    named_as_role,
    possessive_person,
    respect_after,
    set_off_after_a_role,
    set_off_before_who,
    where_they_work,
)
from .spans import extend_name, initials_before, title_before_particles
from .surnames import surname_follows, unlisted_full_name
from .words import (
    A_THING,
    AFTER_INITIALS,
    ANY_DETERMINER,
    BLOCKED_FIRST_NAMES,
    COMMON_WORD,
    INITIALS_RE,
    NAME_WORD_TEXT,
    NAME_WORDS,
    NEVER_NAMES,
    PRONOUNS_AND_DETERMINERS,
    RESPECT_NEXT_IDS,
    THANKS,
    WHERE_NEXT_IDS,
    looks_like_place,
)


def strong_cue(doc: Doc, tok: Token) -> tuple[str, float] | None:
    """Cues strong enough for a capitalised word that is also an ordinary word ("my girlfriend Hope", "the
    nurse there, Rose, knows", "everyone calls her Precious"): used for words the name list would block."""
    if not is_capitalised(tok) or tok.lower_ in NEVER_NAMES and tok.lower_ not in BLOCKED_FIRST_NAMES:
        return None
    if tok.lower_ in KINSHIP:
        return None  # "everyone calls me Auntie Ming": the family word is what they call her, the name comes after
    cue = _word_name_cue(doc, tok)
    if cue is not None or starts_sentence(tok):
        return cue
    prev = prev_word(doc, tok.i)
    if prev is None:
        return None
    if prev.i == tok.i - 1 and NAME_WORD_TEXT(doc, tok.orth) and (
            prev.lower_ in OBJECT_VERBS or prev.lower_ in CONTACT_VERBS):
        return f"a name after '{prev.text}'", 0.75  # "Rang Dawn to tell her"
    if prev.lower_.rstrip(".") in TITLES and prev.text[:1].isupper():
        return f"a name after the title '{prev.text}'", 0.9
    if prev.lower_ in KINSHIP or prev.lower_ in {"her", "him", "me", "them"}:
        cue = kin_or_called_cue(doc, prev)
        if cue is not None:
            return cue
    if set_off_after_a_role(doc, tok, prev):
        return "a name set off by commas after who the person is", 0.8
    return introduced_cue(doc, prev)


def _word_name_cue(doc: Doc, tok: Token) -> tuple[str, float] | None:
    """A first name that is also a word, with who the person is or where they work after it, anywhere."""
    if not NAME_WORD_TEXT(doc, tok.orth):
        return None
    if tok.lower_ in WORD_NAMES and appositive_role(doc, tok):
        return "a name followed by who the person is", 0.8  # "Precious, his main carer, ..."
    if tok.lower_ in NAME_WORDS and where_they_work(doc, tok):
        return "a name followed by where the person is from or works", 0.75  # "it's Comfort from the surgery"
    if tok.lower_ in NAME_WORDS and sign_off(doc, tok):
        return "a name signing off the story", 0.75  # "Kitty", alone on the last line
    return None


def context_reason(doc: Doc, tok: Token, informal: bool) -> tuple[str, float] | None:  # noqa: C901
    # Each word's text, lowercase form and sentence start are read once here (each read of a Token's text builds a
    # string), not once per rule.
    prev = prev_word(doc, tok.i)
    prev_lower = prev.lower_ if prev is not None else ""
    # The word before, skipping commas too: the same token unless that word is a comma.
    prev_nc = prev if prev is None or prev.text != "," else prev_word(doc, prev.i, skip_commas=True)
    text, lower = tok.text, tok.lower_
    homograph = COMMON_WORD(doc, tok.orth) or lower in WORD_NAMES
    known_first = lower in FIRST_NAMES
    capital = is_capitalised(tok) or text.isupper()
    is_month = lower in MONTHS
    sentence_start = starts_sentence(tok)
    lower_name_form = informal and text.islower()
    if prev is not None and prev_lower.rstrip(".") in TITLES and prev.text[:1].isupper():
        return f"a name after the title '{prev.text}'", 0.95
    title = (title_before_particles(doc, tok.i) if prev_lower in NAME_PARTICLES or prev_lower == "-"
             or prev is not None and INITIALS_RE.fullmatch(prev.text) else None)
    if title is not None:
        return f"a name after the title '{title.text}'", 0.95
    if capital and not homograph and prev is not None and prev.i == tok.i - 1 and initials_before(doc, tok.i) \
            is not None and lower.rstrip(".") not in TITLES and not looks_like_place(tok):
        return AFTER_INITIALS, 0.8  # "F. Mbatha", "J.R. Khan" in case notes
    if prev is not None and prev_lower in GREETINGS and opens_a_greeting(doc, prev) \
            and ends_greeting(doc, tok.i) and (known_first or not homograph) and lower[:-1] not in TITLES:
        return f"a name after '{prev.text}' at the start of a message", 0.85  # "Hi Abi," "Dear Róisín,"
    if capital and (known_first or not homograph) and addressed_to(doc, tok):
        return "a name the letter is addressed to", 0.85
    if informal and prev is not None and prev_lower.rstrip(".") in LOWER_CASE_TITLES and text.islower() \
            and not homograph:
        return f"a name after the title '{prev.text}'", 0.85  # "her neighbour mrs ogden", in texting style
    if surname_follows(doc, tok):
        return "a first name and a surname", 0.85
    if capital and not sentence_start and not homograph and not known_first and unlisted_full_name(doc, tok, prev):
        return "a first name and a surname", 0.75
    if prev_nc is not None and (prev_nc.lower_ in KINSHIP or prev_nc.lower_ in ROLES):
        before = prev_word(doc, prev_nc.i)
        kin_capital = prev_nc.text[:1].isupper() and prev_nc.lower_ in KINSHIP and (
            not starts_sentence(prev_nc) or prev_nc is prev and prev_lower in KIN_TITLES)  # "Uncle Bill has"
        if kin_capital or (
            before is not None
            and (before.lower_ in ANY_DETERMINER or before.lower_ in ROLES or before.is_alpha
                 or before.lower_ in POSSESSIVE_S and not a_number_after(doc, tok))  # "Mr Eze's son Chuka"
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
    if next_orth in WHERE_NEXT_IDS and where_they_work(doc, tok) and capital and (not homograph or known_first) \
            and not looks_like_place(tok):
        return "a name followed by where the person is from or works", 0.75
    if next_orth in RESPECT_NEXT_IDS and respect_after(doc, tok) and (capital or lower_name_form) \
            and not homograph and not looks_like_place(tok):
        return "a name with a word of respect after it", 0.85  # "Ramesh ji", "Ayşe Hanım", "Kavitha akka"
    if prev is not None and prev_lower in {"is", "am", "'m", "’m", "'s", "’s"} and capital and not homograph:
        before = prev_word(doc, prev.i)
        if (
            before is not None
            and before.lower_ in {"name", "i", "name's"}
            and (prev_lower not in {"'s", "’s"} or before.lower_ == "name")
        ):
            return "a name someone gives for themselves", 0.9
    if prev is not None and prev_lower in {"is", "was", "are", "were"} and capital:
        before = prev_word(doc, prev.i)
        if before is not None and a_name_is(doc, before):
            return "a name someone gives for themselves", 0.9
        # "My carer is Joy", "Dad's carers are Hope, Faith and Sunny": who the person is, then the name (the first
        # of a list; the others are joined to it)
        if before is not None and (before.lower_ in ROLES or before.lower_ in KINSHIP or before.lemma_ in ROLES):
            last = doc[extend_name(doc, tok.i, tok.i + 1) - 1]
            if ends_clause(doc, last) or last.i + 1 < len(doc) and doc[last.i + 1].lower_ in {",", "and"}:
                return f"a name given for someone's '{before.text}'", 0.85
    if (
        prev is not None
        and prev_lower in OBJECT_VERBS
        and capital
        and not sentence_start
        and (not homograph or lower in WORD_NAMES)
        and not looks_like_place(tok)
    ):
        return f"a name after '{prev.text}'", 0.75
    if capital and prev_lower == "from" and not looks_like_place(tok) and after_a_sign_off_word(doc, prev):
        return "a name signing off the story", 0.8  # "Love from Tahmina, Rizwan and the kids"
    if capital and (not homograph or lower in NAME_WORDS) and sign_off(doc, tok):  # "Olive", "Bill", alone
        return "a name signing off the story", 0.75
    if capital and prev is not None and prev.text == "," and (not homograph or lower in NAME_WORDS) \
            and thanked_by_name(doc, tok, prev):
        return "a name someone is thanked by", 0.85  # "Thank you, Bill, for the rail"
    if prev is not None and prev_lower == "to" and capital and not sentence_start:
        before = prev_word(doc, prev.i)
        if before is not None and before.lower_ in THANKS and thanks_go(doc, before):
            return "a name someone is thanked by", 0.85
    if capital and (not homograph or lower in NAME_WORDS) and named_as_role(doc, tok):
        return "a name followed by who the person is", 0.85
    # "at home in Catford, the carers are...": after "in", a place
    in_a_place = prev is not None and prev_lower in PLACE_ONLY_PREPOSITIONS
    if capital and not homograph and not in_a_place and (appositive_role(doc, tok) or followed_by_who(doc, tok)):
        return "a name followed by who the person is", 0.85
    if capital and is_month and not sentence_start:
        return None
    lower_name = informal and text.islower() and (known_first or not homograph and not A_THING(doc, tok.orth))
    if (capital and not sentence_start) or lower_name:
        after_place_word = prev is not None and (
            prev_lower in PLACE_PREPOSITIONS and not known_first or prev_lower in PLACE_ONLY_PREPOSITIONS
        )  # "my sister in Leytonstone doesn't know", "we met in Chelsea and went": a place, not a person
        reported = prev is not None and prev_lower in REPORTING_VERBS and not homograph  # "He says Sushila has"
        if not after_place_word and followed_by_person_verb(
            doc, tok, strong=(homograph or not known_first) and not reported
        ):
            shouted_word = homograph and text.isupper()
            if not shouted_word and not (homograph and prev is not None and prev_lower in PRONOUNS_AND_DETERMINERS):
                return "a name followed by something a person does", 0.8
        if not in_a_place and appositive_role(doc, tok):
            return "a name followed by who the person is", 0.85
    elif capital and sentence_start and (not homograph or lower in NAME_WORDS):
        if set_off_before_who(doc, tok):
            return "a name followed by who the person is", 0.8
        if lower in WORD_NAMES and COMMON_WORD(doc, tok.orth) and not known_first:
            nxt = next_word(doc, tok.i)  # "Hope said", not "Summer came early"
            return ("a name followed by something a person says", 0.75) if nxt and nxt.lower_ in SPEECH_VERBS else None
        a_thing = A_THING(doc, tok.orth) and not known_first  # "Buzzer is the top one", "Boiler fixed Sunday"
        unknown_proper = not homograph and not known_first and not looks_like_place(tok) and not a_thing
        if not a_thing and followed_by_person_verb(doc, tok, strong=not unknown_proper):
            return "a name followed by something a person does", 0.75
    if capital and not homograph and not looks_like_place(tok) and possessive_person(doc, tok):
        return "a name with a possessive 's", 0.7
    return None
