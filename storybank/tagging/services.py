"""The rules for the taxonomy and for the tags on stories. Every change is audited and committed here.

Only a confirmed tag is a fact about a story. A suggestion (from the analysis) is a guess for a person to decide,
and a rejected one is a guess a person turned down; neither may ever be shown as what a story is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story
from storybank.tagging.cues import THEMES_GROUP, default_taxonomy_data
from storybank.tagging.models import StoryTag, Tag, TagGroup, TagSource, TagStatus
from storybank.text.analysis import ThemeSuggestion

NAME_MAX = 80
DESCRIPTION_MAX = 500
SYNONYMS_MAX = 30


class TaggingError(Exception):
    """A change that cannot be made, with a kind message for the form field it concerns."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class TagText:
    """What an admin types about a tag."""

    name: str
    description: str = ""
    synonyms: tuple[str, ...] = ()


def match_key(words: str | None) -> str:
    """Slugs, names and synonyms compare alike: "choice_and_control" and "Choice and control" are one theme."""
    return " ".join(re.split(r"[\W_]+", (words or "").lower())).strip()


def slugify(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", (words or "").lower()).strip("_")[:NAME_MAX] or "tag"


def split_synonyms(text: str | None) -> tuple[str, ...]:
    """One synonym per line or comma; blanks and repeats (in any case) dropped, order kept."""
    seen, kept = set(), []
    for part in re.split(r"[,\n]", text or ""):
        word = " ".join(part.split())
        if word and match_key(word) not in seen:
            seen.add(match_key(word))
            kept.append(word[:NAME_MAX])
    return tuple(kept)


# Reading

def confirmed_tags(story: Story) -> list[Tag]:
    """The tags a person confirmed for this story: the only ones that may be shown as facts about it.

    Suggested and rejected tags are left out on purpose. A suggestion is the analysis's guess; showing it to a
    trainer as what the story is about would put words in the contributor's mouth.
    """
    return list(db.session.scalars(
        select(Tag).join(StoryTag, StoryTag.tag_id == Tag.id)
        .where(StoryTag.story_id == story.id, StoryTag.status == TagStatus.CONFIRMED)
        .order_by(Tag.group_id, Tag.name)))


def story_tags(story: Story, status: TagStatus | None = None) -> list[StoryTag]:
    """Every tag row on a story, for the people deciding them (moderators, trainers), not for showing as facts."""
    query = select(StoryTag).where(StoryTag.story_id == story.id)
    if status is not None:
        query = query.where(StoryTag.status == status)
    return list(db.session.scalars(query.order_by(StoryTag.id)))


def groups() -> list[TagGroup]:
    return list(db.session.scalars(select(TagGroup).order_by(TagGroup.position, TagGroup.name)))


def themes_group() -> TagGroup | None:
    return db.session.scalar(select(TagGroup).where(TagGroup.slug == THEMES_GROUP))


def theme_choices() -> list[tuple[str, str]]:
    """(slug, name) of every theme, for a moderator's "Add a theme" list."""
    group = themes_group()
    if group is None:
        return []
    return [(t.slug, t.name) for t in db.session.scalars(select(Tag).where(Tag.group_id == group.id)
                                                         .order_by(Tag.name))]


def stories_using(tag: Tag) -> dict[TagStatus, int]:
    """How many stories have this tag, by status: what an admin is told before deleting it."""
    rows = db.session.execute(select(StoryTag.status, func.count()).where(StoryTag.tag_id == tag.id)
                              .group_by(StoryTag.status)).all()
    return {status: 0 for status in TagStatus} | dict(rows)


def find_tag(group: TagGroup, label: str) -> Tag | None:
    """The tag in ``group`` whose slug, name or synonym is ``label`` (any case, spaces or underscores).

    Synonyms count so that a tag merged into another (its name is now a synonym) still catches the analysis's
    suggestions for it."""
    key = match_key(label)
    if not key:
        return None
    candidates = list(db.session.scalars(select(Tag).where(Tag.group_id == group.id).order_by(Tag.id)))
    for tag in candidates:
        if key in (match_key(tag.slug), match_key(tag.name)):
            return tag
    for tag in candidates:
        if key in {match_key(word) for word in tag.synonyms or ()}:
            return tag
    return None


# The taxonomy (admins)

def _check_name(group: TagGroup, name: str, *, keep: Tag | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise TaggingError("Please give the tag a name.", "name")
    if len(name) > NAME_MAX:
        raise TaggingError(f"A tag name can be up to {NAME_MAX} characters.", "name")
    other = find_tag(group, name)
    if other is None or match_key(other.name) != match_key(name):
        # a name of only signs or emoji has no words to match by, so only the very same name is the same tag
        other = db.session.scalar(select(Tag).where(Tag.group_id == group.id, Tag.name == name))
    if other is not None and other is not keep:
        raise TaggingError(f"There is already a tag called “{other.name}” in {group.name}.", "name")
    return name


def _unique_slug(model, base: str, **scope) -> str:
    slug, n = base, 1
    query = select(model.slug)
    for column, value in scope.items():
        query = query.where(getattr(model, column) == value)
    taken = set(db.session.scalars(query))
    while slug in taken:
        n += 1
        slug = f"{base[:NAME_MAX - 4]}_{n}"
    return slug


def add_group(name: str, description: str, actor: User) -> TagGroup:
    """A new kind of tag, for example "Age group", that trainers can then search by."""
    name = " ".join((name or "").split())
    if not name:
        raise TaggingError("Please give the group a name.", "name")
    if len(name) > NAME_MAX:
        raise TaggingError(f"A group name can be up to {NAME_MAX} characters.", "name")
    if any(match_key(g.name) == match_key(name) for g in groups()):
        raise TaggingError(f"There is already a group called “{name}”.", "name")
    position = (db.session.scalar(select(func.max(TagGroup.position))) or 0) + 1
    group = TagGroup(slug=_unique_slug(TagGroup, slugify(name)), name=name,
                     description=" ".join((description or "").split())[:DESCRIPTION_MAX], position=position)
    db.session.add(group)
    db.session.flush()
    record("taxonomy.group_added", actor, group, after={"name": group.name, "slug": group.slug})
    db.session.commit()
    return group


def add_tag(group: TagGroup, text: TagText, actor: User) -> Tag:
    name = _check_name(group, text.name)
    tag = Tag(group_id=group.id, slug=_unique_slug(Tag, slugify(name), group_id=group.id), name=name,
              description=text.description.strip()[:DESCRIPTION_MAX], synonyms=list(text.synonyms[:SYNONYMS_MAX]))
    db.session.add(tag)
    db.session.flush()
    record("taxonomy.tag_added", actor, tag, after=_tag_state(tag) | {"group": group.name})
    db.session.commit()
    return tag


def _tag_state(tag: Tag) -> dict:
    return {"name": tag.name, "description": tag.description, "synonyms": list(tag.synonyms or [])}


def edit_tag(tag: Tag, text: TagText, actor: User) -> Tag:
    """Change a tag's name (a rename), description or synonyms. Stories refer to the tag by id, so a rename is
    this one update and every story keeps its tag. The slug stays, so the analysis's suggestions still land."""
    group = db.session.get(TagGroup, tag.group_id)
    name = _check_name(group, text.name, keep=tag)
    before = _tag_state(tag)
    tag.name = name
    tag.description = text.description.strip()[:DESCRIPTION_MAX]
    tag.synonyms = [word for word in text.synonyms[:SYNONYMS_MAX] if match_key(word) != match_key(name)]
    after = _tag_state(tag)
    if after == before:
        return tag
    action = "taxonomy.tag_renamed" if before["name"] != after["name"] else "taxonomy.tag_edited"
    record(action, actor, tag, before=before, after=after)
    db.session.commit()
    return tag


STATUS_STRENGTH = {TagStatus.REJECTED: 0, TagStatus.SUGGESTED: 1, TagStatus.CONFIRMED: 2}


def merge_tags(source: Tag, target: Tag, actor: User) -> int:
    """Fold ``source`` into ``target``: every story tagged with ``source`` is tagged with ``target`` instead (once
    only; where a story had both, the firmer decision stays: confirmed over suggested over rejected), ``source``'s
    name and synonyms become synonyms of ``target``, and ``source`` is deleted. Returns the stories moved."""
    if source.id == target.id:
        raise TaggingError("Please choose a different tag to merge into.", "target")
    if source.group_id != target.group_id:
        raise TaggingError("Tags can only be merged within the same group.", "target")
    before = {"source": _tag_state(source), "target": _tag_state(target)}
    on_target = {row.story_id: row for row in db.session.scalars(select(StoryTag)
                                                                  .where(StoryTag.tag_id == target.id))}
    moved = 0
    for row in db.session.scalars(select(StoryTag).where(StoryTag.tag_id == source.id)).all():
        kept = on_target.get(row.story_id)
        if kept is None:
            row.tag_id = target.id
        else:
            if STATUS_STRENGTH[row.status] > STATUS_STRENGTH[kept.status]:
                kept.status, kept.source, kept.trigger_words = row.status, row.source, row.trigger_words
                kept.decided_by_id, kept.decided_at = row.decided_by_id, row.decided_at
            db.session.delete(row)
        moved += 1
    db.session.flush()
    known = {match_key(target.name)} | {match_key(word) for word in target.synonyms or ()}
    synonyms = list(target.synonyms or [])
    for word in [source.name, *(source.synonyms or [])]:
        if match_key(word) not in known:
            known.add(match_key(word))
            synonyms.append(word)
    target.synonyms = synonyms
    record("taxonomy.tags_merged", actor, target, before=before,
           after={"target": _tag_state(target), "stories_moved": moved, "deleted_tag_id": source.id})
    db.session.delete(source)
    db.session.commit()
    return moved


def delete_tag(tag: Tag, actor: User) -> int:
    """Delete a tag and take it off every story (the view asks first when stories use it). Returns how many
    stories had it."""
    counts = stories_using(tag)
    used = sum(counts.values())
    record("taxonomy.tag_deleted", actor, tag, before=_tag_state(tag) | {"group_id": tag.group_id},
           after={"removed_from_stories": used, "confirmed_on": counts[TagStatus.CONFIRMED]})
    db.session.execute(StoryTag.__table__.delete().where(StoryTag.tag_id == tag.id))
    db.session.delete(tag)
    db.session.commit()
    return used


def ensure_default_taxonomy() -> int:
    """Add any default group or tag that is missing (the migration seeds a fresh database; this puts them back,
    e.g. for tests that empty every table). Not audited, like the migration's seed: no person did it. Returns how
    many rows it added; running it twice adds nothing."""
    added = 0
    for position, data in enumerate(default_taxonomy_data()["groups"]):
        group = db.session.scalar(select(TagGroup).where(TagGroup.slug == data["slug"]))
        if group is None:
            group = TagGroup(slug=data["slug"], name=data["name"], description=data["description"],
                             position=position)
            db.session.add(group)
            db.session.flush()
            added += 1
        have = set(db.session.scalars(select(Tag.slug).where(Tag.group_id == group.id)))
        for tag in data["tags"]:
            if tag["slug"] not in have:
                db.session.add(Tag(group_id=group.id, slug=tag["slug"], name=tag["name"],
                                   description=tag["description"], synonyms=list(tag["synonyms"])))
                added += 1
    db.session.commit()
    return added


# Tags on stories

def _story_label(story: Story) -> str:
    return story.reference or f"story {story.id}"


def _row_for(story: Story, tag: Tag) -> StoryTag | None:
    return db.session.scalar(select(StoryTag).where(StoryTag.story_id == story.id, StoryTag.tag_id == tag.id))


def suggest_tags(story: Story, themes: list[ThemeSuggestion], actor: User | None = None) -> list[StoryTag]:
    """Record the analysis's theme suggestions as suggested tags, with the words that triggered each. A tag a
    person already decided on this story is left as they decided it. Unknown slugs are skipped: the analysis
    suggests from the taxonomy, so one it does not know was deleted by an admin."""
    group = themes_group()
    added = []
    for theme in themes:
        tag = find_tag(group, theme.slug) if group is not None else None
        if tag is None or _row_for(story, tag) is not None:
            continue
        words = ", ".join(re.findall(r"'([^']*)'", theme.reason)) or theme.matched_text
        row = StoryTag(story_id=story.id, tag_id=tag.id, status=TagStatus.SUGGESTED, source=TagSource.ANALYSIS,
                       trigger_words=words[:300])
        db.session.add(row)
        added.append(row)
    if added:
        db.session.flush()
        record("tagging.suggested", actor, story, actor_label=None if actor else "analysis",
               after={"story": _story_label(story), "tags": [row.tag_id for row in added]})
    db.session.commit()
    return added


def _decide(row: StoryTag, status: TagStatus, actor: User, now: datetime | None) -> StoryTag:
    before = {"status": row.status.value}
    row.status = status
    row.decided_by_id = actor.id
    row.decided_at = now or utcnow()
    story = db.session.get(Story, row.story_id)
    record(f"tagging.{status.value}", actor, row, before=before,
           after={"status": status.value, "story": _story_label(story), "tag": row.tag.name})
    return row


def confirm_tag(row: StoryTag, actor: User, now: datetime | None = None) -> StoryTag:
    """A person agrees the story is about this tag: from now on it is a fact about the story."""
    _decide(row, TagStatus.CONFIRMED, actor, now)
    db.session.commit()
    return row


def reject_tag(row: StoryTag, actor: User, now: datetime | None = None) -> StoryTag:
    """A person says the story is not about this tag. The row stays, so the analysis does not suggest it again."""
    _decide(row, TagStatus.REJECTED, actor, now)
    db.session.commit()
    return row


def add_tag_to_story(story: Story, tag: Tag, actor: User, now: datetime | None = None, *,
                     commit: bool = True) -> StoryTag:
    """A person tags a story by hand: confirmed at once. ``commit=False`` lets another domain's service (a
    moderator accepting a theme) make this part of its own transaction."""
    row = _row_for(story, tag)
    if row is None:
        row = StoryTag(story_id=story.id, tag_id=tag.id, status=TagStatus.SUGGESTED, source=TagSource.PERSON)
        db.session.add(row)
        db.session.flush()
        row.tag = tag
    if row.status != TagStatus.CONFIRMED:
        _decide(row, TagStatus.CONFIRMED, actor, now)
    if commit:
        db.session.commit()
    return row


def remove_tag_from_story(row: StoryTag, actor: User) -> None:
    """Take a tag off a story altogether (unlike reject, nothing is remembered)."""
    story = db.session.get(Story, row.story_id)
    record("tagging.removed", actor, row, before={"status": row.status.value, "tag": row.tag.name},
           after={"story": _story_label(story)})
    db.session.delete(row)
    db.session.commit()


def theme_tag(label: str, actor: User) -> Tag | None:
    """The theme tag for a moderator's theme label (slug, name or synonym); a label no tag has becomes a new tag
    in the themes group, as the migration does. None if there is no themes group. Does not commit."""
    group = themes_group()
    if group is None or not match_key(label):
        return None
    tag = find_tag(group, label)
    if tag is None:
        name = " ".join(label.split())[:NAME_MAX]
        tag = Tag(group_id=group.id, slug=_unique_slug(Tag, slugify(name), group_id=group.id),
                  name=name[:1].upper() + name[1:], description="", synonyms=[])
        db.session.add(tag)
        db.session.flush()
        record("taxonomy.tag_added", actor, tag, after=_tag_state(tag) | {"group": group.name,
                                                                          "from": "a moderator's theme"})
    return tag


def confirm_theme(story: Story, label: str, actor: User, now: datetime | None = None) -> StoryTag | None:
    """A moderator accepted or added a theme: the story gets the confirmed tag, in the caller's transaction."""
    tag = theme_tag(label, actor)
    return None if tag is None else add_tag_to_story(story, tag, actor, now, commit=False)


def unconfirm_theme(story: Story, label: str, actor: User, now: datetime | None = None) -> StoryTag | None:
    """A moderator changed their mind and rejected a theme: its tag on the story is rejected too (kept, so it is
    not suggested again). In the caller's transaction."""
    group = themes_group()
    tag = find_tag(group, label) if group is not None else None
    row = _row_for(story, tag) if tag is not None else None
    if row is not None and row.status != TagStatus.REJECTED:
        _decide(row, TagStatus.REJECTED, actor, now)
    return row


def erase_trigger_words(story: Story) -> None:
    """For erasure, retention and the purge of originals: forget the story's own words that suggested its tags
    (the tags themselves say nothing about who told the story, so they stay). Adds to the caller's transaction;
    the caller commits and audits, as moderation's erase_story_words does."""
    db.session.execute(update(StoryTag).where(StoryTag.story_id == story.id).values(trigger_words=None)
                       .execution_options(synchronize_session=False))


def taxonomy() -> list[tuple[TagGroup, list[Tag]]]:
    """Every group with its tags, in the order admins set: for filters and for choosing a tag to add."""
    found: dict[int, tuple[TagGroup, list[Tag]]] = {}
    rows = db.session.execute(select(TagGroup, Tag).outerjoin(Tag, Tag.group_id == TagGroup.id)
                              .order_by(TagGroup.position, TagGroup.name, TagGroup.id, Tag.name, Tag.id))
    for group, tag in rows:  # one query: every search page asks for it
        tags = found.setdefault(group.id, (group, []))[1]
        if tag is not None:
            tags.append(tag)
    return list(found.values())


def tags_to_decide(story: Story) -> tuple[list[StoryTag], list[StoryTag]]:
    """(confirmed, suggested) rows for the people who tag a story; rejected ones stay out of sight."""
    rows = list(db.session.scalars(
        select(StoryTag).join(Tag, Tag.id == StoryTag.tag_id).where(StoryTag.story_id == story.id)
        .order_by(Tag.group_id, Tag.name)))
    return ([row for row in rows if row.status == TagStatus.CONFIRMED],
            [row for row in rows if row.status == TagStatus.SUGGESTED])
