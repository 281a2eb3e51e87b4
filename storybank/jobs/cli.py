"""`flask worker` does the background work; `flask jobs status` and `flask jobs requeue-stale` look after it."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storybank.jobs import queue_configured, redis_queue
from storybank.jobs.worker import HEARTBEAT_SECONDS, requeue_stale, run_worker

jobs_cli = AppGroup("jobs", help="Background work (RQ on Redis; see the README's \"Background work\").")

NO_QUEUE = ("No Redis is configured (STORYBANK_REDIS_URL is not set), so background work is done straight away, in "
            "the request or command that asks for it, and nothing waits.")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Do the work waiting now, then stop, rather than wait for more.")
@click.option("--heartbeat", type=click.IntRange(1, 300), default=HEARTBEAT_SECONDS, show_default=True,
              help="Seconds between a busy worker's signs of life. Work whose worker is silent for three of them "
                   "is taken as abandoned and done again.")
def worker_command(burst: bool, heartbeat: int) -> None:
    """Do the background work on the queue: preparing sent stories, rebuilding the search index, the purges."""
    if not queue_configured():
        raise click.ClickException(NO_QUEUE + " Set STORYBANK_REDIS_URL (for example redis://127.0.0.1:6379/0) "
                                              "to run workers.")
    run_worker(burst=burst, heartbeat=heartbeat)


@jobs_cli.command("status")
def status_command() -> None:
    """How much work is waiting, being done and failed, and how many workers are doing it."""
    if not queue_configured():
        click.echo(NO_QUEUE)
        return
    counts = redis_queue.counts()
    click.echo(f"Queue {redis_queue.queue_name()}:")
    click.echo(f"  Waiting:    {counts[redis_queue.WAITING]}")
    click.echo(f"  Being done: {counts[redis_queue.RUNNING]}")
    click.echo(f"  Failed:     {counts[redis_queue.FAILED]}")
    click.echo(f"  Workers:    {redis_queue.worker_count()}")


@jobs_cli.command("requeue-stale")
def requeue_stale_command() -> None:
    """Put back work that nothing will do (say, a story whose worker was killed). Safe to run from cron."""
    sweep = requeue_stale()
    if queue_configured():
        click.echo(f"Put {sweep.put_back} piece(s) of work back on the queue. {sweep.failed} failed piece(s) "
                   "wait for an admin's \"Try again\" on the Background work page.")
    else:
        click.echo(f"{NO_QUEUE} Did {sweep.put_back} piece(s) of outstanding work now; {sweep.not_done} failed "
                   "again (see the log).")
    if sweep.not_done:
        raise SystemExit(1)
