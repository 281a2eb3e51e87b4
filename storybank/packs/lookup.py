"""The one way a pack page finds the signed-in trainer's own pack: anyone else's is answered as not found."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from storybank.packs import services
from storybank.packs.models import Pack


def own_pack_or_404(pack_id: int) -> Pack:
    pack = services.own_pack(current_user, pack_id)
    if pack is None:
        abort(404)
    return pack
