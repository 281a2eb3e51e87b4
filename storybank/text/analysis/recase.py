"""Stories written all in capitals ("SIOBHAN ITS PAT NEXT DOOR..."), read as if written in ordinary case.

Every rule that finds names, places and addresses reads capital letters; in a story typed in capitals they all look
like names. Such a story is re-cased before it is analysed (an ordinary word in lower case, a word usually written
with a capital as a name, a street or organisation word after a name as part of it), to the same length, so every
offset the analysis finds is an offset in the story as written; the texts of its findings are taken from there.
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import (
    BUILDING_WORDS,
    CONTRACTION_ENDINGS,
    DAYS,
    FIRST_NAMES,
    KINSHIP,
    MONTHS,
    NUMBERED_DWELLING_WORDS,
    ORDINARY_ENDINGS,
    ORG_WORDS,
    PLACE_JOINERS,
    PLACES,
    STREET_PREFIXES,
    STREET_SUFFIXES,
    TITLES,
    cap_prob,
    is_common_word,
    lower_prob,
)
from .models import Analysis

MIN_LETTERS = 20  # fewer capitals than this is a heading or a short shout, not a story written in capitals
SENTENCE_ENDS = ".!?\n"
VOWELS = frozenset("aeiouy")
UNKNOWN = -20.0  # the word table's log-probability for a word it does not hold
I_CONTRACTIONS = ("m", "ve")  # "IM", "IVE": I'm and I've typed without the apostrophe
_PART_OF_A_NAME = STREET_SUFFIXES | ORG_WORDS | BUILDING_WORDS


def is_written_in_capitals(text: str) -> bool:
    """Nearly every letter a capital (one lower-case letter in twenty at most), and enough of them to be a story."""
    if not (text[:64].isupper() or text[64:128].isupper()):
        return False  # the usual case, decided without reading the whole story letter by letter
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper >= MIN_LETTERS and lower * 20 <= upper


def read_as_written(text: str) -> str:
    """The text re-cased when it is written in capitals (see the module's docstring); otherwise the text itself."""
    if not is_written_in_capitals(text):
        return text
    words = _words(text)
    out = list(text)
    named = False  # the word before was read as (part of) a name
    for k, (start, end) in enumerate(words):
        low = text[start:end].lower()
        previous = text[words[k - 1][0] : words[k - 1][1]].lower() if k else ""  # "MY DAD BILL": Bill
        following = [text[s:e].lower() for s, e in words[k : k + 3]]
        if len(low) > 1 and VOWELS.isdisjoint(low) and low not in TITLES:
            new, named = text[start:end], False  # an abbreviation: NHS, GP, DWP
        elif (_is_a_name(low) or (named and low in _PART_OF_A_NAME) or (low in FIRST_NAMES and previous in KINSHIP)
              or (low in FIRST_NAMES and _before_a_name(text, words, k, " "))
              or (len(low) == 1 and _before_a_name(text, words, k, ". "))
              or _names_a_street_or_flat(text, start, end, low, following)):
            new, named = _title(low), True
        elif low == "i" or low[:1] == "i" and low[1:] in I_CONTRACTIONS or _starts_sentence(text, start):
            new, named = low[:1].upper() + low[1:], False
        else:
            new, named = low, False
        if len(new) != end - start:  # a letter whose case changes its length: leave the story as written
            return text
        out[start:end] = new
    return "".join(out)


def as_written(analysis: Analysis, text: str) -> Analysis:
    """The analysis of a re-cased story, with each finding's and concern's text taken from the story as written."""
    return replace(
        analysis,
        findings=tuple(replace(f, text=text[f.start : f.end]) for f in analysis.findings),
        safeguarding=tuple(
            replace(s, sentence_text=text[s.sentence_start : s.sentence_end].strip()) for s in analysis.safeguarding
        ),
    )


def _is_a_name(low: str) -> bool:
    """A word usually written with a capital: a title such as Mr; a listed name, month, day or place that is no
    everyday word (Bill, May and Will stay lower case: "a bill", "may", "will"); or a rarer word the word table
    more often shows with a capital, or does not know at all (Siobhan, Derryvale) unless it looks like an everyday
    word's form (a -ing or -ness word, a short form typed without its apostrophe)."""
    if "'" in low or "’" in low:
        if low[1:2] in "'’" and low[:1] in "od":
            return True  # O'Neill, D'Souza
        low = low.replace("’", "'").split("'")[0]
        if not low:
            return False
    if low in TITLES and VOWELS.isdisjoint(low):
        return True
    listed = low in FIRST_NAMES or low in MONTHS or low in DAYS or low in PLACES
    lower, capitalised = lower_prob(low), cap_prob(low)
    if is_common_word(low):
        return listed and capitalised > lower
    if _without_its_apostrophe(low):
        return False
    if lower == capitalised == UNKNOWN:
        return listed or not low.endswith(ORDINARY_ENDINGS)
    return listed or capitalised >= lower


def _without_its_apostrophe(low: str) -> bool:
    """ "DOESNT", "HES", "IVE": a short form typed without its apostrophe, rare in the word table only for that."""
    return any(
        low.endswith(ending) and (low[: -len(ending)] == "i" or is_common_word(low[: -len(ending)]))
        for ending in CONTRACTION_ENDINGS
    )


def _before_a_name(text: str, words: list[tuple[int, int]], k: int, between: str) -> bool:
    """ "BILL HARDCASTLE", "W. HARDCASTLE": a first name or an initial, then `between`, then a word read as a name."""
    if k + 1 >= len(words):
        return False
    start, end = words[k + 1]
    return text[words[k][1] : start] == between and _is_a_name(text[start:end].lower())


def _names_a_street_or_flat(text: str, start: int, end: int, low: str, following: list[str]) -> bool:
    """ "61 MILL BROW": after a house number, words up to a street word; "FLAT 4": a flat's word before its number."""
    if low in NUMBERED_DWELLING_WORDS and text[end : end + 1] == " " and text[end + 1 : end + 2].isdigit():
        return True
    before = text[:start].rstrip(" ")
    return (
        len(before) < start
        and before[-1:].isdigit()
        and any(word in STREET_SUFFIXES or word in STREET_PREFIXES for word in following)
    )


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in SENTENCE_ENDS


def _title(low: str) -> str:
    """ "dhillon-ward" -> "Dhillon-Ward", "o'neill" -> "O'Neill", "mum's" -> "Mum's", "ashton-under-lyne" ->
    "Ashton-under-Lyne" (a place's small joining words stay in lower case)."""
    parts = low.split("-")
    titled = []
    for n, part in enumerate(parts):
        if 0 < n < len(parts) - 1 and part in PLACE_JOINERS:
            titled.append(part)
            continue
        chars = list(part)
        for i, ch in enumerate(chars):
            if i == 0 or (i == 2 and chars[1] in "'’" and part[0] in "od"):
                chars[i] = ch.upper()
        titled.append("".join(chars))
    return "-".join(titled)


def _words(text: str) -> list[tuple[int, int]]:
    """Where each run of letters (with the apostrophes and hyphens inside it) starts and ends."""
    found, start = [], None
    for i, ch in enumerate(text):
        inside = ch.isalpha() or (start is not None and ch in "'’-" and text[i + 1 : i + 2].isalpha())
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(text)))
    return found
