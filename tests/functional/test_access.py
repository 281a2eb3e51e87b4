"""Every URL rule of the app, walked as anonymous and as each role.

EXPECTED is the table of who may use each endpoint. A new route fails this test until it is added here,
and a route that lets the wrong person in fails it too. Add rows for new routes; never delete this test.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from storybank import create_app
from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.security import ANYONE, BEARER_CHECK, BEARER_TOKEN, SIGNED_IN, access_for_endpoint
from tests import factories

ADMIN_ONLY = frozenset({Role.ADMIN})
STORY_WRITERS = frozenset({Role.CONTRIBUTOR, Role.SUPPORTER})
MODERATORS = frozenset({Role.MODERATOR})
STORY_READERS = frozenset({Role.TRAINER, Role.MODERATOR})
TRAINERS = frozenset({Role.TRAINER, Role.ADMIN})
PACK_MAKERS = frozenset({Role.TRAINER})
VERSION_READERS = frozenset({Role.TRAINER, Role.MODERATOR})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "static": ANYONE,
    "core.home": ANYONE,
    "core.healthz": ANYONE,
    "core.privacy": ANYONE,
    "core.accessibility": ANYONE,
    "core.contact": ANYONE,
    "core.favicon": ANYONE,
    "accounts.sign_up": ANYONE,
    "accounts.sign_in": ANYONE,
    "accounts.sign_out": ANYONE,
    "accounts.account": SIGNED_IN,
    "accounts.change_password": SIGNED_IN,
    "admin.dashboard": ADMIN_ONLY,
    "admin.users": ADMIN_ONLY,
    "admin.user_detail": ADMIN_ONLY,
    "audit.log": ADMIN_ONLY,
    "audit.export": ADMIN_ONLY,
    "jobs.overview": ADMIN_ONLY,
    "jobs.try_again": ADMIN_ONLY,
    "data_rights.data": SIGNED_IN,
    "data_rights.data_json": SIGNED_IN,
    "data_rights.data_html": SIGNED_IN,
    "data_rights.delete_account": SIGNED_IN,
    "data_requests.export": ADMIN_ONLY,
    "data_requests.erase": ADMIN_ONLY,
    "stories.write": STORY_WRITERS,
    "stories.autosave": STORY_WRITERS,
    "stories.recover": STORY_WRITERS,
    "stories.send": STORY_WRITERS,
    "stories.sent": STORY_WRITERS,
    "stories.mine": STORY_WRITERS,
    "stories.detail": STORY_WRITERS,
    "stories.change_story": STORY_WRITERS,
    "stories.change_consent": STORY_WRITERS,
    "stories.withdraw": STORY_WRITERS,
    "stories.easy_read": ANYONE,
    "stories.key_lookup": ANYONE,
    "stories.consent_wording_page": ANYONE,
    "stories.key_status": ANYONE,
    "stories.key_change_consent": ANYONE,
    "stories.key_withdraw": ANYONE,
    "stories.key_finish": ANYONE,
    "moderation.queue": MODERATORS,
    "moderation.review": MODERATORS,
    "moderation.claim": MODERATORS,
    "moderation.release": MODERATORS,
    "moderation.decide_suggestion": MODERATORS,
    "moderation.add_redaction": MODERATORS,
    "moderation.add_theme": MODERATORS,
    "moderation.add_content_warning": MODERATORS,
    "moderation.propose_clarity": MODERATORS,
    "moderation.approve": MODERATORS,
    "moderation.request_changes": MODERATORS,
    "moderation.decline": MODERATORS,
    "moderation.raise_concern": MODERATORS,
    "moderation.concerns": MODERATORS,
    "moderation.concern": MODERATORS,
    "moderation.appeals": MODERATORS,
    "moderation.appeal": MODERATORS,
    "moderation.admin_overview": ADMIN_ONLY,
    "moderation.edit_decline_reason": ADMIN_ONLY,
    "moderation.clarity_answer": SIGNED_IN,
    "moderation.ask_again": SIGNED_IN,
    "moderation.notifications_page": SIGNED_IN,
    "moderation.mark_notifications_read": SIGNED_IN,
    "search.search_page": STORY_READERS,
    "library.story": STORY_READERS,
    "library.add_tag": STORY_READERS,
    "library.decide_tag": STORY_READERS,
    "public_stories.index": ANYONE,
    "public_stories.story": ANYONE,
    "saved_searches.saved_searches": STORY_READERS,
    "saved_searches.save": STORY_READERS,
    "saved_searches.run": STORY_READERS,
    "saved_searches.delete": STORY_READERS,
    "taxonomy.index": ADMIN_ONLY,
    "taxonomy.add_group": ADMIN_ONLY,
    "taxonomy.group": ADMIN_ONLY,
    "taxonomy.add_tag": ADMIN_ONLY,
    "taxonomy.edit_tag": ADMIN_ONLY,
    "taxonomy.merge_tag": ADMIN_ONLY,
    "taxonomy.delete_tag": ADMIN_ONLY,
    "api.openapi": ANYONE,
    "api.stories": BEARER_TOKEN,
    "api.story": BEARER_TOKEN,
    "api_tokens.tokens": TRAINERS,
    "api_tokens.revoke": TRAINERS,
    "packs.my_packs": PACK_MAKERS,
    "packs.new_pack": PACK_MAKERS,
    "packs.builder": PACK_MAKERS,
    "packs.edit_details": PACK_MAKERS,
    "packs.add_section": PACK_MAKERS,
    "packs.add_default_activities": PACK_MAKERS,
    "packs.edit_section": PACK_MAKERS,
    "packs.move_section": PACK_MAKERS,
    "packs.remove_section": PACK_MAKERS,
    "packs.find_story": PACK_MAKERS,
    "packs.add_story": PACK_MAKERS,
    "packs.preview": PACK_MAKERS,
    "pack_print.print_page": PACK_MAKERS,
    "pack_print.handout_pdf": PACK_MAKERS,
    "pack_print.facilitator_pdf": PACK_MAKERS,
    "pack_delivery.dashboard": PACK_MAKERS,
    "pack_delivery.publish": PACK_MAKERS,
    "pack_delivery.duplicate": PACK_MAKERS,
    "pack_delivery.version": VERSION_READERS,
    "pack_delivery.versions": PACK_MAKERS,
    "pack_delivery.sharing": PACK_MAKERS,
    "pack_delivery.end_link": PACK_MAKERS,
    "pack_delivery.read": ANYONE,
    "pack_print.version_print_page": VERSION_READERS,
    "pack_print.version_handout_pdf": VERSION_READERS,
    "pack_print.version_facilitator_pdf": VERSION_READERS,
    "pack_print.trainee_print_page": ANYONE,
    "pack_print.trainee_handout_pdf": ANYONE,
    "reflections.write": ANYONE,
    "reflections.thanks": ANYONE,
    "reflections.moderation_list": MODERATORS,
    "reflections.moderation_decide": MODERATORS,
    "reflections.trainer_list": PACK_MAKERS,
    "reflections.trainer_decide": PACK_MAKERS,
}

IDENTITIES = ["anonymous", *[role.value for role in Role]]

SAMPLE_ARGUMENTS = {"filename": "css/storybank.css", "version": "2026-11"}


def _allowed(expected, identity: str) -> bool:
    if expected == ANYONE:
        return True
    if expected == BEARER_TOKEN:
        return False  # a session cookie never opens the API, whoever holds it; tests/functional/test_api.py
    if identity == "anonymous":
        return False
    if expected == SIGNED_IN:
        return True
    return Role(identity) in expected


def _url_for_rule(rule, ids: dict[str, int]) -> str:
    values = {}
    for argument in rule.arguments:
        if argument in SAMPLE_ARGUMENTS:
            values[argument] = SAMPLE_ARGUMENTS[argument]
        else:
            values[argument] = ids.get(argument, 1)
    return rule.build(values, append_unknown=False)[1]


def test_every_route_declares_who_may_use_it(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    undeclared = sorted(e for e in endpoints if access_for_endpoint(app, e) is None)
    assert undeclared == [], f"routes with no declared access: {undeclared}"


def test_the_access_table_covers_every_route_and_matches_what_routes_declare(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(EXPECTED) == set(), "new routes: add them to EXPECTED"
    assert set(EXPECTED) - endpoints == set(), "EXPECTED names routes that no longer exist"
    for endpoint in endpoints:
        assert access_for_endpoint(app, endpoint).who == EXPECTED[endpoint], endpoint


@pytest.mark.parametrize("identity", IDENTITIES)
def test_each_route_lets_in_exactly_the_people_it_should(app, client, auth, no_csrf, identity):
    if identity != "anonymous":
        person = factories.make_user(Role(identity), username=f"walker-{identity}")
        db.session.commit()
        auth.sign_in(person.username)
        ids = {"user_id": person.id}
    else:
        ids = {"user_id": factories.make_user(username="someone").id}
        db.session.commit()
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "accounts.sign_out":
            continue  # signing out would end this walk; it is open to anyone and checked separately
        url = _url_for_rule(rule, ids)
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = client.open(url, method=method)
            allowed = _allowed(EXPECTED[rule.endpoint], identity)
            where = f"{method} {url} as {identity}"
            if allowed:
                assert response.status_code not in (401, 403), where
                assert "/sign-in?next=" not in response.headers.get("Location", ""), where
            elif EXPECTED[rule.endpoint] == BEARER_TOKEN:
                assert response.status_code == 401, where
                assert response.get_json()["error"]["code"] == "missing_token", where
            elif identity == "anonymous":
                assert response.status_code == 302, where
                assert "/sign-in?next=" in response.headers["Location"], where
            else:
                assert response.status_code == 403, where
                assert "You do not have access to this page" in response.get_data(as_text=True), where
            response.close()
            checked += 1
    assert checked >= len(EXPECTED)


def test_a_route_with_no_declared_access_is_refused(tmp_path):
    fresh = create_app({"TESTING": True, "SECRET_KEY": "x" * 32,
                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'undeclared.sqlite'}"})

    @fresh.route("/undeclared")
    def undeclared():
        return "should never be seen"

    response = fresh.test_client().get("/undeclared")
    assert response.status_code == 403
    assert "should never be seen" not in response.get_data(as_text=True)


def test_a_route_with_no_declared_access_is_logged_by_name(tmp_path, caplog):
    fresh = create_app({"TESTING": True, "SECRET_KEY": "x" * 32,
                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'undeclared.sqlite'}"})

    @fresh.route("/undeclared")
    def undeclared():
        return "should never be seen"

    fresh.test_client().get("/undeclared")
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "Route undeclared has no declared access; refusing it."
    ]


def test_an_api_route_is_refused_and_logged_when_no_token_check_is_registered(tmp_path, caplog):
    fresh = create_app({"TESTING": True, "SECRET_KEY": "x" * 32,
                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'nocheck.sqlite'}"})
    del fresh.extensions[BEARER_CHECK]
    response = fresh.test_client().get("/api/v1/stories", headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "Route api.stories needs a bearer token but no check is registered; refusing it."
    ]


@pytest.mark.parametrize("path", ["/account", "/account?tab=X", "/account?tab=data&tab=more"])
def test_someone_not_signed_in_is_sent_to_sign_in_and_then_back_to_the_exact_address(client, path):
    response = client.get(path)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/sign-in"
    assert parse_qs(location.query) == {"next": [path]}


def test_getting_any_page_changes_nothing(app, client, auth, admin):
    auth.sign_in(admin.username)
    before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods:
            client.get(_url_for_rule(rule, {"user_id": admin.id})).close()
    after = db.session.scalar(select(func.count()).select_from(AuditEvent))
    assert after == before
