"""What the admins' Background work page shows, and its one action: trying a failed piece of work again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app

from storybank.audit.services import record
from storybank.extensions import db
from storybank.jobs import redis_queue
from storybank.jobs.registry import kinds
from storybank.paging import Pages, page_count

PAGE_SIZE = 50
NotFailed = redis_queue.NotFailed


@dataclass(frozen=True)
class JobEntry:
    row: redis_queue.JobRow
    words: str
    """What the work is, in plain words."""


@dataclass(frozen=True)
class JobsPage(Pages):
    section: str
    counts: dict[str, int]
    items: list[JobEntry]
    total: int
    page: int
    per_page: int


def _words(row: redis_queue.JobRow) -> str:
    work = kinds().get(row.kind)
    if work is None:
        return f"Work StoryBank no longer knows how to do ({row.kind})"
    try:
        return work.describe(**row.arguments)
    except Exception:  # a description is only a help to the reader; the page must still show the work
        current_app.logger.exception("Could not describe background work %s.", row.id)
        return f"{row.kind} {row.arguments}"


def jobs_page(section: str | None, page: int = 1, per_page: int = PAGE_SIZE) -> JobsPage:
    """One section of the work (waiting, being done, failed) a page at a time; failed work first when there is any,
    since it is the only kind that needs an admin."""
    counts = redis_queue.counts()
    if section not in redis_queue.SECTIONS:
        section = redis_queue.FAILED if counts[redis_queue.FAILED] else redis_queue.WAITING
    total = counts[section]
    page = min(max(page, 1), page_count(total, per_page))
    rows = redis_queue.jobs_in(section, (page - 1) * per_page, per_page)
    return JobsPage(section=section, counts=counts, items=[JobEntry(row, _words(row)) for row in rows],
                    total=total, page=page, per_page=per_page)


def try_again(job_id: str, actor: Any) -> None:
    """Put a failed piece of work back on the queue for one more try, and say so in the audit log."""
    redis_queue.try_again(job_id)
    record("job.retried", actor, object_type="jobs", object_id=job_id)
    db.session.commit()
