"""Asking again: a contributor may have a decline looked at once more, by a different moderator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import is_own, story_label
from storybank.moderation.decisions import latest_decision
from storybank.moderation.errors import ALREADY_DECIDED, OWN_STORY, ModerationError
from storybank.moderation.models import Appeal, AppealOutcome, DecisionOutcome, ModerationDecision
from storybank.moderation.notifications import notify, send_emails
from storybank.moderation.visible import story_for_moderators, story_ids_for_moderators
from storybank.paging import Pages, one_page
from storybank.stories.models import Story, StoryStatus


def open_appeal_for(story: Story) -> Appeal | None:
    return db.session.scalar(select(Appeal).where(Appeal.story_id == story.id, Appeal.outcome.is_(None)))


def appeal_allowed(story: Story, decision: ModerationDecision | None, decisions_asked_about: set[int]) -> bool:
    """The rule, given what is known: a story declined by its latest decision, not yet asked about."""
    if story.status != StoryStatus.DECLINED or decision is None or decision.outcome != DecisionOutcome.DECLINED:
        return False
    return decision.id not in decisions_asked_about


def can_appeal(story: Story) -> bool:
    decision = latest_decision(story)
    return appeal_allowed(story, decision, appeals_of([story.id]).decisions_asked_about)


@dataclass(frozen=True)
class AppealsOf:
    decisions_asked_about: set[int]
    stories_with_open_appeal: set[int]


def appeals_of(story_ids: list[int]) -> AppealsOf:
    """What a page of stories needs to know about asking again, in one query."""
    rows = db.session.execute(select(Appeal.story_id, Appeal.decision_id, Appeal.outcome)
                              .where(Appeal.story_id.in_(story_ids))).all() if story_ids else []
    return AppealsOf({decision_id for _, decision_id, _ in rows},
                     {story_id for story_id, _, outcome in rows if outcome is None})


def open_appeal(story: Story, contributor: User, note: str | None = None) -> Appeal:
    """The contributor asks for the decline to be looked at again, once for each decline."""
    if contributor.id not in (story.author_id, story.supporter_id):
        raise ModerationError("Only the person who shared this story can ask for it to be looked at again.")
    if not can_appeal(story):
        raise ModerationError("You have already asked for this decision to be looked at again, or the story is "
                              "not declined. We will tell you as soon as there is news.")
    note = (note or "").strip() or None
    appeal = Appeal(story_id=story.id, decision_id=latest_decision(story).id, contributor_id=contributor.id,
                    note=note)
    db.session.add(appeal)
    db.session.flush()
    record("moderation.appeal_opened", contributor, appeal, after={"story": story_label(story)})
    message = notify(contributor, story, f"Thank you. Another moderator will look at your story “{story.title}” "
                     "again, and we will tell you what they decide.")
    db.session.commit()
    send_emails([message])
    return appeal


def _appeals_for_moderators():
    """Appeals joined through the stories moderators may see, so a withdrawn story's appeal is never listed."""
    return select(Appeal).where(Appeal.story_id.in_(story_ids_for_moderators()))


APPEALS_PAGE_SIZE = 50


@dataclass(frozen=True)
class AppealPage(Pages):
    items: list[Appeal]
    total: int
    page: int
    per_page: int


def open_appeals_page(page: int = 1, per_page: int = APPEALS_PAGE_SIZE) -> AppealPage:
    """Requests waiting for a second look, the longest waiting first, a page at a time (with their stories)."""
    items, total, page = one_page(_appeals_for_moderators().where(Appeal.outcome.is_(None))
                                  .options(joinedload(Appeal.story)), (Appeal.opened_at, Appeal.id), page, per_page)
    return AppealPage(items=items, total=total, page=page, per_page=per_page)


def recently_decided_appeals(limit: int = 20) -> list[Appeal]:
    return list(db.session.scalars(_appeals_for_moderators().where(Appeal.outcome.is_not(None))
                                   .options(joinedload(Appeal.story), joinedload(Appeal.decided_by))
                                   .order_by(Appeal.decided_at.desc()).limit(limit)))


def appeal_for_moderators(appeal_id: int) -> Appeal | None:
    """The appeal if moderators may see its story, else None (a 404)."""
    return db.session.scalar(_appeals_for_moderators().where(Appeal.id == appeal_id))


def decide_appeal(appeal: Appeal, moderator: User, outcome: AppealOutcome | str, message: str,
                  now: datetime | None = None) -> Appeal:
    """Another moderator than the one who declined decides; the contributor is told either way, kindly."""
    now = now or utcnow()
    outcome = AppealOutcome(outcome)
    story = story_for_moderators(appeal.story_id)
    if story is None:
        raise ModerationError("This story has been withdrawn, so there is nothing left to decide.")
    if appeal.outcome is not None:
        raise ModerationError("This appeal has already been decided.")
    if appeal.decision.moderator_id == moderator.id:
        raise ModerationError("You made the first decision, so another moderator needs to look at this appeal. "
                              "That is what makes it a fair second look.")
    if is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    message = (message or "").strip()
    if not message:
        raise ModerationError("Please write a few words to the contributor explaining your decision.", "message")
    if outcome == AppealOutcome.OVERTURNED:
        changed = db.session.execute(
            update(Story).where(Story.id == story.id, Story.status == StoryStatus.DECLINED)
            .values(status=StoryStatus.SUBMITTED, submitted_at=now)
            .execution_options(synchronize_session=False)).rowcount
        if changed != 1:
            db.session.rollback()
            raise ModerationError(ALREADY_DECIDED)
        db.session.expire(story)
    settled = db.session.execute(
        update(Appeal).where(Appeal.id == appeal.id, Appeal.outcome.is_(None))
        .values(outcome=outcome, decided_by_id=moderator.id, message=message, decided_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if settled != 1:
        db.session.rollback()
        raise ModerationError("Another moderator has just decided this appeal, so yours was not saved.")
    db.session.expire(appeal)
    record(f"moderation.appeal_{outcome.value}", moderator, appeal, before={"outcome": None},
           after={"outcome": outcome.value, "story": story_label(story)}, detail=message)
    if outcome == AppealOutcome.OVERTURNED:
        text = (f"Good news: another moderator looked at your story “{story.title}” again and thinks it can be "
                f"used.\n\n{message}\n\nIt will be read once more to take out personal details, and we will tell "
                "you when that is done.")
    else:
        text = (f"Another moderator has looked at your story “{story.title}” again. They agree that it cannot be "
                f"used this time.\n\n{message}\n\nThank you for asking us to look again. It matters to us that "
                "decisions are fair, and you are always welcome to share another story.")
    note = notify(story.author, story, text)
    db.session.commit()
    send_emails([note])
    return appeal
