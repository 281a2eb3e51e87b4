"""Forgetting moderation's copies of a story's words: after approval (purge) and on erasure or retention."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update

from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Appeal, ClarityEdit, Suggestion
from storybank.stories.models import Story, StoryStatus


def purge_originals(days: int, now: datetime | None = None) -> int:
    """Forget the original words of stories approved more than ``days`` ago, the title's as well as the text's:
    the moderated text and title stay (a name taken out of a title is as personal as one in the text). Stories
    whose text went before titles were purged too are caught up on the next run.

    Safeguarding concerns keep their sentence: they are a record of what was done to keep someone safe.
    """
    now = now or utcnow()
    stories = list(db.session.scalars(select(Story).where(
        Story.status == StoryStatus.APPROVED, Story.approved_at <= now - timedelta(days=days),
        Story.moderated_body.is_not(None),
        or_(Story.body.is_not(None), and_(Story.moderated_title.is_not(None), Story.title != Story.moderated_title)))))
    for story in stories:
        story.body = None
        if story.moderated_title is not None:
            story.title = story.moderated_title
        _forget_suggested_words(story)
        record("moderation.original_purged", None, story, actor_label="purge-originals",
               before={"original": True}, after={"original": False})
    db.session.commit()
    return len(stories)


def _forget_suggested_words(story: Story) -> None:
    db.session.execute(update(Suggestion).where(Suggestion.story_id == story.id)
                       .values(original_text=None).execution_options(synchronize_session=False))


def erase_story_words(story: Story) -> None:
    """For erasure and retention (privacy/data_rights, privacy/retention): forget the copies of the story's
    words that moderation keeps: the words each suggestion pointed at, and the texts of edits for clarity.
    Safeguarding concerns keep their sentence, as the record of what was done to keep someone safe.
    Adds to the caller's transaction; the caller commits and audits."""
    _forget_suggested_words(story)
    db.session.execute(update(ClarityEdit).where(ClarityEdit.story_id == story.id)
                       .values(proposed_text="", based_on="", note=None)
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Appeal).where(Appeal.story_id == story.id).values(note=None)
                       .execution_options(synchronize_session=False))
