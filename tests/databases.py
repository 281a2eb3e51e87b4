"""The databases the suite runs on: SQLite always, PostgreSQL when STORYBANK_TEST_DATABASE_URL names one.

Under CI=true an unreachable PostgreSQL fails the run; elsewhere its half of the suite is skipped with the reason.
Each test session gets its own fresh PostgreSQL database, created next to the one named and dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BACKENDS = ("sqlite", "postgresql")

REDIS_URL = os.environ.get("STORYBANK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
"""The Redis the tests use (rate limits, the job queue); each test keeps to its own keys or queue there."""


def redis_or_skip() -> None:
    """Like PostgreSQL: under CI=true an unreachable Redis fails the test; elsewhere it is skipped with the reason."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but Redis at {REDIS_URL} cannot be reached: {error}")
        pytest.skip(f"Redis tests skipped: cannot reach {REDIS_URL} ({error}).")


def postgres_base_url() -> str | None:
    return os.environ.get("STORYBANK_TEST_DATABASE_URL") or None


def require_postgres() -> str:
    url = postgres_base_url()
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not url:
        if in_ci:
            pytest.fail("CI=true but STORYBANK_TEST_DATABASE_URL is not set: the PostgreSQL half cannot run.")
        pytest.skip("PostgreSQL tests skipped: set STORYBANK_TEST_DATABASE_URL to run them (.ci/run does).")
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect decides skip or fail below
        if in_ci:
            pytest.fail(f"CI=true but PostgreSQL at {make_url(url).render_as_string()} cannot be reached: {error}")
        pytest.skip(f"PostgreSQL tests skipped: cannot reach {make_url(url).render_as_string()} ({error}).")
    return url


@contextmanager
def fresh_postgres_database(base_url: str):
    """Create an empty database for this run, so tests never touch anyone else's data."""
    name = f"storybank_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_database(backend: str, folder: Path):
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'storybank-{uuid.uuid4().hex[:8]}.sqlite'}"
    else:
        with fresh_postgres_database(require_postgres()) as url:
            yield url
