"""The rules for building a training pack. Every change is checked against its owner, audited and committed here.

A pack is its trainer's own: every function takes the acting user and refuses a pack that is not theirs (views turn
that into a 404, the same as a pack that does not exist). A story goes into a pack only if it passes the consent gate
for the pack's purpose at that moment, and the pack keeps only its id; what a reader sees is read through the gate
again each time (see ``pack_for_reading``), so consent stays live.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.forms_common import clean_text
from storybank.library.reading import ReadableStory, readable_by_id, readable_story
from storybank.packs.models import Pack, PackPurpose, PackSection, PackStatus, SectionKind
from storybank.packs.prompts import DEFAULT_ACTIVITIES, WALK_A_MILE
from storybank.paging import Pages, one_page

PAGE_SIZE = 20
MAX_SECTIONS = 60
MAX_PROMPTS = 12
PROMPT_CHARS = 300
PLACEHOLDER = "The person who shared this story has asked us to stop using it."
"""Shown instead of a story that no longer passes the consent gate, whatever the reason: never a word of it."""

NOT_USABLE = ("We could not add that story. It may have been withdrawn by the person who shared it, its consent may "
              "have ended, or it was not shared for this kind of training. Please choose another story.")

NEW_SECTION_TITLES = {SectionKind.ACTIVITY: "A new activity", SectionKind.NOTES: "Notes for the facilitator",
                      SectionKind.PROMPTS: "Questions to reflect on"}


class PackError(Exception):
    """A change that cannot be made, with a kind message that says what to do next."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PackDetails:
    """What a trainer types about the pack as a whole."""

    title: str
    purpose: PackPurpose = PackPurpose.TRAINING
    audience: str = ""
    duration_minutes: int | None = None
    learning_outcomes: str = ""
    introduction: str = ""


@dataclass(frozen=True)
class SectionText:
    title: str
    body: str = ""
    prompts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackPage(Pages):
    items: list[Pack]
    total: int
    page: int
    per_page: int


@dataclass(frozen=True)
class ReadingSection:
    """One section as a reader sees it now: for a story, the story if the gate lets it through, else None.

    ``section`` is a draft's PackSection or a published version's section (``delivery.VersionSection``): both have
    id, kind, story_id, title, body and prompts, so one template reads either."""

    section: PackSection | Any
    story: ReadableStory | None = None

    @property
    def is_story(self) -> bool:
        return self.section.kind == SectionKind.STORY


@dataclass(frozen=True)
class PackForReading:
    """``pack`` is the draft Pack or a published PackVersion: both have title, audience, duration_minutes,
    learning_outcomes, introduction and purpose."""

    pack: Pack | Any
    sections: list[ReadingSection]

    @property
    def content_warnings(self) -> list[str]:
        """Every warning of every story that will be shown, once each, in the order they first appear."""
        seen: list[str] = []
        for item in self.sections:
            for warning in item.story.content_warnings if item.story else ():
                if warning not in seen:
                    seen.append(warning)
        return seen


def _one_line(text: str | None) -> str:
    return " ".join((clean_text(text) or "").split())


def _text(text: str | None) -> str:
    return (clean_text(text) or "").replace("\r\n", "\n").strip()


def tidy_prompts(prompts) -> tuple[str, ...]:
    """One question a line; blank lines and repeats dropped, each bounded, no more than a session can use."""
    kept: list[str] = []
    for prompt in prompts or ():
        prompt = _one_line(prompt)[:PROMPT_CHARS]
        if prompt and prompt not in kept:
            kept.append(prompt)
    return tuple(kept[:MAX_PROMPTS])


def _details_dict(pack: Pack) -> dict:
    return {"title": pack.title, "audience": pack.audience, "duration_minutes": pack.duration_minutes,
            "purpose": pack.purpose.value, "learning_outcomes": pack.learning_outcomes,
            "introduction": pack.introduction}


def _check_owner(pack: Pack, user: User) -> None:
    if pack is None or pack.owner_id != user.id:
        raise PackError("Only the trainer who made this pack can change it.")


def _touch(pack: Pack) -> None:
    pack.updated_at = utcnow()


def _apply(pack: Pack, details: PackDetails) -> None:
    title = _one_line(details.title)
    if not title:
        raise PackError("Please give the pack a title, so you and others can find it.")
    pack.title = title[:200]
    pack.audience = _one_line(details.audience)[:200]
    pack.duration_minutes = details.duration_minutes
    pack.learning_outcomes = _text(details.learning_outcomes)
    pack.introduction = _text(details.introduction)


def create_pack(owner: User, details: PackDetails) -> Pack:
    pack = Pack(owner_id=owner.id, purpose=PackPurpose(details.purpose), status=PackStatus.DRAFT)
    _apply(pack, details)
    db.session.add(pack)
    db.session.flush()
    record("pack.created", owner, pack, after=_details_dict(pack))
    db.session.commit()
    return pack


def update_pack(pack: Pack, owner: User, details: PackDetails) -> Pack:
    """Change the pack's details. Its purpose stays as it is once it holds a story: the stories were chosen because
    their owners said yes to that use, and another use would need another yes."""
    _check_owner(pack, owner)
    purpose = PackPurpose(details.purpose)
    if purpose != pack.purpose and any(s.kind == SectionKind.STORY for s in pack.sections):
        raise PackError("This pack already has stories chosen for its current use, so that cannot change. Take the "
                        "stories out first, or make a new pack for the other use.")
    before = _details_dict(pack)
    pack.purpose = purpose
    _apply(pack, details)
    _touch(pack)
    record("pack.updated", owner, pack, before=before, after=_details_dict(pack))
    db.session.commit()
    return pack


def own_pack(user: User, pack_id: int) -> Pack | None:
    """The pack if it is ``user``'s, else None: someone else's pack is treated as if it did not exist."""
    return db.session.scalar(select(Pack).where(Pack.id == pack_id, Pack.owner_id == user.id))


def own_section(pack: Pack, section_id: int) -> PackSection | None:
    return next((section for section in pack.sections if section.id == section_id), None)


def packs_of(user: User, page: int = 1, per_page: int = PAGE_SIZE) -> PackPage:
    """The trainer's own packs, the one changed most recently first, a page at a time."""
    items, total, page = one_page(select(Pack).where(Pack.owner_id == user.id),
                                  (Pack.updated_at.desc(), Pack.id.desc()), page, per_page)
    return PackPage(items=items, total=total, page=page, per_page=per_page)


def _renumber(pack: Pack) -> None:
    for position, section in enumerate(pack.sections, start=1):
        section.position = position


def _append(pack: Pack, section: PackSection) -> PackSection:
    if len(pack.sections) >= MAX_SECTIONS:
        raise PackError(f"A pack can have up to {MAX_SECTIONS} sections. Please take one out before adding another.")
    section.position = len(pack.sections) + 1
    pack.sections.append(section)
    return section


def _section_dict(section: PackSection) -> dict:
    return {"kind": section.kind.value, "position": section.position, "story_id": section.story_id,
            "title": section.title, "prompts": list(section.prompts or [])}


def add_section(pack: Pack, owner: User, kind: SectionKind) -> PackSection:
    """A new, empty activity, notes or prompts section at the end, for the trainer to fill in."""
    _check_owner(pack, owner)
    kind = SectionKind(kind)
    if kind == SectionKind.STORY:
        raise PackError("Please add a story by finding it, so we can check it may be used.")
    section = _append(pack, PackSection(kind=kind, title=NEW_SECTION_TITLES[kind], body="", prompts=[]))
    _touch(pack)
    db.session.flush()
    record("pack.section_added", owner, pack, after=_section_dict(section))
    db.session.commit()
    return section


def add_default_activities(pack: Pack, owner: User) -> list[PackSection]:
    """The activities from the source documents, at the end, each one as a section the trainer can change."""
    _check_owner(pack, owner)
    if len(pack.sections) + len(DEFAULT_ACTIVITIES) > MAX_SECTIONS:
        raise PackError(f"A pack can have up to {MAX_SECTIONS} sections. Please take some out first.")
    added = [_append(pack, PackSection(kind=SectionKind.ACTIVITY, title=activity.title, body=activity.body,
                                       prompts=list(activity.prompts)))
             for activity in DEFAULT_ACTIVITIES]
    _touch(pack)
    db.session.flush()
    record("pack.default_activities_added", owner, pack, after={"sections": [_section_dict(s) for s in added]})
    db.session.commit()
    return added


def add_story(pack: Pack, owner: User, reference: str) -> PackSection:
    """Add the story with this reference, only if it may be used for the pack's purpose right now. Only its id is
    kept; it starts with the "walk a mile in their shoes" questions, which the trainer may change."""
    _check_owner(pack, owner)
    found = readable_story(reference, pack.purpose.value)
    if found is None:
        raise PackError(NOT_USABLE)
    if any(section.story_id == found.story.id for section in pack.sections):
        raise PackError("That story is already in this pack.")
    section = _append(pack, PackSection(kind=SectionKind.STORY, story_id=found.story.id, title="", body="",
                                        prompts=list(WALK_A_MILE)))
    _touch(pack)
    db.session.flush()
    record("pack.story_added", owner, pack, after=_section_dict(section))
    db.session.commit()
    return section


def update_section(pack: Pack, owner: User, section: PackSection, text: SectionText) -> PackSection:
    """Change a section's words. A story section keeps no title or text of its own: only its questions change."""
    _check_owner(pack, owner)
    if section.pack_id != pack.id:
        raise PackError("That section is not in this pack.")
    before = _section_dict(section)
    if section.kind != SectionKind.STORY:
        title = _one_line(text.title)
        if not title:
            raise PackError("Please give this section a heading.")
        section.title = title[:200]
        section.body = _text(text.body)
    section.prompts = list(tidy_prompts(text.prompts))
    _touch(pack)
    record("pack.section_updated", owner, pack, before=before, after=_section_dict(section))
    db.session.commit()
    return section


def move_section(pack: Pack, owner: User, section: PackSection, direction: str) -> bool:
    """Swap the section with the one above or below it. Returns False when it is already first or last."""
    _check_owner(pack, owner)
    if direction not in ("up", "down"):
        raise PackError("Please choose to move the section up or down.")
    sections = list(pack.sections)
    index = sections.index(section)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(sections):
        return False
    sections[index], sections[other] = sections[other], sections[index]
    for position, item in enumerate(sections, start=1):
        item.position = position
    _touch(pack)
    record("pack.section_moved", owner, pack, after={"section_id": section.id, "direction": direction,
                                                     "position": section.position})
    db.session.commit()
    return True


def remove_section(pack: Pack, owner: User, section: PackSection) -> None:
    _check_owner(pack, owner)
    before = _section_dict(section)
    pack.sections.remove(section)
    _renumber(pack)
    _touch(pack)
    record("pack.section_removed", owner, pack, before=before)
    db.session.commit()


def pack_for_reading(pack: Pack) -> PackForReading:
    """The pack as a reader sees it at this moment: every story read through the consent gate now, in one query.
    A story that does not pass comes back as None, and the page shows the placeholder instead. Writes nothing."""
    stories = readable_by_id((s.story_id for s in pack.sections if s.kind == SectionKind.STORY), pack.purpose.value)
    return PackForReading(pack, [
        ReadingSection(section, stories.get(section.story_id) if section.kind == SectionKind.STORY else None)
        for section in pack.sections])
