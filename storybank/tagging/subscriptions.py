"""When a story's shared text is published (approved, or an edit agreed), the analysis suggests tags for it.

The suggestions are read from the moderated text only, and stay suggestions until a trainer or moderator
confirms them. Reading the text is background work (``storybank.jobs``): with Redis a worker does it, so the
moderator's approval does not wait for the analysis; with no Redis it is done at once, as part of the approval.
A failure never touches the approval: the story is simply left without suggestions for now (on the queue the
work is tried again, and an admin sees it on the Background work page if it keeps failing).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from storybank import events, jobs
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus
from storybank.tagging.services import suggest_tags
from storybank.text.analysis import analyse

SUGGEST_TAGS = "suggest-tags"


def suggest_tags_for_story(story_id: int) -> int:
    """Suggest tags from the story's moderated text as it is when the work is done, and say how many are new. A
    story withdrawn, no longer approved or without shared text by then gets none. Safe to run twice: a tag already on
    the story, suggested or decided by a person, is left as it is."""
    story = db.session.get(Story, story_id)
    if (story is None or story.status != StoryStatus.APPROVED or story.withdrawn_at is not None
            or not story.moderated_body):
        return 0
    analysis = analyse(story.moderated_body, model=current_app.config.get("STORYBANK_SPACY_MODEL"))
    return len(suggest_tags(story, list(analysis.themes)))


def suggest_tags_for_published(story: Story, **_: Any) -> None:
    if not story.moderated_body:
        return
    try:
        jobs.enqueue(SUGGEST_TAGS, story_id=story.id)
    except Exception:  # an approval must never fail for want of tag suggestions
        db.session.rollback()
        current_app.logger.exception("Could not suggest tags for story %s.", story.id)


def _describe(story_id: int) -> str:
    reference = db.session.scalar(select(Story.reference).where(Story.id == story_id))
    return f"Suggesting tags for story {reference or story_id}"


def init_app(app: Flask) -> None:
    events.story_published.connect(suggest_tags_for_published, weak=False)
    jobs.register(app, SUGGEST_TAGS, suggest_tags_for_story, job_id="suggest-tags-{story_id}", describe=_describe)
