"""Recording, changing and withdrawing consent. Every change is a new ConsentRecord and an audit event.

Records are append-only (the model refuses updates and deletes), so the history of what a person agreed to, and
the exact wording version, is always there. The newest record is the one the consent gate reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storybank import events
from storybank.audit.services import record
from storybank.consent.models import Attribution, ConsentMethod, ConsentRecord, Purpose
from storybank.consent.wording import CONSENT_WORDING, CURRENT_WORDING_VERSION
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus


class ConsentError(ValueError):
    """Something about the consent that the person can put right."""


@dataclass(frozen=True)
class ConsentChoice:
    """What a person agreed to, and how it was recorded."""

    scopes: frozenset[Purpose]
    attribution: Attribution
    review_date: date
    attribution_name: str | None = None
    method: ConsentMethod = ConsentMethod.SELF
    recorded_by_name: str | None = None
    wording_version: str = CURRENT_WORDING_VERSION

    def check(self, today: date | None = None) -> None:
        today = today or utcnow().date()
        if self.review_date <= today:
            raise ConsentError("The review date needs to be after today.")
        if self.attribution != Attribution.ANONYMOUS and not (self.attribution_name or "").strip():
            raise ConsentError("Please tell us the name to show with your story.")
        if self.wording_version not in CONSENT_WORDING:
            raise ConsentError("That consent wording is not one we know.")


def _summary(consent: ConsentRecord) -> dict:
    return {
        "scopes": [p.value for p in consent.scopes],
        "attribution": consent.attribution.value,
        "review_date": consent.review_date.isoformat(),
        "wording_version": consent.wording_version,
        "method": consent.method.value,
        "withdrawn": consent.withdrawn,
    }


def _new_record(story: Story, choice: ConsentChoice, actor: Any, *, withdrawn: bool = False) -> ConsentRecord:
    scopes = set() if withdrawn else set(choice.scopes)
    consent = ConsentRecord(
        story_id=story.id,
        created_at=utcnow(),
        withdrawn=withdrawn,
        attribution=choice.attribution,
        attribution_name=None if choice.attribution == Attribution.ANONYMOUS else choice.attribution_name,
        review_date=choice.review_date,
        wording_version=choice.wording_version,
        method=choice.method,
        recorded_by_id=getattr(actor, "id", None),
        recorded_by_name=choice.recorded_by_name,
        **{p.value: p in scopes for p in Purpose},
    )
    db.session.add(consent)
    db.session.flush()
    db.session.refresh(story, ["consent_records"])
    return consent


def record_consent(story: Story, choice: ConsentChoice, actor: Any, *, actor_label: str | None = None,
                   commit: bool = True) -> ConsentRecord:
    """The first consent, given when the story is sent. The caller may fold it into its own transaction."""
    choice.check()
    consent = _new_record(story, choice, actor)
    record("consent.recorded", actor, story, after=_summary(consent), actor_label=actor_label)
    if commit:
        db.session.commit()
    return consent


def change_consent(story: Story, choice: ConsentChoice, actor: Any, *,
                   actor_label: str | None = None) -> ConsentRecord:
    """A new record; the old ones stay exactly as they were. Takes effect at once through the consent gate."""
    if story.status == StoryStatus.WITHDRAWN:
        raise ConsentError("This story has been withdrawn, so its consent cannot be changed.")
    if story.status == StoryStatus.DRAFT:
        raise ConsentError("This story has not been sent yet. You choose how it is used when you send it.")
    choice.check()
    before = story.current_consent
    consent = _new_record(story, choice, actor)
    record("consent.changed", actor, story, before=_summary(before) if before else None, after=_summary(consent),
           actor_label=actor_label)
    db.session.commit()
    return consent


def withdraw(story: Story, actor: Any, *, actor_label: str | None = None, method: ConsentMethod | None = None,
             recorded_by_name: str | None = None, withdrawn_at: datetime | None = None) -> ConsentRecord | None:
    """Take the story back: nobody else sees it from this moment. Safe to ask twice.

    ``withdrawn_at`` is for a withdrawal made again after a restore from a backup (storybank/backup): the story keeps
    the moment its author first withdrew it, so the retention period for its words is not started afresh.

    ``events.story_withdrawn`` is sent before the commit, so what other domains end because of it (moderation's
    claims, appeals and clarity questions) lands in the same transaction as the withdrawal itself.
    """
    if story.status == StoryStatus.WITHDRAWN:
        return story.current_consent
    if story.status == StoryStatus.DRAFT:
        raise ConsentError("This story has not been sent, so nobody else can see it. There is nothing to withdraw yet.")
    before_status = story.status
    story.status = StoryStatus.WITHDRAWN
    story.withdrawn_at = withdrawn_at or utcnow()
    previous = story.current_consent
    consent = None
    if previous is not None:
        choice = ConsentChoice(
            scopes=frozenset(), attribution=previous.attribution, attribution_name=previous.attribution_name,
            review_date=previous.review_date, wording_version=previous.wording_version,
            method=method or ConsentMethod.SELF, recorded_by_name=recorded_by_name,
        )
        consent = _new_record(story, choice, actor, withdrawn=True)
    record("story.withdrawn", actor, story, before={"status": before_status.value},
           after={"status": StoryStatus.WITHDRAWN.value}, actor_label=actor_label)
    events.story_withdrawn.send(story, actor=actor, actor_label=actor_label)
    db.session.commit()
    return consent
