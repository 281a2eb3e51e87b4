"""The index follows the story: re-read after an approval or an agreed edit, dropped in the withdrawing transaction.

Even if this ever lagged, search would still be right: the consent gate is joined into every query.
"""

from __future__ import annotations

from flask import current_app

from storybank import events
from storybank.extensions import db
from storybank.search.services import index_story, remove_story


def _on_published(story, **_) -> None:
    try:
        index_story(story.id)
        db.session.commit()
    except Exception:  # the story is approved and safe; `flask search reindex` catches the index up
        db.session.rollback()
        current_app.logger.exception("Could not index story %s for search.", story.id)


def _on_withdrawn(story, **_) -> None:
    remove_story(story.id)


def init_app(app) -> None:
    events.story_published.connect(_on_published)
    events.story_withdrawn.connect(_on_withdrawn)
