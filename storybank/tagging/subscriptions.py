"""When a story's shared text is published (approved, or an edit agreed), the analysis suggests tags for it.

The suggestions are read from the moderated text only, and stay suggestions until a trainer or moderator
confirms them. A failure here never touches the approval: the story is simply left without suggestions.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app

from storybank import events
from storybank.extensions import db
from storybank.stories.models import Story
from storybank.tagging.services import suggest_tags
from storybank.text.analysis import analyse


def suggest_tags_for_published(story: Story, **_: Any) -> None:
    if not story.moderated_body:
        return
    try:
        analysis = analyse(story.moderated_body, model=current_app.config.get("STORYBANK_SPACY_MODEL"))
        suggest_tags(story, list(analysis.themes))
    except Exception:  # an approval must never fail for want of tag suggestions
        db.session.rollback()
        current_app.logger.exception("Could not suggest tags for story %s.", story.id)


def init_app(app: Flask) -> None:
    events.story_published.connect(suggest_tags_for_published, weak=False)
