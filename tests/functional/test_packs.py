"""A trainer builds a training pack: details, sections in an order they choose, stories only through the consent
gate, default prompts in the source documents' words, and a preview that reads every story afresh."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import JSON, String, Text, func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent import services as consent_services
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.packs.models import Pack, PackSection, SectionKind
from storybank.packs.prompts import FOUR_QUESTIONS, KINDNESS_TEST, STOP_START_STAY, WALK_A_MILE
from storybank.packs.services import PLACEHOLDER
from storybank.privacy.data_rights import delete_account
from tests.factories import PASSWORD
from tests.library_builders import approved, put_outside_the_gate

PLACEHOLDER_HTML = "The person who shared this story has asked us to stop using it."


@pytest.fixture
def token(auth, signed_in_trainer):
    return auth.csrf_token("/packs/new")


def text_of(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, response.get_data(as_text=True)


def make_pack(client, token, **fields) -> Pack:
    data = {"title": "Dignity in the morning", "purpose": "training", "audience": "New home care workers",
            "duration_minutes": "90", "learning_outcomes": "Notice rushed care\nAsk before helping",
            "introduction": "Welcome. **Take your time.**", "csrf_token": token, **fields}
    response = client.post("/packs/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    pack = db.session.scalars(select(Pack).order_by(Pack.id.desc())).first()
    assert response.headers["Location"].endswith(f"/packs/{pack.id}")
    return pack


def sections(pack_id: int) -> list[PackSection]:
    db.session.expire_all()
    return list(db.session.scalars(select(PackSection).where(PackSection.pack_id == pack_id)
                                   .order_by(PackSection.position)))


def add_story(client, token, pack, story):
    return client.post(f"/packs/{pack.id}/stories/add", data={"reference": story.reference, "csrf_token": token})


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_a_trainer_makes_a_pack_and_finds_it_in_their_own_list(client, token, signed_in_trainer, make_user):
    pack = make_pack(client, token)
    assert (pack.title, pack.audience, pack.duration_minutes, pack.purpose.value, pack.status.value) == (
        "Dignity in the morning", "New home care workers", 90, "training", "draft")
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.object_type == "packs")) == "pack.created"
    other = make_user(Role.TRAINER, username="other-trainer")
    db.session.add(Pack(owner_id=other.id, title="Someone else's pack"))
    db.session.commit()
    status, html = text_of(client, "/packs")
    assert status == 200
    assert "Dignity in the morning" in html and "Someone else" not in html


def test_my_packs_come_a_page_at_a_time(client, signed_in_trainer):
    for number in range(23):
        db.session.add(Pack(owner_id=signed_in_trainer.id, title=f"Pack {number:02d}"))
    db.session.commit()
    status, html = text_of(client, "/packs")
    assert "Page 1 of 2" in html and html.count("/packs/") >= 20
    status, html = text_of(client, "/packs?page=2")
    assert status == 200 and "Page 2 of 2" in html


def test_a_pack_without_a_title_is_explained_and_nothing_typed_is_lost(client, token, signed_in_trainer):
    response = client.post("/packs/new", data={"title": "", "purpose": "training", "duration_minutes": "an hour",
                                               "introduction": "Words I typed carefully", "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Please give the pack a title" in html
    assert "whole number of minutes" in html
    assert "Words I typed carefully" in html
    assert count(Pack) == 0


def test_the_details_can_be_changed_and_are_audited(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    response = client.post(f"/packs/{pack.id}/details", data={
        "title": "Being listened to", "purpose": "partners", "audience": "", "duration_minutes": "",
        "learning_outcomes": "", "introduction": "", "csrf_token": token})
    assert response.status_code == 302
    db.session.expire_all()
    pack = db.session.get(Pack, pack.id)
    assert (pack.title, pack.purpose.value, pack.duration_minutes) == ("Being listened to", "partners", None)
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "pack.updated")) == 1


def test_the_purpose_cannot_change_once_the_pack_holds_a_story(client, token, signed_in_trainer, contributor):
    pack = make_pack(client, token)
    add_story(client, token, pack, approved(contributor, "Words.", title="Chosen for training"))
    response = client.post(f"/packs/{pack.id}/details", data={"title": "Same", "purpose": "partners",
                                                              "csrf_token": token})
    assert response.status_code == 400
    assert "already has stories chosen" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Pack, pack.id).purpose.value == "training"


def test_the_default_activities_use_the_words_of_the_source_documents(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    assert client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token}).status_code == 302
    kept = sections(pack.id)
    assert [(s.kind, s.title) for s in kept] == [(SectionKind.ACTIVITY, FOUR_QUESTIONS.title),
                                                 (SectionKind.ACTIVITY, STOP_START_STAY.title),
                                                 (SectionKind.ACTIVITY, KINDNESS_TEST.title)]
    status, html = text_of(client, f"/packs/{pack.id}/preview")
    for question in ("How do I personally embody this principle in my work?",
                     "How does my organisation embody this principle?",
                     "What do I think needs to be improved?",
                     "What do people with care and support needs say needs to be improved?",
                     "STOP: What do we need to stop doing?", "START: What do we need to start doing?",
                     "STAY: What do we need to keep doing?",
                     "How and why thresholds for services are determined?",
                     "What is driving practice, outcome measures or real change?",
                     "How can we support relational ways of working?",
                     "How can we bridge the gulf between service provider and passive recipient?"):
        assert question in html
    assert WALK_A_MILE == ("How might this person have felt?", "What helped?", "What got in the way of kindness?")


def test_sections_move_up_and_down_with_buttons_and_can_be_removed(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    four, stop, test = (s.id for s in sections(pack.id))
    status, html = text_of(client, f"/packs/{pack.id}")
    assert html.count(">Move up<") == 2 and html.count(">Move down<") == 2  # none above the first, below the last
    response = client.post(f"/packs/{pack.id}/sections/{test}/move", data={"direction": "up", "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#section-{test}")
    assert [s.id for s in sections(pack.id)] == [four, test, stop]
    client.post(f"/packs/{pack.id}/sections/{four}/move", data={"direction": "down", "csrf_token": token})
    assert [s.id for s in sections(pack.id)] == [test, four, stop]
    assert [s.position for s in sections(pack.id)] == [1, 2, 3]
    response = client.post(f"/packs/{pack.id}/sections/{test}/move", data={"direction": "up", "csrf_token": token},
                           follow_redirects=True)
    assert "That section is already first." in response.get_data(as_text=True)
    assert client.post(f"/packs/{pack.id}/sections/{test}/move",
                       data={"direction": "sideways", "csrf_token": token}).status_code == 400
    client.post(f"/packs/{pack.id}/sections/{four}/remove", data={"csrf_token": token})
    assert [(s.id, s.position) for s in sections(pack.id)] == [(test, 1), (stop, 2)]
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "packs")))
    assert {"pack.section_moved", "pack.section_removed", "pack.default_activities_added"} <= actions


def test_a_post_without_its_csrf_token_changes_nothing(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    first = sections(pack.id)[0].id
    assert client.post(f"/packs/{pack.id}/sections/{first}/remove").status_code == 400
    assert client.post(f"/packs/{pack.id}/default-activities").status_code == 400
    assert len(sections(pack.id)) == 3


def test_an_activity_and_notes_are_added_and_their_words_changed(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    response = client.post(f"/packs/{pack.id}/sections", data={"kind": "notes", "csrf_token": token})
    notes = sections(pack.id)[0]
    assert notes.kind == SectionKind.NOTES
    assert response.headers["Location"].endswith(f"/packs/{pack.id}/sections/{notes.id}")
    response = client.post(f"/packs/{pack.id}/sections/{notes.id}", data={
        "title": "Before the session", "body": "Check the room is quiet.", "prompts": "", "csrf_token": token})
    assert response.status_code == 302
    assert (sections(pack.id)[0].title, sections(pack.id)[0].body) == ("Before the session",
                                                                       "Check the room is quiet.")
    client.post(f"/packs/{pack.id}/sections", data={"kind": "activity", "csrf_token": token})
    assert [s.kind for s in sections(pack.id)] == [SectionKind.NOTES, SectionKind.ACTIVITY]
    response = client.post(f"/packs/{pack.id}/sections/{notes.id}", data={"title": "", "body": "Kept words",
                                                                          "csrf_token": token})
    assert response.status_code == 400 and "Please give this section a heading" in response.get_data(as_text=True)
    assert "Kept words" in response.get_data(as_text=True)
    assert client.post(f"/packs/{pack.id}/sections", data={"kind": "story", "csrf_token": token}).status_code == 400


def test_a_story_is_added_by_reference_with_the_walk_a_mile_questions_which_can_be_changed(
        client, token, signed_in_trainer, contributor):
    story = approved(contributor, "Nobody helped me to the toilet for an hour.", title="The long wait")
    pack = make_pack(client, token)
    status, html = text_of(client, f"/packs/{pack.id}/stories?q=toilet")
    assert status == 200 and "The long wait" in html and "ORIGINAL" not in html
    response = add_story(client, token, pack, story)
    assert response.status_code == 302
    [section] = sections(pack.id)
    assert (section.kind, section.story_id, section.title, section.body) == (SectionKind.STORY, story.id, "", "")
    assert section.prompts == list(WALK_A_MILE)
    status, html = text_of(client, f"/packs/{pack.id}/preview")
    assert "Nobody helped me to the toilet for an hour." in html
    assert '<a href="#end-of-pack">Skip this story</a>' in html  # a trainee may skip any story, warning or not
    for question in WALK_A_MILE:
        assert question in html
    client.post(f"/packs/{pack.id}/sections/{section.id}", data={
        "prompts": "What would you have done?\n\nWhat helped?\nWhat helped?", "csrf_token": token})
    assert sections(pack.id)[0].prompts == ["What would you have done?", "What helped?"]
    assert sections(pack.id)[0].story_id == story.id
    response = add_story(client, token, pack, story)
    assert "already in this pack" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert len(sections(pack.id)) == 1


@pytest.mark.parametrize("state", ["withdrawn", "public_only", "expired", "not_approved", "no_such_story"])
def test_a_story_outside_the_gate_is_refused_kindly(client, token, signed_in_trainer, contributor, state):
    story = approved(contributor, "Words that must not show.", title="Hidden",
                     scopes=(Purpose.PUBLIC,) if state == "public_only" else (Purpose.TRAINING,))
    put_outside_the_gate(story, state, contributor)
    pack = make_pack(client, token)
    if state == "no_such_story":
        response = client.post(f"/packs/{pack.id}/stories/add", data={"reference": "SB-NOPE", "csrf_token": token})
    else:
        response = add_story(client, token, pack, story)
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "We could not add that story" in html and "Please choose another story" in html
    if state != "no_such_story":  # that story may be used; it is only the reference that does not exist
        assert "Words that must not show" not in html
    assert sections(pack.id) == []


def test_a_partners_pack_takes_only_stories_shared_with_partners(client, token, signed_in_trainer, contributor):
    here_only = approved(contributor, "Only for training here.", title="Here only")
    shared = approved(contributor, "Shared more widely.", title="Shared", scopes=(Purpose.TRAINING, Purpose.PARTNERS))
    pack = make_pack(client, token, purpose="partners")
    status, html = text_of(client, f"/packs/{pack.id}/stories")
    assert "Shared" in html and "Here only" not in html
    add_story(client, token, pack, here_only)
    add_story(client, token, pack, shared)
    assert [s.story_id for s in sections(pack.id)] == [shared.id]


def test_the_preview_shows_all_content_warnings_first_and_each_before_its_story(
        client, token, signed_in_trainer, contributor):
    first = approved(contributor, "She waited with me until the ambulance came.", title="Waiting",
                     warning="Hospital stay")
    second = approved(contributor, "After he died the carers still came.", title="After", warning="Bereavement")
    pack = make_pack(client, token)
    add_story(client, token, pack, first)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    add_story(client, token, pack, second)
    status, html = text_of(client, f"/packs/{pack.id}/preview")
    assert status == 200
    top = html.index("Before you begin")
    assert "Hospital stay, Bereavement" in html[top:html.index("She waited with me")]
    first_warning = html.index("this story talks about Hospital stay")
    second_warning = html.index("this story talks about Bereavement")
    assert top < first_warning < html.index("She waited with me") < second_warning < html.index(
        "After he died the carers still came.")
    assert html.count("Skip this story") == 2
    assert "ORIGINAL" not in html and "Bernadette" not in html


def test_withdrawing_a_story_shows_the_placeholder_in_the_same_request_and_none_of_its_words(
        client, token, signed_in_trainer, contributor):
    kept = approved(contributor, "The night staff sang to me.", title="Singing")
    leaving = approved(contributor, "My daughter's wedding photo fell and nobody picked it up.",
                       title="The photograph", warning="Family loss")
    pack = make_pack(client, token)
    add_story(client, token, pack, kept)
    add_story(client, token, pack, leaving)
    leaving_section = sections(pack.id)[1].id
    assert "wedding photo" in text_of(client, f"/packs/{pack.id}/preview")[1]
    consent_services.withdraw(leaving, contributor)
    for url in (f"/packs/{pack.id}/preview", f"/packs/{pack.id}", f"/packs/{pack.id}/sections/{leaving_section}",
                f"/packs/{pack.id}/preview?notes=show"):
        status, html = text_of(client, url)
        assert status == 200, url
        assert "wedding photo" not in html and "The photograph" not in html and "Family loss" not in html, url
        assert PLACEHOLDER_HTML in html, url
        assert "Singing" in html or "/sections/" in url, url
    assert "The night staff sang to me." in text_of(client, f"/packs/{pack.id}/preview")[1]
    assert PLACEHOLDER == PLACEHOLDER_HTML


def test_hostile_markdown_in_notes_and_the_introduction_is_cleaned(client, token, signed_in_trainer):
    hostile = ('<script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) '
               '<iframe src="https://evil.example"></iframe> **bold words**')
    pack = make_pack(client, token, introduction=hostile)
    client.post(f"/packs/{pack.id}/sections", data={"kind": "notes", "csrf_token": token})
    notes = sections(pack.id)[0]
    client.post(f"/packs/{pack.id}/sections/{notes.id}", data={"title": "Careful", "body": hostile,
                                                               "csrf_token": token})
    status, trainee = text_of(client, f"/packs/{pack.id}/preview")
    assert "Careful" not in trainee, "facilitator notes are not for trainees"
    status, html = text_of(client, f"/packs/{pack.id}/preview?notes=show")
    assert "Careful" in html
    body = html[html.index("<main"):]
    assert "<script>alert" not in body and "<img" not in body and "<iframe" not in body
    assert 'href="javascript' not in body and "onerror=alert(1)>" not in body
    assert body.count("<strong>bold words</strong>") == 2


def test_another_trainers_pack_is_not_found_for_every_page_and_action(client, auth, make_user, contributor):
    owner = make_user(Role.TRAINER, username="owner-trainer")
    story = approved(contributor, "Words.", title="A story")
    pack = Pack(owner_id=owner.id, title="Not yours")
    db.session.add(pack)
    db.session.flush()
    section = PackSection(pack_id=pack.id, position=1, kind=SectionKind.NOTES, title="Secret notes", body="",
                          prompts=[])
    db.session.add(section)
    db.session.commit()
    intruder = make_user(Role.TRAINER, username="intruder")
    auth.sign_in(intruder.username)
    token = auth.csrf_token("/packs/new")
    base = f"/packs/{pack.id}"
    for url in (base, f"{base}/preview", f"{base}/stories", f"{base}/sections/{section.id}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Not yours" not in response.get_data(as_text=True), url
    posts = {f"{base}/details": {"title": "Mine now", "purpose": "training"},
             f"{base}/sections": {"kind": "notes"}, f"{base}/default-activities": {},
             f"{base}/sections/{section.id}": {"title": "Changed"},
             f"{base}/sections/{section.id}/move": {"direction": "up"},
             f"{base}/sections/{section.id}/remove": {},
             f"{base}/stories/add": {"reference": story.reference}}
    for url, data in posts.items():
        assert client.post(url, data={**data, "csrf_token": token}).status_code == 404, url
    assert [(s.id, s.title) for s in sections(pack.id)] == [(section.id, "Secret notes")]
    assert db.session.get(Pack, pack.id).title == "Not yours"


def test_getting_the_pack_pages_writes_nothing(client, token, signed_in_trainer, contributor):
    story = approved(contributor, "Words.", title="A story")
    pack = make_pack(client, token)
    add_story(client, token, pack, story)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    db.session.expire_all()
    changed = db.session.get(Pack, pack.id).updated_at
    before = count(AuditEvent), count(PackSection)
    first = sections(pack.id)[0].id
    for url in ("/packs", "/packs/new", f"/packs/{pack.id}", f"/packs/{pack.id}/preview",
                f"/packs/{pack.id}/preview?notes=show", f"/packs/{pack.id}/stories?q=words",
                f"/packs/{pack.id}/sections/{first}"):
        assert client.get(url).status_code == 200, url
    db.session.expire_all()
    assert (count(AuditEvent), count(PackSection)) == before
    assert db.session.get(Pack, pack.id).updated_at == changed


def test_a_pack_keeps_no_word_of_its_stories(client, token, signed_in_trainer, contributor):
    story = approved(contributor, "A sentence only the story has.", title="A title only the story has",
                     warning="A warning only the story has")
    pack = make_pack(client, token)
    add_story(client, token, pack, story)
    for table in (Pack.__table__, PackSection.__table__):
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))
                   or isinstance(getattr(c.type, "impl", None), (String, Text))]
        for row in db.session.execute(select(*columns)):
            for value in row:
                text = value if isinstance(value, str) else json.dumps(value)
                assert not re.search("only the story has", text or "")


def test_a_trainer_finds_my_packs_in_the_navigation(client, signed_in_trainer):
    status, html = text_of(client, "/search")
    assert 'href="/packs"' in html and "My packs" in html


def test_when_a_contributor_deletes_their_account_their_story_leaves_every_pack(client, token, signed_in_trainer,
                                                                                contributor):
    story = approved(contributor, "Words from an account about to close.", title="Closing")
    pack = make_pack(client, token)
    add_story(client, token, pack, story)
    delete_account(contributor, contributor, password=PASSWORD)
    status, html = text_of(client, f"/packs/{pack.id}/preview")
    assert status == 200 and PLACEHOLDER_HTML in html
    assert "Words from an account" not in html and "Closing" not in html


def test_when_a_trainer_deletes_their_account_their_packs_go_with_it(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    delete_account(signed_in_trainer, signed_in_trainer, password=PASSWORD)
    assert (count(Pack), count(PackSection)) == (0, 0)
