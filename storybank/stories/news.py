"""What the person who shared a story hears back about it, on their own story pages.

Moderators decide what there is to tell, but stories must not import moderation (dependencies point down the
workflow). So moderation registers the one function that gathers the news (``register_news_source``, called from
its ``init_app``), and the story pages ask through ``news_for``. With nothing registered there is no news.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app

from storybank.stories.crisis import suggests_danger
from storybank.stories.models import Story, StoryStatus

_EXTENSION = "storybank.story_news"


@dataclass(frozen=True)
class StoryNews:
    """What moderators decided about one story, gathered for the person who shared it: the messages we sent
    them, and what they can do next. Never who the moderator was. ``safeguarding_raised`` says the analysis or a
    moderator saw a sign that someone may be at risk, so the person is shown where to get help. ``removed`` and
    ``safeguarding_raised`` are for a story's own pages (``news_for``); a list of stories shows neither, so
    ``news_for_stories`` leaves them out."""

    messages: list
    changes_asked: str | None = None
    decline_reason: str | None = None
    can_ask_again: bool = False
    asked_again: bool = False
    clarity_edit: Any = None
    removed: list = field(default_factory=list)
    safeguarding_raised: bool = False


NewsSource = Callable[[list[Story], Any, bool], dict[int, StoryNews]]
"""(stories, the person, whether to gather what a story's own page shows too) -> each story's news."""


def register_news_source(app: Flask, source: NewsSource) -> None:
    app.extensions[_EXTENSION] = source


def news_for(story: Story, user: Any) -> StoryNews:
    """Everything a story's own pages tell the person about it."""
    return _gathered([story], user, own_page=True)[story.id]


def news_for_stories(stories: list[Story], user: Any) -> dict[int, StoryNews]:
    """The news of a page of stories, asked for together (a draft has none yet), without what only a story's own
    page shows (see StoryNews)."""
    return _gathered(stories, user, own_page=False)


def _gathered(stories: list[Story], user: Any, own_page: bool) -> dict[int, StoryNews]:
    source = current_app.extensions.get(_EXTENSION)
    sent = [story for story in stories if story.status != StoryStatus.DRAFT]
    found = source(sent, user, own_page) if source is not None and sent else {}
    return {story.id: found.get(story.id) or StoryNews(messages=[]) for story in stories}


def shows_help_now(story: Story, user: Any) -> bool:
    """Help numbers on the confirmation page: the simple word screen, or any safeguarding signal raised when the
    story was sent (the analysis words disclosures in more ways than a list of phrases can)."""
    return suggests_danger(story.title, story.body) or news_for(story, user).safeguarding_raised
