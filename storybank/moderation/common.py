"""What every moderation rule asks first: is the story waiting, whose is it, and where is its review row."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from storybank.accounts.models import User
from storybank.extensions import db
from storybank.moderation.models import StoryReview
from storybank.stories.models import Story, StoryStatus

WAITING = (StoryStatus.SUBMITTED, StoryStatus.IN_REVIEW)


def is_waiting():
    """``Story.status IN WAITING`` with the statuses written into the SQL, in this order, rather than bound: the
    databases use the partial index of waiting stories (``stories.models.WAITING_PREDICATE``) only for a query
    that names the same statuses (PostgreSQL cannot prove it of bound values in a prepared plan)."""
    return Story.status.in_(bindparam("waiting_statuses", list(WAITING), expanding=True, literal_execute=True))


def is_own(story: Story, user: User) -> bool:
    return user.id is not None and user.id in (story.author_id, story.supporter_id)


def story_label(story: Story) -> str:
    return story.reference or f"story {story.id}"


def review_for(story: Story) -> StoryReview | None:
    return db.session.scalar(select(StoryReview).where(StoryReview.story_id == story.id))


def ensure_review(story: Story) -> StoryReview:
    review = review_for(story)
    if review is None:
        review = StoryReview(story_id=story.id)
        db.session.add(review)
        db.session.flush()
    return review
