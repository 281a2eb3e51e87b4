"""The tags on a story: suggested by the analysis, decided by a person, and only confirmed ones are facts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.stories.models import StoryStatus
from storybank.tagging import services
from storybank.tagging.models import StoryTag, Tag, TagSource, TagStatus
from storybank.text.analysis import ThemeSuggestion
from tests.moderation_steps import make_story


@pytest.fixture
def taxonomy(app):
    services.ensure_default_taxonomy()
    return services.themes_group()


def _tag(slug: str) -> Tag:
    return db.session.scalar(select(Tag).where(Tag.slug == slug))


def _actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_analysis_suggestions_are_kept_with_their_words_but_are_not_facts(taxonomy, contributor):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    rows = services.suggest_tags(story, [ThemeSuggestion("dignity", "The story mentions 'humiliated'.",
                                                         "humiliated")])
    assert [(r.status, r.source, r.trigger_words) for r in rows] == [
        (TagStatus.SUGGESTED, TagSource.ANALYSIS, "humiliated")]
    assert services.confirmed_tags(story) == []
    assert "tagging.suggested" in _actions()


def test_a_confirmed_suggestion_becomes_a_fact_and_a_rejected_one_never_does(taxonomy, contributor, trainer):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    dignity, lonely = services.suggest_tags(story, [
        ThemeSuggestion("dignity", "The story mentions 'humiliated'.", "humiliated"),
        ThemeSuggestion("loneliness", "The story mentions 'lonely'.", "lonely")])
    services.confirm_tag(dignity, trainer)
    services.reject_tag(lonely, trainer)
    assert [t.slug for t in services.confirmed_tags(story)] == ["dignity"]
    assert dignity.decided_by_id == trainer.id and dignity.decided_at is not None
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action.in_(
        ["tagging.confirmed", "tagging.rejected"])).order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor_id, e.after["tag"]) for e in events] == [
        ("tagging.confirmed", trainer.id, "Dignity"), ("tagging.rejected", trainer.id, "Loneliness")]


def test_a_rejected_suggestion_is_not_suggested_again(taxonomy, contributor, trainer):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    (row,) = services.suggest_tags(story, [ThemeSuggestion("trust", "The story mentions 'lied'.", "lied")])
    services.reject_tag(row, trainer)
    assert services.suggest_tags(story, [ThemeSuggestion("trust", "The story mentions 'lied'.", "lied")]) == []
    assert services.story_tags(story)[0].status == TagStatus.REJECTED


def test_a_person_adds_and_removes_a_tag_by_hand_and_both_are_audited(taxonomy, contributor, trainer):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    row = services.add_tag_to_story(story, _tag("attitude_to_risk"), trainer)
    assert (row.status, row.source) == (TagStatus.CONFIRMED, TagSource.PERSON)
    assert [t.name for t in services.confirmed_tags(story)] == ["Attitude to risk"]
    services.remove_tag_from_story(row, trainer)
    assert services.confirmed_tags(story) == []
    assert db.session.scalar(select(StoryTag)) is None
    assert {"tagging.confirmed", "tagging.removed"} <= set(_actions())


def test_adding_a_tag_a_story_already_has_does_not_add_it_twice(taxonomy, contributor, trainer):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    services.add_tag_to_story(story, _tag("kindness"), trainer)
    services.add_tag_to_story(story, _tag("kindness"), trainer)
    assert len(services.story_tags(story)) == 1


def test_the_default_taxonomy_is_only_added_once(app):
    services.ensure_default_taxonomy()
    assert services.ensure_default_taxonomy() == 0
    assert [g.slug for g in services.groups()] == ["themes", "care_settings", "barriers_to_kindness"]


def _claimed_story(contributor, moderator):
    from storybank.moderation.claims import claim

    story = make_story(contributor)
    db.session.commit()
    claim(story, moderator)
    return story


def test_a_theme_a_moderator_accepts_becomes_a_confirmed_tag_and_a_rejection_takes_it_back(
        app, contributor, moderator):
    from storybank.moderation.models import Source, Suggestion, SuggestionKind
    from storybank.moderation.suggestions import decide_suggestion

    story = _claimed_story(contributor, moderator)
    suggestion = Suggestion(story_id=story.id, kind=SuggestionKind.THEME, label="being_listened_to",
                            reason="The story mentions 'nobody listened'.", source=Source.MACHINE)
    db.session.add(suggestion)
    db.session.commit()
    assert services.confirmed_tags(story) == []  # a pending suggestion is not a fact

    decide_suggestion(suggestion, "accept", moderator)
    assert [t.name for t in services.confirmed_tags(story)] == ["Being listened to"]
    assert services.story_tags(story)[0].decided_by_id == moderator.id

    decide_suggestion(suggestion, "reject", moderator)
    assert services.confirmed_tags(story) == []
    assert services.story_tags(story)[0].status == TagStatus.REJECTED


def test_a_theme_a_moderator_adds_is_a_confirmed_tag(app, contributor, moderator):
    from storybank.moderation.models import SuggestionKind
    from storybank.moderation.suggestions import add_label

    story = _claimed_story(contributor, moderator)
    add_label(story, SuggestionKind.THEME, "culture_and_identity", moderator)
    add_label(story, SuggestionKind.CONTENT_WARNING, "death and dying", moderator)  # not a tag
    assert [t.name for t in services.confirmed_tags(story)] == ["Culture and identity"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "tagging.confirmed"))
    assert event.actor_id == moderator.id


def test_moderators_choose_themes_from_the_taxonomy_admins_edit(app, admin):
    from storybank.moderation.forms import ThemeForm

    services.add_tag(services.themes_group(), services.TagText(name="Feeling safe at night"), admin)
    with app.test_request_context():
        choices = {choice.value: choice.label for choice in ThemeForm().theme.choices}
    assert choices["feeling_safe_at_night"] == "Feeling safe at night"
    assert choices["dignity"] == "Dignity"


def test_erasing_a_story_s_words_forgets_what_suggested_its_tags_but_keeps_the_tags(taxonomy, contributor, trainer):
    story = make_story(contributor, status=StoryStatus.APPROVED)
    (row,) = services.suggest_tags(story, [ThemeSuggestion("dignity", "The story mentions 'commode'.", "commode")])
    services.confirm_tag(row, trainer)
    services.erase_trigger_words(story)
    db.session.commit()
    db.session.refresh(row)
    assert row.trigger_words is None
    assert [t.slug for t in services.confirmed_tags(story)] == ["dignity"]
