"""Every POST the app answers needs a CSRF token: walked over ``app.url_map``, so a form added later is checked the
day it is added. Each rule is posted to by someone its ``@access`` rule lets in (and by someone signed out), with no
token and with a made-up one: the answer is the kind 400 page, and not one row of any table changes.

The only routes that may skip the check are listed in CSRF_EXEMPT with the reason; a new exemption fails here.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.audit.models import AuditEvent
from storybank.consent.models import Purpose
from storybank.extensions import csrf, db
from storybank.packs.models import SectionKind
from storybank.packs.services import add_section
from storybank.search.saved import save_search
from storybank.security import ANYONE, BEARER_TOKEN, SIGNED_IN, access_for_endpoint
from storybank.stories.models import StoryStatus
from storybank.tagging.models import Tag, TagGroup
from tests import factories
from tests.conftest import Auth
from tests.library_builders import approved
from tests.moderation_steps import make_story
from tests.pack_builders import publish, share
from tests.route_walk import FORM_ANSWERS, _url

CSRF_EXEMPT_BLUEPRINTS = {
    "api": "the stories API is for programs: it takes only a bearer token in a header and never reads the session "
           "cookie, so a forged cross-site request carries nothing that would let it in",
}
CSRF_EXEMPT_VIEWS: dict[str, str] = {}

ROLE_ORDER = (Role.CONTRIBUTOR, Role.SUPPORTER, Role.MODERATOR, Role.TRAINER, Role.ADMIN)
"""Who posts to a route open to several roles: the first of these it lets in (the owner of the test's objects)."""

CSRF_PAGE_WORDS = ("For your safety we could not save that", "We could not save just now")
"""The kind page (or the autosave's JSON) every refused form gets; see storybank/errors.py and stories/views.py."""

FORGED = "IjBhZDI4ZjQ1NGE5ZGY3ZTk2ZDk5In0.made-up.token"


def _exempt_blueprint_names() -> set[str]:
    return {getattr(blueprint, "name", blueprint) for blueprint in csrf._exempt_blueprints}


def _is_exempt(endpoint: str) -> bool:
    return endpoint.split(".", 1)[0] in _exempt_blueprint_names() or endpoint in csrf._exempt_views


def _poster_for(app, endpoint: str) -> str:
    """The identity (a role's value, or "anonymous") that may use ``endpoint``."""
    who = access_for_endpoint(app, endpoint).who
    if who == ANYONE:
        return "anonymous"
    if who == SIGNED_IN:
        return Role.CONTRIBUTOR.value
    return next(role for role in ROLE_ORDER if role in who).value


def _row_counts() -> dict[str, int]:
    db.session.expire_all()
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def _last_audit_event() -> int | None:
    return db.session.scalar(select(func.max(AuditEvent.id)))


@pytest.fixture
def world(app, make_user):
    """Real objects behind the URL arguments, so a POST that slipped past the check would have something to change;
    and a signed-in client for every role, each with its own cookie jar."""
    people = {role: make_user(role, username=f"csrf-{role.value}") for role in Role}
    contributor, trainer = people[Role.CONTRIBUTOR], people[Role.TRAINER]
    submitted = make_story(contributor)
    draft = make_story(contributor, status=StoryStatus.DRAFT)
    shown = approved(contributor, "The carer knocked before coming in.", title="Knocking",
                     scopes=(Purpose.TRAINING,))
    version = publish(trainer, [shown])
    link, token = share(version)
    section = add_section(version.pack, trainer, SectionKind.ACTIVITY)
    saved = save_search(people[Role.MODERATOR], "Knocking", "q=knocking")
    api_token = token_services.create_token(trainer, "CSRF walk", trainer)
    tag = db.session.scalars(select(Tag).order_by(Tag.id)).first()
    group = db.session.scalars(select(TagGroup).order_by(TagGroup.id)).first()
    db.session.commit()
    ids = {"story_id": submitted.id, "user_id": people[Role.SUPPORTER].id, "pack_id": version.pack_id,
           "section_id": section.id, "link_id": link.id, "token": token, "key": 1, "reference": shown.reference,
           "saved_id": saved.id, "token_id": api_token.token.id, "tag_id": tag.id, "group_id": group.id}
    clients: dict[str, FlaskClient] = {"anonymous": app.test_client()}
    for role, person in people.items():
        clients[role.value] = app.test_client()
        Auth(app, clients[role.value]).sign_in(person.username)
    return {"ids": ids, "clients": clients, "draft": draft}


def _post_rules(app):
    return sorted((rule for rule in app.url_map.iter_rules() if "POST" in rule.methods), key=lambda r: r.endpoint)


def test_only_the_listed_routes_are_exempt_from_csrf(app):
    assert _exempt_blueprint_names() == set(CSRF_EXEMPT_BLUEPRINTS), "a new CSRF exemption: list it with a reason"
    assert set(csrf._exempt_views) == set(CSRF_EXEMPT_VIEWS), "a new CSRF exemption: list it with a reason"
    assert app.config.get("WTF_CSRF_CHECK_DEFAULT", True), "CSRF must be checked on every request by default"
    assert "POST" in app.config.get("WTF_CSRF_METHODS", ["POST"])


def test_an_exempt_route_that_takes_a_post_is_opened_only_by_a_bearer_token(app):
    """An exemption is only safe where no cookie is ever accepted."""
    for rule in _post_rules(app):
        if _is_exempt(rule.endpoint):
            assert access_for_endpoint(app, rule.endpoint).who == BEARER_TOKEN, rule.endpoint


@pytest.mark.parametrize("token", [None, FORGED], ids=["no-token", "forged-token"])
def test_every_post_without_a_good_csrf_token_is_refused_and_changes_nothing(app, world, token):
    data = {**FORM_ANSWERS, "title": "Forged", "body": "Words from another site.", "username": "csrf-contributor",
            "password": factories.PASSWORD, "reference": "SB-X", "key": "x", "name": "Forged", "story_id": "",
            "action": "save"}
    if token is not None:
        data["csrf_token"] = token
    checked = []
    for rule in _post_rules(app):
        if _is_exempt(rule.endpoint):
            continue
        url = _url(rule, world["ids"])
        for identity in sorted({_poster_for(app, rule.endpoint), "anonymous"}):
            before, last_event = _row_counts(), _last_audit_event()
            response = world["clients"][identity].post(url, data=data)
            where = f"POST {url} as {identity}"
            assert response.status_code == 400, where
            assert any(words in response.get_data(as_text=True) for words in CSRF_PAGE_WORDS), where
            assert _row_counts() == before, where
            assert _last_audit_event() == last_event, where
            checked.append(where)
    assert len(checked) >= 2 * 60


def test_a_json_autosave_without_the_csrf_header_is_refused_and_saves_nothing(world):
    client = world["clients"][Role.CONTRIBUTOR.value]
    draft = world["draft"]
    response = client.post("/stories/autosave", json={"story_id": draft.id, "title": "Forged", "body": "Forged."})
    assert response.status_code == 400
    assert response.get_json()["saved"] is False
    db.session.refresh(draft)
    assert draft.title != "Forged"


def test_the_walk_sees_a_post_that_gets_through_without_a_token(app, world):
    """The checks above can fail: with CSRF off, the same post is answered, not refused, and writes."""
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        before = _row_counts()
        response = world["clients"][Role.MODERATOR.value].post("/search/saved", data={"name": "Forged", "query": "q=x"})
        assert response.status_code == 302
        assert _row_counts() != before
    finally:
        app.config["WTF_CSRF_ENABLED"] = True
