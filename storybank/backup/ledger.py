"""The withdrawal ledger: one JSON line per withdrawal, appended, never rewritten, kept outside the database.

Each line holds the story's id, its reference and when it was withdrawn — never a word of the story, so the ledger
can outlive the erasure of the words. A deleted account has a line too (``"kind": "account_deleted"``: the account's
id and when it was made and deleted, never a name), so a restore cannot bring back a person who asked to be erased.

A withdrawal is written from ``events.story_withdrawn``, which consent sends inside the
withdrawing transaction before its commit: the ledger is written ahead of the database. If the commit then fails,
the ledger holds a withdrawal the person asked for and was told had failed; replaying it after a restore withdraws
a story its author wanted withdrawn, which is the safe side to err on. The other order (after the commit) could
lose a withdrawal to a crash between commit and write, and a restore would then show a story its author took back.

A ledger that cannot be written never stops a withdrawal (taking a story back must always work); it is logged as
an error so the operator can put it right, and ``flask backup create`` refuses to run until it is writable.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from flask import Flask, current_app

from storybank import events
from storybank.db_types import utcnow


@dataclass(frozen=True)
class LedgerEntry:
    story_id: int
    reference: str | None
    withdrawn_at: datetime


@dataclass(frozen=True)
class AccountDeletion:
    user_id: int
    created_at: datetime
    deleted_at: datetime


ACCOUNT_DELETED = "account_deleted"


def ledger_path() -> Path:
    return Path(current_app.config["STORYBANK_WITHDRAWAL_LEDGER"])


def append_withdrawal(path: Path, story_id: int, reference: str | None, withdrawn_at: datetime) -> None:
    _append(path, {"story_id": story_id, "reference": reference, "withdrawn_at": withdrawn_at.isoformat()})


def append_account_deletion(path: Path, user_id: int, created_at: datetime, deleted_at: datetime) -> None:
    _append(path, {"kind": ACCOUNT_DELETED, "user_id": user_id, "created_at": created_at.isoformat(),
                   "deleted_at": deleted_at.isoformat()})


def _append(path: Path, entry: dict) -> None:
    """One line in one ``write`` on a file opened for appending, so workers writing at once never interleave."""
    line = json.dumps(entry, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_ledger(path: Path) -> Iterator[LedgerEntry]:
    """Every withdrawal, oldest first."""
    for row in _rows(path):
        if row.get("kind", "withdrawal") == "withdrawal":
            try:
                yield LedgerEntry(story_id=int(row["story_id"]), reference=row.get("reference"),
                                  withdrawn_at=datetime.fromisoformat(row["withdrawn_at"]))
            except (ValueError, KeyError, TypeError):
                continue


def read_account_deletions(path: Path) -> Iterator[AccountDeletion]:
    """Every account deletion, oldest first."""
    for row in _rows(path):
        if row.get("kind") == ACCOUNT_DELETED:
            try:
                yield AccountDeletion(user_id=int(row["user_id"]),
                                      created_at=datetime.fromisoformat(row["created_at"]),
                                      deleted_at=datetime.fromisoformat(row["deleted_at"]))
            except (ValueError, KeyError, TypeError):
                continue


def _rows(path: Path) -> Iterator[dict]:
    """A line cut short by a crash mid-write is skipped (it is always the last one)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                yield row


def check_writable(path: Path) -> str | None:
    """Why the ledger cannot be appended to, or None when it can."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
    except OSError as error:
        return f"The withdrawal ledger {path} cannot be written: {error.strerror or error}."
    return None


def note_withdrawal(story: Any, **_: Any) -> None:
    try:
        append_withdrawal(ledger_path(), story.id, story.reference, story.withdrawn_at)
    except OSError:
        current_app.logger.exception(
            "Could not write story %s to the withdrawal ledger; a restore from a backup would not withdraw it "
            "again. Make %s writable.", story.id, ledger_path())


def note_account_deletion(person: Any, **_: Any) -> None:
    try:
        append_account_deletion(ledger_path(), person.id, person.created_at, utcnow())
    except OSError:
        current_app.logger.exception(
            "Could not write the deletion of account %s to the withdrawal ledger; a restore from a backup would "
            "bring the account back. Make %s writable.", person.id, ledger_path())


def init_app(app: Flask) -> None:
    events.story_withdrawn.connect(note_withdrawal, weak=False)
    events.account_deleted.connect(note_account_deletion, weak=False)
