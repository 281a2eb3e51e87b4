"""Stories in any state, built straight into the database for the data-rights and retention tests.

They flush, never commit, like tests/factories.py. Moderation is another issue, so approval is set directly.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

from storybank.consent.models import Attribution, ConsentMethod, ConsentRecord, Purpose
from storybank.consent.wording import CURRENT_WORDING_VERSION, default_review_date
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.keys import hash_key
from storybank.stories.models import Story, StoryStatus

_references = itertools.count(1)
STORY_KEY = "ABCD-EFGH-JKMN-PQRT"


def make_story(author, *, status: StoryStatus = StoryStatus.APPROVED, title: str = "Tea the way I like it",
               body: str = "The carer knocked before coming in.", moderated_body: str | None = None,
               scopes=(Purpose.TRAINING,), supporter=None, contributor_name: str | None = None,
               withdrawn_days_ago: int | None = None, context: str | None = None, attribution_name: str | None = None,
               recorded_by_name: str | None = None, **fields) -> Story:
    now = utcnow()
    sent = status != StoryStatus.DRAFT
    story = Story(
        author_id=author.id if author is not None else None,
        supporter_id=supporter.id if supporter is not None else None,
        contributor_name=contributor_name,
        reference=f"SB-T{next(_references):03d}-TEST" if sent else None,
        key_hash=hash_key(STORY_KEY) if sent else None,
        title=title,
        body=body,
        moderated_body=moderated_body if moderated_body is not None else (
            f"[moderated] {body}" if status in (StoryStatus.APPROVED, StoryStatus.WITHDRAWN) else None),
        moderated_title=title if moderated_body is not None or status in (
            StoryStatus.APPROVED, StoryStatus.WITHDRAWN) else None,
        care_setting=context, region=context, about_whom=context, when_happened=context,
        status=status,
        submitted_at=now - timedelta(days=60) if sent else None,
        approved_at=now - timedelta(days=50) if status == StoryStatus.APPROVED else None,
        withdrawn_at=now - timedelta(days=withdrawn_days_ago) if withdrawn_days_ago is not None else None,
        **fields,
    )
    db.session.add(story)
    db.session.flush()
    if sent:
        given = utcnow() - timedelta(days=60)
        names = {"attribution_name": attribution_name, "recorded_by_name": recorded_by_name}
        _consent(story, scopes, given, withdrawn=False, author=supporter or author, **names)
        if status == StoryStatus.WITHDRAWN:
            _consent(story, (), story.withdrawn_at or now, withdrawn=True, author=supporter or author, **names)
    db.session.refresh(story)
    return story


def _consent(story: Story, scopes, when, *, withdrawn: bool, author, attribution_name: str | None = None,
             recorded_by_name: str | None = None) -> None:
    db.session.add(ConsentRecord(
        story_id=story.id, created_at=when, withdrawn=withdrawn,
        attribution=Attribution.CHOSEN_NAME if attribution_name else Attribution.ANONYMOUS,
        attribution_name=attribution_name, review_date=default_review_date(when.date()),
        wording_version=CURRENT_WORDING_VERSION,
        method=ConsentMethod.VERBAL if recorded_by_name else ConsentMethod.SELF,
        recorded_by_id=getattr(author, "id", None), recorded_by_name=recorded_by_name,
        **{p.value: p in set(scopes) for p in Purpose},
    ))
    db.session.flush()
