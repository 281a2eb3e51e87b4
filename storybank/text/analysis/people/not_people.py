"""Names that are not people's.

A pet, a song, a quoted title, a brand or a character, a place talked of: dropped wherever the story uses them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import (
    ANIMAL_WORDS,
    FIRST_NAMES,
    NAME_INTRODUCERS,
    NOT_PEOPLE,
    PLACE_TALK,
    POSSESSIVE_DETS,
    POSSESSIVE_S,
    SONG_VERBS,
    THING_ADJECTIVES,
    THING_NAME_WORDS,
    TITLE_SMALL_WORDS,
    TITLES,
    TITLES_AFTER_THE,
)
from ..tokens import doc_orths, next_word, prev_word, starts_sentence
from .roles import word_before_a_stop
from .words import IS_QUOTE, Candidate

_NOT_PEOPLE_BY_WORD: dict[str, list[str]] = {}
for _phrase in sorted(NOT_PEOPLE):
    for _word in {w.removesuffix("'s") for w in _phrase.split()}:  # "shepherd's pie" is found from "Shepherd"
        _NOT_PEOPLE_BY_WORD.setdefault(_word, []).append(_phrase)


def in_a_character_or_brand(text: str, start: int, end: int) -> bool:
    """ "Mr Tumble", "Miss Marple", "a John Lewis bag", "Marks & Spencer": a name inside a character's, a show's
    or a brand's name (lexicon not_people) is not a person."""
    words = [word for word in text[start:end].lower().split() if word in _NOT_PEOPLE_BY_WORD]
    if not words:
        return False
    phrases = {p for word in words for p in _NOT_PEOPLE_BY_WORD[word]}
    first = text[start:end].split(maxsplit=1)[0].lower().rstrip(".")
    if first in TITLES:  # "my aunt, Miss Dorothy Perkins (no relation to the shop)": a titled person
        phrases = {p for p in phrases if p.startswith(first)}
    window_start = max(0, start - 30)
    window = text[window_start : end + 30].lower()
    for phrase in phrases:
        at = window.find(phrase)
        while at >= 0:
            if window_start + at < end and start < window_start + at + len(phrase):
                return True
            at = window.find(phrase, at + 1)
    return False


def talked_of_as_a_place(doc: Doc, cand: Candidate) -> bool:
    """ "Ballymena's where she grew up", "Kilburn's only two miles", "Sketty's a nice area": one word, and what is
    said of it is said of a place."""
    end = cand.end
    if end - cand.start != 1 or end >= len(doc) or doc[end].lower_ not in POSSESSIVE_S:
        return False
    return word_before_a_stop(doc, range(end + 1, min(end + 5, len(doc))), PLACE_TALK)


def called_it(doc: Doc, start: int) -> bool:
    """ "I've called it Gerald", "we named it Boris": a thing's name (a plant, a car, a boiler), not a person's."""
    prev = prev_word(doc, start)
    if prev is None or prev.lower_ != "it":
        return False
    before = prev_word(doc, prev.i)
    return before is not None and before.lower_ in NAME_INTRODUCERS


def in_a_quoted_title(doc: Doc, start: int, end: int) -> bool:
    """A name inside a quoted title of three or more capitalised words ("On Jordan's Stormy Banks", "The Bonnie
    Banks o' Loch Lomond"; four or more when it starts with a first name: "Donald Where's Your Troosers"): a song's, a
    book's or a show's title. Speech in quotes has small words in lower case
    ("Of course, Skye.")."""
    orths = doc_orths(doc)
    close_at = next((k for k in range(end, min(len(doc), end + 12)) if IS_QUOTE(doc, orths[k])), None)
    if close_at is None:
        return False
    open_at = next((k for k in range(start - 1, max(-1, start - 12), -1) if IS_QUOTE(doc, orths[k])), None)
    if open_at is None:
        return False
    words = [t for t in doc[open_at + 1 : close_at] if not t.is_punct]
    if len(words) < 3 or words[0].lower_.rstrip(".") in TITLES or words[0].lower_ in FIRST_NAMES and len(words) < 4:
        return False  # "Mrs K. Nowakowska" on a label, "Aaron at BT" on the phone: a person, quoted
    content = [t for t in words if t.lower_ not in TITLE_SMALL_WORDS]
    return all(t.text[:1].isupper() and not t.text.isupper() for t in content)


def names_a_pet(doc: Doc, start: int, end: int) -> bool:
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


def names_a_song(doc: Doc, start: int) -> bool:
    """"we sang Danny Boy", "he hums Calon Lân", "she'd belt out "Delilah"": what is sung is a song."""
    i = start - 1
    if i >= 0 and IS_QUOTE(doc, doc_orths(doc)[i]):
        i -= 1
    if i >= 1 and doc[i].lower_ == "out":
        i -= 1
    return i >= 0 and doc[i].lower_ in SONG_VERBS


def named_thing(doc: Doc, start: int) -> bool:
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
