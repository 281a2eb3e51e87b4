"""The stories API for training systems: bearer tokens only, the consent gate on every answer, moderated text only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storybank.accounts import services as account_services
from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.api.models import TOKEN_PREFIX, ApiToken
from storybank.audit.models import AuditEvent
from storybank.consent import services as consent_services
from storybank.consent.models import Attribution, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.stories.models import StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagStatus
from tests.api_builders import ORIGINAL, approved
from tests.data_rights_builders import make_story
from tests.factories import make_user


@pytest.fixture
def author(app):
    return make_user(Role.CONTRIBUTOR)


@pytest.fixture
def token(trainer) -> str:
    return token_services.create_token(trainer, "Learning system", trainer).secret


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def get(client, url: str, secret: str | None):
    response = client.get(url, headers=bearer(secret) if secret else {})
    assert response.content_type == "application/json", (url, response.status_code)
    assert ORIGINAL not in response.get_data(as_text=True), url
    return response


def listed(client, secret: str, **args) -> list[str]:
    response = get(client, "/api/v1/stories?" + "&".join(f"{k}={v}" for k, v in args.items()), secret)
    assert response.status_code == 200, response.get_json()
    return [item["title"] for item in response.get_json()["stories"]]


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_cli_prints_a_new_token_alone_on_its_last_line_and_keeps_only_its_hash(runner, trainer):
    result = runner.invoke(args=["api-tokens", "create", trainer.username, "--name", "Learning system"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    assert secret.startswith(TOKEN_PREFIX) and " " not in secret
    token = db.session.scalar(select(ApiToken))
    assert token.name == "Learning system" and token.user_id == trainer.id
    assert token.token_hash == token_services.hash_token(secret) and secret not in token.token_hash
    assert token_services.user_for_token(secret).id == trainer.id
    assert "api_token.created" in actions()


def test_the_cli_revokes_a_token_by_its_number(runner, trainer):
    made = token_services.create_token(trainer, "Old system", trainer)
    result = runner.invoke(args=["api-tokens", "revoke", str(made.token.id)])
    assert result.exit_code == 0, result.output
    assert token_services.user_for_token(made.secret) is None
    assert actions()[-1] == "api_token.revoked"


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.SUPPORTER, Role.MODERATOR])
def test_only_trainers_and_admins_can_hold_a_token(runner, make_user, role):
    person = make_user(role)
    result = runner.invoke(args=["api-tokens", "create", person.username])
    assert result.exit_code != 0
    assert "tokens are for trainers" in result.output
    assert db.session.scalar(select(ApiToken)) is None


def test_a_token_stops_working_when_its_owner_loses_the_role_or_is_turned_off(make_user, admin):
    first, second = make_user(Role.TRAINER), make_user(Role.TRAINER)
    one = token_services.create_token(first, "One", first).secret
    two = token_services.create_token(second, "Two", second).secret
    account_services.set_roles(first, {Role.CONTRIBUTOR}, admin)
    account_services.set_active(second, False, admin)
    assert token_services.user_for_token(one) is None
    assert token_services.user_for_token(two) is None


def test_with_no_token_the_api_answers_401_and_says_how_to_get_one(client):
    for url in ("/api/v1/stories", "/api/v1/stories/SB-AAAA-BBBB"):
        response = get(client, url, None)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        error = response.get_json()["error"]
        assert error["code"] == "missing_token" and "account page" in error["message"]


@pytest.mark.parametrize("header", ["Bearer sbk_not-a-real-token", "Bearer nonsense", "Basic dHJhaW5lcjpwdw==",
                                    "Bearer " + "x" * 5000, "Bearer"])
def test_a_wrong_token_is_refused_with_a_kind_401(client, token, header):
    response = client.get("/api/v1/stories", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] in ("invalid_token", "missing_token")


def test_a_revoked_token_is_refused_at_once(client, trainer, token):
    assert get(client, "/api/v1/stories", token).status_code == 200
    token_services.revoke_token(db.session.scalar(select(ApiToken)), trainer)
    response = get(client, "/api/v1/stories", token)
    assert response.status_code == 401
    assert "revoked" in response.get_json()["error"]["message"]


def test_a_token_whose_owner_lost_the_trainer_role_or_was_turned_off_is_refused(client, trainer, token, admin):
    account_services.set_roles(trainer, {Role.CONTRIBUTOR}, admin)
    assert get(client, "/api/v1/stories", token).status_code == 401
    account_services.set_roles(trainer, {Role.TRAINER}, admin)
    assert get(client, "/api/v1/stories", token).status_code == 200
    account_services.set_active(trainer, False, admin)
    assert get(client, "/api/v1/stories", token).status_code == 401


def test_an_admin_token_works_too(client, admin):
    secret = token_services.create_token(admin, "Admin checks", admin).secret
    assert get(client, "/api/v1/stories", secret).status_code == 200


def test_a_signed_in_trainers_cookie_never_opens_the_api(client, auth, trainer):
    auth.sign_in(trainer.username)
    assert client.get("/account").status_code == 200
    response = get(client, "/api/v1/stories", None)
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "missing_token"


def test_the_cli_token_opens_the_api(client, runner, trainer, author):
    approved(author, "The carer knocked first.", title="Knock")
    secret = runner.invoke(args=["api-tokens", "create", trainer.username]).output.strip().splitlines()[-1]
    assert listed(client, secret) == ["Knock"]


def test_the_list_and_the_story_show_only_stories_that_pass_the_gate_for_the_purpose(client, token, author):
    training = approved(author, "Waiting for care.", title="Training only", scopes=(Purpose.TRAINING,))
    partners = approved(author, "Waiting for care.", title="Partners only", scopes=(Purpose.PARTNERS,))
    public = approved(author, "Waiting for care.", title="Public only", scopes=(Purpose.PUBLIC,))
    waiting = make_story(author, status=StoryStatus.IN_REVIEW, title="In review", body="Waiting for care.",
                         scopes=(Purpose.TRAINING, Purpose.PARTNERS))
    db.session.commit()
    assert listed(client, token) == ["Training only"]
    assert listed(client, token, q="waiting", purpose="training") == ["Training only"]
    assert listed(client, token, q="waiting", purpose="partners") == ["Partners only"]
    missing = get(client, "/api/v1/stories/SB-NONE-HERE", token)
    assert missing.status_code == 404
    for story, purpose, visible in [(training, "training", True), (training, "partners", False),
                                    (partners, "partners", True), (partners, "training", False),
                                    (public, "training", False), (waiting, "training", False)]:
        response = get(client, f"/api/v1/stories/{story.reference}?purpose={purpose}", token)
        if visible:
            assert response.status_code == 200 and response.get_json()["story"]["title"] == story.title
        else:
            assert response.status_code == 404, (story.title, purpose)
            assert response.get_json() == missing.get_json(), "a hidden story looks exactly like a missing one"


@pytest.mark.parametrize("query", ["purpose=public", "purpose=research", "purpose=", "page=0", "page=abc",
                                   "page=1001", "page=-1", "purpse=partners",
                                   "page=" + "9" * 5000, "page=%EF%BC%91"])
def test_a_parameter_the_api_does_not_understand_is_a_400_that_says_which(client, token, query):
    response = get(client, f"/api/v1/stories?{query}", token)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in ("invalid_purpose", "invalid_page", "unknown_parameter")
    response = get(client, f"/api/v1/stories/SB-AAAA-BBBB?{query}", token)
    assert response.status_code in (400, 404)


def test_a_story_withdrawn_is_gone_from_the_list_and_its_page_with_the_very_next_request(client, token, author):
    story = approved(author, "The night staff sang to me.", title="Singing")
    assert listed(client, token, q="sang") == ["Singing"]
    assert get(client, f"/api/v1/stories/{story.reference}", token).status_code == 200
    consent_services.withdraw(story, author)
    assert listed(client, token, q="sang") == []
    assert listed(client, token) == []
    assert get(client, f"/api/v1/stories/{story.reference}", token).status_code == 404


def test_answers_hold_only_the_moderated_text_never_the_original(client, token, author):
    story = approved(author, "My carer [Person A] helped me wash.", title="Washing")
    assert client.get(f"/api/v1/stories?q={ORIGINAL}", headers=bearer(token)).get_json()["total"] == 0
    body = get(client, f"/api/v1/stories/{story.reference}", token).get_json()["story"]
    assert body["text"] == "My carer [Person A] helped me wash."
    assert "body" not in body
    get(client, "/api/v1/stories?q=wash", token)  # get() asserts the original is nowhere in the answer


def test_a_story_carries_its_context_attribution_and_accepted_content_warnings(client, token, author):
    story = approved(author, "Nobody came when I rang.", title="The bell", context="Care home", days_ago=3)
    consent_services.change_consent(story, consent_services.ConsentChoice(
        scopes=frozenset({Purpose.TRAINING}), attribution=Attribution.CHOSEN_NAME, attribution_name="Rosie",
        review_date=(utcnow() + timedelta(days=365)).date()), author)
    for label, status in (("Neglect", SuggestionStatus.ACCEPTED), ("Self-harm", SuggestionStatus.REJECTED),
                          ("Abuse", SuggestionStatus.PENDING)):
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label=label,
                                  status=status, source=Source.MODERATOR, reason="moderator"))
    db.session.commit()
    body = get(client, f"/api/v1/stories/{story.reference}", token).get_json()["story"]
    assert body["reference"] == story.reference
    assert body["approved_on"] == (utcnow() - timedelta(days=3)).date().isoformat()
    assert body["care_setting"] == "Care home" and body["region"] == "Care home"
    assert body["attribution"] == {"kind": "chosen_name", "name": "Rosie"}
    assert body["content_warnings"] == ["Neglect"]
    assert body["url"].endswith(f"/api/v1/stories/{story.reference}")
    item = get(client, "/api/v1/stories", token).get_json()["stories"][0]
    assert item["attribution"] == {"kind": "chosen_name", "name": "Rosie"} and item["content_warnings"] == ["Neglect"]
    assert "text" not in item


def test_an_anonymous_story_carries_no_name(client, token, author):
    story = approved(author, "Quiet words.", title="Quiet")
    body = get(client, f"/api/v1/stories/{story.reference}", token).get_json()["story"]
    assert body["attribution"] == {"kind": "anonymous", "name": None}


def test_search_snippets_are_plain_text_with_the_matched_ranges(client, token, author):
    approved(author, "I waited <b>hours</b> & hours for the toilet.", title="Toilet")
    snippet = get(client, "/api/v1/stories?q=toilet", token).get_json()["stories"][0]["snippet"]
    assert "<mark>" not in snippet["text"] and "&amp;" not in snippet["text"] and "&lt;" not in snippet["text"]
    assert [snippet["text"][m["start"]:m["end"]] for m in snippet["marks"]] == ["toilet"]


def test_a_tag_finds_only_stories_a_person_confirmed_it_for(client, token, author):
    confirmed = approved(author, "Waiting.", title="Confirmed")
    suggested = approved(author, "Waiting.", title="Only suggested")
    approved(author, "Waiting.", title="Untagged")
    dignity = db.session.scalar(select(Tag).where(Tag.slug == "dignity"))
    db.session.add_all([StoryTag(story_id=confirmed.id, tag_id=dignity.id, status=TagStatus.CONFIRMED),
                        StoryTag(story_id=suggested.id, tag_id=dignity.id, status=TagStatus.SUGGESTED)])
    db.session.commit()
    page = get(client, "/api/v1/stories?tag=dignity", token).get_json()
    assert [s["title"] for s in page["stories"]] == ["Confirmed"]
    assert page["notes"] == []


def test_an_unknown_tag_finds_nothing_and_the_answer_says_why(client, token, author):
    approved(author, "Waiting.", title="Any")
    page = get(client, "/api/v1/stories?tag=no-such-tag", token).get_json()
    assert page["stories"] == [] and page["total"] == 0
    assert "no-such-tag" in page["notes"][0]


def test_the_list_is_paginated_with_a_link_to_the_next_page(client, token, author):
    for number in range(25):
        approved(author, "A story about waiting.", title=f"Story {number:02d}", days_ago=100 - number)
    first = get(client, "/api/v1/stories?q=waiting", token).get_json()
    assert (first["page"], first["per_page"], first["total"], first["pages"]) == (1, 20, 25, 2)
    assert len(first["stories"]) == 20
    assert "page=2" in first["next"] and "q=waiting" in first["next"]
    second = get(client, first["next"], token).get_json()
    assert second["page"] == 2 and len(second["stories"]) == 5 and second["next"] is None
    assert not {s["reference"] for s in first["stories"]} & {s["reference"] for s in second["stories"]}


def test_asking_the_api_writes_nothing(client, token, author):
    story = approved(author, "Waiting.", title="Any")
    before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    for url in ("/api/v1/stories", "/api/v1/stories?q=waiting", f"/api/v1/stories/{story.reference}",
                "/api/v1/stories/SB-NONE-HERE"):
        get(client, url, token)
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_too_many_requests_with_one_token_get_a_json_429_and_other_tokens_are_not_slowed(app, client, token,
                                                                                         make_user):
    app.config["STORYBANK_API_RATE_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            assert get(client, "/api/v1/stories", token).status_code == 200
        response = get(client, "/api/v1/stories/SB-AAAA-BBBB", token)
        assert response.status_code == 429
        assert response.get_json()["error"]["code"] == "too_many_requests"
        assert "Retry-After" in response.headers
        other = token_services.create_token(make_user(Role.TRAINER), "Other", None).secret
        assert get(client, "/api/v1/stories", other).status_code == 200
    finally:
        app.config["STORYBANK_API_RATE_LIMIT"] = "120 per minute"


def test_unknown_api_addresses_and_methods_answer_in_json(client, token):
    assert get(client, "/api/v1/nothing-here", token).status_code == 404
    response = client.post("/api/v1/stories", headers=bearer(token))
    assert response.status_code == 405 and response.get_json()["error"]["code"] == "method_not_allowed"


def test_a_bearer_route_is_refused_when_no_token_check_is_registered(tmp_path):
    from storybank import create_app
    from storybank.security import BEARER_CHECK

    fresh = create_app({"TESTING": True, "SECRET_KEY": "x" * 32,
                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'no-check.sqlite'}"})
    del fresh.extensions[BEARER_CHECK]
    response = fresh.test_client().get("/api/v1/stories", headers=bearer("sbk_anything"))
    assert response.status_code == 403


def _new_token_on_page(page: str) -> str | None:
    import re

    match = re.search(r'<code class="secret-token" id="new-token">(sbk_[^<]+)</code>', page)
    return match.group(1) if match else None


def test_a_trainer_makes_a_token_on_their_account_page_sees_it_once_and_it_works(client, auth, trainer, author):
    approved(author, "Knocking first.", title="Knock")
    auth.sign_in(trainer.username)
    assert "API tokens" in client.get("/account").get_data(as_text=True)
    assert "You have no tokens yet" in client.get("/account/api-tokens").get_data(as_text=True)
    response = client.post("/account/api-tokens", data={"name": "Learning platform",
                                                        "csrf_token": auth.csrf_token("/account/api-tokens")})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    secret = _new_token_on_page(page)
    assert secret and "only show it this once" in page
    assert listed(client, secret) == ["Knock"]
    again = client.get("/account/api-tokens").get_data(as_text=True)
    assert secret not in again and "Learning platform" in again
    assert "api_token.created" in actions()


def test_a_token_needs_a_name_and_nothing_typed_is_lost(client, auth, trainer):
    auth.sign_in(trainer.username)
    response = client.post("/account/api-tokens", data={"name": "  ", "csrf_token": auth.csrf_token(
        "/account/api-tokens")})
    assert response.status_code == 400
    assert "Please say what the token is for" in response.get_data(as_text=True)
    assert db.session.scalar(select(ApiToken)) is None


def test_a_trainer_revokes_a_token_with_the_button_and_it_stops_working(client, auth, trainer):
    secret = token_services.create_token(trainer, "Old platform", trainer).secret
    token_id = db.session.scalar(select(ApiToken.id))
    auth.sign_in(trainer.username)
    response = client.post(f"/account/api-tokens/{token_id}/revoke",
                           data={"csrf_token": auth.csrf_token("/account/api-tokens")}, follow_redirects=True)
    assert "no longer works" in response.get_data(as_text=True)
    assert "revoked on" in response.get_data(as_text=True)
    assert get(client, "/api/v1/stories", secret).status_code == 401
    assert actions()[-1] == "api_token.revoked"


def test_the_token_page_refuses_a_post_without_its_csrf_token(client, auth, trainer):
    secret = token_services.create_token(trainer, "Platform", trainer).secret
    token_id = db.session.scalar(select(ApiToken.id))
    auth.sign_in(trainer.username)
    assert client.post(f"/account/api-tokens/{token_id}/revoke").status_code == 400
    assert client.post("/account/api-tokens", data={"name": "Sneaky"}).status_code == 400
    assert get(client, "/api/v1/stories", secret).status_code == 200
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 1


def test_nobody_can_revoke_someone_elses_token(client, auth, trainer, make_user):
    secret = token_services.create_token(trainer, "Platform", trainer).secret
    token_id = db.session.scalar(select(ApiToken.id))
    other = make_user(Role.TRAINER)
    auth.sign_in(other.username)
    response = client.post(f"/account/api-tokens/{token_id}/revoke",
                           data={"csrf_token": auth.csrf_token("/account/api-tokens")})
    assert response.status_code == 404
    assert get(client, "/api/v1/stories", secret).status_code == 200
    assert "Platform" not in client.get("/account/api-tokens").get_data(as_text=True)


def test_only_trainers_and_admins_see_the_token_page(client, auth, contributor):
    auth.sign_in(contributor.username)
    assert client.get("/account/api-tokens").status_code == 403
    assert "API tokens" not in client.get("/account").get_data(as_text=True)
