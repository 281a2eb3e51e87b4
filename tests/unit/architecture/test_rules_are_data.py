"""No rule of the text analysis lives in Python code: word lists and regular expressions are in rules/*.yaml.

This test reads every module of storybank/text/analysis (its subpackages too) and fails on a module-level word
list (a list, set, tuple or dict holding more than a handful of string literals, including a string split into
words) or a regular expression compiled from a literal pattern. The loaders (the modules that read the rules files
and name what the code reads from them) are exempt. Anything else needs a line in ALLOWED below, with the reason
it is not a rule; an entry that no longer matches anything fails too, so the list cannot go stale.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ANALYSIS = Path(__file__).resolve().parents[3] / "storybank" / "text" / "analysis"
HANDFUL = 6
LOADERS = {
    "rulebook.py": "loads rules/safeguarding.yaml; its names are the schema of that file",
    "lexicon.py": "loads rules/lexicon.yaml; its names are the lists the code reads",
    "patterns.py": "loads rules/patterns.yaml; its names are the patterns the code reads",
}
ALLOWED: dict[str, str] = {
    "clauses/filters.py::FILTERS": "the code side of the rules file's schema: the filters a rule may name",
    "clauses/filters.py::CODE_WORDS": "the code side of the rules file's schema: the word lists the code reads by name",
    "identifiers.py::ANY_DIGIT_RE": "a speed check (how many digits a text has), not a rule about what to find",
    "identifiers.py::_ORDINAL_ENDINGS": "how English writes ordinals (1st, 2nd, 3rd, 4th), not a rule to tune",
    "learned.py::PLAIN": "plain words for moderators describing each safeguarding category, not a rule",
    "merge.py::PRIORITY": "which kind of finding wins an overlap: one number per label the finders themselves make",
    "pipeline.py::TRAINED_LABELS": "the labels of spaCy's trained models and ours: an interface, not a rule",
    "places/place_patterns.py::PLACE_FRAGMENTS": "names the fragments patterns.yaml uses; words from lexicon.yaml",
    "places/addresses.py::_DIGIT_RE": "a speed check (a numbered address needs a digit), not a rule about what to find",
    "places/orgs.py::_WORD_CHAR_RE": "whether a phrase starts with a word character, for whole_phrase_re",
    "places/addresses.py::_LAST_WORD_BEFORE_COMMA_RE": "a speed check before building_before: the word before a comma",
    "redaction.py::PLACEHOLDERS": "the words shown in place of a removed detail: wording, not a rule of what to find",
    "safeguarding_matcher.py::_QUANTIFIER_RE": "reads the {m,n} quantifiers of the rules file's patterns",
    "tokens.py::WORDLIKE_RE": "what a word looks like to the tokens' helpers, not a rule about what to find",
}


def _words_in(node: ast.AST) -> int:
    """String literals in an expression; a literal split into words ("AB AL B".split()) counts each word."""
    split = {id(child.func.value) for child in ast.walk(node)
             if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "split"}
    return sum(len(child.value.split()) if id(child) in split else 1 for child in ast.walk(node)
               if isinstance(child, ast.Constant) and isinstance(child.value, str))


def _is_collection(node: ast.AST) -> bool:
    if isinstance(node, ast.List | ast.Set | ast.Tuple | ast.Dict | ast.SetComp | ast.DictComp | ast.ListComp):
        return True
    if isinstance(node, ast.BinOp):
        return _is_collection(node.left) or _is_collection(node.right)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in {"set", "frozenset", "tuple", "list", "dict"})


def _written_out(node: ast.AST) -> bool:
    """A pattern written in the code: a string, an f-string, or strings (and names of strings) joined with +."""
    if isinstance(node, ast.BinOp):
        return (_written_out(node.left) or _written_out(node.right)) and all(
            isinstance(side, ast.Constant | ast.JoinedStr | ast.Name | ast.BinOp) for side in (node.left, node.right))
    return isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_literal_regex(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
            and bool(node.args) and _written_out(node.args[0]))


def offences(source: str) -> dict[str, str]:
    """Module-level names that hold a word list or a regular expression compiled from a literal pattern."""
    found: dict[str, str] = {}
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name) and t.id != "__all__"]
        if _is_literal_regex(value):
            found.update(dict.fromkeys(names, "a regular expression compiled from a literal pattern"))
        elif _is_collection(value) and _words_in(value) > HANDFUL:
            found.update(dict.fromkeys(names, f"a word list of {_words_in(value)} string literals"))
    return found


def _modules() -> list[Path]:
    return sorted(path for path in ANALYSIS.rglob("*.py") if _name(path) not in LOADERS)


def _name(path: Path) -> str:
    """The module's path inside the analysis package, as ALLOWED names it: "places.py", "people/words.py"."""
    return path.relative_to(ANALYSIS).as_posix()


def test_no_module_of_the_analysis_keeps_a_rule_in_python():
    problems = [f"{_name(path)}::{name}: {what}"
                for path in _modules()
                for name, what in offences(path.read_text(encoding="utf8")).items()
                if f"{_name(path)}::{name}" not in ALLOWED]
    assert problems == [], "move these to rules/*.yaml (or add them to ALLOWED with the reason):\n" + "\n".join(
        problems)


def test_every_allowed_exception_still_exists_and_says_why():
    found = {f"{_name(path)}::{name}" for path in _modules() for name in offences(path.read_text(encoding="utf8"))}
    assert set(ALLOWED) <= found, f"no longer there, take them off ALLOWED: {set(ALLOWED) - found}"
    assert all(len(reason) > 20 for reason in [*ALLOWED.values(), *LOADERS.values()])
    assert all((ANALYSIS / name).exists() for name in LOADERS)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('MONTH_CUES = {"in", "since", "until", "till", "by", "last", "next"}', {"MONTH_CUES"}),
        ('AREAS = frozenset("""AB AL B BA BB BD BH""".split())', {"AREAS"}),
        ('FROM: dict[str, set[str]] = {"death": {"die", "died", "dying", "dead", "funeral", "hospice"}}', {"FROM"}),
        ('WORDS = BASE | {"one", "two", "three", "four", "five", "six", "seven"}', {"WORDS"}),
        ('EMAIL_RE = re.compile(r"[a-z]+@[a-z]+" + r"\\.[a-z]+")', {"EMAIL_RE"}),
        ('EMAIL_RE = re.compile(rf"[a-z]+@{DOMAIN}")', {"EMAIL_RE"}),
        ('SMALL = {"in", "at", "on"}', set()),
        ('HOW = {"a common first name", "a name followed by something a person does", "a first and a surname"}', set()),
        ('__all__ = ["analyse", "analyse_many", "redact", "Finding", "Analysis", "ThemeCues", "get_pipeline"]', set()),
        ('EMAIL_RE = PATTERNS["email"]', set()),
        ('ADDRESS_RE = re.compile(pattern_from_data)', set()),
        ('def f():\n    words = {"a", "b", "c", "d", "e", "f", "g", "h"}', set()),
    ],
)
def test_the_check_finds_word_lists_and_literal_regexes(source, expected):
    assert set(offences(source)) == expected
