"""Trainees' reflections: written anonymously through an open share link, read by a person, and only then shown to
the person who shared the story, under "What staff took from your story"."""

from __future__ import annotations

import pytest
from flask import render_template
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.packs import reflections
from storybank.packs.delivery_models import Reflection, ReflectionStatus
from storybank.packs.reflections import LINK_CLOSED, NO_LONGER_USED, STORY_GONE, WORDS_KEPT
from tests.data_rights_builders import STORY_KEY
from tests.library_builders import approved, put_outside_the_gate
from tests.pack_builders import ACTIVITY_KEY, publish, share
from tests.story_steps import look_up

KIND_WORDS = "It made me slow down and ask people how they like their tea."
OTHER_WORDS = "Knocking first is respect. I will do it every time."
NAMED_WORDS = "I will remember what Sarah said about her tea."
THANK_YOU = "Thank you. A member of our team will read it before it is passed on to the person who shared the story."


@pytest.fixture
def story(contributor):
    return approved(contributor, "The carer knocked before coming in.", title="Tea the way I like it")


@pytest.fixture
def session_link(trainer, story):
    version = publish(trainer, [story])
    _link, token = share(version, session_name="Induction, 12 March")
    db.session.commit()
    return token


def csrf(auth) -> str:
    return auth.csrf_token("/my-story")  # one token per browser session; this page has a form for anyone


def reflect(client, auth, token: str, text: str = KIND_WORDS, key: int = 1, action: str = "check"):
    return client.post(f"/s/{token}/reflect/{key}", data={"text": text, "action": action, "csrf_token": csrf(auth)})


def decide(client, auth, reflection: Reflection, decision: str, *, where: str = "/moderation/reflections",
           reason: str = ""):
    return client.post(f"{where}/{reflection.id}",
                       data={"decision": decision, "reason": reason, "csrf_token": csrf(auth)})


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def events_but_signing_in() -> int:
    """Audit events other than signing in and out, which this test does between the pages it looks at."""
    return db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action.not_in(("sign_in", "sign_out")))) or 0


def only_reflection() -> Reflection:
    db.session.expire_all()
    rows = list(db.session.scalars(select(Reflection)))
    assert len(rows) == 1
    return rows[0]


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def sign_out(client, auth):
    """Whether or not anyone is signed in (auth.sign_out needs someone signed in)."""
    client.post("/sign-out", data={"csrf_token": csrf(auth)})


def contributor_page(client, auth, who, story) -> str:
    sign_out(client, auth)
    auth.sign_in(who.username)
    text = page(client, f"/my-stories/{story.id}")
    sign_out(client, auth)
    return text


def key_holder_page(client, auth, story) -> str:
    assert look_up(client, auth, story.reference, STORY_KEY).status_code == 302
    return page(client, "/my-story/status")


def test_a_reflection_is_written_anonymously_and_thanked_kindly(client, auth, story, session_link):
    form_page = page(client, f"/s/{session_link}/reflect/1")
    assert "What will you take from this story into your work?" in form_page
    assert "This is anonymous. Please do not write your name or anyone else&#39;s personal details." in form_page

    response = reflect(client, auth, session_link)

    assert response.status_code == 302
    assert THANK_YOU in page(client, response.headers["Location"])
    reflection = only_reflection()
    assert (reflection.text, reflection.status, reflection.story_id) == (KIND_WORDS, ReflectionStatus.WAITING,
                                                                         story.id)
    assert reflection.share_link_id is not None and reflection.decided_by_id is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "reflection.written"))
    assert event.actor_id is None and KIND_WORDS not in str(event.after)


def test_the_reflection_pages_lead_back_to_the_training_the_link_opens(client, auth, story, session_link):
    back = f'<a href="/s/{session_link}">Back to the training</a>'
    assert back in page(client, f"/s/{session_link}/reflect/1")
    response = reflect(client, auth, session_link)
    assert back in page(client, response.headers["Location"])
    assert client.get(f"/s/{session_link}").status_code == 200


def test_a_reflection_reaches_the_contributor_and_the_key_holder_only_after_it_is_passed_on(
        client, auth, contributor, moderator, story, session_link):
    reflect(client, auth, session_link)

    assert KIND_WORDS not in contributor_page(client, auth, contributor, story)
    assert KIND_WORDS not in key_holder_page(client, auth, story)

    auth.sign_in(moderator.username)
    assert 'href="/moderation/reflections"' in page(client, "/moderation")
    waiting = page(client, "/moderation/reflections")
    assert KIND_WORDS in waiting and "Tea the way I like it" in waiting and "Dignity in the morning" in waiting
    assert "Pass it on<span class=\"visually-hidden\">: the reflection written " in waiting  # a button says which
    assert decide(client, auth, only_reflection(), "pass").status_code == 302
    assert only_reflection().status == ReflectionStatus.APPROVED
    assert KIND_WORDS not in page(client, "/moderation/reflections")

    mine = contributor_page(client, auth, contributor, story)
    assert "What staff took from your story" in mine and KIND_WORDS in mine
    assert "Your story has been used in 1 training session." in mine and "Induction, 12 March" in mine
    key_page = key_holder_page(client, auth, story)
    assert KIND_WORDS in key_page and "Your story has been used in 1 training session." in key_page


def test_a_reflection_not_passed_on_or_still_waiting_never_reaches_the_person_who_shared_the_story(
        client, auth, contributor, moderator, story, session_link):
    reflect(client, auth, session_link, text=OTHER_WORDS)
    reflect(client, auth, session_link, text=KIND_WORDS)
    reflect(client, auth, session_link, text="Still waiting for someone to read this one.")
    first, second, _third = db.session.scalars(select(Reflection).order_by(Reflection.id))
    auth.sign_in(moderator.username)
    decide(client, auth, first, "hold", reason="It names a colleague.")
    decide(client, auth, second, "pass")

    for shown in (contributor_page(client, auth, contributor, story), key_holder_page(client, auth, story)):
        assert KIND_WORDS in shown
        assert OTHER_WORDS not in shown and "It names a colleague." not in shown
        assert "Still waiting for someone" not in shown
    db.session.expire_all()
    assert (first.status, first.reason, first.decided_by_id) == (ReflectionStatus.REJECTED,
                                                                 "It names a colleague.", moderator.id)


def test_only_a_waiting_reflection_can_be_decided(client, auth, moderator, story, session_link):
    reflect(client, auth, session_link)
    auth.sign_in(moderator.username)
    decide(client, auth, only_reflection(), "hold")
    events = count(AuditEvent)

    response = decide(client, auth, only_reflection(), "pass")

    assert response.status_code == 302
    assert only_reflection().status == ReflectionStatus.REJECTED
    assert count(AuditEvent) == events


def test_a_decision_that_cannot_be_read_keeps_the_reason_typed_and_changes_nothing(
        client, auth, moderator, story, session_link):
    reflect(client, auth, session_link)
    auth.sign_in(moderator.username)
    long_reason = "It mentions a colleague. " * 60

    no_choice = decide(client, auth, only_reflection(), "", reason="Not sure yet.")
    too_long = decide(client, auth, only_reflection(), "hold", reason=long_reason)

    assert no_choice.status_code == 400 and "Please choose “Pass it on” or “Do not pass it on”." in no_choice.get_data(
        as_text=True)
    assert "Not sure yet." in no_choice.get_data(as_text=True)
    assert too_long.status_code == 400 and "The reason can be up to 1,000 characters" in too_long.get_data(as_text=True)
    assert long_reason.strip() in too_long.get_data(as_text=True)
    assert only_reflection().status == ReflectionStatus.WAITING


def test_a_session_opened_after_the_story_was_withdrawn_does_not_count_as_using_it(
        client, auth, contributor, trainer, story):
    version = publish(trainer, [story])
    share(version, session_name="Before", days_ago=3)
    db.session.commit()
    put_outside_the_gate(story, "withdrawn", contributor)
    share(version, session_name="After")
    db.session.commit()

    mine = contributor_page(client, auth, contributor, story)

    assert "Your story has been used in 1 training session." in mine
    assert "Before" in mine and "After" not in mine


def test_a_trainer_sees_and_decides_only_the_reflections_from_their_own_packs(
        client, auth, make_user, trainer, moderator, story):
    other_trainer = make_user(Role.TRAINER, username="olu")
    _mine, my_token = share(publish(trainer, [story], title="My pack"))
    _theirs, their_token = share(publish(other_trainer, [story], title="Their pack"))
    db.session.commit()
    reflect(client, auth, my_token, text=KIND_WORDS)
    reflect(client, auth, their_token, text=OTHER_WORDS)
    mine, theirs = db.session.scalars(select(Reflection).order_by(Reflection.id))

    auth.sign_in(trainer.username)
    assert 'href="/packs/reflections"' in page(client, "/packs")
    listing = page(client, "/packs/reflections")
    assert KIND_WORDS in listing and OTHER_WORDS not in listing
    assert decide(client, auth, theirs, "pass", where="/packs/reflections").status_code == 404
    assert decide(client, auth, theirs, "hold", where="/packs/reflections").status_code == 404
    db.session.expire_all()
    assert theirs.status == ReflectionStatus.WAITING
    assert decide(client, auth, mine, "pass", where="/packs/reflections").status_code == 302
    db.session.expire_all()
    assert mine.status == ReflectionStatus.APPROVED and mine.decided_by_id == trainer.id

    sign_out(client, auth)
    auth.sign_in(moderator.username)
    assert OTHER_WORDS in page(client, "/moderation/reflections")


@pytest.mark.parametrize("state", ["revoked", "expired"])
def test_a_reflection_cannot_be_written_through_a_closed_link_and_the_words_come_back(
        client, auth, trainer, story, state):
    _link, token = share(publish(trainer, [story]), state=state)
    db.session.commit()

    response = reflect(client, auth, token)

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert LINK_CLOSED in text and WORDS_KEPT in text and KIND_WORDS in text
    assert "Send my reflection" not in text
    assert count(Reflection) == 0
    opened = client.get(f"/s/{token}/reflect/1")
    assert opened.status_code == 410 and LINK_CLOSED in opened.get_data(as_text=True)
    assert WORDS_KEPT not in opened.get_data(as_text=True)


def test_a_reflection_cannot_be_written_about_a_withdrawn_story_and_the_words_come_back(
        client, auth, contributor, story, session_link):
    put_outside_the_gate(story, "withdrawn", contributor)

    response = reflect(client, auth, session_link)

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert STORY_GONE in text and WORDS_KEPT in text and KIND_WORDS in text
    assert count(Reflection) == 0


def test_the_service_itself_refuses_a_withdrawn_story_and_a_closed_link(app, contributor, trainer, story):
    """The page checks first, but the rule lives in the service, so nothing else can go round it."""
    _open, token = share(publish(trainer, [story]))
    _closed, closed_token = share(publish(trainer, [story], title="Another"), state="revoked")
    db.session.commit()
    with pytest.raises(reflections.ReflectionError, match="session has ended"):
        reflections.write_reflection(closed_token, 1, KIND_WORDS)
    put_outside_the_gate(story, "withdrawn", contributor)
    with pytest.raises(reflections.ReflectionError, match="asked us to stop using it"):
        reflections.write_reflection(token, 1, KIND_WORDS)
    assert count(Reflection) == 0


def test_a_reflection_can_only_be_about_a_story_section_of_that_link(client, auth, session_link):
    assert reflect(client, auth, session_link, key=ACTIVITY_KEY).status_code == 404
    assert reflect(client, auth, session_link, key=7).status_code == 404
    assert count(Reflection) == 0


@pytest.mark.parametrize(("words", "message"), [
    ("   ", "Please write what you will take from this story into your work"),
    ("A" * 2_001, "Your reflection can be up to 2,000 characters. It is 2,001 now"),
])
def test_an_empty_or_too_long_reflection_is_asked_for_again_kindly_with_every_word_kept(
        client, auth, session_link, words, message):
    response = reflect(client, auth, session_link, text=words)

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in text and words.strip() in text
    assert count(Reflection) == 0


def test_personal_details_are_pointed_out_and_the_person_decides(client, auth, session_link):
    response = reflect(client, auth, session_link, text=NAMED_WORDS)

    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "It looks like this mentions a name: ‘Sarah’" in text
    assert "Send it as it is" in text and "Change it" in text
    assert count(Reflection) == 0

    changing = reflect(client, auth, session_link, text=NAMED_WORDS, action="change")
    assert changing.status_code == 200 and NAMED_WORDS in changing.get_data(as_text=True)
    assert count(Reflection) == 0

    sent = reflect(client, auth, session_link, text=NAMED_WORDS, action="send")
    assert sent.status_code == 302
    assert only_reflection().text == NAMED_WORDS  # nothing taken out by the machine


def test_the_moderators_see_a_withdrawn_story_only_as_a_story_that_is_no_longer_used(
        client, auth, contributor, moderator, story, session_link):
    reflect(client, auth, session_link)
    put_outside_the_gate(story, "withdrawn", contributor)
    auth.sign_in(moderator.username)

    listing = page(client, "/moderation/reflections")

    assert NO_LONGER_USED in listing and "Tea the way I like it" not in listing and KIND_WORDS in listing


def test_a_story_never_used_shows_a_warm_sentence_and_no_numbers(client, auth, contributor, story):
    mine = contributor_page(client, auth, contributor, story)
    assert "Your story has not been used in a training session yet." in mine
    assert "training sessions." not in mine


def test_reflections_on_the_story_page_are_newest_first_a_page_at_a_time(
        client, auth, contributor, moderator, story, session_link):
    for number in range(12):
        reflect(client, auth, session_link, text=f"Thought number {number:02d} about asking first.")
    auth.sign_in(moderator.username)
    for reflection in db.session.scalars(select(Reflection).order_by(Reflection.id)).all():
        decide(client, auth, reflection, "pass")
    sign_out(client, auth)
    auth.sign_in(contributor.username)

    first = page(client, f"/my-stories/{story.id}")
    second = page(client, f"/my-stories/{story.id}?page=2")

    assert "Thought number 11" in first and "Thought number 02" in first and "Thought number 01" not in first
    assert first.index("Thought number 11") < first.index("Thought number 10")
    assert "Thought number 01" in second and "Thought number 00" in second and "Thought number 11" not in second


def test_looking_at_the_reflection_pages_writes_nothing(client, auth, contributor, moderator, trainer, story,
                                                        session_link):
    reflect(client, auth, session_link)
    look_up(client, auth, story.reference, STORY_KEY)
    before = (count(Reflection), events_but_signing_in(), only_reflection().status)

    for url in (f"/s/{session_link}/reflect/1", f"/s/{session_link}/reflected", "/my-story/status"):
        page(client, url)
    auth.sign_in(moderator.username)
    page(client, "/moderation/reflections")
    sign_out(client, auth)
    auth.sign_in(trainer.username)
    page(client, "/packs/reflections")
    sign_out(client, auth)
    auth.sign_in(contributor.username)
    page(client, f"/my-stories/{story.id}")

    assert (count(Reflection), events_but_signing_in(), only_reflection().status) == before


def test_too_many_reflections_through_one_link_are_slowed_down(app, client, auth, session_link):
    app.config["REFLECTION_LINK_RATE_LIMIT"] = "2 per minute"
    try:
        assert reflect(client, auth, session_link).status_code == 302
        assert reflect(client, auth, session_link, text=OTHER_WORDS).status_code == 302
        slowed = reflect(client, auth, session_link, text="One more thought.")
        assert slowed.status_code == 429
        assert "Please wait a minute" in slowed.get_data(as_text=True)
        assert "One more thought." in slowed.get_data(as_text=True)
    finally:
        app.config.pop("REFLECTION_LINK_RATE_LIMIT")
    assert count(Reflection) == 2


def test_the_form_for_the_trainee_page_posts_to_this_section_and_says_it_is_anonymous(app):
    with app.test_request_context("/s/abc"):
        html = render_template("packs/_reflection_form.html", token="abc", section={"key": 3, "story_id": 1})
    assert 'action="/s/abc/reflect/3"' in html
    assert 'for="reflection-3"' in html and 'id="reflection-3"' in html
    assert "What will you take from this story into your work?" in html
    assert "This is anonymous. Please do not write your name or anyone else's personal details." in html


def test_each_personal_detail_is_pointed_out_once_in_plain_words(app):
    hints = reflections.personal_details("Sarah said to call 07700 900123. I will remember Sarah said that.")
    assert [hint.sentence for hint in hints] == ["It looks like this mentions a name: ‘Sarah’",
                                                 "It looks like this mentions a phone number: ‘07700 900123’"]


def test_if_the_analysis_fails_the_reflection_is_still_sent(client, auth, session_link, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("model missing")

    monkeypatch.setattr(reflections, "analyse", broken)

    assert reflect(client, auth, session_link, text=NAMED_WORDS).status_code == 302
    assert only_reflection().text == NAMED_WORDS
