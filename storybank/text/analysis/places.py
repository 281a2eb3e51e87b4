"""Organisations, street addresses and towns.

Organisations are named by the word they end in ("... Care Home", "... Surgery"); addresses by a house
number and a street word; towns by a general gazetteer, town-name endings and the words around them ("in").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import (
    BUILDING_WORDS,
    COUNTRIES_AND_REGIONS,
    DAYS,
    FIRST_NAMES,
    KINSHIP,
    LOCATION_PREPOSITIONS,
    MONTHS,
    NATIONALITIES,
    NOT_IN_ORG_NAMES,
    NOT_NAMES,
    ORG_KEYWORDS,
    ORG_PREFIX_KEYWORDS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_JOINERS,
    PLACE_NAME_STARTS,
    PLACE_SECOND_WORDS,
    PLACES,
    STREET_PREFIXES,
    STREET_SUFFIXES,
    TITLES,
    TOWN_SUFFIXES,
    WEAK_ORG_KEYWORDS,
    WEAK_PREPOSITIONS,
    WEAK_STREET_SUFFIXES,
    is_common_word,
    is_proper_like,
)
from .models import Finding
from .patterns import PATTERN_BOOK
from .tokens import (
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

_ORG_KEYS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _key, _kind in sorted(ORG_KEYWORDS.items(), key=lambda kv: -len(kv[0].split())):
    _ORG_KEYS_BY_LAST.setdefault(_key.split()[-1], []).append((tuple(_key.split()), _kind))


def _alternatives(words, title: bool = False) -> str:
    """Words as regex alternatives, longest first (so "Street" is tried before "St")."""
    return "|".join(sorted((w.title() if title else w for w in words), key=len, reverse=True))


_STRONG_STREETS = _alternatives(s for s in STREET_SUFFIXES if s not in WEAK_STREET_SUFFIXES)
# The patterns are data (rules/patterns.yaml, place_patterns); these are the lexicon's lists they use.
PLACE_FRAGMENTS = {
    "all_streets_title": _alternatives(STREET_SUFFIXES).title(),
    "strong_streets": _STRONG_STREETS,
    "strong_streets_title": _STRONG_STREETS.title(),
    "weak_streets": _alternatives(WEAK_STREET_SUFFIXES),
    "prefix_streets": _alternatives(STREET_PREFIXES, title=True),
    "prefix_firsts": "[" + "".join(sorted({p[0].upper() for p in STREET_PREFIXES})) + "]",
    "prefix_rests": "|".join(sorted({re.escape(p[1:]) for p in STREET_PREFIXES}, key=len, reverse=True)),
    "buildings": _alternatives(BUILDING_WORDS, title=True),
    "strong_org_keywords_title": _alternatives((k for k in ORG_KEYWORDS if k not in WEAK_ORG_KEYWORDS), title=True),
    "org_prefixes_title": _alternatives(ORG_PREFIX_KEYWORDS, title=True),
}
_PLACE_PATTERNS = PATTERN_BOOK.place_patterns(PLACE_FRAGMENTS)
ADDRESS_NUMBERED_RE = _PLACE_PATTERNS["address_numbered"]
ADDRESS_PREFIXED_RE = _PLACE_PATTERNS["address_prefixed"]
_PREFIX_HINT_RE = _PLACE_PATTERNS["prefix_hint"]
BUILDING_BEFORE_RE = _PLACE_PATTERNS["building_before"]
ADDRESS_NAMED_RE = _PLACE_PATTERNS["address_named"]
ADDRESS_ON_STREET_RE = _PLACE_PATTERNS["address_on_street"]
COMMON_WORD_ORG_RE = _PLACE_PATTERNS["common_word_org"]
HYPHENATED_PLACE_RE = _PLACE_PATTERNS["hyphenated_place"]
SAINT_RE = _PLACE_PATTERNS["saint"]
SIGNED_PLACE_RE = _PLACE_PATTERNS["signed_place"]
PREFIXED_ORG_RE = _PLACE_PATTERNS["prefixed_org"]
_PREFIXED_ORG_HINT_RE = _PLACE_PATTERNS["prefixed_org_hint"]
_LAST_WORD_BEFORE_COMMA_RE = re.compile(r"([^\W\d_]+),\s*$")
NON_PLACES = (
    NOT_NAMES
    | MONTHS
    | DAYS
    | COUNTRIES_AND_REGIONS
    | NATIONALITIES
    | KINSHIP  # "stayed with Taid", "a letter from Nain"
    | {t for t in TITLES if " " not in t}
)


def _org_kind(words: tuple[str, ...]) -> str:
    return ORG_KEYWORDS[" ".join(words)]


def _org_keyword_at(doc: Doc, j: int) -> tuple[int, str] | None:
    """If an organisation keyword ends at token j (all capitalised), return where it starts and its kind."""
    for words, kind in _ORG_KEYS_BY_LAST.get(doc[j].lower_, ()):
        start = j - len(words) + 1
        if start < 0:
            continue
        toks = doc[start : j + 1]
        if all(t.lower_ == w and not t.text[:1].islower() for t, w in zip(toks, words, strict=True)):
            return start, kind
    return None


def _org_suffix_end(doc: Doc, end: int) -> int:
    """Take in what follows a keyword and still belongs to the name: "Plus", "Ltd", "Group", "& Co"."""
    while end < len(doc) and doc[end - 1].whitespace_ == " ":
        tok = doc[end]
        if tok.lower_ in ORG_SUFFIXES and tok.text[:1].isupper():
            end += 1
        elif tok.text == "at" and end + 1 < len(doc) and doc[end + 1].text == "Home":
            end += 2  # "Meadowsweet Care at Home": a home-care agency's full name
        elif (
            tok.lower_ in {"&", "and"}
            and end + 1 < len(doc)
            and doc[end + 1].lower_ in {"co", "co."}
            and doc[end + 1].text[:1] == "C"
        ):
            end += 2
        else:
            break
    return end


def _org_name_token(tok: Token) -> bool:
    if tok.text in {"'s", "’s", "&"}:
        return True
    if not is_wordlike(tok) or not tok.text[:1].isupper():
        return False
    return tok.lower_ not in NOT_IN_ORG_NAMES


def _plural_possessive(doc: Doc, i: int) -> bool:
    """ "Lune Valley Carers' Centre", "Wah Sum Elders' Centre": an apostrophe straight after a plural in a name."""
    return (doc[i].text in {"'", "’"} and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text.endswith("s")
            and doc[i - 1].text[:1].isupper())


def _city_of(doc: Doc, start: int) -> bool:
    """ "City of Edinburgh Council", "County of Herefordshire", "Borough of Poole": the council's own full name."""
    return (start >= 2 and doc[start - 1].text == "of" and doc[start - 2].text[:1].isupper()
            and doc[start - 2].lower_ in {"city", "county", "borough"})


def _hyphened_before(doc: Doc, start: int) -> int:
    """ "STOCKTON-ON-TEES BOROUGH COUNCIL", "Stoke-on-Trent City Council": a hyphenated place before the name's first
    word belongs to it; returns where it starts."""
    first = start
    while (first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_
           and not doc[first - 2].whitespace_ and is_wordlike(doc[first - 2])):
        first -= 2
    return first if doc[first].text[:1].isupper() else start


_ORG_KEYWORD_END = ByWord(lambda text: text.lower() in _ORG_KEYS_BY_LAST)


def _joined_place_name(doc: Doc, start: int) -> bool:
    """ "Brighton and Hove Council", "Telford and Wrekin Council": many councils are named for two places joined
    by "and". True when the name word at ``start`` follows "and" and a capitalised word that is no ordinary word
    or first name, or is a known place ("Bath"), so "Mum and Social Services Council" or "Sam and Hove Council"
    stay as they are."""
    if start < 2 or doc[start - 1].text != "and" or doc[start - 2].whitespace_ != " ":
        return False
    before = doc[start - 2]
    return (is_capitalised(before) and is_wordlike(before) and before.lower_ not in FIRST_NAMES
            and (before.lower_ in PLACES or not is_common_word(before.text)))


def find_orgs(doc: Doc) -> list[Finding]:  # noqa: C901
    found: list[Finding] = []
    orths = doc_orths(doc)
    capitals = _ORG_KEYWORD_END.select(doc, orths, capital_indices(doc))
    done_before = len(doc)
    for j in reversed(capitals):
        if j >= done_before:
            continue
        hit = _org_keyword_at(doc, j)
        if hit is None:
            continue
        key_start, kind = hit
        start = key_start
        while (start > 0 and (_org_name_token(doc[start - 1]) or _plural_possessive(doc, start - 1))
               and doc[start - 1].whitespace_ in {" ", ""}):
            if "\n" in doc[start - 1].text or starts_sentence(doc[start]) and start != key_start:
                break
            start = _hyphened_before(doc, start - 1)
            if starts_sentence(doc[start]):
                break
            if kind == "council" and _joined_place_name(doc, start):
                start -= 2
            if kind == "council" and _city_of(doc, start):
                start -= 2  # "City of Edinburgh Council", "Royal Borough of Greenwich Council"
        if (
            start < key_start
            and starts_sentence(doc[start])
            and is_common_word(doc[start].text)
            and doc[start].lower_ not in {"st", "saint"}
            and doc[start].lower_ not in PLACE_NAME_STARTS  # "West Sussex County Council turned us down"
            and not (start + 1 < key_start and doc[start + 1].text == "and")
        ):
            start += 1
        while start + 1 < key_start and (doc[start].lower_ in MONTHS or doc[start].lower_ in DAYS):
            start += 1  # "In September Sulis Home Support took over": the month is not part of the name
        end = _org_suffix_end(doc, j + 1)
        name_words = [t for t in doc[start:key_start] if t.is_alpha]
        keyword = tuple(t.lower_ for t in doc[key_start : j + 1])
        if not name_words and end > j + 1 and doc[j + 1].lower_ not in WEAK_ORG_KEYWORDS | {"uk"}:
            # "Carers Plus", "Homecare Ltd": the keyword and its suffix are the whole name.
            name_words = [doc[key_start]]
        weak = keyword[-1] in WEAK_ORG_KEYWORDS and len(keyword) == 1
        distinctive = any(not is_common_word(t.text) or t.lower_ in {"st", "saint"} for t in name_words)
        if name_words and (not weak or distinctive or len(name_words) >= 2 or end > j + 1):
            if not any(
                t.lower_ in FIRST_NAMES
                and len(name_words) == 1
                and t.lower_ not in PLACES
                and keyword[-1] in {"house", "court"}
                for t in name_words
            ):
                span = doc[start:end]
                end_char = span.end_char
                if span.text.endswith(".") and (end == len(doc) or starts_sentence(doc[end])
                                                or doc[end].text[:1].isupper()):
                    end_char -= 1  # "... Avalon Homecare Ltd. Nicoleta is": the full stop ends the sentence
                found.append(
                    Finding(
                        "ORG",
                        span.start_char,
                        end_char,
                        doc_text(doc)[span.start_char:end_char],
                        0.85,
                        f"the name of a {_org_kind(keyword)}",
                    )
                )
                done_before = start
    found.extend(_prefixed_orgs(doc, found))
    found.extend(_saint_names(doc, found))
    found.extend(_short_forms(doc, found))
    found.extend(_common_word_names(doc, found))
    return found




def _prefixed_orgs(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Welsh and Gaelic names put the organisation's word first: "Meddygfa'r Bont" (the surgery by the bridge)."""
    text = doc_text(doc)
    extra: list[Finding] = []
    if not _PREFIXED_ORG_HINT_RE.search(text):
        return extra
    for m in PREFIXED_ORG_RE.finditer(text):
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            keyword = m.group(0).split(" ")[0].split("'")[0].split("’")[0].lower()
            extra.append(Finding("ORG", m.start(), m.end(), m.group(0), 0.85,
                                 f"the name of a {ORG_PREFIX_KEYWORDS.get(keyword, 'organisation')}"))
    return extra


def _saint_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """ "St Mary's" on its own is a hospital, hospice or school."""
    extra: list[Finding] = []
    text = doc_text(doc)
    if "St" not in text:
        return extra
    for m in SAINT_RE.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            extra.append(
                Finding("ORG", m.start(), m.end(), m.group(0), 0.8, "the name of a hospital or hospice")
            )
    return extra


_WORD_CHAR_RE = re.compile(r"\w")


@lru_cache(maxsize=4096)
def whole_phrase_re(phrase: str) -> re.Pattern:
    """The same matches as rf"\b{re.escape(phrase)}\b", compiled once per phrase.

    The boundary before the phrase is checked after it, with a look-behind, so the pattern starts with the
    phrase itself and the regex engine can jump straight to each occurrence.
    """
    width = len(phrase)
    if _WORD_CHAR_RE.match(phrase):
        before = rf"(?<!\w[\s\S]{{{width}}})"  # a word character does not come just before the phrase
    else:
        before = rf"(?<=\w[\s\S]{{{width}}})"  # a word character comes just before the phrase
    return re.compile(re.escape(phrase) + before + r"\b")


def _short_forms(doc: Doc, found: list[Finding]) -> list[Finding]:
    """ "Bright Futures Homecare" is later written "Bright Futures"."""
    extra: list[Finding] = []
    for f in list(found):
        words = f.text.split()
        for size in range(len(words) - 1, 0, -1):
            if size == 1 and is_common_word(words[0]):
                break
            short = " ".join(words[:size])
            if short.lower() in {"st", "saint"} or short.lower() in PLACES:
                break
            for m in whole_phrase_re(short).finditer(doc_text(doc)):
                if not any(g.start <= m.start() < g.end for g in found + extra):
                    extra.append(
                        Finding("ORG", m.start(), m.end(), short, 0.7, f"a short form of '{f.text}'")
                    )
            break
    return extra


def _common_word_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Two or more capitalised ordinary words mid-sentence after 'from'/'with' ("from Bright Futures")."""
    extra: list[Finding] = []
    for m in COMMON_WORD_ORG_RE.finditer(doc_text(doc)):
        words = m.group(1).split()
        if all(
            is_common_word(w) and w.lower() not in NON_PLACES and w.lower() not in FIRST_NAMES for w in words
        ):
            if not any(g.start <= m.start() < g.end for g in found + extra):
                extra.append(
                    Finding(
                        "ORG",
                        m.start(1),
                        m.end(1),
                        m.group(1),
                        0.6,
                        "capitalised words that look like an organisation's name",
                    )
                )
    return extra


_DIGIT_RE = re.compile(r"\d")


def find_addresses(text: str) -> list[Finding]:
    # No pre-check for a street word: a case-insensitive search for any of them cost more than both searches.
    found: list[Finding] = []
    if _DIGIT_RE.search(text):  # a numbered address needs a house number
        for m in ADDRESS_NUMBERED_RE.finditer(text):
            found.append(_with_building(text, m.start(), m.end(), 0.9, "a house number and street"))
    for pattern in (ADDRESS_NAMED_RE, ADDRESS_ON_STREET_RE):
        for m in pattern.finditer(text):
            if not any(f.start <= m.start() < f.end for f in found):
                found.append(_with_building(text, m.start(), m.end(), 0.75, "a street name"))
    if _PREFIX_HINT_RE.search(text):  # a quick look for the street words, cheaper than the whole pattern
        for m in ADDRESS_PREFIXED_RE.finditer(text):
            if not any(f.start <= m.start() < f.end for f in found):
                found.append(_with_building(text, m.start(), m.end(), 0.75, "a street name"))
    found += _farms(text, found)
    found = _joined_parts(text, found) if len(found) > 1 else found
    return [_with_unit(text, finding) for finding in found]


def _farms(text: str, found: list[Finding]) -> list[Finding]:
    """ "I live at Penlan Farm": a farm or croft named on its own is where someone lives."""
    return [Finding("ADDRESS", m.start(), m.end(), m.group(0), 0.7, "a farm's or croft's name")
            for m in _FARM_ADDRESS_RE.finditer(text)
            if not any(f.start < m.end() and m.start() < f.end for f in found)]


def _with_unit(text: str, finding: Finding) -> Finding:
    """The address with its flat's own words in front, when they are written just before it, and the block's street
    after it when the flat is in a named block ("Flat 6, Alder Court, Mill Street")."""
    unit = _UNIT_BEFORE_RE.search(text, max(0, finding.start - 45), finding.start)
    if unit is not None and unit.start() == finding.start:
        unit = None
    in_a_block = unit is not None or finding.text.rsplit(None, 1)[-1].lower() in BUILDING_WORDS
    if not in_a_block:
        return finding
    start, end = finding.start if unit is None else unit.start(), finding.end
    # The block's street after a numbered flat or house in it: "Flat 6, Alder Court, Mill Street",
    # "2 Engine House Cottages, Bal Lane".
    street = _STREET_AFTER_BLOCK_RE.match(text, end) if finding.text[:1].isdigit() else None
    if street is not None:
        end = street.end()
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding("ADDRESS", start, end, text[start:end], finding.confidence,
                   "a flat and its address" if unit is not None else "a house number and street")


_FLAT_BEFORE_RE = _PLACE_PATTERNS["flat_before"]
_FLAT_NUMBER_RE = _PLACE_PATTERNS["flat_number"]
_UNIT_BEFORE_RE = _PLACE_PATTERNS["unit_before"]
_WELSH_HOUSE_BEFORE_RE = _PLACE_PATTERNS["welsh_house_before"]
_HOUSE_NAME_BEFORE_RE = _PLACE_PATTERNS["house_name_before"]
_FARM_ADDRESS_RE = _PLACE_PATTERNS["farm_address"]
_STREET_AFTER_BLOCK_RE = _PLACE_PATTERNS["street_after_block"]


def _joined_parts(text: str, found: list[Finding]) -> list[Finding]:
    """ "Flat 6, Humber View, 40 Wellsted Street": a flat or building and then a numbered street, with only a comma
    between them, are one address (the parts were found apart: "6, Humber View" looks like a number and a street).
    Two numbered streets ("3 Church Lane, 5 Market Street") stay two."""
    joined: list[Finding] = []
    for finding in sorted(found, key=lambda f: f.start):
        last = joined[-1] if joined else None
        gap = text[last.end:finding.start] if last is not None else ""
        flat = _FLAT_BEFORE_RE.search(text, max(0, last.start - 12), last.start) if last is not None else None
        if (last is not None and gap.strip() == "," and len(gap) <= 3 and finding.text[:1].isdigit()
                and (flat or _FLAT_NUMBER_RE.match(last.text) or not last.text[:1].isdigit())):
            start = flat.start() if flat else last.start
            joined[-1] = Finding("ADDRESS", start, finding.end, text[start:finding.end], finding.confidence,
                                 "a flat or building and its street")
        else:
            joined.append(finding)
    return joined


def _with_building(text: str, start: int, end: int, confidence: float, reason: str) -> Finding:
    """The address, with the house's own name in front when one is written just before the street."""
    before = text[max(0, start - 70) : start]
    last = _LAST_WORD_BEFORE_COMMA_RE.search(before)
    if last and last.group(1).lower() in BUILDING_WORDS:
        m = BUILDING_BEFORE_RE.search(text, max(0, start - 70), start)
        if m:
            start, reason = m.start(), "a house name and street"
    elif last:
        m = _WELSH_HOUSE_BEFORE_RE.search(text, max(0, start - 40), start)
        if m is None:
            m = _HOUSE_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
            if m is not None and not _a_house_name(m.group(1)):
                m = None
        if m:
            start, reason = m.start(1) if m.re is _HOUSE_NAME_BEFORE_RE else m.start(), "a house name and street"
    return Finding("ADDRESS", start, end, text[start:end], confidence, reason)


def _a_house_name(word: str) -> bool:
    """ "Fairholme", "Glenview": no ordinary word, first name, family word or place ("Yesterday, 2 Mill Lane")."""
    lower = word.lower()
    return not (is_common_word(word) or lower in FIRST_NAMES or lower in NOT_NAMES or lower in KINSHIP
                or lower in PLACES or lower in DAYS or lower in MONTHS)


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
