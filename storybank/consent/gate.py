"""The one consent gate: every view of a story by anyone but its author or a moderator goes through here.

A story may be used for a purpose only when it is approved, not withdrawn, and its newest consent record
says yes to that purpose and has not passed its review date. Consent that has expired behaves as withdrawn.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import Select, and_, exists, select

from storybank.consent.models import ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus


def _today() -> date:
    return utcnow().date()


def _is_latest_consent():
    """The record is its story's newest: no record of the same story has a higher id. Asked per record (NOT
    EXISTS, answered from the index on consent_records.story_id) rather than as ``id IN (SELECT max(id) ... GROUP
    BY story_id)``, which SQLite walked once per story (quadratic) and PostgreSQL answered by hashing every
    record. In the WHERE clause, not the join's ON clause, so that callers can still join more tables to the
    query without naming its left side (same meaning: an inner join)."""
    newer = ConsentRecord.__table__.alias("newer_consent")
    return ~exists().where(newer.c.story_id == ConsentRecord.story_id, newer.c.id > ConsentRecord.id)


def visible_stories(purpose: Purpose | str, *, today: date | None = None) -> Select:
    """A query for the stories that may be used for ``purpose`` right now; callers add filters and order."""
    return _gate(Purpose(purpose), today or _today())


@lru_cache(maxsize=32)
def _gate(purpose: Purpose, today: date) -> Select:
    """Built once per purpose and day rather than on every use (about 1 ms each, and every page that shows a story
    uses it): a Select never changes once built, and each caller's filters and order make a new one from it. It holds
    no data, only the rule and the day; the stories themselves are asked of the database at the moment of each
    query."""
    consent_ok = and_(
        getattr(ConsentRecord, purpose.value).is_(True),
        ConsentRecord.withdrawn.is_(False),
        ConsentRecord.review_date >= today,
    )
    return (
        select(Story)
        .join(ConsentRecord, and_(ConsentRecord.story_id == Story.id, consent_ok))
        .where(Story.status == StoryStatus.APPROVED, Story.withdrawn_at.is_(None),
               Story.moderated_body.is_not(None), _is_latest_consent())
    )


def can_use(story: Story, purpose: Purpose | str, *, today: date | None = None) -> bool:
    """The same rule as visible_stories, asked of the database so the two can never disagree."""
    if story is None or story.id is None:
        return False
    query = visible_stories(purpose, today=today).where(Story.id == story.id)
    return db.session.scalar(select(query.exists())) or False
