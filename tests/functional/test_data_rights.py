"""A person's data rights: a full copy of what we hold about them, and deleting their account for good."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import JSON, String, Text, func, select

from storybank.accounts.models import User, UserSession
from storybank.accounts.roles import Role
from storybank.accounts.services import authenticate
from storybank.audit.models import AuditEvent, AuditLogIsAppendOnly
from storybank.audit.services import record
from storybank.consent.gate import visible_stories
from storybank.consent.models import ConsentIsAppendOnly, ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import (
    Appeal,
    AppealOutcome,
    ClarityEdit,
    ClarityStatus,
    DecisionOutcome,
    ModerationDecision,
    Notification,
)
from storybank.stories.models import PendingDraft, Story, StoryStatus
from tests.data_rights_builders import make_story

MARIGOLD_WORDS = "Periwinkle sandwiches"  # the distinctive words of the person's stories
OTHER_WORDS = "Zanzibar lighthouse"  # someone else's story, which must never show up or go
CHOSEN_NAME = "Goldie Quillfeather"  # the name she chose to show with a story
SUPPORTER_NAME = "Mari F, support worker"  # the name she typed when she recorded Ivy's consent


@pytest.fixture
def marigold(make_user):
    return make_user(Role.CONTRIBUTOR, Role.SUPPORTER, username="marigold-fenwick", display_name="Marigold",
                     email="marigold@example.org")


@pytest.fixture
def her_stories(marigold, make_user):
    other = make_user(username="someone-else", display_name="Oswin")
    made = {
        "approved": make_story(marigold, status=StoryStatus.APPROVED, title=f"{MARIGOLD_WORDS} title",
                               body=f"{MARIGOLD_WORDS} at the day centre.\n\nThen <script>alert(1)</script>.",
                               context=f"{MARIGOLD_WORDS} place",
                               scopes=tuple(Purpose), attribution_name=CHOSEN_NAME),
        "submitted": make_story(marigold, status=StoryStatus.SUBMITTED, body=f"{MARIGOLD_WORDS} in review"),
        "draft": make_story(marigold, status=StoryStatus.DRAFT, title="Half written",
                            body=f"{MARIGOLD_WORDS} not sent yet"),
        "withdrawn": make_story(marigold, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=3,
                                body=f"{MARIGOLD_WORDS} taken back", attribution_name=CHOSEN_NAME),
        "on_behalf": make_story(marigold, supporter=marigold, contributor_name="Her neighbour Ivy",
                                status=StoryStatus.APPROVED, body=f"{MARIGOLD_WORDS} for Ivy",
                                scopes=tuple(Purpose), recorded_by_name=SUPPORTER_NAME),
        "other": make_story(other, status=StoryStatus.APPROVED, title="Someone else's",
                            body=f"{OTHER_WORDS} story", scopes=tuple(Purpose)),
    }
    db.session.add(PendingDraft(token_hash="d" * 64, story_id=made["draft"].id,
                                fields={"body": f"{MARIGOLD_WORDS} kept after a timeout"}))
    record("story.draft_started", marigold, made["draft"], after={"assisted": False})
    record("account.created", marigold, marigold, after={"username": "marigold-fenwick", "roles": ["contributor"]})
    record("sign_in.failed", None, object_type="users", object_id=marigold.id, actor_label="anonymous",
           detail="username tried: Marigold-Fenwick")
    record("sign_in", other, other)
    db.session.commit()
    return made


@pytest.fixture
def her_moderation(marigold, her_stories, make_user):
    """What moderators decided about her stories and told her; the moderators' names must never be exported."""
    first = make_user(Role.MODERATOR, username="mod-hesketh", display_name="Hesketh Moderator")
    second = make_user(Role.MODERATOR, username="mod-ingrid", display_name="Ingrid Moderator")
    oswin = db.session.scalar(select(User).where(User.username == "someone-else"))
    approved, submitted, on_behalf = her_stories["approved"], her_stories["submitted"], her_stories["on_behalf"]
    db.session.add(ModerationDecision(story_id=approved.id, moderator_id=first.id, outcome=DecisionOutcome.APPROVED))
    declined = ModerationDecision(story_id=submitted.id, moderator_id=first.id, outcome=DecisionOutcome.DECLINED,
                                  reason_template_key="other", message="Thank you. It was a little too short.")
    db.session.add(declined)
    db.session.flush()
    db.session.add(Appeal(story_id=submitted.id, decision_id=declined.id, contributor_id=marigold.id,
                          note="There is more to it, please read it again.", outcome=AppealOutcome.OVERTURNED,
                          decided_by_id=second.id, message="You are right, it can be read again.",
                          decided_at=utcnow()))
    db.session.add(ClarityEdit(story_id=on_behalf.id, proposed_text="Ivy's words, tidied a little.",
                               based_on="Ivys words tidied", proposed_by_id=first.id, status=ClarityStatus.AGREED,
                               answered_at=utcnow()))
    db.session.add(Notification(user_id=marigold.id, story_id=approved.id, text="Good news: it is approved."))
    db.session.add(Notification(user_id=oswin.id, story_id=her_stories["other"].id, text="Oswin's own news."))
    db.session.commit()


def _csrf(auth, path="/account/data"):
    return {"csrf_token": auth.csrf_token(path)}


def _download_json(client, auth) -> dict:
    response = client.post("/account/data.json", data=_csrf(auth))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    return json.loads(response.get_data(as_text=True))


def test_the_data_export_holds_every_story_draft_consent_record_and_the_account_and_nothing_of_others(
        client, auth, marigold, her_stories, her_moderation):
    auth.sign_in(marigold.username)
    data = _download_json(client, auth)
    assert data["account"]["username"] == "marigold-fenwick"
    assert data["account"]["email"] == "marigold@example.org"
    assert data["roles"] == ["contributor", "supporter"]
    ids = {story["id"] for story in data["stories"]}
    mine = {her_stories[name].id for name in ("approved", "submitted", "draft", "withdrawn", "on_behalf")}
    assert ids == mine
    by_id = {story["id"]: story for story in data["stories"]}
    approved = by_id[her_stories["approved"].id]
    assert approved["text_as_written"].startswith(MARIGOLD_WORDS)
    assert approved["text_after_moderation"].startswith("[moderated]")
    assert approved["context"]["care_setting"] == f"{MARIGOLD_WORDS} place"
    assert by_id[her_stories["draft"].id]["status"] == "draft"
    assert by_id[her_stories["draft"].id]["words_kept_after_a_sign_in_ended"][0]["words"]["body"].endswith("timeout")
    assert by_id[her_stories["on_behalf"].id]["shared_on_behalf_of"] == "Her neighbour Ivy"
    consents = {story["id"]: story["consent_records"] for story in data["stories"]}
    expected = db.session.execute(select(ConsentRecord.story_id, func.count()).where(ConsentRecord.story_id.in_(mine))
                                  .group_by(ConsentRecord.story_id)).all()
    assert {story_id: len(consents[story_id]) for story_id, _ in expected} == dict(expected)
    assert consents[her_stories["withdrawn"].id][-1]["withdrawn"] is True
    assert consents[her_stories["approved"].id][0]["wording_agreed_to"], "the exact words agreed to are included"
    assert any(event["action"] == "story.draft_started" for event in data["what_you_did"])
    assert data["sign_ins"], "sign-ins are included"
    assert [note["text"] for note in data["messages_to_you"]] == ["Good news: it is approved."]
    assert [d["outcome"] for d in approved["moderation_decisions"]] == ["approved"]
    submitted = by_id[her_stories["submitted"].id]
    assert submitted["moderation_decisions"][0]["what_we_told_you"] == "Thank you. It was a little too short."
    assert submitted["asked_to_look_again"][0]["what_you_wrote"] == "There is more to it, please read it again."
    assert submitted["asked_to_look_again"][0]["what_we_told_you"] == "You are right, it can be read again."
    edit = by_id[her_stories["on_behalf"].id]["changes_suggested_for_clarity"][0]
    assert (edit["suggested_words"], edit["your_answer"]) == ("Ivy's words, tidied a little.", "agreed")
    text = json.dumps(data)
    assert OTHER_WORDS not in text and "someone-else" not in text and "Oswin" not in text
    assert "argon2" not in text and "password_hash" not in text
    assert "mod-hesketh" not in text and "Hesketh" not in text and "Ingrid" not in text, "never who moderated"


def test_the_printable_data_page_shows_the_same_stories_and_consent_and_keeps_typed_text_inert(
        client, auth, marigold, her_stories, her_moderation):
    auth.sign_in(marigold.username)
    response = client.post("/account/data.html", data=_csrf(auth))
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "attachment" in response.headers["Content-Disposition"]
    page = response.get_data(as_text=True)
    assert "marigold-fenwick" in page and "marigold@example.org" in page
    for name in ("approved", "submitted", "draft", "withdrawn", "on_behalf"):
        assert her_stories[name].body.split("\n")[0].replace("<", "&lt;") in page, name
    assert "Half written" in page and "kept after a timeout" in page
    assert "Her neighbour Ivy" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("Wording agreed to") == db.session.scalar(
        select(func.count()).select_from(ConsentRecord).join(Story).where(Story.author_id == marigold.id))
    assert OTHER_WORDS not in page and "someone-else" not in page
    assert "Messages we sent you (1)" in page and "Good news: it is approved." in page
    assert "Thank you. It was a little too short." in page and "You are right, it can be read again." in page
    assert "Ivy&#39;s words, tidied a little." in page and "You agreed" in page
    assert "Oswin&#39;s own news." not in page and "Hesketh" not in page and "Ingrid" not in page


def test_each_download_is_recorded_in_the_audit_log_and_a_get_downloads_nothing(client, auth, marigold):
    auth.sign_in(marigold.username)
    assert client.get("/account/data.json").status_code == 405
    client.post("/account/data.json", data=_csrf(auth))
    client.post("/account/data.html", data=_csrf(auth))
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "data.exported")
                                .order_by(AuditEvent.id)).all()
    assert [(e.actor_id, e.object_id, e.after["format"]) for e in events] == [
        (marigold.id, str(marigold.id), "json"), (marigold.id, str(marigold.id), "html")]


def test_the_data_page_explains_what_we_hold_and_offers_both_downloads(client, auth, marigold):
    auth.sign_in(marigold.username)
    page = client.get("/account/data").get_data(as_text=True)
    assert "What we hold about you" in page
    assert 'action="/account/data.json"' in page and 'action="/account/data.html"' in page
    assert "/account/delete" in page


def _delete(client, auth, password):
    return client.post("/account/delete", data={"password": password, **_csrf(auth, "/account/delete")})


def _every_text_value():
    """Every String, Text and JSON value in every table, so nothing can hide story words from the test."""
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))
                   or isinstance(getattr(c.type, "impl", None), (String, Text))]
        if not columns:
            continue
        for row in db.session.execute(select(*columns)):
            for column, value in zip(columns, row, strict=True):
                if value is not None:
                    yield f"{table.name}.{column.name}", value if isinstance(value, str) else json.dumps(value)


HER_NAMES = ("marigold-fenwick", "Marigold", "marigold@example.org", CHOSEN_NAME, SUPPORTER_NAME)


def _where_names_are():
    return {(where, name) for where, value in _every_text_value() for name in HER_NAMES
            if name.lower() in value.lower()}


def test_deleting_an_account_leaves_no_story_text_and_no_name_of_hers_anywhere_in_the_database(
        client, auth, marigold, her_stories):
    auth.sign_in(marigold.username)
    before = [where for where, value in _every_text_value() if MARIGOLD_WORDS in value]
    assert before, "the test must first find the words it later expects to be gone"
    named = _where_names_are()
    assert {name for _, name in named} == set(HER_NAMES), "the test must first find every name it looks for"
    assert {("consent_records.attribution_name", CHOSEN_NAME),
            ("consent_records.recorded_by_name", SUPPORTER_NAME)} <= named
    response = _delete(client, auth, "a quiet walk by the canal")
    assert response.status_code == 302
    left = [where for where, value in _every_text_value() if MARIGOLD_WORDS in value]
    assert left == []
    assert _where_names_are() == set()
    assert any(OTHER_WORDS in value for _, value in _every_text_value()), "someone else's story is untouched"


def _proof(story_id: int) -> list[tuple]:
    """What a consent record proves: everything but the names."""
    return [(c.id, tuple(c.scopes), c.withdrawn, c.created_at, c.review_date, c.wording_version, c.method,
             c.attribution) for c in db.session.scalars(select(ConsentRecord).where(ConsentRecord.story_id == story_id)
                                                        .order_by(ConsentRecord.id))]


def test_after_deletion_consent_records_keep_their_scopes_dates_wording_and_method_with_names_pseudonymised(
        client, auth, marigold, her_stories):
    ids = {name: her_stories[name].id for name in ("approved", "withdrawn", "on_behalf")}
    proof_before = {name: _proof(story_id) for name, story_id in ids.items()}
    auth.sign_in(marigold.username)
    _delete(client, auth, "a quiet walk by the canal")
    db.session.expire_all()
    pseudonym = db.session.scalar(select(AuditEvent.actor_label).where(AuditEvent.action == "account.deleted"))
    assert pseudonym.startswith("deleted person #")
    for name, story_id in ids.items():
        proof_after = _proof(story_id)
        added = 0 if name == "withdrawn" else 1
        assert proof_after[:len(proof_after) - added] == proof_before[name], name
    chosen = set(db.session.scalars(select(ConsentRecord.attribution_name)
                                    .where(ConsentRecord.story_id.in_([ids["approved"], ids["withdrawn"]]))))
    assert chosen == {pseudonym}, "every record of a named story, the withdrawal too, shows the audit pseudonym"
    supporter = set(db.session.scalars(select(ConsentRecord.recorded_by_name)
                                       .where(ConsentRecord.story_id == ids["on_behalf"])))
    assert supporter == {pseudonym, None}, "the name she typed is the pseudonym; her own withdrawal typed none"


def test_a_consent_record_still_refuses_an_ordinary_change_after_its_names_were_pseudonymised(
        client, auth, marigold, her_stories):
    story_id = her_stories["approved"].id
    auth.sign_in(marigold.username)
    _delete(client, auth, "a quiet walk by the canal")
    consent = db.session.scalar(select(ConsentRecord).where(ConsentRecord.story_id == story_id).limit(1))
    consent.attribution_name = "Someone new"
    with pytest.raises(ConsentIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    consent = db.session.scalar(select(ConsentRecord).where(ConsentRecord.story_id == story_id).limit(1))
    consent.training = False
    with pytest.raises(ConsentIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_deleted_stories_are_withdrawn_for_every_purpose_and_keep_their_reference_and_consent_history(
        client, auth, marigold, her_stories):
    ids = {name: story.id for name, story in her_stories.items()}
    references = {name: story.reference for name, story in her_stories.items()}
    consents_before = {name: len(story.consent_records) for name, story in her_stories.items()}
    auth.sign_in(marigold.username)
    _delete(client, auth, "a quiet walk by the canal")
    for purpose in Purpose:
        visible = set(db.session.scalars(visible_stories(purpose)).all())
        assert {s.id for s in visible} == {ids["other"]}, purpose
    for name in ("approved", "submitted", "withdrawn", "on_behalf"):
        story = db.session.get(Story, ids[name])
        assert story.status == StoryStatus.WITHDRAWN, name
        assert story.reference == references[name]
        assert story.author_id is None and story.supporter_id is None
        assert story.current_consent.withdrawn
        expected = consents_before[name] + (0 if name == "withdrawn" else 1)
        assert len(story.consent_records) == expected, "a withdrawal adds a record and changes none"
    assert db.session.get(Story, ids["draft"]) is None, "a draft nobody else saw is deleted"
    assert db.session.scalar(select(func.count()).select_from(PendingDraft)) == 0


def test_audit_events_are_kept_with_the_deleted_person_pseudonymised(client, auth, marigold, her_stories):
    marigold_id = marigold.id
    auth.sign_in(marigold.username)
    theirs = db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.actor_id == marigold_id))
    assert theirs >= 2
    _delete(client, auth, "a quiet walk by the canal")
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.actor_id == marigold_id)) == 0
    labels = set(db.session.scalars(select(AuditEvent.actor_label).where(AuditEvent.actor_id.is_(None))))
    pseudonyms = {label for label in labels if label.startswith("deleted person #")}
    assert len(pseudonyms) == 1
    pseudonym = pseudonyms.pop()
    assert re.fullmatch(r"deleted person #[0-9a-f]{8}", pseudonym)
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.actor_label == pseudonym)))
    assert {"sign_in", "story.draft_started", "story.withdrawn", "story.erased", "account.deleted"} <= actions
    created = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "account.created",
                                                         AuditEvent.object_id == str(marigold_id)))
    assert created.after == {"username": pseudonym, "roles": ["contributor"]}
    failed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sign_in.failed"))
    assert failed.detail == f"username tried: {pseudonym}"


def test_a_deleted_person_cannot_sign_in_again_and_every_sign_in_has_ended(app, client, auth, marigold, her_stories):
    other_browser = app.test_client()
    Auth = type(auth)
    Auth(app, other_browser).sign_in(marigold.username)
    auth.sign_in(marigold.username)
    response = _delete(client, auth, "a quiet walk by the canal")
    assert response.headers["Location"] == "/"
    assert "Your account has been deleted" in client.get("/").get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0
    assert db.session.scalar(select(User).where(User.username == "marigold-fenwick")) is None
    assert other_browser.get("/account").status_code == 302, "the other browser is signed out too"
    assert authenticate("marigold-fenwick", "a quiet walk by the canal") is None
    assert auth.sign_in("marigold-fenwick").status_code == 400


def test_deleting_needs_the_right_password_and_a_wrong_one_keeps_everything_and_says_so_kindly(
        client, auth, marigold, her_stories):
    auth.sign_in(marigold.username)
    response = _delete(client, auth, "not my password at all")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "That is not the password for this account, so nothing has been deleted" in page
    assert db.session.get(User, marigold.id) is not None
    assert db.session.get(Story, her_stories["approved"].id).status == StoryStatus.APPROVED
    assert db.session.get(Story, her_stories["approved"].id).body.startswith(MARIGOLD_WORDS)
    assert client.get("/account").status_code == 200, "still signed in"
    empty = _delete(client, auth, "")
    assert empty.status_code == 400
    assert "Please type your password" in empty.get_data(as_text=True)


def test_the_delete_page_says_exactly_what_will_happen_including_stories_shared_for_someone_else(
        client, auth, marigold, her_stories):
    auth.sign_in(marigold.username)
    page = client.get("/account/delete").get_data(as_text=True)
    assert "withdrawn from everywhere at once and their words erased" in page
    assert "This cannot be undone" in page
    assert "The 1 story you shared on someone else's behalf will be withdrawn and erased too" in page
    assert "Your 1 draft that you have not sent will be deleted" in page


def test_the_only_admin_cannot_delete_their_account(client, auth, admin):
    auth.sign_in(admin.username)
    response = _delete(client, auth, "a quiet walk by the canal")
    assert response.status_code == 400
    assert "only admin account" in response.get_data(as_text=True)
    assert db.session.get(User, admin.id) is not None


def test_an_admin_exports_a_persons_data_on_request_and_it_is_audited_with_the_admin_as_actor(
        client, auth, admin, marigold, her_stories):
    auth.sign_in(admin.username)
    detail = client.get(f"/admin/users/{marigold.id}").get_data(as_text=True)
    assert f"/admin/users/{marigold.id}/export" in detail and f"/admin/users/{marigold.id}/erase" in detail
    response = client.post(f"/admin/users/{marigold.id}/export", data=_csrf(auth, f"/admin/users/{marigold.id}"))
    assert response.status_code == 200
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["username"] == "marigold-fenwick"
    assert len(data["stories"]) == 5
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "data.exported"))
    assert (event.actor_id, event.object_id) == (admin.id, str(marigold.id))


def test_an_admin_erases_a_person_on_request_once_they_type_the_username_and_it_is_audited(
        client, auth, admin, marigold, her_stories):
    marigold_id = marigold.id
    auth.sign_in(admin.username)
    path = f"/admin/users/{marigold_id}/erase"
    wrong = client.post(path, data={"confirm_username": "marigold", **_csrf(auth, path)})
    assert wrong.status_code == 400
    assert "Please type their username exactly" in wrong.get_data(as_text=True)
    assert db.session.get(User, marigold_id) is not None
    response = client.post(path, data={"confirm_username": "marigold-fenwick", **_csrf(auth, path)})
    assert response.status_code == 302
    assert db.session.get(User, marigold_id) is None
    assert not any(MARIGOLD_WORDS in value for _, value in _every_text_value())
    assert _where_names_are() == set()
    notes = set(db.session.scalars(select(ConsentRecord.recorded_by_name)
                                   .where(ConsentRecord.recorded_by_id == admin.id)))
    assert notes == {"An admin, at the person's request"}, "the admin's own note names nobody erased and stays"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "account.deleted"))
    assert (event.actor_id, event.object_id) == (admin.id, str(marigold_id))
    withdrawals = db.session.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == "story.withdrawn"))
    assert set(withdrawals) == {admin.id}


def test_an_admin_cannot_erase_their_own_account_from_the_admin_pages(client, auth, admin, make_user):
    make_user(Role.ADMIN, username="second-admin")
    auth.sign_in(admin.username)
    path = f"/admin/users/{admin.id}/erase"
    assert "This is your own account" in client.get(path).get_data(as_text=True)
    response = client.post(path, data={"confirm_username": admin.username, **_csrf(auth, "/admin/users")})
    assert response.status_code == 400
    assert db.session.get(User, admin.id) is not None


def test_the_audit_log_still_refuses_ordinary_changes_after_a_pseudonymisation(client, auth, marigold):
    auth.sign_in(marigold.username)
    _delete(client, auth, "a quiet walk by the canal")
    event = db.session.scalar(select(AuditEvent).limit(1))
    event.actor_label = "someone else"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_guessing_the_password_on_the_delete_page_is_slowed_down_like_signing_in(client, auth, marigold):
    auth.sign_in(marigold.username)
    token = _csrf(auth, "/account/delete")
    statuses = [client.post("/account/delete", data={"password": f"guess {n}", **token}).status_code
                for n in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    assert db.session.get(User, marigold.id) is not None
