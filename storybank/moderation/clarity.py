"""Edits for clarity beyond redaction, which are only used once the contributor agrees to them."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select

from storybank import events
from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import require_claim
from storybank.moderation.common import story_label
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import ClarityEdit, ClarityStatus, SuggestionKind, SuggestionStatus
from storybank.moderation.notifications import notify, send_emails
from storybank.moderation.preparation import require_prepared
from storybank.moderation.suggestions import redacted_text, suggestions_for
from storybank.stories.models import Story, StoryStatus


def current_clarity_edit(story: Story) -> ClarityEdit | None:
    return current_clarity_edits([story.id]).get(story.id)


def current_clarity_edits(story_ids: list[int]) -> dict[int, ClarityEdit]:
    """The newest edit still in play (waiting for an answer, or agreed) for each story, in one query."""
    if not story_ids:
        return {}
    current: dict[int, ClarityEdit] = {}
    for edit in db.session.scalars(select(ClarityEdit).where(
            ClarityEdit.story_id.in_(story_ids), ClarityEdit.status.in_([ClarityStatus.PENDING, ClarityStatus.AGREED]))
            .order_by(ClarityEdit.id.desc())):
        current.setdefault(edit.story_id, edit)
    return current


def pending_clarity_edit(story: Story) -> ClarityEdit | None:
    """For "My stories": an edit for clarity waiting for the contributor to agree (or not)."""
    return waiting_for_answer(current_clarity_edit(story))


def waiting_for_answer(edit: ClarityEdit | None) -> ClarityEdit | None:
    return edit if edit is not None and edit.status == ClarityStatus.PENDING else None


def propose_clarity_edit(story: Story, moderator: User, text: str, note: str | None = None,
                         now: datetime | None = None) -> ClarityEdit:
    """Edits beyond redaction are only used once the contributor agrees; until then the story waits."""
    now = now or utcnow()
    require_claim(story, moderator, now)
    require_prepared(story)
    redactions = suggestions_for(story, SuggestionKind.REDACTION)
    if any(s.status == SuggestionStatus.PENDING for s in redactions):
        raise ModerationError("Please decide every suggested removal first, so your edit starts from the text "
                              "with personal details taken out.", "text")
    text = (text or "").replace("\r\n", "\n").strip()
    based_on = redacted_text(story, redactions)
    if not text or text == based_on.strip():
        raise ModerationError("The text is the same as before. Change some words, or leave this out.", "text")
    for s in redactions:
        if s.status == SuggestionStatus.ACCEPTED and s.original_text and re.search(
                rf"(?<!\w){re.escape(s.original_text)}(?!\w)", text, flags=re.IGNORECASE):
            raise ModerationError(f"Your edit still contains “{s.original_text}”, which you chose to remove. "
                                  "Please take it out.", "text")
    edit = pending_clarity_edit(story)
    before = {"proposed": edit is not None}
    if edit is None:
        edit = ClarityEdit(story_id=story.id)
        db.session.add(edit)
    edit.proposed_text, edit.based_on, edit.note = text, based_on, (note or "").strip() or None
    edit.proposed_by_id, edit.proposed_at = moderator.id, now
    db.session.flush()
    record("moderation.clarity_proposed", moderator, edit, before=before, after={"story": story_label(story)})
    note_row = notify(story.author, story, f"A moderator has suggested some small changes to make your story "
                      f"“{story.title}” clearer. Nothing changes unless you agree. Please have a look at them in "
                      "“My stories” and tell us what you think.")
    db.session.commit()
    send_emails([note_row])
    return edit


def _answer_clarity_edit(story: Story, user: User, agree: bool) -> ClarityEdit:
    if user.id not in (story.author_id, story.supporter_id):
        raise ModerationError("Only the person who shared this story can answer this.")
    edit = pending_clarity_edit(story)
    if edit is None:
        raise ModerationError("There is no suggested change waiting for you on this story.")
    edit.status = ClarityStatus.AGREED if agree else ClarityStatus.DECLINED
    edit.answered_at = utcnow()
    before = {"moderated_body_set": story.moderated_body is not None}
    if story.status == StoryStatus.APPROVED and story.withdrawn_at is None:
        story.moderated_body = edit.proposed_text if agree else edit.based_on
    record("moderation.clarity_agreed" if agree else "moderation.clarity_declined", user, edit, before=before,
           after={"moderated_body_set": story.moderated_body is not None, "story": story_label(story)})
    db.session.commit()
    events.story_published.send(story)
    return edit


def agree_to_clarity_edit(story: Story, user: User) -> ClarityEdit:
    return _answer_clarity_edit(story, user, True)


def decline_clarity_edit(story: Story, user: User) -> ClarityEdit:
    """The story is then used with personal details removed and the contributor's own words otherwise."""
    return _answer_clarity_edit(story, user, False)
