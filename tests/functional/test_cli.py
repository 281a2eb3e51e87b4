from __future__ import annotations

from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.accounts.services import authenticate, find_user
from storybank.consent.models import ConsentRecord
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus


def test_users_create_makes_the_first_admin_with_a_password_from_stdin(runner):
    result = runner.invoke(args=["users", "create", "first-admin", "--role", "admin"],
                           input="a long and careful password\n")
    assert result.exit_code == 0, result.output
    user = find_user("first-admin")
    assert user.roles == {Role.ADMIN}
    assert authenticate("first-admin", "a long and careful password") is not None


def test_users_create_explains_a_weak_password(runner):
    result = runner.invoke(args=["users", "create", "weak"], input="123456\n")
    assert result.exit_code != 0
    assert "at least 8 characters" in result.output
    assert find_user("weak") is None


def test_seed_demo_creates_accounts_and_stories_once(runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "demo-moderator" in first.output
    stories = db.session.scalar(select(func.count()).select_from(Story))
    assert 25 <= stories <= 40
    states = set(db.session.scalars(select(Story.status).distinct()))
    assert {StoryStatus.APPROVED, StoryStatus.SUBMITTED, StoryStatus.DECLINED, StoryStatus.WITHDRAWN} <= states
    for username, role in [("demo-admin", Role.ADMIN), ("demo-trainer", Role.TRAINER),
                           ("demo-moderator", Role.MODERATOR), ("demo-supporter", Role.SUPPORTER),
                           ("demo-contributor", Role.CONTRIBUTOR)]:
        assert role in find_user(username).roles
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(Story)) == stories
    assert "already there" in second.output


def test_seeded_stories_that_are_not_drafts_have_consent_records(runner):
    runner.invoke(args=["seed-demo"])
    for story in db.session.scalars(select(Story).where(Story.status != StoryStatus.DRAFT)):
        assert db.session.scalar(select(func.count()).select_from(ConsentRecord)
                                 .where(ConsentRecord.story_id == story.id)) == 1, story.title


def test_seed_demo_if_empty_leaves_a_used_database_alone(runner, make_user):
    make_user(username="a-real-person")
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0
    assert "not added" in result.output
    assert find_user("demo-admin") is None


def test_make_run_shows_the_demo_accounts_every_time_the_demo_is_in_use(runner):
    first = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "demo-moderator" in first.output
    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert again.exit_code == 0, again.output
    assert "demo-moderator" in again.output
    assert "kind words and careful eyes" in again.output
    assert "was not added" not in again.output


def test_the_readme_lists_every_demo_username_and_make_run_shows_the_accounts_each_time():
    """A newcomer reads the usernames before running anything; `make run` asks seed-demo every time, which
    prints the accounts whenever the demo is in use (see the test above)."""
    from pathlib import Path

    from storybank.demo import DEMO_ACCOUNTS

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for username, _password, _role in DEMO_ACCOUNTS:
        assert f"`{username}`" in readme, username
    run = (root / "Makefile").read_text(encoding="utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "flask seed-demo --if-empty" in run
