"""The moderators' queue: which stories wait, the most urgent first, and how many of each kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, not_, select

from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import WAITING
from storybank.moderation.models import SafeguardingConcern, StoryReview, Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing
from storybank.moderation.visible import stories_for_moderators, story_ids_for_moderators
from storybank.stories.models import Story


@dataclass(frozen=True)
class QueueEntry:
    story: Story
    review: StoryReview | None
    open_concerns: int
    pending: int

    @property
    def urgent(self) -> bool:
        return self.open_concerns > 0

    @property
    def being_prepared(self) -> bool:
        return needs_preparing(self.story, self.review)


NOT_CLAIMED = "submitted"
BEING_READ = "in_review"
"""The queue's two kinds of waiting story, by whether a moderator holds a live claim (not by the story's status,
which stays "in review" after a claim runs out)."""


def _being_read(now: datetime):
    return and_(StoryReview.id.is_not(None), StoryReview.claim_is_live(now))


def queue(status: str | None = None, care_setting: str | None = None,
          now: datetime | None = None) -> list[QueueEntry]:
    """Stories waiting for a moderator: open safeguarding concerns first, then the longest waiting."""
    now = now or utcnow()
    open_concerns = (select(func.count()).select_from(SafeguardingConcern)
                     .where(SafeguardingConcern.story_id == Story.id, SafeguardingConcern.action.is_(None))
                     .correlate(Story).scalar_subquery())
    pending = (select(func.count()).select_from(Suggestion)
               .where(Suggestion.story_id == Story.id, Suggestion.status == SuggestionStatus.PENDING)
               .correlate(Story).scalar_subquery())
    query = (stories_for_moderators().add_columns(StoryReview, open_concerns, pending)
             .outerjoin(StoryReview, StoryReview.story_id == Story.id)
             .where(Story.status.in_(WAITING)))
    if status == BEING_READ:
        query = query.where(_being_read(now))
    elif status == NOT_CLAIMED:
        query = query.where(not_(_being_read(now)))
    if care_setting:
        query = query.where(Story.care_setting == care_setting)
    query = query.order_by((open_concerns > 0).desc(), Story.submitted_at.asc().nulls_last(), Story.id)
    return [QueueEntry(story, review, concerns, waiting)
            for story, review, concerns, waiting in db.session.execute(query)]


def queue_counts(now: datetime | None = None) -> dict[str, int]:
    """How many stories are being read (a live claim, the same test each row uses) and how many wait for one."""
    now = now or utcnow()
    being_read = case((_being_read(now), 1), else_=0)
    row = db.session.execute(
        stories_for_moderators().outerjoin(StoryReview, StoryReview.story_id == Story.id)
        .with_only_columns(func.count(), func.coalesce(func.sum(being_read), 0))
        .where(Story.status.in_(WAITING))).one()
    counts = {NOT_CLAIMED: row[0] - row[1], BEING_READ: row[1]}
    counts["urgent"] = db.session.scalar(
        select(func.count(func.distinct(SafeguardingConcern.story_id)))
        .where(SafeguardingConcern.action.is_(None),
               SafeguardingConcern.story_id.in_(story_ids_for_moderators().where(Story.status.in_(WAITING))))) or 0
    return counts


def waiting_care_settings() -> list[str]:
    return list(db.session.scalars(stories_for_moderators().with_only_columns(Story.care_setting).distinct()
                                   .where(Story.status.in_(WAITING), Story.care_setting.is_not(None))
                                   .order_by(Story.care_setting)))
