"""Searching approved stories for trainers, and keeping the index in step with what moderators approve.

The index is a convenience, never the authority: every search starts from ``consent.gate.visible_stories`` for the
chosen purpose, at the moment of the query, and only then asks the index which of those stories match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from time import monotonic

from flask import current_app
from markupsafe import Markup, escape
from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import defer, selectinload

from storybank.audit.models import AuditEvent
from storybank.consent.gate import visible_stories
from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Suggestion, SuggestionKind, SuggestionStatus
from storybank.paging import Pages
from storybank.search.engine import MARK_END, MARK_START, engine_for
from storybank.search.models import SearchDocument
from storybank.search.query import ParsedQuery, parse_query
from storybank.stories.models import Story, StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagStatus
from storybank.tagging.services import taxonomy

PAGE_SIZE = 20
SEARCH_PURPOSES = (Purpose.TRAINING, Purpose.PARTNERS)
PLAIN_SNIPPET_CHARS = 240
_SLUG = re.compile(r"[a-z0-9_-]{1,80}")


@dataclass(frozen=True)
class SearchFilters:
    text: str = ""
    purpose: Purpose = Purpose.TRAINING
    care_settings: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    exclude_warnings: tuple[str, ...] = ()
    approved_from: date | None = None
    approved_to: date | None = None
    tags: tuple[int, ...] = ()
    """Tag ids: a story needs one of the chosen tags from every group chosen from (OR within, AND across)."""


@dataclass(frozen=True)
class SearchHit:
    story: Story
    snippet: Markup


@dataclass(frozen=True)
class SearchResults(Pages):
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    parsed: ParsedQuery
    notes: list[str] = field(default_factory=list)
    more: bool = False
    """True when there are more than ``total`` matches (the count stops at COUNT_LIMIT)."""


def highlight(snippet: str | None) -> Markup:
    """Escape the story's words, then turn the engine's private markers into <mark>: the only HTML we add."""
    return escape(snippet or "").replace(MARK_START, Markup("<mark>")).replace(MARK_END, Markup("</mark>"))


def _plain_snippet(story: Story) -> Markup:
    """The opening words, spaces tidied. Only as much of the text is read as the snippet needs: tidying a beginning
    gives the beginning of the tidied whole, so the answer is the same as tidying all of it."""
    body = story.moderated_body or ""
    read = 2 * PLAIN_SNIPPET_CHARS
    while True:
        text = " ".join(body[:read].split())
        if read >= len(body) or len(text) > PLAIN_SNIPPET_CHARS:
            break
        read *= 4
    if len(text) > PLAIN_SNIPPET_CHARS:
        text = text[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return highlight(text)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _filtered(filters: SearchFilters, parsed: ParsedQuery, engine):
    query = visible_stories(filters.purpose)
    if filters.care_settings:
        query = query.where(Story.care_setting.in_(filters.care_settings))
    if filters.regions:
        query = query.where(Story.region.in_(filters.regions))
    if filters.approved_from:
        query = query.where(Story.approved_at >= _day_start(filters.approved_from))
    if filters.approved_to:
        query = query.where(Story.approved_at < _day_start(filters.approved_to + timedelta(days=1)))
    if filters.exclude_warnings:
        query = query.where(~exists().where(
            Suggestion.story_id == Story.id, Suggestion.kind == SuggestionKind.CONTENT_WARNING,
            Suggestion.status == SuggestionStatus.ACCEPTED, Suggestion.label.in_(filters.exclude_warnings)))
    if parsed.excluded:
        query = query.where(engine.excluding(parsed))
    for tag_ids in _tags_by_group(filters.tags).values():
        query = query.where(exists().where(StoryTag.story_id == Story.id, StoryTag.tag_id.in_(tag_ids),
                                           StoryTag.status == TagStatus.CONFIRMED))
    return query


def _tags_by_group(tag_ids: tuple[int, ...]) -> dict[int, list[int]]:
    """Only confirmed tags are facts about a story, so only they filter; unknown ids are simply ignored."""
    if not tag_ids:
        return {}
    grouped: dict[int, list[int]] = {}
    for tag_id, group_id in db.session.execute(select(Tag.id, Tag.group_id).where(Tag.id.in_(tag_ids[:100]))):
        grouped.setdefault(group_id, []).append(tag_id)
    return grouped


def tags_for_slugs(slugs: list[str]) -> tuple[tuple[int, ...], list[str]]:
    """(tag ids, slugs no tag has) for tag slugs as the API takes them (a slug is unique within its group)."""
    wanted = list(dict.fromkeys(slug.strip().lower() for slug in slugs if slug and slug.strip()))[:20]
    if not wanted:
        return (), []
    askable = [slug for slug in wanted if _SLUG.fullmatch(slug)]  # anything else cannot be a slug, nor reach SQL
    rows = db.session.execute(select(Tag.id, Tag.slug).where(Tag.slug.in_(askable)).order_by(Tag.id)).all()
    known = {slug for _id, slug in rows}
    return tuple(tag_id for tag_id, _slug in rows), [slug for slug in wanted if slug not in known]


# Each hit's consent records (for the name the person chose to show) in one query, not one per story; and never
# the original text, which no result shows, so it is not read at all.
_FOR_HITS = (selectinload(Story.consent_records), defer(Story.body))


COUNT_LIMIT = 1000
"""Matches are counted up to this many and then the page says "more than 1,000": counting every match of a common
word through the consent gate costs more than finding the page itself, and no one reads past the fiftieth page."""
FIRST_BATCH = 100
LAST_BATCH = 6400
"""Ranking from the index alone asks for the best FIRST_BATCH (or twice the page's end), then four times as many
while too few of them pass the gate; past LAST_BATCH the search goes back to ranking through the gate's join."""


COMMON_SHARE = 1 / 3
COMMON_AT_LEAST = 1000
"""A search made only of words that are each in more than COMMON_SHARE of all stories (and in at least
COMMON_AT_LEAST of them) lists its matches newest first, and says why: ranking every match of so common a word costs
many times the rest of the page, and "carer" in 58 000 stories ranked by how often it appears tells a trainer
little. Below COMMON_AT_LEAST matches ranking is cheap, so a small library always ranks."""


def _count(query) -> tuple[int, bool]:
    """(how many, whether there are more than that): counted only as far as COUNT_LIMIT."""
    ids = query.with_only_columns(Story.id).order_by(None).limit(COUNT_LIMIT + 1).subquery()
    found = db.session.scalar(select(func.count()).select_from(ids)) or 0
    return min(found, COUNT_LIMIT), found > COUNT_LIMIT


def _narrowed(filters: SearchFilters) -> bool:
    """Whether the filters pick out a part of the library by the stories' own columns or tags (rather than only
    leaving some out, as a content warning does): the engine then ranks only the stories that pass."""
    return bool(filters.care_settings or filters.regions or filters.approved_from or filters.approved_to
                or filters.tags)


def _words_only(filters: SearchFilters) -> bool:
    return not (_narrowed(filters) or filters.exclude_warnings)


def _newest_key(approved_at: datetime | None, story_id: int) -> tuple[float, int]:
    return (-(approved_at.timestamp() if approved_at else 0.0), -story_id)


def _ranked_from_index(query, parsed: ParsedQuery, engine, page: int, per_page: int):
    """The page of a words-only search, ranked by the index alone and then passed through the gate (``query``):
    the same order as ranking through the join (rank, then newest), for a fraction of the work, since the gate is
    asked about a few hundred stories rather than every match. None when too few of the best matches pass, so
    the caller ranks through the join instead."""
    need = page * per_page
    limit = max(FIRST_BATCH, 2 * need)
    while True:
        ranked = engine.top(parsed, limit)
        keys = dict(ranked)
        passing = db.session.execute(query.with_only_columns(Story.id, Story.approved_at).order_by(None)
                                     .where(Story.id.in_(list(keys)))).all() if keys else []
        every_match = len(ranked) < limit
        if every_match or len(passing) >= need:
            break
        if limit >= LAST_BATCH:
            return None
        limit *= 4
    order = sorted(passing, key=lambda row: (keys[row.id], *_newest_key(row.approved_at, row.id)))
    ids = [row.id for row in order[(page - 1) * per_page:page * per_page]]
    stories = {story.id: story for story in db.session.scalars(query.where(Story.id.in_(ids))
                                                               .options(*_FOR_HITS))} if ids else {}
    snippets = engine.snippets(parsed, ids) if ids else {}
    hits = [SearchHit(stories[i], highlight(snippets.get(i))) for i in ids if i in stories]
    total, more = (min(len(passing), COUNT_LIMIT), len(passing) > COUNT_LIMIT) if every_match else (
        _count(query.where(engine.matching(parsed))))
    return hits, total, more


def _only_common_words(parsed: ParsedQuery, engine) -> tuple[str, ...]:
    """The query's words when every one of them is common (see COMMON_SHARE) and it has no phrase, else ()."""
    if not parsed.words or parsed.phrases:
        return ()
    common = engine.common_words(list(parsed.words), COMMON_SHARE, COMMON_AT_LEAST)
    return parsed.words if common >= set(parsed.words) else ()


def _newest_first_note(words: tuple[str, ...]) -> str:
    quoted = " and ".join(f"“{word}”" for word in words)
    each = "each in" if len(words) > 1 else "in"
    return (f"{quoted} {'are' if len(words) > 1 else 'is'} {each} more than a third of all stories, so these are "
            "shown newest first rather than by how well they match. Add a less common word, or a phrase in "
            "quotes, to see the closest matches first.")


def _newest_matching(query, parsed: ParsedQuery, engine, page: int, per_page: int):
    matching = query.where(engine.matching(parsed))
    total, more = _count(matching)
    stories = list(db.session.scalars(matching.options(*_FOR_HITS).order_by(Story.approved_at.desc(),
                                                                              Story.id.desc())
                                      .limit(per_page).offset((page - 1) * per_page)))
    snippets = engine.snippets(parsed, [story.id for story in stories]) if stories else {}
    return [SearchHit(story, highlight(snippets.get(story.id))) for story in stories], total, more


def _newest_listed(query, page: int, per_page: int) -> tuple[list[Story], int, bool]:
    """The page of a listing without words, newest first, and its count. The stories that pass are first found as
    far as COUNT_LIMIT + 1, in whatever order the filters' index gives (the walk a count takes anyway), and only
    those are put in date order for the page, in the same statement that counts them and reads the page's stories.
    So a narrow filter costs one walk of its index, rather than a count and then a walk of the whole library in date
    order looking for the few that pass (care setting and region on SQLite: about 21 to 7 ms of the database's time
    at 100 000 stories); and the stories shown are read through the gate in that one statement, at one moment.
    Past COUNT_LIMIT the few found are not the newest, so the page is asked for again in date order, which then
    soon finds enough."""
    found = query.with_only_columns(Story.id, Story.approved_at).order_by(None).limit(COUNT_LIMIT + 1).subquery()
    newest = (found.c.approved_at.desc(), found.c.id.desc())
    shown = select(found.c.id, found.c.approved_at, func.count().over().label("found")).order_by(*newest).limit(
        per_page).offset((page - 1) * per_page).subquery()
    rows = db.session.execute(query.add_columns(shown.c.found).join(shown, shown.c.id == Story.id).options(*_FOR_HITS)
                              .order_by(None).order_by(shown.c.approved_at.desc(), shown.c.id.desc())).all()
    if rows:
        total, more = min(rows[0][1], COUNT_LIMIT), rows[0][1] > COUNT_LIMIT
    else:  # nothing matches, or a page past the ones found: only then is the count asked for on its own
        total, more = (0, False) if page == 1 else _count(query)
    if more:
        return list(db.session.scalars(query.options(*_FOR_HITS).order_by(Story.approved_at.desc(), Story.id.desc())
                                       .limit(per_page).offset((page - 1) * per_page))), total, more
    return [story for story, _count_of_all in rows], total, more


def _ranked_through_the_gate(query, parsed: ParsedQuery, engine, page: int, per_page: int, narrowed: bool):
    """The page of a search with filters, ranked through the gate's join in one statement that also counts: the
    ids of the best COUNT_LIMIT + 1 matches that pass, so the count costs nothing more (a separate count walked
    the gate and the filters over every match a second time). None past the counted pages."""
    if page * per_page > COUNT_LIMIT:
        return None
    ranked, rank = engine.ranked(query, parsed, narrowed=narrowed)
    best = list(db.session.scalars(ranked.with_only_columns(Story.id).order_by(
        rank, Story.approved_at.desc(), Story.id.desc()).limit(COUNT_LIMIT + 1)))
    ids = best[(page - 1) * per_page:page * per_page]
    stories = {story.id: story for story in db.session.scalars(query.where(Story.id.in_(ids))
                                                               .options(*_FOR_HITS))} if ids else {}
    snippets = engine.snippets(parsed, ids) if ids else {}
    hits = [SearchHit(stories[i], highlight(snippets.get(i))) for i in ids if i in stories]
    return hits, min(len(best), COUNT_LIMIT), len(best) > COUNT_LIMIT


def search(filters: SearchFilters, page: int = 1, per_page: int = PAGE_SIZE, *, nothing: bool = False
           ) -> SearchResults:
    """Stories that may be used for the chosen purpose now, matching the words and filters: most relevant first,
    then newest (newest first only when every word is common: COMMON_SHARE); a page at a time, with the total (up
    to COUNT_LIMIT). ``nothing`` asks for a filter no story can meet (a tag that does not exist), so the answer is
    an empty page of the same shape."""
    if filters.purpose not in SEARCH_PURPOSES:
        raise ValueError(f"Search is for training purposes only, not {filters.purpose}.")
    parsed = parse_query(filters.text)
    engine = engine_for(db.engine.dialect.name)
    query = _filtered(filters, parsed, engine)
    page = max(1, page)
    if nothing:
        return SearchResults(hits=[], total=0, page=page, per_page=per_page, parsed=parsed)
    newest = (Story.approved_at.desc(), Story.id.desc())
    common = _only_common_words(parsed, engine)
    notes = [_newest_first_note(common)] if common else []
    found = (_newest_matching(query, parsed, engine, page, per_page) if common
             else _ranked_from_index(query, parsed, engine, page, per_page)
             if parsed.positive and _words_only(filters) else None)
    if found is None and parsed.positive:
        found = _ranked_through_the_gate(query, parsed, engine, page, per_page, _narrowed(filters))
    if found is not None:
        hits, total, more = found
    elif parsed.positive:
        ranked, rank = engine.ranked(query, parsed, narrowed=_narrowed(filters))
        # Counted with the index's matches as a list (IN), not through the ranking join: SQLite would otherwise
        # drive the count from the stories table and ask FTS5 once per story.
        total, more = _count(query.where(engine.matching(parsed)))
        stories = list(db.session.scalars(ranked.options(*_FOR_HITS).order_by(rank, *newest)
                                          .limit(per_page).offset((page - 1) * per_page)))
        snippets = engine.snippets(parsed, [story.id for story in stories]) if stories else {}
        hits = [SearchHit(story, highlight(snippets.get(story.id))) for story in stories]
    else:
        stories, total, more = _newest_listed(query, page, per_page)
        hits = [SearchHit(story, _plain_snippet(story)) for story in stories]
    return SearchResults(hits=hits, total=total, page=page, per_page=per_page, parsed=parsed, more=more,
                         notes=notes)


MAX_REGIONS = 500


def _regions(visible) -> list[str]:
    """The regions of the visible stories, in order: each found as the first visible story (in region order)
    after the one before, so every step is a short walk of the (status, region) index through the gate."""
    found: list[str] = []
    step = visible.with_only_columns(Story.region).where(Story.region.is_not(None)).order_by(Story.region).limit(1)
    region = db.session.scalar(step)
    while region is not None and len(found) < MAX_REGIONS:
        found.append(region)
        region = db.session.scalar(step.where(Story.region > region))
    return found


CHOICES_SECONDS = 60
_CHOICES = "storybank.search.filter_choices"


@dataclass(frozen=True)
class TagChoice:
    id: int
    name: str


@dataclass(frozen=True)
class TagGroupChoice:
    slug: str
    name: str


def filter_choices(purpose: Purpose) -> tuple[list[str], list[str], list[tuple[TagGroupChoice, list[TagChoice]]]]:
    """The regions and content warnings that the stories a trainer may see actually have, to offer as filters, and
    the taxonomy's groups and tags (as plain values, which outlive the request that read them).

    Every worker of every instance keeps its own copy per purpose, and uses it only while nothing has changed
    anywhere: the copy is tied to the newest audit event (an approval, an agreed edit, a consent change and a
    withdrawal each write one in their own transaction) and to today's date (consent passes its review date at
    midnight). So a story withdrawn through any instance leaves every other one's choices at its next request, and
    a copy never outlives a minute, whatever happened (a restored backup can bring back an older audit log). Every
    change to the taxonomy is audited too, so a renamed, added, merged or deleted tag shows at the next request."""
    cache = current_app.extensions.setdefault(_CHOICES, {})
    version = _choices_version()
    now = monotonic()
    kept = cache.get(Purpose(purpose))
    if kept is not None and kept[0] == version and now - kept[1] < CHOICES_SECONDS:
        return kept[2]
    choices = _read_filter_choices(purpose)
    cache[Purpose(purpose)] = (version, now, choices)
    return choices


def _choices_version() -> tuple[int, date]:
    """Read before the choices, so that choices from before a change are never kept under the version after it.
    One look at the end of the audit log's primary key: far cheaper than the few dozen queries the choices take."""
    return db.session.scalar(select(func.max(AuditEvent.id))) or 0, utcnow().date()


def forget_filter_choices() -> None:
    """Drop this process's copies (each test starts with none, as ids can repeat once its tables are emptied)."""
    current_app.extensions.pop(_CHOICES, None)


def _read_filter_choices(purpose: Purpose):
    """Found a value at a time (a few dozen short queries) rather than by reading every visible story; a warning
    is offered when at least one visible story has it accepted."""
    visible = visible_stories(purpose).order_by(None)
    regions = _regions(visible)
    accepted_warning = (Suggestion.kind == SuggestionKind.CONTENT_WARNING,
                        Suggestion.status == SuggestionStatus.ACCEPTED)
    warnings = [label for label in db.session.scalars(
        select(Suggestion.label).distinct().where(*accepted_warning).order_by(Suggestion.label))
        if db.session.scalar(select(visible.where(exists().where(
            Suggestion.story_id == Story.id, Suggestion.label == label, *accepted_warning)).exists()))]
    tag_groups = [(TagGroupChoice(group.slug, group.name), [TagChoice(tag.id, tag.name) for tag in tags])
                  for group, tags in taxonomy()]
    return regions, warnings, tag_groups


def _searchable(story: Story | None) -> bool:
    return (story is not None and story.status == StoryStatus.APPROVED and story.withdrawn_at is None
            and bool(story.moderated_body))


def index_story(story_id: int) -> bool:
    """Put a story's moderated title and text in the index, or take it out if it can no longer be found.
    Adds to the caller's transaction. Returns whether the story is now in the index."""
    story = db.session.get(Story, story_id)
    document = db.session.get(SearchDocument, story_id)
    if not _searchable(story):
        if document is not None:
            db.session.delete(document)
        return False
    if document is None:
        document = SearchDocument(story_id=story_id)
        db.session.add(document)
    document.title = story.moderated_title or ""
    document.body = story.moderated_body or ""
    document.indexed_at = utcnow()
    return True


def remove_story(story_id: int) -> None:
    db.session.execute(delete(SearchDocument).where(SearchDocument.story_id == story_id))


def reindex_all(progress: Callable[[Iterable[int]], Iterable[int]] = iter, batch: int = 500) -> int:
    """Rebuild the whole index from the stories as they are now; safe to run at any time."""
    approved = select(Story.id).where(Story.status == StoryStatus.APPROVED)
    db.session.execute(delete(SearchDocument).where(SearchDocument.story_id.not_in(approved)))
    ids = list(db.session.scalars(approved.order_by(Story.id)))
    indexed = 0
    for number, story_id in enumerate(progress(ids), start=1):
        indexed += index_story(story_id)
        if number % batch == 0:
            db.session.commit()
            db.session.expunge_all()
    db.session.commit()
    return indexed
