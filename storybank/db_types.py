"""Column types shared by every domain's models."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Enum, event
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


def str_enum(cls: type[enum.Enum], name: str, length: int = 30) -> Enum:
    """Enums stored as their plain string values (no native type), so migrations are the same on every database."""
    return Enum(cls, name=name, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


def append_only(model: type, error: type[Exception], *, on_update: str, on_delete: str) -> None:
    """Refuse every ORM update and delete of ``model``: its rows are a record of what happened."""

    @event.listens_for(model, "before_update")
    def _refuse_update(mapper, connection, target):
        raise error(on_update)

    @event.listens_for(model, "before_delete")
    def _refuse_delete(mapper, connection, target):
        raise error(on_delete)


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
