"""How moderation meets the rest: analysed on sending (never while a page renders), forgotten on erasure, re-run
on request."""

from __future__ import annotations

from sqlalchemy import func, select

from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.models import SafeguardingConcern, StoryReview, Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing, prepare_for_review
from storybank.privacy.retention import erase_story_text
from storybank.stories.models import StoryStatus
from tests.moderation_steps import BODY, make_story, post
from tests.story_steps import write_and_send

BEING_PREPARED = "Being prepared – the suggestions will be ready shortly"

DISCLOSURE = ("My son's girlfriend has taken my bank card and she shouts at me every day. "
              "I am frightened to be alone in the house with her.")


def test_a_sent_story_is_analysed_at_once_so_a_disclosure_is_urgent_before_anyone_opens_the_queue(
        client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=DISCLOSURE)
    review = db.session.scalar(select(StoryReview).where(StoryReview.story_id == sent.story.id))
    assert review is not None and review.urgent
    concerns = db.session.scalars(select(SafeguardingConcern)
                                  .where(SafeguardingConcern.story_id == sent.story.id)).all()
    assert {c.category for c in concerns} >= {"abuse"}


def test_erasing_a_story_forgets_the_words_its_suggestions_pointed_at(app, contributor):
    story = make_story(contributor, BODY)
    db.session.commit()
    prepare_for_review(story)
    found = {s.original_text for s in db.session.scalars(select(Suggestion).where(Suggestion.story_id == story.id))}
    assert "07700 900123" in found
    story.status = StoryStatus.WITHDRAWN
    erase_story_text(story, None, reason="test")
    db.session.commit()
    left = {s.original_text for s in db.session.scalars(select(Suggestion).where(Suggestion.story_id == story.id))}
    assert not any(word in (text or "") for text in left for word in ("07700 900123", "Bernadette"))


def test_flask_analysis_reanalyse_runs_over_waiting_stories_and_keeps_moderators_decisions(
        app, runner, contributor):
    untouched = make_story(contributor, BODY)
    decided = make_story(contributor, BODY)
    db.session.commit()
    prepare_for_review(untouched)
    prepare_for_review(decided)
    first = db.session.scalars(select(Suggestion).where(Suggestion.story_id == decided.id)).first()
    first.status = SuggestionStatus.REJECTED
    db.session.commit()
    before_ids = set(db.session.scalars(select(Suggestion.id).where(Suggestion.story_id == untouched.id)))
    result = runner.invoke(args=["analysis", "reanalyse", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Analysed 1 waiting stories again" in result.output and "left 1 alone" in result.output
    after_ids = set(db.session.scalars(select(Suggestion.id).where(Suggestion.story_id == untouched.id)))
    assert after_ids and after_ids.isdisjoint(before_ids), "suggestions were made afresh"
    assert db.session.get(Suggestion, first.id).status == SuggestionStatus.REJECTED


def test_an_unagreed_clarity_edit_is_retired_when_the_contributor_changes_their_words(app, contributor, moderator):
    from storybank.moderation.claims import claim
    from storybank.moderation.clarity import propose_clarity_edit
    from storybank.moderation.models import ClarityEdit
    from storybank.moderation.suggestions import decide_suggestion

    story = make_story(contributor, "My carer comes every morning and never rushes me.")
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    for suggestion in db.session.scalars(select(Suggestion).where(Suggestion.story_id == story.id)).all():
        decide_suggestion(suggestion, "reject", moderator)
    propose_clarity_edit(story, moderator, "My carer comes each morning and never rushes me.")
    assert db.session.scalars(select(ClarityEdit).where(ClarityEdit.story_id == story.id)).all()
    story.body = "My carer comes every morning, stays for tea, and never rushes me."
    db.session.commit()
    prepare_for_review(story)
    assert db.session.scalars(select(ClarityEdit).where(ClarityEdit.story_id == story.id)).all() == []


def test_the_confirmation_page_shows_help_when_the_analysis_raised_a_concern_the_word_screen_missed(
        client, auth, contributor):
    from storybank.stories.crisis import suggests_danger

    assert not suggests_danger(DISCLOSURE), "the simple word screen alone would not show help for this story"
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=DISCLOSURE)
    page = client.get(f"/stories/{sent.story.id}/sent").get_data(as_text=True)
    assert "If you need help now" in page


def _rows() -> dict:
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Suggestion, StoryReview, SafeguardingConcern, AuditEvent)}


def test_the_queue_and_the_review_page_of_an_unprepared_story_write_nothing_and_say_it_is_being_prepared(
        app, client, auth, contributor, moderator):
    story = make_story(contributor, BODY)
    db.session.commit()
    auth.sign_in(moderator.username)
    before = _rows()
    queue_page = client.get("/moderation").get_data(as_text=True)
    review_page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert _rows() == before
    assert BEING_PREPARED in queue_page and BEING_PREPARED in review_page
    assert "did not find anything to remove" not in review_page
    assert needs_preparing(story)


def test_a_story_being_prepared_can_be_claimed_but_approving_it_is_refused_kindly(
        app, client, auth, contributor, moderator):
    story = make_story(contributor, BODY)
    db.session.commit()
    claim(story, moderator)
    assert db.session.scalar(select(func.count()).select_from(Suggestion)) == 0, "claiming does not analyse"
    auth.sign_in(moderator.username)
    refused = post(client, f"/moderation/stories/{story.id}/approve")
    assert refused.status_code == 400
    assert "This story is still being prepared – the suggestions will be ready shortly" in refused.get_data(
        as_text=True)
    db.session.refresh(story)
    assert story.status == StoryStatus.IN_REVIEW
    assert "You can approve this story once the suggestions are ready" in client.get(
        f"/moderation/stories/{story.id}").get_data(as_text=True)


def test_when_the_analysis_fails_the_sent_story_and_its_key_are_safe_and_reanalyse_prepares_it_later(
        app, client, auth, runner, contributor, moderator, monkeypatch, caplog):
    def broken(story, *args, **kwargs):
        raise RuntimeError("the language model is missing")

    monkeypatch.setattr("storybank.moderation.jobs.prepare_for_review", broken)
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=BODY)
    assert sent.key and sent.story.status == StoryStatus.SUBMITTED
    assert f"Preparing story {sent.story.id} for the moderators failed" in caplog.text
    assert needs_preparing(sent.story)
    monkeypatch.undo()
    auth.sign_out()
    auth.sign_in(moderator.username)
    assert BEING_PREPARED in client.get("/moderation").get_data(as_text=True)
    result = runner.invoke(args=["analysis", "reanalyse"])
    assert result.exit_code == 0, result.output
    assert not needs_preparing(sent.story)
    assert BEING_PREPARED not in client.get("/moderation").get_data(as_text=True)
