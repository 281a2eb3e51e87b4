"""Where a story has been used, and what staff took from it: shown to the person who shared it.

Packs decide what there is to show (the sessions that used the story, the reflections a person approved), but
stories must not import packs (dependencies point down the workflow). So packs registers the one function that
gathers it (``register_usage_source``, called from its ``init_app``), and the story pages ask through
``usage_for``. With nothing registered, or for a story not sent yet, there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask import Flask, current_app

from storybank.paging import Pages
from storybank.stories.models import Story, StoryStatus

_EXTENSION = "storybank.story_usage"


@dataclass(frozen=True)
class SessionUse:
    """One training session (a share link) whose pack held the story: when, and its name if the trainer gave one."""

    held_at: datetime
    name: str = ""


@dataclass(frozen=True)
class StaffReflection:
    """What one member of staff took from the story, after a person approved passing it on. Never their name."""

    text: str
    written_at: datetime


@dataclass(frozen=True)
class StoryUsage(Pages):
    sessions: list[SessionUse]
    session_count: int
    reflections: list[StaffReflection]
    total: int
    page: int
    per_page: int


UsageSource = Callable[[Story, int], StoryUsage]


def register_usage_source(app: Flask, source: UsageSource) -> None:
    app.extensions[_EXTENSION] = source


def usage_for(story: Story, page: int = 1) -> StoryUsage | None:
    """The sessions and approved reflections for this story, ``page`` being the page of reflections. Only reads."""
    source = current_app.extensions.get(_EXTENSION)
    if source is None or story.status == StoryStatus.DRAFT:
        return None
    return source(story, page)
