"""Every service records its state changes here; the caller owns the commit."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, text, update

from storybank.audit.models import AuditEvent
from storybank.audit.words import event_words
from storybank.extensions import db
from storybank.paging import Pages, count_upto, counter_upto, page_count


def record(action: str, actor: Any = None, obj: Any = None, *, object_type: str | None = None,
           object_id: Any = None, before: dict | None = None, after: dict | None = None,
           detail: str | None = None, actor_label: str | None = None) -> AuditEvent:
    """Add an audit event to the current transaction."""
    if obj is not None:
        object_type = object_type or getattr(obj, "__tablename__", type(obj).__name__)
        object_id = object_id if object_id is not None else getattr(obj, "id", None)
    actor_id = getattr(actor, "id", None)
    label = actor_label or (getattr(actor, "username", None) if actor is not None else None) or "system"
    event_row = AuditEvent(
        actor_id=actor_id,
        actor_label=label[:80],
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        before=before,
        after=after,
        detail=detail[:500] if detail else None,
    )
    db.session.add(event_row)
    return event_row


def pseudonymise_actor(user_id: int, label: str, *, names: tuple[str, ...] = ()) -> int:
    """Replace a deleted person with a pseudonym throughout the log; returns how many events were rewritten.

    The log is append-only (the ORM refuses updates), and this is the only sanctioned rewrite of it. UK GDPR gives
    a person the right to have their personal data erased, while accountability means we must still be able to
    show what was done and when (who approved a story, who withdrew it). So we keep every event and remove only
    who the person was: events they did lose their actor id and show ``label`` instead, and in events about their
    account any of ``names`` (their username, name, email address) in the detail or before/after is replaced by
    ``label`` too. A Core ``update()`` is used on purpose, so the ORM listener that guards the log is not involved.
    The caller owns the commit, so the rewrite happens together with the deletion or not at all.
    """
    table = AuditEvent.__table__
    label = label[:80]
    rewritten = db.session.execute(
        update(table).where(table.c.actor_id == user_id).values(actor_id=None, actor_label=label)
    ).rowcount or 0
    names = tuple(name for name in names if name)
    if not names:
        return rewritten
    about_them = db.session.execute(
        select(table.c.id, table.c.detail, table.c.before, table.c.after)
        .where(table.c.object_type == "users", table.c.object_id == str(user_id))
    ).all()
    for row in about_them:
        changes = {column: _without_names(getattr(row, column), names, label)
                   for column in ("detail", "before", "after")}
        changes = {column: value for column, value in changes.items() if value != getattr(row, column)}
        if changes:
            db.session.execute(update(table).where(table.c.id == row.id).values(**changes))
            rewritten += 1
    return rewritten


def _without_names(value: Any, names: tuple[str, ...], label: str) -> Any:
    if isinstance(value, str):
        for name in sorted(names, key=len, reverse=True):
            value = re.sub(re.escape(name), label, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {key: _without_names(item, names, label) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_names(item, names, label) for item in value]
    return value


@dataclass(frozen=True)
class AuditFilter:
    """What an admin asked to see; ``since`` and ``before`` are UTC instants (a "to" day is inclusive, so
    ``before`` is the start of the day after it)."""

    action: str | None = None
    actor: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: datetime | None = None
    before: datetime | None = None

    def applied(self, query: Select) -> Select:
        if self.action:
            query = query.where(AuditEvent.action == self.action)
        if self.actor:
            query = query.where(AuditEvent.actor_label == self.actor)
        if self.object_type:
            query = query.where(AuditEvent.object_type == self.object_type)
        if self.object_id:
            query = query.where(AuditEvent.object_id == self.object_id)
        if self.since:
            query = query.where(AuditEvent.occurred_at >= self.since)
        if self.before:
            query = query.where(AuditEvent.occurred_at < self.before)
        return query

    def as_dict(self) -> dict:
        return {key: value.isoformat() if isinstance(value, datetime) else value
                for key, value in asdict(self).items() if value}


def events_matching(filters: AuditFilter) -> Select:
    return filters.applied(select(AuditEvent))


@dataclass(frozen=True)
class AuditPage(Pages):
    events: list[AuditEvent]
    total: int
    page: int
    per_page: int
    more: bool = False


def audit_page(filters: AuditFilter, page: int, per_page: int) -> AuditPage:
    """The matching events, newest first, a page at a time; counted only as far as ``paging.COUNT_LIMIT`` (or the
    page asked for), like every long list: the log only grows, and an exact count read every event on each visit."""
    query = events_matching(filters)
    total, more = count_upto(counter_upto(query.with_only_columns(AuditEvent.id)), page, per_page)
    page = max(page, 1) if more else min(max(page, 1), page_count(total, per_page))
    events = list(db.session.scalars(query.order_by(AuditEvent.id.desc()).offset((page - 1) * per_page)
                                     .limit(per_page)))
    return AuditPage(events=events, total=total, page=page, per_page=per_page, more=more)


_ACTIONS = text("""
    WITH RECURSIVE seen(action) AS (
        SELECT min(action) FROM audit_events
        UNION ALL
        SELECT (SELECT later.action FROM audit_events AS later WHERE later.action > seen.action
                ORDER BY later.action LIMIT 1)
        FROM seen WHERE seen.action IS NOT NULL
    )
    SELECT action FROM seen WHERE action IS NOT NULL
""")


def actions_in_log() -> list[str]:
    """Every kind of event the log holds, in order, for the filter: one step along the index on ``action`` per
    kind (a few dozen), where ``SELECT DISTINCT`` read the whole index, one entry per event ever recorded."""
    return list(db.session.scalars(_ACTIONS))


CSV_COLUMNS = ("id", "occurred_at", "actor", "actor_id", "action", "what_happened", "object_type", "object_id",
               "before", "after", "detail")
EXPORT_BATCH = 500


def _cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ would otherwise run as a formula."""
    text = "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_audit_csv(filters: AuditFilter, admin: Any) -> Iterator[str]:
    """The matching events as CSV, newest first, read a batch at a time so a long log never sits in memory.
    The export itself is recorded (and committed) before the first row is sent."""
    record("audit.exported", admin, object_type="audit_events", after=filters.as_dict() or None)
    db.session.commit()
    return _csv_rows(filters)


def _csv_rows(filters: AuditFilter) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(value) for value in values])
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    last_id = None
    while True:
        query = events_matching(filters).order_by(AuditEvent.id.desc()).limit(EXPORT_BATCH)
        if last_id is not None:
            query = query.where(AuditEvent.id < last_id)
        batch = db.session.scalars(query).all()
        if not batch:
            return
        for event in batch:
            yield line((str(event.id), event.occurred_at.isoformat(), event.actor_label,
                        None if event.actor_id is None else str(event.actor_id), event.action,
                        event_words(event.action), event.object_type, event.object_id, event.before, event.after,
                        event.detail))
        last_id = batch[-1].id
        db.session.expunge_all()
