"""What the search index holds for one story: its title and moderated text, as others may see them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
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
