"""`flask search reindex`: rebuild the search index from the stories as they are now."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storybank import jobs
from storybank.search.jobs import REINDEX_SEARCH
from storybank.search.services import reindex_all

search_cli = AppGroup("search", help="The full-text search index for trainers.")


@search_cli.command("reindex")
@click.option("--queue", "on_queue", is_flag=True,
              help="Put it on the queue for a worker (STORYBANK_REDIS_URL) rather than doing it now.")
def reindex_command(on_queue: bool) -> None:
    """Rebuild the index of approved stories (withdrawn and unapproved ones are left out)."""
    if on_queue and jobs.queue_configured():
        done = jobs.enqueue(REINDEX_SEARCH)
        if not done.ran_now:
            click.echo(jobs.queued_words(done))
            return
        count = done.result  # Redis could not be reached, so it was done here
    else:
        with click.progressbar(length=0, label="Indexing stories") as bar:
            def progress(ids):
                bar.length = len(ids)
                for story_id in ids:
                    yield story_id
                    bar.update(1)
            count = reindex_all(progress)
    click.echo(f"Indexed {count} {'story' if count == 1 else 'stories'}.")
