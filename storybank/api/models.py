"""Personal API tokens: a trainer's key for a training system to read approved stories."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, utcnow
from storybank.extensions import db

TOKEN_PREFIX = "sbk_"  # noqa: S105 (a prefix that makes a leaked token easy to recognise, not a secret)


class ApiToken(db.Model):
    """Only the SHA-256 of the token is kept, so a copy of the database cannot be used to call the API.

    There is deliberately no "last used" time: the API only reads, and a GET never writes. Knowing when a token
    was last used is not worth a write on every call (or a cache to thin the writes out); revoking an unneeded
    token is the answer to "is this one still needed?".
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user = relationship("User")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
