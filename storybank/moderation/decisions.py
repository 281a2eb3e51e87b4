"""Deciding a story with one conditional UPDATE, so when two moderators race exactly one wins, kindly told."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from storybank import events
from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import live_claim_by, require_claim
from storybank.moderation.clarity import current_clarity_edit
from storybank.moderation.errors import ALREADY_DECIDED, ModerationError
from storybank.moderation.models import ClarityStatus, DecisionOutcome, ModerationDecision, StoryReview
from storybank.moderation.notifications import notify, send_emails
from storybank.moderation.preparation import require_prepared
from storybank.moderation.reasons import decline_reason
from storybank.moderation.suggestions import pending_count, redacted_title_and_text
from storybank.stories.models import Story, StoryStatus


def decisions_for(story: Story) -> list[ModerationDecision]:
    return list(db.session.scalars(select(ModerationDecision).where(ModerationDecision.story_id == story.id)
                                   .order_by(ModerationDecision.decided_at, ModerationDecision.id)))


def latest_decision(story: Story) -> ModerationDecision | None:
    return latest_decisions([story.id]).get(story.id)


def latest_decisions(story_ids: list[int]) -> dict[int, ModerationDecision]:
    """Each story's latest decision, in one query (a story has a handful at most)."""
    if not story_ids:
        return {}
    return {decision.story_id: decision for decision in db.session.scalars(
        select(ModerationDecision).where(ModerationDecision.story_id.in_(story_ids))
        .order_by(ModerationDecision.decided_at, ModerationDecision.id))}


def _decide(story: Story, moderator: User, outcome: DecisionOutcome, now: datetime, values: dict,
            reason_template_key: str | None = None, message: str | None = None) -> ModerationDecision:
    """One conditional UPDATE: the story is still in review AND this moderator still holds a live claim."""
    require_claim(story, moderator, now)
    db.session.flush()
    changed = db.session.execute(
        update(Story)
        .where(Story.id == story.id, Story.status == StoryStatus.IN_REVIEW,
               Story.id.in_(live_claim_by(moderator, now)))
        .values(**values).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise ModerationError(ALREADY_DECIDED)
    db.session.execute(update(StoryReview).where(StoryReview.story_id == story.id)
                       .values(claimed_by_id=None, claimed_at=None, claim_expires_at=None)
                       .execution_options(synchronize_session=False))
    db.session.expire(story)
    decision = ModerationDecision(story_id=story.id, moderator_id=moderator.id, outcome=outcome,
                                  reason_template_key=reason_template_key, message=message, decided_at=now)
    db.session.add(decision)
    db.session.flush()
    record(f"moderation.{outcome.value}", moderator, story, before={"status": StoryStatus.IN_REVIEW.value},
           after={"status": values["status"].value, "reason_template": reason_template_key,
                  "decision": decision.id}, detail=message)
    return decision


def approve(story: Story, moderator: User, now: datetime | None = None) -> ModerationDecision:
    """Approve only when every suggestion has been decided by a person. The moderated title is set here too, even
    while an edit for clarity waits for the contributor: edits for clarity change only the text."""
    now = now or utcnow()
    require_prepared(story)
    undecided = pending_count(story)
    if undecided:
        raise ModerationError(
            f"Please decide every suggestion before approving: {undecided} still "
            f"{'needs' if undecided == 1 else 'need'} you to accept or reject {'it' if undecided == 1 else 'them'}.")
    title, moderated = redacted_title_and_text(story)
    edit = current_clarity_edit(story)
    if edit is not None and edit.based_on != moderated:
        raise ModerationError("The removals changed after the edit for clarity was made. Please look at the edit "
                              "again and save it, so it starts from the text as it is now.")
    if edit is not None and edit.status == ClarityStatus.AGREED:
        moderated = edit.proposed_text
    elif edit is not None:
        moderated = None  # waits for the contributor to agree to the clarity edit, or not
    decision = _decide(story, moderator, DecisionOutcome.APPROVED, now,
                       {"status": StoryStatus.APPROVED, "approved_at": now, "moderated_body": moderated,
                        "moderated_title": title})
    waiting = " One thing first: please look at the small changes we suggested to make it clearer." \
        if moderated is None else ""
    note = notify(story.author, story, f"Good news: your story “{story.title}” has been approved. It will only be "
                  f"used in the ways you agreed, with personal details taken out.{waiting} Thank you for sharing "
                  "it.")
    db.session.commit()
    events.story_published.send(story)
    send_emails([note])
    return decision


def request_changes(story: Story, moderator: User, message: str, now: datetime | None = None) -> ModerationDecision:
    now = now or utcnow()
    message = (message or "").strip()
    if not message:
        raise ModerationError("Please write a message to the contributor saying what you would like to change "
                              "and why.", "message")
    decision = _decide(story, moderator, DecisionOutcome.CHANGES_REQUESTED, now,
                       {"status": StoryStatus.CHANGES_REQUESTED}, message=message)
    note = notify(story.author, story, f"A moderator has read your story “{story.title}” and would like to ask "
                  f"about a change before it can be used:\n\n{message}\n\nYou can change your story and send it "
                  "again from “My stories”. Nothing you wrote has been lost.")
    db.session.commit()
    send_emails([note])
    return decision


def decline(story: Story, moderator: User, template_key: str, free_text: str | None = None,
            now: datetime | None = None) -> ModerationDecision:
    now = now or utcnow()
    reason = decline_reason(template_key or "")
    if reason is None:
        raise ModerationError("Please choose the reason that fits best.", "reason")
    free_text = (free_text or "").strip()
    if template_key == "other" and not free_text:
        raise ModerationError("Please explain the reason in your own words.", "message")
    message = reason.text + (f"\n\n{free_text}" if free_text else "")
    decision = _decide(story, moderator, DecisionOutcome.DECLINED, now, {"status": StoryStatus.DECLINED},
                       reason_template_key=reason.key, message=message)
    note = notify(story.author, story, f"About your story “{story.title}”:\n\n{message}\n\nIf you would like "
                  "another moderator to look at this again, you can ask from “My stories”.")
    db.session.commit()
    send_emails([note])
    return decision
