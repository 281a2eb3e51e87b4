"""Where a name starts and ends.

Titles, particles and initials before it; a surname, a hyphen or an honorific after it; whether the word
that follows reads as a surname.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    FIRST_NAMES,
    HONORIFIC_SUFFIXES,
    INFORMAL_TITLES,
    LOWER_CASE_TITLES,
    NAME_PARTICLES,
    NICKNAME_ADJECTIVES,
    NICKNAMES_AT_A_START,
    NOT_INITIALS,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    TITLE_MODIFIERS,
    TITLES,
    is_common_word,
    is_proper_like,
)
from ..tokens import SENTENCE_END_BIT, SPACE_BIT, is_capitalised, is_wordlike, prev_word, shape_bits, starts_sentence
from .words import ANY_DETERMINER, COMMON_WORD, INITIALS_RE, is_known_first_name, never_a_surname


def _past_an_honorific(doc: Doc, end: int) -> int:
    """The end of a name with the title of respect written after it: "Ramesh ji", "Ayşe Hanım"."""
    i = end
    if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        i += 1
    elif doc[end - 1].whitespace_ != " ":
        return end
    return i + 1 if i < len(doc) and doc[i].lower_ in HONORIFIC_SUFFIXES else end


def hyphen_tail(doc: Doc, i: int) -> int:
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
    if never_a_surname(lower):
        return False
    return not (is_common_word(tok.text) and lower not in FIRST_NAMES)


def extend_name(doc: Doc, start: int, end: int) -> int:
    """Take in surnames: following capitalised words that are not ordinary words, places or org words."""
    end = hyphen_tail(doc, end - 1) + 1
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
        if never_a_surname(lower):
            break
        if is_common_word(tok.text) and lower not in FIRST_NAMES and not _listed_first_name_before(doc, start, end) \
                and not _ends_the_last_line(doc, start, end):
            break
        end = hyphen_tail(doc, end) + 1  # "Lau Kwok-wah", "Wong Mei-ling": the given name after the family name
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
    return (is_known_first_name(first) and not COMMON_WORD(doc, first.orth)) or _after_title(doc, start)


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
                doc, j - 1)) or INITIALS_RE.fullmatch(prev.text)):
            j -= 1  # a capitalised particle only straight after a title: "Dr Ó Súilleabháin", "Mrs De Souza"
        else:
            break
    return j


def initials_before(doc: Doc, i: int) -> int | None:
    """Where up to three initials with full stops written just before token i begin ("F. Mbatha", "A. J. Khan"),
    unless a word such as "the" comes before them ("the U.K. Government")."""
    start = i
    while start > 0 and i - start < 3:
        text = doc[start - 1].text
        if not (text.endswith(".") and INITIALS_RE.fullmatch(text)) or text.lower() in NOT_INITIALS:
            break  # "P.S. Summer says thanks": a postscript, not an initial
        start -= 1
    if start == i or start > 0 and doc[start - 1].lower_ in ANY_DETERMINER:
        return None
    return start


def title_before_particles(doc: Doc, i: int) -> Token | None:
    """The title before a surname that follows name particles or initials: "Mr" in "Mr da Costa", "Mrs van der
    Berg", "Dr J.R. Patel"."""
    first = _particles_before(doc, i)
    return doc[first - 1] if first < i and _after_title(doc, first) else None


def _after_title(doc: Doc, start: int) -> bool:
    prev = prev_word(doc, start)
    return (prev is not None and prev.i == start - 1 and prev.lower_.rstrip(".") in TITLES
            and prev.text[:1].isupper())


def extend_left(doc: Doc, start: int) -> int:
    if title_before_particles(doc, start) is not None:
        start = _particles_before(doc, start)  # "Mrs van der Berg": the particles, then the title below
    prev = prev_word(doc, start)
    if prev is None or prev.i != start - 1:
        return start
    prev_lower, prev_text = prev.lower_, prev.text
    title = prev_lower.rstrip(".")
    lower_case_title = prev_text.islower() and (
        title in LOWER_CASE_TITLES  # "mr brown", and "mr Kowalczyk" in a hurried call log
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
                or _opens_a_sentence(doc, prev.i) and not is_known_first_name(prev) and not _accented_name(prev):
            break  # at a sentence's start, only a listed first name ("Goodnight Priya", "Jezus Maria" are not)
        start = prev.i
        prev = prev_word(doc, start)
    # "near Kirkby Stephen": after a word for where, the capitalised words are a place's name
    return found if prev is not None and prev.i == start - 1 and prev.lower_ in PLACE_PREPOSITIONS else start


def _accented_name(tok: Token) -> bool:
    """ "Małgorzata", "Trần", "Şükrü": a rare word written with letters English does not use, so capitalised as a
    name wherever it stands, the start of a sentence too (no list holds every such first name)."""
    return not tok.text.isascii() and is_wordlike(tok) and is_proper_like(tok.text)


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


def char_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where tokens start..end-1 begin and end in the text (a Span's start_char and end_char, without the Span:
    the doc's tokens cover its text, so the text between is the Span's text)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)
