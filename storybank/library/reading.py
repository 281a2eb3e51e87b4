"""A story as others may read it: the moderated text, the name the person chose to show, and the content warnings
a moderator confirmed, so a reader can choose before they begin. Always found through the consent gate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from storybank.consent.gate import visible_stories
from storybank.consent.models import Attribution, ConsentRecord, Purpose
from storybank.extensions import db
from storybank.moderation.models import Suggestion, SuggestionKind, SuggestionStatus
from storybank.stories.models import Story

ANONYMOUS_WORDS = "Shared anonymously"


@dataclass(frozen=True)
class ReadableStory:
    story: Story
    attribution: str
    content_warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.story.moderated_body or ""


def attribution_words(consent: ConsentRecord | None) -> str:
    """The name shown with the story is exactly the one the person chose, and none if they chose none."""
    if consent is None or consent.attribution == Attribution.ANONYMOUS or not (consent.attribution_name or "").strip():
        return ANONYMOUS_WORDS
    return f"Shared by {consent.attribution_name.strip()}"


def content_warnings_for(story_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    ids = list(story_ids)
    found: dict[int, list[str]] = {story_id: [] for story_id in ids}
    if not ids:
        return {}
    rows = db.session.execute(
        select(Suggestion.story_id, Suggestion.label)
        .where(Suggestion.story_id.in_(ids), Suggestion.kind == SuggestionKind.CONTENT_WARNING,
               Suggestion.status == SuggestionStatus.ACCEPTED)
        .order_by(Suggestion.story_id, Suggestion.label))
    for story_id, label in rows:
        if label and label not in found[story_id]:
            found[story_id].append(label)
    return {story_id: tuple(labels) for story_id, labels in found.items()}


def readable(stories: Iterable[Story]) -> list[ReadableStory]:
    """Stories that already passed the gate, with what a reader needs to see first."""
    stories = list(stories)
    warnings = content_warnings_for(story.id for story in stories)
    return [ReadableStory(story, attribution_words(story.current_consent), warnings.get(story.id, ()))
            for story in stories]


def readable_story(reference: str, purpose: Purpose | str) -> ReadableStory | None:
    """The story with this reference if it may be used for ``purpose`` right now, else None (shown as a 404, the
    same as a story that never existed)."""
    story = db.session.scalar(visible_stories(purpose).where(Story.reference == (reference or "")[:20]))
    return readable([story])[0] if story is not None else None


def readable_by_id(story_ids: Iterable[int], purpose: Purpose | str) -> dict[int, ReadableStory]:
    """Of these stories, the ones that may be used for ``purpose`` right now, by id: asked afresh on every call, so
    a page that keeps only story ids (a training pack) shows nothing of a story the moment it may no longer be
    used. Ids that are missing from the answer are stories that did not pass the gate."""
    ids = sorted({story_id for story_id in story_ids if story_id is not None})
    if not ids:
        return {}
    stories = db.session.scalars(visible_stories(purpose).where(Story.id.in_(ids)))
    return {item.story.id: item for item in readable(stories)}
