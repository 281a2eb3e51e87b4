"""Claiming a story, deciding each suggestion and approving: people decide, and the audit log says who."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.common import review_for
from storybank.moderation.decisions import _decide, approve, decisions_for, decline
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import (
    DecisionOutcome,
    ModerationDecision,
    StoryReview,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.suggestions import (
    accepted_labels,
    add_label,
    add_manual_redaction,
    decide_suggestion,
    redacted_text,
    suggestions_for,
)
from storybank.stories.models import Story, StoryStatus
from tests.conftest import Auth
from tests.moderation_steps import make_story, post


def _prepared(author, **fields) -> Story:
    story = make_story(author, **fields)
    db.session.commit()
    prepare_for_review(story)
    return story


def _decide_all(story, moderator, decision="accept"):
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            decide_suggestion(suggestion, decision, moderator)


def test_a_moderator_cannot_claim_their_own_story(app, client, auth, make_user):
    both = make_user(Role.MODERATOR, Role.CONTRIBUTOR, username="mo-and-writer")
    story = _prepared(both)
    with pytest.raises(ModerationError, match="your own story"):
        claim(story, both)
    auth.sign_in(both.username)
    response = post(client, f"/moderation/stories/{story.id}/claim", follow_redirects=True)
    assert "This is your own story, so another moderator needs to read it" in response.get_data(as_text=True)
    assert review_for(story).claimed_by_id is None
    assert "Your own story: another moderator will read it" in client.get("/moderation").get_data(as_text=True)


def test_a_live_claim_by_someone_else_blocks_and_an_expired_one_does_not(app, contributor, make_user):
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story = _prepared(contributor)
    claim(story, first)
    assert story.status == StoryStatus.IN_REVIEW
    with pytest.raises(ModerationError, match="is reading this story now"):
        claim(story, second)
    later = utcnow() + timedelta(minutes=app.config["STORYBANK_CLAIM_MINUTES"] + 1)
    claim(story, second, now=later)
    assert review_for(story).claimed_by_id == second.id


def test_approving_is_refused_while_any_suggestion_is_undecided(app, client, auth, contributor, moderator):
    story = _prepared(contributor)
    claim(story, moderator)
    with pytest.raises(ModerationError, match="decide every suggestion"):
        approve(story, moderator)
    auth.sign_in(moderator.username)
    response = post(client, f"/moderation/stories/{story.id}/approve")
    assert response.status_code == 400
    assert "Please decide every suggestion before approving" in response.get_data(as_text=True)
    db.session.refresh(story)
    assert story.status == StoryStatus.IN_REVIEW and story.moderated_body is None


def test_a_moderator_accepts_and_rejects_suggestions_then_approves_through_the_pages(
        app, client, auth, contributor, moderator):
    story = _prepared(contributor)
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert '<mark class="suggestion suggestion-pending"' in page
    assert "a UK mobile number" in page

    phone = next(s for s in suggestions_for(story) if s.label == "PHONE")
    person = next(s for s in suggestions_for(story) if s.label == "PERSON")
    post(client, f"/moderation/suggestions/{phone.id}", {"decision": "accept"})
    post(client, f"/moderation/suggestions/{person.id}", {"decision": "accept", "replacement": "my carer"})
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            post(client, f"/moderation/suggestions/{suggestion.id}", {"decision": "reject"})
    response = post(client, f"/moderation/stories/{story.id}/approve")
    assert response.status_code == 302, response.get_data(as_text=True)

    db.session.refresh(story)
    assert story.status == StoryStatus.APPROVED
    assert "07700 900123" not in story.moderated_body and "[phone number]" in story.moderated_body
    assert "my carer" in story.moderated_body
    assert "[my carer]" not in story.moderated_body, "the replacement is shown exactly as the moderator typed it"
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert "shown as “my carer”" in page and "[my carer]" not in page
    accepted = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "moderation.suggestion_accepted")
                                  ).all()
    assert {(e.actor_id, e.object_id) for e in accepted} >= {(moderator.id, str(phone.id)),
                                                              (moderator.id, str(person.id))}
    assert all(e.before == {"status": "pending", "replacement": None} for e in accepted)
    approved = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.approved"))
    assert approved.actor_id == moderator.id and approved.after["status"] == "approved"


def test_the_same_person_becomes_the_same_placeholder_everywhere(app, contributor, moderator):
    story = _prepared(contributor, body="Bernadette came at nine. Later Bernadette Okafor rang my daughter.")
    claim(story, moderator)
    _decide_all(story, moderator)
    approve(story, moderator)
    db.session.refresh(story)
    assert "Bernadette" not in story.moderated_body
    assert story.moderated_body.count("[Person A]") == 2


def test_a_manual_redaction_removes_every_place_the_words_appear(app, client, auth, contributor, moderator):
    story = _prepared(contributor, body="We went to Sunnyview every week. Sunnyview has a lovely garden.")
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    response = post(client, f"/moderation/stories/{story.id}/redactions",
                    {"redact-text": "Sunnyview", "redact-label": "ORG", "redact-replacement": ""})
    assert response.status_code == 302
    manual = [s for s in suggestions_for(story) if s.source.value == "moderator"]
    assert len(manual) == 2 and all(s.status == SuggestionStatus.ACCEPTED for s in manual)
    assert "Sunnyview" not in redacted_text(story)
    missing = post(client, f"/moderation/stories/{story.id}/redactions",
                   {"redact-text": "Meadowbank", "redact-label": "ORG"})
    assert missing.status_code == 400
    page = missing.get_data(as_text=True)
    assert "We could not find those words in the story" in page and 'value="Meadowbank"' in page


def test_overlapping_redactions_never_leave_part_of_a_name_showing(app, contributor, moderator):
    story = _prepared(contributor, body="My son's partner Kerry-Ann moved in with us.")
    claim(story, moderator)
    add_manual_redaction(story, "Kerry", moderator, "PERSON")
    add_manual_redaction(story, "Kerry-Ann", moderator, "PERSON")
    text_now = redacted_text(story)
    assert "Kerry" not in text_now and "Ann" not in text_now and "-" not in text_now


def test_deciding_needs_your_own_live_claim(app, contributor, make_user):
    holder, other = make_user(Role.MODERATOR, username="holder"), make_user(Role.MODERATOR, username="other")
    story = _prepared(contributor)
    claim(story, holder)
    suggestion = suggestions_for(story)[0]
    with pytest.raises(ModerationError, match="claim this story first"):
        decide_suggestion(suggestion, "accept", other)
    with pytest.raises(ModerationError, match="claim this story first"):
        decline(story, other, "names_staff")


def test_two_moderators_in_two_sessions_cannot_both_decide_the_same_story(app, contributor, make_user):
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story = _prepared(contributor)
    one, two = app.test_client(), app.test_client()
    Auth(app, one).sign_in(first.username)
    Auth(app, two).sign_in(second.username)

    post(one, f"/moderation/stories/{story.id}/claim")
    refused = post(two, f"/moderation/stories/{story.id}/claim", follow_redirects=True)
    assert "first is reading this story now" in refused.get_data(as_text=True)

    for suggestion in suggestions_for(story):
        post(one, f"/moderation/suggestions/{suggestion.id}", {"decision": "accept"})
    # The second moderator tries to decide anyway, from their own session: refused, nothing changes.
    response = post(two, f"/moderation/stories/{story.id}/decline", {"decline-reason": "names_staff"})
    assert response.status_code == 400
    db.session.refresh(story)
    assert story.status == StoryStatus.IN_REVIEW

    assert post(one, f"/moderation/stories/{story.id}/approve").status_code == 302
    late = post(two, f"/moderation/stories/{story.id}/decline", {"decline-reason": "names_staff"})
    assert late.status_code == 400
    db.session.refresh(story)
    assert story.status == StoryStatus.APPROVED
    assert db.session.scalar(select(ModerationDecision.moderator_id)
                             .where(ModerationDecision.story_id == story.id)) == first.id
    assert len(decisions_for(story)) == 1


def test_a_decision_loses_cleanly_when_the_story_changed_underneath_it(app, contributor, make_user):
    """The race itself: both moderators passed every check, but only one conditional UPDATE can win."""
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story = _prepared(contributor)
    claim(story, first)
    _decide_all(story, first)
    # The first moderator's claim runs out, the second claims and approves, on another connection.
    db.session.execute(update(StoryReview).where(StoryReview.story_id == story.id)
                       .values(claim_expires_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    claim(story, second)
    approve(story, second)
    # The first moderator comes back to their open page and declines: refused, the approval stands.
    with pytest.raises(ModerationError, match="Another moderator has already made a decision"):
        decline(db.session.get(Story, story.id), first, "names_staff")
    assert db.session.get(Story, story.id).status == StoryStatus.APPROVED


def test_the_conditional_update_refuses_a_second_decision_even_with_a_live_claim(app, contributor, moderator):
    story = _prepared(contributor)
    claim(story, moderator)
    _decide_all(story, moderator)
    # Someone else's transaction declines the story between our checks and our update.
    other = db.engine.connect()
    other.execute(update(Story).where(Story.id == story.id).values(status=StoryStatus.DECLINED))
    other.commit()
    other.close()
    story.status = StoryStatus.IN_REVIEW  # what our stale copy still believes
    db.session.expunge(story)
    stale = story
    with pytest.raises(ModerationError, match="Another moderator has already made a decision"):
        _decide(stale, moderator, DecisionOutcome.APPROVED, utcnow(),
                {"status": StoryStatus.APPROVED})
    assert db.session.get(Story, story.id).status == StoryStatus.DECLINED
    assert decisions_for(stale) == []


def test_themes_and_content_warnings_are_decided_and_added_by_people(app, contributor, moderator):
    story = _prepared(contributor)
    claim(story, moderator)
    add_label(story, SuggestionKind.THEME, "dignity", moderator)
    add_label(story, SuggestionKind.CONTENT_WARNING, "death and dying", moderator)
    assert "dignity" in accepted_labels(story, SuggestionKind.THEME)
    assert accepted_labels(story, SuggestionKind.CONTENT_WARNING) == ["death and dying"]
    added = db.session.scalars(select(Suggestion).where(Suggestion.source == "moderator")).all()
    assert all(s.decided_by_id == moderator.id for s in added)


def test_the_review_page_says_removed_or_kept_in_plain_words(app, client, auth, contributor, moderator):
    story = _prepared(contributor)
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    phone = next(s for s in suggestions_for(story) if s.label == "PHONE")
    person = next(s for s in suggestions_for(story) if s.label == "PERSON")
    post(client, f"/moderation/suggestions/{phone.id}", {"decision": "accept"})
    post(client, f"/moderation/suggestions/{person.id}", {"decision": "reject"})
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert f"Removed by {moderator.name_to_show}" in page
    assert f"Kept by {moderator.name_to_show}" in page
    assert "Rejected by" not in page and "Accepted by" not in page


def test_the_review_page_groups_removals_by_kind_keeps_the_story_beside_them_and_folds_away_decided_ones(
        app, client, auth, contributor, moderator):
    story = _prepared(contributor)
    claim(story, moderator)
    auth.sign_in(moderator.username)
    phone = next(s for s in suggestions_for(story) if s.label == "PHONE")
    post(client, f"/moderation/suggestions/{phone.id}", {"decision": "accept"})
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert 'class="container container-wide"' in page
    columns = page.split('<div class="review-columns">', 1)[1]
    assert columns.index('class="review-story"') < columns.index('id="story-text"') < columns.index(
        'class="review-decisions"') < columns.index('id="redactions"')
    assert "Names of people" in page and "Phone numbers" in page
    phones = page.split("Phone numbers", 1)[1].split("</section>", 1)[0]
    assert "(0 to decide)" in phones
    assert "<summary>Decided already (1)</summary>" in phones
    assert phones.index("<details") < phones.index(f'id="suggestion-{phone.id}"')
    names = page.split("Names of people", 1)[1].split("</section>", 1)[0]
    assert "Remove it" in names and "<details" not in names


def test_the_review_page_says_how_consent_was_given_in_plain_words_with_a_link_to_the_exact_words(
        app, client, auth, contributor, moderator):
    from storybank.consent.wording import CURRENT_WORDING_VERSION

    story = _prepared(contributor)
    auth.sign_in(moderator.username)
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert "<dt>How it was given</dt><dd>They gave it themselves</dd>" in page
    assert f'href="/consent-wording/{CURRENT_WORDING_VERSION}">Read the exact words they agreed to</a>' in page
    assert "<dd>self</dd>" not in page and "consent wording version" not in page.lower()


def test_the_review_page_says_what_a_suggested_name_is_not_how_it_was_found(
        app, client, auth, contributor, moderator):
    story = _prepared(contributor, body="My daughter Sarah Jenkins rang the office twice. Later Kerry-Ann said "
                                        "she would come on Tuesday, and she did.")
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    names = {s.original_text: s.reason for s in suggestions_for(story) if s.label == "PERSON"}
    assert names.get("Sarah Jenkins") == "a person's full name" and names.get("Kerry-Ann") == "a person's name"
    assert "a person&#39;s full name" in page and "a person&#39;s name" in page
    assert "common first name" not in page and "something a person does" not in page
