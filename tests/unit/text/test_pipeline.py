import logging

import spacy

from storybank.text.analysis import analyse, analyse_many, get_pipeline


def test_the_pipeline_is_built_once_per_process():
    assert get_pipeline(None) is get_pipeline(None)
    names = get_pipeline(None).pipe_names
    assert names[0] == "sentences_and_lemmas"  # every rule reads the sentences and lemmas it sets


def test_the_doc_extensions_hold_what_the_components_found_and_can_be_set():
    text = "Dr Patel hit me again last night. Ring 07700 900412."
    doc = get_pipeline(None)(text)
    analysis = analyse(text)
    assert tuple(doc._.sb_findings) == analysis.findings and [f.label for f in analysis.findings] == ["PERSON", "PHONE"]
    assert tuple(doc._.sb_safeguarding) == analysis.safeguarding and analysis.safeguarding
    assert doc._.sb_rule_findings and doc._.sb_trained_findings is None
    doc._.sb_findings = []
    assert doc._.sb_findings == [] and get_pipeline(None).make_doc(text)._.sb_findings is None


def test_a_missing_model_logs_one_warning_and_rules_still_work(caplog):
    with caplog.at_level(logging.WARNING, logger="storybank.text"):
        first = analyse("Ring 07700 900412, Dr Patel said.", model="no_such_model_xyz")
        second = analyse("Ring 07700 900413.", model="no_such_model_xyz")
    warnings = [r for r in caplog.records if r.name == "storybank.text" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "no_such_model_xyz" in warnings[0].getMessage()
    assert [f.label for f in first.findings] == ["PHONE", "PERSON"]
    assert [f.label for f in second.findings] == ["PHONE"]


def test_a_trained_pipeline_adds_its_entities_and_rules_win_on_identifiers(tmp_path):
    trained = spacy.blank("en")
    ruler = trained.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Zebedee"},
            {"label": "GPE", "pattern": "Little Snoring"},
            {"label": "ORG", "pattern": [{"TEXT": "07700"}]},
        ]
    )
    trained.to_disk(tmp_path / "tiny")
    text = "zebedee visits Little Snoring; ring 07700 900412."
    analysis = analyse(text, model=str(tmp_path / "tiny"))
    found = [(f.label, f.text) for f in analysis.findings]
    assert ("PERSON", "zebedee") not in found
    assert ("LOCATION", "Little Snoring") in found
    assert ("PHONE", "07700 900412") in found
    assert all(label != "ORG" for label, _ in found)
    assert "storybank_trained_ner" in get_pipeline(str(tmp_path / "tiny")).pipe_names
    assert "storybank_trained_ner" not in get_pipeline(None).pipe_names


def test_analyse_many_gives_the_same_results_as_analyse():
    texts = ["Ring 07700 900412.", "My carer Shaz is lovely.", "He hit me last night."]
    assert list(analyse_many(texts, batch_size=2)) == [analyse(t) for t in texts]
