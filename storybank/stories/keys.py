"""Story references and private story keys: short, printable, and easy to read aloud over the phone."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L, 5/S, 2/Z or U/V: nothing that is easy to mishear or misread.
ALPHABET = "346789ABCDEFGHJKMNPQRTWXY"


def _groups(count: int, size: int = 4) -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(count))


def new_reference() -> str:
    return "SB-" + _groups(2)


def new_key() -> str:
    """Four groups of four: about 74 bits, far beyond guessing with rate-limited look-ups."""
    return _groups(4)


def normalise(value: str) -> str:
    """People type keys in many ways: lower case, spaces, no dashes. Compare them all the same."""
    cleaned = "".join(ch for ch in value.upper() if ch.isalnum())
    return cleaned


def hash_key(key: str) -> str:
    """A random 74-bit key needs no slow hash (unlike a password a person chose): SHA-256 is enough."""
    return "sha256$" + hashlib.sha256(normalise(key).encode()).hexdigest()


def key_matches(key_hash: str | None, key: str) -> bool:
    return bool(key_hash) and hmac.compare_digest(key_hash, hash_key(key))
