"""A worker killed mid-job loses nothing: a real `flask worker` is SIGKILLed while it prepares a story (its work
written to the database but not committed), and a fresh worker prepares the story, once.

The job is made to wait just before its commit by a test-only hook (``STORYBANK_TEST_PAUSE_JOB_BEFORE_COMMIT``, see
storybank/jobs/worker.py), which writes the process id of the worker's work horse to a file so the test knows when
to strike and whom. The worker sends a sign of life every second here (``--heartbeat 1``), so RQ takes its job as
abandoned three seconds after the kill rather than a minute.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry, StartedJobRegistry
from sqlalchemy import func, select

from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.jobs import redis_queue
from storybank.moderation.models import SafeguardingConcern, Suggestion
from storybank.moderation.preparation import needs_preparing
from storybank.stories.models import Story, StoryStatus
from storybank.text.analysis import analyse
from tests.job_steps import ROOT, flask_command, job_id, on_queue, run_burst_worker, worker_environment  # noqa: F401
from tests.story_steps import write_and_send

DISCLOSURE = ("My carer Bernadette Okafor comes every morning. Ring me on 07700 900123 if you need to.\n\n"
              "My son's girlfriend has taken my bank card and she shouts at me every day.")
BEING_PREPARED = "Being prepared – the suggestions will be ready shortly"


def _wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds}s for {what}")


def _count(model, story_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(model.story_id == story_id))


def _prepared_events(story_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "moderation.prepared", AuditEvent.object_id == str(story_id)))


def test_a_worker_killed_mid_job_loses_nothing_and_a_fresh_worker_prepares_the_story_once(
        app, client, auth, contributor, moderator, on_queue, tmp_path):  # noqa: F811
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=DISCLOSURE)
    story_id = sent.story.id
    job = job_id(on_queue, f"prepare-story-{story_id}")
    db.session.commit()

    marker = tmp_path / "paused"
    worker = subprocess.Popen(flask_command("worker", "--heartbeat", "1"), cwd=ROOT,  # noqa: S603
                              env=worker_environment(app, on_queue, pause_marker=marker),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        horse = int(_wait_for(lambda: marker.exists() and marker.read_text(), 120, "the job to reach its commit"))
        connection = redis_queue.connection()
        assert Job.fetch(job, connection=connection).get_status() == JobStatus.STARTED
        db.session.commit()
        assert needs_preparing(db.session.get(Story, story_id)), "its work is written but not committed"

        os.kill(horse, signal.SIGKILL)  # the work horse, in a process group of its own
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its scheduler
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        log = worker.communicate(timeout=30)[0].decode(errors="replace")
    assert worker.returncode == -signal.SIGKILL, log[-3000:]
    assert "Successfully completed" not in log

    db.session.commit()
    db.session.expire_all()
    story = db.session.get(Story, story_id)
    assert story.status == StoryStatus.SUBMITTED and needs_preparing(story), "the story waits, being prepared"
    assert _count(Suggestion, story_id) == 0 and _prepared_events(story_id) == 0, "nothing half-done was kept"
    auth.sign_out()
    auth.sign_in(moderator.username)
    queue_page = client.get("/moderation").get_data(as_text=True)
    assert sent.reference in queue_page and BEING_PREPARED in queue_page
    started = StartedJobRegistry(on_queue, connection=connection)
    assert job in started.get_job_ids(cleanup=False), "RQ still thinks it is being done"
    _wait_for(lambda: job in started.get_expired_job_ids(), 30, "the dead worker's heartbeat to run out")

    result = run_burst_worker(app, on_queue)
    assert "Successfully completed prepare-story" in result.stdout, result.stdout[-3000:]
    story = db.session.get(Story, story_id)
    assert not needs_preparing(story) and story.status == StoryStatus.SUBMITTED
    analysis = analyse(DISCLOSURE, model=app.config.get("STORYBANK_SPACY_MODEL"))
    expected = len(analysis.findings) + len(analysis.themes) + len(analysis.content_warnings)
    assert _count(Suggestion, story_id) == expected > 0, "each suggestion once"
    categories = {signal.category for signal in analysis.safeguarding}
    assert _count(SafeguardingConcern, story_id) == len(categories) > 0, "one concern per kind of worry, once"
    assert _prepared_events(story_id) == 1
    assert Job.fetch(job, connection=connection).get_status() == JobStatus.FINISHED
    assert started.get_job_ids(cleanup=False) == []
    assert FailedJobRegistry(on_queue, connection=connection).get_job_ids(cleanup=False) == []
    assert BEING_PREPARED not in client.get("/moderation").get_data(as_text=True)
