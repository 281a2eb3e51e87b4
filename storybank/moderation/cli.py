"""`flask moderation ...`: tasks for the people who run StoryBank."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

moderation_cli = AppGroup("moderation", help="Look after moderated stories.")
analysis_cli = AppGroup("analysis", help="The text analysis that suggests redactions, safeguarding flags and themes.")


@analysis_cli.command("reanalyse")
@click.option("--batch-size", type=click.IntRange(1, 1000), default=64, show_default=True)
def reanalyse_command(batch_size: int) -> None:
    """Run the analysis again over every story waiting for a moderator (stories with decisions are kept)."""
    from sqlalchemy import func, select

    from storybank.extensions import db
    from storybank.moderation.common import WAITING
    from storybank.moderation.preparation import reanalyse_waiting
    from storybank.stories.models import Story

    total = db.session.scalar(select(func.count()).select_from(Story).where(Story.status.in_(WAITING))) or 0
    with click.progressbar(length=total, label="Analysing stories") as bar:
        result = reanalyse_waiting(batch_size=batch_size, progress=bar.update)
    click.echo(f"Analysed {result.reanalysed} waiting stories again; left {result.skipped_with_decisions} "
               "alone because a moderator has already made decisions on them.")


@moderation_cli.command("purge-originals")
@click.option("--days", type=int, default=None,
              help="Purge originals approved more than this many days ago "
                   "(default: STORYBANK_PURGE_ORIGINALS_DAYS).")
@click.option("--queue", "on_queue", is_flag=True,
              help="Put it on the queue for a worker (STORYBANK_REDIS_URL) rather than doing it now.")
def purge_originals_command(days: int | None, on_queue: bool) -> None:
    """Forget the original words of approved stories; only the moderated version is kept."""
    from storybank import jobs
    from storybank.moderation.jobs import PURGE_ORIGINALS

    days = days if days is not None else current_app.config.get("STORYBANK_PURGE_ORIGINALS_DAYS")
    if days is None:
        click.echo("STORYBANK_PURGE_ORIGINALS_DAYS is not set, so no originals were purged. "
                   "Set it, or pass --days, to purge originals after approval.")
        return
    if days < 0:
        raise click.ClickException("--days must be 0 or more.")
    done = (jobs.enqueue if on_queue else jobs.run_now)(PURGE_ORIGINALS, days=days)
    if not done.ran_now:
        click.echo(jobs.queued_words(done))
        return
    count = done.result
    click.echo(f"Purged the original words of {count} approved {'story' if count == 1 else 'stories'} "
               f"(approved more than {days} days ago).")


@analysis_cli.command("explain")
@click.argument("text")
def explain_command(text: str) -> None:
    """Show which safeguarding rules fire on TEXT, on which words and why, and the details it would redact.

    TEXT is the story itself (in quotes), or - to read it from standard input."""
    from storybank.text.analysis.explain import explain, format_explanation

    if text == "-":
        text = sys.stdin.read()
    click.echo(format_explanation(explain(text, current_app.config.get("STORYBANK_SPACY_MODEL") or None)))
