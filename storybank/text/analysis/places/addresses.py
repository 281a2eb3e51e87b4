"""Street addresses: a house number and a street word.

Joined with what comes before them: a flat or a unit, a house or a building name, a farm.
"""

from __future__ import annotations

import re

from ..lexicon import BUILDING_WORDS, DAYS, FIRST_NAMES, KINSHIP, MONTHS, NOT_NAMES, PLACES, is_common_word
from ..models import Finding
from .place_patterns import PLACE_PATTERNS

ADDRESS_NUMBERED_RE = PLACE_PATTERNS["address_numbered"]
ADDRESS_PREFIXED_RE = PLACE_PATTERNS["address_prefixed"]
_PREFIX_HINT_RE = PLACE_PATTERNS["prefix_hint"]
BUILDING_BEFORE_RE = PLACE_PATTERNS["building_before"]
ADDRESS_NAMED_RE = PLACE_PATTERNS["address_named"]
ADDRESS_ON_STREET_RE = PLACE_PATTERNS["address_on_street"]
FLAT_IN_A_BLOCK_RE = PLACE_PATTERNS["flat_in_a_block"]
_LAST_WORD_BEFORE_COMMA_RE = re.compile(r"([^\W\d_]+),\s*$")


_DIGIT_RE = re.compile(r"\d")


def find_addresses(text: str) -> list[Finding]:
    # No pre-check for a street word: a case-insensitive search for any of them cost more than both searches.
    found: list[Finding] = []
    if _DIGIT_RE.search(text):  # a numbered address needs a house number
        for m in ADDRESS_NUMBERED_RE.finditer(text):
            found.append(_with_building(text, m.start(), m.end(), 0.9, "a house number and street"))
        found += [Finding("ADDRESS", m.start(), m.end(), m.group(0), 0.85, "a flat, its building and its street")
                  for m in FLAT_IN_A_BLOCK_RE.finditer(text) if not any(f.start < m.end() and m.start() < f.end
                                                                       for f in found)]
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


_FLAT_BEFORE_RE = PLACE_PATTERNS["flat_before"]
_FLAT_NUMBER_RE = PLACE_PATTERNS["flat_number"]
_UNIT_BEFORE_RE = PLACE_PATTERNS["unit_before"]
_WELSH_HOUSE_BEFORE_RE = PLACE_PATTERNS["welsh_house_before"]
_HOUSE_NAME_BEFORE_RE = PLACE_PATTERNS["house_name_before"]
_FARM_ADDRESS_RE = PLACE_PATTERNS["farm_address"]
_STREET_AFTER_BLOCK_RE = PLACE_PATTERNS["street_after_block"]


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
