"""Accounts: signing up, signing in and out, passwords and roles. Services own the commit and the audit."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import joinedload

from storybank.accounts.models import User, UserRole, UserSession
from storybank.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from storybank.accounts.roles import Role
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db


class AccountError(ValueError):
    """A problem the person can fix; ``field`` says which form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def username_key(username: str) -> str:
    """Usernames are unique whatever their case or Unicode form, so 'Rose' and 'rose' are one person."""
    return unicodedata.normalize("NFKC", username).casefold().strip()


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username_key == username_key(username)))


@dataclass(frozen=True)
class NewAccount:
    username: str
    password: str
    email: str | None = None
    display_name: str | None = None


def create_user(account: NewAccount, roles: set[Role] | None = None, actor: User | None = None) -> User:
    if find_user(account.username) is not None:
        raise AccountError("That username is already taken. Please try another one.", "username")
    problem = password_problem(account.password, account.username)
    if problem:
        raise AccountError(problem, "password")
    roles = set(roles or {Role.CONTRIBUTOR})
    user = User(
        username=account.username.strip(),
        username_key=username_key(account.username),
        email=(account.email or "").strip() or None,
        display_name=(account.display_name or "").strip() or None,
        password_hash=hash_password(account.password),
    )
    user.role_grants = [UserRole(role=r) for r in sorted(roles)]
    db.session.add(user)
    db.session.flush()
    record("account.created", actor or user, user, after={"username": user.username,
                                                          "roles": sorted(r.value for r in roles)})
    db.session.commit()
    return user


def sign_up(account: NewAccount) -> User:
    return create_user(account, {Role.CONTRIBUTOR})


def authenticate(username: str, password: str) -> User | None:
    """The same answer, and about the same time, for an unknown username and a wrong password."""
    user = find_user(username)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        record("sign_in.failed", None, object_type="users", object_id=user.id if user else None,
               actor_label="anonymous", detail=f"username tried: {username[:60]}")
        db.session.commit()
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> str:
    """A fresh server-side session on every sign-in; the cookie holds only its random token."""
    token = secrets.token_urlsafe(32)
    user.last_sign_in_at = utcnow()
    db.session.add(UserSession(token_hash=_token_hash(token), user_id=user.id))
    record("sign_in", user, user)
    db.session.commit()
    return token


@dataclass(frozen=True)
class SessionLimits:
    idle: timedelta
    absolute: timedelta


@cache
def _session_with_person():
    """The person and their roles come in the same query: every signed-in request needs all three. Built once,
    the token's hash bound on each request, as every signed-in page asks it."""
    return (select(UserSession).where(UserSession.token_hash == bindparam("token_hash"))
            .options(joinedload(UserSession.user).joinedload(User.role_grants)))


def user_for_session(token: str | None, limits: SessionLimits, now: datetime | None = None) -> User | None:
    """The signed-in person for a session token, or None once it has ended or timed out."""
    if not token:
        return None
    now = now or utcnow()
    session_row = db.session.scalars(_session_with_person(), {"token_hash": _token_hash(token)}
                                     ).unique().one_or_none()
    if session_row is None or session_row.ended_at is not None:
        return None
    if now - session_row.last_seen_at > limits.idle or now - session_row.created_at > limits.absolute:
        session_row.ended_at = now
        record("session.timed_out", session_row.user, session_row.user)
        db.session.commit()
        return None
    if now - session_row.last_seen_at > timedelta(seconds=60):
        session_row.last_seen_at = now
        try:
            db.session.commit()
        except OperationalError:
            # A full or locked database must not stop people reading: the touch is skipped (the idle clock then
            # runs from the last touch that was saved, so a sign-in can only end sooner, never later).
            db.session.rollback()
    user = session_row.user
    return user if user.active else None


def end_session(token: str | None) -> None:
    if not token:
        return
    session_row = db.session.scalar(select(UserSession).where(UserSession.token_hash == _token_hash(token)))
    if session_row is not None and session_row.ended_at is None:
        session_row.ended_at = utcnow()
        record("sign_out", session_row.user, session_row.user)
        db.session.commit()


def end_all_sessions(user: User, keep_token: str | None = None) -> None:
    keep = _token_hash(keep_token) if keep_token else None
    for row in db.session.scalars(select(UserSession).where(UserSession.user_id == user.id,
                                                            UserSession.ended_at.is_(None))):
        if row.token_hash != keep:
            row.ended_at = utcnow()


def change_password(user: User, current: str, new: str, keep_token: str | None = None) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError("That is not your current password. Please try again.", "current_password")
    problem = password_problem(new, user.username)
    if problem:
        raise AccountError(problem, "new_password")
    user.password_hash = hash_password(new)
    end_all_sessions(user, keep_token)
    record("password.changed", user, user)
    db.session.commit()


def set_roles(user: User, roles: set[Role], actor: User) -> None:
    """Admins change roles; an admin cannot remove their own admin role, so the service is never left unrun."""
    before = sorted(r.value for r in user.roles)
    if user.id == actor.id and Role.ADMIN in user.roles and Role.ADMIN not in roles:
        raise AccountError("You cannot remove your own admin role. Ask another admin to do it.", "roles")
    existing = {grant.role: grant for grant in user.role_grants}
    for role, grant in existing.items():
        if role not in roles:
            user.role_grants.remove(grant)
    for role in roles - set(existing):
        user.role_grants.append(UserRole(role=role))
    after = sorted(r.value for r in roles)
    if before != after:
        record("roles.changed", actor, user, before={"roles": before}, after={"roles": after})
    db.session.commit()


def set_active(user: User, active: bool, actor: User) -> None:
    if user.id == actor.id and not active:
        raise AccountError("You cannot turn off your own account here.", "active")
    if user.active != active:
        record("account.activated" if active else "account.deactivated", actor, user,
               before={"active": user.active}, after={"active": active})
        user.active = active
        if not active:
            end_all_sessions(user)
    db.session.commit()
