"""Nothing a person writes is lost: not to a validation error, an ended sign-in, a CSRF failure or a long story."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote

import pytest
from sqlalchemy import func, select, update

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


def end_sign_ins() -> None:
    """What an idle timeout does: the session is over on the server, the browser still has its cookie."""
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=3)))
    db.session.commit()


def save_signed_out(client, token: str, **fields):
    data = {"title": "Night shift", "body": "Typed after the sign-in ended", "action": "save", "csrf_token": token}
    return client.post("/stories/write", data={**data, **fields})


def next_path_from(response) -> str:
    return unquote(response.headers["Location"]).split("next=", 1)[1]


def test_an_ended_sign_in_keeps_the_words_and_brings_the_person_back_to_them(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="Night shift", body="First version")
    token = auth.csrf_token(f"/stories/write?story={story_id}")
    end_sign_ins()

    response = save_signed_out(client, token, story_id=story_id, body="Second version, longer and better")
    assert response.status_code == 302
    next_path = next_path_from(response)
    assert next_path == "/stories/recover"
    assert db.session.get(Story, story_id).body == "First version"
    assert db.session.scalar(select(PendingDraft)) is not None

    signed_in = client.post("/sign-in", data={"username": contributor.username, "password": factories.PASSWORD,
                                              "next": next_path, "csrf_token": auth.csrf_token()})
    assert signed_in.headers["Location"] == next_path
    shown = client.get(next_path)
    page = shown.get_data(as_text=True)
    assert shown.status_code == 200
    assert "Put these words back?" in page and "Second version, longer and better" in page
    assert db.session.get(Story, story_id).body == "First version", "opening the page changes nothing"

    back = client.post(next_path, data={"action": "restore", "csrf_token": auth.csrf_token(next_path)})
    assert story_id_from(back) == story_id
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    assert "Second version, longer and better" in page
    assert "Here are your words, just as you left them" in page
    assert db.session.get(Story, story_id).body == "Second version, longer and better"
    assert db.session.scalar(select(PendingDraft)) is None


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.CHANGES_REQUESTED])
def test_words_sent_signed_out_with_someone_elses_story_never_reach_that_story(
        app, client, auth, contributor, make_user, status):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="My own story", body="My own words")
    db.session.get(Story, story_id).status = status
    db.session.commit()
    stranger = app.test_client()
    stranger_auth = type(auth)(app, stranger)
    response = save_signed_out(stranger, stranger_auth.csrf_token(), story_id=story_id, title="Planted",
                               body="Words planted by a stranger")
    assert response.status_code == 302
    link = next_path_from(response)

    opened = client.get(link)
    assert "Words planted by a stranger" not in opened.get_data(as_text=True)
    client.post(link, data={"action": "restore", "csrf_token": auth.csrf_token("/my-stories")})
    assert db.session.get(Story, story_id).body == "My own words"
    assert db.session.scalar(select(Story).where(Story.body == "Words planted by a stranger")) is None


def test_a_story_id_is_kept_only_when_the_sign_in_that_ended_was_its_authors(client, auth, contributor, make_user):
    other = make_user(username="olly")
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="Carol's story", body="Carol's words")
    auth.sign_out()
    auth.sign_in(other.username)
    token = auth.csrf_token("/stories/write")
    end_sign_ins()
    save_signed_out(client, token, story_id=story_id, body="Olly's words")
    kept = db.session.scalar(select(PendingDraft))
    assert kept.story_id is None, "the words go into a new draft, never into Carol's story"

    auth.sign_in(other.username)
    back = client.post("/stories/recover", data={"action": "restore",
                                                 "csrf_token": auth.csrf_token("/stories/recover")})
    new_id = story_id_from(back)
    assert new_id != story_id
    assert db.session.get(Story, new_id).author_id == other.id
    assert db.session.get(Story, story_id).body == "Carol's words"


def test_kept_words_are_shown_only_to_the_person_whose_sign_in_ended_and_only_once(
        client, auth, contributor, make_user):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    end_sign_ins()
    save_signed_out(client, token, title="Mine", body="Only mine")
    auth.sign_in(make_user(username="other").username)
    page = client.get("/stories/recover")
    assert page.headers["Location"] == "/my-stories"
    client.post("/stories/recover", data={"action": "restore", "csrf_token": auth.csrf_token("/my-stories")})
    assert db.session.scalar(select(Story)) is None
    auth.sign_out()

    stranger_link = client.get("/stories/recover")
    assert "/sign-in" in stranger_link.headers["Location"]


def test_a_person_can_let_kept_words_go(client, auth, contributor):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    end_sign_ins()
    save_signed_out(client, token, body="Not wanted after all")
    auth.sign_in(contributor.username)
    client.post("/stories/recover", data={"action": "discard", "csrf_token": auth.csrf_token("/stories/recover")})
    assert db.session.scalar(select(PendingDraft)) is None
    assert db.session.scalar(select(Story)) is None


def test_many_saves_from_one_signed_out_browser_keep_only_the_newest_words(client, auth, contributor):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    end_sign_ins()
    for n in range(4):
        assert save_signed_out(client, token, body=f"Version {n}").status_code == 302
    assert [kept.fields["body"] for kept in db.session.scalars(select(PendingDraft))] == ["Version 3"]


def test_saving_while_signed_out_is_rate_limited_per_address_and_the_words_come_back(app, client, auth, contributor):
    app.config["KEPT_WORDS_RATE_LIMIT"] = "3 per minute"
    try:
        token = auth.csrf_token()
        codes = [save_signed_out(client, token, body=f"Try {n}").status_code for n in range(3)]
        fresh_browser = app.test_client()
        refused = save_signed_out(fresh_browser, type(auth)(app, fresh_browser).csrf_token(), body="Try 3")
    finally:
        app.config.pop("KEPT_WORDS_RATE_LIMIT")
    assert codes == [302, 302, 302]
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "Try 3" in page and "Your words are all still here" in page
    assert db.session.scalar(select(func.count()).select_from(PendingDraft)) == 1, "one per browser"


def test_words_too_long_to_keep_signed_out_come_back_on_the_page_and_are_not_stored(client, auth):
    from storybank.stories.services import DRAFT_MAX_CHARS

    too_long = "a" * (DRAFT_MAX_CHARS + 1)
    response = save_signed_out(client, auth.csrf_token(), body=too_long)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert too_long in page and "Your words are all still here" in page
    assert db.session.scalar(select(PendingDraft)) is None


def test_autosave_after_the_sign_in_ended_answers_in_json_and_keeps_the_words(client, auth, contributor):
    auth.sign_in(contributor.username)
    token = auth.csrf_token("/stories/write")
    end_sign_ins()
    response = client.post("/stories/autosave", data={"title": "T", "body": "Typed while away", "csrf_token": token},
                           headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.json["signed_out"] is True
    assert unquote(response.json["sign_in_url"]).endswith("next=/stories/recover")
    assert db.session.scalar(select(PendingDraft)).fields["body"] == "Typed while away"


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
