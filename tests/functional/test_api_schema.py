"""The stories API keeps to its own OpenAPI description: schemathesis generates requests from the document served
at /api/v1/openapi.json and checks every answer against it (no server errors, documented status codes, content
types and response schemas). It runs on the app itself (WSGI, no network), on both databases, with a real token."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from tests.api_builders import approved
from tests.factories import make_user

MAX_EXAMPLES = 30


@pytest.fixture
def api_token(app, trainer) -> str:
    return token_services.create_token(trainer, "Schema check", trainer).secret


@pytest.fixture
def seeded_stories(app) -> list[str]:
    author = make_user(Role.CONTRIBUTOR)
    stories = [
        approved(author, "I waited three hours for the toilet & nobody came.", title="Waiting", context="Care home"),
        approved(author, "The carer <b>knocked</b> before coming in.", title="Knocking", scopes=(Purpose.PARTNERS,)),
        approved(author, "Tea the way I like it, every morning.", title="Tea",
                 scopes=(Purpose.TRAINING, Purpose.PARTNERS)),
    ]
    db.session.add(Suggestion(story_id=stories[0].id, kind=SuggestionKind.CONTENT_WARNING, label="Neglect",
                              status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
    db.session.commit()
    return [story.reference for story in stories]


@pytest.fixture
def api_schema(app, seeded_stories):
    """Each request in its own app context, so its database session and ``g`` are its own, as in production."""
    app.config["STORYBANK_API_RATE_LIMIT"] = "100000 per minute"

    def wsgi(environ, start_response):
        with app.app_context():
            return app.wsgi_app(environ, start_response)

    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi)
    app.config["STORYBANK_API_RATE_LIMIT"] = "120 per minute"


def _check_every_operation(api_schema, token: str, mode: GenerationMode) -> int:
    """Hypothesis drives schemathesis' strategies directly: schemathesis' own pytest wrapper does not run on this
    pytest yet, and this keeps the settings (few examples, derandomised) in one visible place."""
    checked = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

        check()
        checked += 1
    return checked


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_openapi_description(api_schema, api_token, mode):
    assert _check_every_operation(api_schema, api_token, mode) == 2


def test_seeded_stories_answer_as_the_description_says(api_schema, api_token, seeded_stories):
    operation = api_schema["/api/v1/stories/{reference}"]["GET"]
    for reference in seeded_stories:
        for purpose in ("training", "partners"):
            case = operation.Case(path_parameters={"reference": reference}, query={"purpose": purpose})
            case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"})
    listing = api_schema["/api/v1/stories"]["GET"]
    for query in ({}, {"q": "toilet"}, {"q": "tea", "purpose": "partners"}, {"tag": "dignity"}):
        listing.Case(query=query).call_and_validate(headers={"Authorization": f"Bearer {api_token}"})
