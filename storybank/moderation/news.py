"""Moderation's side of a contributor's story pages: what was decided, and what they can do next."""

from __future__ import annotations

from typing import Any

from flask import Flask

from storybank.moderation.appeals import can_appeal, open_appeal_for
from storybank.moderation.clarity import pending_clarity_edit
from storybank.moderation.decisions import latest_decision
from storybank.moderation.models import DecisionOutcome, SuggestionKind, SuggestionStatus
from storybank.moderation.notifications import notifications_for
from storybank.moderation.safeguarding import concerns_for
from storybank.moderation.suggestions import suggestions_for
from storybank.stories.models import Story, StoryStatus
from storybank.stories.news import StoryNews, register_news_source


def gather_news(story: Story, user: Any) -> StoryNews:
    decision = latest_decision(story)
    outcome = decision.outcome if decision is not None else None
    removed = []
    if story.status == StoryStatus.APPROVED:
        removed = [s for s in suggestions_for(story, SuggestionKind.REDACTION)
                   if s.status == SuggestionStatus.ACCEPTED]
    return StoryNews(
        messages=notifications_for(user, story=story),
        changes_asked=decision.message if story.status == StoryStatus.CHANGES_REQUESTED
        and outcome == DecisionOutcome.CHANGES_REQUESTED else None,
        decline_reason=decision.message if story.status == StoryStatus.DECLINED
        and outcome == DecisionOutcome.DECLINED else None,
        can_ask_again=can_appeal(story),
        asked_again=story.status == StoryStatus.DECLINED and open_appeal_for(story) is not None,
        clarity_edit=pending_clarity_edit(story)
        if story.status not in (StoryStatus.CHANGES_REQUESTED, StoryStatus.WITHDRAWN) else None,
        removed=removed,
        safeguarding_raised=bool(concerns_for(story)),
    )


def init_app(app: Flask) -> None:
    register_news_source(app, gather_news)
