"""Stories like this one: on a trainer's story page, a few others on the same themes or in the same words.

It starts, like every search, from ``consent.gate.visible_stories`` for the page's purpose, at the moment of asking,
so a withdrawn, expired or public-only story can never be suggested, and the story itself is left out.

How alike two stories are is scored from two things, both of which a trainer could check for themselves:

* **Shared confirmed tags**, worth ``TAG_WEIGHT`` each. A confirmed tag is a person's judgement of what a story is
  about (suggested and rejected tags are guesses and are ignored), so one shared tag counts for more than a word.
* **Shared distinctive words**, worth 1 each. The story's own words (title and moderated text, letters only, at
  least four long, not in a small stop list) are counted, and the most frequent ``CANDIDATE_WORDS`` of them are
  looked up in the full-text index, all in one query, to see how many other indexed stories contain each (counted
  no further than ``COMMON_CAP``). Words no other story has cannot link anything; words in most stories, or in more
  than ``COMMON_CAP`` ("carer", "home"), say little about any of them. Of the rest, the rarest
  ``DISTINCTIVE_WORDS`` are kept, and each candidate scores one point for every one of them it contains (matched
  through ``search.engine``, so "waited" also finds "waiting", on SQLite and PostgreSQL alike).

Only stories that could score are scored: those containing a kept word (at most ``COMMON_CAP`` each) and the
``TAG_CANDIDATES`` sharing the most confirmed tags; each passes the gate for the page's purpose. So the cost
follows those few thousand stories at most, never the size of the library (scoring every usable story took 8 s
at 100 000 stories). Ties go to the story approved most recently. This is deliberately simple (no vectors, no
model): it explains itself and never needs anything but what the search index and the tags already hold.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import reduce
from operator import add

from sqlalchemy import case, func, literal, select, union
from sqlalchemy.orm import selectinload

from storybank.consent.gate import visible_stories
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.search.engine import engine_for
from storybank.search.models import SearchDocument
from storybank.search.query import ParsedQuery
from storybank.stories.models import Story
from storybank.tagging.models import StoryTag, TagStatus
from storybank.tagging.services import confirmed_tags

TAG_WEIGHT = 2
CANDIDATE_WORDS = 24
DISTINCTIVE_WORDS = 8
ALWAYS_DISTINCTIVE = 5  # in a small library, a word in up to this many other stories still counts
COMMON_CAP = 1000
TAG_CANDIDATES = 200
_WORD = re.compile(r"[^\W\d_]{4,}")

STOP_WORDS = frozenset("""
    about above after again against all also always among another anyone anything around away back been before
    being below between both came cannot come could didn does doesn doing done down during each even ever every
    from gave gets getting give going gone good have haven having here hers herself himself into itself just know
    knew last like made make many might more most much must myself never next none nothing once only other ought
    ours over really right said same says shall shan should since some someone something still such take than
    that their theirs them themselves then there these they thing things think this those though through thought
    time told took under until upon very wanted want wasn well went were weren what when where which while whom
    whose will with without won would wouldn your yours yourself
    person people removed moderated phone number email address postcode town date birth national insurance
""".split())


def distinctive_candidates(story: Story) -> list[str]:
    """The story's own words most worth looking for, most frequent first (longer first when as frequent)."""
    text = f"{story.moderated_title or ''} {story.moderated_body or ''}".lower()
    counts = Counter(word for word in _WORD.findall(text) if word not in STOP_WORDS)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    return [word for word, _ in ranked[:CANDIDATE_WORDS]]


def _others(story: Story, purpose: Purpose | str):
    return visible_stories(purpose).where(Story.id != story.id)


def distinctive_words(story: Story, engine) -> list[str]:
    """The candidates that some, but not most, other indexed stories share: rarest first."""
    candidates = distinctive_candidates(story)
    if not candidates:
        return []
    counts = engine.count_matches(candidates, story.id, COMMON_CAP + 1)
    indexed = db.session.scalar(select(func.count()).select_from(
        select(SearchDocument.story_id).where(SearchDocument.story_id != story.id)
        .limit(2 * COMMON_CAP + 2).subquery())) or 0
    common = min(COMMON_CAP, max(ALWAYS_DISTINCTIVE, indexed // 2))
    kept = [(count, position, word) for position, (word, count) in enumerate(zip(candidates, counts, strict=True))
            if 1 <= count <= common]
    return [word for _, _, word in sorted(kept)[:DISTINCTIVE_WORDS]]


def _sharing_most_tags(story: Story, tag_ids: list[int]):
    """The TAG_CANDIDATES other stories sharing the most of these confirmed tags (newest ids first among equals)."""
    most = (select(StoryTag.story_id)
            .where(StoryTag.tag_id.in_(tag_ids), StoryTag.status == TagStatus.CONFIRMED,
                   StoryTag.story_id != story.id)
            .group_by(StoryTag.story_id).order_by(func.count().desc(), StoryTag.story_id.desc())
            .limit(TAG_CANDIDATES).subquery())
    return select(most.c.story_id)


def stories_like(story: Story, purpose: Purpose | str, limit: int = 5) -> list[Story]:
    """Up to ``limit`` other stories that may be used for ``purpose`` now, most alike first; [] if none share a
    confirmed tag or a distinctive word. ``story`` is one the caller already found through the gate."""
    engine = engine_for(db.engine.dialect.name)
    tag_ids = [tag.id for tag in confirmed_tags(story)]
    words = distinctive_words(story, engine)
    if not tag_ids and not words:
        return []
    pools = [engine.ids_matching(ParsedQuery(words=(word,))) for word in words]
    if tag_ids:
        pools.append(_sharing_most_tags(story, tag_ids))
    shared_tags = (select(func.count(StoryTag.id))
                   .where(StoryTag.story_id == Story.id, StoryTag.status == TagStatus.CONFIRMED,
                          StoryTag.tag_id.in_(tag_ids))
                   .correlate(Story).scalar_subquery()) if tag_ids else literal(0)
    shared_words = [case((engine.matching(ParsedQuery(words=(word,))), 1), else_=0) for word in words]
    score = reduce(add, shared_words, shared_tags * TAG_WEIGHT)
    query = (_others(story, purpose).where(Story.id.in_(union(*pools)), score > 0)
             .options(selectinload(Story.consent_records))  # each one's attribution, in one query not five
             .order_by(score.desc(), Story.approved_at.desc(), Story.id.desc()).limit(limit))
    return list(db.session.scalars(query))
