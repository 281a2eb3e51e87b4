"""Personal API tokens: made, revoked and checked here. Services own the commit and the audit record.

A token is shown once, when it is made; only its SHA-256 is kept. Checking a token never writes, because every
API call is a GET and a GET never writes.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.api.models import TOKEN_PREFIX, ApiToken
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db

TOKEN_ROLES = (Role.TRAINER, Role.ADMIN)
NAME_LIMIT = 80
_LONGEST_TOKEN = 100  # ours are 47 characters; anything much longer is not one of ours, so it is not even hashed


class TokenError(ValueError):
    """A problem the person can fix; ``field`` says which form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str


def may_hold_tokens(user: User | None) -> bool:
    """Trainers (and admins, who run the service) may hold and use tokens, while their account is active."""
    return user is not None and user.active and user.has_role(*TOKEN_ROLES)


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, name: str, actor: User | None, *, actor_label: str | None = None) -> NewToken:
    """Make a token for ``user``; the secret in the result is the only copy there will ever be."""
    if not may_hold_tokens(user):
        raise TokenError(f"{user.username} cannot have an API token: tokens are for trainers, on an account "
                         "that can sign in.")
    name = " ".join((name or "").split())
    if not name:
        raise TokenError("Please give the token a name, so you can tell it apart later.", "name")
    if len(name) > NAME_LIMIT:
        raise TokenError(f"The name can be up to {NAME_LIMIT} characters. It is {len(name)} now.", "name")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_hash=hash_token(secret))
    db.session.add(token)
    db.session.flush()
    record("api_token.created", actor, token, after={"name": name, "for": user.username}, actor_label=actor_label)
    db.session.commit()
    return NewToken(token=token, secret=secret)


def revoke_token(token: ApiToken, actor: User | None, *, actor_label: str | None = None) -> None:
    """From this moment the token opens nothing. Safe to ask twice."""
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    record("api_token.revoked", actor, token, after={"name": token.name, "for": token.user.username},
           actor_label=actor_label)
    db.session.commit()


def tokens_of(user: User) -> list[ApiToken]:
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def own_token(user: User, token_id: int) -> ApiToken | None:
    return db.session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id))


def find_token(token_id: int) -> ApiToken | None:
    return db.session.get(ApiToken, token_id)


def user_for_token(secret: str | None) -> User | None:
    """The person a presented token belongs to, or None if it is unknown, revoked, or its owner may no longer
    hold one (role taken away, account turned off). Reads only."""
    if not secret or not secret.startswith(TOKEN_PREFIX) or len(secret) > _LONGEST_TOKEN:
        return None
    token = db.session.scalars(select(ApiToken).where(ApiToken.token_hash == hash_token(secret))
                               .options(joinedload(ApiToken.user).joinedload(User.role_grants))).unique().one_or_none()
    if token is None or token.revoked_at is not None:
        return None
    return token.user if may_hold_tokens(token.user) else None
