"""Background work: done in the request with no Redis (`make run`), and on an RQ queue with Redis, tried again when it
fails, shown to admins, and never lost. The worker killed mid-job is tests/functional/test_jobs_worker_killed.py."""

from __future__ import annotations

import re

from rq.job import Job, JobStatus
from sqlalchemy import func, select

from storybank import jobs
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.jobs import redis_queue
from storybank.moderation.jobs import PREPARE_STORY, prepare_story
from storybank.moderation.models import Suggestion, SuggestionStatus
from storybank.moderation.preparation import needs_preparing, prepare_for_review
from storybank.search.models import SearchDocument
from storybank.stories.models import Story
from tests.job_steps import forget_queue, job_id, on_queue, run_burst_worker, work_here  # noqa: F401
from tests.moderation_steps import BODY, make_story
from tests.story_steps import approve, write_and_send

BEING_PREPARED = "Being prepared – the suggestions will be ready shortly"


def _prepared_events(story_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "moderation.prepared", AuditEvent.object_id == str(story_id))) or 0


def _suggestions(story_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Suggestion).where(Suggestion.story_id == story_id))


def _job(queue: str, piece: str) -> Job:
    return Job.fetch(job_id(queue, piece), connection=redis_queue.connection())


def _queue_page(client, auth, moderator) -> str:
    auth.sign_out()
    auth.sign_in(moderator.username)
    return client.get("/moderation").get_data(as_text=True)


def test_with_no_redis_a_sent_story_is_prepared_in_the_request_and_nothing_waits(app, client, auth, runner,
                                                                                    contributor):
    assert app.config["STORYBANK_REDIS_URL"] is None
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=BODY)
    assert not needs_preparing(sent.story)
    assert _prepared_events(sent.story.id) == 1
    status = runner.invoke(args=["jobs", "status"])
    assert "No Redis is configured" in status.output and "nothing waits" in status.output
    worker = runner.invoke(args=["worker", "--burst"])
    assert worker.exit_code != 0 and "STORYBANK_REDIS_URL" in worker.output


def test_with_no_redis_the_admins_page_says_work_is_done_straight_away(client, auth, admin):
    auth.sign_in(admin.username)
    assert 'href="/admin/jobs/"' in client.get("/admin/").get_data(as_text=True), "linked from the admin area"
    page = client.get("/admin/jobs/").get_data(as_text=True)
    assert "does its work straight away" in page and "nothing is waiting" in page


def test_with_redis_a_sent_story_waits_as_being_prepared_with_one_job_until_a_worker_prepares_it(
        app, client, auth, contributor, moderator, on_queue):  # noqa: F811
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=BODY)
    story_id = sent.story.id
    assert needs_preparing(sent.story) and _prepared_events(story_id) == 0, "nothing was analysed in the request"
    job = _job(on_queue, f"prepare-story-{story_id}")
    assert job.get_status() == JobStatus.QUEUED and job.args == (PREPARE_STORY, {"story_id": story_id})
    again = jobs.enqueue(PREPARE_STORY, story_id=story_id)
    assert again.already_waiting and not again.ran_now
    assert redis_queue.counts() == {"waiting": 1, "running": 0, "failed": 0}, "asking twice queues it once"
    assert BEING_PREPARED in _queue_page(client, auth, moderator)

    result = run_burst_worker(app, on_queue)
    assert "Successfully completed prepare-story" in result.stdout
    story = db.session.get(Story, story_id)
    assert not needs_preparing(story)
    assert _prepared_events(story_id) == 1 and _suggestions(story_id) > 0
    assert _job(on_queue, f"prepare-story-{story_id}").get_status() == JobStatus.FINISHED
    assert redis_queue.counts() == {"waiting": 0, "running": 0, "failed": 0}
    assert BEING_PREPARED not in client.get("/moderation").get_data(as_text=True)


def test_when_redis_cannot_be_reached_the_story_is_prepared_in_the_request_rather_than_lost(
        app, client, auth, contributor, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "STORYBANK_REDIS_URL", "redis://127.0.0.1:1/0")
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=BODY)
    assert not needs_preparing(sent.story)
    assert "Could not reach Redis to queue prepare-story" in caplog.text


def _failing(calls: list):
    def broken(story, *args, **kwargs):
        calls.append(story.id)
        raise RuntimeError(f"analysis broke on the words {story.body[:20]!r}")
    return broken


def test_a_failing_job_is_tried_again_then_shown_to_admins_as_failed_and_try_again_puts_it_back(
        app, client, auth, runner, contributor, admin, on_queue, monkeypatch):  # noqa: F811
    calls: list[int] = []
    monkeypatch.setattr("storybank.moderation.jobs.prepare_for_review", _failing(calls))
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body=BODY)
    story_id, reference = sent.story.id, sent.reference
    work_here(app)
    assert calls == [story_id] * 4, "the first try and three more"
    piece = f"prepare-story-{story_id}"
    assert _job(on_queue, piece).get_status() == JobStatus.FAILED
    assert redis_queue.counts() == {"waiting": 0, "running": 0, "failed": 1}
    swept = runner.invoke(args=["jobs", "requeue-stale"])
    assert "Put 0 piece(s)" in swept.output and "1 failed piece(s)" in swept.output, "failed work waits for an admin"

    auth.sign_out()
    auth.sign_in(admin.username)
    page = client.get("/admin/jobs/").get_data(as_text=True)
    assert "<dt>Failed</dt><dd>1</dd>" in page.replace("\n", "").replace("  ", "")
    assert f"Preparing story {reference} for the moderators" in page
    assert "RuntimeError" in page and "Bernadette" not in page, "the kind of error, never the story's words"
    action = f"/admin/jobs/{job_id(on_queue, piece)}/try-again"
    assert f'action="{action}"' in page
    assert client.post(action).status_code == 400, "CSRF is checked"
    assert _job(on_queue, piece).get_status() == JobStatus.FAILED
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(action, data={"csrf_token": token}, follow_redirects=True)
    assert "It is back on the queue" in response.get_data(as_text=True)
    assert _job(on_queue, piece).get_status() == JobStatus.QUEUED
    assert db.session.scalar(select(AuditEvent.actor_label).where(AuditEvent.action == "job.retried")) == "ada"
    again = client.post(action, data={"csrf_token": token}, follow_redirects=True)
    assert "not in the failed list any more" in again.get_data(as_text=True)

    monkeypatch.setattr("storybank.moderation.jobs.prepare_for_review", prepare_for_review)  # mended
    work_here(app)
    assert not needs_preparing(db.session.get(Story, story_id))
    assert redis_queue.counts() == {"waiting": 0, "running": 0, "failed": 0}


def test_preparing_a_story_twice_adds_nothing_and_keeps_a_moderators_decisions(app, contributor):
    story = make_story(contributor, BODY)
    db.session.commit()
    assert prepare_story(story.id) is True
    first = db.session.scalars(select(Suggestion).where(Suggestion.story_id == story.id)).first()
    first.status = SuggestionStatus.REJECTED
    db.session.commit()
    before = _suggestions(story.id)
    assert prepare_story(story.id) is False
    assert _suggestions(story.id) == before and _prepared_events(story.id) == 1
    assert db.session.get(Suggestion, first.id).status == SuggestionStatus.REJECTED


def test_the_sweeper_puts_back_a_story_whose_job_was_lost_and_leaves_prepared_ones_alone(
        app, client, auth, runner, contributor, on_queue):  # noqa: F811
    auth.sign_in(contributor.username)
    lost = write_and_send(client, auth, body=BODY).story.id
    prepared = make_story(contributor, "Another story, already prepared.")
    db.session.commit()
    prepare_for_review(prepared)
    _job(on_queue, f"prepare-story-{lost}").delete()  # as if Redis lost it, or it was sent while Redis was down
    assert redis_queue.counts()["waiting"] == 0
    swept = runner.invoke(args=["jobs", "requeue-stale"])
    assert swept.exit_code == 0, swept.output
    assert "Put 1 piece(s) of work back on the queue" in swept.output
    assert _job(on_queue, f"prepare-story-{lost}").get_status() == JobStatus.QUEUED
    assert "Put 0 piece(s)" in runner.invoke(args=["jobs", "requeue-stale"]).output, "a waiting job is left as it is"
    status = runner.invoke(args=["jobs", "status"]).output
    assert "Waiting:    1" in status and "Failed:     0" in status


def test_with_no_redis_the_sweeper_prepares_a_story_whose_analysis_failed_when_it_was_sent(
        app, runner, contributor):
    story = make_story(contributor, BODY)
    db.session.commit()
    assert needs_preparing(story)
    swept = runner.invoke(args=["jobs", "requeue-stale"])
    assert swept.exit_code == 0, swept.output
    assert "Did 1 piece(s) of outstanding work now" in swept.output
    db.session.expire_all()
    assert not needs_preparing(db.session.get(Story, story.id))


def test_the_index_and_purge_commands_queue_their_work_once_with_redis_and_do_it_now_without(
        app, runner, contributor, on_queue, monkeypatch):  # noqa: F811
    story = make_story(contributor, BODY)
    approve(story)
    for args, piece in ((["search", "reindex", "--queue"], "reindex-search"),
                        (["retention", "purge", "--queue"], "purge-withdrawn-30"),
                        (["moderation", "purge-originals", "--queue", "--days", "30"], "purge-originals-30")):
        first = runner.invoke(args=args)
        assert f"Put on the queue for a worker (job {job_id(on_queue, piece)})" in first.output, first.output
        assert "already on the queue" in runner.invoke(args=args).output
        assert _job(on_queue, piece).get_status() == JobStatus.QUEUED
    assert db.session.get(SearchDocument, story.id) is None, "nothing was done in the command"
    work_here(app)
    assert db.session.get(SearchDocument, story.id) is not None, "the worker rebuilt the index"
    assert redis_queue.counts() == {"waiting": 0, "running": 0, "failed": 0}

    monkeypatch.setitem(app.config, "STORYBANK_REDIS_URL", None)
    assert "Indexed 1 story." in runner.invoke(args=["search", "reindex", "--queue"]).output
    assert "Erased the words of 0 withdrawn stories" in runner.invoke(args=["retention", "purge", "--queue"]).output


def test_the_admins_page_lists_waiting_work_a_page_at_a_time(client, auth, admin, on_queue):  # noqa: F811
    for story_id in range(1000, 1060):
        assert jobs.enqueue(PREPARE_STORY, story_id=story_id).queued
    auth.sign_in(admin.username)
    first = client.get("/admin/jobs/").get_data(as_text=True)
    assert "Page 1 of 2" in first and "Nothing has failed" not in first
    assert first.count("As soon as a worker is free") == 50
    assert "Preparing story 1000 for the moderators" in first and "story 1050" not in first
    second = client.get("/admin/jobs/?show=waiting&page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and second.count("As soon as a worker is free") == 10
    assert "Preparing story 1059 for the moderators" in second
    assert "Nothing is being done right now" in client.get("/admin/jobs/?show=running").get_data(as_text=True)
    assert "Nothing has failed" in client.get("/admin/jobs/?show=failed").get_data(as_text=True)
