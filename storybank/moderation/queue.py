"""The moderators' queue: which stories wait, the most urgent first, and how many of each kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from storybank.extensions import db
from storybank.moderation.common import WAITING
from storybank.moderation.models import SafeguardingConcern, StoryReview, Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing
from storybank.moderation.visible import stories_for_moderators, story_ids_for_moderators
from storybank.stories.models import Story, StoryStatus


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


def queue(status: str | None = None, care_setting: str | None = None) -> list[QueueEntry]:
    """Stories waiting for a moderator: open safeguarding concerns first, then the longest waiting."""
    statuses = [StoryStatus(status)] if status in {s.value for s in WAITING} else list(WAITING)
    open_concerns = (select(func.count()).select_from(SafeguardingConcern)
                     .where(SafeguardingConcern.story_id == Story.id, SafeguardingConcern.action.is_(None))
                     .correlate(Story).scalar_subquery())
    pending = (select(func.count()).select_from(Suggestion)
               .where(Suggestion.story_id == Story.id, Suggestion.status == SuggestionStatus.PENDING)
               .correlate(Story).scalar_subquery())
    query = (stories_for_moderators().add_columns(StoryReview, open_concerns, pending)
             .outerjoin(StoryReview, StoryReview.story_id == Story.id)
             .where(Story.status.in_(statuses)))
    if care_setting:
        query = query.where(Story.care_setting == care_setting)
    query = query.order_by((open_concerns > 0).desc(), Story.submitted_at.asc().nulls_last(), Story.id)
    return [QueueEntry(story, review, concerns, waiting)
            for story, review, concerns, waiting in db.session.execute(query)]


def queue_counts() -> dict[str, int]:
    rows = db.session.execute(stories_for_moderators().with_only_columns(Story.status, func.count())
                              .where(Story.status.in_(WAITING)).group_by(Story.status))
    counts = {status.value: 0 for status in WAITING}
    counts.update({status.value: number for status, number in rows})
    counts["urgent"] = db.session.scalar(
        select(func.count(func.distinct(SafeguardingConcern.story_id)))
        .where(SafeguardingConcern.action.is_(None),
               SafeguardingConcern.story_id.in_(story_ids_for_moderators().where(Story.status.in_(WAITING))))) or 0
    return counts


def waiting_care_settings() -> list[str]:
    return list(db.session.scalars(stories_for_moderators().with_only_columns(Story.care_setting).distinct()
                                   .where(Story.status.in_(WAITING), Story.care_setting.is_not(None))
                                   .order_by(Story.care_setting)))
