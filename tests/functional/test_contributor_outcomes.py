"""The contributor's side of moderation: changing a story a moderator asked about and sending it again, seeing
every outcome on "My stories" and the story page, the header's new-message count, and all of it in the export."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent import services as consent_services
from storybank.consent.models import ConsentRecord
from storybank.extensions import db
from storybank.moderation.appeals import decide_appeal, open_appeal, open_appeal_for
from storybank.moderation.claims import claim
from storybank.moderation.clarity import propose_clarity_edit
from storybank.moderation.decisions import approve, decline, request_changes
from storybank.moderation.models import AppealOutcome, SuggestionKind, SuggestionStatus
from storybank.moderation.preparation import needs_preparing, prepare_for_review
from storybank.moderation.queue import queue
from storybank.moderation.suggestions import decide_suggestion, suggestions_for
from storybank.stories.models import Story, StoryStatus
from tests.moderation_steps import make_story, post

ASKED = "Could you leave out the name of the care home? Everything else is lovely."
NEW_BODY = ("My carer comes every morning. You can email me at june.hart@example.com if you need to.\n\n"
            "She always asks how I want my tea, and she waits for the answer.")


@pytest.fixture
def moderator(make_user):
    """A name that would stand out if it ever reached a contributor's page or export."""
    return make_user(Role.MODERATOR, username="magnus-moderates", display_name="Magnus Quillfeather")


@pytest.fixture
def second_moderator(make_user):
    return make_user(Role.MODERATOR, username="second-look", display_name="Odalys Second")


def _in_review(author, moderator, **fields) -> Story:
    story = make_story(author, **fields)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    return story


def _changes_requested(author, moderator, **fields) -> Story:
    story = _in_review(author, moderator, **fields)
    request_changes(story, moderator, ASKED)
    db.session.refresh(story)
    return story


def _decide_all(story, moderator, decision="reject"):
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            decide_suggestion(suggestion, decision, moderator)


def _change_form(story, **fields) -> dict:
    data = {"story_id": str(story.id), "title": story.title, "body": story.body, "action": "send"}
    data.update(fields)
    return data


def _change(client, story, **fields):
    path = f"/my-stories/{story.id}/change"
    return post(client, path, _change_form(story, **fields), csrf_page=path)


def test_a_contributor_sees_the_moderators_message_changes_their_story_and_sends_it_again(
        client, auth, contributor, moderator):
    story = _changes_requested(contributor, moderator)
    sent_before = story.submitted_at
    consents_before = db.session.scalar(select(func.count()).select_from(ConsentRecord)
                                        .where(ConsentRecord.story_id == story.id))
    auth.sign_in(contributor.username)

    mine = client.get("/my-stories").get_data(as_text=True)
    assert "A moderator would like to ask you about a change" in mine
    assert "Could you leave out the name of the care home?" in mine
    assert f'href="/my-stories/{story.id}/change"' in mine and "Change my story" in mine

    page = client.get(f"/my-stories/{story.id}/change").get_data(as_text=True)
    assert page.index("Could you leave out the name of the care home?") < page.index('name="body"')
    assert "Bernadette always asks how I want my tea" in page, "the form starts from what they wrote"
    assert f'href="/my-stories/{story.id}/consent"' in page, "consent can be changed, but only if they choose"
    assert 'data-autosave-url="/stories/autosave"' in page

    response = _change(client, story, title="Tea, the way I like it", body=NEW_BODY)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/my-stories/{story.id}"
    assert "Your story has been sent again" in client.get(response.headers["Location"]).get_data(as_text=True)

    db.session.refresh(story)
    assert story.status == StoryStatus.SUBMITTED
    assert story.body == NEW_BODY and story.title == "Tea, the way I like it"
    assert story.submitted_at > sent_before
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.resubmitted"))
    assert event.actor_id == contributor.id
    assert event.before == {"status": "changes_requested"} and event.after["status"] == "submitted"
    assert db.session.scalar(select(func.count()).select_from(ConsentRecord)
                             .where(ConsentRecord.story_id == story.id)) == consents_before

    redactions = suggestions_for(story, SuggestionKind.REDACTION)
    assert redactions, "the new words were analysed at once"
    assert all(NEW_BODY[s.start:s.end] == s.original_text for s in redactions)
    assert "june.hart@example.com" in {s.original_text for s in redactions}
    assert not any("Bernadette" in (s.original_text or "") or "07700" in (s.original_text or "")
                   for s in redactions), "suggestions for the old words are gone"
    assert not needs_preparing(story)
    assert story in [entry.story for entry in queue()]


def test_saving_changes_for_later_keeps_them_without_sending_the_story(client, auth, contributor, moderator):
    story = _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    response = _change(client, story, body=NEW_BODY, action="save")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/my-stories/{story.id}/change"
    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED and story.body == NEW_BODY
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.resubmitted")) is None


def test_autosave_keeps_changes_to_a_story_a_moderator_asked_about(client, auth, contributor, moderator):
    story = _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    response = post(client, "/stories/autosave", {"story_id": str(story.id), "title": story.title,
                                                  "body": "Half way through my changes"},
                    csrf_page=f"/my-stories/{story.id}/change")
    assert response.status_code == 200
    assert response.get_json()["saved"] is True
    assert response.get_json()["write_url"] == f"/my-stories/{story.id}/change"
    db.session.refresh(story)
    assert story.body == "Half way through my changes"
    assert story.status == StoryStatus.CHANGES_REQUESTED


def test_a_problem_when_sending_again_keeps_every_word_and_says_what_to_do(client, auth, contributor, moderator):
    story = _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    words = "Every one of these careful words must come back to me. " * 3

    response = _change(client, story, title="", body=words)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Please give your story a title" in page
    assert words.strip() in page
    assert ASKED.split("?")[0] in page, "the moderator's question is still at the top"

    too_long = "A" * 20_001
    response = _change(client, story, body=too_long)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert too_long in page and "20,000" in page

    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED
    assert story.body == too_long, "the words are saved, even when they cannot be sent yet"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.resubmitted")) is None


def test_nobody_else_can_open_change_or_autosave_someone_elses_story(client, auth, contributor, moderator,
                                                                      make_user):
    story = _changes_requested(contributor, moderator)
    stranger = make_user(Role.CONTRIBUTOR, Role.SUPPORTER, username="stranger")
    auth.sign_in(stranger.username)
    assert client.get(f"/my-stories/{story.id}/change").status_code == 404
    csrf_page = "/stories/write"
    assert post(client, f"/my-stories/{story.id}/change", _change_form(story, body="Not mine"),
                csrf_page=csrf_page).status_code == 404
    assert post(client, "/stories/autosave", {"story_id": str(story.id), "body": "Not mine"},
                csrf_page=csrf_page).status_code == 404
    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED and "Not mine" not in story.body


def test_the_supporter_who_helped_can_change_and_send_the_story_again(client, auth, moderator, make_user):
    helper = make_user(Role.SUPPORTER, username="helper")
    story = _changes_requested(helper, moderator, supporter_id=helper.id, contributor_name="Ivy")
    auth.sign_in(helper.username)
    assert "Change my story" in client.get("/my-stories").get_data(as_text=True)
    assert _change(client, story, body=NEW_BODY).status_code == 302
    db.session.refresh(story)
    assert story.status == StoryStatus.SUBMITTED and story.supporter_id == helper.id


def test_a_story_that_is_not_waiting_for_changes_cannot_be_changed(client, auth, contributor, moderator):
    story = _in_review(contributor, moderator)
    auth.sign_in(contributor.username)
    assert client.get(f"/my-stories/{story.id}/change").headers["Location"] == f"/my-stories/{story.id}"
    response = post(client, f"/my-stories/{story.id}/change", _change_form(story, body="New words"),
                    csrf_page="/stories/write")
    assert response.status_code == 400 and "New words" in response.get_data(as_text=True)
    db.session.refresh(story)
    assert story.status == StoryStatus.IN_REVIEW and "New words" not in story.body


def test_a_withdrawal_meanwhile_wins_over_sending_again_and_the_words_stay_on_screen(
        client, auth, contributor, moderator):
    story = _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    path = f"/my-stories/{story.id}/change"
    token = client.get(path).get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    consent_services.withdraw(story, contributor)
    response = client.post(path, data={**_change_form(story, body="Written before I withdrew"),
                                       "csrf_token": token})
    db.session.refresh(story)
    assert story.status == StoryStatus.WITHDRAWN
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Written before I withdrew" in page
    assert "This story is not waiting for changes from you any more, so nothing was changed." in page


def test_my_stories_shows_the_kind_decline_reason_and_a_way_to_ask_for_another_look(
        client, auth, contributor, moderator):
    story = _in_review(contributor, moderator)
    decline(story, moderator, "could_be_recognised", "Perhaps leave out the street name?")
    auth.sign_in(contributor.username)
    page = client.get("/my-stories").get_data(as_text=True)
    assert "We could not use this story this time" in page
    assert "Perhaps leave out the street name?" in page
    assert "Ask for this to be looked at again" in page
    assert f'href="/my-stories/{story.id}/ask-again"' in page
    assert "Our messages to you about this story (1)" in page, "the message is there too, folded away"
    detail = client.get(f"/my-stories/{story.id}").get_data(as_text=True)
    assert "Ask for this to be looked at again" in detail

    open_appeal(story, contributor, "I can take the street out.")
    page = client.get("/my-stories").get_data(as_text=True)
    assert "Ask for this to be looked at again" not in page
    assert "You asked us to look at it again" in page


def test_a_clarity_edit_is_shown_beside_the_contributors_words_with_a_link_to_answer(
        client, auth, contributor, moderator):
    story = _in_review(contributor, moderator, body="My carer come every day and she dont rush me.")
    _decide_all(story, moderator)
    propose_clarity_edit(story, moderator, "My carer comes every day and she doesn't rush me.",
                         "Just a little tidying.")
    approve(story, moderator)
    auth.sign_in(contributor.username)
    for path in ("/my-stories", f"/my-stories/{story.id}"):
        page = client.get(path).get_data(as_text=True)
        assert 'class="side-by-side"' in page, path
        assert page.index("she dont rush me") < page.index("she doesn&#39;t rush me"), path
        assert "Just a little tidying." in page
        assert f'href="/my-stories/{story.id}/clarity"' in page, path

    post(client, f"/my-stories/{story.id}/clarity", {"answer": "agree"}, csrf_page=f"/my-stories/{story.id}/clarity")
    assert f'href="/my-stories/{story.id}/clarity"' not in client.get("/my-stories").get_data(as_text=True)


def test_the_story_page_shows_every_message_and_what_was_taken_out_but_never_who_moderated(
        client, auth, contributor, moderator):
    story = _in_review(contributor, moderator)
    _decide_all(story, moderator, "accept")
    approve(story, moderator)
    db.session.refresh(story)
    auth.sign_in(contributor.username)
    page = client.get(f"/my-stories/{story.id}").get_data(as_text=True)
    assert "Our messages to you about this story" in page
    assert "Good news: your story" in page
    assert story.moderated_body.split("\n")[0].replace("'", "&#39;") in page
    assert "What the moderator took out" in page and "“07700 900123”" in page
    mine = client.get("/my-stories").get_data(as_text=True)
    assert "Our latest message to you" in mine and "Good news: your story" in mine
    for shown in (page, mine):
        assert "Quillfeather" not in shown and "magnus-moderates" not in shown


def test_the_header_counts_new_messages_and_the_count_goes_when_they_are_read(client, auth, contributor, moderator):
    _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    page = client.get("/my-stories").get_data(as_text=True)
    assert 'href="/notifications"' in page and "(1 new)" in page
    post(client, "/notifications/read", csrf_page="/notifications")
    page = client.get("/my-stories").get_data(as_text=True)
    assert 'href="/notifications"' in page and "new)" not in page


def test_the_data_export_holds_messages_decisions_appeals_and_clarity_edits_but_not_who_moderated(
        client, auth, contributor, moderator, second_moderator):
    declined = _in_review(contributor, moderator, title="The long wait")
    decline(declined, moderator, "could_be_recognised", "The street name gives it away.")
    open_appeal(declined, contributor, "I can take the street out.")
    decide_appeal(open_appeal_for(declined), second_moderator, AppealOutcome.UPHELD,
                  "We still think it could be recognised, sadly.")
    clarified = _in_review(contributor, moderator, title="Tea", body="My carer come every day.")
    _decide_all(clarified, moderator)
    propose_clarity_edit(clarified, moderator, "My carer comes every day.", "A small tidy.")

    auth.sign_in(contributor.username)
    token = {"csrf_token": auth.csrf_token("/account/data")}
    data = json.loads(client.post("/account/data.json", data=token).get_data(as_text=True))
    stories = {story["id"]: story for story in data["stories"]}

    decision = stories[declined.id]["moderation_decisions"][0]
    assert decision["outcome"] == "declined" and decision["decided_at"]
    assert "The street name gives it away." in decision["what_we_told_you"]
    appeal = stories[declined.id]["asked_to_look_again"][0]
    assert appeal["what_you_wrote"] == "I can take the street out."
    assert appeal["outcome"] == "upheld" and "could be recognised, sadly" in appeal["what_we_told_you"]
    edit = stories[clarified.id]["changes_suggested_for_clarity"][0]
    assert edit["suggested_words"] == "My carer comes every day." and edit["your_answer"] == "pending"
    assert edit["your_words_with_details_taken_out"] == "My carer come every day."
    texts = [note["text"] for note in data["messages_to_you"]]
    assert len(texts) == 4 and any("small changes" in text for text in texts)
    assert {note["story_reference"] for note in data["messages_to_you"]} == {declined.reference,
                                                                             clarified.reference}
    dumped = json.dumps(data)
    for name in ("magnus-moderates", "Quillfeather", "second-look", "Odalys"):
        assert name not in dumped

    page = client.post("/account/data.html", data=token).get_data(as_text=True)
    assert "Messages we sent you (4)" in page
    assert "What moderators decided (1)" in page and "The street name gives it away." in page
    assert "When you asked us to look again (1)" in page and "I can take the street out." in page
    assert "Small changes suggested to make it clearer (1)" in page and "My carer comes every day." in page
    assert "Quillfeather" not in page and "Odalys" not in page


def test_words_kept_after_the_sign_in_ended_go_back_into_the_story_being_changed(
        app, client, auth, contributor, moderator):
    from datetime import timedelta

    from sqlalchemy import update

    from storybank.accounts.models import UserSession
    from storybank.db_types import utcnow

    story = _changes_requested(contributor, moderator)
    auth.sign_in(contributor.username)
    path = f"/my-stories/{story.id}/change"
    token = auth.csrf_token(path)
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=3)))
    db.session.commit()
    kept = client.post(path, data={"story_id": story.id, "title": story.title, "body": "Typed while away",
                                   "action": "save", "csrf_token": token})
    assert "/sign-in" in kept.headers["Location"]
    auth.sign_in(contributor.username)
    response = client.post("/stories/recover", data={"action": "restore",
                                                     "csrf_token": auth.csrf_token("/stories/recover")})
    assert response.headers["Location"] == path
    db.session.refresh(story)
    assert story.body == "Typed while away" and story.status == StoryStatus.CHANGES_REQUESTED
    assert db.session.scalar(select(func.count()).select_from(Story)) == 1, "no new draft was made"
