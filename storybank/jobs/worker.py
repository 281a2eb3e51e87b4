"""Doing the work: ``flask worker`` (RQ's forking worker on the app's queue), the function every job runs, and the
sweeper that puts back work a lost worker took with it.

A worker builds the app once, warms up what the work needs (the analysis model), then forks a fresh process for each
piece of work, which runs inside its own app context with its own database connections. When a worker is killed
mid-job nothing it was doing was committed, and the job is done again: RQ takes a job whose worker has stopped
sending signs of life for three heartbeats as abandoned and tries it again (its own ``StartedJobRegistry`` clean-up,
which every worker runs when it starts and once a minute); and the sweeper (``requeue_stale``: when a worker starts,
and from ``flask jobs requeue-stale``) puts back any work that should exist and has no live job at all. The work
itself is idempotent (preparing a story twice changes nothing the second time).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from rq import Worker
from sqlalchemy import event
from sqlalchemy.orm import Session

from storybank.extensions import db
from storybank.jobs import enqueue, queue_configured, redis_queue
from storybank.jobs.registry import kind, kinds

HEARTBEAT_SECONDS = 10
"""How often a busy worker tells Redis it is alive; silent for three of these, its work is taken as abandoned."""
MAINTENANCE_SECONDS = 60
"""How often a worker runs RQ's clean-up (abandoned work tried again), even when it has nothing to do."""

_worker_app: dict[str, Any] = {}


def use_app(app: Flask) -> None:
    """The app every job of this worker runs in, and the process that made its database connections."""
    _worker_app.update(app=app, pid=os.getpid())


def _app() -> Flask:
    if "app" not in _worker_app:  # started as plain `rq worker`: build the app once, here
        from storybank import create_app

        use_app(create_app())
    return _worker_app["app"]


def run_job(name: str, arguments: dict[str, Any]) -> Any:
    """What every RQ job runs: the registered work called ``name``, in an app context, with its arguments."""
    app = _app()
    with app.app_context():
        if os.getpid() != _worker_app["pid"]:
            db.engine.dispose(close=False)  # a forked process must not share its parent's connections
        _pause_for_the_killed_worker_test()
        try:
            return kind(name).function(**arguments)
        finally:
            db.session.remove()


PAUSE_FOR_TESTS = "STORYBANK_TEST_PAUSE_JOB_BEFORE_COMMIT"


def _pause_for_the_killed_worker_test() -> None:
    """Test only (tests/functional/test_jobs_worker_killed.py), and only when this variable names a file: the job's
    first commit waits, after writing that file with the process id, so the test can kill the worker mid-job with its
    work written but not committed. Nothing in StoryBank sets it."""
    marker = os.environ.get(PAUSE_FOR_TESTS)
    if not marker:
        return

    def pause(_session) -> None:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(300)

    event.listen(Session, "before_commit", pause, once=True)


class StoryBankWorker(Worker):
    """RQ's forking worker, taking a silent worker's work as abandoned after three heartbeats rather than RQ's
    heartbeat plus a minute, so a story whose worker died is prepared again within a minute or so."""

    def get_heartbeat_ttl(self, job, working_time: float = 0.0) -> int:
        interval = self.job_monitoring_interval
        if job.timeout and job.timeout > 0:
            return max(int(min(job.timeout - working_time, interval)), 1) + 2 * interval
        return 3 * interval


def run_worker(*, burst: bool = False, heartbeat: int = HEARTBEAT_SECONDS) -> bool:
    """Sweep, warm up, then work the queue until stopped (or, with ``burst``, until it is empty)."""
    app = current_app._get_current_object()
    use_app(app)
    try:
        sweep = requeue_stale()
    except Exception:  # the sweep is a safety net: a worker that cannot sweep can still work the queue
        db.session.rollback()
        app.logger.exception("Worker starting: could not look for work to put back; working the queue anyway.")
    else:
        app.logger.info("Worker starting: %d piece(s) of work put back on the queue, %d failed waiting for an "
                        "admin.", sweep.put_back, sweep.failed)
    for work in kinds().values():
        if work.warm_up is not None:
            work.warm_up()
    db.session.remove()
    db.engine.dispose()  # each piece of work opens its own connections, in its own process
    worker = StoryBankWorker([redis_queue.job_queue()], connection=redis_queue.connection(),
                             job_monitoring_interval=heartbeat, maintenance_interval=MAINTENANCE_SECONDS,
                             worker_ttl=MAINTENANCE_SECONDS + 30)
    return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")


@dataclass(frozen=True)
class Sweep:
    put_back: int
    """Pieces of work that should exist and had no live job, put on the queue again (or, with no Redis, done)."""
    failed: int
    """Pieces whose job failed after every try: they wait for an admin's "Try again", and are not put back."""
    not_done: int = 0
    """With no Redis, pieces that were tried now and failed again (their errors are in the log)."""


def requeue_stale() -> Sweep:
    """Put back work that nothing will do: first RQ's own clean-up (work whose worker stopped sending signs of life
    is tried again), then, for each kind that lists the work it should have, each piece with no live job is queued
    again. A piece that failed after all its tries is left for an admin. Safe to run as often as you like.

    With no Redis configured the outstanding work is done now instead (say, a story whose analysis failed when it
    was sent), each piece on its own so one failure does not stop the rest."""
    if queue_configured():
        redis_queue.clean_up()
    put_back = failed = not_done = 0
    for work in kinds().values():
        if work.outstanding is None:
            continue
        for arguments in list(work.outstanding()):
            try:
                done = enqueue(work.name, replace_failed=False, **arguments)
            except Exception:  # with no Redis the work ran here; one failure must not stop the sweep
                db.session.rollback()
                current_app.logger.exception("Could not do %s %s.", work.name, arguments)
                not_done += 1
                continue
            put_back += done.queued or done.ran_now
            failed += done.left_failed
    return Sweep(put_back=put_back, failed=failed, not_done=not_done)
