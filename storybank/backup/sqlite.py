"""SQLite backups through SQLite's online backup API, which copies a consistent snapshot while the app runs."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from storybank.backup.tools import BackupError


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def copy_out(live: Path, target: Path) -> None:
    """Copy the live database to ``target`` as one self-contained file (no -wal beside it)."""
    with closing(sqlite3.connect(live, timeout=15)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        _check(copy, target)


def copy_in(backup: Path, live: Path) -> None:
    """Write the backup over the live database, page by page, under SQLite's own locks.

    Connections other processes hold (a running app) see the restored pages on their next read."""
    with closing(_open_read_only(backup)) as source:
        _check(source, backup)
        with closing(sqlite3.connect(live, timeout=15)) as destination:
            source.backup(destination)


def _check(connection: sqlite3.Connection, path: Path) -> None:
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a StoryBank SQLite backup ({error}).") from error
    if verdict != "ok":
        raise BackupError(f"{path} is damaged (SQLite says: {verdict}).")
    if "stories" not in tables:
        raise BackupError(f"{path} is an SQLite database but not a StoryBank one (it has no stories table).")
