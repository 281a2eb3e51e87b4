"""Moderation's background work: preparing a sent story for the moderators, and forgetting the original words of
approved stories. With no Redis configured (storybank/jobs) each is done straight away, in the request or command
that asks for it; with Redis a worker does it, and until then the queue shows the story as being prepared."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import Flask, current_app
from sqlalchemy import or_, select

from storybank import jobs
from storybank.extensions import db
from storybank.moderation.common import WAITING
from storybank.moderation.models import StoryReview
from storybank.moderation.preparation import needs_preparing, prepare_for_review
from storybank.moderation.retention import purge_originals
from storybank.stories.models import Story
from storybank.text.analysis import analyse

PREPARE_STORY = "prepare-story"
PURGE_ORIGINALS = "purge-originals"


def prepare_story(story_id: int) -> bool:
    """Analyse a sent story, if it still waits for it; returns whether anything was prepared. Safe to run twice (the
    same words are never analysed again, and a moderator's decisions are kept). If the person sent changed words
    while this ran, they are prepared too."""
    prepared = False
    for _ in range(3):
        story = db.session.get(Story, story_id)
        if story is None or not needs_preparing(story):
            break
        prepare_for_review(story)
        prepared = True
    return prepared


def stories_waiting_to_be_prepared() -> Iterator[dict[str, Any]]:
    """Every waiting story whose words have not been analysed: never prepared, or sent again since. The words are
    read only for the few the dates point at (a story is prepared after it is sent)."""
    candidates = db.session.scalars(
        select(Story).outerjoin(StoryReview, StoryReview.story_id == Story.id)
        .where(Story.status.in_(WAITING), Story.body.is_not(None),
               or_(StoryReview.id.is_(None), StoryReview.prepared_at.is_(None),
                   StoryReview.prepared_at < Story.submitted_at))
        .order_by(Story.submitted_at, Story.id))
    for story in candidates:
        if needs_preparing(story):
            yield {"story_id": story.id}


def _describe_preparing(story_id: int) -> str:
    reference = db.session.scalar(select(Story.reference).where(Story.id == story_id))
    return f"Preparing story {reference or story_id} for the moderators"


def _warm_up_analysis() -> None:
    """Load the language model once in the worker, so each story's own process starts with it ready."""
    analyse("Warming up.", model=current_app.config.get("STORYBANK_SPACY_MODEL"))


def init_app(app: Flask) -> None:
    jobs.register(app, PREPARE_STORY, prepare_story, job_id="prepare-story-{story_id}",
                  describe=_describe_preparing, timeout=300, outstanding=stories_waiting_to_be_prepared,
                  warm_up=_warm_up_analysis)
    jobs.register(app, PURGE_ORIGINALS, purge_originals, job_id="purge-originals-{days}",
                  describe=lambda days: f"Forgetting the original words of stories approved more than {days} days "
                                        "ago", timeout=3600)
