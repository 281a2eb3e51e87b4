"""SQLite in WAL mode with a busy timeout, so concurrent requests wait instead of failing."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

DEFAULT_BUSY_TIMEOUT_SECONDS = 15.0
"""How long a request waits for another writer to finish before it gives up and the person sees the kind 503 page
(storybank/errors.py): well inside gunicorn's 30-second timeout, so the worker is never killed for waiting."""


def install_sqlite_pragmas(engine: Engine, busy_timeout_seconds: float = DEFAULT_BUSY_TIMEOUT_SECONDS) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_seconds * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
