"""Background work: RQ on Redis when STORYBANK_REDIS_URL is set, and straight away in the request when it is not.

Each domain registers its kinds of work in its ``init_app`` (``register``), by name, with the function that does it;
everyone else asks for work by that name (``enqueue``), passing ids and never ORM objects. With no Redis configured
(the embedded default, ``make run``) ``enqueue`` simply calls the function, so nothing more needs running. With
Redis, the work goes on a queue for ``flask worker`` (storybank/jobs/worker.py), is tried again when it fails
(``RETRY_INTERVALS``) and shows on the admins' "Background work" page. Each piece of work has a fixed job id (for
example ``storybank-prepare-story-12``), so asking twice for work that is still waiting puts it on the queue once.

This package knows no domain: the domains plug their work in here, as they plug into ``storybank.events``.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from storybank.jobs import redis_queue
from storybank.jobs.registry import Enqueued, JobKind, kind, kinds, register

__all__ = ["Enqueued", "JobKind", "enqueue", "kind", "kinds", "queue_configured", "queued_words", "register",
           "run_now"]


def queue_configured() -> bool:
    """Is there a Redis to put work on? Without one, every piece of work runs in the request that asks for it."""
    return bool(current_app.config.get("STORYBANK_REDIS_URL"))


def enqueue(name: str, *, replace_failed: bool = True, **arguments: Any) -> Enqueued:
    """Ask for a piece of work. With Redis it goes on the queue (once: a piece already waiting or being done is left
    as it is; one that failed is replaced, unless ``replace_failed`` is False). Without Redis, or when Redis cannot
    be reached, it is done now, in this process, and anything it raises reaches the caller."""
    if queue_configured():
        try:
            return redis_queue.put_on_queue(kind(name), arguments, replace_failed=replace_failed)
        except redis_queue.QueueUnreachable:
            current_app.logger.exception("Could not reach Redis to queue %s %s; doing it now instead.", name,
                                         arguments)
    return run_now(name, **arguments)


def run_now(name: str, **arguments: Any) -> Enqueued:
    """Do a piece of work here and now, whether or not there is a queue (a command run without ``--queue``)."""
    return Enqueued(job_id=None, ran_now=True, result=kind(name).function(**arguments))


def queued_words(done: Enqueued) -> str:
    """What a command tells the person who asked for work to be queued."""
    if done.already_waiting:
        return f"That work is already on the queue or being done (job {done.job_id}), so it was not added twice."
    if done.left_failed:
        return f"That work failed before and is waiting for an admin (job {done.job_id}): see /admin/jobs."
    return f"Put on the queue for a worker (job {done.job_id}). `flask jobs status` shows how it is going."
