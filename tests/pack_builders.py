"""Published pack versions and share links, built straight into the database for the reflection tests (publishing
and share links have their own pages and tests). They flush, never commit, like tests/factories.py."""

from __future__ import annotations

from datetime import timedelta

from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs.delivery_models import PackVersion, PackVersionStory, ShareLink
from storybank.packs.links import hash_token, new_token
from storybank.packs.models import Pack, PackPurpose

ACTIVITY_KEY = 99
"""The key of the activity section every built version ends with: not a story, so no reflection can be about it."""


def publish(owner, stories, *, title: str = "Dignity in the morning",
            purpose: PackPurpose = PackPurpose.TRAINING) -> PackVersion:
    """A pack of ``owner``'s with these stories, published once: story sections have keys 1, 2, 3…"""
    pack = Pack(owner_id=owner.id, title=title, purpose=purpose)
    db.session.add(pack)
    db.session.flush()
    sections = [{"key": key, "kind": "story", "story_id": story.id, "title": "", "body": "",
                 "prompts": ["What did you notice?"]} for key, story in enumerate(stories, start=1)]
    sections.append({"key": ACTIVITY_KEY, "kind": "activity", "story_id": None, "title": "STOP / START / STAY",
                     "body": "", "prompts": []})
    version = PackVersion(pack_id=pack.id, number=1, title=title, purpose=purpose, sections=sections,
                          published_by_id=owner.id)
    db.session.add(version)
    db.session.flush()
    for story in stories:
        db.session.add(PackVersionStory(version_id=version.id, story_id=story.id))
    db.session.flush()
    return version


def share(version: PackVersion, *, session_name: str = "", state: str = "open",
          days_ago: int = 0) -> tuple[ShareLink, str]:
    """A share link to ``version`` and its token; ``state`` "revoked" or "expired" makes one that is closed."""
    token = new_token()
    now = utcnow()
    link = ShareLink(version_id=version.id, token_hash=hash_token(token), session_name=session_name,
                     created_by_id=version.published_by_id, created_at=now - timedelta(days=days_ago),
                     expires_at=now - timedelta(minutes=1) if state == "expired" else now + timedelta(days=14),
                     revoked_at=now - timedelta(minutes=1) if state == "revoked" else None)
    db.session.add(link)
    db.session.flush()
    return link, token
