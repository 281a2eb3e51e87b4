"""Moderation's side of a contributor's story pages: what was decided, and what they can do next.

Gathered for a whole page of stories at once, one query per kind of news, so "My stories" costs the same few
queries whether it shows one story or ten; each rule (may they ask again, is an edit waiting) stays in its module.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from storybank.moderation.appeals import appeal_allowed, appeals_of
from storybank.moderation.clarity import current_clarity_edits, waiting_for_answer
from storybank.moderation.decisions import latest_decisions
from storybank.moderation.models import DecisionOutcome
from storybank.moderation.notifications import notifications_about
from storybank.moderation.safeguarding import stories_with_concerns
from storybank.moderation.suggestions import accepted_redactions
from storybank.stories.models import Story, StoryStatus
from storybank.stories.news import StoryNews, register_news_source


def gather_news(stories: list[Story], user: Any) -> dict[int, StoryNews]:
    ids = [story.id for story in stories]
    decisions = latest_decisions(ids)
    appeals = appeals_of(ids)
    messages = notifications_about(user, ids)
    edits = current_clarity_edits(ids)
    removed = accepted_redactions([story.id for story in stories if story.status == StoryStatus.APPROVED])
    concerns = stories_with_concerns(ids)
    news = {}
    for story in stories:
        decision = decisions.get(story.id)
        outcome = decision.outcome if decision is not None else None
        news[story.id] = StoryNews(
            messages=messages[story.id],
            changes_asked=decision.message if story.status == StoryStatus.CHANGES_REQUESTED
            and outcome == DecisionOutcome.CHANGES_REQUESTED else None,
            decline_reason=decision.message if story.status == StoryStatus.DECLINED
            and outcome == DecisionOutcome.DECLINED else None,
            can_ask_again=appeal_allowed(story, decision, appeals.decisions_asked_about),
            asked_again=story.status == StoryStatus.DECLINED and story.id in appeals.stories_with_open_appeal,
            clarity_edit=waiting_for_answer(edits.get(story.id))
            if story.status not in (StoryStatus.CHANGES_REQUESTED, StoryStatus.WITHDRAWN) else None,
            removed=removed.get(story.id, []),
            safeguarding_raised=story.id in concerns,
        )
    return news


def next_steps(stories: list[Story]) -> tuple[set[int], set[int]]:
    """For the messages page: which of these stories have an edit waiting for an answer, and which may be asked
    about again, in three queries for the whole page."""
    ids = [story.id for story in stories]
    decisions = latest_decisions(ids)
    asked_about = appeals_of(ids).decisions_asked_about
    waiting = {story_id for story_id, edit in current_clarity_edits(ids).items() if waiting_for_answer(edit)}
    return waiting, {story.id for story in stories if appeal_allowed(story, decisions.get(story.id), asked_about)}


def init_app(app: Flask) -> None:
    register_news_source(app, gather_news)
