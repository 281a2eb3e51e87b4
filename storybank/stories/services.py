"""Writing, saving and sending stories, and finding a story by its reference and key.

Drafts are Story rows in DRAFT status. Saving a draft is not audited (autosave would flood the log); starting a
story, sending it, and every look-up with a story key are.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, or_, select, update

from storybank import events
from storybank.audit.services import record
from storybank.consent import services as consent_services
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories import keys
from storybank.stories.models import PendingDraft, Story, StoryStatus
from storybank.text.analysis import Finding, analyse

STORY_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 200
CONTEXT_MAX_CHARS = 80
DRAFT_MAX_CHARS = 200_000
"""A draft may hold more than can be sent, so that over-long text is kept while the person shortens it."""

PENDING_DRAFT_LIFETIME = timedelta(days=1)
KEY_HOLDER = "story key holder"


class StoryError(ValueError):
    """A problem the person can put right; ``field`` says which form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class StoryText:
    title: str = ""
    body: str = ""
    care_setting: str | None = None
    region: str | None = None
    about_whom: str | None = None
    when_happened: str | None = None
    on_behalf: bool = False
    contributor_name: str | None = None

    def as_fields(self) -> dict:
        return asdict(self)


_COLUMN_LIMITS = {
    "title": TITLE_MAX_CHARS, "body": DRAFT_MAX_CHARS, "care_setting": CONTEXT_MAX_CHARS,
    "region": CONTEXT_MAX_CHARS, "about_whom": CONTEXT_MAX_CHARS, "when_happened": CONTEXT_MAX_CHARS,
    "contributor_name": CONTEXT_MAX_CHARS,
}


def stories_of(user: Any) -> list[Story]:
    """A person's own stories, and the ones they helped someone share, newest first."""
    return list(db.session.scalars(
        select(Story).where(or_(Story.author_id == user.id, Story.supporter_id == user.id))
        .order_by(Story.updated_at.desc(), Story.id.desc())))


def own_story(user: Any, story_id: int) -> Story | None:
    """The story only if this person wrote it or helped share it; anyone else gets None (and a 404)."""
    story = db.session.get(Story, story_id)
    if story is None or user.id not in (story.author_id, story.supporter_id):
        return None
    return story


def save_draft(author: Any, text: StoryText, story: Story | None = None, *, commit: bool = True) -> Story:
    """Keep what the person has written so far. A field too long for its column keeps its last saved value
    (the form shows the limit message and the text as typed), so nothing is ever cut short."""
    if story is not None and story.status != StoryStatus.DRAFT:
        raise StoryError("This story has already been sent, so it cannot be changed here.")
    created = story is None
    if created:
        story = Story(author_id=author.id, title="", status=StoryStatus.DRAFT)
        db.session.add(story)
    for name, limit in _COLUMN_LIMITS.items():
        value = getattr(text, name)
        if name in ("title", "body"):
            value = value or ""
        else:
            value = (value or "").strip() or None
        if value is None or len(value) <= limit:
            setattr(story, name, value)
    story.supporter_id = author.id if text.on_behalf else None
    if not text.on_behalf:
        story.contributor_name = None
    story.updated_at = utcnow()
    db.session.flush()
    if created:
        record("story.draft_started", author, story, after={"assisted": text.on_behalf})
    if commit:
        db.session.commit()
    return story


def _new_unique_reference() -> str:
    while True:
        reference = keys.new_reference()
        if db.session.scalar(select(Story.id).where(Story.reference == reference)) is None:
            return reference


def submit_story(story: Story, consent: consent_services.ConsentChoice, actor: Any) -> str:
    """Send a draft to the moderators with its first consent. Returns the story key, which is never stored
    in plain form and so can only be shown this once."""
    if story.status != StoryStatus.DRAFT:
        raise StoryError("This story has already been sent.")
    if not story.title.strip():
        raise StoryError("Please give your story a title before you send it.", "title")
    if not (story.body or "").strip():
        raise StoryError("Please write your story before you send it.", "body")
    if len(story.body) > STORY_MAX_CHARS or len(story.title) > TITLE_MAX_CHARS:
        raise StoryError(f"Your story can be up to {STORY_MAX_CHARS:,} characters. Please shorten it first.", "body")
    if story.supporter_id and not (story.contributor_name or "").strip():
        raise StoryError("Please tell us the name of the person whose story this is.", "contributor_name")
    key = keys.new_key()
    story.reference = _new_unique_reference()
    story.key_hash = keys.hash_key(key)
    story.status = StoryStatus.SUBMITTED
    story.submitted_at = utcnow()
    db.session.flush()
    consent_services.record_consent(story, consent, actor, commit=False)
    record("story.submitted", actor, story, before={"status": StoryStatus.DRAFT.value},
           after={"status": StoryStatus.SUBMITTED.value, "reference": story.reference,
                  "assisted": bool(story.supporter_id)})
    db.session.commit()
    _tell_moderators(story)
    return key


NOT_WAITING_FOR_CHANGES = ("This story is not waiting for changes from you any more, so nothing was changed. "
                           "Your story page shows where it is now.")


def save_changes(story: Story, text: StoryText, actor: Any, *, commit: bool = True) -> Story:
    """Keep a contributor's changes to a story a moderator asked about, as they write (not audited, like a
    draft). Only the title, the story and its background change: whose story it is stays as it was sent.
    A field too long for its column keeps its last saved value, as with drafts, so nothing is cut short.

    One conditional UPDATE, so a withdrawal made meanwhile (in another tab, or with the story key) always wins.
    """
    values: dict[str, Any] = {}
    for name in ("title", "body", "care_setting", "region", "about_whom", "when_happened"):
        value = getattr(text, name)
        value = (value or "") if name in ("title", "body") else ((value or "").strip() or None)
        if value is None or len(value) <= _COLUMN_LIMITS[name]:
            values[name] = value
    changed = db.session.execute(
        update(Story).where(Story.id == story.id, Story.status == StoryStatus.CHANGES_REQUESTED)
        .values(**values, updated_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise StoryError(NOT_WAITING_FOR_CHANGES)
    db.session.expire(story)
    if commit:
        db.session.commit()
    return story


def resubmit_story(story: Story, text: StoryText, actor: Any) -> Story:
    """Send a story back to the moderators after they asked for a change. The consent stays as it was (the
    person changes it on its own page if they wish); the new words are analysed again straight away."""
    save_changes(story, text, actor, commit=False)
    problem = _sending_problem(text)
    if problem is not None:
        db.session.commit()  # keep every word they typed, then tell them what to put right
        raise problem
    db.session.execute(update(Story).where(Story.id == story.id, Story.status == StoryStatus.CHANGES_REQUESTED)
                       .values(status=StoryStatus.SUBMITTED, submitted_at=utcnow())
                       .execution_options(synchronize_session=False))
    db.session.expire(story)
    record("story.resubmitted", actor, story, before={"status": StoryStatus.CHANGES_REQUESTED.value},
           after={"status": StoryStatus.SUBMITTED.value, "reference": story.reference})
    db.session.commit()
    _tell_moderators(story)
    return story


def _sending_problem(text: StoryText) -> StoryError | None:
    """Checked on the words as typed, so an over-long field is never sent with an older saved value."""
    if not text.title.strip():
        return StoryError("Please give your story a title before you send it.", "title")
    if len(text.title) > TITLE_MAX_CHARS:
        return StoryError(f"The title can be up to {TITLE_MAX_CHARS} characters. Please shorten it first.", "title")
    if not text.body.strip():
        return StoryError("Please write your story before you send it.", "body")
    if len(text.body) > STORY_MAX_CHARS:
        return StoryError(f"Your story can be up to {STORY_MAX_CHARS:,} characters. Please shorten it first.",
                          "body")
    return None


def personal_details(story: Story) -> list[Finding]:
    """Words in a draft that could show who someone is, to point out kindly before it is sent, in the order
    they appear. Never stored: moderation analyses the story again when it arrives. If the analysis fails, the
    person is simply not told, and can still send their story."""
    if not (story.body or "").strip():
        return []
    try:
        analysis = analyse(story.body, model=current_app.config["STORYBANK_SPACY_MODEL"])
    except Exception:  # a hint must never stop someone sending their story
        current_app.logger.exception("Analysis failed for the hints on draft %s.", story.id)
        return []
    return sorted(analysis.findings, key=lambda finding: (finding.start, finding.end))


def shows_help_now(story: Story) -> bool:
    """Help numbers on the confirmation page: the simple word screen, or any safeguarding signal the analysis raised
    when the story was sent (it words disclosures in more ways than a list of phrases can)."""
    from storybank.moderation.safeguarding import concerns_for
    from storybank.stories.crisis import suggests_danger

    return suggests_danger(story.title, story.body) or bool(concerns_for(story))


def _tell_moderators(story: Story) -> None:
    """Announce a story that has just reached the moderators; moderation analyses it at once, so a safeguarding
    disclosure is at the top of their queue straight away. The story is already committed: whatever goes wrong in
    a receiver is logged and never reaches the person, who must still see their story key. The story stays
    waiting, shown to moderators as being prepared, until `flask analysis reanalyse` prepares it."""
    try:
        events.story_sent.send(story)
    except Exception:  # the story is safe; losing the page that shows its key is not
        db.session.rollback()
        current_app.logger.exception("Preparing story %s for the moderators failed; it stays waiting until "
                                     "`flask analysis reanalyse` prepares it.", story.id)


def _reference_candidates(reference: str) -> set[str]:
    typed = reference.strip().upper()
    compact = keys.normalise(reference)
    candidates = {typed}
    if compact.startswith("SB") and len(compact) == 10:
        candidates.add(f"SB-{compact[2:6]}-{compact[6:]}")
    return candidates


def look_up_story(reference: str, key: str) -> Story | None:
    """The story for a reference and key, or None. Every try is audited, the failures with what was typed."""
    story = db.session.scalar(select(Story).where(Story.reference.in_(_reference_candidates(reference))))
    if story is None or not keys.key_matches(story.key_hash, key):
        record("story_key.failed", None, object_type="stories", object_id=story.id if story else None,
               actor_label=KEY_HOLDER, detail=f"reference tried: {reference[:40]}")
        db.session.commit()
        return None
    record("story_key.checked", None, story, actor_label=KEY_HOLDER)
    db.session.commit()
    return story


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def keep_pending_draft(token: str, story_id: int | None, text: StoryText) -> None:
    """Hold words that arrived after the sign-in ended, until the same browser signs in again."""
    db.session.execute(delete(PendingDraft).where(PendingDraft.created_at < utcnow() - PENDING_DRAFT_LIFETIME))
    existing = db.session.scalar(select(PendingDraft).where(PendingDraft.token_hash == _token_hash(token)))
    if existing is not None:
        db.session.delete(existing)
        db.session.flush()
    db.session.add(PendingDraft(token_hash=_token_hash(token), story_id=story_id, fields=text.as_fields()))
    db.session.commit()


def claim_pending_draft(token: str, user: Any) -> Story | None:
    """Put kept words back into the person's draft (or a new draft if that one is not theirs or was sent)."""
    pending = db.session.scalar(select(PendingDraft).where(PendingDraft.token_hash == _token_hash(token)))
    if pending is None or pending.created_at < utcnow() - PENDING_DRAFT_LIFETIME:
        return None
    known = set(StoryText.__dataclass_fields__)
    text = StoryText(**{k: v for k, v in pending.fields.items() if k in known})
    story = own_story(user, pending.story_id) if pending.story_id else None
    if story is not None and story.status == StoryStatus.CHANGES_REQUESTED:
        save_changes(story, text, user, commit=False)
    else:
        if story is not None and story.status != StoryStatus.DRAFT:
            story = None
        story = save_draft(user, text, story, commit=False)
    db.session.delete(pending)
    db.session.commit()
    return story


@dataclass(frozen=True)
class StoryNews:
    """What moderators decided about one story, gathered for the person who shared it: the messages we sent
    them, and what they can do next. Never who the moderator was."""

    messages: list
    changes_asked: str | None = None
    decline_reason: str | None = None
    can_ask_again: bool = False
    asked_again: bool = False
    clarity_edit: Any = None
    removed: list = field(default_factory=list)


def news_for(story: Story, user: Any) -> StoryNews:
    from storybank.moderation.appeals import can_appeal, open_appeal_for
    from storybank.moderation.clarity import pending_clarity_edit
    from storybank.moderation.decisions import latest_decision
    from storybank.moderation.models import DecisionOutcome, SuggestionKind, SuggestionStatus
    from storybank.moderation.notifications import notifications_for
    from storybank.moderation.suggestions import suggestions_for

    if story.status == StoryStatus.DRAFT:
        return StoryNews(messages=[])
    decision = latest_decision(story)
    outcome = decision.outcome if decision is not None else None
    removed = []
    if story.status == StoryStatus.APPROVED:
        removed = [s for s in suggestions_for(story, SuggestionKind.REDACTION)
                   if s.status == SuggestionStatus.ACCEPTED]
    return StoryNews(
        messages=notifications_for(user, story=story),
        changes_asked=decision.message if story.status == StoryStatus.CHANGES_REQUESTED
        and outcome == DecisionOutcome.CHANGES_REQUESTED else None,
        decline_reason=decision.message if story.status == StoryStatus.DECLINED
        and outcome == DecisionOutcome.DECLINED else None,
        can_ask_again=can_appeal(story),
        asked_again=story.status == StoryStatus.DECLINED and open_appeal_for(story) is not None,
        clarity_edit=pending_clarity_edit(story)
        if story.status not in (StoryStatus.CHANGES_REQUESTED, StoryStatus.WITHDRAWN) else None,
        removed=removed,
    )
