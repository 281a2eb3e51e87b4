"""Approved, indexed stories for the API tests, each with an original text that must never leave the API."""

from __future__ import annotations

from datetime import timedelta

from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.search.services import index_story
from storybank.stories.models import Story
from tests.data_rights_builders import make_story

ORIGINAL = "ORIGINALWORDS"


def approved(author, text: str, *, title: str = "A story", scopes=(Purpose.TRAINING,), days_ago: int = 50,
             **fields) -> Story:
    """Indexed as a real approval would be; the original is the moderated text with ORIGINAL in front."""
    story = make_story(author, body=f"{ORIGINAL} {text}", moderated_body=text, title=title, scopes=scopes, **fields)
    story.approved_at = utcnow() - timedelta(days=days_ago)
    db.session.flush()
    index_story(story.id)
    db.session.commit()
    return story
