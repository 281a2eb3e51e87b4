"""The part of a person's copy of their data that comes from working here: API tokens, saved searches and training
packs. Never a token itself (only its name and dates) and never a story's words (a pack keeps only which story)."""

from __future__ import annotations

from sqlalchemy import select

from storybank.accounts.models import User
from storybank.api.models import ApiToken
from storybank.extensions import db
from storybank.packs.delivery_models import PackVersion, ShareLink
from storybank.packs.models import Pack
from storybank.search.models import SavedSearch


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _pack(pack: Pack) -> dict:
    versions = db.session.scalars(select(PackVersion).where(PackVersion.pack_id == pack.id)
                                  .order_by(PackVersion.number)).all()
    links = db.session.scalars(select(ShareLink).join(PackVersion).where(PackVersion.pack_id == pack.id)
                               .order_by(ShareLink.id)).all()
    return {
        "title": pack.title, "audience": pack.audience, "duration_minutes": pack.duration_minutes,
        "learning_outcomes": pack.learning_outcomes, "introduction": pack.introduction,
        "purpose": pack.purpose.value, "made_at": _when(pack.created_at), "changed_at": _when(pack.updated_at),
        "sections": [{"kind": s.kind.value, "title": s.title, "notes_or_activity": s.body,
                      "questions": list(s.prompts or []), "is_a_story": s.story_id is not None}
                     for s in pack.sections],
        "versions_published": [{"number": v.number, "published_at": _when(v.published_at)} for v in versions],
        "share_links": [{"session_name": link.session_name, "made_at": _when(link.created_at),
                         "ends_at": _when(link.expires_at), "stopped_at": _when(link.revoked_at)}
                        for link in links],
    }


def work_data(person: User) -> dict:
    tokens = db.session.scalars(select(ApiToken).where(ApiToken.user_id == person.id).order_by(ApiToken.id))
    searches = db.session.scalars(select(SavedSearch).where(SavedSearch.user_id == person.id)
                                  .order_by(SavedSearch.id))
    packs = db.session.scalars(select(Pack).where(Pack.owner_id == person.id).order_by(Pack.id))
    return {
        "api_tokens": [{"name": token.name, "made_at": _when(token.created_at),
                        "stopped_at": _when(token.revoked_at)} for token in tokens],
        "saved_searches": [{"name": saved.name, "search": saved.query, "saved_at": _when(saved.created_at)}
                           for saved in searches],
        "training_packs": [_pack(pack) for pack in packs],
    }
