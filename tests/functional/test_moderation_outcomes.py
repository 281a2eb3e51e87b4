"""Request changes, decline with a kind reason, appeals to another moderator, edits for clarity, and the
contributor told every outcome on the page and by email when they gave one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent.gate import can_use
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.moderation.appeals import decide_appeal, open_appeal, open_appeal_for
from storybank.moderation.claims import claim
from storybank.moderation.clarity import (
    agree_to_clarity_edit,
    decline_clarity_edit,
    pending_clarity_edit,
    propose_clarity_edit,
)
from storybank.moderation.decisions import approve, decline, request_changes
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import AppealOutcome, SuggestionStatus
from storybank.moderation.notifications import notifications_for
from storybank.moderation.preparation import needs_preparing, prepare_for_review
from storybank.moderation.suggestions import decide_suggestion, redacted_text, suggestions_for
from storybank.stories.models import StoryStatus
from tests.moderation_steps import make_story, post


class RecordingSender:
    def __init__(self):
        self.sent = []

    def send(self, email):
        self.sent.append((email.to, email.subject, email.text))


@pytest.fixture
def outbox(app):
    sender = RecordingSender()
    app.config["STORYBANK_EMAIL_SENDER"] = sender
    yield sender
    app.config["STORYBANK_EMAIL_SENDER"] = "log"


def _in_review(author, moderator, **fields):
    story = make_story(author, **fields)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    return story


def _decided(story, moderator):
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            decide_suggestion(suggestion, "reject", moderator)


def test_a_decline_gives_the_kind_reason_and_the_moderators_words_and_is_audited(
        app, client, auth, contributor, moderator):
    story = _in_review(contributor, moderator)
    auth.sign_in(moderator.username)
    response = post(client, f"/moderation/stories/{story.id}/decline",
                    {"decline-reason": "names_staff", "decline-message": "Do send it again, we would love to read it."})
    assert response.status_code == 302
    db.session.refresh(story)
    assert story.status == StoryStatus.DECLINED
    note = notifications_for(contributor)[0]
    assert "it names a member of staff and we could not remove enough detail" in note.text
    assert "Do send it again, we would love to read it." in note.text
    assert "ask from “My stories”" in note.text
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.declined"))
    assert event.actor_id == moderator.id and event.after["reason_template"] == "names_staff"
    assert "Do send it again" in event.detail


def test_declining_needs_a_reason_and_keeps_what_the_moderator_typed(app, client, auth, contributor, moderator):
    story = _in_review(contributor, moderator)
    auth.sign_in(moderator.username)
    response = post(client, f"/moderation/stories/{story.id}/decline", {"decline-message": "My careful words"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Please choose the reason that fits best." in page and "My careful words" in page
    other = post(client, f"/moderation/stories/{story.id}/decline", {"decline-reason": "other"})
    assert "Please explain the reason in your own words." in other.get_data(as_text=True)


def test_request_changes_tells_the_contributor_and_a_resubmitted_text_is_analysed_again(
        app, client, auth, contributor, moderator, outbox):
    contributor.email = "carol@example.com"
    db.session.commit()
    story = _in_review(contributor, moderator)
    auth.sign_in(moderator.username)
    response = post(client, f"/moderation/stories/{story.id}/request-changes",
                    {"changes-message": "Could you leave out the name of the home?"})
    assert response.status_code == 302
    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED
    assert "Could you leave out the name of the home?" in notifications_for(contributor)[0].text
    assert outbox.sent and outbox.sent[0][0] == "carol@example.com"
    assert "Could you leave out the name of the home?" not in outbox.sent[0][2], "a link, not the message"
    assert "/notifications" in outbox.sent[0][2] and story.title not in outbox.sent[0][2]

    story.body = "A new version without any names in it at all."
    story.status = StoryStatus.SUBMITTED
    db.session.commit()
    assert needs_preparing(story)
    prepare_for_review(story)
    assert not needs_preparing(story)


def test_no_email_is_sent_to_someone_who_gave_no_email_address(app, contributor, moderator, outbox):
    story = _in_review(contributor, moderator)
    request_changes(story, moderator, "Please add when it happened.")
    assert notifications_for(contributor) and outbox.sent == []


def test_the_log_sender_prints_the_email_in_development(app, caplog, make_user, moderator):
    writer = make_user(Role.CONTRIBUTOR, username="writer", email="writer@example.com")
    story = _in_review(writer, moderator)
    with caplog.at_level("INFO", logger="storybank.email"):
        request_changes(story, moderator, "Please add when it happened.")
    assert "writer@example.com" in caplog.text and "/notifications" in caplog.text
    assert "Please add when it happened." not in caplog.text


def test_an_appeal_is_decided_by_another_moderator_and_both_outcomes_are_told_kindly(
        app, client, auth, contributor, make_user):
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story = _in_review(contributor, first)
    decline(story, first, "could_be_recognised")

    auth.sign_in(contributor.username)
    assert "Ask us to look again" in client.get("/notifications").get_data(as_text=True)
    response = post(client, f"/my-stories/{story.id}/ask-again", {"note": "I took the town out already."},
                    csrf_page=f"/my-stories/{story.id}/ask-again")
    assert response.status_code == 302
    appeal = open_appeal_for(story)
    assert appeal.note == "I took the town out already."
    with pytest.raises(ModerationError):
        open_appeal(story, contributor, "again")

    with pytest.raises(ModerationError, match="another moderator needs to look at this appeal"):
        decide_appeal(appeal, first, AppealOutcome.OVERTURNED, "I changed my mind.")
    decide_appeal(appeal, second, AppealOutcome.UPHELD, "The street name still gives it away, sadly.")
    assert appeal.decided_by_id == second.id
    told = notifications_for(contributor)[0].text
    assert "They agree that it cannot be used this time" in told and "The street name" in told
    assert db.session.scalar(select(AuditEvent.actor_id).where(AuditEvent.action == "moderation.appeal_upheld")) \
        == second.id


def test_an_overturned_appeal_sends_the_story_back_to_be_read_again(app, client, auth, contributor, make_user):
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story = _in_review(contributor, first)
    decline(story, first, "not_about_care")
    appeal = open_appeal(story, contributor, "It is about my home care.")
    auth.sign_in(first.username)
    page = client.get(f"/moderation/appeals/{appeal.id}").get_data(as_text=True)
    assert "You made the first decision, so another moderator needs to look at this" in page
    auth.sign_out()
    auth.sign_in(second.username)
    response = post(client, f"/moderation/appeals/{appeal.id}",
                    {"outcome": "overturned", "message": "You are right, it is about care at home."})
    assert response.status_code == 302
    db.session.refresh(story)
    assert story.status == StoryStatus.SUBMITTED
    assert "Good news: another moderator looked at your story" in notifications_for(contributor)[0].text


def test_a_clarity_edit_waits_for_the_contributors_agreement_before_the_story_is_used(
        app, client, auth, contributor, moderator):
    story = _in_review(contributor, moderator, body="My carer come every day and she dont rush me.")
    _decided(story, moderator)
    propose_clarity_edit(story, moderator, "My carer comes every day and she doesn't rush me.")
    approve(story, moderator)
    db.session.refresh(story)
    assert story.status == StoryStatus.APPROVED and story.moderated_body is None
    assert not can_use(story, Purpose.TRAINING)
    assert pending_clarity_edit(story) is not None

    auth.sign_in(contributor.username)
    page = client.get(f"/my-stories/{story.id}/clarity").get_data(as_text=True)
    assert "My carer comes every day" in page
    post(client, f"/my-stories/{story.id}/clarity", {"answer": "agree"}, csrf_page=f"/my-stories/{story.id}/clarity")
    db.session.refresh(story)
    assert story.moderated_body == "My carer comes every day and she doesn't rush me."
    assert can_use(story, Purpose.TRAINING)


def test_declining_a_clarity_edit_uses_the_contributors_own_words_with_details_removed(
        app, contributor, moderator):
    story = _in_review(contributor, moderator)
    for suggestion in suggestions_for(story):
        decide_suggestion(suggestion, "accept", moderator)
    based_on = redacted_text(story)
    propose_clarity_edit(story, moderator, based_on.replace("every morning", "each morning"))
    approve(story, moderator)
    decline_clarity_edit(story, contributor)
    db.session.refresh(story)
    assert story.moderated_body == based_on


def test_a_clarity_edit_cannot_bring_back_words_that_were_removed(app, contributor, moderator):
    story = _in_review(contributor, moderator)
    for suggestion in suggestions_for(story):
        decide_suggestion(suggestion, "accept", moderator)
    with pytest.raises(ModerationError, match="which you chose to remove"):
        propose_clarity_edit(story, moderator, "Bernadette comes every morning to make my tea.")


def test_only_the_author_can_answer_a_clarity_edit_or_ask_again(app, client, auth, contributor, moderator,
                                                                 make_user):
    stranger = make_user(Role.CONTRIBUTOR, username="stranger")
    story = _in_review(contributor, moderator)
    _decided(story, moderator)
    propose_clarity_edit(story, moderator, "A clearer version of the story.")
    auth.sign_in(stranger.username)
    assert client.get(f"/my-stories/{story.id}/clarity").status_code == 404
    assert client.get(f"/my-stories/{story.id}/ask-again").status_code == 404
    with pytest.raises(ModerationError):
        agree_to_clarity_edit(story, stranger)


def test_an_admin_rewords_a_decline_reason_and_moderators_use_the_new_words(app, client, auth, admin, contributor,
                                                                             moderator):
    auth.sign_in(admin.username)
    page = client.get("/admin/decline-reasons/names_staff").get_data(as_text=True)
    assert "we could not remove enough detail to keep them anonymous" in page
    response = post(client, "/admin/decline-reasons/names_staff",
                    {"title": "Names a worker", "text": "Thank you. We could not use it because it names a worker."},
                    csrf_page="/admin/decline-reasons/names_staff")
    assert response.status_code == 302
    story = _in_review(contributor, moderator)
    decline(story, moderator, "names_staff")
    assert "because it names a worker" in notifications_for(contributor)[0].text
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.decline_reason_edited")
                             ).before["title"] == "It names a member of staff"
