"""Approved, indexed stories for the tests of what trainers and readers see. Each has an original text, with a
name a moderator took out, that must never be shown to them ("ORIGINAL Bernadette Okafor …")."""

from __future__ import annotations

from datetime import timedelta

from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.search.services import index_story
from storybank.stories.models import Story
from tests.data_rights_builders import make_story

ORIGINAL_PREFIX = "ORIGINAL Bernadette Okafor "


def approved(author, body: str, *, title: str, days_ago: int = 5, scopes=(Purpose.TRAINING,), warning=None,
             region=None, **fields) -> Story:
    story = make_story(author, body=ORIGINAL_PREFIX + body, moderated_body=body, title=title, scopes=scopes,
                       **fields)
    story.approved_at = utcnow() - timedelta(days=days_ago)
    if region:
        story.region = region
    if warning:
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label=warning,
                                  status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
    db.session.flush()
    index_story(story.id)
    db.session.commit()
    return story
