"""Password hashing (argon2id with argon2-cffi's defaults, which meet OWASP ASVS 5.0) and the password rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 128

_hasher = PasswordHasher()
# A real hash to verify against when the username is unknown, so both paths take the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password-but-the-same-cost")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = (Path(__file__).with_name("common_passwords.txt")).read_text().splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str = "") -> str | None:
    """The kind reason a new password cannot be used, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Your password needs at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Your password can be up to {MAX_LENGTH} characters. Please choose a shorter one."
    if password.lower() in common_passwords():
        return "That password is one that many people use, so it is easy to guess. Please choose another."
    if username and password.lower() == username.lower():
        return "Your password cannot be the same as your username. Please choose another."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
