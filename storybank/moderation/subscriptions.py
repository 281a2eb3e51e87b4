"""Where moderation listens to the moments in a story's life that stories and consent announce (storybank.events).

Called once from ``create_app``, so the wiring is in one place to read rather than a side effect of an import.
Blinker keeps one connection per receiver, so connecting again (a second app in the tests) changes nothing.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from storybank import events, jobs
from storybank.moderation.jobs import PREPARE_STORY
from storybank.moderation.withdrawal import end_moderation_of
from storybank.stories.models import Story


def prepare_sent_story(story: Story, **_: Any) -> None:
    """Analyse a story as it arrives, so a safeguarding disclosure is at the top of the queue straight away: in this
    request with no Redis configured, or by a worker within moments (the queue shows it as being prepared until
    then)."""
    jobs.enqueue(PREPARE_STORY, story_id=story.id)


def init_app(app: Flask) -> None:
    events.story_sent.connect(prepare_sent_story, weak=False)
    events.story_withdrawn.connect(end_moderation_of, weak=False)
