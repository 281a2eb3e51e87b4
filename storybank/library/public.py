"""The public stories page: stories whose owners said yes to ``public``, for anyone to read without signing in.

Every story comes through the consent gate for Purpose.PUBLIC, so a story that is withdrawn, past its review date,
not approved or not shared publicly is simply not here. Newest first, always: never ranked by views or popularity
(product principle 6), and nothing about who read what is recorded. Only confirmed theme tags are shown or used to
browse: a suggestion from the analysis is a guess, not a fact about someone's story.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, select

from storybank.consent.gate import visible_stories
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.library.reading import ReadableStory, readable, readable_story
from storybank.paging import Pages, page_count
from storybank.stories.models import Story
from storybank.tagging.models import StoryTag, Tag, TagStatus
from storybank.tagging.services import themes_group

PAGE_SIZE = 20
MAX_PAGE = 10_000
OPENING_CHARS = 280
SLUG_MAX = 80


@dataclass(frozen=True)
class Theme:
    tag_id: int
    slug: str
    name: str

    @property
    def in_a_sentence(self) -> str:
        """"Dignity" reads as "stories about dignity"; a name that starts with capitals ("BSL users") stays."""
        if len(self.name) > 1 and self.name[1].isupper():
            return self.name
        return self.name[:1].lower() + self.name[1:]


@dataclass(frozen=True)
class PublicStory:
    """A story as the public may read it, with the themes a person confirmed for it."""

    item: ReadableStory
    themes: tuple[Theme, ...]

    @property
    def opening(self) -> str:
        """The first words of the moderated text, cut at a word, for a card on the list."""
        text = " ".join(self.item.text.split())
        if len(text) <= OPENING_CHARS:
            return text
        return text[:OPENING_CHARS].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


@dataclass(frozen=True)
class PublicPage(Pages):
    stories: list[PublicStory]
    total: int
    page: int
    per_page: int


def _public_ids():
    return visible_stories(Purpose.PUBLIC).with_only_columns(Story.id).order_by(None)


def _theme_tags():
    """Confirmed tags of the themes group, or None if there is no themes group."""
    group = themes_group()
    if group is None:
        return None
    return (select(StoryTag.story_id, Tag.id, Tag.slug, Tag.name).join(Tag, Tag.id == StoryTag.tag_id)
            .where(Tag.group_id == group.id, StoryTag.status == TagStatus.CONFIRMED))


def themes_of(story_ids: list[int]) -> dict[int, tuple[Theme, ...]]:
    found: dict[int, list[Theme]] = {story_id: [] for story_id in story_ids}
    query = _theme_tags()
    if query is None or not story_ids:
        return {story_id: () for story_id in story_ids}
    for story_id, tag_id, slug, name in db.session.execute(query.where(StoryTag.story_id.in_(story_ids))
                                                           .order_by(Tag.name)):
        found[story_id].append(Theme(tag_id, slug, name))
    return {story_id: tuple(themes) for story_id, themes in found.items()}


def public_themes() -> list[Theme]:
    """Themes that at least one public story has (confirmed), in alphabetical order: never by how many."""
    query = _theme_tags()
    if query is None:
        return []
    rows = db.session.execute(query.with_only_columns(Tag.id, Tag.slug, Tag.name).distinct()
                              .where(StoryTag.story_id.in_(_public_ids())).order_by(Tag.name))
    return [Theme(tag_id, slug, name) for tag_id, slug, name in rows]


def find_theme(slug: str | None) -> Theme | None:
    """The theme with this slug, whether or not any public story has it yet; None for a slug no theme has."""
    group = themes_group()
    slug = (slug or "").strip()[:SLUG_MAX]
    if group is None or not slug:
        return None
    tag = db.session.scalar(select(Tag).where(Tag.group_id == group.id, Tag.slug == slug))
    return Theme(tag.id, tag.slug, tag.name) if tag is not None else None


def _with_themes(stories) -> list[PublicStory]:
    items = readable(stories)
    themes = themes_of([item.story.id for item in items])
    return [PublicStory(item, themes[item.story.id]) for item in items]


def public_stories(page: int = 1, theme: Theme | None = None, per_page: int = PAGE_SIZE) -> PublicPage:
    """Public stories, newest first (by the day they were approved), a page at a time; only those with the
    confirmed ``theme`` when one is given. A page past the last shows the last."""
    query = visible_stories(Purpose.PUBLIC)
    if theme is not None:
        query = query.where(exists().where(
            StoryTag.story_id == Story.id, StoryTag.tag_id == theme.tag_id, StoryTag.status == TagStatus.CONFIRMED))
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    pages = page_count(total, per_page)
    page = min(max(page, 1), pages)
    stories = db.session.scalars(query.order_by(Story.approved_at.desc(), Story.id.desc())
                                 .limit(per_page).offset((page - 1) * per_page))
    return PublicPage(stories=_with_themes(stories), total=total, page=page, per_page=per_page)


def public_story(reference: str) -> PublicStory | None:
    """One public story, or None (a 404) if it is not public right now or never existed: the two look the same."""
    item = readable_story(reference, Purpose.PUBLIC)
    if item is None:
        return None
    return PublicStory(item, themes_of([item.story.id])[item.story.id])
