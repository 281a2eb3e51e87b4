"""The rules are data (rules/safeguarding.yaml, rules/lexicon.yaml, rules/patterns.yaml): each file follows its
schema, its mistakes are reported by file and rule, and the dev set figures stay where the Python rules it replaced
left them."""

from pathlib import Path

import pytest
import yaml

from bench.analysis import default_file
from bench.analysis import load as load_stories
from bench.learned_thresholds import rules_and_lengths
from storybank.text.analysis.lexicon import load_lexicon
from storybank.text.analysis.patterns import PLACE_PATTERN_NAMES, load_patterns
from storybank.text.analysis.places.place_patterns import PLACE_FRAGMENTS
from storybank.text.analysis.rulebook import RULES_DIR, RulebookError, load_rulebook
from storybank.text.analysis.safeguarding import CODE_WORDS, FILTERS


def load(path: Path):
    return load_rulebook(path, tuple(FILTERS), CODE_WORDS)


def test_the_safeguarding_rules_file_loads_against_its_schema():
    book = load(RULES_DIR / "safeguarding.yaml")
    assert book.version >= 1 and len(book.rules) == 333
    assert len({rule.id for rule in book.rules}) == len(book.rules)


def load_every_pattern(path: Path):
    """The identifier patterns compile as the file is loaded; the place patterns with the lexicon's lists."""
    book = load_patterns(path)
    assert set(book.place_patterns(PLACE_FRAGMENTS)) == set(PLACE_PATTERN_NAMES)
    return book


LOADERS = {"safeguarding.yaml": load, "lexicon.yaml": load_lexicon, "patterns.yaml": load_every_pattern}


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_rules_file_has_a_schema_and_loads_against_it(path):
    assert path.name in LOADERS, f"{path.name} has no loader that checks it"
    assert LOADERS[path.name](path)


def edited_lexicon(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((RULES_DIR / "lexicon.yaml").read_text(encoding="utf8"))
    change(data)
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["words"].pop("titles"), "lexicon.yaml: words: missing the list 'titles'"),
        (lambda d: d["words"].update(titel=["x"]), "lexicon.yaml: words: 'titel' is not a list the code reads"),
        (lambda d: d["words"]["months"].append(False), "lexicon.yaml: words 'months': expected a word, got False"),
        (lambda d: d["words"]["days"].append("monday"), "lexicon.yaml: words 'days': 'monday' is listed twice"),
        (lambda d: d["mappings"]["org_keywords"].update(trust=None), "mappings 'org_keywords': 'trust'"),
        (lambda d: d["groups"]["content_warning_words"].update(abuse=["abuse", "abuse"]),
         "groups 'content_warning_words' 'abuse': 'abuse' is listed twice"),
        (lambda d: d["groups"].update(warning_words={}), "groups: 'warning_words' is not a list the code reads"),
        (lambda d: d.pop("groups"), "top level: expected exactly version, words, ordered, mappings and groups"),
    ],
)
def test_a_mistake_in_the_lexicon_file_names_the_file_and_the_list(tmp_path, change, message):
    with pytest.raises(RulebookError) as caught:
        load_lexicon(edited_lexicon(tmp_path, change))
    assert message in str(caught.value)


def edited_patterns(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((RULES_DIR / "patterns.yaml").read_text(encoding="utf8"))
    change(data)
    path = tmp_path / "patterns.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["patterns"].pop("email"), "patterns.yaml: patterns: missing 'email'"),
        (lambda d: d["patterns"].update(emial={"pattern": "x"}), "patterns: 'emial' is not one the code reads"),
        (lambda d: d["patterns"]["phone"].update(pattern="0(7"), "patterns 'phone': not a valid regular expression"),
        (lambda d: d["patterns"]["date"].update(flags=["VERBOSE"]), "patterns 'date': unknown flag 'VERBOSE'"),
        (lambda d: d["patterns"]["email"].update(pattern="{:mail}"), "patterns 'email': no fragment called 'mail'"),
        (lambda d: d["patterns"]["email"].update(pattern=[]), "patterns 'email': expected a pattern"),
        (lambda d: d["fragments"].update(cap="{:welsh_word}", welsh_word="{:cap}"), "in a loop"),
        (lambda d: d["fragments"].update(buildings="x"), "fragments: 'buildings' is made by the code"),
        (lambda d: d["words"]["ni_bad_prefixes"].append(False), "words 'ni_bad_prefixes': expected a non-empty list"),
        (lambda d: d["words"]["postcode_areas"].append("LS"), "words 'postcode_areas': a word is listed twice"),
    ],
)
def test_a_mistake_in_the_patterns_file_names_the_file_and_the_pattern(tmp_path, change, message):
    with pytest.raises(RulebookError) as caught:
        load_every_pattern(edited_patterns(tmp_path, change))
    assert str(caught.value).startswith("patterns.yaml: ")
    assert message in str(caught.value)


def test_a_place_pattern_with_a_mistake_is_reported_when_compiled(tmp_path):
    path = edited_patterns(tmp_path, lambda d: d["place_patterns"]["saint"].update(pattern="St (?:{:buildings}"))
    with pytest.raises(RulebookError, match="place_patterns 'saint': not a valid regular expression"):
        load_every_pattern(path)


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
        (lambda d: first_rule(d).update(sign="farewell"), "a warning_sign rule needs a sign (and only such a rule"),
        (lambda d: first_rule(d).update(kind="warning_sign"), "a warning_sign rule needs a sign (and only such a"),
        (lambda d: first_rule(d).update(kind="warning_sign", sign="Fare Well"), "sign must be a short lowercase"),
        (lambda d: d.update(warning_signs_needed=1), "warning_signs_needed: expected a whole number of 2 or more"),
        (lambda d: d.update(long_ago_years=0), "long_ago_years: expected a whole number of years"),
        (lambda d: d.update(cleared_within_sentences="four"), "cleared_within_sentences: expected a whole number"),
        (lambda d: d.update(danger_signs_alone=1), "danger_signs_alone: expected a whole number of 2 or more"),
        (lambda d: d.update(danger_signs_alone="three"), "danger_signs_alone: expected a whole number of 2 or more"),
    ],
)
def test_a_mistake_in_the_rules_file_names_the_file_and_the_rule(tmp_path, change, message):
    with pytest.raises(RulebookError) as caught:
        load(edited(tmp_path, change))
    assert str(caught.value).startswith("safeguarding.yaml: ")
    assert message in str(caught.value)


def test_the_dev_set_figures_stay_where_the_python_rules_left_them():
    """Measured when the rules moved from Python to rules/safeguarding.yaml (the same concerns, story by story,
    on every labelled story and demo story: see the commit that moved them). A change to the rules file that
    loses a dev-set concern, or adds a false one, fails here. The rules alone: the learned check is retrained on
    its own schedule and held to the dev set's targets in test_benchmark.py."""
    path = default_file()
    if not path.exists():
        pytest.skip(f"the labelled dev set is not here: {path}")
    stories = load_stories(path)
    found = rules_and_lengths([story["text"] for story in stories])
    wrong = [(story["id"], sorted(categories), story["safeguarding"])
             for story, (categories, _words) in zip(stories, found, strict=True)
             if categories != set(story["safeguarding"])]
    assert not wrong
    assert sum(bool(story["safeguarding"]) for story in stories) >= 15  # the check has concerns to lose


def test_every_rule_has_a_word_that_lets_it_run():
    """Each rule runs only on sentences holding its rarest word (its anchor); a rule without one would never fire,
    for instance a pattern that is only a regular expression matching none of the words in regex_triggers."""
    from storybank.text.analysis.pipeline import get_pipeline

    rules = get_pipeline(None).get_pipe("storybank_safeguarding").matcher
    assert [spec.id for spec, anchors in zip(rules.specs, rules.anchors, strict=True) if not anchors] == []
