"""Share-link tokens: made from 256 random bits, shown once, kept only as their SHA-256.

The one place that turns a token someone typed or clicked into a share link, so "is this link still open?" is
decided in one place: not revoked, not past its expiry, and its version still there.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select

from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs.delivery_models import ShareLink

TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 64
"""token_urlsafe(32) is 43 characters; anything much longer is not one of ours and is refused before hashing."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def link_for_token(token: str) -> ShareLink | None:
    """The share link this token opens, whether or not it is still open; None for a token that is not ours."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return db.session.scalar(select(ShareLink).where(ShareLink.token_hash == hash_token(token)))


def is_open(link: ShareLink, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return link.revoked_at is None and link.expires_at > now


def live_link(token: str) -> ShareLink | None:
    """The share link only while it is open: revoked, expired and unknown tokens all come back as None."""
    link = link_for_token(token)
    return link if link is not None and is_open(link) else None
