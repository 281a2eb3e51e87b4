"""A training pack and its sections, in order.

A story section holds only the story's id: never its title, text or warnings. The story is read through the consent
gate every time the pack is shown, so a story withdrawn a moment ago is gone from every pack in the next request.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, str_enum, utcnow
from storybank.extensions import db


class PackPurpose(enum.StrEnum):
    """The consent a pack's stories need: the same words as the consent scopes they are checked against."""

    TRAINING = "training"
    PARTNERS = "partners"


class PackStatus(enum.StrEnum):
    DRAFT = "draft"


class SectionKind(enum.StrEnum):
    STORY = "story"
    ACTIVITY = "activity"
    NOTES = "notes"
    PROMPTS = "prompts"


class PackSection(db.Model):
    __tablename__ = "pack_sections"
    __table_args__ = (Index("ix_pack_sections_pack_id_position", "pack_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("packs.id", ondelete="CASCADE"))  # the index above
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[SectionKind] = mapped_column(str_enum(SectionKind, "pack_section_kind"))
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    """Only the reference to a story; a story erased later leaves a section that shows the placeholder."""
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    """Markdown, shown only through storybank.text.sanitize."""
    prompts: Mapped[list[str]] = mapped_column(JSON, default=list)


class Pack(db.Model):
    __tablename__ = "packs"
    __table_args__ = (Index("ix_packs_owner_id_updated_at", "owner_id", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))  # the index above
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(200), default="")
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    learning_outcomes: Mapped[str] = mapped_column(Text, default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    """Markdown, shown only through storybank.text.sanitize."""
    purpose: Mapped[PackPurpose] = mapped_column(str_enum(PackPurpose, "pack_purpose"), default=PackPurpose.TRAINING)
    status: Mapped[PackStatus] = mapped_column(str_enum(PackStatus, "pack_status"), default=PackStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sections: Mapped[list[PackSection]] = relationship(
        PackSection, order_by=PackSection.position, cascade="all, delete-orphan", passive_deletes=True)
