"""`flask api-tokens create USERNAME` and `flask api-tokens revoke ID`, for the people who run StoryBank."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storybank.accounts.services import find_user
from storybank.api import services

api_tokens_cli = AppGroup("api-tokens", help="Personal tokens for the stories API.")
CLI_ACTOR = "command line"


@api_tokens_cli.command("create")
@click.argument("username")
@click.option("--name", default="Made on the command line", show_default=True,
              help="A name that says what the token is for.")
def create_command(username: str, name: str) -> None:
    """Make a token for a trainer. The token is printed alone on the last line, and only this once."""
    user = find_user(username)
    if user is None:
        raise click.ClickException(f"There is no account called {username}.")
    try:
        made = services.create_token(user, name, None, actor_label=CLI_ACTOR)
    except services.TokenError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Made token {made.token.id} ({made.token.name}) for {user.username}. "
               "Keep it secret; it is shown only this once:")
    click.echo(made.secret)


@api_tokens_cli.command("revoke")
@click.argument("token_id", type=int)
def revoke_command(token_id: int) -> None:
    """Stop a token from working, at once."""
    token = services.find_token(token_id)
    if token is None:
        raise click.ClickException(f"There is no token with the number {token_id}.")
    services.revoke_token(token, None, actor_label=CLI_ACTOR)
    click.echo(f"Token {token.id} ({token.name}) of {token.user.username} is revoked.")
