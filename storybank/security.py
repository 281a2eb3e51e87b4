"""Who may use which route. Every view declares its access; a route without one is refused (fail closed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from flask import Flask, abort, current_app, redirect, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role

ANYONE = "anyone"
SIGNED_IN = "signed_in"
BEARER_TOKEN = "bearer_token"  # noqa: S105 (the name of an access kind, not a secret)
BEARER_CHECK = "storybank.bearer_check"


@dataclass(frozen=True)
class Access:
    """``who`` is ANYONE, SIGNED_IN, BEARER_TOKEN, or a frozenset of roles (any one of them is enough).

    BEARER_TOKEN routes are for programs, not people: a signed-in session never opens them (``allows`` is False for
    everyone); only the bearer check the app registers under BEARER_CHECK does (see ``enforce_access``).
    """

    who: str | frozenset[Role]

    def allows(self, user) -> bool:
        if self.who == ANYONE:
            return True
        if self.who == BEARER_TOKEN:
            return False
        if not getattr(user, "is_authenticated", False):
            return False
        if self.who == SIGNED_IN:
            return True
        return user.has_role(*self.who)

    @property
    def needs_sign_in(self) -> bool:
        return self.who not in (ANYONE, BEARER_TOKEN)


def access(*who: str | Role) -> Callable:
    """Declare who may use a view: ``@access(ANYONE)``, ``@access(SIGNED_IN)``, ``@access(BEARER_TOKEN)`` or
    ``@access(Role.ADMIN, ...)``."""
    if len(who) == 1 and who[0] in (ANYONE, SIGNED_IN, BEARER_TOKEN):
        rule = Access(who[0])
    else:
        if not who or not all(isinstance(w, Role) for w in who):
            raise ValueError("access() takes ANYONE, SIGNED_IN, BEARER_TOKEN or one or more roles")
        rule = Access(frozenset(who))

    def decorate(view: Callable) -> Callable:
        view.access = rule
        return view

    return decorate


def access_for_endpoint(app: Flask, endpoint: str | None) -> Access | None:
    if endpoint is None:
        return None
    if endpoint == "static" or endpoint.endswith(".static"):
        return Access(ANYONE)
    view = app.view_functions.get(endpoint)
    return getattr(view, "access", None)


def enforce_access() -> None:
    """Runs before every request: unknown routes 404 as usual, undeclared ones are refused."""
    if request.url_rule is None:
        return None
    rule = access_for_endpoint(current_app, request.endpoint)
    if rule is None:
        current_app.logger.error("Route %s has no declared access; refusing it.", request.endpoint)
        abort(403)
    if rule.who == BEARER_TOKEN:
        return _check_bearer_token()
    if rule.allows(current_user):
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
    abort(403)


def _check_bearer_token():
    """The API registers its token check in ``app.extensions`` (this module knows nothing of tokens, and never looks
    at the session cookie for these routes). With no check registered the route is refused: fail closed."""
    check = current_app.extensions.get(BEARER_CHECK)
    if check is None:
        current_app.logger.error("Route %s needs a bearer token but no check is registered; refusing it.",
                                 request.endpoint)
        abort(403)
    return check()


def is_safe_next(target: str | None) -> bool:
    """Only paths on this site: no other host, no scheme, no backslash tricks."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    host_url = urlsplit(request.host_url)
    test_url = urlsplit(urljoin(request.host_url, target))
    return test_url.scheme in ("http", "https") and host_url.netloc == test_url.netloc


def add_security_headers(response):
    headers = response.headers
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if current_app.config.get("HSTS"):
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint != "static":
        headers["Cache-Control"] = "no-store"
    return response
