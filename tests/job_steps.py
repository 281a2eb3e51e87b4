"""Steps the background-work tests share: a queue of their own on the test Redis, and real workers to work it.

Each test gets its own queue name (and so its own job ids, which start with it), so test runs side by side never see
each other's work; the queue's keys are deleted afterwards. Retries wait 0 seconds here, so a burst worker does every
try at once rather than leaving them for a scheduler.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from rq import SimpleWorker

from storybank.extensions import db
from storybank.jobs import redis_queue, registry
from storybank.jobs.worker import PAUSE_FOR_TESTS, use_app
from tests.databases import REDIS_URL, redis_or_skip  # noqa: F401  (used by the job tests through here)

ROOT = Path(__file__).resolve().parents[1]


def forget_queue(name: str) -> None:
    store = redis.Redis.from_url(REDIS_URL)
    keys = list(store.scan_iter(match=f"*{name}*", count=500))
    if keys:
        store.delete(*keys)
    store.srem("rq:queues", f"rq:queue:{name}")


@pytest.fixture
def on_queue(app, monkeypatch):
    """The app, with Redis configured and a queue of this test's own; yields the queue's name."""
    redis_or_skip()
    name = f"storybank-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setitem(app.config, "STORYBANK_REDIS_URL", REDIS_URL)
    monkeypatch.setitem(app.config, "STORYBANK_JOBS_QUEUE", name)
    monkeypatch.setattr(registry, "RETRY_INTERVALS", [0, 0, 0])
    yield name
    forget_queue(name)


def job_id(queue: str, piece: str) -> str:
    return f"{queue}-{piece}"


def worker_environment(app, queue: str, *, pause_marker: Path | None = None) -> dict[str, str]:
    """What `flask worker` in another process needs to work on this test's database and queue."""
    env = {name: value for name, value in os.environ.items() if name != PAUSE_FOR_TESTS}
    env.update(FLASK_APP="wsgi.py", STORYBANK_ENV="development", SECRET_KEY=app.config["SECRET_KEY"],
               DATABASE_URL=db.engine.url.render_as_string(hide_password=False), STORYBANK_REDIS_URL=REDIS_URL,
               STORYBANK_JOBS_QUEUE=queue, STORYBANK_WITHDRAWAL_LEDGER=app.config["STORYBANK_WITHDRAWAL_LEDGER"])
    if pause_marker is not None:
        env[PAUSE_FOR_TESTS] = str(pause_marker)
    return env


def flask_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", *args]


def run_burst_worker(app, queue: str, timeout: int = 180) -> subprocess.CompletedProcess:
    """`flask worker --burst` in a process of its own: it does the work waiting, then stops. Its log is in
    ``.stdout``."""
    db.session.commit()  # what the test wrote is there for the worker, and the test's next read is fresh
    result = subprocess.run(flask_command("worker", "--burst"), cwd=ROOT, env=worker_environment(app, queue),  # noqa: S603
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                            check=False)
    assert result.returncode == 0, result.stdout[-4000:]
    db.session.commit()
    db.session.expire_all()
    return result


def work_here(app) -> None:
    """RQ's in-process worker, for tests that change what a job does (a monkeypatch reaches no other process)."""
    db.session.commit()
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    use_app(app)
    try:
        SimpleWorker([redis_queue.job_queue()], connection=redis_queue.connection()).work(
            burst=True, logging_level="WARNING")
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    db.session.commit()
    db.session.expire_all()
