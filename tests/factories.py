"""Test data builders. They flush, never commit, so each test decides when its data is saved."""

from __future__ import annotations

import itertools
from functools import lru_cache

from storybank.accounts.models import User, UserRole
from storybank.accounts.passwords import hash_password
from storybank.accounts.roles import Role
from storybank.accounts.services import username_key
from storybank.extensions import db

PASSWORD = "a quiet walk by the canal"
_counter = itertools.count(1)


@lru_cache(maxsize=1)
def _password_hash() -> str:
    return hash_password(PASSWORD)


def make_user(*roles: Role, username: str | None = None, **fields) -> User:
    username = username or f"person{next(_counter)}"
    user = User(username=username, username_key=username_key(username), password_hash=_password_hash(), **fields)
    user.role_grants = [UserRole(role=r) for r in (roles or (Role.CONTRIBUTOR,))]
    db.session.add(user)
    db.session.flush()
    return user
