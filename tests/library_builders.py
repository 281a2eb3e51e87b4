"""Approved, indexed stories for the tests of what trainers and readers see. Each has an original text, with a
name a moderator took out, that must never be shown to them ("ORIGINAL Bernadette Okafor …")."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from storybank.consent import services as consent_services
from storybank.consent.models import ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.search.services import index_story
from storybank.stories.models import Story, StoryStatus
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


def put_outside_the_gate(story: Story, state: str, author) -> None:
    """Move an approved story to a state the consent gate refuses: withdrawn, expired consent, its person no longer
    allowing training or partners (public only), or not approved (a story made with public-only or partners-only
    consent needs nothing more)."""
    if state == "withdrawn":
        consent_services.withdraw(story, author)
    if state == "expired":
        db.session.execute(update(ConsentRecord).where(ConsentRecord.story_id == story.id).values(
            review_date=(utcnow() - timedelta(days=1)).date()).execution_options(synchronize_session=False))
    if state == "purpose_removed":
        current = story.current_consent
        consent_services.change_consent(story, consent_services.ConsentChoice(
            scopes=frozenset({Purpose.PUBLIC}), attribution=current.attribution,
            attribution_name=current.attribution_name, review_date=current.review_date), author)
    if state == "not_approved":
        story.status = StoryStatus.SUBMITTED
    db.session.commit()
