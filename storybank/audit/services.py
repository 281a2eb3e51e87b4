"""Every service records its state changes here; the caller owns the commit."""

from __future__ import annotations

from typing import Any

from storybank.audit.models import AuditEvent
from storybank.extensions import db


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
