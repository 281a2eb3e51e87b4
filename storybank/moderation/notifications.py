"""Telling contributors what happened to their story: on "My stories" always, and by email when they gave one.

Email goes through an EmailSender chosen by STORYBANK_EMAIL_SENDER ("log" prints it to the log, the default in
development). Tests may put a sender object straight into the config.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from storybank.accounts.models import User
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Notification
from storybank.paging import Pages, one_page
from storybank.stories.models import Story

log = logging.getLogger("storybank.email")

EMAIL_SUBJECT = "News about your story on StoryBank"


class EmailSender(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


class LogEmailSender:
    """Writes the message to the log instead of sending it, so nothing leaves the machine in development."""

    def send(self, to: str, subject: str, body: str) -> None:
        log.info("Email to %s: %s\n%s", to, subject, body)


SENDERS: dict[str, type] = {"log": LogEmailSender}


def email_sender() -> EmailSender:
    chosen = current_app.config.get("STORYBANK_EMAIL_SENDER", "log")
    if not isinstance(chosen, str):
        return chosen
    if chosen not in SENDERS:
        raise RuntimeError(f"STORYBANK_EMAIL_SENDER is {chosen!r}; it can be one of: {', '.join(SENDERS)}.")
    return SENDERS[chosen]()


def notify(user: User | None, story: Story | None, text: str) -> Notification | None:
    """Add a notification to the current transaction; the caller commits, then calls send_emails()."""
    if user is None:
        return None
    note = Notification(user_id=user.id, story_id=story.id if story else None, text=text)
    db.session.add(note)
    return note


def send_emails(notes: Iterable[Notification | None]) -> None:
    """After the commit: a failed email is logged and never undoes what was decided."""
    sender = None
    for note in notes:
        if note is None:
            continue
        user = db.session.get(User, note.user_id)
        if user is None or not user.email:
            continue
        sender = sender or email_sender()
        try:
            sender.send(user.email, EMAIL_SUBJECT, _email_body(user, note))
        except Exception:
            current_app.logger.exception("Could not send an email about notification %s", note.id)


def _email_body(user: User, note: Notification) -> str:
    return (f"Hello {user.name_to_show},\n\n{note.text}\n\n"
            "You can see all your stories by signing in to StoryBank and opening \"My stories\".\n\n"
            "With thanks,\nThe StoryBank team")


def notifications_for(user: User, story: Story | None = None) -> list[Notification]:
    """Newest first; pass a story to get only the ones about it."""
    query = select(Notification).where(Notification.user_id == user.id)
    if story is not None:
        query = query.where(Notification.story_id == story.id)
    return list(db.session.scalars(query.order_by(Notification.created_at.desc(), Notification.id.desc())))


NOTIFICATIONS_PAGE_SIZE = 20


@dataclass(frozen=True)
class NotificationPage(Pages):
    items: list[Notification]
    total: int
    page: int
    per_page: int


def notifications_page(user: User, page: int = 1, per_page: int = NOTIFICATIONS_PAGE_SIZE) -> NotificationPage:
    """A person's messages a page at a time, newest first (the (user_id, created_at, id) index)."""
    items, total, page = one_page(select(Notification).where(Notification.user_id == user.id)
                                  .options(joinedload(Notification.story)),
                                  (Notification.created_at.desc(), Notification.id.desc()), page, per_page)
    return NotificationPage(items=items, total=total, page=page, per_page=per_page)


def unread_count(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Notification)
                             .where(Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def mark_all_read(user: User) -> None:
    db.session.execute(update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.commit()
