"""Column types shared by every domain's models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """SQLite forgets time zones; this hands back aware UTC datetimes on every database."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use storybank.db_types.utcnow()")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None


def compare_column_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """Alembic's type comparison, told that UTCDateTime is stored as a timezone-aware DateTime."""
    if isinstance(metadata_type, UTCDateTime):
        return context.impl.compare_type(inspected_column, Column(metadata_column.name, metadata_type.impl))
    return None
