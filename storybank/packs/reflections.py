"""Trainees' reflections: written through a share link, read by a person, and only then passed on.

A reflection is anonymous: it keeps the story, the pack, the version and the share link it came from, and never a
name or an account. It can be written only while the link is open, only about a story section of that link's
version, and only while the story still passes the consent gate for the version's purpose.

Before a reflection is saved the text analysis looks for personal details in it. It only points them out: the
person chooses to send the words as they are or to change them, and nothing is ever taken out by the machine.

Moderators decide on every waiting reflection; a trainer decides on those from their own packs only (anyone else's
is treated as if it did not exist). A reflection reaches the person who shared the story only once it is approved,
and the reason for not passing one on is for our records, never shown to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import func, select, update

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.forms_common import clean_text
from storybank.library.reading import readable_by_id
from storybank.packs.delivery_models import (
    PackVersion,
    PackVersionStory,
    Reflection,
    ReflectionStatus,
    ShareLink,
)
from storybank.packs.links import live_link
from storybank.packs.models import Pack
from storybank.paging import Pages, one_page
from storybank.stories.models import Story
from storybank.stories.usage import SessionUse, StaffReflection, StoryUsage, register_usage_source
from storybank.text.analysis import Finding, analyse

MAX_CHARS = 2_000
PAGE_SIZE = 20
STORY_PAGE_SIZE = 10
MAX_SESSIONS_SHOWN = 20
REASON_MAX_CHARS = 1_000
TRAINEE_LABEL = "trainee (no name kept)"
"""How the audit log names the writer of a reflection: nobody signs in to write one."""

LINK_CLOSED = "This training session has ended, so it can no longer take reflections."
STORY_GONE = ("The person who shared this story has asked us to stop using it, so we cannot pass on a reflection "
              "about it.")
WORDS_KEPT = "Your words are still below, so you can copy them and keep them for yourself."
EMPTY = "Please write what you will take from this story into your work, then press Send."
TOO_LONG = (f"Your reflection can be up to {MAX_CHARS:,} characters. It is {{count:,}} now – please shorten it. "
            "Nothing you typed has been lost.")
ALREADY_DECIDED = "Someone has already decided about this reflection, so nothing was changed."
NO_LONGER_USED = "a story that is no longer used"

DETAIL_WORDS = {
    "PERSON": "a name",
    "EMAIL": "an email address",
    "PHONE": "a phone number",
    "ADDRESS": "an address",
    "POSTCODE": "a postcode",
    "LOCATION": "a place",
    "ORG": "a care home, hospital or organisation",
    "DATE_OF_BIRTH": "a date of birth",
    "NHS_NUMBER": "an NHS number",
    "NI_NUMBER": "a National Insurance number",
}


class ReflectionError(Exception):
    """A reflection that cannot be sent or decided, with a kind message that says what happened."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NoLongerOpen(ReflectionError):
    """The link has closed or the story may no longer be used: the words cannot be sent, only kept."""


@dataclass(frozen=True)
class ReflectionTarget:
    """Where a reflection would go: an open share link, and a story section of its version."""

    link: ShareLink
    version: PackVersion
    section: dict

    @property
    def story_id(self) -> int:
        return int(self.section["story_id"])


@dataclass(frozen=True)
class DetailHint:
    """A personal detail the analysis noticed, in words a person can act on."""

    text: str
    what: str

    @property
    def sentence(self) -> str:
        return f"It looks like this mentions {self.what}: ‘{self.text}’"


@dataclass(frozen=True)
class ReflectionItem:
    reflection: Reflection
    pack_title: str
    story_title: str | None
    """None when the story no longer passes the gate: the page then says "a story that is no longer used"."""


@dataclass(frozen=True)
class ReflectionPage(Pages):
    items: list[ReflectionItem]
    total: int
    page: int
    per_page: int


def _story_section(version: PackVersion, key: int) -> dict | None:
    for section in version.sections or ():
        if (isinstance(section, dict) and section.get("kind") == "story" and section.get("key") == key
                and section.get("story_id") is not None):
            return section
    return None


def find_target(token: str, key: int) -> ReflectionTarget | None:
    """The story section ``key`` of the version an open link shows, or None when the key is not a story section of
    it. Raises NoLongerOpen when the link is not open (ended, revoked or never ours). Only reads."""
    link = live_link(token)
    if link is None or link.version is None:
        raise NoLongerOpen(LINK_CLOSED)
    section = _story_section(link.version, key)
    if section is None:
        return None
    return ReflectionTarget(link, link.version, section)


def story_title_now(target: ReflectionTarget) -> str:
    """The story's title if it passes the gate for the version's purpose at this moment; else NoLongerOpen."""
    found = readable_by_id([target.story_id], target.version.purpose.value).get(target.story_id)
    if found is None:
        raise NoLongerOpen(STORY_GONE)
    return found.story.moderated_title or "A story"


def tidy(text: str | None) -> str:
    return (clean_text(text) or "").replace("\r\n", "\n").strip()


def check_text(text: str | None) -> str:
    words = tidy(text)
    if not words:
        raise ReflectionError(EMPTY)
    if len(words) > MAX_CHARS:
        raise ReflectionError(TOO_LONG.format(count=len(words)))
    return words


def personal_details(text: str) -> list[DetailHint]:
    """What the analysis noticed that could show who someone is, once each, in the order it appears. A hint only:
    if the analysis fails the person is simply not told, and can still send their reflection."""
    if not (text or "").strip():
        return []
    try:
        findings: list[Finding] = list(analyse(text, model=current_app.config.get("STORYBANK_SPACY_MODEL")).findings)
    except Exception:  # a hint must never stop someone sending what they took from a story
        current_app.logger.exception("Analysis failed for the hints on a reflection.")
        return []
    hints: list[DetailHint] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        hint = DetailHint(finding.text.strip(), DETAIL_WORDS.get(finding.label, "a personal detail"))
        if hint.text and hint not in hints:
            hints.append(hint)
    return hints


def write_reflection(token: str, key: int, text: str | None) -> Reflection:
    """Save a reflection, waiting for a person to read it. Everything is checked again now: the link is open, the
    key is a story section of its version, the story passes the gate, the words are there and not too long."""
    target = find_target(token, key)
    if target is None:
        raise LookupError(key)
    story_title_now(target)
    words = check_text(text)
    reflection = Reflection(story_id=target.story_id, pack_id=target.version.pack_id, version_id=target.version.id,
                            share_link_id=target.link.id, text=words, status=ReflectionStatus.WAITING)
    db.session.add(reflection)
    db.session.flush()
    record("reflection.written", None, reflection, actor_label=TRAINEE_LABEL,
           after={"story_id": reflection.story_id, "pack_id": reflection.pack_id,
                  "share_link_id": reflection.share_link_id, "characters": len(words)})
    db.session.commit()
    return reflection


def _items(reflections: list[Reflection]) -> list[ReflectionItem]:
    """Each reflection with its pack's title and its story's title, the story only if the gate lets it through
    now for the purpose it was used for (one query per purpose, not one per reflection)."""
    pack_ids = {r.pack_id for r in reflections}
    version_ids = {r.version_id for r in reflections if r.version_id is not None}
    packs = {p.id: p for p in db.session.scalars(select(Pack).where(Pack.id.in_(pack_ids)))} if pack_ids else {}
    versions = ({v.id: v for v in db.session.scalars(select(PackVersion).where(PackVersion.id.in_(version_ids)))}
                if version_ids else {})

    def purpose_of(r: Reflection) -> str:
        version = versions.get(r.version_id)
        return (version.purpose if version is not None else packs[r.pack_id].purpose).value

    readable: dict[str, dict] = {}
    for purpose in {purpose_of(r) for r in reflections}:
        readable[purpose] = readable_by_id((r.story_id for r in reflections if purpose_of(r) == purpose), purpose)
    items = []
    for r in reflections:
        found = readable[purpose_of(r)].get(r.story_id)
        title = (found.story.moderated_title or "A story") if found else None
        items.append(ReflectionItem(r, packs[r.pack_id].title, title))
    return items


def _waiting_page(query, page: int, per_page: int) -> ReflectionPage:
    items, total, page = one_page(query, (Reflection.created_at.asc(), Reflection.id.asc()), page, per_page)
    return ReflectionPage(_items(items), total, page, per_page)


def waiting_for_moderators(page: int = 1, per_page: int = PAGE_SIZE) -> ReflectionPage:
    """Every waiting reflection, the one waiting longest first."""
    return _waiting_page(select(Reflection).where(Reflection.status == ReflectionStatus.WAITING), page, per_page)


def waiting_for_trainer(user: User, page: int = 1, per_page: int = PAGE_SIZE) -> ReflectionPage:
    """The waiting reflections from this trainer's own packs only, the one waiting longest first."""
    query = (select(Reflection).join(Pack, Pack.id == Reflection.pack_id)
             .where(Reflection.status == ReflectionStatus.WAITING, Pack.owner_id == user.id))
    return _waiting_page(query, page, per_page)


def reflection_for_moderator(reflection_id: int) -> Reflection | None:
    return db.session.get(Reflection, reflection_id)


def reflection_for_trainer(user: User, reflection_id: int) -> Reflection | None:
    """The reflection if it came from one of this trainer's packs, else None: another trainer's is a 404."""
    return db.session.scalar(select(Reflection).join(Pack, Pack.id == Reflection.pack_id)
                             .where(Reflection.id == reflection_id, Pack.owner_id == user.id))


def decide(reflection: Reflection, user: User, pass_on: bool, reason: str | None = None) -> Reflection:
    """Pass the reflection on to the person who shared the story, or not. Only a waiting one can be decided. The
    reason is kept only when it is not passed on, and is never shown to the person who shared the story. The
    caller has already checked the person may decide this one (``reflection_for_*``). One conditional UPDATE (only
    while it is still waiting), so when two people decide at once exactly one wins and the other is told kindly."""
    if reflection.status != ReflectionStatus.WAITING:
        raise ReflectionError(ALREADY_DECIDED)
    before = {"status": reflection.status.value}
    decided = db.session.execute(
        update(Reflection)
        .where(Reflection.id == reflection.id, Reflection.status == ReflectionStatus.WAITING)
        .values(status=ReflectionStatus.APPROVED if pass_on else ReflectionStatus.REJECTED, decided_at=utcnow(),
                decided_by_id=user.id, reason="" if pass_on else tidy(reason)[:REASON_MAX_CHARS])
        .execution_options(synchronize_session=False)).rowcount
    if decided != 1:
        db.session.rollback()
        raise ReflectionError(ALREADY_DECIDED)
    db.session.refresh(reflection)
    record("reflection.passed_on" if pass_on else "reflection.not_passed_on", user, reflection, before=before,
           after={"status": reflection.status.value, "story_id": reflection.story_id,
                  "pack_id": reflection.pack_id, "reason_given": bool(reflection.reason)})
    db.session.commit()
    return reflection


def sessions_using(story: Story) -> tuple[list[SessionUse], int]:
    """The training sessions (share links) whose version held the story, newest first, at most a screenful, and
    how many there were in all."""
    query = (select(ShareLink).join(PackVersionStory, PackVersionStory.version_id == ShareLink.version_id)
             .where(PackVersionStory.story_id == story.id))
    if story.withdrawn_at is not None:  # a session opened after it was withdrawn showed only the placeholder
        query = query.where(ShareLink.created_at < story.withdrawn_at)
    count = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    links = db.session.scalars(query.order_by(ShareLink.created_at.desc(), ShareLink.id.desc())
                               .limit(MAX_SESSIONS_SHOWN))
    return [SessionUse(link.created_at, link.session_name or "") for link in links], count


def usage_of(story: Story, page: int = 1, per_page: int = STORY_PAGE_SIZE) -> StoryUsage:
    """For the person who shared the story: the sessions that used it, and the approved reflections only, the
    newest first. Never who wrote them, and nothing about any other story. Only reads."""
    sessions, count = sessions_using(story)
    rows, total, page = one_page(
        select(Reflection).where(Reflection.story_id == story.id, Reflection.status == ReflectionStatus.APPROVED),
        (Reflection.created_at.desc(), Reflection.id.desc()), page, per_page)
    return StoryUsage(sessions=sessions, session_count=count,
                      reflections=[StaffReflection(r.text, r.created_at) for r in rows],
                      total=total, page=page, per_page=per_page)


def init_app(app: Flask) -> None:
    register_usage_source(app, usage_of)
