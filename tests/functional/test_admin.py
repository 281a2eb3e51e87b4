from __future__ import annotations

from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db


def test_an_admin_changes_roles_and_the_change_is_audited(client, auth, admin, contributor):
    auth.sign_in(admin.username)
    response = client.post(f"/admin/users/{contributor.id}", data={
        "roles": ["contributor", "trainer"], "active": "y", "csrf_token": auth.csrf_token("/admin/users")})
    assert response.status_code == 302
    db.session.refresh(contributor)
    assert contributor.roles == {Role.CONTRIBUTOR, Role.TRAINER}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "roles.changed"))
    assert event.actor_id == admin.id
    assert event.object_id == str(contributor.id)
    assert event.before == {"roles": ["contributor"]}
    assert event.after == {"roles": ["contributor", "trainer"]}


def test_an_admin_cannot_remove_their_own_admin_role(client, auth, admin):
    auth.sign_in(admin.username)
    response = client.post(f"/admin/users/{admin.id}", data={
        "roles": ["contributor"], "active": "y", "csrf_token": auth.csrf_token("/admin/users")})
    assert response.status_code == 400
    assert "cannot remove your own admin role" in response.get_data(as_text=True)
    db.session.refresh(admin)
    assert Role.ADMIN in admin.roles


def test_a_turned_off_account_cannot_sign_in(client, auth, admin, contributor):
    auth.sign_in(admin.username)
    client.post(f"/admin/users/{contributor.id}", data={
        "roles": ["contributor"], "csrf_token": auth.csrf_token("/admin/users")})
    auth.sign_out()
    assert auth.sign_in(contributor.username).status_code == 400


def test_the_audit_log_shows_events_to_admins(client, auth, admin, contributor):
    auth.sign_in(admin.username)
    page = client.get("/admin/audit/?action=sign_in").get_data(as_text=True)
    assert "Signed in" in page and admin.username in page


def test_admins_can_find_people(client, auth, admin, make_user):
    make_user(username="bernadette")
    auth.sign_in(admin.username)
    page = client.get("/admin/users?q=berna").get_data(as_text=True)
    assert "bernadette" in page
