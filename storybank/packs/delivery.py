"""Publishing a pack, its versions, copying it, share links for trainees, and what the trainer's dashboard shows.

A version is frozen: the pack's own words at the moment it was published, and only the ids of its stories. Every
story is read through the consent gate each time a version is shown (``version_for_reading``), so a story withdrawn
a moment ago is gone from every version and every share link in the next request.

A share link's token is made here, shown once to the trainer who made it, and never kept: the database holds only
its SHA-256 (see ``links``). Every change is checked against the pack's owner, audited and committed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.forms_common import clean_text
from storybank.library.reading import readable_by_id
from storybank.packs import links
from storybank.packs.delivery_models import PackVersion, PackVersionStory, Reflection, ReflectionStatus, ShareLink
from storybank.packs.models import Pack, PackPurpose, PackSection, PackStatus, SectionKind
from storybank.packs.services import MAX_SECTIONS, PackError, PackForReading, ReadingSection, _check_owner, _touch
from storybank.paging import Pages, one_page

DEFAULT_LINK_DAYS = 30
MAX_LINK_DAYS = 366
SESSION_NAME_CHARS = 120
LINKS_PER_PAGE = 20
VERSIONS_PER_PAGE = 20
VERSIONS_ON_SHARING = 5

NO_STORY = ("A pack needs at least one story before it can be published. Please add a story, then publish "
            "again.")
STORY_GONE = ("One of the stories in this pack can no longer be used, so it cannot be published yet. Please take "
              "that story out of the pack, then publish again.")


@dataclass(frozen=True)
class VersionSection:
    """One section of a version, with the same names a draft's section has, so one template reads both."""

    key: int
    kind: SectionKind
    story_id: int | None
    title: str
    body: str
    prompts: tuple[str, ...]
    raw: dict

    @property
    def id(self) -> int:
        return self.key


@dataclass(frozen=True)
class ShareLinkMade:
    """The new link and its token. The token lives only as long as the page that shows it."""

    link: ShareLink
    token: str


def _version_section(raw: dict) -> VersionSection:
    return VersionSection(key=int(raw["key"]), kind=SectionKind(raw["kind"]), story_id=raw.get("story_id"),
                          title=raw.get("title") or "", body=raw.get("body") or "",
                          prompts=tuple(raw.get("prompts") or ()), raw=raw)


def _frozen_section(key: int, section: PackSection) -> dict:
    """A copy of the section's own words. A story section keeps only the story's id and its questions."""
    is_story = section.kind == SectionKind.STORY
    return {"key": key, "kind": section.kind.value, "story_id": section.story_id if is_story else None,
            "title": "" if is_story else section.title, "body": "" if is_story else section.body,
            "prompts": list(section.prompts or [])}


def newest_version(pack_id: int) -> PackVersion | None:
    return db.session.scalar(select(PackVersion).where(PackVersion.pack_id == pack_id)
                             .order_by(PackVersion.number.desc()).limit(1))


def version_of(pack_id: int, number: int) -> PackVersion | None:
    return db.session.scalar(select(PackVersion).where(PackVersion.pack_id == pack_id,
                                                       PackVersion.number == number))


def readable_version(user: User, pack_id: int, number: int) -> tuple[Pack, PackVersion] | None:
    """A published version and its pack, for the trainer who owns the pack and for moderators (who already read
    every story, and may need to see what trainees were shown when a reflection or a concern comes in). Anyone else
    gets None, as if there were no such version: the version page, its print pages and PDFs share this rule."""
    pack = db.session.get(Pack, pack_id)
    if pack is None or not (pack.owner_id == user.id or user.has_role(Role.MODERATOR)):
        return None
    found = version_of(pack.id, number)
    return (pack, found) if found is not None else None


@dataclass(frozen=True)
class Listing(Pages):
    items: list
    total: int
    page: int
    per_page: int


def versions_of(pack_id: int, page: int = 1, per_page: int = VERSIONS_PER_PAGE) -> Listing:
    """The pack's published versions, newest first, a page at a time."""
    items, total, page = one_page(select(PackVersion).where(PackVersion.pack_id == pack_id),
                                  (PackVersion.number.desc(),), page, per_page)
    return Listing(items=items, total=total, page=page, per_page=per_page)


def publish(pack: Pack, owner: User) -> PackVersion:
    """Freeze the pack's words as its next version. Only a pack whose stories may all be used now is published:
    a trainee never opens a new version with a gap where a story was."""
    _check_owner(pack, owner)
    story_ids = [s.story_id for s in pack.sections if s.kind == SectionKind.STORY]
    if not story_ids:
        raise PackError(NO_STORY)
    usable = readable_by_id(story_ids, pack.purpose.value)
    if any(story_id not in usable for story_id in story_ids):
        raise PackError(STORY_GONE)
    previous = newest_version(pack.id)
    version = PackVersion(
        pack_id=pack.id, number=(previous.number if previous else 0) + 1, published_by_id=owner.id,
        published_at=utcnow(), title=pack.title, audience=pack.audience, duration_minutes=pack.duration_minutes,
        learning_outcomes=pack.learning_outcomes, introduction=pack.introduction, purpose=pack.purpose,
        sections=[_frozen_section(key, section) for key, section in enumerate(pack.sections, start=1)])
    db.session.add(version)
    try:
        db.session.flush()
    except IntegrityError as error:  # the same pack published twice at once (a double click): one wins
        db.session.rollback()
        raise PackError("This pack was published a moment ago. Please look at its versions.") from error
    for story_id in sorted(set(story_ids)):
        db.session.add(PackVersionStory(version_id=version.id, story_id=story_id))
    record("pack.published", owner, pack, after={"version": version.number, "version_id": version.id,
                                                 "stories": sorted(set(story_ids))})
    db.session.commit()
    return version


def duplicate(pack: Pack, owner: User) -> tuple[Pack, int]:
    """A new draft with the same words and sections, called "Copy of …". A story that may no longer be used is left
    out (a new pack never starts with a story outside the gate); returns the copy and how many were left out."""
    _check_owner(pack, owner)
    story_ids = [s.story_id for s in pack.sections if s.kind == SectionKind.STORY]
    usable = readable_by_id(story_ids, pack.purpose.value)
    copy = Pack(owner_id=owner.id, title=f"Copy of {pack.title}"[:200], audience=pack.audience,
                duration_minutes=pack.duration_minutes, learning_outcomes=pack.learning_outcomes,
                introduction=pack.introduction, purpose=pack.purpose, status=PackStatus.DRAFT)
    left_out = 0
    for section in pack.sections[:MAX_SECTIONS]:
        if section.kind == SectionKind.STORY and section.story_id not in usable:
            left_out += 1
            continue
        copy.sections.append(PackSection(position=len(copy.sections) + 1, kind=section.kind,
                                         story_id=section.story_id, title=section.title, body=section.body,
                                         prompts=list(section.prompts or [])))
    db.session.add(copy)
    db.session.flush()
    record("pack.duplicated", owner, copy, after={"from_pack_id": pack.id, "title": copy.title,
                                                  "sections": len(copy.sections), "stories_left_out": left_out})
    db.session.commit()
    return copy, left_out


def version_for_reading(version: PackVersion) -> PackForReading:
    """A version as a reader sees it at this moment, with the same shape as ``services.pack_for_reading``: the
    version's own words, and every story read through the consent gate now (None for one that no longer passes,
    shown as the placeholder). Writes nothing."""
    sections = [_version_section(raw) for raw in version.sections or []]
    stories = readable_by_id((s.story_id for s in sections if s.kind == SectionKind.STORY), version.purpose.value)
    return PackForReading(version, [
        ReadingSection(section, stories.get(section.story_id) if section.kind == SectionKind.STORY else None)
        for section in sections])


def _today(timezone: str) -> date:
    return utcnow().astimezone(ZoneInfo(timezone)).date()


def default_end_day(timezone: str) -> date:
    return _today(timezone) + timedelta(days=DEFAULT_LINK_DAYS)


def check_end_day(day: date, timezone: str) -> None:
    """The last day a link works: today at the earliest, about a year from now at the latest."""
    today = _today(timezone)
    if day < today:
        raise PackError("The last day must be today or later. Please choose a date in the future.")
    if day > today + timedelta(days=MAX_LINK_DAYS - 1):
        raise PackError("A link can last up to a year. Please choose a date within the next year.")


def end_of_day(day: date, timezone: str) -> datetime:
    """A link works until midnight at the end of its last day, in the service's own time zone."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=ZoneInfo(timezone)).astimezone(
        utcnow().tzinfo)


def create_share_link(pack: Pack, owner: User, session_name: str, last_day: date, timezone: str) -> ShareLinkMade:
    """A new link to the pack's newest version. The token is returned once and kept only as its hash."""
    _check_owner(pack, owner)
    version = newest_version(pack.id)
    if version is None:
        raise PackError("Please publish the pack before you make a link to it.")
    check_end_day(last_day, timezone)
    name = " ".join((clean_text(session_name) or "").split())[:SESSION_NAME_CHARS]
    token = links.new_token()
    link = ShareLink(version_id=version.id, token_hash=links.hash_token(token), session_name=name,
                     created_by_id=owner.id, created_at=utcnow(), expires_at=end_of_day(last_day, timezone))
    db.session.add(link)
    db.session.flush()
    record("share_link.created", owner, link, after={"pack_id": pack.id, "version": version.number,
                                                     "session_name": name, "expires_at": link.expires_at.isoformat()})
    db.session.commit()
    return ShareLinkMade(link, token)


def links_of(pack: Pack, page: int = 1, per_page: int = LINKS_PER_PAGE) -> Listing:
    """The pack's share links, newest first, a page at a time."""
    items, total, page = one_page(
        select(ShareLink).join(PackVersion, ShareLink.version_id == PackVersion.id)
        .where(PackVersion.pack_id == pack.id), (ShareLink.created_at.desc(), ShareLink.id.desc()), page, per_page)
    return Listing(items=items, total=total, page=page, per_page=per_page)


def own_link(pack: Pack, link_id: int) -> ShareLink | None:
    return db.session.scalar(select(ShareLink).join(PackVersion, ShareLink.version_id == PackVersion.id)
                             .where(ShareLink.id == link_id, PackVersion.pack_id == pack.id))


def revoke_share_link(pack: Pack, owner: User, link: ShareLink) -> bool:
    """End a link now. Returns False when it had already ended (nothing changes)."""
    _check_owner(pack, owner)
    if link.revoked_at is not None:
        return False
    link.revoked_at = utcnow()
    record("share_link.revoked", owner, link, after={"pack_id": pack.id, "revoked_at": link.revoked_at.isoformat()})
    _touch(pack)
    db.session.commit()
    return True


def link_status(link: ShareLink, now: datetime | None = None) -> str:
    """"open", "revoked" or "ended", for the trainer's list."""
    if link.revoked_at is not None:
        return "revoked"
    return "open" if links.is_open(link, now) else "ended"


@dataclass(frozen=True)
class PackSummary:
    pack: Pack
    newest: PackVersion | None
    open_links: list[ShareLink]
    unusable_stories: int


@dataclass(frozen=True)
class Dashboard(Pages):
    packs: list[PackSummary]
    total: int
    page: int
    per_page: int
    packs_with_unusable_stories: list[tuple[Pack, int]]
    reflections_waiting: int


def _newest_versions(pack_ids: list[int]) -> dict[int, PackVersion]:
    if not pack_ids:
        return {}
    newest = (select(PackVersion.pack_id, func.max(PackVersion.number).label("number"))
              .where(PackVersion.pack_id.in_(pack_ids)).group_by(PackVersion.pack_id).subquery())
    rows = db.session.scalars(select(PackVersion).join(
        newest, (PackVersion.pack_id == newest.c.pack_id) & (PackVersion.number == newest.c.number)))
    return {version.pack_id: version for version in rows}


def unusable_story_counts(owner: User) -> list[tuple[Pack, int]]:
    """Each of the trainer's packs whose draft or newest version holds a story that no longer passes the gate,
    with how many: never which story or any of its words. One gate query per purpose."""
    packs = list(db.session.scalars(select(Pack).where(Pack.owner_id == owner.id)
                                    .order_by(Pack.updated_at.desc(), Pack.id.desc())))
    versions = _newest_versions([pack.id for pack in packs])
    wanted: dict[int, set[int]] = {}
    for pack in packs:
        ids = {s.story_id for s in pack.sections if s.kind == SectionKind.STORY and s.story_id}
        version = versions.get(pack.id)
        if version is not None:
            ids |= {raw.get("story_id") for raw in version.sections or [] if raw.get("kind") == "story"}
        ids.discard(None)
        wanted[pack.id] = ids
    usable: dict[str, set[int]] = {}
    for purpose in PackPurpose:
        ids = set().union(*(wanted[p.id] for p in packs if p.purpose == purpose)) if packs else set()
        usable[purpose.value] = set(readable_by_id(ids, purpose.value)) if ids else set()
    found = []
    for pack in packs:
        gone = len(wanted[pack.id] - usable[pack.purpose.value])
        # a story section whose story was erased keeps no id: it can no longer be used either
        gone += sum(1 for s in pack.sections if s.kind == SectionKind.STORY and s.story_id is None)
        if gone:
            found.append((pack, gone))
    return found


def dashboard(owner: User, page: int = 1, per_page: int = 20) -> Dashboard:
    """What a trainer needs at a glance. Reads only; the stories are asked through the gate now."""
    items, total, page = one_page(select(Pack).where(Pack.owner_id == owner.id),
                                  (Pack.updated_at.desc(), Pack.id.desc()), page, per_page)
    versions = _newest_versions([pack.id for pack in items])
    now = utcnow()
    open_links: dict[int, list[ShareLink]] = {}
    if versions:
        rows = db.session.scalars(select(ShareLink).where(
            ShareLink.version_id.in_([v.id for v in versions.values()]), ShareLink.revoked_at.is_(None),
            ShareLink.expires_at > now).order_by(ShareLink.expires_at))
        by_version = {v.id: pack_id for pack_id, v in versions.items()}
        for link in rows:
            open_links.setdefault(by_version[link.version_id], []).append(link)
    unusable = unusable_story_counts(owner)
    counts = {pack.id: gone for pack, gone in unusable}
    waiting = db.session.scalar(select(func.count()).select_from(Reflection).join(Pack, Reflection.pack_id == Pack.id)
                                .where(Pack.owner_id == owner.id, Reflection.status == ReflectionStatus.WAITING))
    return Dashboard(
        packs=[PackSummary(pack, versions.get(pack.id), open_links.get(pack.id, []), counts.get(pack.id, 0))
               for pack in items],
        total=total, page=page, per_page=per_page, packs_with_unusable_stories=unusable,
        reflections_waiting=waiting or 0)
