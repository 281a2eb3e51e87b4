"""How long the words of a withdrawn story are kept, and erasing them: the one rule, used by
`flask retention purge` and by account deletion alike.

Erasing keeps the story row, its reference and key hash (so the person can still check with their key that it has
gone), its dates and status, and every consent record (the history of what was agreed holds no story text). It
removes the title, the text as written, the moderated text, the context, the contributor's name and any words held
for the story in a pending draft. The audit event says that the words were erased, never what they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import ColumnElement, delete, or_, select

from storybank import jobs
from storybank.audit.services import record
from storybank.consent.erasure import pseudonymise_consent_names
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.retention import erase_story_words
from storybank.stories.models import PendingDraft, Story, StoryStatus
from storybank.stories.services import PENDING_DRAFT_LIFETIME
from storybank.tagging.services import erase_trigger_words

ERASED_TITLE = "Withdrawn story"
ERASED_NAME = "name removed when the story was erased"
ERASED_FIELDS = ("body", "moderated_body", "moderated_title", "care_setting", "region", "about_whom",
                 "when_happened", "contributor_name")
PURGE_ACTOR_LABEL = "retention purge"


class NotWithdrawn(ValueError):
    """Only a withdrawn story's words are erased; anything else must be withdrawn first (one rule, one place)."""


def is_erased(story: Story) -> bool:
    return story.title == ERASED_TITLE and all(getattr(story, name) is None for name in ERASED_FIELDS)


def _not_erased() -> ColumnElement[bool]:
    return or_(Story.title != ERASED_TITLE, *(getattr(Story, name).is_not(None) for name in ERASED_FIELDS))


def erase_story_text(story: Story, actor: Any = None, *, reason: str, actor_label: str | None = None) -> bool:
    """Erase the words of a withdrawn story, in the caller's transaction. Returns False if they were already gone."""
    if story.status != StoryStatus.WITHDRAWN:
        raise NotWithdrawn(f"Story {story.id} is {story.status.value}, not withdrawn; its words are not erased.")
    db.session.execute(delete(PendingDraft).where(PendingDraft.story_id == story.id))
    if is_erased(story):
        return False
    story.title = ERASED_TITLE
    for name in ERASED_FIELDS:
        setattr(story, name, None)
    erase_story_words(story)
    erase_trigger_words(story)
    record("story.erased", actor, story, actor_label=actor_label, detail=reason)
    return True


@dataclass(frozen=True)
class PurgeResult:
    stories_erased: int
    pending_drafts_removed: int


def purge_withdrawn(retention_days: int, *, now: datetime | None = None) -> PurgeResult:
    """Erase the words of every story withdrawn more than ``retention_days`` ago, and drop pending drafts nobody
    came back for. Safe to run as often as you like: a story already erased is not touched or audited again."""
    now = now or utcnow()
    cutoff = now - timedelta(days=retention_days)
    stories = db.session.scalars(
        select(Story)
        .where(Story.status == StoryStatus.WITHDRAWN, Story.withdrawn_at.is_not(None),
               Story.withdrawn_at <= cutoff, _not_erased())
        .order_by(Story.id)
    ).all()
    reason = f"withdrawn more than {retention_days} days ago"
    erased = 0
    for story in stories:
        if erase_story_text(story, None, reason=reason, actor_label=PURGE_ACTOR_LABEL):
            erased += 1
            # No name survives an erasure: the name shown with the story, and any name its teller typed in.
            pseudonymise_consent_names([story.id], ERASED_NAME, person_id=story.author_id or 0)
    removed = db.session.execute(
        delete(PendingDraft).where(PendingDraft.created_at < now - PENDING_DRAFT_LIFETIME)
    ).rowcount
    db.session.commit()
    return PurgeResult(stories_erased=erased, pending_drafts_removed=removed or 0)


PURGE_WITHDRAWN = "purge-withdrawn"


def init_app(app: Flask) -> None:
    jobs.register(app, PURGE_WITHDRAWN, purge_withdrawn, job_id="purge-withdrawn-{retention_days}",
                  describe=lambda retention_days: "Erasing the words of stories withdrawn more than "
                                                  f"{retention_days} days ago", timeout=3600)


retention_cli = AppGroup("retention", help="Keep personal data only as long as we need it.")


@retention_cli.command("purge")
@click.option("--queue", "on_queue", is_flag=True,
              help="Put it on the queue for a worker (STORYBANK_REDIS_URL) rather than doing it now.")
def purge_command(on_queue: bool) -> None:
    """Erase the words of stories withdrawn longer ago than STORYBANK_WITHDRAWN_RETENTION_DAYS. Run it daily."""
    days = current_app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"]
    done = (jobs.enqueue if on_queue else jobs.run_now)(PURGE_WITHDRAWN, retention_days=days)
    if not done.ran_now:
        click.echo(jobs.queued_words(done))
        return
    result = done.result
    story_word = "story" if result.stories_erased == 1 else "stories"
    click.echo(f"Erased the words of {result.stories_erased} withdrawn {story_word} "
               f"(withdrawn words are kept for {days} days).")
    draft_word = "draft" if result.pending_drafts_removed == 1 else "drafts"
    click.echo(f"Removed {result.pending_drafts_removed} unclaimed pending {draft_word}.")
