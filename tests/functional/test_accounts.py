from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storybank.accounts.models import User, UserSession
from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from tests.factories import PASSWORD

GOOD_PASSWORD = "my garden in the spring"


def sign_up(client, auth, **fields):
    data = {"username": "rosie", "password": GOOD_PASSWORD, "confirm": GOOD_PASSWORD, "email": "",
            "display_name": "", "csrf_token": auth.csrf_token("/sign-up")} | fields
    return client.post("/sign-up", data=data)


def test_a_person_can_sign_up_with_a_username_alone_and_is_a_contributor(client, auth):
    response = sign_up(client, auth)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "rosie"))
    assert user.email is None
    assert user.roles == {Role.CONTRIBUTOR}
    assert client.get("/account").status_code == 200


def test_passwords_are_stored_as_argon2id_hashes(client, auth):
    sign_up(client, auth)
    user = db.session.scalar(select(User).where(User.username == "rosie"))
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in user.password_hash


@pytest.mark.parametrize(("password", "message"), [
    ("short", "at least 8 characters"),
    ("password123", "many people use"),
    ("rosie-the-great", None),
])
def test_sign_up_checks_the_password_and_keeps_what_was_typed(client, auth, password, message):
    response = sign_up(client, auth, password=password, confirm=password, display_name="Rosie Lee")
    page = response.get_data(as_text=True)
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 400
    assert message in page
    assert "There is a problem" in page
    assert 'value="rosie"' in page and 'value="Rosie Lee"' in page


def test_usernames_are_unique_whatever_their_case(client, auth, make_user):
    make_user(username="Rosie")
    response = sign_up(client, auth, username="rosie")
    assert response.status_code == 400
    assert "already taken" in response.get_data(as_text=True)


def test_wrong_password_and_unknown_username_get_the_same_message(client, auth, contributor):
    wrong_password = auth.sign_in(contributor.username, "not the right one at all")
    unknown_user = auth.sign_in("nobody-by-this-name", "not the right one at all")
    assert wrong_password.status_code == unknown_user.status_code == 400
    message = "We could not sign you in with that username and password."
    assert message in wrong_password.get_data(as_text=True)
    assert message in unknown_user.get_data(as_text=True)


def test_signing_in_starts_a_new_session_and_signing_out_ends_it_on_the_server(client, auth, contributor):
    client.get("/sign-in")
    with client.session_transaction() as before:
        before["left-over"] = "from before sign-in"
    auth.sign_in(contributor.username)
    with client.session_transaction() as after:
        assert "left-over" not in after
        stolen_cookie_session = dict(after)
    assert client.get("/account").status_code == 200
    auth.sign_out()
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == contributor.id))
    assert row.ended_at is not None
    with client.session_transaction() as replayed:
        replayed.update(stolen_cookie_session)
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("which", ["idle", "absolute"])
def test_a_session_times_out(app, client, auth, contributor, which):
    auth.sign_in(contributor.username)
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == contributor.id))
    if which == "idle":
        row.last_seen_at = row.last_seen_at - app.config["SESSION_IDLE_TIMEOUT"] - timedelta(minutes=1)
    else:
        row.created_at = row.created_at - app.config["SESSION_ABSOLUTE_TIMEOUT"] - timedelta(minutes=1)
        row.last_seen_at = row.last_seen_at - timedelta(minutes=5)
    db.session.commit()
    response = client.get("/account")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_sign_in_goes_back_to_a_safe_next_page_only(client, auth, contributor):
    token = auth.csrf_token()
    response = client.post("/sign-in", data={"username": contributor.username, "password": PASSWORD,
                                             "csrf_token": token, "next": "/account/password"})
    assert response.headers["Location"].endswith("/account/password")
    auth.sign_out()
    for evil in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]:
        response = client.post("/sign-in", data={"username": contributor.username, "password": PASSWORD,
                                                 "csrf_token": auth.csrf_token(), "next": evil})
        assert response.headers["Location"] == "/", evil
        auth.sign_out()


def test_sign_in_attempts_are_rate_limited_with_a_kind_message(app, client, auth, contributor):
    app.config["SIGN_IN_RATE_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            auth.sign_in(contributor.username, "wrong password here")
        response = auth.sign_in(contributor.username, "wrong password here")
        assert response.status_code == 429
        assert "Please wait a moment" in response.get_data(as_text=True)
    finally:
        app.config["SIGN_IN_RATE_LIMIT"] = "10 per minute;50 per hour"


def test_sign_in_attempts_for_one_username_are_limited_from_any_address(app, client, auth, contributor):
    app.config["SIGN_IN_RATE_LIMIT"] = "3 per minute"
    try:
        for number in range(3):
            client.post("/sign-in", data={"username": contributor.username, "password": "wrong guess here",
                                          "csrf_token": auth.csrf_token()},
                        environ_base={"REMOTE_ADDR": f"10.0.0.{number + 1}"})
        response = client.post("/sign-in", data={"username": contributor.username, "password": "wrong guess",
                                                  "csrf_token": auth.csrf_token()},
                               environ_base={"REMOTE_ADDR": "10.0.0.99"})
        assert response.status_code == 429
    finally:
        app.config["SIGN_IN_RATE_LIMIT"] = "10 per minute;50 per hour"


def test_changing_the_password_ends_other_sessions(app, auth, contributor):
    other_device = app.test_client()
    from tests.conftest import Auth

    Auth(app, other_device).sign_in(contributor.username)
    auth.sign_in(contributor.username)
    response = auth.client.post("/account/password", data={
        "current_password": PASSWORD, "new_password": GOOD_PASSWORD, "confirm": GOOD_PASSWORD,
        "csrf_token": auth.csrf_token("/account/password")})
    assert response.status_code == 302
    assert auth.client.get("/account").status_code == 200
    assert other_device.get("/account").status_code == 302
    assert auth.sign_out().status_code == 302
    assert auth.sign_in(contributor.username, GOOD_PASSWORD).status_code == 302


def test_changing_the_password_needs_the_current_one(auth, contributor):
    auth.sign_in(contributor.username)
    response = auth.client.post("/account/password", data={
        "current_password": "not my password", "new_password": GOOD_PASSWORD, "confirm": GOOD_PASSWORD,
        "csrf_token": auth.csrf_token("/account/password")})
    assert response.status_code == 400
    assert "not your current password" in response.get_data(as_text=True)


def test_posts_without_a_csrf_token_are_refused(client, contributor):
    response = client.post("/sign-in", data={"username": contributor.username, "password": PASSWORD})
    assert response.status_code == 400
    assert "could not save that" in response.get_data(as_text=True)


def test_signing_out_needs_a_post(client, auth, contributor):
    auth.sign_in(contributor.username)
    assert client.get("/sign-out").status_code == 405
    assert client.get("/account").status_code == 200


def test_sign_ins_and_failures_are_audited(auth, contributor):
    auth.sign_in(contributor.username, "wrong password here")
    auth.sign_in(contributor.username)
    auth.sign_out()
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-3:] == ["sign_in.failed", "sign_in", "sign_out"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sign_in"))
    assert event.actor_id == contributor.id and event.object_id == str(contributor.id)
    assert event.occurred_at.tzinfo is not None
