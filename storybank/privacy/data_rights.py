"""A person's data rights: a copy of everything we hold about them, and deleting their account.

One dict (``personal_data``) is built for both downloads, JSON and the printable page, so they can never disagree.
Deleting an account withdraws every story the person wrote or helped someone share, erases its words at once
(through the same rule as the retention purge), deletes their drafts, pseudonymises them in the audit log and
deletes the account itself. Stories shared on someone else's behalf go too: the account that shared them is the
only account that looked after them, and a story we cannot ask anyone about is not one we should keep using.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from storybank import events
from storybank.accounts.models import User, UserRole, UserSession
from storybank.accounts.passwords import verify_password
from storybank.accounts.roles import Role
from storybank.accounts.services import AccountError
from storybank.audit.models import AuditEvent
from storybank.audit.services import pseudonymise_actor, record
from storybank.consent.erasure import pseudonymise_consent_names
from storybank.consent.models import ConsentRecord
from storybank.consent.services import withdraw
from storybank.consent.wording import CONSENT_WORDING
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Appeal, ClarityEdit, ModerationDecision, Notification
from storybank.privacy.retention import erase_story_text
from storybank.privacy.work_data import work_data
from storybank.stories.models import PendingDraft, Story, StoryStatus

EXPORT_FORMATS = ("json", "html")
NOTHING_DELETED_MESSAGE = ("That is not the password for this account, so nothing has been deleted. "
                  "Please try again. If you have forgotten it, an admin can help.")


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _stories_of(person: User) -> list[Story]:
    return list(db.session.scalars(
        select(Story).where((Story.author_id == person.id) | (Story.supporter_id == person.id)).order_by(Story.id)))


def _part(story: Story, person: User) -> str:
    if story.supporter_id == person.id:
        return "you shared it on someone else's behalf"
    return "you wrote it"


def _consent(consent: ConsentRecord, person: User) -> dict:
    return {
        "recorded_at": _when(consent.created_at),
        "uses_agreed": [purpose.value for purpose in consent.scopes],
        "withdrawn": consent.withdrawn,
        "name_shown_with_the_story": consent.attribution.value,
        "name_to_show": consent.attribution_name,
        "review_date": consent.review_date.isoformat(),
        "wording_version": consent.wording_version,
        "wording_agreed_to": list(CONSENT_WORDING.get(consent.wording_version, ())),
        "how_consent_was_given": consent.method.value,
        "recorded_by_you": consent.recorded_by_id == person.id,
        "supporter_name_recorded": consent.recorded_by_name,
    }


def _pending_words(story: Story) -> list[dict]:
    rows = db.session.scalars(select(PendingDraft).where(PendingDraft.story_id == story.id)
                              .order_by(PendingDraft.id))
    return [{"kept_at": _when(row.created_at), "words": row.fields} for row in rows]


OUTCOME_WORDS = {"approved": "Approved", "changes_requested": "We asked you about a change",
                 "declined": "Not used this time"}
CLARITY_ANSWER_WORDS = {"pending": "Waiting for your answer", "agreed": "You agreed",
                        "declined": "You chose to keep your own words"}
APPEAL_OUTCOME_WORDS = {"upheld": "The first decision stayed", "overturned": "The story went back to be read again"}


def _decisions(story: Story) -> list[dict]:
    """What moderators decided and told the person. Which moderator it was is not part of what they were told."""
    rows = db.session.scalars(select(ModerationDecision).where(ModerationDecision.story_id == story.id)
                              .order_by(ModerationDecision.decided_at, ModerationDecision.id))
    return [{"decided_at": _when(row.decided_at), "outcome": row.outcome.value,
             "outcome_in_plain_words": OUTCOME_WORDS[row.outcome.value], "what_we_told_you": row.message}
            for row in rows]


def _appeals(story: Story) -> list[dict]:
    rows = db.session.scalars(select(Appeal).where(Appeal.story_id == story.id).order_by(Appeal.opened_at, Appeal.id))
    return [{"asked_at": _when(row.opened_at), "what_you_wrote": row.note,
             "outcome": row.outcome.value if row.outcome else None,
             "outcome_in_plain_words": APPEAL_OUTCOME_WORDS[row.outcome.value] if row.outcome else "Not decided yet",
             "what_we_told_you": row.message, "decided_at": _when(row.decided_at)} for row in rows]


def _clarity_edits(story: Story) -> list[dict]:
    rows = db.session.scalars(select(ClarityEdit).where(ClarityEdit.story_id == story.id)
                              .order_by(ClarityEdit.proposed_at, ClarityEdit.id))
    return [{"suggested_at": _when(row.proposed_at), "moderators_note": row.note,
             "your_words_with_details_taken_out": row.based_on, "suggested_words": row.proposed_text,
             "your_answer": row.status.value, "your_answer_in_plain_words": CLARITY_ANSWER_WORDS[row.status.value],
             "answered_at": _when(row.answered_at)} for row in rows]


def _messages(person: User) -> list[dict]:
    rows = db.session.execute(select(Notification, Story.reference).outerjoin(Story, Story.id == Notification.story_id)
                              .where(Notification.user_id == person.id)
                              .order_by(Notification.created_at, Notification.id))
    return [{"sent_at": _when(note.created_at), "story_id": note.story_id, "story_reference": reference,
             "text": note.text, "read_at": _when(note.read_at)} for note, reference in rows]


def _story(story: Story, person: User) -> dict:
    return {
        "id": story.id,
        "reference": story.reference,
        "your_part": _part(story, person),
        "status": story.status.value,
        "status_in_plain_words": story.status.plain_words,
        "title": story.title,
        "title_after_moderation": story.moderated_title,
        "shared_on_behalf_of": story.contributor_name,
        "text_as_written": story.body,
        "text_after_moderation": story.moderated_body,
        "words_kept_after_a_sign_in_ended": _pending_words(story),
        "context": {
            "care_setting": story.care_setting,
            "region": story.region,
            "who_it_is_about": story.about_whom,
            "when_it_happened": story.when_happened,
        },
        "started_at": _when(story.created_at),
        "last_changed_at": _when(story.updated_at),
        "sent_at": _when(story.submitted_at),
        "approved_at": _when(story.approved_at),
        "withdrawn_at": _when(story.withdrawn_at),
        "consent_records": [_consent(consent, person) for consent in story.consent_records],
        "moderation_decisions": _decisions(story),
        "asked_to_look_again": _appeals(story),
        "changes_suggested_for_clarity": _clarity_edits(story),
    }


def personal_data(person: User) -> dict:
    """Everything StoryBank holds about ``person``, as plain values ready for JSON. Never the password hash."""
    sessions = db.session.scalars(select(UserSession).where(UserSession.user_id == person.id)
                                  .order_by(UserSession.id))
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.actor_id == person.id).order_by(AuditEvent.id))
    return {
        "about_this_copy": {
            "service": "StoryBank",
            "made_at": _when(utcnow()),
            "what_it_is": "Everything StoryBank holds about you. Your password is not here: we only keep it "
                          "scrambled, in a form nobody can read back.",
        },
        "account": {
            "id": person.id,
            "username": person.username,
            "name_we_call_you": person.display_name,
            "email": person.email,
            "can_sign_in": person.active,
            "joined_at": _when(person.created_at),
            "last_signed_in_at": _when(person.last_sign_in_at),
        },
        "roles": sorted(role.value for role in person.roles),
        "sign_ins": [{"started_at": _when(row.created_at), "last_seen_at": _when(row.last_seen_at),
                      "ended_at": _when(row.ended_at)} for row in sessions],
        "stories": [_story(story, person) for story in _stories_of(person)],
        "messages_to_you": _messages(person),
        "words_kept_after_a_sign_in_ended": [
            {"kept_at": _when(row.created_at), "words": row.fields} for row in db.session.scalars(
                select(PendingDraft).where(PendingDraft.user_id == person.id).order_by(PendingDraft.id))],
        **work_data(person),
        "what_you_did": [{"at": _when(event.occurred_at), "action": event.action, "object_type": event.object_type,
                          "object_id": event.object_id, "before": event.before, "after": event.after,
                          "detail": event.detail} for event in events],
    }


def export_personal_data(person: User, actor: Any, fmt: str) -> dict:
    """The copy, with an audit event saying who asked for it and in which format."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    data = personal_data(person)
    record("data.exported", actor, person, after={"format": fmt})
    db.session.commit()
    return data


@dataclass(frozen=True)
class DeletionPreview:
    """What deleting this account would do, counted, so the confirmation page can say it exactly."""

    own_stories: int
    on_behalf_stories: int
    drafts: int

    @property
    def anything(self) -> bool:
        return bool(self.own_stories or self.on_behalf_stories or self.drafts)


def deletion_preview(person: User) -> DeletionPreview:
    stories = _stories_of(person)
    drafts = [s for s in stories if s.status == StoryStatus.DRAFT]
    sent = [s for s in stories if s.status != StoryStatus.DRAFT]
    on_behalf = [s for s in sent if s.supporter_id == person.id]
    return DeletionPreview(own_stories=len(sent) - len(on_behalf), on_behalf_stories=len(on_behalf),
                           drafts=len(drafts))


@dataclass(frozen=True)
class DeletionResult:
    stories_withdrawn: int
    stories_erased: int
    drafts_deleted: int
    pseudonym: str


def _only_admin(person: User) -> bool:
    if Role.ADMIN not in person.roles:
        return False
    admins = db.session.scalar(select(func.count()).select_from(UserRole).join(User)
                               .where(UserRole.role == Role.ADMIN, User.active.is_(True)))
    return admins <= 1


def _check_may_delete(person: User, actor: User, password: str | None) -> bool:
    """Returns whether an admin is acting for the person; raises when the deletion must not happen."""
    by_admin = actor.id != person.id
    if by_admin and not actor.has_role(Role.ADMIN):
        raise PermissionError("Only an admin can delete someone else's account.")
    if not by_admin and not verify_password(person.password_hash, password or ""):
        raise AccountError(NOTHING_DELETED_MESSAGE, "password")
    if _only_admin(person):
        raise AccountError("This is the only admin account, so StoryBank would have nobody to run it. "
                           "Please make someone else an admin first.", None if by_admin else "password")
    return by_admin


def _erase_or_delete(story: Story, person_id: int, actor: User | None, reason: str,
                     actor_label: str | None = None) -> tuple[int, int]:
    """A draft is deleted (nobody else ever saw it); a withdrawn story keeps its row and loses its words."""
    if story.status == StoryStatus.DRAFT:
        record("story.draft_deleted", actor, story, detail=reason, actor_label=actor_label)
        db.session.execute(delete(PendingDraft).where(PendingDraft.story_id == story.id))
        db.session.delete(story)
        return 0, 1
    erased = erase_story_text(story, actor, reason=reason, actor_label=actor_label)
    if story.author_id == person_id:
        story.author_id = None
    if story.supporter_id == person_id:
        story.supporter_id = None
    return int(erased), 0


def delete_account(person: User, actor: User, *, password: str | None = None) -> DeletionResult:
    """Delete ``person``'s account. They need their password; an admin acting on a request does not.

    Every story they wrote or shared for someone is withdrawn (a new consent record, so it disappears from every
    use at once) and its words erased; drafts are deleted; their sign-ins end; audit events and consent records
    stay, with the person and every name in the consent records replaced by one pseudonym; the account row is
    deleted. Withdrawals commit one by one (withdrawing is always safe to keep); everything after them happens in
    one transaction.
    """
    by_admin = _check_may_delete(person, actor, password)
    reason = "account deleted by an admin, at the person's request" if by_admin else "account deleted by the person"
    return _delete(person, actor, reason, recorded_by_name="An admin, at the person's request" if by_admin else None)


def delete_account_again(person: User, label: str) -> DeletionResult:
    """After a backup from before the deletion is restored: the same deletion again, by the system, so an erasure
    the person was promised is never undone by a restore (no password, and no "only admin" check: the deletion
    passed it when it was asked for)."""
    return _delete(person, None, f"account deleted before, deleted again by the {label}", actor_label=label,
                   recorded_by_name=label)


def _delete(person: User, actor: User | None, reason: str, *, actor_label: str | None = None,
            recorded_by_name: str | None = None) -> DeletionResult:
    person_id = person.id
    names = tuple(n for n in (person.username, person.display_name, person.email) if n)
    pseudonym = f"deleted person #{secrets.token_hex(4)}"
    to_withdraw = [s for s in _stories_of(person) if s.status not in (StoryStatus.DRAFT, StoryStatus.WITHDRAWN)]
    for story in to_withdraw:
        withdraw(story, actor, recorded_by_name=recorded_by_name, actor_label=actor_label)
    erased = drafts = 0
    kept = [s.id for s in _stories_of(person) if s.status != StoryStatus.DRAFT]
    for story in _stories_of(person):
        story_erased, draft_deleted = _erase_or_delete(story, person_id, actor, reason, actor_label)
        erased += story_erased
        drafts += draft_deleted
    record("account.deleted", actor, object_type="users", object_id=person_id, detail=reason,
           after={"stories_withdrawn": len(to_withdraw), "stories_erased": erased, "drafts_deleted": drafts},
           actor_label=actor_label)
    db.session.flush()
    pseudonymise_actor(person_id, pseudonym, names=names)
    pseudonymise_consent_names(kept, pseudonym, person_id=person_id)
    db.session.execute(delete(UserSession).where(UserSession.user_id == person_id))
    events.account_deleted.send(person)
    db.session.delete(person)
    db.session.commit()
    return DeletionResult(stories_withdrawn=len(to_withdraw), stories_erased=erased, drafts_deleted=drafts,
                          pseudonym=pseudonym)
