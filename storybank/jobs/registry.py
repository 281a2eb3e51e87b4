"""The kinds of background work the domains register, and what became of a request for one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app

RETRY_INTERVALS = [10, 60, 300]
"""Seconds before the second, third and fourth try of work that failed; after the fourth it waits for an admin."""

_KINDS = "storybank.jobs"


@dataclass(frozen=True)
class JobKind:
    """A kind of background work. ``job_id`` is a format string of the work's arguments ("prepare-story-{story_id}")
    naming one piece of work, so the same piece is never waiting twice. ``describe`` says in plain words what a piece
    is, for the admins' page. ``outstanding``, if given, lists the arguments of every piece that should be done now
    (say, every story still waiting to be prepared), so the sweeper can put back any that a lost worker took with
    it. ``warm_up``, if given, is done once by a worker before it forks, so every piece finds it ready (the
    analysis model)."""

    name: str
    function: Callable[..., Any]
    job_id: str
    describe: Callable[..., str]
    timeout: int = 600
    outstanding: Callable[[], Iterable[dict[str, Any]]] | None = None
    warm_up: Callable[[], None] | None = None

    def id_for(self, queue_name: str, arguments: dict[str, Any]) -> str:
        prefix = re.sub(r"[^A-Za-z0-9_-]+", "-", queue_name)
        return f"{prefix}-{self.job_id.format(**arguments)}"


def register(app: Flask, name: str, function: Callable[..., Any], *, job_id: str, describe: Callable[..., str],
             timeout: int = 600, outstanding: Callable[[], Iterable[dict[str, Any]]] | None = None,
             warm_up: Callable[[], None] | None = None) -> None:
    """Called from a domain's ``init_app``: the worker builds the app the same way, so it knows the same work."""
    app.extensions.setdefault(_KINDS, {})[name] = JobKind(name, function, job_id, describe, timeout, outstanding,
                                                          warm_up)


def kinds(app: Flask | None = None) -> dict[str, JobKind]:
    return (app or current_app).extensions.get(_KINDS, {})


def kind(name: str) -> JobKind:
    try:
        return kinds()[name]
    except KeyError:
        raise LookupError(f"No background work is registered as {name!r}.") from None


@dataclass(frozen=True)
class Enqueued:
    """What became of a request for work: put on the queue (``queued``), found already waiting or being done there
    (``already_waiting``), found failed and left for an admin (``left_failed``), or done straight away in this
    process (``ran_now``, with its ``result``)."""

    job_id: str | None
    queued: bool = False
    already_waiting: bool = False
    left_failed: bool = False
    ran_now: bool = False
    result: Any = None
