"""The stories API: a page of search results, one story, and the OpenAPI description of both.

Views are thin and read only. Every story comes through the consent gate for the purpose asked: the list through
``search.services.search`` (which starts from the gate), the single story through ``consent.gate.visible_stories``.
A story that is not visible gets the same 404 as one that never existed, so the API tells nobody it is there.
"""

from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, request, url_for

from storybank.api import presenters
from storybank.api.auth import rate_limit_key
from storybank.api.openapi import openapi_document
from storybank.consent.gate import visible_stories
from storybank.consent.models import Purpose
from storybank.errors import json_error
from storybank.extensions import csrf, db, limiter
from storybank.forms_common import query_text
from storybank.search.services import PAGE_SIZE, SearchFilters, search, tags_for_slugs
from storybank.security import ANYONE, BEARER_TOKEN, access
from storybank.stories.models import Story

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # no cookie is ever accepted here, so there is no cross-site request to forge

PURPOSES = {"training": Purpose.TRAINING, "partners": Purpose.PARTNERS}
MAX_PAGE = 1000
QUERY_LIMIT = 200
_REFERENCE = re.compile(r"[A-Za-z0-9-]{1,20}")
NOT_FOUND = ("There is no story with that reference that you can use for this purpose. It may have been withdrawn, "
             "or the person may not have agreed to this use.")


class BadParameter(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _api_rate_limit() -> str:
    return current_app.config["STORYBANK_API_RATE_LIMIT"]


api_rate_limit = limiter.shared_limit(_api_rate_limit, scope="api-v1", key_func=rate_limit_key)


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return json_error(400, error.code, error.message)


def _only(*known: str) -> None:
    """An unknown parameter is refused rather than ignored, so a misspelt one (purpse=partners) is noticed at once
    instead of quietly giving the wrong stories."""
    unknown = sorted(set(request.args) - set(known))
    if unknown:
        raise BadParameter("unknown_parameter", f"This address does not take {unknown[0][:40]!r}. It takes: "
                                                f"{', '.join(known)}.")


def _purpose() -> Purpose:
    value = request.args.get("purpose", "training")
    if value not in PURPOSES:
        raise BadParameter("invalid_purpose", "purpose must be training (staff training in this organisation) or "
                                              f"partners (training in partner organisations), not {value[:40]!r}.")
    return PURPOSES[value]


def _page() -> int:
    value = request.args.get("page", "1")
    if not (value.isascii() and value.isdigit() and len(value) <= 6) or not 1 <= int(value) <= MAX_PAGE:
        raise BadParameter("invalid_page", f"page must be a whole number from 1 to {MAX_PAGE}, not {value[:20]!r}.")
    return int(value)


@bp.get("/stories")
@access(BEARER_TOKEN)
@api_rate_limit
def stories():
    _only("q", "tag", "purpose", "page")
    purpose, page = _purpose(), _page()
    text = query_text(request.args.get("q"), QUERY_LIMIT)
    slugs = request.args.getlist("tag")
    tags, unknown = tags_for_slugs(slugs)
    notes = [f"No tag is called {slug[:40]!r}, so no story can have it. Tags are the slugs of the taxonomy, "
             "such as dignity or waiting_and_delays." for slug in unknown]
    results = search(SearchFilters(text=text, purpose=purpose, tags=tags), page, nothing=bool(unknown))
    warnings = presenters.content_warnings(hit.story.id for hit in results.hits)
    items = [{**presenters.story_summary(hit.story, warnings[hit.story.id]),
              "snippet": presenters.plain_snippet(hit.snippet)} for hit in results.hits]
    more = page < results.pages or (results.more and len(results.hits) == results.per_page)
    return jsonify(
        stories=items, page=results.page, per_page=results.per_page, total=results.total,
        total_is_exact=not results.more, pages=results.pages,
        next=url_for("api.stories", q=text or None, tag=slugs or None, purpose=purpose.value, page=page + 1,
                     _external=True) if more else None,
        purpose=purpose.value, q=text, notes=notes + results.notes,
    )


@bp.get("/stories/<reference>")
@access(BEARER_TOKEN)
@api_rate_limit
def story(reference: str):
    _only("purpose")
    purpose = _purpose()
    found = None
    if _REFERENCE.fullmatch(reference):
        found = db.session.scalar(visible_stories(purpose).where(Story.reference == reference))
    if found is None:
        return json_error(404, "story_not_found", NOT_FOUND)
    warnings = presenters.content_warnings([found.id])
    return jsonify(purpose=purpose.value, story=presenters.story_in_full(found, warnings[found.id]))


@bp.get("/openapi.json")
@access(ANYONE)
def openapi():
    return jsonify(openapi_document(per_page=PAGE_SIZE, max_page=MAX_PAGE))
