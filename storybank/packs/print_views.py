"""A pack to print: the handout, the facilitator's version, and a PDF of each, for a trainer's draft, for a
published version, and (the handout only) for a trainee who has a share link.

A draft is for its owner only and a version for its owner and moderators (anyone else gets a 404, as for every other
pack page). A share link's pages are for whoever holds the link while it is open, with the same headers and the same
ended page as the link's own page, and never the facilitator's notes. Each is made from the pack as it reads now,
every story through the consent gate in this request, and nothing is written or kept.
"""

from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.extensions import limiter
from storybank.packs import delivery, services
from storybank.packs.delivery_models import PackVersion
from storybank.packs.delivery_views import (
    TRAINEE_HEADERS,
    for_trainees,
    open_link_or_ended_page,
    readable_version_or_404,
    share_link_limit,
)
from storybank.packs.links import hash_token
from storybank.packs.lookup import own_pack_or_404
from storybank.packs.models import Pack
from storybank.packs.printing import PDF_LIMIT_SCOPE, pdf_limit, pdf_response, render_printable, safe_filename
from storybank.security import ANYONE, access

bp = Blueprint("pack_print", __name__)

FACILITATOR = "facilitator"


def _trainer_or_address() -> str:
    """Trainers in one office share an address, so the limit is each trainer's own."""
    if getattr(current_user, "is_authenticated", False):
        return f"user:{current_user.id}"
    return get_remote_address()


def _link_or_address() -> str:
    """A trainee has no account, and a training room often shares one address: each link has its own count, kept
    under a hash of the token so the secret never reaches the limiter's store."""
    token = (request.view_args or {}).get("token")
    return f"link:{hash_token(token)[:40]}" if token else get_remote_address()



def _printable(pack: Pack, *, facilitator: bool) -> str:
    return render_printable(services.pack_for_reading(pack), facilitator=facilitator,
                            back_url=url_for("packs.preview", pack_id=pack.id))


@bp.route("/packs/<int:pack_id>/print")
@access(Role.TRAINER)
def print_page(pack_id: int):
    """The handout, or with ``?version=facilitator`` the facilitator's version, laid out for printing."""
    return _printable(own_pack_or_404(pack_id), facilitator=request.args.get("version") == FACILITATOR)


@bp.route("/packs/<int:pack_id>/handout.pdf")
@access(Role.TRAINER)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def handout_pdf(pack_id: int):
    pack = own_pack_or_404(pack_id)
    return pdf_response(_printable(pack, facilitator=False), safe_filename(pack.title, "pack") + "-handout.pdf")


@bp.route("/packs/<int:pack_id>/facilitator.pdf")
@access(Role.TRAINER)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def facilitator_pdf(pack_id: int):
    pack = own_pack_or_404(pack_id)
    return pdf_response(_printable(pack, facilitator=True), safe_filename(pack.title, "pack") + "-facilitator.pdf")


def _version_printable(pack: Pack, version: PackVersion, *, facilitator: bool) -> str:
    return render_printable(delivery.version_for_reading(version), facilitator=facilitator,
                            back_url=url_for("pack_delivery.version", pack_id=pack.id, number=version.number))


def _version_filename(version: PackVersion, kind: str) -> str:
    return f"{safe_filename(version.title, 'pack')}-version-{version.number}-{kind}.pdf"


@bp.route("/packs/<int:pack_id>/versions/<int:number>/print")
@access(Role.TRAINER, Role.MODERATOR)
def version_print_page(pack_id: int, number: int):
    """A published version as trainees get it on paper, or with ``?version=facilitator`` with the notes."""
    pack, version = readable_version_or_404(pack_id, number)
    return _version_printable(pack, version, facilitator=request.args.get("version") == FACILITATOR)


@bp.route("/packs/<int:pack_id>/versions/<int:number>/handout.pdf")
@access(Role.TRAINER, Role.MODERATOR)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def version_handout_pdf(pack_id: int, number: int):
    pack, version = readable_version_or_404(pack_id, number)
    return pdf_response(_version_printable(pack, version, facilitator=False), _version_filename(version, "handout"))


@bp.route("/packs/<int:pack_id>/versions/<int:number>/facilitator.pdf")
@access(Role.TRAINER, Role.MODERATOR)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_trainer_or_address)
def version_facilitator_pdf(pack_id: int, number: int):
    pack, version = readable_version_or_404(pack_id, number)
    return pdf_response(_version_printable(pack, version, facilitator=True),
                        _version_filename(version, "facilitator"))


def _trainee_printable(token: str, version: PackVersion) -> str:
    """Always the handout: a share link never carries the facilitator's notes, whatever the address asks for."""
    return render_printable(delivery.version_for_reading(version), facilitator=False,
                            back_url=url_for("pack_delivery.read", token=token))


@bp.route("/s/<token>/print")
@access(ANYONE)
@limiter.limit(share_link_limit)
def trainee_print_page(token: str):
    link, ended = open_link_or_ended_page(token)
    if ended is not None:
        return ended
    return for_trainees(_trainee_printable(token, link.version))


@bp.route("/s/<token>/handout.pdf")
@access(ANYONE)
@limiter.limit(share_link_limit)
@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE, key_func=_link_or_address)
def trainee_handout_pdf(token: str):
    link, ended = open_link_or_ended_page(token)
    if ended is not None:
        return ended
    response = pdf_response(_trainee_printable(token, link.version),
                            _version_filename(link.version, "handout"))
    response.headers.update(TRAINEE_HEADERS)
    return response
