import pytest

from storybank.tagging.cues import default_theme_taxonomy
from storybank.text.analysis import analyse as analyse_with
from storybank.text.analysis import get_pipeline
from storybank.text.analysis.themes import ThemeCues, freeze_taxonomy, theme_matcher, use_default_taxonomy

DEFAULT_TAXONOMY = default_theme_taxonomy()


def analyse(text, taxonomy=None):
    """The analysis with the default theme cues the tagging domain hands it in the app."""
    return analyse_with(text, taxonomy=DEFAULT_TAXONOMY if taxonomy is None else taxonomy)

SEVENTEEN = {
    "dignity",
    "communication",
    "choice_and_control",
    "being_listened_to",
    "waiting_and_delays",
    "continuity_of_care",
    "kindness",
    "rushed_care",
    "loneliness",
    "family_and_carers",
    "discharge_from_hospital",
    "money_and_charges",
    "accessibility",
    "trust",
    "culture_and_identity",
    "mental_health",
    "end_of_life",
}


def test_the_default_taxonomy_has_the_seventeen_themes():
    assert set(DEFAULT_TAXONOMY) == SEVENTEEN


def test_themes_match_on_lemmas_so_other_word_forms_count():
    analysis = analyse("We were waiting for weeks. Waited and waited.")
    slugs = [t.slug for t in analysis.themes]
    assert "waiting_and_delays" in slugs
    theme = next(t for t in analysis.themes if t.slug == "waiting_and_delays")
    assert theme.reason.startswith("The story mentions")


def test_a_custom_taxonomy_replaces_the_default():
    taxonomy = {"gardening": ["garden", "grow tomatoes"], "pets": ["cat", "dog"]}
    analysis = analyse("She grew tomatoes in the garden and fed the cats.", taxonomy=taxonomy)
    assert {t.slug for t in analysis.themes} == {"gardening", "pets"}


def test_the_matcher_for_a_taxonomy_is_built_once_and_reused():
    nlp = get_pipeline(None)
    taxonomy = {"pets": ["cat"]}
    first = theme_matcher(nlp, freeze_taxonomy(taxonomy))
    second = theme_matcher(nlp, freeze_taxonomy({"pets": ["cat"]}))
    assert first is second
    assert theme_matcher(nlp, freeze_taxonomy({"pets": ["dog"]})) is not first


def test_content_warnings_come_from_signals_and_vocabulary():
    analysis = analyse("Mum died at the hospice last spring. Last week he hit me again.")
    assert "death and dying" in analysis.content_warnings
    assert "abuse" in analysis.content_warnings


def test_an_analysis_serialises_to_plain_json_types():
    import json

    data = analyse("Ring 07700 900412. He hit me.").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["findings"][0]["label"] == "PHONE"
    assert data["safeguarding"][0]["category"] == "abuse"


def test_one_strong_cue_is_enough_and_at_most_three_themes_are_suggested():
    text = (
        "I felt humiliated. Nobody listened to me. We are still waiting for a date. I am so lonely. "
        "The fees went up again and the carers were rushed."
    )
    slugs = [t.slug for t in analyse(text).themes]
    assert len(slugs) == 3
    assert set(slugs) <= {
        "dignity",
        "being_listened_to",
        "waiting_and_delays",
        "loneliness",
        "money_and_charges",
        "rushed_care",
    }


def test_a_lone_weak_cue_is_only_suggested_when_little_else_is_found():
    assert [t.slug for t in analyse("The carers were lovely.").themes] == ["kindness"]
    text = "I felt humiliated and nobody listened. We are still waiting. The carer was lovely."
    assert "kindness" not in [t.slug for t in analyse(text).themes]


def test_a_weak_cue_inside_a_strong_one_is_not_counted_twice():
    from storybank.text.analysis import get_pipeline
    from storybank.text.analysis.themes import suggest_themes

    nlp = get_pipeline(None)
    doc = nlp("Nobody listened.")
    theme = suggest_themes(doc, theme_matcher(nlp, freeze_taxonomy(DEFAULT_TAXONOMY)))[0]
    assert theme.slug == "being_listened_to"
    assert theme.reason == "The story mentions 'nobody listened'."


@pytest.fixture
def restore_default_taxonomy():
    from storybank.text.analysis import default_taxonomy

    saved = default_taxonomy()
    yield
    use_default_taxonomy(saved)


def test_passing_no_taxonomy_uses_the_one_set_at_start_up(restore_default_taxonomy):
    use_default_taxonomy(DEFAULT_TAXONOMY)
    assert freeze_taxonomy(dict(DEFAULT_TAXONOMY)) == freeze_taxonomy(None)
    use_default_taxonomy({})
    assert analyse_with("I felt humiliated.").themes == ()


def test_the_default_cues_keep_strong_and_weak_apart():
    dignity = DEFAULT_TAXONOMY["dignity"]
    assert "humiliated" in dignity.strong and "toilet" in dignity.weak
    assert [t.slug for t in analyse("The toilet.").themes] == ["dignity"]  # one weak cue, nothing else found


def test_every_word_of_a_plain_list_is_a_strong_cue():
    custom = freeze_taxonomy({"pets": ["cat", "dog"]})
    assert custom == (("pets", (), ("cat", "dog")),)  # every word of an admin's taxonomy is a strong cue


def test_a_taxonomy_changed_after_it_was_used_gives_its_new_cues():
    taxonomy = {"pets": ["cat"]}
    assert freeze_taxonomy(taxonomy) == (("pets", (), ("cat",)),)
    taxonomy["pets"].append("dog")
    assert freeze_taxonomy(taxonomy) == (("pets", (), ("cat", "dog")),)
    taxonomy["care"] = ThemeCues(strong=("carer",), weak=("visit",))
    assert freeze_taxonomy(taxonomy) == (("care", ("visit",), ("carer",)), ("pets", (), ("cat", "dog")))
    assert freeze_taxonomy({"pets": ("cat", "dog")}) == (("pets", (), ("cat", "dog")),)
