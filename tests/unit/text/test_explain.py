"""`flask analysis explain TEXT`: which rule fired, on which words, and why."""

from storybank.text.analysis.explain import LEARNED_SOURCE, concern_source, explain, format_explanation
from storybank.text.analysis.models import SafeguardingSignal
from storybank.text.analysis.safeguarding import safeguarding_rulebook

STORY = (
    "My husband is my carer. Last week he pushed me out of my wheelchair. He would never hit me though. "
    "Sarah Jenkins rang on 07700 900123."
)


def test_explain_names_the_rule_that_fired_the_words_it_matched_and_its_reason():
    explanation = explain(STORY)
    kept = [m for m in explanation.matches if m.trace.dropped_by is None]
    assert [(m.trace.rule.id, m.trace.rule.category, m.words) for m in kept] == [
        ("abuse.hit-pushed-hurt", "abuse", "pushed me")
    ]
    assert kept[0].sentence == "Last week he pushed me out of my wheelchair."
    assert [(s.category, source.split(" (")[0]) for s, source in explanation.concerns] == [
        ("abuse", "rule abuse.hit-pushed-hurt"),
        ("domestic_abuse", "the domestic abuse check on rule abuse.hit-pushed-hurt"),
    ]


def test_explain_says_which_filter_dropped_a_match():
    dropped = [m for m in explain(STORY).matches if m.trace.dropped_by is not None]
    assert [(m.trace.rule.id, m.words, m.trace.dropped_by) for m in dropped] == [
        ("abuse.hit-pushed-hurt", "hit me", "negated")
    ]


def test_the_explanation_reads_as_plain_lines_with_the_redactions_too():
    text = format_explanation(explain(STORY))
    assert f"safeguarding.yaml, version {safeguarding_rulebook().version}" in text
    assert "abuse.hit-pushed-hurt (abuse) matched 'pushed me'" in text
    assert "reason: this sentence says someone hit, pushed or hurt them" in text
    assert "dropped by the filter 'negated'" in text
    assert "PHONE '07700 900123'" in text


def test_a_text_with_no_match_says_so():
    text = format_explanation(explain("We went to the seaside and had chips."))
    assert "No rule matched." in text
    assert "Concerns raised: none" in text


def test_explain_shows_the_learned_checks_score_for_each_category_and_which_concern_it_raised():
    text = (
        "Mum has bipolar and has been in hospital a few times over the years. These days she lives on her own "
        "with help from the carers every morning and we visit at weekends. She is doing well and enjoys her garden."
    )
    explanation = explain(text)
    assert set(explanation.learned_scores) == {"abuse", "domestic_abuse", "neglect", "self_harm", "immediate_danger"}
    learned = [s.category for s, source in explanation.concerns if source.startswith("the learned check")]
    thresholds = explanation.learned_thresholds
    assert set(thresholds) == set(explanation.learned_scores)
    assert learned == [c for c, score in explanation.learned_scores.items() if score >= thresholds[c]]
    formatted = format_explanation(explanation)
    assert "Learned check (raises a category the rules did not" in formatted
    score = explanation.learned_scores["domestic_abuse"]
    assert f"  domestic_abuse: {score} (threshold {thresholds['domestic_abuse']})" in formatted


def test_a_warning_sign_is_shown_as_one_that_needs_others():
    text = format_explanation(explain("We walked down to the bridge to feed the ducks."))
    assert "self_harm.sign-place (self_harm) matched 'walked down to the bridge'" in text
    assert "kept as a warning sign (place): it raises a concern only with other, different signs" in text
    assert "Concerns raised: none" in text


def test_a_story_in_capitals_is_explained_as_it_was_read():
    text = format_explanation(explain("MY NEIGHBOUR BRONWEN RANG ME FROM 18 KESTREL ROW IN WREXHAM ON TUESDAY NIGHT."))
    assert text.startswith("Written all in capitals: read as if written in ordinary case")
    assert "ADDRESS '18 Kestrel Row'" in text


def test_each_concern_is_traced_to_what_raised_it_by_its_reason_not_only_its_sentence():
    """A warning sign kept in a sentence raises nothing alone: the learned check's concern on that same sentence is
    the learned check's, a rule's concern is that rule's, and signs together are named as signs."""
    book = safeguarding_rulebook()
    sign = next(rule for rule in book.rules if rule.sign is not None and rule.category == "abuse")
    plain = next(rule for rule in book.rules if rule.sign is None and rule.category == "abuse")
    sentence = "He says if I tell anyone I will lose my flat."

    def concern(reason: str, category: str = "abuse") -> SafeguardingSignal:
        return SafeguardingSignal(category, 0, len(sentence), sentence, reason)

    learned = concern("Stories worded like this one were often about someone being harmed.")
    assert concern_source(learned, {("abuse", sentence): [sign]}, book.domestic_abuse_reason) == LEARNED_SOURCE
    by_rule = concern(f"This sentence {plain.reason}.")
    raised = {("abuse", sentence): [sign, plain]}
    assert concern_source(by_rule, raised, book.domestic_abuse_reason) == f"rule {plain.id}"
    by_signs = concern(f"This sentence {sign.reason}, and the story also says more: together these can be warning "
                       "signs.")
    assert concern_source(by_signs, raised, book.domestic_abuse_reason) == (
        f"warning signs, the first found by rule {sign.id}")
    domestic = concern(book.domestic_abuse_reason, "domestic_abuse")
    assert concern_source(domestic, raised, book.domestic_abuse_reason).startswith("the domestic abuse check on rule")
    learned_domestic = concern("Stories worded like this one were often about harm by a partner.", "domestic_abuse")
    assert concern_source(learned_domestic, raised, book.domestic_abuse_reason) == LEARNED_SOURCE
