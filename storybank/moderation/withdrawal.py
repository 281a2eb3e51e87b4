"""What moderation lets go of when a story is withdrawn: its live claim, its open appeal and any clarity question.

Consent owns withdrawal and never imports moderation, so it sends ``events.story_withdrawn`` inside its own
transaction and this runs before that commit: the withdrawal and everything it ends land together, or not at all.
The appeal and the clarity question are removed rather than marked decided, because nobody decided them and their
words (the contributor's note, the moderator's edit) are words of the story. Safeguarding concerns stay: they are
the record of what was done to keep someone safe (see PRODUCT.md, "Safeguarding record").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update

from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import review_for
from storybank.moderation.models import Appeal, ClarityEdit, ClarityStatus, StoryReview
from storybank.stories.models import Story


def end_moderation_of(story: Story, *, actor: Any = None, actor_label: str | None = None, **_: Any) -> None:
    """End the live claim, open appeals and pending clarity questions of a story being withdrawn, and record in
    the audit log what ended (counts and who held the claim, never the story's words). The caller commits."""
    review = review_for(story)
    holder = (review.claimed_by.username if review is not None and review.claim_is_live(utcnow())
              and review.claimed_by is not None else None)
    if review is not None and review.claimed_by_id is not None:
        db.session.execute(update(StoryReview).where(StoryReview.story_id == story.id)
                           .values(claimed_by_id=None, claimed_at=None, claim_expires_at=None)
                           .execution_options(synchronize_session=False))
    appeals = list(db.session.scalars(select(Appeal.id).where(Appeal.story_id == story.id, Appeal.outcome.is_(None))))
    if appeals:
        db.session.execute(delete(Appeal).where(Appeal.id.in_(appeals)).execution_options(synchronize_session=False))
    questions = db.session.execute(
        delete(ClarityEdit).where(ClarityEdit.story_id == story.id, ClarityEdit.status == ClarityStatus.PENDING)
        .execution_options(synchronize_session=False)).rowcount
    if review is not None:
        db.session.expire(review)
    if holder or appeals or questions:
        record("moderation.ended_by_withdrawal", actor, story, actor_label=actor_label,
               before={"claimed_by": holder, "open_appeals": len(appeals), "clarity_questions": questions},
               after={"claimed_by": None, "open_appeals": 0, "clarity_questions": 0})
