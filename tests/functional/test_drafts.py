"""Nothing a person writes is lost: not to a validation error, an ended sign-in, a CSRF failure or a long story."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote

import pytest
from sqlalchemy import select, update

from storybank.accounts.models import UserSession
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import PendingDraft, Story, StoryStatus
from tests import factories
from tests.story_steps import story_id_from, write_draft

LONG_STORY = "We waited and waited. " * 1000  # 22,000 characters: over the 20,000 limit


def test_a_draft_is_saved_and_comes_back_when_the_person_returns(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="Bath time", body="Line one\nLine two\n\nA new paragraph")
    page = client.get(f"/stories/write?story={story_id}").get_data(as_text=True)
    assert "Line one\nLine two\n\nA new paragraph" in page
    assert db.session.get(Story, story_id).status == StoryStatus.DRAFT


def test_a_validation_error_keeps_every_word_on_the_page_and_in_the_draft(client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data={
        "title": "", "body": "My words are precious", "action": "continue",
        "csrf_token": auth.csrf_token("/stories/write")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Please give your story a title" in page
    assert "My words are precious" in page
    story = db.session.scalar(select(Story))
    assert story.body == "My words are precious"
    assert f'value="{story.id}"' in page


def test_an_over_long_story_gets_a_limit_message_and_is_not_cut(client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data={
        "title": "Waiting", "body": LONG_STORY, "action": "continue", "csrf_token": auth.csrf_token("/stories/write")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your story can be up to 20,000 characters. It is 22,000 now" in page
    assert LONG_STORY in page
    assert db.session.scalar(select(Story)).body == LONG_STORY


def test_an_ended_sign_in_keeps_the_words_and_brings_the_person_back_to_them(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="Night shift", body="First version")
    token = auth.csrf_token(f"/stories/write?story={story_id}")
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=3)))
    db.session.commit()

    response = client.post("/stories/write", data={"story_id": story_id, "title": "Night shift",
                                                   "body": "Second version, longer and better", "action": "save",
                                                   "csrf_token": token})
    assert response.status_code == 302
    location = unquote(response.headers["Location"])
    assert location.startswith("/sign-in?next=/stories/recover/")
    assert db.session.get(Story, story_id).body == "First version"
    assert db.session.scalar(select(PendingDraft)) is not None

    next_path = location.split("next=", 1)[1]
    signed_in = client.post("/sign-in", data={"username": contributor.username, "password": factories.PASSWORD,
                                              "next": next_path, "csrf_token": auth.csrf_token()})
    assert signed_in.headers["Location"] == next_path
    back = client.get(next_path)
    assert story_id_from(back) == story_id
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    assert "Second version, longer and better" in page
    assert "Here are your words, just as you left them" in page
    assert db.session.get(Story, story_id).body == "Second version, longer and better"
    assert db.session.scalar(select(PendingDraft)) is None


def test_kept_words_cannot_be_claimed_by_someone_else_or_twice(client, auth, contributor, make_user):
    response = client.post("/stories/write", data={"title": "Mine", "body": "Only mine", "action": "save",
                                                   "csrf_token": auth.csrf_token()})
    next_path = unquote(response.headers["Location"]).split("next=", 1)[1]
    auth.sign_in(contributor.username)
    assert client.get(next_path).status_code == 302
    assert db.session.scalar(select(Story)).author_id == contributor.id
    auth.sign_out()
    auth.sign_in(make_user(username="other").username)
    assert client.get(next_path).headers["Location"] == "/my-stories"
    assert db.session.scalar(select(Story).where(Story.author_id != contributor.id)) is None


def test_autosave_after_the_sign_in_ended_answers_in_json_and_keeps_the_words(client, auth, contributor):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=3)))
    db.session.commit()
    response = client.post("/stories/autosave", data={"title": "T", "body": "Typed while away", "csrf_token": token},
                           headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.json["signed_out"] is True
    assert "/stories/recover/" in unquote(response.json["sign_in_url"])


def test_a_csrf_failure_brings_the_words_back_without_saving_them(client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data={"title": "Kept", "body": "Words after a long pause",
                                                   "action": "save", "csrf_token": "stale-token"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Words after a long pause" in page
    assert "Your words are all still here" in page
    assert db.session.scalar(select(Story)) is None


def test_autosave_creates_a_draft_once_then_updates_it(client, auth, contributor):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    first = client.post("/stories/autosave", data={"title": "", "body": "Hello", "csrf_token": token})
    assert first.json["saved"] is True
    story_id = first.json["story_id"]
    second = client.post("/stories/autosave", data={"story_id": story_id, "title": "", "body": "Hello again",
                                                    "csrf_token": token})
    assert second.json["story_id"] == story_id
    assert [s.body for s in db.session.scalars(select(Story))] == ["Hello again"]
    too_long = client.post("/stories/autosave", data={"story_id": story_id, "body": LONG_STORY, "csrf_token": token})
    assert too_long.json["too_long"] is True
    assert db.session.get(Story, story_id).body == LONG_STORY


def test_only_starting_a_story_is_audited_not_every_autosave(client, auth, contributor):
    from storybank.audit.models import AuditEvent

    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    story_id = client.post("/stories/autosave", data={"body": "a", "csrf_token": token}).json["story_id"]
    for n in range(3):
        client.post("/stories/autosave", data={"story_id": story_id, "body": "a" * n, "csrf_token": token})
    assert list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("story.%")))) == [
        "story.draft_started"]


@pytest.mark.parametrize("action", ["save", "continue"])
def test_an_empty_form_makes_no_draft(client, auth, contributor, action):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data={"title": " ", "body": "", "action": action,
                                                   "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 400
    assert db.session.scalar(select(Story)) is None
