"""`flask seed-demo`: a living service for newcomers. Idempotent: running it twice adds nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from storybank import events
from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.accounts.services import NewAccount, create_user, find_user
from storybank.audit.services import record
from storybank.consent.models import Attribution, ConsentMethod, ConsentRecord
from storybank.consent.wording import CURRENT_WORDING_VERSION, default_review_date
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.keys import hash_key, new_key
from storybank.stories.models import Story, StoryStatus

DEMO_ACCOUNTS = [
    ("demo-contributor", "walk a mile in my shoes", Role.CONTRIBUTOR),
    ("demo-supporter", "helping hands share stories", Role.SUPPORTER),
    ("demo-moderator", "kind words and careful eyes", Role.MODERATOR),
    ("demo-trainer", "stories that change practice", Role.TRAINER),
    ("demo-admin", "keeping the service running", Role.ADMIN),
]

@dataclass
class SeedResult:
    created_accounts: list[tuple[str, str, str]] = field(default_factory=list)
    created_stories: int = 0


def _ensure_accounts(result: SeedResult) -> dict[str, User]:
    users = {}
    for username, password, role in DEMO_ACCOUNTS:
        user = find_user(username)
        if user is None:
            roles = {role} if role in (Role.CONTRIBUTOR,) else {role, Role.CONTRIBUTOR}
            user = create_user(NewAccount(username=username, password=password,
                                          display_name=username.removeprefix("demo-").title()), roles)
            result.created_accounts.append((username, password, role.value))
        users[username] = user
    return users


def _existing_demo_references() -> set[str]:
    """Demo stories carry references of their own (SB-DEMO-nn), which real references can never be."""
    return set(db.session.scalars(select(Story.reference).where(Story.reference.like("SB-DEMO-%"))))


def seed_demo() -> SeedResult:
    from storybank.demo_data import DEMO_STORIES

    result = SeedResult()
    users = _ensure_accounts(result)
    existing = _existing_demo_references()
    now = utcnow()
    sent: list[Story] = []
    published: list[Story] = []
    for number, data in enumerate(DEMO_STORIES, start=1):
        reference = f"SB-DEMO-{number:02d}"
        if reference in existing:
            continue
        author = users[data["author"]]
        written = now - timedelta(days=data["days_ago"])
        status = StoryStatus(data["status"])
        story = Story(
            reference=reference,
            key_hash=hash_key(new_key()),
            author_id=author.id,
            supporter_id=author.id if data["author"] == "demo-supporter" else None,
            contributor_name=data["contributor_name"],
            title=data["title"],
            body=data["body"],
            moderated_body=data["moderated_body"] if status == StoryStatus.APPROVED else None,
            care_setting=data["care_setting"],
            region=data["region"],
            about_whom=data["about_whom"],
            when_happened=data["when_happened"],
            status=status,
            created_at=written,
            submitted_at=None if status == StoryStatus.DRAFT else written,
            approved_at=written + timedelta(days=2) if status == StoryStatus.APPROVED else None,
            withdrawn_at=written + timedelta(days=5) if status == StoryStatus.WITHDRAWN else None,
        )
        db.session.add(story)
        db.session.flush()
        if status != StoryStatus.DRAFT:
            scopes = set(data["scopes"])
            db.session.add(ConsentRecord(
                story_id=story.id,
                created_at=written,
                training="training" in scopes, partners="partners" in scopes, public="public" in scopes,
                research="research" in scopes, quotes="quotes" in scopes,
                withdrawn=status == StoryStatus.WITHDRAWN,
                attribution=Attribution(data["attribution"]),
                attribution_name=data["attribution_name"],
                review_date=default_review_date(written.date()),
                wording_version=CURRENT_WORDING_VERSION,
                method=ConsentMethod(data["consent_method"]),
                recorded_by_id=author.id,
                recorded_by_name=author.name_to_show,
            ))
        record("story.seeded", None, story, after={"status": status.value}, actor_label="seed-demo")
        result.created_stories += 1
        if status in (StoryStatus.SUBMITTED, StoryStatus.IN_REVIEW):
            sent.append(story)
        elif status == StoryStatus.APPROVED:
            published.append(story)
    db.session.commit()
    for story in sent:  # as if each had just been sent: moderation prepares it (pages never analyse)
        events.story_sent.send(story)
    for story in published:  # as if just approved: search indexes it, the analysis suggests its tags
        events.story_published.send(story)
    return result


def demo_accounts_in_use() -> list[tuple[str, str, str]]:
    """The demo accounts this database holds (username, password as seeded, role), so `make run` can show them
    every time the demo is in use, not only the first time."""
    existing = set(db.session.scalars(select(User.username).where(
        User.username.in_([username for username, _, _ in DEMO_ACCOUNTS]))))
    return [(username, password, role.value) for username, password, role in DEMO_ACCOUNTS if username in existing]


def seed_if_empty() -> SeedResult | None:
    """`make run` seeds the demo only into an empty database, never into one people already use."""
    if db.session.scalar(select(User.id).limit(1)) is not None:
        return None
    return seed_demo()
