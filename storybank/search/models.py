"""What the search index holds for one story (its title and moderated text, as others may see them), and the
searches trainers keep to run again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storybank.db_types import UTCDateTime, utcnow
from storybank.extensions import db


class SearchDocument(db.Model):
    """One row per story that may be found. On SQLite an FTS5 table mirrors it through triggers; on PostgreSQL a
    GIN index over its tsvector does the same (both created by the migration, see ``search.engine``)."""

    __tablename__ = "search_documents"

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SavedSearch(db.Model):
    """A trainer's search, kept to run again: only the question (the search page's address), never the stories it
    found. Each time it is opened it is run afresh behind the consent gate, so a story withdrawn since it was saved
    can never come back through it."""

    __tablename__ = "saved_searches"
    __table_args__ = (Index("ix_saved_searches_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))  # the index above
    name: Mapped[str] = mapped_column(String(120))
    query: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
