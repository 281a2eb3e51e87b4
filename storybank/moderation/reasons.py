"""Kind, specific reasons for not using a story. Admins can reword them; these are the words until they do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import DeclineReasonTemplate


@dataclass(frozen=True)
class DeclineReason:
    key: str
    title: str
    text: str


DEFAULT_DECLINE_REASONS: tuple[DeclineReason, ...] = (
    DeclineReason(
        "names_staff",
        "It names a member of staff",
        "Thank you for trusting us with this. We could not use it because it names a member of staff and we could "
        "not remove enough detail to keep them anonymous. You are very welcome to tell it again without their name.",
    ),
    DeclineReason(
        "could_be_recognised",
        "Someone could still be recognised",
        "Thank you for trusting us with this. We could not use it because, even with names taken out, people who "
        "know the service could work out who it is about. You are very welcome to tell it again with fewer details "
        "about where and when it happened.",
    ),
    DeclineReason(
        "complaint_or_legal_case",
        "It is part of a complaint or legal case",
        "Thank you for sharing this with us. We could not use it while it is part of a complaint or a legal case, "
        "because using it might affect how that goes for you. When it is settled, you are very welcome to send it "
        "again.",
    ),
    DeclineReason(
        "someone_elses_story",
        "It is mostly someone else's story",
        "Thank you for caring enough to write this. We could not use it because it is mostly about another person, "
        "and we need their agreement, or the agreement of someone who can speak for them, before we use it. If "
        "they would like to share it, a supporter can help them do that.",
    ),
    DeclineReason(
        "not_about_care",
        "It is not about care and support",
        "Thank you for writing to us. We could not use this for staff training because it is not about care and "
        "support. If you have a story about care that you or someone close to you has had, we would love to hear "
        "it.",
    ),
    DeclineReason(
        "other",
        "Another reason (explain it in your own words below)",
        "Thank you for trusting us with this. We could not use it this time, and we want to explain why.",
    ),
)


def decline_reasons() -> list[DeclineReason]:
    """The kind defaults, with an admin's wording wherever they changed it."""
    edited = {t.key: t for t in db.session.scalars(select(DeclineReasonTemplate))}
    return [DeclineReason(r.key, edited[r.key].title, edited[r.key].text) if r.key in edited else r
            for r in DEFAULT_DECLINE_REASONS]


def decline_reason(key: str) -> DeclineReason | None:
    return next((r for r in decline_reasons() if r.key == key), None)


def edit_decline_reason(key: str, title: str, text: str, admin: User) -> DeclineReason:
    default = next((r for r in DEFAULT_DECLINE_REASONS if r.key == key), None)
    if default is None:
        raise ModerationError("There is no such reason.")
    title, text = " ".join((title or "").split()), (text or "").strip()
    if not title:
        raise ModerationError("Please give the reason a short name moderators will recognise.", "title")
    if not text:
        raise ModerationError("Please write the words the contributor will read.", "text")
    row = db.session.scalar(select(DeclineReasonTemplate).where(DeclineReasonTemplate.key == key))
    before = decline_reason(key)
    if row is None:
        row = DeclineReasonTemplate(key=key)
        db.session.add(row)
    row.title, row.text, row.updated_by_id, row.updated_at = title, text, admin.id, utcnow()
    db.session.flush()
    record("moderation.decline_reason_edited", admin, row, before={"title": before.title, "text": before.text},
           after={"title": title, "text": text})
    db.session.commit()
    return DeclineReason(key, title, text)
