"""`flask search reindex`: rebuild the search index from the stories as they are now."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storybank.search.services import reindex_all

search_cli = AppGroup("search", help="The full-text search index for trainers.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the index of approved stories (withdrawn and unapproved ones are left out)."""
    with click.progressbar(length=0, label="Indexing stories") as bar:
        def progress(ids):
            bar.length = len(ids)
            for story_id in ids:
                yield story_id
                bar.update(1)
        count = reindex_all(progress)
    click.echo(f"Indexed {count} {'story' if count == 1 else 'stories'}.")
