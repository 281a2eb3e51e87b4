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

from sqlalchemy import and_, bindparam, exists, func, literal, not_, select, union_all
from sqlalchemy.orm import joinedload, lazyload, load_only

from storybank.accounts.models import User
from storybank.db_types import UTCDateTime, utcnow
from storybank.extensions import db
from storybank.moderation.common import WAITING, is_waiting
from storybank.moderation.models import SafeguardingConcern, StoryReview, Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing
from storybank.moderation.visible import stories_for_moderators, story_ids_for_moderators
from storybank.paging import COUNT_LIMIT, Pages, count_upto, counter_upto, page_count
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


NOW = bindparam("now", type_=UTCDateTime())
"""The moment a page asks about, bound when each statement below runs: the statements are built once per process
(their shape never changes, only the data they read), which saves the page building and keying each of them on
every visit."""


def _being_read():
    return and_(StoryReview.id.is_not(None), StoryReview.claim_is_live(NOW))


def _shape(status: str | None) -> str | None:
    """The two statuses that change the statement; anything else an address says lists every waiting story."""
    return status if status in (BEING_READ, NOT_CLAIMED) else None


@cache
def _waiting(status: str | None, filtered: bool):
    """Waiting stories of a kind (``_shape``), with :care_setting bound when ``filtered``."""
    query = stories_for_moderators().where(is_waiting())
    if status is not None:
        query = query.outerjoin(StoryReview, StoryReview.story_id == Story.id)
        query = query.where(_being_read() if status == BEING_READ else not_(_being_read()))
    if filtered:
        query = query.where(Story.care_setting == bindparam("care_setting"))
    return query


def _open_concern_story_ids():
    return select(SafeguardingConcern.story_id).where(SafeguardingConcern.action.is_(None))


ORDER = (Story.submitted_at, Story.id)


@cache
def _urgent_ids(status: str | None, filtered: bool):
    return (_waiting(status, filtered).with_only_columns(Story.id).where(Story.id.in_(_open_concern_story_ids()))
            .order_by(*ORDER))


@cache
def _waiting_counter(status: str | None, filtered: bool):
    return counter_upto(_waiting(status, filtered).with_only_columns(Story.id))


@cache
def _rest_ids(status: str | None, filtered: bool, after_urgent: bool):
    """A page of the other waiting stories, oldest first, leaving out the :urgent ones listed already."""
    rest = _waiting(status, filtered).with_only_columns(Story.id).order_by(*ORDER)
    if after_urgent:
        rest = rest.where(Story.id.not_in(bindparam("urgent", expanding=True)))
    return rest.offset(bindparam("skip")).limit(bindparam("take"))


_ROW_STORY = (Story.id, Story.reference, Story.title, Story.body, Story.status, Story.care_setting,
              Story.submitted_at, Story.author_id, Story.supporter_id)
"""What a row of the queue shows or asks of a story (the text only for `needs_preparing`'s check of it): loading
every column, each date turned into an aware one, was a good part of the page's cost."""
_ROW_REVIEW = (StoryReview.story_id, StoryReview.claimed_by_id, StoryReview.claim_expires_at,
               StoryReview.prepared_body_hash)


@cache
def _rows():
    """The page's stories (:ids) in one query: each with its review (and who holds it, by name only) and its two
    counts."""
    open_concerns = (select(func.count()).select_from(SafeguardingConcern)
                     .where(SafeguardingConcern.story_id == Story.id, SafeguardingConcern.action.is_(None))
                     .correlate(Story).scalar_subquery())
    pending = (select(func.count()).select_from(Suggestion)
               .where(Suggestion.story_id == Story.id, Suggestion.status == SuggestionStatus.PENDING)
               .correlate(Story).scalar_subquery())
    return (stories_for_moderators().add_columns(StoryReview, open_concerns, pending)
            .outerjoin(StoryReview, StoryReview.story_id == Story.id)
            .options(load_only(*_ROW_STORY), load_only(*_ROW_REVIEW),
                     joinedload(StoryReview.claimed_by).options(load_only(User.username, User.display_name),
                                                                lazyload(User.role_grants)))
            .where(Story.id.in_(bindparam("ids", expanding=True))))


def _entries(ids: list[int]) -> list[QueueEntry]:
    if not ids:
        return []
    rows = db.session.execute(_rows(), {"ids": ids})
    by_id = {story.id: QueueEntry(story, review, concerns, waiting) for story, review, concerns, waiting in rows}
    return [by_id[i] for i in ids if i in by_id]


def queue_page(status: str | None = None, care_setting: str | None = None, page: int = 1,
               per_page: int = PAGE_SIZE, now: datetime | None = None, counts: dict[str, int] | None = None
               ) -> QueuePage:
    """Stories waiting for a moderator: open safeguarding concerns first, then the longest waiting. Given the
    `queue_counts` already made for the same moment, a list with no care-setting filter takes its total from them
    rather than counting every waiting story a second time."""
    shape = (_shape(status), bool(care_setting))
    params = {"now": now or utcnow(), **({"care_setting": care_setting} if care_setting else {})}
    urgent = list(db.session.scalars(_urgent_ids(*shape), params))
    counted = _total_from(counts, status) if counts is not None and not care_setting else None
    if counted is None or (counted[1] and page * per_page > COUNT_LIMIT):
        counted = count_upto(_waiting_counter(*shape), page, per_page, params)
    total, more = counted
    page = min(max(page, 1), page_count(total, per_page)) if not more else max(page, 1)
    start = (page - 1) * per_page
    ids = urgent[start:start + per_page]
    if len(ids) < per_page:
        ids += db.session.scalars(_rest_ids(*shape, bool(urgent)), {
            **params, "skip": max(start - len(urgent), 0), "take": per_page - len(ids),
            **({"urgent": urgent} if urgent else {})})
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


@cache
def _being_read_count():
    return (stories_for_moderators().where(Story.status.in_(WAITING))
            .join(StoryReview, StoryReview.story_id == Story.id)
            .with_only_columns(func.count(), maintain_column_froms=True)
            .where(StoryReview.claim_is_live(NOW)))


@cache
def _urgent_count():
    """From the open concerns (few, along their action index) to their stories by primary key, never from every
    waiting story to its concerns."""
    return (stories_for_moderators().where(Story.status.in_(WAITING))
            .join(SafeguardingConcern, SafeguardingConcern.story_id == Story.id)
            .with_only_columns(func.count(func.distinct(SafeguardingConcern.story_id)), maintain_column_froms=True)
            .where(SafeguardingConcern.action.is_(None)))


def queue_counts(now: datetime | None = None) -> dict:
    """How many stories are being read (a live claim, the same test each row uses) and how many wait for one:
    the live claims (few) counted exactly, the others along their status index up to COUNT_LIMIT, with ``more``
    saying there are more than that (so the queue costs the same with fifty thousand waiting as with a thousand)."""
    params = {"now": now or utcnow()}
    being_read = db.session.scalar(_being_read_count(), params) or 0
    not_claimed, more = count_upto(_waiting_counter(NOT_CLAIMED, False), 1, 1, params)
    return {NOT_CLAIMED: not_claimed, BEING_READ: being_read, "more": more,
            "urgent": db.session.scalar(_urgent_count()) or 0}


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
