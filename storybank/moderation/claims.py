"""Claims: one moderator reads a story at a time, and every action on it needs that person's live claim."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import WAITING, ensure_review, is_own, review_for
from storybank.moderation.errors import ALREADY_DECIDED, OWN_STORY, ModerationError
from storybank.moderation.models import StoryReview
from storybank.stories.models import Story, StoryStatus


def _claim_length() -> timedelta:
    return timedelta(minutes=int(current_app.config.get("STORYBANK_CLAIM_MINUTES", 30)))


def claim(story: Story, moderator: User, now: datetime | None = None) -> StoryReview:
    """Take a story to read. Others see who holds it; the claim ends by itself after STORYBANK_CLAIM_MINUTES.

    A story still being prepared can be claimed, read, declined or sent back with a question; only the decisions
    that rest on the suggestions wait for the analysis (see ``preparation.require_prepared``).
    """
    now = now or utcnow()
    if is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if story.status not in WAITING:
        raise ModerationError("This story is not waiting for a moderator any more: "
                              f"{story.status.plain_words.lower()}.")
    review = ensure_review(story)
    before_holder = review.claimed_by.username if review.claim_is_live(now) and review.claimed_by else None
    taken = db.session.execute(
        update(StoryReview)
        .where(StoryReview.story_id == story.id,
               or_(StoryReview.claimed_by_id.is_(None), StoryReview.claimed_by_id == moderator.id,
                   StoryReview.claim_expires_at <= now))
        .values(claimed_by_id=moderator.id, claimed_at=now, claim_expires_at=now + _claim_length())
        .execution_options(synchronize_session=False)).rowcount
    if taken != 1:
        db.session.rollback()
        review = review_for(story)
        holder = review.claimed_by.name_to_show if review and review.claimed_by else "Another moderator"
        raise ModerationError(f"{holder} is reading this story now. You can pick another story, or come back "
                              "later: claims end by themselves if nobody is working on them.")
    db.session.execute(update(Story).where(Story.id == story.id, Story.status == StoryStatus.SUBMITTED)
                       .values(status=StoryStatus.IN_REVIEW).execution_options(synchronize_session=False))
    db.session.expire_all()
    record("moderation.claimed", moderator, story, before={"claimed_by": before_holder},
           after={"claimed_by": moderator.username, "until": (now + _claim_length()).isoformat()})
    db.session.commit()
    return review_for(story)


def release(story: Story, moderator: User) -> None:
    review = review_for(story)
    if review is None or review.claimed_by_id != moderator.id:
        return
    review.claimed_by_id = None
    review.claimed_at = review.claim_expires_at = None
    record("moderation.released", moderator, story, before={"claimed_by": moderator.username},
           after={"claimed_by": None})
    db.session.commit()


def require_claim(story: Story, moderator: User, now: datetime) -> StoryReview:
    """A moderator acts on a story only while holding it; each action keeps the claim alive."""
    if is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if story.status != StoryStatus.IN_REVIEW:
        raise ModerationError(ALREADY_DECIDED if story.status not in WAITING else
                              "Please claim this story first, so other moderators know you are reading it.")
    review = review_for(story)
    if review is None or review.claimed_by_id != moderator.id:
        raise ModerationError("Please claim this story first, so other moderators know you are reading it.")
    if not review.claim_is_live(now):
        raise ModerationError("Your claim on this story ran out, so nothing was saved. "
                              "Please claim it again to carry on.")
    review.claim_expires_at = now + _claim_length()
    return review


def live_claim_by(moderator: User, now: datetime):
    return (select(StoryReview.story_id)
            .where(StoryReview.claimed_by_id == moderator.id, StoryReview.claim_expires_at > now))
