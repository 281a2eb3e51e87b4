"""Command-line tasks for the people who run StoryBank."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from storybank.accounts import services
from storybank.accounts.roles import Role
from storybank.api.cli import api_tokens_cli
from storybank.backup.cli import backup_cli
from storybank.jobs.cli import jobs_cli, worker_command
from storybank.moderation.cli import analysis_cli, moderation_cli
from storybank.privacy.retention import retention_cli
from storybank.search.cli import search_cli

users_cli = AppGroup("users", help="Look after accounts.")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", "roles", multiple=True, type=click.Choice([r.value for r in Role]),
              default=["contributor"], show_default=True, help="Give this role (repeat for several).")
@click.option("--email", default=None, help="Optional email address.")
def create_user_command(username: str, roles: tuple[str, ...], email: str | None) -> None:
    """Create an account, e.g. the first admin. The password is asked for, or read from standard input."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        user = services.create_user(services.NewAccount(username=username, password=password, email=email),
                                    {Role(r) for r in roles})
    except services.AccountError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Created {user.username} with roles: {', '.join(sorted(r.value for r in user.roles))}.")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only seed a database that has no accounts yet.")
@click.option("--force", is_flag=True, help="Seed even when STORYBANK_ENV=production.")
def seed_demo_command(if_empty: bool, force: bool) -> None:
    """Add demo accounts and stories, once; running it again changes nothing."""
    from flask import current_app

    from storybank.demo import demo_accounts_in_use, seed_demo, seed_if_empty

    if current_app.config["STORYBANK_ENV"] == "production" and not force:
        raise click.ClickException("Demo accounts have known passwords, so they are not added in production. "
                                   "Use --force if you really mean to.")
    result = seed_if_empty() if if_empty else seed_demo()
    in_use = demo_accounts_in_use()
    if result is None and not in_use:
        click.echo("The database already has accounts, so the demo was not added.")
        return
    if in_use:
        click.echo("Demo accounts (username / password, unless someone has changed it):")
        for username, password, role in in_use:
            click.echo(f"  {username:<18} {password:<30} {role}")
    if result is None:
        click.echo("The database already had accounts, so no demo stories were added.")
        return
    if not result.created_accounts:
        click.echo("The demo accounts are already there.")
    click.echo(f"Demo stories added: {result.created_stories}.")
    _tell_about_demo_pack(result)


def _site_address() -> str:
    """Where `make run` serves (flask run on 127.0.0.1:5000), unless SERVER_NAME says otherwise."""
    from flask import current_app

    server = current_app.config.get("SERVER_NAME")
    scheme = current_app.config.get("PREFERRED_URL_SCHEME") or "http"
    return f"{scheme}://{server}" if server else "http://127.0.0.1:5000"


def _tell_about_demo_pack(result) -> None:
    pack = result.demo_pack
    if pack is None:
        if result.demo_pack_existed:
            click.echo("The demo training pack is already there. Its link was shown when it was made; demo-trainer "
                       "can make a new one from the pack's \"Versions and links\" page.")
        return
    site = _site_address()
    click.echo(f"Demo training pack published: {pack.title}")
    click.echo(f"  Trainees open it here (shown only now, copy it): {site}/s/{pack.share_token}")
    click.echo(f"  To watch consent at work, go to {site}/my-story, enter story reference {pack.story_reference} "
               f"and story key {pack.story_key}, withdraw the story, then open the pack's link again.")


def init_app(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(retention_cli)
    app.cli.add_command(moderation_cli)
    app.cli.add_command(analysis_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(api_tokens_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(worker_command)
