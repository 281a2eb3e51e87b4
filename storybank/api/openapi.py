"""The OpenAPI 3 description of the stories API, served at /api/v1/openapi.json and checked by schemathesis in the
tests, so the description and the API cannot drift apart."""

from __future__ import annotations

from storybank.consent.models import Attribution

_NULLABLE_STRING = {"type": ["string", "null"]}


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def openapi_document(*, per_page: int, max_page: int) -> dict:
    purpose = {
        "name": "purpose", "in": "query", "required": False,
        "description": "What the stories are for. Only stories whose contributor agreed to this use are shown.",
        "schema": {"type": "string", "enum": ["training", "partners"], "default": "training"},
    }
    summary_properties = {
        "reference": {"type": "string", "description": "The story's reference, for example SB-AB12-CD34."},
        "title": {"type": "string"},
        "approved_on": {"type": ["string", "null"], "format": "date", "description": "The day it was approved."},
        "care_setting": _NULLABLE_STRING,
        "region": _NULLABLE_STRING,
        "attribution": {"$ref": "#/components/schemas/Attribution"},
        "content_warnings": {"type": "array", "items": {"type": "string"},
                             "description": "Content warnings a moderator accepted for this story."},
        "url": {"type": "string", "format": "uri", "description": "Where to fetch the whole story."},
    }
    summary_required = list(summary_properties)
    errors = {"400": _error("A parameter is not one the API understands, or is not one this address takes; the "
                            "message says which."),
              "401": _error("No token was sent, or the token does not open the API (revoked, or its account is "
                            "no longer a trainer's)."),
              "429": _error("Too many requests with this token in a short time; wait a minute and try again.")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "StoryBank stories API",
            "version": "1.0.0",
            "description": (
                "Approved stories for training care staff, for training systems. Every answer holds only stories "
                "whose contributor agreed to the purpose asked for, at the moment of the request, and only the "
                "moderated text, with personal details taken out. A trainer makes a personal token on their "
                "account page; send it as `Authorization: Bearer sbk_…`."),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerToken": []}],
        "paths": {
            "/api/v1/stories": {
                "get": {
                    "operationId": "listStories",
                    "summary": "Search approved stories, most relevant first, a page at a time.",
                    "parameters": [
                        {"name": "q", "in": "query", "required": False,
                         "description": 'Words to find; "a phrase" in quotes; -word to leave stories out.',
                         "schema": {"type": "string"}},
                        {"name": "tag", "in": "query", "required": False,
                         "description": "A tag's slug (such as dignity); repeat it for several. Only tags a person "
                                        "confirmed count. A story needs one of the tags in each group you name.",
                         "schema": {"type": "array", "items": {"type": "string"}}, "style": "form",
                         "explode": True},
                        purpose,
                        {"name": "page", "in": "query", "required": False,
                         "schema": {"type": "integer", "minimum": 1, "maximum": max_page, "default": 1}},
                    ],
                    "responses": {
                        "200": {"description": f"A page of up to {per_page} stories.",
                                "content": {"application/json": {
                                    "schema": {"$ref": "#/components/schemas/StoryPage"}}}},
                        **errors,
                    },
                },
            },
            "/api/v1/stories/{reference}": {
                "get": {
                    "operationId": "getStory",
                    "summary": "One approved story, with its whole moderated text.",
                    "parameters": [
                        {"name": "reference", "in": "path", "required": True, "schema": {"type": "string"}},
                        purpose,
                    ],
                    "responses": {
                        "200": {"description": "The story.",
                                "content": {"application/json": {
                                    "schema": {"$ref": "#/components/schemas/StoryAnswer"}}}},
                        "404": _error("No story with this reference may be used for this purpose: it does not "
                                      "exist, or it is withdrawn, or its contributor did not agree to this use. "
                                      "The answer is the same in each case."),
                        **errors,
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {
                "bearerToken": {"type": "http", "scheme": "bearer",
                                "description": "A personal API token (sbk_…) made by a trainer."},
            },
            "schemas": {
                "Attribution": {
                    "type": "object", "additionalProperties": False, "required": ["kind", "name"],
                    "description": "The name shown with the story, as its contributor chose. Anonymous: no name.",
                    "properties": {"kind": {"type": "string", "enum": [a.value for a in Attribution]},
                                   "name": _NULLABLE_STRING},
                },
                "Snippet": {
                    "type": "object", "additionalProperties": False, "required": ["text", "marks"],
                    "description": "Plain text around the matched words (no HTML). marks are the matched ranges, in "
                                   "Unicode code points, end exclusive.",
                    "properties": {
                        "text": {"type": "string"},
                        "marks": {"type": "array", "items": {
                            "type": "object", "additionalProperties": False, "required": ["start", "end"],
                            "properties": {"start": {"type": "integer", "minimum": 0},
                                           "end": {"type": "integer", "minimum": 0}}}},
                    },
                },
                "StorySummary": {
                    "type": "object", "additionalProperties": False,
                    "required": [*summary_required, "snippet"],
                    "properties": {**summary_properties, "snippet": {"$ref": "#/components/schemas/Snippet"}},
                },
                "Story": {
                    "type": "object", "additionalProperties": False,
                    "required": [*summary_required, "text"],
                    "properties": {**summary_properties,
                                   "text": {"type": "string", "description": "The moderated text."}},
                },
                "StoryPage": {
                    "type": "object", "additionalProperties": False,
                    "required": ["stories", "page", "per_page", "total", "total_is_exact", "pages", "next", "purpose",
                                 "q", "notes"],
                    "properties": {
                        "stories": {"type": "array", "items": {"$ref": "#/components/schemas/StorySummary"}},
                        "page": {"type": "integer", "minimum": 1},
                        "per_page": {"type": "integer", "minimum": 1},
                        "total": {"type": "integer", "minimum": 0,
                                  "description": "How many stories match, counted up to 1000."},
                        "total_is_exact": {"type": "boolean",
                                           "description": "False when more stories match than total says; follow "
                                                          "next for more pages."},
                        "pages": {"type": "integer", "minimum": 1},
                        "next": {"type": ["string", "null"], "format": "uri",
                                 "description": "The next page, or null on the last one."},
                        "purpose": {"type": "string", "enum": ["training", "partners"]},
                        "q": {"type": "string", "description": "The words searched for, as the API read them."},
                        "notes": {"type": "array", "items": {"type": "string"},
                                  "description": "Plain-English notes about this answer, such as a parameter that "
                                                 "was accepted but not used."},
                    },
                },
                "StoryAnswer": {
                    "type": "object", "additionalProperties": False, "required": ["purpose", "story"],
                    "properties": {"purpose": {"type": "string", "enum": ["training", "partners"]},
                                   "story": {"$ref": "#/components/schemas/Story"}},
                },
                "Error": {
                    "type": "object", "additionalProperties": False, "required": ["error"],
                    "properties": {"error": {
                        "type": "object", "additionalProperties": False, "required": ["status", "code", "message"],
                        "properties": {"status": {"type": "integer"}, "code": {"type": "string"},
                                       "message": {"type": "string"}}}},
                },
            },
        },
    }
