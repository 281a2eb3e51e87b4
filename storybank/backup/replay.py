"""After a restore: withdraw again every story the ledger says was withdrawn, through consent's own service, and
delete again every account it says was deleted, through data rights' own deletion.

Going through ``consent.services.withdraw`` means everything a withdrawal ends follows (search index, moderation,
packs read through the consent gate), with a new consent record and an audit event saying it was the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from storybank.accounts.models import User
from storybank.backup.ledger import AccountDeletion, LedgerEntry
from storybank.consent.services import withdraw
from storybank.extensions import db
from storybank.privacy.data_rights import delete_account_again
from storybank.stories.models import Story, StoryStatus

LEDGER_LABEL = "withdrawal ledger (restore from a backup)"


@dataclass(frozen=True)
class Replay:
    withdrawn_again: int = 0
    already_withdrawn: int = 0
    not_in_backup: int = 0
    still_drafts: int = 0


def replay_withdrawals(entries: Iterable[LedgerEntry]) -> Replay:
    """A story counts only when both its id and its reference match, so a ledger from another database (or a
    test run) can never withdraw somebody else's story. A story the backup holds as a draft stays a draft:
    only its author can see it, and there is no consent to withdraw."""
    first: dict[int, LedgerEntry] = {}
    for entry in entries:
        first.setdefault(entry.story_id, entry)
    counts = {"withdrawn_again": 0, "already_withdrawn": 0, "not_in_backup": 0, "still_drafts": 0}
    for entry in first.values():
        story = db.session.scalar(select(Story).where(Story.id == entry.story_id))
        if story is None or (story.reference is not None and story.reference != entry.reference):
            counts["not_in_backup"] += 1
        elif story.status == StoryStatus.DRAFT:  # a draft has no reference yet; it gets one when it is sent
            counts["still_drafts"] += 1
        elif story.status == StoryStatus.WITHDRAWN:
            counts["already_withdrawn"] += 1
        else:
            withdraw(story, None, actor_label=LEDGER_LABEL, withdrawn_at=entry.withdrawn_at)
            counts["withdrawn_again"] += 1
    return Replay(**counts)


def replay_account_deletions(entries: Iterable[AccountDeletion]) -> int:
    """An account counts only when both its id and the moment it was made match, so a ledger from another
    database can never delete somebody else's account. Returns how many were deleted again."""
    deleted = 0
    for entry in entries:
        person = db.session.get(User, entry.user_id)
        if person is not None and person.created_at == entry.created_at:
            delete_account_again(person, LEDGER_LABEL)
            deleted += 1
    return deleted
