"""General English word lists for names, places and organisations, and word frequencies.

The lists are data (rules/lexicon.yaml), written from common knowledge (never from the evaluation data), checked
here when the module loads. The word-frequency table from spacy-lookups-data tells us whether a capitalised word
is usually a proper noun ("Keith", "Bradford") or an ordinary word that happens to start a sentence ("Will",
"Hope").
"""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path

from .rulebook import RULES_DIR, RulebookError, read_sections

LEXICON_FILE = RULES_DIR / "lexicon.yaml"
WORD_LISTS = (
    "titles", "weak_titles", "kinship", "kin_titles", "roles", "person_verbs", "weak_person_verbs", "speech_verbs",
    "name_introducers", "endearments", "first_names", "word_names", "name_particles", "nickname_adjectives",
    "months", "days",
    "not_names", "eponymous_conditions", "countries_and_regions", "nationalities", "places", "weak_org_keywords",
    "street_suffixes", "weak_street_suffixes", "street_prefixes", "building_words", "org_suffixes",
    "object_verbs", "thanks_words", "title_modifiers", "place_prepositions", "month_cues", "location_prepositions",
    "weak_prepositions", "possessive_dets", "determiners", "pronouns", "keep_abbreviations", "after_names_s",
    "not_in_org_names", "place_second_words", "before_not_a_name", "place_first_words", "numbered_dwelling_words",
    "person_nouns", "place_joiners", "lower_case_titles", "verb_adverbs",
    "place_name_starts", "titles_after_the", "thing_adjectives", "animal_words", "song_verbs", "greetings",
    "condition_nouns", "title_small_words", "thing_name_words", "not_people", "place_only_prepositions",
    "informal_titles", "that_is_words", "kin_after_names", "honorific_suffixes", "from_or_at", "on_shift", "here_words",
    "nicknames_at_a_start", "not_before_where", "sign_off_words", "bracket_roles", "contact_verbs",
    "from_places", "possessive_s", "medicine_endings", "place_talk", "presenting_words",
    "reporting_verbs", "on_words", "place_follows", "not_initials", "in_words", "departments",
    "letter_openers",
)  # fmt: skip
ORDERED_LISTS = ("town_suffixes", "ordinary_endings", "contraction_endings")
MAPPINGS = ("org_keywords", "content_warnings_from_signals", "org_prefix_keywords")
GROUPS = ("content_warning_words",)
SECTIONS = {"version", "words", "ordered", "mappings", "groups"}


def _words(path: Path, where: str, value) -> list[str]:
    if not isinstance(value, list) or not value:
        raise RulebookError(f"{path.name}: {where}: expected a non-empty list of words")
    seen: set[str] = set()
    for word in value:
        if not isinstance(word, str) or not word.strip():
            raise RulebookError(f"{path.name}: {where}: expected a word, got {word!r} (quote yes, no, on, off)")
        if word in seen:
            raise RulebookError(f"{path.name}: {where}: {word!r} is listed twice")
        seen.add(word)
    return value


def load_lexicon(path: Path = LEXICON_FILE) -> dict:
    """The lists by name: words as sets, ordered lists as tuples, mappings as dicts, groups as dicts of frozensets;
    a clear error otherwise."""
    path = Path(path)
    data = read_sections(path, SECTIONS, "version, words, ordered, mappings and groups")
    lexicon: dict = {}
    for section, names, kind in (("words", WORD_LISTS, set), ("ordered", ORDERED_LISTS, tuple)):
        found = data[section] or {}
        _only_known(path, section, found, names)
        for name in names:
            if name not in found:
                raise RulebookError(f"{path.name}: {section}: missing the list {name!r}")
            lexicon[name] = kind(_words(path, f"{section} {name!r}", found[name]))
    for section, names in (("mappings", MAPPINGS), ("groups", GROUPS)):
        _only_known(path, section, data[section] or {}, names)
    for name in MAPPINGS:
        lexicon[name] = _mapping(path, name, (data["mappings"] or {}).get(name))
    for name in GROUPS:
        lexicon[name] = _group(path, name, (data["groups"] or {}).get(name))
    return lexicon


def _group(path: Path, name: str, group) -> dict[str, frozenset[str]]:
    if not isinstance(group, dict) or not group:
        raise RulebookError(f"{path.name}: groups: missing the group {name!r}")
    for key in group:
        if not isinstance(key, str) or not key:
            raise RulebookError(f"{path.name}: groups {name!r}: {key!r}: expected a name")
    return {key: frozenset(_words(path, f"groups {name!r} {key!r}", words)) for key, words in group.items()}


def _only_known(path: Path, section: str, found: dict, names: tuple[str, ...]) -> None:
    for name in found:
        if name not in names:
            known = ", ".join(names)
            raise RulebookError(f"{path.name}: {section}: {name!r} is not a list the code reads ({known})")


def _mapping(path: Path, name: str, mapping) -> dict[str, str]:
    if not isinstance(mapping, dict) or not mapping:
        raise RulebookError(f"{path.name}: mappings: missing the mapping {name!r}")
    for key, value in mapping.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key or not value:
            raise RulebookError(f"{path.name}: mappings {name!r}: {key!r}: expected words on both sides")
    return dict(mapping)


_LEXICON = load_lexicon()
TITLES: set[str] = _LEXICON["titles"]
# Titles that are also ordinary words: only a title when directly before a capitalised name.
WEAK_TITLES: set[str] = _LEXICON["weak_titles"]
KINSHIP: set[str] = _LEXICON["kinship"]
KIN_TITLES: set[str] = _LEXICON["kin_titles"]
CONDITION_NOUNS: set[str] = _LEXICON["condition_nouns"]
TITLE_SMALL_WORDS: set[str] = _LEXICON["title_small_words"]
ROLES: set[str] = _LEXICON["roles"]
PERSON_NOUNS: set[str] = _LEXICON["person_nouns"]
LOWER_CASE_TITLES: set[str] = _LEXICON["lower_case_titles"]
INFORMAL_TITLES: set[str] = _LEXICON["informal_titles"]
THAT_IS_WORDS: set[str] = _LEXICON["that_is_words"]
KIN_AFTER_NAMES: set[str] = _LEXICON["kin_after_names"]
HONORIFIC_SUFFIXES: set[str] = _LEXICON["honorific_suffixes"]
FROM_OR_AT: set[str] = _LEXICON["from_or_at"]
NOT_BEFORE_WHERE: set[str] = _LEXICON["not_before_where"]
ON_SHIFT: set[str] = _LEXICON["on_shift"]
ON_WORDS: set[str] = _LEXICON["on_words"]
HERE_WORDS: set[str] = _LEXICON["here_words"]
SIGN_OFF_WORDS: set[str] = _LEXICON["sign_off_words"]
BRACKET_ROLES: set[str] = _LEXICON["bracket_roles"]
CONTACT_VERBS: set[str] = _LEXICON["contact_verbs"]
FROM_PLACES: set[str] = _LEXICON["from_places"]
POSSESSIVE_S: set[str] = _LEXICON["possessive_s"]
MEDICINE_ENDINGS: tuple[str, ...] = tuple(sorted(_LEXICON["medicine_endings"]))
PLACE_TALK: set[str] = _LEXICON["place_talk"]
PRESENTING_WORDS: set[str] = _LEXICON["presenting_words"]
REPORTING_VERBS: set[str] = _LEXICON["reporting_verbs"]
VERB_ADVERBS: set[str] = _LEXICON["verb_adverbs"]
PLACE_NAME_STARTS: set[str] = _LEXICON["place_name_starts"]
TITLES_AFTER_THE: set[str] = _LEXICON["titles_after_the"]
THING_ADJECTIVES: set[str] = _LEXICON["thing_adjectives"]
THING_NAME_WORDS: set[str] = _LEXICON["thing_name_words"]
NOT_PEOPLE: set[str] = _LEXICON["not_people"]
PLACE_ONLY_PREPOSITIONS: set[str] = _LEXICON["place_only_prepositions"]
ANIMAL_WORDS: set[str] = _LEXICON["animal_words"]
SONG_VERBS: set[str] = _LEXICON["song_verbs"]
GREETINGS: set[str] = _LEXICON["greetings"]
PERSON_VERBS: set[str] = _LEXICON["person_verbs"]
# A modal that starts a question ("Will somebody...") is never a name, so homographs need a stronger verb.
STRONG_PERSON_VERBS: set[str] = PERSON_VERBS - _LEXICON["weak_person_verbs"]
PLACE_FOLLOWS: set[str] = _LEXICON["place_follows"]
NOT_INITIALS: set[str] = _LEXICON["not_initials"]
IN_WORDS: set[str] = _LEXICON["in_words"]
DEPARTMENTS: set[str] = _LEXICON["departments"]
LETTER_OPENERS: set[str] = _LEXICON["letter_openers"]
NAME_INTRODUCERS: set[str] = _LEXICON["name_introducers"]
# Verbs of speech: a word name starting a sentence ("Hope said") is a name only before one of these.
SPEECH_VERBS: set[str] = _LEXICON["speech_verbs"]
ENDEARMENTS: set[str] = _LEXICON["endearments"]
# Common first names across the communities of the UK.
FIRST_NAMES: frozenset[str] = frozenset(_LEXICON["first_names"])
# First names that are also ordinary words ("Hope", "Amber"): names only where a name stands.
WORD_NAMES: set[str] = _LEXICON["word_names"]
NICKNAME_ADJECTIVES: set[str] = _LEXICON["nickname_adjectives"]
NICKNAMES_AT_A_START: set[str] = _LEXICON["nicknames_at_a_start"]
# Small words inside a full name before the family name ("ap", "al", "de"), when a capitalised word follows.
NAME_PARTICLES: set[str] = _LEXICON["name_particles"]
MONTHS: set[str] = _LEXICON["months"]
DAYS: set[str] = _LEXICON["days"]
NOT_NAMES: set[str] = _LEXICON["not_names"]
EPONYMOUS_CONDITIONS: set[str] = _LEXICON["eponymous_conditions"]
COUNTRIES_AND_REGIONS: set[str] = _LEXICON["countries_and_regions"]
NATIONALITIES: set[str] = _LEXICON["nationalities"]
TOWN_SUFFIXES: tuple[str, ...] = _LEXICON["town_suffixes"]
ORDINARY_ENDINGS: tuple[str, ...] = _LEXICON["ordinary_endings"]
CONTRACTION_ENDINGS: tuple[str, ...] = _LEXICON["contraction_endings"]
PLACES: set[str] = _LEXICON["places"]
# Words that end an organisation name, and the kind of place each one suggests (for redaction).
ORG_KEYWORDS: dict[str, str] = _LEXICON["org_keywords"]
ORG_PREFIX_KEYWORDS: dict[str, str] = _LEXICON["org_prefix_keywords"]
# Every word of an organisation keyword ("care", "home", "surgery"): a name's word it never is.
ORG_WORDS: frozenset[str] = frozenset(word for keyword in ORG_KEYWORDS for word in keyword.split())
WEAK_ORG_KEYWORDS: set[str] = _LEXICON["weak_org_keywords"]
# Words that can follow an organisation's keyword and still belong to its name ("Carers Plus").
ORG_SUFFIXES: set[str] = _LEXICON["org_suffixes"]
STREET_SUFFIXES: set[str] = _LEXICON["street_suffixes"]
WEAK_STREET_SUFFIXES: set[str] = _LEXICON["weak_street_suffixes"]
# Street words before the street's name (Welsh "Heol", "Ffordd", "Stryd").
STREET_PREFIXES: set[str] = _LEXICON["street_prefixes"]
# Words that end a house's own name ("Ivy Cottage"), kept with the street after it as one address.
BUILDING_WORDS: set[str] = _LEXICON["building_words"]
NUMBERED_DWELLING_WORDS: set[str] = _LEXICON["numbered_dwelling_words"]
PLACE_SECOND_WORDS: set[str] = _LEXICON["place_second_words"]
PLACE_FIRST_WORDS: set[str] = _LEXICON["place_first_words"]
PLACE_JOINERS: set[str] = _LEXICON["place_joiners"]
BEFORE_NOT_A_NAME: set[str] = _LEXICON["before_not_a_name"]
OBJECT_VERBS: set[str] = _LEXICON["object_verbs"]
THANKS_WORDS: set[str] = _LEXICON["thanks_words"]
TITLE_MODIFIERS: set[str] = _LEXICON["title_modifiers"]
PLACE_PREPOSITIONS: set[str] = _LEXICON["place_prepositions"]
MONTH_CUES: set[str] = _LEXICON["month_cues"]
LOCATION_PREPOSITIONS: set[str] = _LEXICON["location_prepositions"]
WEAK_PREPOSITIONS: set[str] = _LEXICON["weak_prepositions"]
POSSESSIVE_DETS: set[str] = _LEXICON["possessive_dets"]
DETERMINERS: set[str] = _LEXICON["determiners"]
PRONOUNS: set[str] = _LEXICON["pronouns"]
KEEP_ABBREVIATIONS: set[str] = _LEXICON["keep_abbreviations"]
AFTER_NAMES_S: set[str] = _LEXICON["after_names_s"]
NOT_IN_ORG_NAMES: set[str] = _LEXICON["not_in_org_names"]
CONTENT_WARNINGS_FROM_SIGNALS: dict[str, str] = _LEXICON["content_warnings_from_signals"]
CONTENT_WARNING_WORDS: dict[str, frozenset[str]] = _LEXICON["content_warning_words"]


@lru_cache(maxsize=1)
def word_probabilities() -> dict[str, float]:
    """Log-probabilities of word forms from spacy-lookups-data, trimmed to what the rules ask about."""
    import spacy_lookups_data

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "en_lexeme_prob.json.gz")
    try:
        with gzip.open(path, "rt", encoding="utf8") as handle:
            table: dict[str, float] = json.load(handle)
    except OSError:
        return {}
    return {w: p for w, p in table.items() if w.isalpha() and p > -17.0}


def lower_prob(word: str) -> float:
    return word_probabilities().get(word.lower(), -20.0)


def cap_prob(word: str) -> float:
    return word_probabilities().get(word[:1].upper() + word[1:].lower(), -20.0)


@lru_cache(maxsize=1)
def lemma_table():
    """spaCy's English lookup lemmas (spacy-lookups-data), as the lookup lemmatizer reads them."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def is_countable_noun(word: str) -> bool:
    """A word the lemma table knows a plural of ("buzzers" is "buzzer"): a thing, where a rare capitalised word
    before "is" would otherwise read as a name (names seldom have a plural there)."""
    lower, table = word.lower(), lemma_table()
    return table.get(lower + "s") == lower or table.get(lower + "es") == lower


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True when the lowercase form is an everyday English word ("hope", "will", "rose")."""
    return lower_prob(word) > -13.5


@lru_cache(maxsize=65536)
def is_proper_like(word: str) -> bool:
    """True when the word is mostly written capitalised (a name or a place) or is rare."""
    low = lower_prob(word)
    return low < -13.5 or cap_prob(word) > low + 0.5


@lru_cache(maxsize=1)
def other_first_names() -> frozenset[str]:
    """First names from many languages beyond our curated list (`first_names`): the Latin-alphabet first names of
    Faker's person data, one list per locale (Polish, Yoruba, Irish, Icelandic, Turkish, Urdu ...). A story's
    people come from everywhere; no hand-kept list can hold them all. Left out: everyday English words, titles,
    family and role words, months and days, and every word of a place or an organisation's or street's name, so
    "Kendal" or "Newton" stays a place. The rules read these more warily than the curated list (people/words.py)."""
    import importlib
    import pkgutil

    import faker.providers.person

    found: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{module.name}"), "Provider", None)
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_romanized_names"):
            names = vars(provider).get(attribute) if provider is not None else None
            if isinstance(names, (list, tuple, dict)):
                found.update(name for name in names if isinstance(name, str))
    blocked = (
        FIRST_NAMES | NOT_NAMES | COUNTRIES_AND_REGIONS | NATIONALITIES | MONTHS | DAYS | KINSHIP | ROLES | TITLES
        | ENDEARMENTS | STREET_SUFFIXES | ORG_WORDS | BUILDING_WORDS
        | {word for place in PLACES for word in place.replace("-", " ").split()}
    )
    return frozenset(
        lower
        for lower in (name.lower() for name in found)
        if len(lower) >= 3
        and all(ch.isalpha() or ch in "-'" for ch in lower)
        and all(ord(ch) < 0x250 for ch in lower)  # the Latin alphabet, with its accents
        and lower not in blocked
        and not is_common_word(lower)
    )
