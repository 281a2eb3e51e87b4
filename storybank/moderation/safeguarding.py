"""Safeguarding concerns: raised by the analysis or a moderator, acted on by a person, chased when overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import ensure_review, is_own, story_label
from storybank.moderation.errors import OWN_STORY, ModerationError
from storybank.moderation.models import ConcernAction, SafeguardingConcern
from storybank.moderation.visible import stories_for_moderators
from storybank.paging import Pages, page_count
from storybank.stories.models import Story


def _safeguarding_deadline() -> timedelta:
    return timedelta(hours=int(current_app.config.get("STORYBANK_SAFEGUARDING_HOURS", 24)))


def concerns_for(story: Story) -> list[SafeguardingConcern]:
    return list(db.session.scalars(select(SafeguardingConcern).where(SafeguardingConcern.story_id == story.id)
                                   .order_by(SafeguardingConcern.raised_at, SafeguardingConcern.id)))


def stories_with_concerns(story_ids: list[int]) -> set[int]:
    """Which of these stories ever had a safeguarding concern raised, open or dealt with, in one query."""
    if not story_ids:
        return set()
    return set(db.session.scalars(select(SafeguardingConcern.story_id).distinct()
                                  .where(SafeguardingConcern.story_id.in_(story_ids))))


def has_open_concern(story_id: int) -> bool:
    return db.session.scalar(select(func.count()).select_from(SafeguardingConcern).where(
        SafeguardingConcern.story_id == story_id, SafeguardingConcern.action.is_(None))) > 0


def raise_concern(story: Story, moderator: User, sentence: str, reason: str,
                  category: str = "raised_by_moderator") -> SafeguardingConcern:
    sentence, reason = (sentence or "").strip(), (reason or "").strip()
    if not sentence:
        raise ModerationError("Please copy the words that worry you.", "sentence")
    if not reason:
        raise ModerationError("Please say briefly why this worries you.", "reason")
    concern = SafeguardingConcern(story_id=story.id, category=category[:40], sentence=sentence,
                                  reason=reason[:300], raised_by_id=moderator.id)
    db.session.add(concern)
    db.session.flush()
    review = ensure_review(story)
    review.urgent = True
    record("safeguarding.raised", moderator, concern, after={"story": story_label(story), "category": category})
    db.session.commit()
    return concern


def record_safeguarding_action(concern: SafeguardingConcern, action: ConcernAction | str, moderator: User,
                               reference: str | None = None, note: str | None = None) -> SafeguardingConcern:
    """What was done about a concern: referred (with the team's reference), contacted, or no action (why)."""
    action = ConcernAction(action)
    reference, note = (reference or "").strip() or None, (note or "").strip() or None
    story = db.session.get(Story, concern.story_id)
    if is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if action == ConcernAction.REFERRED and not reference:
        raise ModerationError("Please give the reference the safeguarding team gave you, so anyone can follow "
                              "it up.", "reference")
    if action == ConcernAction.NO_ACTION and not note:
        raise ModerationError("Please say why no action is needed.", "note")
    if reference and len(reference) > 120:
        raise ModerationError("The reference can be up to 120 characters.", "reference")
    now = utcnow()
    changed = db.session.execute(
        update(SafeguardingConcern).where(SafeguardingConcern.id == concern.id, SafeguardingConcern.action.is_(None))
        .values(action=action, action_reference=reference, action_note=note, actioned_by_id=moderator.id,
                actioned_at=now).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise ModerationError("An action has already been recorded for this concern.")
    db.session.expire(concern)
    review = ensure_review(story)
    review.urgent = has_open_concern(story.id)
    record("safeguarding.actioned", moderator, concern, before={"action": None},
           after={"action": action.value, "reference": reference, "story": story_label(story)}, detail=note)
    db.session.commit()
    return concern


@dataclass(frozen=True)
class ConcernRow:
    """A concern for the moderators' pages. ``story`` is None once moderators may no longer see the story
    (withdrawn): the concern and its sentence stay as the safeguarding record, the story's title and text do not.
    ``reference`` holds none of the story's words, so a safeguarding team can always quote it."""

    concern: SafeguardingConcern
    story: Story | None
    reference: str | None


def _concern_rows():
    shown = aliased(Story, stories_for_moderators().subquery())
    return (select(SafeguardingConcern, shown, Story.reference)
            .join(Story, Story.id == SafeguardingConcern.story_id)
            .outerjoin(shown, shown.id == SafeguardingConcern.story_id))


CONCERNS_PAGE_SIZE = 50


@dataclass(frozen=True)
class ConcernPage(Pages):
    items: list[ConcernRow]
    total: int
    page: int
    per_page: int


def concerns_page(page: int = 1, per_page: int = CONCERNS_PAGE_SIZE) -> ConcernPage:
    """Every concern a page at a time: open ones first (oldest first), then the ones with an action recorded."""
    total = db.session.scalar(select(func.count()).select_from(SafeguardingConcern)) or 0
    page = min(max(page, 1), page_count(total, per_page))
    rows = db.session.execute(_concern_rows().order_by(SafeguardingConcern.action.is_not(None),
                                                       SafeguardingConcern.raised_at, SafeguardingConcern.id)
                              .limit(per_page).offset((page - 1) * per_page))
    return ConcernPage(items=[ConcernRow(*row) for row in rows], total=total, page=page, per_page=per_page)


def is_overdue(concern: SafeguardingConcern, now: datetime | None = None) -> bool:
    """The same rule as ``overdue_concerns``, for one concern already loaded."""
    return concern.action is None and concern.raised_at <= (now or utcnow()) - _safeguarding_deadline()


def concerns(open_only: bool = False) -> list[ConcernRow]:
    """Every concern, open ones first, then the oldest."""
    query = _concern_rows()
    if open_only:
        query = query.where(SafeguardingConcern.action.is_(None))
    return [ConcernRow(*row) for row in db.session.execute(
        query.order_by(SafeguardingConcern.action.is_not(None), SafeguardingConcern.raised_at))]


def concern_for_moderators(concern_id: int) -> ConcernRow | None:
    row = db.session.execute(_concern_rows().where(SafeguardingConcern.id == concern_id)).first()
    return ConcernRow(*row) if row is not None else None


def concern_deadline(concern: SafeguardingConcern) -> datetime:
    return concern.raised_at + _safeguarding_deadline()


def overdue_concerns(now: datetime | None = None) -> list[SafeguardingConcern]:
    """Concerns with no recorded action after STORYBANK_SAFEGUARDING_HOURS (24 by default)."""
    now = now or utcnow()
    return list(db.session.scalars(
        select(SafeguardingConcern)
        .where(SafeguardingConcern.action.is_(None), SafeguardingConcern.raised_at <= now - _safeguarding_deadline())
        .order_by(SafeguardingConcern.raised_at)))


DONE_SHOWN = 20


@dataclass(frozen=True)
class ConcernOverview:
    """The admins' view: concerns past their deadline, concerns still within it, and those with an action."""

    overdue: list[SafeguardingConcern]
    open_in_time: list[SafeguardingConcern]
    done_count: int
    recently_done: list[SafeguardingConcern]


def concern_overview(now: datetime | None = None) -> ConcernOverview:
    """Open concerns are never hidden behind "none overdue": each one still needs an action, so each is listed."""
    now = now or utcnow()
    cutoff = now - _safeguarding_deadline()
    open_concerns = list(db.session.scalars(
        select(SafeguardingConcern).where(SafeguardingConcern.action.is_(None))
        .order_by(SafeguardingConcern.raised_at, SafeguardingConcern.id)))
    done = select(SafeguardingConcern).where(SafeguardingConcern.action.is_not(None))
    return ConcernOverview(
        overdue=[c for c in open_concerns if c.raised_at <= cutoff],
        open_in_time=[c for c in open_concerns if c.raised_at > cutoff],
        done_count=db.session.scalar(select(func.count()).select_from(done.subquery())) or 0,
        recently_done=list(db.session.scalars(
            done.order_by(SafeguardingConcern.actioned_at.desc(), SafeguardingConcern.id.desc()).limit(DONE_SHOWN))))
