"""The taxonomy (groups of tags) and the tags on each story.

Stories point at tags by id, never by name, so renaming a tag is one update and every story keeps it. A tag on a
story is only a fact once a person has confirmed it; until then it is a suggestion (see services.confirmed_tags).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, str_enum, utcnow
from storybank.extensions import db


class TagStatus(enum.StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class TagSource(enum.StrEnum):
    ANALYSIS = "analysis"
    PERSON = "person"


class TagGroup(db.Model):
    """Themes, care settings, barriers to kindness, or any group an admin adds."""

    __tablename__ = "tag_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Tag(db.Model):
    """A word a trainer can find stories by. The slug stays the same when the tag is renamed, so the analysis's
    theme suggestions (which use slugs) still land on it."""

    __tablename__ = "tags"
    __table_args__ = (
        UniqueConstraint("group_id", "slug", name="uq_tags_group_id_slug"),
        UniqueConstraint("group_id", "name", name="uq_tags_group_id_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("tag_groups.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    group = relationship(TagGroup)


class StoryTag(db.Model):
    """One tag on one story: suggested by the analysis (with the words that suggested it) or added by a person,
    and confirmed or rejected by a person."""

    __tablename__ = "story_tags"
    __table_args__ = (
        UniqueConstraint("story_id", "tag_id", name="uq_story_tags_story_id_tag_id"),
        Index("ix_story_tags_tag_id_status", "tag_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))  # ix_story_tags_tag_id_status
    status: Mapped[TagStatus] = mapped_column(str_enum(TagStatus, "story_tag_status"), default=TagStatus.SUGGESTED)
    source: Mapped[TagSource] = mapped_column(str_enum(TagSource, "story_tag_source"), default=TagSource.PERSON)
    trigger_words: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    tag = relationship(Tag)
