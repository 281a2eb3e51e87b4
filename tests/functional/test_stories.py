"""Writing a story, sending it with consent, the story key shown once, and a person's own stories page."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent.models import ConsentMethod, ConsentRecord, Purpose
from storybank.consent.wording import CURRENT_WORDING_VERSION, default_review_date
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories import keys
from storybank.stories.models import Story, StoryStatus
from tests.story_steps import approve, consent_form, key_from, look_up, send, write_and_send, write_draft


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_write_page_has_the_guide_the_limit_and_an_easy_read_link(client, auth, contributor):
    auth.sign_in(contributor.username)
    page = client.get("/stories/write").get_data(as_text=True)
    assert "What makes a story helpful" in page
    assert "What happens next" in page
    assert "up to 20,000 characters" in page
    assert 'href="/stories/easy-read"' in page
    assert "js/autosave.js" in page


def test_the_easy_read_page_has_short_sentences_for_the_guide_and_the_consent(client):
    page = client.get("/stories/easy-read").get_data(as_text=True)
    assert 'id="consent"' in page
    assert "You can take your story back at any time." in page
    assert "Call 999" in page


def test_a_contributor_sends_a_story_and_is_shown_the_reference_and_key_once(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    story = sent.story
    assert story.status == StoryStatus.SUBMITTED
    assert re.fullmatch(r"SB-[A-Z0-9]{4}-[A-Z0-9]{4}", sent.reference)
    assert re.fullmatch(r"([A-Z0-9]{4}-){3}[A-Z0-9]{4}", sent.key)
    assert sent.key not in (story.key_hash or "")
    assert keys.key_matches(story.key_hash, sent.key)
    again = client.get(f"/stories/{story.id}/sent").get_data(as_text=True)
    assert sent.key.split("-")[0] not in again.split("Your story reference and key")[1]
    assert "we only show the story key once" in again
    assert {"story.draft_started", "consent.recorded", "story.submitted"} <= set(actions())


def _session_cookie(app, client) -> dict:
    """The Flask session cookie as anyone holding it could read it: signed, not encrypted."""
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return app.session_interface.get_signing_serializer(app).loads(cookie.value) if cookie else {}


def test_the_story_key_never_travels_in_the_session_cookie(app, client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    response = send(client, auth, story_id)
    assert response.status_code == 200
    key = key_from(response.get_data(as_text=True))
    readable = str(_session_cookie(app, client))
    assert key not in readable and keys.normalise(key) not in readable
    for group in key.split("-"):
        assert group not in readable
    later = client.get(f"/stories/{story_id}/sent").get_data(as_text=True)
    assert key.split("-")[0] not in later.split("Your story reference and key")[1]


def test_the_sent_page_of_a_story_withdrawn_since_says_it_was_withdrawn(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, title="Bath night")
    client.post(f"/my-stories/{sent.story.id}/withdraw",
                data={"csrf_token": auth.csrf_token(f"/my-stories/{sent.story.id}/withdraw")})
    assert db.session.get(Story, sent.story.id).status == StoryStatus.WITHDRAWN
    page = client.get(f"/stories/{sent.story.id}/sent").get_data(as_text=True)
    assert "is with our moderators now" not in page
    assert "You took “Bath night” back" in page and "Nobody else can see it or use it" in page


def test_the_first_consent_record_keeps_scopes_attribution_review_date_and_wording(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING, Purpose.QUOTES), attribution="chosen_name",
                          attribution_name="Dot")
    consent = sent.story.current_consent
    assert consent.scopes == [Purpose.TRAINING, Purpose.QUOTES]
    assert consent.attribution_name == "Dot"
    assert consent.wording_version == CURRENT_WORDING_VERSION
    assert consent.method == ConsentMethod.SELF
    assert consent.recorded_by_id == contributor.id


def test_the_review_date_starts_two_years_from_today_and_can_be_chosen(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    page = client.get(f"/stories/{story_id}/send").get_data(as_text=True)
    assert f'value="{default_review_date(utcnow().date()).isoformat()}"' in page
    response = send(client, auth, story_id, review_date=utcnow().date())
    assert response.status_code == 400
    assert "The review date needs to be after today." in response.get_data(as_text=True)


def test_each_purpose_needs_its_own_answer_and_at_least_one_yes(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    path = f"/stories/{story_id}/send"
    response = client.post(path, data={"agree": "y", "attribution": "anonymous", "review_date": "2099-01-01",
                                       "csrf_token": auth.csrf_token(path)})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Please choose yes or no for “Staff training at StoryBank”." in page
    response = send(client, auth, story_id, scopes=())
    assert "Please say yes to at least one way" in response.get_data(as_text=True)
    assert db.session.get(Story, story_id).status == StoryStatus.DRAFT
    assert db.session.scalars(select(ConsentRecord)).all() == []


def test_a_name_is_needed_when_the_person_chooses_to_be_named(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    response = send(client, auth, story_id, attribution="first_name")
    assert response.status_code == 400
    assert "Please tell us the name to show with the story." in response.get_data(as_text=True)


def test_a_supporter_records_how_consent_was_given_and_their_own_name(client, auth, make_user):
    supporter = make_user(Role.SUPPORTER, username="sunita")
    auth.sign_in(supporter.username)
    page = client.get("/stories/write").get_data(as_text=True)
    assert "The name of the person whose story this is" in page
    sent = write_and_send(client, auth, method="bsl_or_other_language", supporter_name="Sunita Shah",
                          contributor_name="Mr Ade")
    story, consent = sent.story, sent.story.current_consent
    assert story.supporter_id == supporter.id
    assert story.contributor_name == "Mr Ade"
    assert consent.method == ConsentMethod.BSL_OR_OTHER_LANGUAGE
    assert consent.recorded_by_name == "Sunita Shah"
    assert consent.recorded_by_id == supporter.id
    detail = client.get(f"/my-stories/{story.id}").get_data(as_text=True)
    assert "A supporter, Sunita Shah, helped you give it: you gave it in British Sign Language or another language" \
        in detail
    assert "You gave it yourself" not in detail
    auth.sign_out()
    assert look_up(client, auth, sent.reference, sent.key.lower().replace("-", " ")).status_code == 302
    assert "Sent – waiting for a moderator" in client.get("/my-story/status").get_data(as_text=True)


def test_a_supporter_must_say_how_consent_was_given(client, auth, make_user):
    supporter = make_user(Role.SUPPORTER, username="sunita")
    auth.sign_in(supporter.username)
    story_id = write_draft(client, auth, contributor_name="Mr Ade")
    response = send(client, auth, story_id)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Please choose how they gave their consent." in page


def test_my_stories_shows_each_status_in_plain_words_consent_and_the_moderated_text(client, auth, contributor):
    auth.sign_in(contributor.username)
    draft_id = write_draft(client, auth, title="Half written")
    sent = write_and_send(client, auth, title="Sent one")
    page = client.get("/my-stories").get_data(as_text=True)
    assert "Not sent yet – only you can see it" in page
    assert "Sent – waiting for a moderator to read it" in page
    assert f"/stories/write?story={draft_id}" in page
    assert "Staff training at StoryBank" in page
    assert "Staff training here" not in page
    detail = client.get(f"/my-stories/{sent.story.id}").get_data(as_text=True)
    assert "A moderator has not finished reading it yet" in detail
    assert "Where your story has been used" in detail
    approve(sent.story, "The carer knocked. [Person A] asked how I liked my tea.")
    detail = client.get(f"/my-stories/{sent.story.id}").get_data(as_text=True)
    assert "Approved – it can be used in the ways you agreed" in detail
    assert "[Person A] asked how I liked my tea." in detail


def test_a_supporter_sees_the_stories_they_helped_with(client, auth, make_user):
    supporter = make_user(Role.SUPPORTER, Role.CONTRIBUTOR, username="sunita")
    auth.sign_in(supporter.username)
    write_draft(client, auth, title="For Mr Ade", on_behalf="yes", contributor_name="Mr Ade")
    page = client.get("/my-stories").get_data(as_text=True)
    assert "For Mr Ade" in page
    assert "Shared for" in page


@pytest.mark.parametrize("path", ["/my-stories/{id}", "/stories/write?story={id}", "/stories/{id}/send",
                                  "/stories/{id}/sent", "/my-stories/{id}/consent", "/my-stories/{id}/withdraw"])
def test_nobody_can_see_or_change_someone_elses_story(client, auth, contributor, make_user, path):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    draft_id = write_draft(client, auth, title="Private draft")
    auth.sign_out()
    other = make_user(Role.CONTRIBUTOR, Role.SUPPORTER, username="olly")
    auth.sign_in(other.username)
    for story_id in (sent.story.id, draft_id):
        assert client.get(path.format(id=story_id)).status_code == 404
    response = client.post("/stories/autosave", data={"story_id": draft_id, "body": "taken over",
                                                      "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 404
    response = client.post(f"/my-stories/{sent.story.id}/withdraw",
                           data={"csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 404
    assert db.session.get(Story, sent.story.id).status == StoryStatus.SUBMITTED
    assert db.session.get(Story, draft_id).body != "taken over"


def test_a_story_that_suggests_danger_shows_where_to_get_help_without_blocking(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="Some nights I just want to end it all.\nNobody comes.")
    assert sent.story.status == StoryStatus.SUBMITTED
    page = client.get(f"/stories/{sent.story.id}/sent").get_data(as_text=True)
    assert "If you need help now" in page
    assert "116 123" in page
    assert "adult social care" in page


def test_an_ordinary_story_does_not_show_the_help_box(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    page = client.get(f"/stories/{sent.story.id}/sent").get_data(as_text=True)
    assert "If you need help now" not in page


def test_the_nav_offers_share_a_story_and_my_stories_to_contributors_only(client, auth, contributor, trainer):
    auth.sign_in(contributor.username)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/stories/write"' in page and 'href="/my-stories"' in page
    auth.sign_out()
    auth.sign_in(trainer.username)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/my-stories"' not in page


def test_a_sent_story_can_no_longer_be_edited_as_a_draft(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    response = client.post("/stories/write", data={"story_id": sent.story.id, "title": "changed", "body": "x",
                                                   "action": "save", "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 302
    assert db.session.get(Story, sent.story.id).title == "Tea the way I like it"
    path = f"/stories/{sent.story.id}/send"
    response = client.post(path, data={**consent_form(), "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 302
    assert len(db.session.get(Story, sent.story.id).consent_records) == 1


def test_the_consent_record_says_in_plain_words_when_and_how_it_was_given_and_links_to_the_exact_words(
        client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    detail = client.get(f"/my-stories/{sent.story.id}").get_data(as_text=True)
    assert "You agreed to these words on " in detail
    assert "You gave it yourself" in detail
    assert "consent wording version" not in detail
    assert "How it was given: self" not in detail
    link = f'href="/consent-wording/{sent.story.current_consent.wording_version}"'
    assert link in detail
    wording = client.get(f"/consent-wording/{sent.story.current_consent.wording_version}").get_data(as_text=True)
    assert "StoryBank keeps a record of what I agreed to" in wording
    assert client.get("/consent-wording/1999-01").status_code == 404


def test_the_training_question_names_the_organisation_from_the_settings(app, client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    app.config["STORYBANK_ORGANISATION_NAME"] = "Northfield Care Trust"
    try:
        page = client.get(f"/stories/{story_id}/send").get_data(as_text=True)
    finally:
        app.config["STORYBANK_ORGANISATION_NAME"] = "StoryBank"
    assert "Staff training at Northfield Care Trust" in page
    assert "Used to train the people who work at Northfield Care Trust." in page
    assert "Staff training here" not in page
    assert "Staff training in this organisation" not in page
