"""`flask seed-demo`: a living service for newcomers. Idempotent: running it twice adds nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
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
from storybank.library.reading import readable_story
from storybank.packs import delivery
from storybank.packs import services as packs
from storybank.packs.models import Pack, PackPurpose
from storybank.stories.keys import hash_key, new_key
from storybank.stories.models import Story, StoryStatus

DEMO_ACCOUNTS = [
    ("demo-contributor", "walk a mile in my shoes", Role.CONTRIBUTOR),
    ("demo-supporter", "helping hands share stories", Role.SUPPORTER),
    ("demo-moderator", "kind words and careful eyes", Role.MODERATOR),
    ("demo-trainer", "stories that change practice", Role.TRAINER),
    ("demo-admin", "keeping the service running", Role.ADMIN),
]

DEMO_PACK_TITLE = "Demo: dignity in personal care"
DEMO_PACK_STORIES = ("SB-DEMO-01", "SB-DEMO-14")
"""Two approved demo stories whose consent covers staff training; the first is the one a newcomer withdraws."""


@dataclass
class DemoPack:
    """What a newcomer needs to watch consent at work. The share-link token and the story key are only here, once:
    the database keeps their hashes."""

    title: str
    share_token: str
    story_reference: str
    story_key: str


@dataclass
class SeedResult:
    created_accounts: list[tuple[str, str, str]] = field(default_factory=list)
    created_stories: int = 0
    demo_pack: DemoPack | None = None
    demo_pack_existed: bool = False


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
            moderated_title=data["title"] if status == StoryStatus.APPROVED else None,
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
    _ensure_demo_pack(users["demo-trainer"], result)
    return result


def _ensure_demo_pack(trainer: User, result: SeedResult) -> None:
    """A published pack with two stories and a share link, made through the same services a trainer uses. The first
    story gets a fresh key (demo keys are never shown otherwise), so a newcomer can withdraw it and see it go."""
    if db.session.scalar(select(Pack.id).where(Pack.owner_id == trainer.id, Pack.title == DEMO_PACK_TITLE)):
        result.demo_pack_existed = True
        return
    stories = [readable_story(reference, PackPurpose.TRAINING.value) for reference in DEMO_PACK_STORIES]
    if any(found is None for found in stories):
        return  # the demo stories were changed (withdrawn, say) before the pack was first made: no pack then
    pack = packs.create_pack(trainer, packs.PackDetails(
        title=DEMO_PACK_TITLE, audience="New home care workers", duration_minutes=60,
        learning_outcomes="Notice when care feels rushed\nAsk before helping with personal care",
        introduction="Two people tell us what personal care felt like from their side. Take your time."))
    for found in stories:
        packs.add_story(pack, trainer, found.story.reference)
    packs.add_default_activities(pack, trainer)
    delivery.publish(pack, trainer)
    timezone = current_app.config["STORYBANK_TIMEZONE"]
    made = delivery.create_share_link(pack, trainer, "Demo session", delivery.default_end_day(timezone), timezone)
    first = stories[0].story
    key = new_key()
    first.key_hash = hash_key(key)
    record("story.key_replaced", None, first, detail="a new key for the demo pack walk-through",
           actor_label="seed-demo")
    db.session.commit()
    result.demo_pack = DemoPack(title=pack.title, share_token=made.token, story_reference=first.reference,
                                story_key=key)


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
