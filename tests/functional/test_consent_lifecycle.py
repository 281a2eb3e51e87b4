"""Consent is enforced everywhere through the one gate, can be changed or withdrawn (also with the story key,
without signing in), and every change is a new record that nobody can alter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storybank.audit.models import AuditEvent
from storybank.consent.gate import can_use, visible_stories
from storybank.consent.models import ConsentIsAppendOnly, ConsentRecord, Purpose
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus
from tests.story_steps import approve, consent_form, look_up, write_and_send


def visible_ids(purpose: Purpose) -> set[int]:
    return set(db.session.scalars(visible_stories(purpose).with_only_columns(Story.id)))


def used_anywhere(story: Story) -> bool:
    return any(story.id in visible_ids(p) or can_use(story, p) for p in Purpose)


def test_a_story_with_training_consent_is_visible_for_training_only_after_approval(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING,))
    assert sent.story.id not in visible_ids(Purpose.TRAINING)
    assert not can_use(sent.story, Purpose.TRAINING)
    approve(sent.story)
    assert visible_ids(Purpose.TRAINING) == {sent.story.id}
    assert can_use(sent.story, Purpose.TRAINING)
    assert all(sent.story.id not in visible_ids(p) for p in Purpose if p != Purpose.TRAINING)


def test_a_story_with_only_public_consent_never_appears_for_training(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.PUBLIC,))
    approve(sent.story)
    assert sent.story.id not in visible_ids(Purpose.TRAINING)
    assert not can_use(sent.story, Purpose.TRAINING)
    assert visible_ids(Purpose.PUBLIC) == {sent.story.id}


def test_withdrawing_while_signed_in_removes_the_story_from_every_purpose_at_once(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=tuple(Purpose))
    approve(sent.story)
    assert all(sent.story.id in visible_ids(p) for p in Purpose)
    page = client.get(f"/my-stories/{sent.story.id}/withdraw").get_data(as_text=True)
    assert "What will happen" in page and "nobody else can see or use your story" in page
    assert "Our moderators stop reading it too" in page and "There is one thing we keep" in page
    response = client.post(f"/my-stories/{sent.story.id}/withdraw",
                           data={"csrf_token": auth.csrf_token(f"/my-stories/{sent.story.id}/withdraw")})
    assert response.status_code == 302
    story = db.session.get(Story, sent.story.id)
    assert story.status == StoryStatus.WITHDRAWN
    assert story.withdrawn_at is not None
    assert story.current_consent.withdrawn is True
    assert len(story.consent_records) == 2
    assert not used_anywhere(story)
    assert "Withdrawn – nobody else can see it" in client.get(f"/my-stories/{story.id}").get_data(as_text=True)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.withdrawn"))
    assert event.actor_id == contributor.id


def test_withdrawing_with_the_reference_and_key_works_without_signing_in(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING, Purpose.PUBLIC))
    approve(sent.story)
    auth.sign_out()
    assert look_up(client, auth, sent.reference, sent.key).headers["Location"] == "/my-story/status"
    status = client.get("/my-story/status").get_data(as_text=True)
    assert "Approved – it can be used in the ways you agreed" in status
    confirm = client.get("/my-story/withdraw").get_data(as_text=True)
    assert "Yes, take my story back" in confirm
    response = client.post("/my-story/withdraw", data={"csrf_token": auth.csrf_token("/my-story/withdraw")})
    assert response.headers["Location"] == "/my-story/status"
    story = db.session.get(Story, sent.story.id)
    assert story.status == StoryStatus.WITHDRAWN
    assert not used_anywhere(story)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.withdrawn"))
    assert event.actor_id is None and event.actor_label == "story key holder"


def test_changing_consent_with_the_key_adds_a_record_and_takes_effect_at_once(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING,))
    approve(sent.story)
    auth.sign_out()
    look_up(client, auth, sent.reference, sent.key)
    page = client.get("/my-story/consent").get_data(as_text=True)
    assert '<input checked id="training-0" name="training" required type="radio" value="yes">' in page
    response = client.post("/my-story/consent", data={**consent_form((Purpose.PUBLIC,)),
                                                      "csrf_token": auth.csrf_token("/my-story/consent")})
    assert response.status_code == 302
    assert sent.story.id not in visible_ids(Purpose.TRAINING)
    assert sent.story.id in visible_ids(Purpose.PUBLIC)
    records = db.session.scalars(select(ConsentRecord).order_by(ConsentRecord.id)).all()
    assert [r.scopes for r in records] == [[Purpose.TRAINING], [Purpose.PUBLIC]]
    changed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "consent.changed"))
    assert changed.before["scopes"] == ["training"] and changed.after["scopes"] == ["public"]


def test_changing_consent_while_signed_in_keeps_the_old_record_as_it_was(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING, Purpose.RESEARCH))
    first = sent.story.current_consent
    first_values = (first.id, first.training, first.research, first.review_date, first.created_at)
    path = f"/my-stories/{sent.story.id}/consent"
    response = client.post(path, data={**consent_form((Purpose.RESEARCH,)), "csrf_token": auth.csrf_token(path)})
    assert response.status_code == 302
    db.session.expire_all()
    old = db.session.get(ConsentRecord, first_values[0])
    assert (old.id, old.training, old.research, old.review_date, old.created_at) == first_values
    assert db.session.get(Story, sent.story.id).current_consent.scopes == [Purpose.RESEARCH]


def test_an_old_consent_record_cannot_be_updated_or_deleted(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, scopes=(Purpose.TRAINING,))
    record = sent.story.current_consent
    record.training = False
    with pytest.raises(ConsentIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    record = db.session.get(ConsentRecord, record.id)
    db.session.delete(record)
    with pytest.raises(ConsentIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(ConsentRecord, record.id).training is True


def test_a_withdrawn_story_cannot_have_its_consent_changed_again(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    client.post(f"/my-stories/{sent.story.id}/withdraw", data={"csrf_token": auth.csrf_token("/my-stories")})
    path = f"/my-stories/{sent.story.id}/consent"
    assert client.get(path).status_code == 302
    response = client.post(path, data={**consent_form(tuple(Purpose)), "csrf_token": auth.csrf_token("/my-stories")})
    assert response.status_code == 302
    assert db.session.get(Story, sent.story.id).current_consent.withdrawn is True


def test_a_wrong_key_gets_a_kind_message_and_every_look_up_is_audited(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    auth.sign_out()
    response = look_up(client, auth, sent.reference, "AAAA-BBBB-CCCC-DDDD")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "We could not find a story with that reference and key" in page
    assert client.get("/my-story/status").headers["Location"] == "/my-story"
    assert look_up(client, auth, sent.reference.lower().replace("-", " "), sent.key).status_code == 302
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like("story_key.%"))
                                .order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["story_key.failed", "story_key.checked"]
    assert events[0].object_id == str(sent.story.id)


def test_key_look_ups_are_rate_limited(client, auth, app):
    app.config["STORY_KEY_RATE_LIMIT"] = "3 per minute"
    try:
        codes = [look_up(client, auth, "SB-AAAA-BBBB", "AAAA-BBBB-CCCC-DDDD").status_code for _ in range(4)]
    finally:
        app.config.pop("STORY_KEY_RATE_LIMIT")
    assert codes == [400, 400, 400, 429]


def test_the_key_holder_pages_need_the_key_again_after_a_while(client, auth, contributor):
    from datetime import timedelta

    from sqlalchemy import update

    from storybank.db_types import utcnow
    from storybank.stories.models import StoryKeySession

    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    auth.sign_out()
    look_up(client, auth, sent.reference, sent.key)
    assert client.get("/my-story/status").status_code == 200
    db.session.execute(update(StoryKeySession).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    assert client.get("/my-story/withdraw").headers["Location"] == "/my-story"


def test_finishing_forgets_the_key_in_this_browser(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    auth.sign_out()
    look_up(client, auth, sent.reference, sent.key)
    client.post("/my-story/finish", data={"csrf_token": auth.csrf_token("/my-story/status")})
    assert client.get("/my-story/status").headers["Location"] == "/my-story"


def test_a_cookie_saved_before_finishing_no_longer_opens_the_key_pages(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth)
    auth.sign_out()
    look_up(client, auth, sent.reference, sent.key)
    with client.session_transaction() as before:
        saved_cookie = dict(before)
    client.post("/my-story/finish", data={"csrf_token": auth.csrf_token("/my-story/status")})
    with client.session_transaction() as replayed:
        replayed.update(saved_cookie)
    for method, path in (("GET", "/my-story/status"), ("GET", "/my-story/withdraw"),
                         ("POST", "/my-story/withdraw")):
        response = client.open(path, method=method, data={"csrf_token": auth.csrf_token("/my-story")})
        assert response.status_code == 302, f"{method} {path}: the copied cookie still opens the page"
        assert response.headers["Location"] == "/my-story"
    assert db.session.get(Story, sent.story.id).status == StoryStatus.SUBMITTED

