"""The one sanctioned change to consent records: taking the names out of them when a person is erased.

Consent records are append-only (``append_only`` makes the ORM refuse every update and delete), because they are
the proof of what was agreed and when. Erasure must not destroy that proof, but no name may survive it either. So
the scopes, dates, wording version and method stay exactly as they were, and only the two free-text names (the
name chosen to show with the story and the supporter name typed in) are replaced by the same pseudonym the audit
log uses (see ``audit.services.pseudonymise_actor``, the matching exception for the audit log). A Core
``update()`` is used on purpose, so the ORM listener that guards the records is not involved; nothing else may
do this. The caller owns the commit, so the names go together with the rest of the erasure or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, update

from storybank.consent.models import ConsentRecord
from storybank.extensions import db


def pseudonymise_consent_names(story_ids: Iterable[int], label: str, *, person_id: int) -> int:
    """Replace the names in the consent records of the erased person's stories with ``label``.

    Every chosen name to show is replaced. A supporter name is replaced when the person erased recorded it (or the
    account that did is already gone); one written by someone else acting in the erasure, such as an admin's
    "at the person's request" note, names nobody erased and stays. Returns how many names were replaced.
    """
    ids = list(story_ids)
    if not ids:
        return 0
    table = ConsentRecord.__table__
    label = label[:80]
    changed = db.session.execute(
        update(table).where(table.c.story_id.in_(ids), table.c.attribution_name.is_not(None))
        .values(attribution_name=label)
    ).rowcount or 0
    changed += db.session.execute(
        update(table).where(table.c.story_id.in_(ids), table.c.recorded_by_name.is_not(None),
                            or_(table.c.recorded_by_id.is_(None), table.c.recorded_by_id == person_id))
        .values(recorded_by_name=label)
    ).rowcount or 0
    return changed
