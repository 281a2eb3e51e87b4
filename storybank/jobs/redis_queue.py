"""The queue itself: RQ on the Redis named by STORYBANK_REDIS_URL, one queue named by STORYBANK_JOBS_QUEUE.

Only this module and storybank/jobs/worker.py talk to RQ. Every piece of work is the same RQ function
(``storybank.jobs.worker.run_job``) with the kind's name and its arguments, so a worker needs nothing but the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import redis
from flask import current_app
from rq import Queue, Retry, Worker
from rq.exceptions import DuplicateJobError, InvalidJobOperation, NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import (
    DeferredJobRegistry,
    FailedJobRegistry,
    ScheduledJobRegistry,
    StartedJobRegistry,
    clean_registries,
)

from storybank.jobs import registry
from storybank.jobs.registry import Enqueued, JobKind

RUN_JOB = "storybank.jobs.worker.run_job"
LIVE = frozenset({JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED, JobStatus.STARTED,
                  JobStatus.CREATED, JobStatus.READY_TO_ENQUEUE})
"""A job in one of these states will still be done without anyone's help."""
FINISHED_KEPT_SECONDS = 60 * 60
FAILED_KEPT_SECONDS = 30 * 24 * 60 * 60

_CONNECTIONS = "storybank.jobs.redis"


class QueueUnreachable(RuntimeError):
    """Redis did not answer; the caller does the work now rather than lose it."""


def connection() -> redis.Redis:
    """One client per app and address, made on first use (never when the app is created: ``make run`` has none)."""
    url = current_app.config["STORYBANK_REDIS_URL"]
    clients = current_app.extensions.setdefault(_CONNECTIONS, {})
    if url not in clients:
        clients[url] = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
    return clients[url]


def queue_name() -> str:
    return current_app.config.get("STORYBANK_JOBS_QUEUE") or "storybank"


def job_queue() -> Queue:
    return Queue(queue_name(), connection=connection())


def put_on_queue(work: JobKind, arguments: dict[str, Any], *, replace_failed: bool = True) -> Enqueued:
    """Put one piece of work on the queue, once. ``unique`` makes the check and the write one step in Redis."""
    queue = job_queue()
    job_id = work.id_for(queue.name, arguments)
    try:
        for _ in range(2):
            try:
                queue.enqueue_call(RUN_JOB, args=(work.name, arguments), job_id=job_id, timeout=work.timeout,
                                   retry=Retry(max=len(registry.RETRY_INTERVALS),
                                               interval=list(registry.RETRY_INTERVALS)),
                                   result_ttl=FINISHED_KEPT_SECONDS, failure_ttl=FAILED_KEPT_SECONDS,
                                   description=f"{work.name} {arguments}", unique=True)
                return Enqueued(job_id=job_id, queued=True)
            except DuplicateJobError:
                existing = _fetch(job_id)
                if existing is None:
                    continue  # it finished and went between the two looks: try once more
                status = existing.get_status(refresh=False)
                if status in LIVE:
                    return Enqueued(job_id=job_id, already_waiting=True)
                if status == JobStatus.FAILED and not replace_failed:
                    return Enqueued(job_id=job_id, left_failed=True)
                existing.delete()
        return Enqueued(job_id=job_id, already_waiting=True)
    except redis.RedisError as error:
        raise QueueUnreachable(str(error)) from error


def _fetch(job_id: str) -> Job | None:
    try:
        return Job.fetch(job_id, connection=connection())
    except NoSuchJobError:
        return None


def clean_up() -> None:
    """RQ's own clean-up, as a worker does it every minute or so: work whose worker stopped sending signs of life is
    tried again (or, with no tries left, failed), and old entries are dropped. Under RQ's lock, so it never runs
    twice at once (a worker cleaning up now is doing the same)."""
    queue = job_queue()
    if queue.acquire_maintenance_lock():
        try:
            clean_registries(queue)
        finally:
            queue.release_maintenance_lock()


WAITING = "waiting"
RUNNING = "running"
FAILED = "failed"
SECTIONS = (WAITING, RUNNING, FAILED)


def counts() -> dict[str, int]:
    """How much work is waiting (including work waiting to be tried again), being done, and failed."""
    queue = job_queue()
    return {
        WAITING: queue.count + _registry(ScheduledJobRegistry).get_job_count(cleanup=False)
        + _registry(DeferredJobRegistry).get_job_count(cleanup=False),
        RUNNING: _registry(StartedJobRegistry).get_job_count(cleanup=False),
        FAILED: _registry(FailedJobRegistry).get_job_count(cleanup=False),
    }


def worker_count() -> int:
    return Worker.count(queue=job_queue())


def _registry(registry_class):
    queue = job_queue()
    return registry_class(queue.name, connection=queue.connection)


@dataclass(frozen=True)
class JobRow:
    """One piece of work as the admins' page shows it."""

    id: str
    kind: str
    arguments: dict[str, Any]
    status: str
    enqueued_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    try_again_at: datetime | None
    error: str | None


def _ids(section: str, start: int, count: int) -> list[str]:
    end = start + count - 1
    if section == RUNNING:
        return _registry(StartedJobRegistry).get_job_ids(start, end, cleanup=False)
    if section == FAILED:
        return _registry(FailedJobRegistry).get_job_ids(start, end, desc=True, cleanup=False)
    # Waiting: first the work waiting to be tried again (few), then the queue in the order it will be done.
    retrying = _registry(ScheduledJobRegistry).get_job_ids(cleanup=False) + _registry(
        DeferredJobRegistry).get_job_ids(cleanup=False)
    ids = retrying[start:end + 1]
    if len(ids) < count:
        ids += job_queue().get_job_ids(max(start - len(retrying), 0), count - len(ids))
    return ids


def jobs_in(section: str, start: int, count: int) -> list[JobRow]:
    queue = job_queue()
    ids = _ids(section, start, count)
    scheduled = _registry(ScheduledJobRegistry)
    rows = []
    for job in Job.fetch_many(ids, connection=queue.connection):
        if job is None:
            continue  # finished or removed since the list was read
        name, arguments = (job.args + (None, None))[:2] if job.func_name == RUN_JOB else (job.func_name, {})
        status = job.get_status(refresh=False)
        rows.append(JobRow(
            id=job.id, kind=str(name), arguments=dict(arguments or {}), status=str(getattr(status, "value", status)),
            enqueued_at=job.enqueued_at, started_at=job.started_at, ended_at=job.ended_at,
            try_again_at=scheduled.get_scheduled_time(job) if status == JobStatus.SCHEDULED else None,
            error=_plain_error(job) if status == JobStatus.FAILED else None,
        ))
    return rows


def _plain_error(job: Job) -> str:
    """The kind of error only: a traceback's message may quote a story's words, and this page is for admins, who
    are not its readers. The whole traceback is in the worker's log."""
    result = job.latest_result()
    text = ((result.exc_string if result is not None else None) or "").strip()
    if "AbandonedJobError" in text:
        return "The worker stopped while doing it"
    if "JobTimeoutException" in text:
        return "It took too long"
    last = text.splitlines()[-1] if text else ""
    kind = last.split(":", 1)[0].strip().rsplit(".", 1)[-1]
    return f"An error ({kind})" if kind.isidentifier() else "An error"


class NotFailed(LookupError):
    """The work asked about is not in the failed list (any more): tried again already, or never there."""


def try_again(job_id: str) -> Job:
    """Put a failed piece of work back on the queue, for one more try."""
    registry = _registry(FailedJobRegistry)
    if job_id not in registry:
        raise NotFailed(job_id)
    try:
        return registry.requeue(job_id)
    except (NoSuchJobError, InvalidJobOperation) as error:
        raise NotFailed(job_id) from error
