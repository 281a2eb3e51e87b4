"""Telling contributors what happened to their story: on "My stories" always, and by email when they gave one.

Email goes through the sender chosen in storybank/mail.py ("log", the default in development, or "smtp"). The
email says only that there is news and where to read it: no story title, no story text and no moderator's
message leave the service by email, since an inbox is read over shoulders and forwarded. A failed email is tried
again a few times, then logged; the notification on the page is already committed and stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from flask import current_app, has_request_context, request, url_for
from markupsafe import escape
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import joinedload

from storybank.accounts.models import User
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.mail import Email, EmailSender, send_with_retries, sender_from_config
from storybank.moderation.models import Notification
from storybank.paging import Pages, one_page
from storybank.stories.models import Story

EMAIL_SUBJECT = "News about your story on StoryBank"


def email_sender() -> EmailSender:
    return sender_from_config(current_app.config)


def notify(user: User | None, story: Story | None, text: str) -> Notification | None:
    """Add a notification to the current transaction; the caller commits, then calls send_emails()."""
    if user is None:
        return None
    note = Notification(user_id=user.id, story_id=story.id if story else None, text=text)
    db.session.add(note)
    return note


def send_emails(notes: Iterable[Notification | None]) -> None:
    """After the commit: each email is tried a few times; one that never goes is logged and never undoes what was
    decided (the notification is on the person's page already)."""
    sender = None
    for note in notes:
        if note is None:
            continue
        user = db.session.get(User, note.user_id)
        if user is None or not user.email:
            continue
        try:
            sender = sender or email_sender()
            sent = send_with_retries(sender, news_email(user, note),
                                     attempts=current_app.config.get("STORYBANK_EMAIL_ATTEMPTS", 3),
                                     wait_seconds=current_app.config.get("STORYBANK_EMAIL_RETRY_SECONDS", 1.0))
        except Exception:
            current_app.logger.exception("Could not send an email about notification %s", note.id)
            continue
        if not sent:
            current_app.logger.error("Gave up emailing about notification %s; it is still on the person's page.",
                                     note.id)


def _messages_link() -> str:
    """Where the person reads their messages, as a full address: STORYBANK_BASE_URL when set (needed outside a
    request), else the address this request came to."""
    if has_request_context():
        path = url_for("moderation.notifications_page")
        base = current_app.config.get("STORYBANK_BASE_URL") or request.host_url
    else:
        path = current_app.url_map.bind("localhost").build("moderation.notifications_page")
        base = current_app.config.get("STORYBANK_BASE_URL") or ""
    return base.rstrip("/") + path


def news_email(user: User, note: Notification) -> Email:
    """The same warm words as plain text and as HTML, with a link instead of anything the story or the moderator
    said."""
    story = note.story if note.story_id else None
    about = f"your story {story.reference}" if story is not None and story.reference else "one of your stories"
    link = _messages_link()
    lines = [f"Hello {user.name_to_show},",
             f"There is news about {about} on StoryBank.",
             "To keep your story private, we do not put it, or our message about it, in an email. You can read the "
             "message after signing in:"]
    text = "\n\n".join([*lines, link, "With thanks,\nThe StoryBank team"]) + "\n"
    html = ("<!doctype html><html lang=\"en\"><body>"
            + "".join(f"<p>{escape(line)}</p>" for line in lines)
            + f'<p><a href="{escape(link)}">Read your messages on StoryBank</a></p>'
            + "<p>With thanks,<br>The StoryBank team</p></body></html>")
    return Email(to=user.email, subject=EMAIL_SUBJECT, text=text, html=html)


def notifications_for(user: User, story: Story | None = None) -> list[Notification]:
    """Newest first; pass a story to get only the ones about it."""
    query = select(Notification).where(Notification.user_id == user.id)
    if story is not None:
        query = query.where(Notification.story_id == story.id)
    return list(db.session.scalars(query.order_by(Notification.created_at.desc(), Notification.id.desc())))


def notifications_about(user: User, story_ids: list[int]) -> dict[int, list[Notification]]:
    """A page of stories' messages to this person in one query, each story's newest first."""
    found: dict[int, list[Notification]] = {story_id: [] for story_id in story_ids}
    if story_ids:
        for note in db.session.scalars(select(Notification).where(
                Notification.user_id == user.id, Notification.story_id.in_(story_ids))
                .order_by(Notification.created_at.desc(), Notification.id.desc())):
            found[note.story_id].append(note)
    return found


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


@cache
def _unread():
    """Built once: the header asks it on almost every page a contributor sees."""
    return (select(func.count()).select_from(Notification)
            .where(Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None)))


def unread_count(user: User) -> int:
    return db.session.scalar(_unread(), {"user_id": user.id}) or 0


def mark_all_read(user: User) -> None:
    db.session.execute(update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.commit()
