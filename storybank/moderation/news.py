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

DECIDED = (StoryStatus.CHANGES_REQUESTED, StoryStatus.DECLINED)
"""The stories whose latest decision the news tells: what the moderator asked, or why it was declined."""
NO_CLARITY_EDIT = (StoryStatus.CHANGES_REQUESTED, StoryStatus.WITHDRAWN)
"""A story sent back to its writer, or withdrawn, has no edit for clarity to answer."""


def gather_news(stories: list[Story], user: Any, own_page: bool = True) -> dict[int, StoryNews]:
    """Each query is asked only about the stories its news can concern (a decision's message and asking again
    concern only stories sent back or declined; an edit for clarity, only the others), and only on a story's own
    page (``own_page``) what was taken out
    and whether anyone was worried, which a list does not show."""
    ids = [story.id for story in stories]
    decisions = latest_decisions([story.id for story in stories if story.status in DECIDED])
    appeals = appeals_of([story.id for story in stories if story.status == StoryStatus.DECLINED])
    messages = notifications_about(user, ids)
    edits = current_clarity_edits([story.id for story in stories if story.status not in NO_CLARITY_EDIT])
    removed = accepted_redactions([story.id for story in stories
                                   if own_page and story.status == StoryStatus.APPROVED])
    concerns = stories_with_concerns(ids if own_page else [])
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
            clarity_edit=waiting_for_answer(edits.get(story.id)) if story.status not in NO_CLARITY_EDIT else None,
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
