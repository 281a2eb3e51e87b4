"""The safeguarding rules are data (rules/safeguarding.yaml): the file follows its schema, its mistakes are
reported by file and rule, and it gives exactly the concerns the Python rules it replaced gave."""

import json
from pathlib import Path

import pytest
import yaml

from storybank.demo_data import DEMO_STORIES
from storybank.text.analysis import get_pipeline
from storybank.text.analysis.rulebook import RULES_DIR, RulebookError, load_rulebook
from storybank.text.analysis.safeguarding import CODE_WORDS, FILTERS, SafeguardingRules, find_safeguarding

from . import legacy_safeguarding as legacy

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
CORPUS = [
    Path("/work/shared/data/stories_dev.jsonl"),
    *sorted(HERE.glob("*.jsonl")),
    *sorted((ROOT / "bench" / "training").glob("*.jsonl")),
]


def corpus_texts() -> list[str]:
    texts = []
    for path in CORPUS:
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf8").splitlines() if line.strip()]
    for story in DEMO_STORIES:
        texts += [story["title"], story["body"]]
    return texts


def load(path: Path):
    return load_rulebook(path, tuple(FILTERS), CODE_WORDS)


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_rules_file_loads_against_its_schema(path):
    book = load(path)
    assert book.version >= 1 and book.rules
    assert len({rule.id for rule in book.rules}) == len(book.rules)


def test_every_shared_word_list_is_used_by_a_rule_or_the_code():
    text = (RULES_DIR / "safeguarding.yaml").read_text(encoding="utf8")
    data = yaml.safe_load(text)
    unused = [name for name in data["words"] if f"${name}" not in text and name not in CODE_WORDS]
    assert unused == []


def edited(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((RULES_DIR / "safeguarding.yaml").read_text(encoding="utf8"))
    change(data)
    path = tmp_path / "safeguarding.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf8")
    return path


def first_rule(data) -> dict:
    return data["rules"][0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: first_rule(d).update(filters=["negatd"]), "rule 'abuse.hit-pushed-hurt': unknown filter 'negatd'"),
        (lambda d: first_rule(d).update(category="harm"), "rule 'abuse.hit-pushed-hurt': category must be one of"),
        (lambda d: first_rule(d).pop("reason"), "rule 'abuse.hit-pushed-hurt': missing reason"),
        (lambda d: first_rule(d).update(pattern=[{"LOWER": {"IN": "$pronouns"}}]), "unknown word list '$pronouns'"),
        (lambda d: first_rule(d).update(pattern=[{"LOWER": "x", "OP": "*"}]), 'OP must be "?" or "{m,n}"'),
        # YAML reads a bare off / no / on as false or true: say so rather than match nothing
        (lambda d: first_rule(d).update(pattern=[{"LOWER": False}]), "token 1: LOWER must be a word"),
        (lambda d: first_rule(d).update(pattern=[{"TEXT": "x"}]), "unknown token key ['TEXT']"),
        (lambda d: first_rule(d).update(id=d["rules"][1]["id"]), "the same id is used twice"),
        (lambda d: first_rule(d).update(domestic_check="yes"), "domestic_check must be true or false"),
        (lambda d: d["words"].pop("neg"), "missing word lists the code reads: neg"),
    ],
)
def test_a_mistake_in_the_rules_file_names_the_file_and_the_rule(tmp_path, change, message):
    with pytest.raises(RulebookError) as caught:
        load(edited(tmp_path, change))
    assert str(caught.value).startswith("safeguarding.yaml: ")
    assert message in str(caught.value)


def test_the_rules_from_the_file_are_the_python_rules_they_replaced():
    book = load(RULES_DIR / "safeguarding.yaml")
    assert len(book.rules) == len(legacy.RULES)

    def as_sets(pattern):
        return [{k: ({op: set(v) for op, v in c.items()} if isinstance(c, dict) else c) for k, c in s.items()}
                for s in pattern]  # fmt: skip

    for rule, (category, reason, pattern, _checks) in zip(book.rules, legacy.RULES, strict=True):
        assert (rule.category, rule.reason) == (category, reason), rule.id
        assert as_sets(rule.pattern) == as_sets(pattern), rule.id
        assert rule.domestic_check == (category == "abuse" and "scam" not in reason), rule.id


def test_the_rules_file_raises_the_same_concerns_as_the_python_rules_on_every_story_we_hold():
    nlp = get_pipeline(None)
    new, old = SafeguardingRules(nlp), legacy.SafeguardingRules(nlp)
    texts = corpus_texts()
    assert len(texts) > 300
    raised = 0
    for doc in nlp.pipe(texts):
        expected = legacy.find_safeguarding(doc, old)
        assert find_safeguarding(doc, new) == expected, doc.text[:80]
        raised += len(expected)
    assert raised > 200
