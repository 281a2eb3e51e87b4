"""Connects Flask-Login to our server-side sessions."""

from __future__ import annotations

from flask import current_app, session
from flask_login import login_user, logout_user

from storybank.accounts import services
from storybank.accounts.models import User

SESSION_TOKEN_KEY = "sid"  # noqa: S105 (a session key name, not a secret)


def load_user(_user_id: str) -> User | None:
    limits = services.SessionLimits(
        idle=current_app.config["SESSION_IDLE_TIMEOUT"],
        absolute=current_app.config["SESSION_ABSOLUTE_TIMEOUT"],
    )
    return services.user_for_session(session.get(SESSION_TOKEN_KEY), limits)


def begin(user: User) -> None:
    """A new session on every sign-in: nothing from before survives into it."""
    session.clear()
    token = services.start_session(user)
    login_user(user)
    session[SESSION_TOKEN_KEY] = token
    session.permanent = False


def end() -> None:
    services.end_session(session.get(SESSION_TOKEN_KEY))
    logout_user()
    session.clear()


def current_token() -> str | None:
    return session.get(SESSION_TOKEN_KEY)
