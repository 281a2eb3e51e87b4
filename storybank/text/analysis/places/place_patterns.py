"""The address, organisation and place patterns, compiled once from rules/patterns.yaml.

The fragments they share (street words, building words, organisation words) are made here from lexicon.yaml's
word lists; NON_PLACES are the words no place name is.
"""

from __future__ import annotations

import re

from ..lexicon import (
    BUILDING_WORDS,
    COUNTRIES_AND_REGIONS,
    DAYS,
    KINSHIP,
    MONTHS,
    NATIONALITIES,
    NOT_NAMES,
    ORG_KEYWORDS,
    ORG_PREFIX_KEYWORDS,
    STREET_PREFIXES,
    STREET_SUFFIXES,
    TITLES,
    WEAK_ORG_KEYWORDS,
    WEAK_STREET_SUFFIXES,
)
from ..patterns import PATTERN_BOOK


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
PLACE_PATTERNS = PATTERN_BOOK.place_patterns(PLACE_FRAGMENTS)
NON_PLACES = (
    NOT_NAMES
    | MONTHS
    | DAYS
    | COUNTRIES_AND_REGIONS
    | NATIONALITIES
    | KINSHIP  # "stayed with Taid", "a letter from Nain"
    | {t for t in TITLES if " " not in t}
)
