"""Nobody reaches another person's things: every route whose URL names something a person owns, walked over
``app.url_map``, so a route added later is checked the day it is added.

For each such rule two people of the same role are made: A owns the objects behind the URL, B does not. B's GET and
B's POST (with a good CSRF token and plausible answers) get the kind "We cannot find that page" 404, the house rule
for "not yours", and not one row of any table changes. A then opens the same address and is answered (not 404), so
the objects are real and the check can fail.

Which pairs a rule gets: every role that may own all the things its URL names (OWNER_ROLES) and that its ``@access``
rule lets in. A story page is contributor against contributor and supporter against supporter; a pack page trainer
against trainer; a saved search trainer and moderator; an API token trainer and admin. An argument name this file
does not know, or a rule with arguments that is neither owned nor listed in SHARED (with the reason), fails
test_every_route_with_arguments_is_in_the_matrix_or_listed_as_shared.

Pages that find their object without a URL argument are checked below the matrix: a story key's pages (a key opens
only its own story), the write page's ``story`` field and the autosave, and every argument-less page (lists,
notifications, dashboards) and the personal data export, which must hold nothing of A's for B.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storybank import create_app
from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.moderation.models import Notification
from storybank.moderation.notifications import notify
from storybank.packs import reflections
from storybank.packs.models import Pack, SectionKind
from storybank.packs.services import add_section
from storybank.search.saved import save_search
from storybank.security import SIGNED_IN, access, access_for_endpoint
from storybank.stories import keys
from storybank.stories.models import Story, StoryStatus
from tests.conftest import Auth
from tests.functional.test_csrf_everywhere import _last_audit_event, _row_counts
from tests.library_builders import approved
from tests.moderation_steps import make_story
from tests.pack_builders import publish, share
from tests.route_walk import FORM_ANSWERS, text_of
from tests.story_steps import consent_form

NOT_FOUND_WORDS = "We cannot find that page"
"""The kind 404 page (storybank/errors.py): what someone gets for a thing that is not theirs."""

STORY_WRITERS = frozenset({Role.CONTRIBUTOR, Role.SUPPORTER})
PACK_MAKERS = frozenset({Role.TRAINER})

OWNER_ROLES: dict[str, frozenset[Role]] = {
    "story_id": STORY_WRITERS,
    "pack_id": PACK_MAKERS,
    "section_id": PACK_MAKERS,
    "link_id": PACK_MAKERS,
    "number": PACK_MAKERS,
    "reflection_id": PACK_MAKERS,
    "saved_id": frozenset({Role.TRAINER, Role.MODERATOR}),
    "token_id": frozenset({Role.TRAINER, Role.ADMIN}),
}
"""URL argument names that name something one person owns, and the roles whose people own them. A new route using
one of these names joins the matrix by itself."""

STORY_VARIANTS = ("draft", "sent")
"""A contributor's story route is walked with A's draft and with A's sent story."""

GLOBAL_CHILDREN = ("section_id", "link_id")
"""Ids that are unique across all packs: also tried inside B's own pack (B's pack, A's section or link)."""

SHARED: dict[str, str] = {
    "static": "the app's own files; nobody owns them",
    "admin.user_detail": "admins look after every account",
    "data_requests.export": "admins answer a person's data request for any account",
    "data_requests.erase": "admins erase any account on request",
    "jobs.try_again": "admins look after all the background work; a job belongs to no person",
    "api.story": "the API is opened by a bearer token and shows any story that passes the gate for the token's "
                 "uses (tests/functional/test_api.py)",
    "library.story": "trainers and moderators read every story in the library; the consent gate decides, not owner",
    "library.add_tag": "trainers and moderators tag any story in the library",
    "library.decide_tag": "trainers and moderators decide tags on any story in the library",
    "public_stories.story": "a story shared for the public is open to anyone, through the gate",
    "stories.consent_wording_page": "the words of each consent version are public",
    "moderation.review": "moderators work on every story sent for review",
    "moderation.claim": "moderators work on every story sent for review",
    "moderation.release": "moderators work on every story sent for review",
    "moderation.add_redaction": "moderators work on every story sent for review",
    "moderation.add_theme": "moderators work on every story sent for review",
    "moderation.add_content_warning": "moderators work on every story sent for review",
    "moderation.propose_clarity": "moderators work on every story sent for review",
    "moderation.approve": "moderators work on every story sent for review",
    "moderation.request_changes": "moderators work on every story sent for review",
    "moderation.decline": "moderators work on every story sent for review",
    "moderation.raise_concern": "moderators work on every story sent for review",
    "moderation.decide_suggestion": "moderators decide suggestions on every story under review",
    "moderation.concern": "safeguarding concerns are for every moderator to act on",
    "moderation.appeal": "an appeal is looked at by another moderator, any of them",
    "moderation.edit_decline_reason": "the decline reasons' wording is the admins', not a person's",
    "reflections.moderation_decide": "moderators read every waiting reflection before it is passed on",
    "pack_delivery.read": "a share link opens its version to anyone holding the token; the token is the key",
    "pack_print.trainee_print_page": "a share link opens its version to anyone holding the token",
    "pack_print.trainee_handout_pdf": "a share link opens its version to anyone holding the token",
    "reflections.write": "anyone holding a share link's token may write a reflection on it",
    "reflections.thanks": "the thank-you page after a reflection shows nothing of anyone's",
    "taxonomy.group": "the taxonomy is the admins', not a person's",
    "taxonomy.add_tag": "the taxonomy is the admins', not a person's",
    "taxonomy.edit_tag": "the taxonomy is the admins', not a person's",
    "taxonomy.merge_tag": "the taxonomy is the admins', not a person's",
    "taxonomy.delete_tag": "the taxonomy is the admins', not a person's",
}
"""Routes whose URL names something that is deliberately not one person's, with the reason. Version pages are in
the matrix (trainer against trainer) although moderators may read every version: that is checked in
tests/functional/test_access.py and the pack delivery tests."""

ANSWERS = {
    **FORM_ANSWERS, **consent_form(), "title": "Changed by someone else", "body": "Words from someone else.",
    "story_id": "", "name": "Someone else's", "query": "q=tea", "kind": "activity", "direction": "up",
    "text": "Someone else's words.", "prompts": "What changed?", "purpose": "training", "introduction": "Hello.",
    "session_name": "Tuesday group", "reason": "Not for passing on.", "answer": "agree", "action": "save",
    "confirm": "y", "decision": "pass",
}
"""Plausible answers for every form a matrix route shows; B posts them with a good CSRF token."""


def _url_map_app():
    return create_app({"TESTING": True, "SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def _roles_let_in(app, endpoint: str) -> frozenset[Role]:
    who = access_for_endpoint(app, endpoint).who
    if who == SIGNED_IN:
        return frozenset(Role)
    return who if isinstance(who, frozenset) else frozenset()


@dataclass(frozen=True)
class Case:
    endpoint: str
    role: Role
    variant: str

    def __str__(self) -> str:
        return f"{self.endpoint}-{self.role.value}-{self.variant}"


def _matrix(app) -> tuple[list[Case], list[str]]:
    """The cases to walk, and the rules with arguments that are neither owned nor listed (each one a failure)."""
    cases, unlisted = [], []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint):
        if not rule.arguments or rule.endpoint in SHARED:
            continue
        if not set(rule.arguments) <= set(OWNER_ROLES):
            unlisted.append(f"{rule.endpoint} {rule.rule}")
            continue
        roles = _roles_let_in(app, rule.endpoint)
        for name in rule.arguments:
            roles &= OWNER_ROLES[name]
        if not roles:
            unlisted.append(f"{rule.endpoint} {rule.rule}")
            continue
        for role in sorted(roles, key=lambda r: r.value):
            if "story_id" in rule.arguments:
                cases += [Case(rule.endpoint, role, variant) for variant in STORY_VARIANTS]
            else:
                cases.append(Case(rule.endpoint, role, "A's"))
                if "pack_id" in rule.arguments and set(GLOBAL_CHILDREN) & set(rule.arguments):
                    cases.append(Case(rule.endpoint, role, "B's pack, A's part"))
    return cases, unlisted


_APP = _url_map_app()
CASES, _ = _matrix(_APP)


def test_every_route_with_arguments_is_in_the_matrix_or_listed_as_shared(app):
    cases, unlisted = _matrix(app)
    assert unlisted == [], "routes naming something with no owner check here: add the argument to OWNED_ARGUMENTS " \
                           "or the route to SHARED with the reason"
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(SHARED) - endpoints == set(), "SHARED names routes that no longer exist"
    assert {case.endpoint for case in cases} == {case.endpoint for case in CASES}
    assert len(cases) >= 40


def test_a_new_route_joins_the_matrix_or_fails_until_it_is_listed():
    """Data-driven both ways: a new page naming a pack is walked by itself; one naming a thing this file does not
    know, or a story on a page for moderators, fails until it is listed."""
    fresh = _url_map_app()
    routes = {"/packs/<int:pack_id>/new-page": (Role.TRAINER,), "/widgets/<int:widget_id>": (Role.CONTRIBUTOR,),
              "/moderation/stories/<int:story_id>/new-page": (Role.MODERATOR,)}
    for number, (path, roles) in enumerate(routes.items()):
        fresh.add_url_rule(path, f"new_page_{number}", access(*roles)(lambda **_: "new"))
    cases, unlisted = _matrix(fresh)
    assert Case("new_page_0", Role.TRAINER, "A's") in cases
    assert unlisted == ["new_page_1 /widgets/<int:widget_id>", "new_page_2 /moderation/stories/<int:story_id>/new-page"]


def _people(app, make_user, role: Role, tag: str | None = None) -> tuple[object, object, FlaskClient, FlaskClient, str]:
    a = make_user(role, username=f"owner-{tag or role.value}")
    b = make_user(role, username=f"other-{tag or role.value}")
    clients = []
    for person in (a, b):
        client = app.test_client()
        Auth(app, client).sign_in(person.username)
        clients.append(client)
    return a, b, clients[0], clients[1], Auth(app, clients[1]).csrf_token("/account")


def _story_world(a, b, variant: str) -> tuple[dict, dict]:
    """A's story (a draft, or sent); a supporter's is one they wrote for someone else. B has a story too."""
    assisted = {"supporter_id": a.id, "contributor_name": "Someone A helps"} if a.has_role(Role.SUPPORTER) else {}
    make_story(b, status=StoryStatus.SUBMITTED, title="B's own story")
    story = make_story(a, status=StoryStatus.DRAFT if variant == "draft" else StoryStatus.SUBMITTED,
                       title="A's story", **assisted)
    db.session.commit()
    return {"story_id": story.id}, {}


def _trainer_world(a, b) -> tuple[dict, dict]:
    """A's pack with a section, a published version, a share link and a reflection on it; A's saved search and API
    token. B has a pack of their own (a draft) with nothing in it."""
    shown = approved(a, "The carer knocked before coming in.", title="Knocking", scopes=(Purpose.TRAINING,))
    version = publish(a, [shown])
    link, token = share(version)
    section = add_section(version.pack, a, SectionKind.ACTIVITY)
    reflection = reflections.write_reflection(token, 1, "It made me think about knocking.")
    saved = save_search(a, "Knocking", "q=knocking")
    api_token = token_services.create_token(a, "A's token", a)
    others = Pack(owner_id=b.id, title="B's own pack")
    db.session.add(others)
    db.session.commit()
    ids = {"pack_id": version.pack_id, "section_id": section.id, "link_id": link.id, "number": version.number,
           "saved_id": saved.id, "token_id": api_token.token.id, "reflection_id": reflection.id}
    return ids, {"pack_id": others.id}


def _holdings_world(a, b) -> tuple[dict, dict]:
    """A moderator's saved search, an admin's API token; B has one of their own too."""
    ids = {}
    if a.has_role(Role.MODERATOR):
        save_search(b, "B's search", "q=tea")
        ids["saved_id"] = save_search(a, "Knocking", "q=knocking").id
    if a.has_role(Role.ADMIN):
        token_services.create_token(b, "B's token", b)
        ids["token_id"] = token_services.create_token(a, "A's token", a).token.id
    db.session.commit()
    return ids, {}


def _world(role: Role, a, b, variant: str) -> tuple[dict, dict]:
    if role in STORY_WRITERS:
        return _story_world(a, b, variant)
    if role == Role.TRAINER:
        return _trainer_world(a, b)
    return _holdings_world(a, b)


def _build(rule, ids: dict) -> str:
    return rule.build({name: ids[name] for name in rule.arguments}, append_unknown=False)[1]


def _assert_refused_and_nothing_written(client, method: str, url: str, data: dict | None) -> None:
    before, last_event = _row_counts(), _last_audit_event()
    response = client.open(url, method=method, data=data)
    where = f"{method} {url} by someone who does not own it"
    assert response.status_code == 404, f"{where}: {response.status_code}"
    assert NOT_FOUND_WORDS in response.get_data(as_text=True), where
    response.close()
    assert _row_counts() == before, f"{where} wrote to the database"
    assert _last_audit_event() == last_event, f"{where} wrote to the audit log"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_nobody_reaches_anything_of_someone_else_with_the_same_role(app, make_user, case: Case):
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == case.endpoint)
    a, b, a_client, b_client, b_csrf = _people(app, make_user, case.role)
    ids, b_ids = _world(case.role, a, b, case.variant)
    url = _build(rule, {**ids, **b_ids} if case.variant == "B's pack, A's part" else ids)
    methods = sorted(rule.methods & {"GET", "POST"})
    for method in methods:
        data = {**ANSWERS, "csrf_token": b_csrf} if method == "POST" else None
        _assert_refused_and_nothing_written(b_client, method, url, data)

    # A is answered at the same address: the objects are real, so the 404s above were the owner check
    own_url = _build(rule, ids)
    if "GET" in methods:
        response = a_client.get(own_url)
    else:
        response = a_client.post(own_url, data={**ANSWERS, "csrf_token": Auth(app, a_client).csrf_token("/account")})
    assert response.status_code not in (401, 403, 404), f"{own_url} for its owner: {response.status_code}"
    assert "/sign-in" not in response.headers.get("Location", ""), own_url
    response.close()


# Pages that find their object without a URL argument.

def _story_with_key(author, key: str, title: str) -> Story:
    story = make_story(author, title=title, key_hash=keys.hash_key(key))
    db.session.commit()
    return story


def test_a_story_key_opens_only_its_own_story(app, make_user):
    """A key session is bound to one story on the server: B's key with A's reference opens nothing, and B's key
    session shows and changes only B's story, whatever is posted."""
    a, b = make_user(Role.CONTRIBUTOR, username="key-owner"), make_user(Role.CONTRIBUTOR, username="key-other")
    a_key, b_key = keys.new_key(), keys.new_key()
    a_story = _story_with_key(a, a_key, "Tea the way A likes it")
    b_story = _story_with_key(b, b_key, "B's own story")
    client = app.test_client()
    auth = Auth(app, client)
    token = auth.csrf_token("/my-story")

    before = _row_counts()
    response = client.post("/my-story", data={"reference": a_story.reference, "key": b_key, "csrf_token": token})
    assert response.status_code == 400
    assert client.get("/my-story/status").status_code == 302  # no key session was opened
    after = _row_counts()
    assert {name: count for name, count in after.items() if name != "audit_events"} == \
        {name: count for name, count in before.items() if name != "audit_events"}

    response = client.post("/my-story", data={"reference": b_story.reference, "key": b_key, "csrf_token": token})
    assert response.status_code == 302
    page = client.get("/my-story/status").get_data(as_text=True)
    assert "B&#39;s own story" in page or "B's own story" in page
    assert "Tea the way A likes it" not in page and a_story.reference not in page
    for path in ("/my-story/consent", "/my-story/withdraw"):
        assert "Tea the way A likes it" not in client.get(path).get_data(as_text=True), path
    a_consent = a_story.current_consent.id
    client.post("/my-story/withdraw", data={"story_id": a_story.id, "reference": a_story.reference,
                                            "csrf_token": token})
    db.session.expire_all()
    assert db.session.get(Story, a_story.id).status == StoryStatus.SUBMITTED
    assert db.session.get(Story, a_story.id).current_consent.id == a_consent
    assert db.session.get(Story, b_story.id).status == StoryStatus.WITHDRAWN  # the post did reach B's own story


def test_the_write_page_and_autosave_never_open_someone_elses_draft(app, make_user):
    a, b = make_user(Role.CONTRIBUTOR, username="draft-owner"), make_user(Role.CONTRIBUTOR, username="draft-other")
    draft = make_story(a, status=StoryStatus.DRAFT, title="A's draft")
    db.session.commit()
    client = app.test_client()
    auth = Auth(app, client)
    auth.sign_in(b.username)
    token = auth.csrf_token("/account")
    response = client.get(f"/stories/write?story={draft.id}")
    assert response.status_code == 404 and "A&#39;s draft" not in response.get_data(as_text=True)
    before, last_event = _row_counts(), _last_audit_event()
    response = client.post("/stories/write", data={"story_id": draft.id, "title": "Taken", "body": "Taken.",
                                                   "action": "save", "csrf_token": token})
    assert response.status_code == 404
    response = client.post("/stories/autosave", data={"story_id": draft.id, "title": "Taken", "body": "Taken.",
                                                      "csrf_token": token})
    assert response.status_code == 404
    assert _row_counts() == before and _last_audit_event() == last_event
    db.session.expire_all()
    assert db.session.get(Story, draft.id).title == "A's draft"


MARKER = "Zanzibar"
"""A word only A's things hold: B's pages must never show it."""


def _marked_story_world(a, b) -> None:
    assisted = {"supporter_id": a.id, "contributor_name": f"{MARKER} Jones"} if a.has_role(Role.SUPPORTER) else {}
    draft = make_story(a, status=StoryStatus.DRAFT, title=f"{MARKER} draft", **assisted)
    sent = make_story(a, status=StoryStatus.SUBMITTED, title=f"{MARKER} sent", **assisted)
    notify(a, sent, f"{MARKER}: a moderator has read your story.")
    make_story(b, status=StoryStatus.SUBMITTED, title="B's own story")
    notify(b, None, "Welcome.")
    assert draft.id
    db.session.commit()


def _marked_trainer_world(a, b) -> None:
    shown = approved(a, "The carer knocked before coming in.", title="Knocking", scopes=(Purpose.TRAINING,))
    version = publish(a, [shown], title=f"{MARKER} pack")
    link, token = share(version, session_name=f"{MARKER} group")
    reflections.write_reflection(token, 1, f"{MARKER}: it made me think about knocking.")
    save_search(a, f"{MARKER} search", "q=knocking")
    token_services.create_token(a, f"{MARKER} token", a)
    db.session.add(Pack(owner_id=b.id, title="B's own pack"))
    db.session.commit()


def _marked_moderator_world(a, b) -> None:
    save_search(a, f"{MARKER} search", "q=knocking")
    save_search(b, "B's search", "q=tea")
    db.session.commit()


MARKED_WORLDS = {Role.CONTRIBUTOR: _marked_story_world, Role.SUPPORTER: _marked_story_world,
                 Role.TRAINER: _marked_trainer_world, Role.MODERATOR: _marked_moderator_world}
"""Admins are left out on purpose: the audit log and the accounts pages show every person's actions to them."""


@pytest.mark.parametrize("role", list(MARKED_WORLDS), ids=lambda role: role.value)
def test_no_page_without_an_address_argument_shows_someone_elses_things(app, make_user, role):
    """Lists, notifications, the dashboard and the personal data export find their things from who is signed in:
    every such page B opens, and B's data export even when it names A, holds nothing of A's."""
    a, b, a_client, b_client, b_csrf = _people(app, make_user, role)
    MARKED_WORLDS[role](a, b)
    a_pages = ""
    walked = 0
    for rule in app.url_map.iter_rules():
        if rule.arguments or "GET" not in rule.methods or rule.endpoint == "accounts.sign_out":
            continue
        url = rule.build({}, append_unknown=False)[1]
        response = b_client.get(url, follow_redirects=True)
        if response.mimetype.startswith("image/"):
            response.close()
            continue  # the icon holds no words
        assert MARKER not in text_of(response), f"{url} shows {role.value} B something of A's"
        response.close()
        response = a_client.get(url, follow_redirects=True)
        a_pages += text_of(response)
        response.close()
        walked += 1
    assert walked >= 30
    assert MARKER in a_pages, "A's own pages show A's things, so the walk can see them"
    for url in ("/account/data.json", "/account/data.html"):
        response = b_client.post(url, data={"csrf_token": b_csrf, "user_id": a.id, "username": a.username})
        assert response.status_code == 200, url
        assert MARKER not in response.get_data(as_text=True), url
    unread = select(func.count()).select_from(Notification).where(Notification.user_id == a.id,
                                                                   Notification.read_at.is_(None))
    before = db.session.scalar(unread)
    b_client.post("/notifications/read", data={"csrf_token": b_csrf, "user_id": a.id})
    db.session.expire_all()
    assert db.session.scalar(unread) == before


def test_the_matrix_fails_when_an_owner_check_is_left_out(app, make_user, monkeypatch):
    """The walk above can fail: with own_pack ignoring the owner, B's GET and POST of A's pack are not refused."""
    from storybank.packs import services as pack_services

    monkeypatch.setattr(pack_services, "own_pack", lambda user, pack_id: db.session.get(Pack, pack_id))
    a, b, a_client, b_client, b_csrf = _people(app, make_user, Role.TRAINER)
    ids, _ = _trainer_world(a, b)
    with pytest.raises(AssertionError, match="by someone who does not own it: 200"):
        _assert_refused_and_nothing_written(b_client, "GET", f"/packs/{ids['pack_id']}", None)
    with pytest.raises(AssertionError, match="by someone who does not own it"):
        _assert_refused_and_nothing_written(b_client, "POST", f"/packs/{ids['pack_id']}/sections",
                                            {**ANSWERS, "csrf_token": b_csrf})
