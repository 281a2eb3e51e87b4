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


@dataclass(frozen=True)
class Access:
    """``who`` is ANYONE, SIGNED_IN, or a frozenset of roles (any one of them is enough)."""

    who: str | frozenset[Role]

    def allows(self, user) -> bool:
        if self.who == ANYONE:
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        if self.who == SIGNED_IN:
            return True
        return user.has_role(*self.who)

    @property
    def needs_sign_in(self) -> bool:
        return self.who != ANYONE


def access(*who: str | Role) -> Callable:
    """Declare who may use a view: ``@access(ANYONE)``, ``@access(SIGNED_IN)`` or ``@access(Role.ADMIN, ...)``."""
    if len(who) == 1 and who[0] in (ANYONE, SIGNED_IN):
        rule = Access(who[0])
    else:
        if not who or not all(isinstance(w, Role) for w in who):
            raise ValueError("access() takes ANYONE, SIGNED_IN or one or more roles")
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
    if rule.allows(current_user):
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
    abort(403)


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
