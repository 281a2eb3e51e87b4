"""Writing, saving and sending stories, and finding a story by its reference and key.

Drafts are Story rows in DRAFT status. Saving a draft is not audited (autosave would flood the log); starting a
story, sending it, and every look-up with a story key are.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, or_, select, union, update
from sqlalchemy.orm import selectinload

from storybank import events
from storybank.audit.services import record
from storybank.consent import services as consent_services
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.paging import Pages, one_page
from storybank.stories import keys
from storybank.stories.models import PendingDraft, Story, StoryKeySession, StoryStatus
from storybank.text.analysis import Finding, analyse

STORY_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 200
CONTEXT_MAX_CHARS = 80
DRAFT_MAX_CHARS = 200_000
"""A draft may hold more than can be sent, so that over-long text is kept while the person shortens it."""

PENDING_DRAFT_LIFETIME = timedelta(days=1)
KEY_HOLDER = "story key holder"
MY_STORIES_PAGE_SIZE = 10


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


@dataclass(frozen=True)
class StoryPage(Pages):
    items: list[Story]
    total: int
    page: int
    per_page: int


def stories_page(user: Any, page: int = 1, per_page: int = MY_STORIES_PAGE_SIZE) -> StoryPage:
    """"My stories" a page at a time, newest first: each story brings its news (a few queries), so a page is
    kept short. The person's stories are found as two index look-ups joined by UNION (author, then supporter),
    never as `author_id = ? OR supporter_id = ?`, which SQLite answers by reading every story in the service."""
    mine = union(select(Story.id).where(Story.author_id == user.id),
                 select(Story.id).where(Story.supporter_id == user.id))
    items, total, page = one_page(select(Story).where(Story.id.in_(mine)).options(selectinload(Story.consent_records)),
                                  (Story.updated_at.desc(), Story.id.desc()), page, per_page)
    return StoryPage(items=items, total=total, page=page, per_page=per_page)


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


def _tell_moderators(story: Story) -> None:
    """Announce a story that has just reached the moderators; moderation analyses it at once (or puts it on the
    background work queue), so a safeguarding disclosure is at the top of their queue straight away. The story is
    already committed: whatever goes wrong in a receiver is logged and never reaches the person, who must still see
    their story key. The story stays waiting, shown to moderators as being prepared, until `flask jobs
    requeue-stale` (or `flask analysis reanalyse`) prepares it."""
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


def _limit_problem(text: StoryText) -> str | None:
    """Kept words are held to the same limits as a draft's columns, so a signed-out POST stores no more than a
    saved draft could (DRAFT_MAX_CHARS for the story, the column sizes for the rest)."""
    for name, limit in _COLUMN_LIMITS.items():
        value = getattr(text, name) or ""
        if len(value) > limit:
            return name
    return None


def _former_user_id(former_session_token: str | None) -> int | None:
    """Whose sign-in this browser held before it ended, read from the server-side session row (the cookie only
    names it by a random token, so it cannot be forged). None if the browser held no sign-in."""
    if not former_session_token:
        return None
    from storybank.accounts.models import UserSession

    return db.session.scalar(select(UserSession.user_id).where(
        UserSession.token_hash == _token_hash(former_session_token)))


def keep_words_typed_signed_out(browser_token: str, former_session_token: str | None, story_id: int | None,
                                text: StoryText) -> None:
    """Hold words that arrived after the sign-in ended, for the browser that typed them.

    - The words belong to ``browser_token``, a random value kept only in that browser's signed session cookie:
      a link, which can be sent to anyone, names nothing. One row per browser; a newer save replaces the older.
    - The sender is signed out, so a story id in the form proves nothing. We keep it only when the sign-in that
      just ended in this browser belonged to that story's author or supporter; otherwise the words will go into a
      new draft. We also keep whose sign-in it was, so that only that person is shown the words.
    - A field longer than its column could hold is refused with a StoryError (nothing is stored, and the page gives
      every word back), so one POST stores no more than a saved draft could.
    """
    if _limit_problem(text) is not None:
        raise StoryError("Your sign-in had ended, and this is more than we can keep for you while you are signed "
                         "out. Your words are all still here: please copy them somewhere safe, sign in again, and "
                         "paste them back.")
    user_id = _former_user_id(former_session_token)
    story = db.session.get(Story, story_id) if story_id else None
    if story is None or user_id is None or user_id not in (story.author_id, story.supporter_id):
        story = None
    db.session.execute(delete(PendingDraft).where(
        or_(PendingDraft.created_at < utcnow() - PENDING_DRAFT_LIFETIME,
            PendingDraft.token_hash == _token_hash(browser_token))))
    db.session.add(PendingDraft(token_hash=_token_hash(browser_token), story_id=story.id if story else None,
                                user_id=user_id, fields=text.as_fields()))
    db.session.commit()


def kept_words(browser_token: str | None, user: Any) -> PendingDraft | None:
    """The words this browser kept for this person, if any. Read only: showing them never changes anything."""
    if not browser_token:
        return None
    pending = db.session.scalar(select(PendingDraft).where(PendingDraft.token_hash == _token_hash(browser_token)))
    if pending is None or pending.created_at < utcnow() - PENDING_DRAFT_LIFETIME:
        return None
    if pending.user_id is not None and pending.user_id != user.id:
        return None
    return pending


def kept_text(pending: PendingDraft) -> StoryText:
    known = set(StoryText.__dataclass_fields__)
    return StoryText(**{k: v for k, v in pending.fields.items() if k in known})


def story_for_kept_words(pending: PendingDraft, user: Any) -> Story | None:
    """The story the words were typed in, only while it is this person's and can still take them."""
    story = own_story(user, pending.story_id) if pending.story_id else None
    if story is None or story.status not in (StoryStatus.DRAFT, StoryStatus.CHANGES_REQUESTED):
        return None
    return story


def put_kept_words_back(browser_token: str | None, user: Any) -> Story | None:
    """Put kept words back, when the person asks: into the story they were typed in if it is still theirs and
    still a draft or waiting for changes, otherwise into a new draft. Never into any other story."""
    pending = kept_words(browser_token, user)
    if pending is None:
        return None
    text = kept_text(pending)
    story = story_for_kept_words(pending, user)
    if story is not None and story.status == StoryStatus.CHANGES_REQUESTED:
        try:
            save_changes(story, text, user, commit=False)
        except StoryError:  # sent or withdrawn meanwhile: the words still go somewhere safe
            pending = kept_words(browser_token, user)
            story = None
    if story is None or story.status == StoryStatus.DRAFT:
        story = save_draft(user, text, story, commit=False)
    db.session.delete(pending)
    db.session.commit()
    return story


def let_kept_words_go(browser_token: str | None, user: Any) -> bool:
    """The person does not want the kept words back: remove them now rather than in a day."""
    pending = kept_words(browser_token, user)
    if pending is None:
        return False
    db.session.delete(pending)
    db.session.commit()
    return True


KEY_SESSION_LIFETIME = timedelta(minutes=15)


def open_key_session(story: Story, replacing: str | None = None) -> str:
    """Access to one story for a few minutes after its key was checked. Returns a random token for the browser's
    cookie; only its hash is stored, and the story key itself is never kept anywhere. The browser's earlier
    key-holder session, if any, ends here, and so do any that have expired."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.execute(delete(StoryKeySession).where(or_(
        StoryKeySession.expires_at < now,
        StoryKeySession.token_hash == _token_hash(replacing) if replacing else False)))
    db.session.add(StoryKeySession(token_hash=_token_hash(token), story_id=story.id,
                                   expires_at=now + KEY_SESSION_LIFETIME))
    db.session.commit()
    return token


def story_for_key_session(token: str | None) -> Story | None:
    """The story a key-holder token opens, or None once it was finished or has expired. Read only."""
    if not token:
        return None
    held = db.session.scalar(select(StoryKeySession).where(StoryKeySession.token_hash == _token_hash(token)))
    if held is None or held.expires_at <= utcnow():
        return None
    return db.session.get(Story, held.story_id)


def end_key_session(token: str | None) -> None:
    """'I have finished': the row goes, so this token, and any copy of the cookie, opens nothing again."""
    if not token:
        return
    held = db.session.scalar(select(StoryKeySession).where(StoryKeySession.token_hash == _token_hash(token)))
    if held is None:
        return
    story = db.session.get(Story, held.story_id)
    db.session.delete(held)
    record("story_key.finished", None, story, actor_label=KEY_HOLDER)
    db.session.commit()
