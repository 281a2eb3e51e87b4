"""Who is calling the API: a bearer token in the Authorization header, and nothing else (no cookies, no query)."""

from __future__ import annotations

from flask import Flask, g, request
from flask_limiter.util import get_remote_address

from storybank.accounts.models import User
from storybank.api.services import hash_token, user_for_token
from storybank.errors import json_error
from storybank.security import BEARER_CHECK

MISSING_MESSAGE = ("Please send your API token in the Authorization header, like this: Authorization: Bearer sbk_… "
            "A trainer can make a token on their account page, under API tokens.")
REFUSED_MESSAGE = ("That token does not open the API. It may have been revoked, or the account it belongs to may no "
                 "longer be a trainer's. A trainer can make a new one on their account page, under API tokens.")


def presented_token() -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    secret = secret.strip()
    return secret if scheme.lower() == "bearer" and secret else None


def _refuse(code: str, message: str):
    return json_error(401, code, message, headers={"WWW-Authenticate": f'Bearer realm="StoryBank", error="{code}"'})


def check_bearer_token():
    """Runs (through security.enforce_access) before every BEARER_TOKEN route; sets ``g.api_user`` or refuses."""
    g.api_user = None
    secret = presented_token()
    if secret is None:
        return _refuse("missing_token", MISSING_MESSAGE)
    user = user_for_token(secret)
    if user is None:
        return _refuse("invalid_token", REFUSED_MESSAGE)
    g.api_user = user
    return None


def api_user() -> User:
    return g.api_user


def rate_limit_key() -> str:
    """Per token, so one busy training system cannot slow down another; requests with no token share their
    address's allowance. Only a hash of the token is used, so the limiter's store never holds a usable one."""
    secret = presented_token()
    return f"api-token:{hash_token(secret)}" if secret else f"api-address:{get_remote_address()}"


def init_app(app: Flask) -> None:
    app.extensions[BEARER_CHECK] = check_bearer_token
