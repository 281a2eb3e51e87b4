"""The stories moderators may see, in one place: every moderator page reads stories through here.

Moderators read a story's words from the moment it is sent until it is withdrawn (PRODUCT.md, "Moderators and
withdrawal"); a draft is not theirs to read yet. The one exception, the safeguarding record, does not come through
here: a concern keeps its own copy of the sentence that worried someone, and its page shows that sentence, never
the story's title or text, once the story is out of moderators' sight.
"""

from __future__ import annotations

from sqlalchemy import Select, select

from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus

HIDDEN_FROM_MODERATORS = (StoryStatus.DRAFT, StoryStatus.WITHDRAWN)


def stories_for_moderators() -> Select[tuple[Story]]:
    """A select of every story moderators may see; add columns, joins, filters and order as a page needs."""
    return select(Story).where(Story.status.not_in(HIDDEN_FROM_MODERATORS))


def story_ids_for_moderators() -> Select[tuple[int]]:
    """The same stories as ids, to join other rows (appeals, concerns) through the rule above."""
    return stories_for_moderators().with_only_columns(Story.id)


def story_for_moderators(story_id: int | None) -> Story | None:
    """The story if moderators may see it, else None (the page then answers as if it did not exist)."""
    if story_id is None:
        return None
    return db.session.scalar(stories_for_moderators().where(Story.id == story_id))
