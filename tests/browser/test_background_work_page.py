"""An admin finds failed background work from the admin area and tries it again, in a real browser; every page is
checked for accessibility. Needs the test Redis (tests/job_steps.py)."""

from __future__ import annotations

import dataclasses
import uuid

from playwright.sync_api import Page, expect
from rq.job import Job, JobStatus

from storybank import jobs
from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.jobs import redis_queue, registry
from storybank.search.jobs import REINDEX_SEARCH
from tests import factories
from tests.browser.steps import sign_in
from tests.job_steps import REDIS_URL, forget_queue, redis_or_skip, work_here


def _broken_reindex() -> int:
    raise OSError("the disk is full")


def test_an_admin_sees_failed_work_and_tries_it_again(page: Page, visit, submit, live_server, monkeypatch):
    redis_or_skip()
    app = live_server.app
    queue = f"storybank-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setitem(app.config, "STORYBANK_REDIS_URL", REDIS_URL)
    monkeypatch.setitem(app.config, "STORYBANK_JOBS_QUEUE", queue)
    monkeypatch.setattr(registry, "RETRY_INTERVALS", [0, 0, 0])
    kinds = app.extensions["storybank.jobs"]
    monkeypatch.setitem(kinds, REINDEX_SEARCH, dataclasses.replace(kinds[REINDEX_SEARCH], function=_broken_reindex))
    username = f"admin-{uuid.uuid4().hex[:6]}"
    try:
        with app.app_context():
            factories.make_user(Role.ADMIN, username=username)
            db.session.commit()
            jobs.enqueue(REINDEX_SEARCH)
            work_here(app)
            db.session.remove()

        sign_in(page, visit, submit, username)
        visit(page, "/admin/")
        submit(page, lambda: page.get_by_role("link", name="Background work").click())
        expect(page.get_by_role("heading", level=2)).to_have_text("Failed")
        row = page.get_by_role("row").filter(has_text="Rebuilding the search index")
        expect(row).to_contain_text("OSError")
        expect(page.get_by_role("main")).not_to_contain_text("the disk is full")
        submit(page, lambda: row.get_by_role("button", name="Try again").click())
        expect(page.get_by_role("status").first).to_contain_text("It is back on the queue")
        expect(page.get_by_role("main")).to_contain_text("Nothing has failed")
        submit(page, lambda: page.get_by_role("link", name="Waiting").click())
        expect(page.get_by_role("row").filter(has_text="Rebuilding the search index")).to_contain_text(
            "As soon as a worker is free")
        with app.app_context():
            job = Job.fetch(f"{queue}-reindex-search", connection=redis_queue.connection())
            assert job.get_status() == JobStatus.QUEUED
    finally:
        forget_queue(queue)
