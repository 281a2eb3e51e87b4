"""Rules as data: load a rules file (YAML), check it against its schema, and expand its shared word lists.

A rules file holds `version`, `words` (named word lists), `irregular_forms`, `patterns` (named whole patterns)
and `rules`. A pattern is spaCy Matcher syntax over tokens; "$name" stands for a word list (alone, or as an item
of an IN / NOT_IN list, where its words are spliced in) or, as a whole pattern, for a named pattern. Every
mistake is reported as a RulebookError naming the file and the rule, so a person editing the file can find it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
SAFEGUARDING_FILE = RULES_DIR / "safeguarding.yaml"

CATEGORIES = ("abuse", "neglect", "self_harm", "immediate_danger")
KINDS = ("disclosure", "mention", "scam", "warning_sign")
SIGN_RE = re.compile(r"[a-z][a-z-]*")
TOP_LEVEL = {
    "version", "words", "irregular_forms", "patterns", "rules", "domestic_abuse_reason", "warning_signs_needed",
    "danger_signs_alone", "long_ago_years", "cleared_within_sentences",
}
RULE_FIELDS = {"id", "category", "kind", "reason", "filters", "domestic_check", "pattern", "sign"}
REQUIRED_RULE_FIELDS = ("id", "category", "kind", "reason", "filters", "pattern")
TOKEN_KEYS = {"LEMMA", "LOWER", "IS_ALPHA", "IS_PUNCT", "OP"}
ID_RE = re.compile(r"[a-z_]+\.[a-z0-9-]+")
QUANTIFIER_RE = re.compile(r"\{(\d+),(\d+)\}")
# libyaml's safe loader when PyYAML was built with it (ten times faster at start-up), else the pure Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RulebookError(ValueError):
    """A rules file that does not follow its schema."""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    kind: str
    reason: str
    filters: tuple[str, ...]
    domestic_check: bool
    pattern: list[dict]
    sign: str | None = None  # kind warning_sign: which sign it is; a story needs several different ones


@dataclass(frozen=True)
class Rulebook:
    path: Path
    version: int
    words: dict[str, tuple[str, ...]]
    irregular_forms: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    domestic_abuse_reason: str
    warning_signs_needed: int = 2  # different warning signs of one category a story needs to raise it
    # different kinds of immediate-danger signs that raise it with no other concern in the story
    danger_signs_alone: int = 3
    long_ago_years: int = 10  # a year this long before today is long past ("in 2009", read in 2026)
    cleared_within_sentences: int = 4  # how far after a worry a story may say it was nothing (the cleared filter)


class _Checker:
    def __init__(self, path: Path, words: dict[str, list[str]]) -> None:
        self.path = path
        self.words = words

    def fail(self, where: str, message: str) -> RulebookError:
        return RulebookError(f"{self.path.name}: {where}: {message}")

    def word_list(self, where: str, value) -> list[str]:
        """An IN / NOT_IN list with its "$name" references spliced in."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise self.fail(where, f"expected a list of words or a $name, got {value!r}")
        out: list[str] = []
        for item in items:
            if not isinstance(item, str) or not item:
                raise self.fail(where, f"expected a word, got {item!r}")
            if item.startswith("$") and len(item) > 1:
                name = item[1:]
                if name not in self.words:
                    raise self.fail(where, f"unknown word list {item!r} (known: {', '.join(sorted(self.words))})")
                out.extend(self.words[name])
            else:
                out.append(item)
        return out

    def token(self, where: str, spec) -> dict:  # noqa: C901 - one check per key, in a row
        if not isinstance(spec, dict) or not spec:
            raise self.fail(where, f"a token must be a mapping such as {{LOWER: word}}, got {spec!r}")
        unknown = set(spec) - TOKEN_KEYS
        if unknown:
            raise self.fail(where, f"unknown token key {sorted(unknown)} (allowed: {', '.join(sorted(TOKEN_KEYS))})")
        out: dict = {}
        for key, value in spec.items():
            if key == "OP":
                if value != "?" and not (isinstance(value, str) and QUANTIFIER_RE.fullmatch(value)):
                    raise self.fail(where, f'OP must be "?" or "{{m,n}}", got {value!r}')
                out[key] = value
            elif key in ("IS_ALPHA", "IS_PUNCT"):
                if not isinstance(value, bool):
                    raise self.fail(where, f"{key} must be true or false, got {value!r}")
                out[key] = value
            elif isinstance(value, str):
                if value.startswith("$"):
                    raise self.fail(where, f"{key}: a word list needs {{IN: {value}}}, not {value}")
                out[key] = value
            elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN", "REGEX"}:
                ((op, inner),) = value.items()
                if op == "REGEX":
                    try:
                        re.compile(inner)
                    except (re.error, TypeError) as exc:
                        raise self.fail(where, f"{key}: bad REGEX {inner!r} ({exc})") from None
                    out[key] = {op: inner}
                else:
                    out[key] = {op: self.word_list(f"{where} {key} {op}", inner)}
            else:
                raise self.fail(where, f"{key} must be a word or one of {{IN: ...}}, {{NOT_IN: ...}}, {{REGEX: ...}}")
        if set(out) <= {"OP"}:
            raise self.fail(where, "a token needs a condition besides OP")
        return out

    def pattern(self, where: str, value, patterns: dict[str, list[dict]] | None) -> list[dict]:
        if isinstance(value, str) and value.startswith("$") and patterns is not None:
            if value[1:] not in patterns:
                raise self.fail(where, f"unknown pattern {value!r} (known: {', '.join(sorted(patterns))})")
            return [dict(spec) for spec in patterns[value[1:]]]
        if not isinstance(value, list) or not value:
            raise self.fail(where, "pattern must be a non-empty list of tokens or a $pattern name")
        tokens = [self.token(f"{where} token {n + 1}", spec) for n, spec in enumerate(value)]
        if all("OP" in spec for spec in tokens):
            raise self.fail(where, "pattern needs at least one token that must be there (without OP)")
        return tokens


def _mapping(checker: _Checker, where: str, value, item_kind: str) -> dict:
    if not isinstance(value, dict):
        raise checker.fail(where, f"expected a mapping of name: {item_kind}")
    return value


def _rule(checker: _Checker, number: int, raw, known_filters: list[str], patterns: dict) -> Rule:  # noqa: C901
    """One rule, checked field by field."""
    rule_id = raw.get("id") if isinstance(raw, dict) else None
    where = f"rule {rule_id!r}" if isinstance(rule_id, str) else f"rule number {number}"
    if not isinstance(raw, dict):
        raise checker.fail(where, "expected a mapping")
    unknown = set(raw) - RULE_FIELDS
    if unknown:
        raise checker.fail(where, f"unknown field {sorted(unknown)} (allowed: {', '.join(sorted(RULE_FIELDS))})")
    missing = [name for name in REQUIRED_RULE_FIELDS if name not in raw]
    if missing:
        raise checker.fail(where, f"missing {', '.join(missing)}")
    if not isinstance(rule_id, str) or not ID_RE.fullmatch(rule_id):
        raise checker.fail(where, "id must look like category.short-name (lowercase, digits and hyphens)")
    category = raw["category"]
    if category not in CATEGORIES:
        raise checker.fail(where, f"category must be one of {', '.join(CATEGORIES)}, got {category!r}")
    if not rule_id.startswith(category + "."):
        raise checker.fail(where, f"id must start with its category ({category}.)")
    if raw["kind"] not in KINDS:
        raise checker.fail(where, f"kind must be one of {', '.join(KINDS)}, got {raw['kind']!r}")
    if not isinstance(raw["reason"], str) or not raw["reason"].strip():
        raise checker.fail(where, "reason must be a sentence for the moderator")
    rule_filters = raw["filters"]
    if not isinstance(rule_filters, list) or len(set(map(str, rule_filters))) != len(rule_filters):
        raise checker.fail(where, "filters must be a list without repeats (it may be empty: [])")
    for name in rule_filters:
        if name not in known_filters:
            raise checker.fail(where, f"unknown filter {name!r} (known: {', '.join(known_filters)})")
    domestic = raw.get("domestic_check", False)
    if not isinstance(domestic, bool):
        raise checker.fail(where, "domestic_check must be true or false")
    if domestic and category != "abuse":
        raise checker.fail(where, "domestic_check applies to abuse rules only")
    sign = raw.get("sign")
    if (raw["kind"] == "warning_sign") != (sign is not None):
        raise checker.fail(where, "a warning_sign rule needs a sign (and only such a rule has one)")
    if sign is not None and not (isinstance(sign, str) and SIGN_RE.fullmatch(sign)):
        raise checker.fail(where, f"sign must be a short lowercase name such as farewell, got {sign!r}")
    return Rule(
        id=rule_id,
        category=category,
        kind=raw["kind"],
        reason=raw["reason"].strip(),
        # in the code's order, cheapest first; the order does not change which matches are dropped
        filters=tuple(name for name in known_filters if name in rule_filters),
        domestic_check=domestic,
        pattern=checker.pattern(where, raw["pattern"], patterns),
        sign=sign,
    )


def read_yaml(path: Path) -> object:
    """A rules file's YAML, read with the safe loader; a clear error naming the file when it is not valid YAML."""
    try:
        return yaml.load(path.read_text(encoding="utf8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise RulebookError(f"{path.name}: not valid YAML: {exc}") from None


def read_sections(path: Path, sections: frozenset[str], described: str) -> dict:
    """A data file's top level: exactly ``sections`` (``described`` says them in words), one being a version of 1
    or more, the same check for every data file the analysis reads."""
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != sections:
        raise RulebookError(f"{path.name}: top level: expected exactly {described}")
    if not isinstance(data["version"], int) or isinstance(data["version"], bool) or data["version"] < 1:
        raise RulebookError(f"{path.name}: version: expected a whole number of 1 or more")
    return data


def load_rulebook(  # noqa: C901 - one check after another, top to bottom
    path: Path, filters: Collection[str], required_words: Collection[str] = ()
) -> Rulebook:
    """Read and check a rules file. `filters` are the filter names the code knows; `required_words` the word
    lists the code reads by name."""
    path = Path(path)
    data = read_yaml(path)
    checker = _Checker(path, {})
    if not isinstance(data, dict):
        raise checker.fail("top level", "expected a mapping with version, words, patterns and rules")
    unknown = set(data) - TOP_LEVEL
    if unknown:
        raise checker.fail("top level", f"unknown key {sorted(unknown)} (allowed: {', '.join(sorted(TOP_LEVEL))})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise checker.fail("version", f"expected a whole number of 1 or more, got {version!r}")

    words: dict[str, list[str]] = {}
    for name, value in _mapping(checker, "words", data.get("words", {}), "list of words").items():
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise checker.fail(f"word list {name!r}", "expected a list of words")
        words[name] = list(value)
    checker.words = words
    missing = [name for name in required_words if name not in words]
    if missing:
        raise checker.fail("words", f"missing word lists the code reads: {', '.join(missing)}")

    irregular: dict[str, tuple[str, ...]] = {}
    for lemma, forms in _mapping(checker, "irregular_forms", data.get("irregular_forms", {}), "forms").items():
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise checker.fail(f"irregular_forms {lemma!r}", "expected a list of words")
        irregular[lemma] = tuple(forms)

    patterns: dict[str, list[dict]] = {}
    for name, value in _mapping(checker, "patterns", data.get("patterns", {}), "pattern").items():
        patterns[name] = checker.pattern(f"pattern {name!r}", value, None)

    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise checker.fail("rules", "expected a non-empty list of rules")
    rules: list[Rule] = []
    for number, raw in enumerate(raw_rules, start=1):
        rules.append(_rule(checker, number, raw, list(filters), patterns))
        if rules[-1].id in {rule.id for rule in rules[:-1]}:
            raise checker.fail(f"rule {rules[-1].id!r}", "the same id is used twice")
    reason = data.get("domestic_abuse_reason")
    if not isinstance(reason, str) or not reason.strip():
        raise checker.fail("domestic_abuse_reason", "expected the sentence shown for a domestic abuse concern")
    needed = data.get("warning_signs_needed", 2)
    if not isinstance(needed, int) or isinstance(needed, bool) or needed < 2:
        raise checker.fail("warning_signs_needed", f"expected a whole number of 2 or more, got {needed!r}")
    alone = data.get("danger_signs_alone", 3)
    if not isinstance(alone, int) or isinstance(alone, bool) or alone < needed:
        raise checker.fail("danger_signs_alone", f"expected a whole number of {needed} or more, got {alone!r}")
    long_ago = data.get("long_ago_years", 10)
    if not isinstance(long_ago, int) or isinstance(long_ago, bool) or long_ago < 1:
        raise checker.fail("long_ago_years", f"expected a whole number of years, 1 or more, got {long_ago!r}")
    within = data.get("cleared_within_sentences", 4)
    if not isinstance(within, int) or isinstance(within, bool) or within < 0:
        raise checker.fail("cleared_within_sentences", f"expected a whole number of sentences, got {within!r}")
    return Rulebook(
        path=path,
        version=version,
        words={name: tuple(value) for name, value in words.items()},
        irregular_forms=irregular,
        rules=tuple(rules),
        domestic_abuse_reason=reason.strip(),
        warning_signs_needed=needed,
        danger_signs_alone=alone,
        long_ago_years=long_ago,
        cleared_within_sentences=within,
    )


@lru_cache(maxsize=4)
def cached_rulebook(path: Path, filters: tuple[str, ...], required_words: tuple[str, ...]) -> Rulebook:
    return load_rulebook(path, filters, required_words)
