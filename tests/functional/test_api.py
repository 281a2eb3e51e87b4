"""The stories API for training systems: bearer tokens only, the consent gate on every answer, moderated text only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.api.models import TOKEN_PREFIX, ApiToken
from storybank.audit.models import AuditEvent
from storybank.extensions import db


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_cli_prints_a_new_token_alone_on_its_last_line_and_keeps_only_its_hash(runner, trainer):
    result = runner.invoke(args=["api-tokens", "create", trainer.username, "--name", "Learning system"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    assert secret.startswith(TOKEN_PREFIX) and " " not in secret
    token = db.session.scalar(select(ApiToken))
    assert token.name == "Learning system" and token.user_id == trainer.id
    assert token.token_hash == token_services.hash_token(secret) and secret not in token.token_hash
    assert token_services.user_for_token(secret).id == trainer.id
    assert "api_token.created" in actions()


def test_the_cli_revokes_a_token_by_its_number(runner, trainer):
    made = token_services.create_token(trainer, "Old system", trainer)
    result = runner.invoke(args=["api-tokens", "revoke", str(made.token.id)])
    assert result.exit_code == 0, result.output
    assert token_services.user_for_token(made.secret) is None
    assert actions()[-1] == "api_token.revoked"


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.SUPPORTER, Role.MODERATOR])
def test_only_trainers_and_admins_can_hold_a_token(runner, make_user, role):
    person = make_user(role)
    result = runner.invoke(args=["api-tokens", "create", person.username])
    assert result.exit_code != 0
    assert "tokens are for trainers" in result.output
    assert db.session.scalar(select(ApiToken)) is None


def test_a_token_stops_working_when_its_owner_loses_the_role_or_is_turned_off(make_user, admin):
    from storybank.accounts import services as account_services

    first, second = make_user(Role.TRAINER), make_user(Role.TRAINER)
    one = token_services.create_token(first, "One", first).secret
    two = token_services.create_token(second, "Two", second).secret
    account_services.set_roles(first, {Role.CONTRIBUTOR}, admin)
    account_services.set_active(second, False, admin)
    assert token_services.user_for_token(one) is None
    assert token_services.user_for_token(two) is None
