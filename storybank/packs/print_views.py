"""A trainer's own draft pack to print: the handout, the facilitator's version, and a PDF of each.

Only the pack's owner may have them (anyone else gets a 404, as for every other pack page). Each is made from the
pack as it reads now, every story through the consent gate in this request, and nothing is written or kept.
"""

from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.extensions import limiter
from storybank.packs import services
from storybank.packs.models import Pack
from storybank.packs.printing import PDF_LIMIT_SCOPE, pdf_limit, pdf_response, render_printable, safe_filename
from storybank.security import access

bp = Blueprint("pack_print", __name__)

FACILITATOR = "facilitator"


def _trainer_or_address() -> str:
    """Trainers in one office share an address, so the limit is each trainer's own."""
    if getattr(current_user, "is_authenticated", False):
        return f"user:{current_user.id}"
    return get_remote_address()


def _own_pack_or_404(pack_id: int) -> Pack:
    pack = services.own_pack(current_user, pack_id)
    if pack is None:
        abort(404)
    return pack


def _printable(pack: Pack, *, facilitator: bool) -> str:
    return render_printable(services.pack_for_reading(pack), facilitator=facilitator,
                            back_url=url_for("packs.preview", pack_id=pack.id))


@bp.route("/packs/<int:pack_id>/print")
@access(Role.TRAINER)
def print_page(pack_id: int):
    """The handout, or with ``?version=facilitator`` the facilitator's version, laid out for printing."""
    return _printable(_own_pack_or_404(pack_id), facilitator=request.args.get("version") == FACILITATOR)


@bp.route("/packs/<int:pack_id>/handout.pdf")
@access(Role.TRAINER)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def handout_pdf(pack_id: int):
    pack = _own_pack_or_404(pack_id)
    return pdf_response(_printable(pack, facilitator=False), safe_filename(pack.title, "pack") + "-handout.pdf")


@bp.route("/packs/<int:pack_id>/facilitator.pdf")
@access(Role.TRAINER)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def facilitator_pdf(pack_id: int):
    pack = _own_pack_or_404(pack_id)
    return pdf_response(_printable(pack, facilitator=True), safe_filename(pack.title, "pack") + "-facilitator.pdf")
