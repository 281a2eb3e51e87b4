"""What a published pack becomes: frozen versions, the share links that open them, and trainees' reflections.

A version is a copy of the pack's own words (title, introduction, sections, prompts) at the moment it was
published, so a session already run can be read again as it was. It never holds a story's words: a story section
keeps only the story's id, and the story is read through the consent gate every time a version is shown.

A share link keeps only the SHA-256 of its token (as API tokens do), so a copy of the database opens no pack.
A reflection keeps no name and no account: it belongs to a story and to the session it came from, and reaches the
person who shared the story only after a person has approved it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, str_enum, utcnow
from storybank.extensions import db
from storybank.packs.models import PackPurpose


class PackVersion(db.Model):
    __tablename__ = "pack_versions"
    __table_args__ = (UniqueConstraint("pack_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("packs.id", ondelete="CASCADE"))  # the unique index above
    number: Mapped[int] = mapped_column(Integer)
    """1 for the first publication, then 2, 3…: the newest is the one a new share link opens."""
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(200), default="")
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    learning_outcomes: Mapped[str] = mapped_column(Text, default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[PackPurpose] = mapped_column(str_enum(PackPurpose, "pack_purpose"))
    sections: Mapped[list[dict]] = mapped_column(JSON, default=list)
    """Each: {"key": int, "kind": "story"|"activity"|"notes"|"prompts", "story_id": int|None, "title": str,
    "body": str (Markdown), "prompts": [str]}. ``key`` is the section's place in this version, stable for links."""

    pack = relationship("Pack")


class PackVersionStory(db.Model):
    """Which stories a version holds, so "how many sessions used my story" is one indexed query, not a scan of
    every version's sections."""

    __tablename__ = "pack_version_stories"

    version_id: Mapped[int] = mapped_column(ForeignKey("pack_versions.id", ondelete="CASCADE"), primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)


class ShareLink(db.Model):
    __tablename__ = "share_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("pack_versions.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    session_name: Mapped[str] = mapped_column(String(120), default="")
    """Optional, for the trainer and the contributor: "Induction, 12 March"."""
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    version = relationship(PackVersion)


class ReflectionStatus(enum.StrEnum):
    WAITING = "waiting"
    APPROVED = "approved"
    REJECTED = "rejected"


class Reflection(db.Model):
    __tablename__ = "reflections"
    __table_args__ = (
        Index("ix_reflections_story_id_status_created_at", "story_id", "status", "created_at"),
        Index("ix_reflections_pack_id_status_created_at", "pack_id", "status", "created_at"),
        Index("ix_reflections_status_created_at", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))  # the index above
    pack_id: Mapped[int] = mapped_column(ForeignKey("packs.id", ondelete="CASCADE"))  # the index above
    version_id: Mapped[int | None] = mapped_column(ForeignKey("pack_versions.id", ondelete="SET NULL"), index=True)
    share_link_id: Mapped[int | None] = mapped_column(ForeignKey("share_links.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[ReflectionStatus] = mapped_column(str_enum(ReflectionStatus, "reflection_status"),
                                                     default=ReflectionStatus.WAITING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    """Why a reflection was not passed on, for the record: never shown to the person who shared the story."""
