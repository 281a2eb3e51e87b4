"""`flask backup create` and `flask backup restore`."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from storybank.backup.services import create_backup, default_backup_path, restore_backup
from storybank.backup.tools import BackupError

backup_cli = AppGroup("backup", help="Copy the whole database to a file, or put such a copy back.")

WARNING = ("Restoring REPLACES THE LIVE DATABASE with this backup. Everything written since the backup was taken "
           "is lost: new stories, drafts, consent changes, moderation decisions, accounts and audit events. "
           "Stories withdrawn since then are withdrawn again from the withdrawal ledger. Stop the app first if "
           "you can.")


@backup_cli.command("create")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def create_command(path: Path | None) -> None:
    """Copy the whole database to PATH (default: instance/backups/storybank-<time>). Safe while the app runs.

    The file holds every story's words: keep it as carefully as the database itself."""
    target = path or default_backup_path()
    try:
        counts = create_backup(target)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {target}: {counts}.")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the live database.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the live database with the backup at PATH, then withdraw again every story withdrawn since."""
    if not yes:
        click.echo(WARNING)
        if not click.confirm(f"Replace the live database with {path}?", default=False):
            click.echo("Nothing was changed.")
            return
    try:
        restored = restore_backup(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    replay = restored.replay
    click.echo(f"Restored {path}: {restored.counts}.")
    click.echo(f"Withdrawn again from the withdrawal ledger (withdrawn after this backup was taken): "
               f"{replay.withdrawn_again}. Already withdrawn in the backup: {replay.already_withdrawn}. "
               f"Not in the backup: {replay.not_in_backup}.")
    if restored.accounts_deleted_again:
        click.echo(f"Accounts deleted again (deleted after this backup was taken, with their stories' words): "
                   f"{restored.accounts_deleted_again}.")
    if replay.still_drafts:
        click.echo(f"Withdrawn since, but drafts in this backup (only their authors can see them, so they stay "
                   f"drafts): {replay.still_drafts}.")
    click.echo("If the backup was made by an older version of StoryBank, run `flask db upgrade` now.")
