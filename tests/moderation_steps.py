"""Builders and steps the moderation tests share. Builders flush, never commit."""

from __future__ import annotations

import re
from datetime import timedelta

from storybank.consent.models import ConsentRecord
from storybank.consent.wording import CURRENT_WORDING_VERSION
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus

BODY = ("My carer Bernadette Okafor comes every morning. Ring me on 07700 900123 if you need to.\n\n"
        "Bernadette always asks how I want my tea, and she waits for the answer.")

_numbers = iter(range(1, 10_000))


def make_story(author, body: str = BODY, status: StoryStatus = StoryStatus.SUBMITTED, *,
               title: str = "Tea the way I like it", days_ago: int = 1, scopes=("training",), **fields) -> Story:
    written = utcnow() - timedelta(days=days_ago)
    story = Story(reference=f"SB-TEST-{next(_numbers):04d}", author_id=author.id, title=title, body=body,
                  status=status, created_at=written, submitted_at=written, **fields)
    db.session.add(story)
    db.session.flush()
    db.session.add(ConsentRecord(story_id=story.id, created_at=written,
                                 **{scope: True for scope in scopes},
                                 review_date=(utcnow() + timedelta(days=700)).date(),
                                 wording_version=CURRENT_WORDING_VERSION, recorded_by_id=author.id))
    db.session.flush()
    return story


def csrf_from(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post(client, path: str, data: dict | None = None, *, csrf_page: str = "/moderation", **kwargs):
    """POST as the signed-in person, with a CSRF token from a page they can see."""
    return client.post(path, data={**(data or {}), "csrf_token": csrf_from(client, csrf_page)}, **kwargs)
