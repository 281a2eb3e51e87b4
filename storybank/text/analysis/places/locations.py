"""Towns and other places: a gazetteer, town-name endings and the words around them ("in").

Two-word and prefixed places are read as one, and a place written beside a name already found (a signed
letter's town) is found too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon import (
    FIRST_NAMES,
    LOCATION_PREPOSITIONS,
    ORG_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_JOINERS,
    PLACE_SECOND_WORDS,
    PLACES,
    STREET_SUFFIXES,
    TOWN_SUFFIXES,
    WEAK_PREPOSITIONS,
    is_common_word,
    is_proper_like,
)
from ..models import Finding
from ..tokens import (
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
    prev_word,
    starts_sentence,
)
from .place_patterns import NON_PLACES, PLACE_PATTERNS

HYPHENATED_PLACE_RE = PLACE_PATTERNS["hyphenated_place"]
SIGNED_PLACE_RE = PLACE_PATTERNS["signed_place"]


def _could_be_place_text(text: str, informal: bool) -> bool:
    lower = text.lower()  # the same as Token.lower_
    if not is_wordlike_text(text) or lower in NON_PLACES or len(lower) < 3:
        return False
    capital = is_capitalised_text(text) or text.isupper()
    return capital or (informal and lower in PLACES)


_COULD_BE_PLACE = {
    False: ByWord(lambda text: _could_be_place_text(text, False)),
    True: ByWord(lambda text: _could_be_place_text(text, True)),
}
# First words of the two-word gazetteer entries ("milton" for "milton keynes").
_PLACE_FIRST_WORDS = frozenset(p.split(" ")[0] for p in PLACES if " " in p)
_STARTS_TWO_WORD_PLACE = ByWord(lambda text: text.lower() in _PLACE_FIRST_WORDS)


def _place_reason(doc: Doc, tok: Token, informal: bool) -> tuple[str, float] | None:  # noqa: C901
    if not _COULD_BE_PLACE[informal](doc, tok.orth):
        return None
    lower = tok.lower_
    capital = is_capitalised(tok) or tok.text.isupper()
    gazetteer = lower in PLACES and not is_common_word(tok.text)
    suffix = lower.endswith(TOWN_SUFFIXES) and len(lower) > 5 and lower not in FIRST_NAMES
    prev = prev_word(doc, tok.i)
    after_prep = prev is not None and prev.lower_ in LOCATION_PREPOSITIONS
    if after_prep and prev is not None and prev.lower_ in WEAK_PREPOSITIONS and not (gazetteer or suffix):
        after_prep = False
    if gazetteer and (after_prep or not starts_sentence(tok) or _alone_on_line(doc, tok)):
        return "a town or city", 0.9
    if lower in PLACES and after_prep and capital:
        return "a town or city", 0.75
    if after_prep and not starts_sentence(tok) and lower not in FIRST_NAMES and is_proper_like(tok.text):
        return (
            ("a place name after '" + prev.text + "'", 0.8 if suffix else 0.65) if prev is not None else None
        )
    if (suffix or lower in PLACES) and _alone_on_line(doc, tok):
        return "a place name on its own line", 0.75
    if prev is not None and prev.text == "," and suffix and is_proper_like(tok.text):
        return "a place name after a comma", 0.6
    return None


def _alone_on_line(doc: Doc, tok: Token) -> bool:
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before_ok = prev is None or "\n" in prev.text or prev.text in {",", "–", "-", "—"}
    after_ok = nxt is None or "\n" in nxt.text or (nxt.is_punct and nxt.text in {".", "!"})
    return before_ok and after_ok


def _two_word_places(doc: Doc, found: list[Finding]) -> None:
    """Two-word gazetteer entries ("Milton Keynes", "Hebden Bridge")."""
    orths = doc_orths(doc)
    for i in _STARTS_TWO_WORD_PLACE.select(doc, orths, capital_indices(doc)):
        if i + 1 >= len(doc):
            continue
        tok = doc[i]
        if f"{tok.lower_} {doc[i + 1].lower_}" not in PLACES:
            continue
        if doc[tok.i + 1].text[:1].isupper():
            span = doc[tok.i : tok.i + 2]
            if not any(f.start <= span.start_char < f.end for f in found):
                found.append(
                    Finding("LOCATION", span.start_char, span.end_char, span.text, 0.9, "a town or city")
                )


_STARTS_PREFIXED_PLACE = ByWord(lambda text: text.lower() in PLACE_FIRST_WORDS)


def _prefixed_places(doc: Doc, found: list[Finding]) -> None:
    """ "in Long Eaton", "to Lower Gornal": an ordinary word that often begins a place's name, after a word such as
    "in", then a capitalised word that is no ordinary word, first name, known non-place, street or organisation
    word, with no third capitalised word after it (then it is an organisation's or a street's name)."""
    orths = doc_orths(doc)
    for i in _STARTS_PREFIXED_PLACE.select(doc, orths, capital_indices(doc)):
        prev = prev_word(doc, i)
        if prev is None or prev.lower_ not in LOCATION_PREPOSITIONS or i + 1 >= len(doc):
            continue
        tok = doc[i]
        end = _second_word_end(doc, tok)
        nxt = doc[i + 1]
        if end == tok.idx + len(tok.text) or is_common_word(nxt.text) and nxt.lower_ not in PLACES:
            continue
        if not any(f.start < end and tok.idx < f.end for f in found):
            found.append(Finding("LOCATION", tok.idx, end, doc_text(doc)[tok.idx:end], 0.8,
                                 f"a place name after '{prev.text}'"))


def find_locations(doc: Doc) -> list[Finding]:
    informal = is_informal(doc)
    found: list[Finding] = []
    text = doc_text(doc)
    if "-" in text:  # the pattern needs hyphens
        for m in HYPHENATED_PLACE_RE.finditer(text):
            found.append(Finding("LOCATION", m.start(), m.end(), m.group(0), 0.85, "a hyphenated place name"))
    _two_word_places(doc, found)
    _prefixed_places(doc, found)
    orths = doc_orths(doc)
    candidates = name_candidate_indices(doc) if informal else capital_indices(doc)
    # Most words are ruled out by their text alone, as _place_reason would rule them out.
    for i in _COULD_BE_PLACE[informal].select(doc, orths, candidates):
        tok = doc[i]
        if any(f.start <= tok.idx < f.end for f in found[-3:]):
            continue
        reason = _place_reason(doc, tok, informal)
        if reason is None:
            continue
        end = _second_word_end(doc, tok)
        found.append(Finding("LOCATION", tok.idx, end, text[tok.idx:end], reason[1], reason[0]))
    return found


def _second_word_end(doc: Doc, tok: Token) -> int:
    """Where a place found by its first word ends: a capitalised word straight after it that often ends a place's
    name ("Kings Heath", "Selly Oak"), or that is no ordinary word, first name or known non-place ("Chapel
    Allerton", "Kirkby Lonsdale"), is the rest of the name, unless a third capitalised word follows (then the run
    is an organisation's or a longer name, which other rules read)."""
    end = tok.idx + len(tok.text)
    i = tok.i + 1
    if i < len(doc) and doc[i].lower_ in PLACE_JOINERS and tok.whitespace_ == " ":
        return _joined_place_end(doc, i) or end
    if i >= len(doc) or tok.whitespace_ != " " or not is_capitalised(doc[i]) or not is_wordlike(doc[i]):
        return end
    nxt = doc[i]
    lower = nxt.lower_
    second = lower in PLACE_SECOND_WORDS or not (
        is_common_word(nxt.text) or lower in FIRST_NAMES or lower in NON_PLACES or lower in STREET_SUFFIXES
        or lower in ORG_WORDS or len(lower) < 4)
    after = doc[i + 1] if i + 1 < len(doc) else None
    if not second or (after is not None and nxt.whitespace_ and is_capitalised(after) and is_wordlike(after)
                      and after.text != "I"):
        return end
    return nxt.idx + len(nxt.text)


def _joined_place_end(doc: Doc, i: int) -> int | None:
    """ "Burton upon Trent", "Bradford on Avon", "Ashby de la Zouch": after a place, one or two small joining words in
    lower case and a capitalised word that is no day, month, first name or everyday word (unless it often ends a
    place's name: "Southend on Sea") are one place; not when another capitalised word follows ("Hull on Anlaby
    Road")."""
    k = i
    while k < len(doc) and k - i < 2 and doc[k].lower_ in PLACE_JOINERS and doc[k].text.islower():
        if doc[k].whitespace_ != " ":
            return None
        k += 1
    if k >= len(doc) or not (is_capitalised(doc[k]) and is_wordlike(doc[k])):
        return None
    last, lower = doc[k], doc[k].lower_
    if lower in FIRST_NAMES or lower in NON_PLACES or (is_common_word(last.text) and lower not in PLACE_SECOND_WORDS):
        return None
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is not None and last.whitespace_ and is_capitalised(after) and is_wordlike(after) and after.text != "I":
        return None
    return last.idx + len(last.text)


def locations_beside(doc: Doc, anchors: list[Finding]) -> list[Finding]:
    """The town written between a street address and a postcode ("9 Spring Bank, Huddersfield HD1 4QR"), or after the
    name that signs a letter ("Edna, Ashby-de-la-Zouch")."""
    extra: list[Finding] = []
    text = doc_text(doc)
    for a in anchors:
        if a.label == "PERSON" and (a.start == 0 or text[a.start - 1] == "\n"):
            m = SIGNED_PLACE_RE.match(text, a.end)
            if m and m.group(1).lower() not in NON_PLACES:
                extra.append(Finding("LOCATION", m.start(1), m.end(1), m.group(1), 0.9,
                                     "a place after the name in a letter's sign-off"))
        if a.label == "ADDRESS":
            m = re.match(r",?\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b", text[a.end :])
            if m:
                extra.append(
                    Finding(
                        "LOCATION",
                        a.end + m.start(1),
                        a.end + m.end(1),
                        m.group(1),
                        0.85,
                        "a town after a street address",
                    )
                )
        if a.label == "POSTCODE":
            m = re.search(
                r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?\s+\(?$", text[max(0, a.start - 40) : a.start]
            )
            if m and m.group(1).lower() not in NON_PLACES:
                base = max(0, a.start - 40)
                extra.append(
                    Finding(
                        "LOCATION",
                        base + m.start(1),
                        base + m.end(1),
                        m.group(1),
                        0.8,
                        "a town before a postcode",
                    )
                )
    return extra
