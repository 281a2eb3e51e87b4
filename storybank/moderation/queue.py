"""The moderators' queue: which stories wait, the most urgent first, and how many of each kind.

A page at a time, and in a few queries however long the queue grows: the urgent stories (those with a concern
that has no recorded action: few, since each needs an action within a day) are found first; the rest of the page
is a walk of the (status, submitted_at, id) index, oldest first; then one query reads the page's stories with their
review, its claim holder and their counts. Nothing is worked out per waiting story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import and_, exists, func, literal, not_, select, union_all
from sqlalchemy.orm import joinedload

from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import WAITING
from storybank.moderation.models import SafeguardingConcern, StoryReview, Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing
from storybank.moderation.visible import stories_for_moderators, story_ids_for_moderators
from storybank.paging import COUNT_LIMIT, Pages, count_upto, page_count
from storybank.stories.forms import CARE_SETTINGS
from storybank.stories.models import Story

PAGE_SIZE = 50


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


@dataclass(frozen=True)
class QueuePage(Pages):
    items: list[QueueEntry]
    total: int
    page: int
    per_page: int
    more: bool = False


NOT_CLAIMED = "submitted"
BEING_READ = "in_review"
"""The queue's two kinds of waiting story, by whether a moderator holds a live claim (not by the story's status,
which stays "in review" after a claim runs out)."""


def _being_read(now: datetime):
    return and_(StoryReview.id.is_not(None), StoryReview.claim_is_live(now))


def _waiting(status: str | None, care_setting: str | None, now: datetime):
    query = stories_for_moderators().where(Story.status.in_(WAITING))
    if status in (BEING_READ, NOT_CLAIMED):
        query = query.outerjoin(StoryReview, StoryReview.story_id == Story.id)
        query = query.where(_being_read(now) if status == BEING_READ else not_(_being_read(now)))
    if care_setting:
        query = query.where(Story.care_setting == care_setting)
    return query


def _open_concern_story_ids():
    return select(SafeguardingConcern.story_id).where(SafeguardingConcern.action.is_(None))


def _entries(ids: list[int]) -> list[QueueEntry]:
    """The page's stories in one query: each with its review (and who holds it) and its two counts."""
    if not ids:
        return []
    open_concerns = (select(func.count()).select_from(SafeguardingConcern)
                     .where(SafeguardingConcern.story_id == Story.id, SafeguardingConcern.action.is_(None))
                     .correlate(Story).scalar_subquery())
    pending = (select(func.count()).select_from(Suggestion)
               .where(Suggestion.story_id == Story.id, Suggestion.status == SuggestionStatus.PENDING)
               .correlate(Story).scalar_subquery())
    rows = db.session.execute(
        stories_for_moderators().add_columns(StoryReview, open_concerns, pending)
        .outerjoin(StoryReview, StoryReview.story_id == Story.id)
        .options(joinedload(StoryReview.claimed_by))
        .where(Story.id.in_(ids)))
    by_id = {story.id: QueueEntry(story, review, concerns, waiting) for story, review, concerns, waiting in rows}
    return [by_id[i] for i in ids if i in by_id]


def queue_page(status: str | None = None, care_setting: str | None = None, page: int = 1,
               per_page: int = PAGE_SIZE, now: datetime | None = None, counts: dict[str, int] | None = None
               ) -> QueuePage:
    """Stories waiting for a moderator: open safeguarding concerns first, then the longest waiting. Given the
    `queue_counts` already made for the same moment, a list with no care-setting filter takes its total from them
    rather than counting every waiting story a second time."""
    waiting = _waiting(status, care_setting, now or utcnow())
    order = (Story.submitted_at, Story.id)
    urgent = list(db.session.scalars(waiting.with_only_columns(Story.id)
                                     .where(Story.id.in_(_open_concern_story_ids())).order_by(*order)))
    counted = _total_from(counts, status) if counts is not None and not care_setting else None
    if counted is None or (counted[1] and page * per_page > COUNT_LIMIT):
        counted = count_upto(waiting.with_only_columns(Story.id), page, per_page)
    total, more = counted
    page = min(max(page, 1), page_count(total, per_page)) if not more else max(page, 1)
    start = (page - 1) * per_page
    ids = urgent[start:start + per_page]
    if len(ids) < per_page:
        rest = waiting.with_only_columns(Story.id).order_by(*order)
        if urgent:
            rest = rest.where(Story.id.not_in(urgent))
        ids += db.session.scalars(rest.offset(max(start - len(urgent), 0)).limit(per_page - len(ids)))
    return QueuePage(items=_entries(ids), total=total, page=page, per_page=per_page, more=more)


def _total_from(counts: dict, status: str | None) -> tuple[int, bool] | None:
    if status == BEING_READ:
        return counts[BEING_READ], False
    if status == NOT_CLAIMED:
        return counts[NOT_CLAIMED], counts["more"]
    return (counts[NOT_CLAIMED] + counts[BEING_READ], counts["more"]) if not status else None


def queue(status: str | None = None, care_setting: str | None = None,
          now: datetime | None = None) -> list[QueueEntry]:
    """The first page of the queue."""
    return queue_page(status, care_setting, now=now).items


def queue_counts(now: datetime | None = None) -> dict:
    """How many stories are being read (a live claim, the same test each row uses) and how many wait for one:
    the live claims (few) counted exactly, the others along their status index up to COUNT_LIMIT, with ``more``
    saying there are more than that (so the queue costs the same with fifty thousand waiting as with a thousand)."""
    now = now or utcnow()
    waiting = stories_for_moderators().where(Story.status.in_(WAITING))
    being_read = db.session.scalar(waiting.join(StoryReview, StoryReview.story_id == Story.id)
                                   .with_only_columns(func.count(), maintain_column_froms=True)
                                   .where(StoryReview.claim_is_live(now))) or 0
    not_claimed, more = count_upto(_waiting(NOT_CLAIMED, None, now).with_only_columns(Story.id), 1, 1)
    counts = {NOT_CLAIMED: not_claimed, BEING_READ: being_read, "more": more}
    # From the open concerns (few, along their action index) to their stories by primary key, never from every
    # waiting story to its concerns.
    counts["urgent"] = db.session.scalar(
        waiting.join(SafeguardingConcern, SafeguardingConcern.story_id == Story.id)
        .with_only_columns(func.count(func.distinct(SafeguardingConcern.story_id)), maintain_column_froms=True)
        .where(SafeguardingConcern.action.is_(None))) or 0
    return counts


@cache
def _care_settings_waiting():
    """Built once: the statement is the same on every visit (only the data changes)."""
    return union_all(*(
        select(literal(setting)).where(exists(story_ids_for_moderators()
                                              .where(Story.status.in_(WAITING), Story.care_setting == setting)))
        for setting in CARE_SETTINGS if setting))


def waiting_care_settings() -> list[str]:
    """The care settings (of those a story can be given) that some waiting story has, in one query: an index probe
    of (status, care_setting) per setting, never a read of every waiting story."""
    return sorted(set(db.session.scalars(_care_settings_waiting())))
