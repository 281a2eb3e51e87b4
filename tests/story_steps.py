"""Steps the story tests share: write, send and look up a story through the real forms, CSRF token and all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story

STORY_BODY = "The carer knocked before coming in.\n\nShe asked me how I wanted my tea, and waited for the answer."


@dataclass
class SentStory:
    story: Story
    reference: str
    key: str


def story_id_from(response) -> int:
    match = re.search(r"story=(\d+)", response.headers.get("Location", ""))
    assert match, response.headers.get("Location")
    return int(match.group(1))


def write_draft(client, auth, title: str = "Tea the way I like it", body: str = STORY_BODY, **fields) -> int:
    response = client.post("/stories/write", data={
        "title": title, "body": body, "action": "save", "csrf_token": auth.csrf_token("/stories/write"), **fields})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return story_id_from(response)


def consent_form(scopes=(Purpose.TRAINING,), *, review_date: date | None = None, **fields) -> dict:
    data = {p.value: "yes" if p in set(scopes) else "no" for p in Purpose}
    data.update(attribution="anonymous", agree="y",
                review_date=(review_date or utcnow().date() + timedelta(days=730)).isoformat())
    data.update(fields)
    return data


def send(client, auth, story_id: int, scopes=(Purpose.TRAINING,), **fields):
    path = f"/stories/{story_id}/send"
    return client.post(path, data={**consent_form(scopes, **fields), "csrf_token": auth.csrf_token(path)})


def key_from(page: str) -> str:
    match = re.search(r"data-key>(.*?)</p>", page, re.S)
    assert match, "no key on the page"
    return "-".join(re.findall(r'class="key-group">([^<]+)<', match.group(1)))


def write_and_send(client, auth, scopes=(Purpose.TRAINING,), **fields) -> SentStory:
    draft_fields = ("title", "body", "contributor_name", "on_behalf")
    story_id = write_draft(client, auth, **{k: v for k, v in fields.items() if k in draft_fields})
    response = send(client, auth, story_id, scopes, **{k: v for k, v in fields.items() if k not in draft_fields})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Your story has been sent" in page, page[:3000]
    story = db.session.get(Story, story_id)
    return SentStory(story=story, reference=story.reference, key=key_from(page))


def look_up(client, auth, reference: str, key: str):
    return client.post("/my-story", data={"reference": reference, "key": key,
                                          "csrf_token": auth.csrf_token("/my-story")})


def approve(story: Story, moderated_body: str = "The carer knocked. [Person A] asked how I liked my tea.") -> None:
    """Moderation is a later issue; tests approve directly."""
    from storybank.stories.models import StoryStatus

    story.status = StoryStatus.APPROVED
    story.moderated_body = moderated_body
    story.moderated_title = story.title
    story.approved_at = utcnow()
    db.session.commit()
