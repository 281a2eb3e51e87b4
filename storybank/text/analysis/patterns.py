"""Regular expressions as data: load rules/patterns.yaml, check it against its schema and compile each pattern once.

The file holds `version`, `fragments` (pieces of patterns, used inside them and inside each other as `{:name}`),
`patterns` (each a `pattern`, one string or a list of pieces joined as they are, and optional `flags`),
`place_patterns` (the same, also using fragments the code makes from lexicon.yaml's lists: compiled by
``PatternBook.place_patterns``) and `words` (short lists the identifier checks use). The code reads each by its
name; one it does not read, or one missing, is a mistake reported as a RulebookError naming the file and the
entry, like the other rules files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .rulebook import RULES_DIR, RulebookError, read_sections

PATTERNS_FILE = RULES_DIR / "patterns.yaml"
SECTIONS = {"version", "fragments", "patterns", "place_patterns", "words"}
PATTERN_NAMES = (
    "email", "phone", "ten_digits", "ni", "postcode", "date", "birth_cue", "birth_word", "ten_digits_hint",
    "six_digits_hint", "chat_speaker", "line_speaker", "inner_capital_name", "initials", "spoken_phone",
    "date_after_name",
)  # fmt: skip
PLACE_PATTERN_NAMES = (
    "address_numbered", "address_prefixed", "prefix_hint", "building_before", "address_named", "common_word_org",
    "hyphenated_place", "saint", "signed_place", "prefixed_org", "flat_before", "flat_number", "address_on_street",
    "prefixed_org_hint", "unit_before", "welsh_house_before", "street_after_block", "house_name_before",
    "farm_address", "flat_in_a_block",
)  # fmt: skip
# Fragments the place patterns may use that places/place_patterns.py makes from lexicon.yaml's word lists.
CODE_FRAGMENTS = (
    "all_streets_title", "strong_streets", "strong_streets_title", "weak_streets", "prefix_streets", "prefix_firsts",
    "prefix_rests",
    "buildings", "strong_org_keywords_title", "org_prefixes_title",
)  # fmt: skip
WORD_LISTS = (
    "postcode_areas", "ni_bad_first_letters", "ni_bad_second_letters", "ni_bad_prefixes", "spoken_doubles",
    "spoken_trebles", "spoken_starts",
)  # fmt: skip
FLAGS = {"IGNORECASE": re.IGNORECASE}
_FRAGMENT_RE = re.compile(r"\{:([a-z_]+)\}")


def _text(path: Path, where: str, value) -> str:
    """One string, or a list of strings joined as they are (a long pattern written over several lines)."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, list) and value and all(isinstance(piece, str) and piece for piece in value):
        return "".join(value)
    raise RulebookError(f"{path.name}: {where}: expected a pattern (a string, or a list of strings)")


def _named(path: Path, section: str, found, names: tuple[str, ...] | None) -> dict:
    if not isinstance(found, dict) or not found:
        raise RulebookError(f"{path.name}: {section}: expected named entries")
    if names is not None:
        for name in found:
            if name not in names:
                raise RulebookError(f"{path.name}: {section}: {name!r} is not one the code reads ({', '.join(names)})")
        for name in names:
            if name not in found:
                raise RulebookError(f"{path.name}: {section}: missing {name!r}")
    return found


def _checked_entry(path: Path, where: str, entry) -> tuple[str, int]:
    if not isinstance(entry, dict) or not set(entry) <= {"pattern", "flags"} or "pattern" not in entry:
        raise RulebookError(f"{path.name}: {where}: expected a pattern and, if any, flags")
    flags = 0
    for flag in entry.get("flags") or []:
        if flag not in FLAGS:
            raise RulebookError(f"{path.name}: {where}: unknown flag {flag!r} (known: {', '.join(FLAGS)})")
        flags |= FLAGS[flag]
    return _text(path, where, entry["pattern"]), flags


def _compile(path: Path, where: str, text: str, flags: int, fragments: dict[str, str]) -> re.Pattern[str]:
    def fragment(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise RulebookError(f"{path.name}: {where}: no fragment called {match.group(1)!r}")
        return fragments[match.group(1)]

    for _depth in range(len(fragments) + 1):  # a fragment may use others; a loop among them is an error below
        if not _FRAGMENT_RE.search(text):
            break
        text = _FRAGMENT_RE.sub(fragment, text)
    else:
        raise RulebookError(f"{path.name}: {where}: its fragments use each other in a loop")
    try:
        return re.compile(text, flags)
    except re.error as exc:
        raise RulebookError(f"{path.name}: {where}: not a valid regular expression: {exc}") from None


def _words(path: Path, name: str, value) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise RulebookError(f"{path.name}: words {name!r}: expected a non-empty list of words (quote yes, no, on, off)")
    if len(set(value)) != len(value):
        raise RulebookError(f"{path.name}: words {name!r}: a word is listed twice")
    return frozenset(value)


@dataclass(frozen=True)
class PatternBook:
    path: Path
    patterns: dict[str, re.Pattern[str]]
    words: dict[str, frozenset[str]]
    fragments: dict[str, str]
    place_entries: dict[str, tuple[str, int]]

    def place_patterns(self, code_fragments: dict[str, str]) -> dict[str, re.Pattern[str]]:
        """The place patterns, compiled with the fragments the code made from the lexicon's lists."""
        if set(code_fragments) != set(CODE_FRAGMENTS):
            raise RulebookError(f"{self.path.name}: place_patterns: the code must give {', '.join(CODE_FRAGMENTS)}")
        fragments = {**self.fragments, **code_fragments}
        return {name: _compile(self.path, f"place_patterns {name!r}", text, flags, fragments)
                for name, (text, flags) in self.place_entries.items()}


def load_patterns(path: Path = PATTERNS_FILE) -> PatternBook:
    """The compiled patterns, the word lists and the place patterns to compile; a clear error for any mistake."""
    path = Path(path)
    data = read_sections(path, SECTIONS, "version, fragments, patterns, place_patterns and words")
    fragments = {name: _text(path, f"fragments {name!r}", value)
                 for name, value in _named(path, "fragments", data["fragments"], None).items()}
    for name in fragments:
        if name in CODE_FRAGMENTS:
            raise RulebookError(f"{path.name}: fragments: {name!r} is made by the code from lexicon.yaml")
    patterns = {}
    for name, entry in _named(path, "patterns", data["patterns"], PATTERN_NAMES).items():
        where = f"patterns {name!r}"
        patterns[name] = _compile(path, where, *_checked_entry(path, where, entry), fragments)
    place_entries = {name: _checked_entry(path, f"place_patterns {name!r}", entry)
                     for name, entry in _named(path, "place_patterns", data["place_patterns"],
                                               PLACE_PATTERN_NAMES).items()}
    words = {name: _words(path, name, value)
             for name, value in _named(path, "words", data["words"], WORD_LISTS).items()}
    return PatternBook(path, patterns, words, fragments, place_entries)


PATTERN_BOOK = load_patterns()
PATTERNS = PATTERN_BOOK.patterns
PATTERN_WORDS = PATTERN_BOOK.words
