"""Connects Flask-Login to our server-side sessions."""

from __future__ import annotations

from flask import current_app, session
from flask_login import login_user, logout_user

from storybank.accounts import services
from storybank.accounts.models import User

SESSION_TOKEN_KEY = "sid"  # noqa: S105 (a session key name, not a secret)
KEPT_WORDS_KEY = "kept_words"
"""The one value that survives signing in: a random token naming words this browser typed after its sign-in ended
(stories.views.keep_words_when_signed_out). It only ever names words typed in this same browser, and they are
shown only to the person whose sign-in had ended, so carrying it over lets nobody in."""


def load_user(_user_id: str) -> User | None:
    limits = services.SessionLimits(
        idle=current_app.config["SESSION_IDLE_TIMEOUT"],
        absolute=current_app.config["SESSION_ABSOLUTE_TIMEOUT"],
    )
    return services.user_for_session(session.get(SESSION_TOKEN_KEY), limits)


def begin(user: User) -> None:
    """A new session on every sign-in: nothing from before survives into it, except the token naming words this
    browser kept while signed out (so the person can be given them back)."""
    kept_words = session.get(KEPT_WORDS_KEY)
    session.clear()
    token = services.start_session(user)
    login_user(user)
    session[SESSION_TOKEN_KEY] = token
    if isinstance(kept_words, str):
        session[KEPT_WORDS_KEY] = kept_words
    session.permanent = False


def end() -> None:
    services.end_session(session.get(SESSION_TOKEN_KEY))
    logout_user()
    session.clear()


def current_token() -> str | None:
    return session.get(SESSION_TOKEN_KEY)
