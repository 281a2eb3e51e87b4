"""Organisations: named by the word they end in ("... Care Home", "... Surgery").

Also a Welsh or Gaelic name with its organisation's word first ("Meddygfa'r Bont"), a saint's name on its own
("St Mary's"), ordinary capitalised words after "from" or "with" ("from Bright Futures"), and a found
organisation's short form used later in the story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import (
    DAYS,
    FIRST_NAMES,
    MONTHS,
    NOT_IN_ORG_NAMES,
    ORG_KEYWORDS,
    ORG_PREFIX_KEYWORDS,
    ORG_SUFFIXES,
    PLACE_NAME_STARTS,
    PLACES,
    WEAK_ORG_KEYWORDS,
    is_common_word,
)
from ..models import Finding
from ..tokens import ByWord, capital_indices, doc_orths, doc_text, is_capitalised, is_wordlike, starts_sentence
from .place_patterns import NON_PLACES, PLACE_PATTERNS

_ORG_KEYS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _key, _kind in sorted(ORG_KEYWORDS.items(), key=lambda kv: -len(kv[0].split())):
    _ORG_KEYS_BY_LAST.setdefault(_key.split()[-1], []).append((tuple(_key.split()), _kind))
COMMON_WORD_ORG_RE = PLACE_PATTERNS["common_word_org"]
SAINT_RE = PLACE_PATTERNS["saint"]
PREFIXED_ORG_RE = PLACE_PATTERNS["prefixed_org"]
_PREFIXED_ORG_HINT_RE = PLACE_PATTERNS["prefixed_org_hint"]


def _the_name_of(kind: str) -> str:
    """The reason a moderator reads: "the name of a care home", "the name of an organisation"."""
    return f"the name of {'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


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
                        _the_name_of(_org_kind(keyword)),
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
                                 _the_name_of(ORG_PREFIX_KEYWORDS.get(keyword, "organisation"))))
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
