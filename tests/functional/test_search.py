"""Trainers' full-text search: the same meaning on SQLite (FTS5) and PostgreSQL (tsvector), always behind the gate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storybank.accounts.roles import Role
from storybank.consent import services as consent_services
from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation import claims, decisions
from storybank.moderation.clarity import agree_to_clarity_edit
from storybank.moderation.models import ClarityEdit, Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.moderation.preparation import prepare_for_review
from storybank.search.models import SearchDocument
from storybank.search.query import parse_query
from storybank.search.services import SearchFilters, highlight, index_story, reindex_all, search
from storybank.stories.models import Story, StoryStatus
from tests.data_rights_builders import make_story
from tests.factories import make_user


def approved(author, body: str, *, title: str = "A story", days_ago: int = 50, scopes=(Purpose.TRAINING,),
             **fields) -> Story:
    story = make_story(author, body="ORIGINAL " + body, moderated_body=body, title=title, scopes=scopes, **fields)
    story.approved_at = utcnow() - timedelta(days=days_ago)
    db.session.flush()
    index_story(story.id)
    db.session.commit()
    return story


def titles(results) -> list[str]:
    return [hit.story.title for hit in results.hits]


def find(text: str = "", **filters):
    return search(SearchFilters(text=text, **filters))


@pytest.fixture
def author(app):
    return make_user(Role.CONTRIBUTOR)


def test_a_word_finds_stories_with_any_form_of_it(author):
    approved(author, "I waited three hours for the toilet.", title="Waited")
    approved(author, "The carer brought tea.", title="Tea")
    assert titles(find("waiting")) == ["Waited"]
    assert titles(find("toilets")) == ["Waited"]


def test_a_phrase_in_quotes_needs_the_words_together(author):
    approved(author, "She left me alone all night.", title="Together")
    approved(author, "I was alone. She left at night.", title="Apart")
    assert titles(find('"left me alone"')) == ["Together"]
    assert sorted(titles(find("left alone"))) == ["Apart", "Together"]


def test_a_word_with_a_minus_leaves_stories_out(author):
    approved(author, "Waiting at the hospital for hours.", title="Hospital")
    approved(author, "Waiting at home for the carer.", title="Home")
    assert titles(find("waiting -hospital")) == ["Home"]
    assert titles(find('-"the carer"')) == ["Hospital"]


def test_snippets_come_from_the_moderated_text_with_the_words_marked(author):
    approved(author, "My carer [Person A] was <b>kind</b> about the toilet.", title="Kind")
    hit = find("toilet").hits[0]
    assert "<mark>toilet</mark>" in hit.snippet
    assert "kind" in hit.snippet and "<b>" not in hit.snippet  # PostgreSQL's headline drops tags; SQLite escapes
    assert "ORIGINAL" not in hit.snippet
    assert find("ORIGINAL").total == 0


def test_the_words_of_the_original_are_never_searched(author):
    approved(author, "[Person A] helped me wash.", title="Redacted")
    assert find("original").total == 0
    assert find("person").total == 1


def test_search_sees_only_stories_that_pass_the_gate_for_the_chosen_purpose(author):
    approved(author, "Waiting for care.", title="Training only", scopes=(Purpose.TRAINING,))
    approved(author, "Waiting for care.", title="Partners only", scopes=(Purpose.PARTNERS,))
    approved(author, "Waiting for care.", title="Public only", scopes=(Purpose.PUBLIC,))
    assert titles(find("waiting", purpose=Purpose.TRAINING)) == ["Training only"]
    assert titles(find("waiting", purpose=Purpose.PARTNERS)) == ["Partners only"]
    with pytest.raises(ValueError):
        find("waiting", purpose=Purpose.PUBLIC)


def test_a_withdrawn_story_is_gone_at_once_even_if_the_index_has_not_caught_up(author):
    story = approved(author, "Waiting for the toilet.", title="Soon withdrawn")
    db.session.execute(update(Story).where(Story.id == story.id).values(status=StoryStatus.WITHDRAWN,
                                                                         withdrawn_at=utcnow()))
    db.session.commit()
    assert db.session.get(SearchDocument, story.id) is not None, "the index still holds it"
    assert find("toilet").total == 0
    assert find().total == 0


def test_withdrawing_takes_the_story_out_of_the_index_too(author):
    story = approved(author, "Waiting for the toilet.", title="Withdrawn")
    consent_services.withdraw(story, author)
    assert db.session.get(SearchDocument, story.id) is None
    assert find("toilet").total == 0


def test_an_expired_consent_hides_the_story(author):
    story = approved(author, "Waiting for the toilet.", title="Expired")
    assert find("toilet").total == 1
    from storybank.consent.models import ConsentRecord
    db.session.execute(update(ConsentRecord).where(ConsentRecord.story_id == story.id).values(
        review_date=(utcnow() - timedelta(days=1)).date()).execution_options(synchronize_session=False))
    db.session.commit()
    assert find("toilet").total == 0


def test_the_index_follows_an_approval(author):
    moderator = make_user(Role.MODERATOR)
    story = make_story(author, status=StoryStatus.IN_REVIEW, body="Nobody answered the bell for the toilet.",
                       title="Bell")
    db.session.commit()
    assert find("bell").total == 0
    prepare_for_review(story)
    claims.claim(story, moderator)
    db.session.execute(update(Suggestion).where(Suggestion.story_id == story.id)
                       .values(status=SuggestionStatus.REJECTED))
    decisions.approve(story, moderator)
    assert db.session.get(SearchDocument, story.id) is not None
    assert titles(find("bell")) == ["Bell"]


def test_the_index_follows_an_edit_to_the_moderated_text(author):
    story = approved(author, "The carer was rushed.", title="Edited")
    db.session.add(ClarityEdit(story_id=story.id, proposed_text="The carer was patient.",
                               based_on=story.moderated_body))
    db.session.commit()
    assert titles(find("rushed")) == ["Edited"]
    agree_to_clarity_edit(story, author)  # the person agrees to a clearer wording of the approved story
    assert find("rushed").total == 0
    assert titles(find("patient")) == ["Edited"]


def test_filters_for_care_setting_region_date_and_content_warning(author):
    approved(author, "Waiting in the home.", title="Care home north", context="Care home", days_ago=10)
    old = approved(author, "Waiting at home.", title="Home south", context="Care at home", days_ago=400)
    db.session.add(Suggestion(story_id=old.id, kind=SuggestionKind.CONTENT_WARNING, label="Neglect",
                              status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
    db.session.commit()
    assert titles(find(care_settings=("Care home",))) == ["Care home north"]
    assert titles(find("waiting", regions=("Care at home",))) == ["Home south"]
    assert titles(find(approved_from=(utcnow() - timedelta(days=30)).date())) == ["Care home north"]
    assert titles(find(approved_to=(utcnow() - timedelta(days=300)).date())) == ["Home south"]
    assert titles(find("waiting", exclude_warnings=("Neglect",))) == ["Care home north"]


def test_results_are_sorted_by_relevance_then_newest_and_paginated_with_a_count(author):
    for number in range(25):
        approved(author, "A story about waiting.", title=f"Plain {number:02d}", days_ago=100 - number)
    approved(author, "Waiting, waiting and more waiting for the waiting list.", title="Most waiting", days_ago=300)
    first = find("waiting")
    assert first.total == 26 and first.pages == 2
    assert first.hits[0].story.title == "Most waiting"
    assert titles(first)[1:4] == ["Plain 24", "Plain 23", "Plain 22"]
    second = search(SearchFilters(text="waiting"), page=2)
    assert len(second.hits) == 6
    assert not set(titles(first)) & set(titles(second))
    listing = find()
    assert listing.total == 26 and listing.hits[0].story.title == "Plain 24"


@pytest.mark.parametrize("typed", ['AND OR NOT "', "NEAR(a b)", "*", "title:x", "a' OR '1'='1", "-", '""',
                                   "é" * 500, "\x00", "((((", "!!a & b | c"])
def test_odd_search_words_never_fail(author, typed):
    approved(author, "Waiting for care.", title="Any")
    result = find(typed)
    assert result.total >= 0


def test_reindex_rebuilds_the_index_from_the_stories_as_they_are(author):
    kept = approved(author, "Waiting for care.", title="Kept")
    gone = approved(author, "Waiting for care.", title="Gone")
    db.session.execute(update(Story).where(Story.id == gone.id).values(status=StoryStatus.WITHDRAWN))
    db.session.execute(SearchDocument.__table__.delete())
    db.session.commit()
    assert reindex_all() == 1
    assert list(db.session.scalars(select(SearchDocument.story_id))) == [kept.id]
    assert titles(find("care")) == ["Kept"]


def test_the_query_reader_turns_everything_into_plain_words():
    parsed = parse_query('toilet "left  ALONE" -hospital can\'t NEAR(')
    assert parsed.words == ("toilet", "near")
    assert parsed.phrases == ("left alone", "can t")
    assert parsed.excluded == ("hospital",)


def test_highlighting_escapes_everything_but_its_own_marks():
    assert str(highlight("<script>\x02x\x03</script>")) == "&lt;script&gt;<mark>x</mark>&lt;/script&gt;"


def test_the_reindex_command_rebuilds_the_index_and_says_how_many(author, runner):
    approved(author, "Waiting for care.", title="One")
    db.session.execute(SearchDocument.__table__.delete())
    db.session.commit()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 1 story." in result.output
    assert titles(find("care")) == ["One"]


def test_the_demo_stories_can_be_found_as_soon_as_they_are_seeded(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    listing = find()
    assert listing.total > 0
    story = listing.hits[0].story
    word = max(story.moderated_body.split(), key=len).strip(".,;:!?“”\"'()")
    assert story.id in {hit.story.id for hit in search(SearchFilters(text=word), per_page=100).hits}
