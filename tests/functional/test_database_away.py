"""While the database is away (unreachable, locked beyond the busy timeout, full) people get a kind 503 page with
Retry-After, never a stack trace; the next request after it returns works, with no restart."""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from datetime import timedelta

import psycopg
import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.pool import NullPool

from storybank import create_app
from storybank.accounts.models import UserSession
from storybank.extensions import db
from storybank.stories.models import Story

KIND_WORDS = "Nothing you wrote is lost if you keep this page open"
TROUBLE = {
    "sqlite": [sqlite3.OperationalError("database is locked"),
               sqlite3.OperationalError("database or disk is full")],
    "postgresql": [psycopg.OperationalError("connection failed: connection refused"),
                   psycopg.OperationalError("server closed the connection unexpectedly")],
}


@contextmanager
def database_failing_with(error: Exception, only_writes: bool = False):
    """Every statement (or every write) fails as the driver fails when the database is away, until the block ends."""

    def refuse(_connection, _cursor, statement, *_args):
        if not only_writes or statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            raise error

    event.listen(db.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", refuse)


def assert_kind_503(response) -> None:
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "Traceback" not in page and "OperationalError" not in page and "sqlite3" not in page
    assert "psycopg" not in page and "SELECT" not in page


def csrf_from(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("which", [0, 1])
def test_a_database_that_is_away_gives_the_kind_503_page_and_the_next_request_works(
        client, auth, contributor, backend, which):
    auth.sign_in(contributor.username)
    with database_failing_with(TROUBLE[backend][which]):
        response = client.get("/my-stories")
    assert_kind_503(response)
    page = response.get_data(as_text=True)
    assert KIND_WORDS in page and "try again in a minute" in page
    assert "Go back to your page" in page
    assert client.get("/my-stories").status_code == 200


def test_an_autosave_while_the_database_is_away_answers_json_the_page_can_retry_on(client, auth, contributor, backend):
    auth.sign_in(contributor.username)
    token = csrf_from(client.get("/stories/write").get_data(as_text=True))
    words = {"csrf_token": token, "story_id": "", "title": "Tuesday", "body": "The carer was late again."}
    with database_failing_with(TROUBLE[backend][0]):
        response = client.post("/stories/autosave", data=words, headers={"Accept": "application/json"})
    assert_kind_503(response)
    assert response.get_json()["saved"] is False
    assert "kept on this device" in response.get_json()["message"]

    again = client.post("/stories/autosave", data=words, headers={"Accept": "application/json"})
    assert again.get_json()["saved"] is True
    assert db.session.scalar(select(Story.body).where(Story.id == again.get_json()["story_id"])) == words["body"]


def test_sending_a_story_form_while_the_database_is_away_gets_the_page_not_a_stack_trace(
        client, auth, contributor, backend):
    auth.sign_in(contributor.username)
    token = csrf_from(client.get("/stories/write").get_data(as_text=True))
    with database_failing_with(TROUBLE[backend][1]):
        response = client.post("/stories/write", data={"csrf_token": token, "story_id": "", "title": "Tuesday",
                                                       "body": "The carer was late again.", "action": "save"})
    assert_kind_503(response)
    assert KIND_WORDS in response.get_data(as_text=True)
    assert db.session.scalar(select(Story.id)) is None, "the half-done save was rolled back"


def test_the_api_says_503_in_its_own_json_shape_while_the_database_is_away(client, backend):
    with database_failing_with(TROUBLE[backend][0]):
        response = client.get("/api/v1/stories", headers={"Authorization": "Bearer sbk_" + "x" * 43})
    assert_kind_503(response)
    assert response.get_json()["error"]["code"] == "service_unavailable"


@pytest.mark.parametrize("database_app", ["sqlite"], indirect=True)
def test_a_mistake_in_our_own_sql_is_still_a_500_not_a_wait_a_minute(client):
    """Only trouble that passes is a 503: "no such table" would never pass by waiting. (SQLite says it with the
    same OperationalError as "database is locked"; PostgreSQL says it with another class, so only SQLite here.)"""
    with database_failing_with(sqlite3.OperationalError("no such table: storyz")):
        response = client.get("/stories")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers


def test_the_health_check_says_unavailable_with_retry_after_while_the_database_is_away(client, backend):
    """A load balancer or monitor reads /healthz: a 503 that says when to ask again, and 200 once it is back."""
    with database_failing_with(TROUBLE[backend][0]):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.headers["Retry-After"].isdigit()
    assert response.get_json() == {"status": "unavailable", "database": "unreachable"}
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("database_app", ["sqlite"], indirect=True)
def test_the_error_log_never_holds_a_share_links_token(client, caplog):
    """A share link's token opens its pack, so the app's own error log names the page as /s/[link], like the
    access log, whether the database is away (503) or something broke (500)."""
    token = "Kq7TnS2vX9pLm4RwY8zB3cD6fG1hJ5aE0uIoP"
    with database_failing_with(sqlite3.OperationalError("database is locked")):
        assert client.get(f"/s/{token}").status_code == 503
    with database_failing_with(sqlite3.OperationalError("no such table: share_links")):
        assert client.get(f"/s/{token}/print").status_code == 500
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/s/[link]" in logged and "/s/[link]/print" in logged
    assert token not in logged


@pytest.mark.parametrize("database_app", ["postgresql"], indirect=True)
def test_after_postgresql_drops_every_connection_the_next_request_just_works(client, auth, contributor):
    """What a PostgreSQL restart does to the pool: each pooled connection is dead. pool_pre_ping finds out before
    the request uses one, so the person never sees the restart."""
    auth.sign_in(contributor.username)
    assert client.get("/my-stories").status_code == 200
    db.session.remove()
    outsider = create_engine(db.engine.url, poolclass=NullPool)  # not one of the app's pooled connections
    with outsider.connect() as connection:
        ended = connection.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                        "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    outsider.dispose()
    assert ended >= 1, "the app's pooled connections were ended"
    assert client.get("/my-stories").status_code == 200


def test_a_sqlite_database_locked_by_another_process_gives_503_and_works_once_released(tmp_path):
    """A real lock: another connection holds the file exclusively for longer than the busy timeout."""
    path = tmp_path / "locked.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "l" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "SQLITE_BUSY_TIMEOUT_SECONDS": 0.3, "RATELIMIT_STORAGE_URI": "memory://"})
    with app.app_context():
        upgrade()
        db.engine.dispose()
    client = app.test_client()
    assert client.get("/stories").status_code == 200

    with app.app_context():
        db.engine.dispose()  # no connection kept from before the lock
    holder = sqlite3.connect(path, timeout=5)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE holding_the_lock (x)")
    try:
        response = client.get("/stories")
        assert_kind_503(response)
        assert KIND_WORDS in response.get_data(as_text=True)
    finally:
        holder.rollback()
        holder.close()
    assert client.get("/stories").status_code == 200
    with app.app_context():
        db.engine.dispose()


def test_a_signed_in_person_can_still_read_pages_when_the_database_cannot_write(client, auth, contributor, backend):
    """A full disk refuses writes; noting that the person is still here (a write) is skipped, not a 503."""
    auth.sign_in(contributor.username)
    for row in db.session.scalars(select(UserSession)):
        row.last_seen_at = row.last_seen_at - timedelta(minutes=5)
    db.session.commit()
    full = (sqlite3.OperationalError("database or disk is full") if backend == "sqlite"
            else psycopg.errors.DiskFull("could not extend file: No space left on device"))
    with database_failing_with(full, only_writes=True):
        assert client.get("/my-stories").status_code == 200
