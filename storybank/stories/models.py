"""A story and the moderated version of it that others may see."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, str_enum, utcnow
from storybank.extensions import db


class StoryStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @property
    def plain_words(self) -> str:
        return STATUS_WORDS[self]


STATUS_WORDS = {
    StoryStatus.DRAFT: "Not sent yet – only you can see it",
    StoryStatus.SUBMITTED: "Sent – waiting for a moderator to read it",
    StoryStatus.IN_REVIEW: "A moderator is reading it now",
    StoryStatus.APPROVED: "Approved – it can be used in the ways you agreed",
    StoryStatus.CHANGES_REQUESTED: "We have asked you about a change",
    StoryStatus.DECLINED: "Not used this time – we have told you why",
    StoryStatus.WITHDRAWN: "Withdrawn – nobody else can see it",
}


WAITING_PREDICATE = "status IN ('submitted', 'in_review')"
"""The partial index's condition, word for word: SQLite uses a partial index only for a query that says the same."""


class Story(db.Model):
    __tablename__ = "stories"
    __table_args__ = (
        # Lists of approved stories: newest first (search, the public page) and the regions offered as filters.
        Index("ix_stories_status_approved_at_id", "status", "approved_at", "id"),
        Index("ix_stories_status_region", "status", "region"),
        # The moderation queue, oldest first, and the care settings it offers (also search's count by care setting
        # and region, without reading each story); "My stories", newest first.
        Index("ix_stories_status_submitted_at_id", "status", "submitted_at", "id"),
        # Every waiting story, oldest first, whichever of the two waiting statuses it has: a page of the queue
        # walks this from its start (the index above is ordered by status first, so the two statuses had to be
        # read whole and sorted on PostgreSQL). Used when a query names the statuses as written here
        # (``moderation.common.is_waiting``); migration a8d3f5e1c7b9.
        Index("ix_stories_waiting_submitted_at_id", "submitted_at", "id",
              sqlite_where=text(WAITING_PREDICATE), postgresql_where=text(WAITING_PREDICATE)),
        Index("ix_stories_status_care_setting_region", "status", "care_setting", "region"),
        Index("ix_stories_author_id_updated_at_id", "author_id", "updated_at", "id"),
        Index("ix_stories_supporter_id_updated_at_id", "supporter_id", "updated_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    key_hash: Mapped[str | None] = mapped_column(String(255))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    supporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    contributor_name: Mapped[str | None] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(Text)
    moderated_body: Mapped[str | None] = mapped_column(Text)
    # The title with the redactions a moderator accepted: what everyone but the author and moderators sees.
    moderated_title: Mapped[str | None] = mapped_column(String(200))
    care_setting: Mapped[str | None] = mapped_column(String(80))
    region: Mapped[str | None] = mapped_column(String(80))
    about_whom: Mapped[str | None] = mapped_column(String(80))
    when_happened: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[StoryStatus] = mapped_column(str_enum(StoryStatus, "story_status"), default=StoryStatus.DRAFT,
                                                index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    author = relationship("User", foreign_keys=[author_id])
    supporter = relationship("User", foreign_keys=[supporter_id])
    consent_records = relationship("ConsentRecord", back_populates="story", order_by="ConsentRecord.id",
                                   passive_deletes="all")

    @property
    def current_consent(self):
        return self.consent_records[-1] if self.consent_records else None


class PendingDraft(db.Model):
    """Words sent after the sign-in ended, kept until the person signs in again in the same browser and asks for
    them back.

    ``token_hash`` is the hash of a random token held only in the signed session cookie of the browser that typed
    the words, so a link sent to someone else opens nothing; one row per browser, a newer save replaces it.
    ``user_id`` is whose sign-in had just ended in that browser: only they are shown the words. ``story_id`` is
    kept only when that person wrote or helped share the story (see services.keep_words_typed_signed_out).
    Unclaimed rows are removed after a day.
    """

    __tablename__ = "pending_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    fields: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class StoryKeySession(db.Model):
    """A few minutes of access to one story, opened with its reference and key, without signing in.

    Kept on the server so that "I have finished" really ends it: the browser's cookie holds only a random token,
    whose hash is stored here, so a copy of an old cookie opens nothing once the row is gone or has expired.
    """

    __tablename__ = "story_key_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
