"""Make a backup of the live database, or put one back and then replay the withdrawal ledger."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.engine import URL

from storybank.audit.models import AuditEvent
from storybank.backup import postgres, sqlite
from storybank.backup.ledger import check_writable, ledger_path, read_account_deletions, read_ledger
from storybank.backup.replay import Replay, replay_account_deletions, replay_withdrawals
from storybank.backup.tools import BackupError
from storybank.consent.models import ConsentRecord
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story


@dataclass(frozen=True)
class Counts:
    stories: int
    consent_records: int
    audit_events: int

    def __str__(self) -> str:
        return (f"{self.stories} stories, {self.consent_records} consent records and "
                f"{self.audit_events} audit events")


@dataclass(frozen=True)
class Restored:
    counts: Counts
    replay: Replay
    accounts_deleted_again: int = 0


def count_rows(connection: Connection) -> Counts:
    def count(model) -> int:
        return connection.scalar(select(func.count()).select_from(model)) or 0

    return Counts(stories=count(Story), consent_records=count(ConsentRecord), audit_events=count(AuditEvent))


def _sqlite_file(url: URL) -> Path:
    if url.database in (None, "", ":memory:"):
        raise BackupError("This database lives only in memory, so there is no file to back up or restore.")
    return Path(url.database)


def _kind(url: URL) -> str:
    if url.get_backend_name() in ("sqlite", "postgresql"):
        return url.get_backend_name()
    raise BackupError(f"Backups work with SQLite and PostgreSQL, not {url.get_backend_name()}.")


def default_backup_path(now: datetime | None = None) -> Path:
    stamp = (now or utcnow()).strftime("%Y%m%dT%H%M%SZ")
    suffix = ".sqlite" if _kind(db.engine.url) == "sqlite" else ".dump"
    return Path(current_app.instance_path) / "backups" / f"storybank-{stamp}{suffix}"


def create_backup(target: Path) -> Counts:
    """Copy the whole database to ``target`` (readable by its owner only: it holds every story's words).

    The copy is written under a temporary name and renamed when complete, so a half-made backup never looks like
    a good one. The counts are of exactly what the backup holds."""
    if target.exists():
        raise BackupError(f"{target} already exists. Choose a new name, so no backup is ever overwritten.")
    problem = check_writable(ledger_path())
    if problem:
        raise BackupError(problem + " Without it a restore could bring back stories withdrawn after this backup, "
                                    "so no backup is made until it can be written.")
    url = db.engine.url
    kind = _kind(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if kind == "sqlite":
            sqlite.copy_out(_sqlite_file(url), partial)
            counts = _counts_in_sqlite_file(partial)
        else:
            counts = _dump_postgres(url, partial)
        partial.chmod(0o600)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return counts


def _counts_in_sqlite_file(path: Path) -> Counts:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return count_rows(connection)
    finally:
        engine.dispose()


def _dump_postgres(url: URL, target: Path) -> Counts:
    """Count and dump in one snapshot: pg_dump joins the transaction's exported snapshot, so the counts are
    exactly what the file holds, however busy the service is meanwhile."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
            counts = count_rows(connection)
            postgres.dump(url, target, snapshot=snapshot)
    return counts


def restore_backup(source: Path) -> Restored:
    """Replace the live database with ``source``, then withdraw again what the ledger says was withdrawn."""
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    url = db.engine.url
    kind = _kind(url)
    db.session.remove()
    db.engine.dispose()  # our own pooled connections hold no locks and see no stale pages
    if kind == "sqlite":
        sqlite.copy_in(source, _sqlite_file(url))
    else:
        postgres.restore(url, source)
    db.engine.dispose()
    replay = replay_withdrawals(list(read_ledger(ledger_path())))
    deleted = replay_account_deletions(list(read_account_deletions(ledger_path())))
    with db.engine.connect() as connection:
        counts = count_rows(connection)
    return Restored(counts=counts, replay=replay, accounts_deleted_again=deleted)
