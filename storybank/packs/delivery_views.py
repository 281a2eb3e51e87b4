"""Publishing and sharing a pack, its versions, the trainer's dashboard, and the page a trainee opens from a link.

Views are thin: they find the pack (someone else's is a 404), read a form, call one service in ``delivery`` and
render or redirect. Every page reads each story through the consent gate as it is drawn, and writes nothing.

Who reads a published version at ``/packs/<id>/versions/<n>`` (and its print pages and PDFs): the trainer who owns
the pack, and moderators (``delivery.readable_version`` says why). Other trainers get a 404, as for every pack page;
admins see the audit log, not the stories.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.extensions import limiter
from storybank.packs import delivery, links, services
from storybank.packs.delivery_models import PackVersion, ShareLink
from storybank.packs.forms import ButtonForm, ShareLinkForm
from storybank.packs.lookup import own_pack_or_404
from storybank.packs.models import Pack
from storybank.paging import requested_page
from storybank.security import ANYONE, access

bp = Blueprint("pack_delivery", __name__)

TRAINEE_HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
"""A share link is a secret in the address: it must not leak to another site, a cache or a search engine."""


@bp.app_template_filter("last_day_of")
def last_day_of(link):
    """A link ends at midnight after its last day: say that day ("until the end of 3 January"), not the next."""
    return link.expires_at - timedelta(seconds=1)


def share_link_limit() -> str:
    return current_app.config.get("SHARE_LINK_RATE_LIMIT", "60 per minute;600 per hour")




def _timezone() -> str:
    return current_app.config["STORYBANK_TIMEZONE"]


def readable_version_or_404(pack_id: int, number: int) -> tuple[Pack, PackVersion]:
    found = delivery.readable_version(current_user, pack_id, number)
    if found is None:
        abort(404)
    return found


@bp.route("/packs/dashboard")
@access(Role.TRAINER)
def dashboard():
    reflections_url = (url_for("reflections.trainer_queue")
                       if "reflections.trainer_queue" in current_app.view_functions else None)
    return render_template("packs/dashboard.html", board=delivery.dashboard(current_user, page=requested_page()),
                           reflections_url=reflections_url)


@bp.route("/packs/<int:pack_id>/publish", methods=["POST"])
@access(Role.TRAINER)
def publish(pack_id: int):
    pack = own_pack_or_404(pack_id)
    if not ButtonForm().validate():
        abort(400)
    try:
        version = delivery.publish(pack, current_user)
    except services.PackError as error:
        flash(error.message, "error")
        return redirect(url_for("packs.builder", pack_id=pack.id))
    flash(f"Version {version.number} is published. Trainees with a link now see this version. You can make a "
          "link below.", "success")
    return redirect(url_for("pack_delivery.sharing", pack_id=pack.id))


@bp.route("/packs/<int:pack_id>/duplicate", methods=["POST"])
@access(Role.TRAINER)
def duplicate(pack_id: int):
    pack = own_pack_or_404(pack_id)
    if not ButtonForm().validate():
        abort(400)
    copy, left_out = delivery.duplicate(pack, current_user)
    message = f"“{copy.title}” is made. It is a new draft: change it as you like."
    if left_out:
        message += (f" {left_out} {'story' if left_out == 1 else 'stories'} could no longer be used, so "
                    f"{'it was' if left_out == 1 else 'they were'} left out.")
    flash(message, "success")
    return redirect(url_for("packs.builder", pack_id=copy.id))


@bp.route("/packs/<int:pack_id>/versions/<int:number>")
@access(Role.TRAINER, Role.MODERATOR)
def version(pack_id: int, number: int):
    """A published version as trainees see it now (stories through the gate). The owner and moderators only."""
    pack, found = readable_version_or_404(pack_id, number)
    newest = delivery.newest_version(pack.id)
    return render_template("packs/version.html", pack=pack, version=found, newest=newest,
                           is_owner=pack.owner_id == current_user.id,
                           reading=delivery.version_for_reading(found), show_notes=request.args.get("notes") == "show",
                           placeholder=services.PLACEHOLDER)


def _render_sharing(pack: Pack, form: ShareLinkForm, status: int = 200, made=None):
    return render_template("packs/sharing.html", pack=pack, form=form, made=made,
                           versions=delivery.versions_of(pack.id, per_page=delivery.VERSIONS_ON_SHARING),
                           share_links=delivery.links_of(pack, page=requested_page()), status_of=delivery.link_status,
                           button_form=ButtonForm(formdata=None)), status


@bp.route("/packs/<int:pack_id>/versions")
@access(Role.TRAINER)
def versions(pack_id: int):
    pack = own_pack_or_404(pack_id)
    return render_template("packs/versions.html", pack=pack,
                           versions=delivery.versions_of(pack.id, page=requested_page()))


@bp.route("/packs/<int:pack_id>/sharing", methods=["GET", "POST"])
@access(Role.TRAINER)
def sharing(pack_id: int):
    """The versions and share links of a pack. The answer to making a link is the only page that ever shows its
    full address: it is not kept, flashed or logged anywhere."""
    pack = own_pack_or_404(pack_id)
    if request.method == "GET":
        form = ShareLinkForm(formdata=None, last_day=delivery.default_end_day(_timezone()).strftime("%d/%m/%Y"))
        return _render_sharing(pack, form)
    form = ShareLinkForm()
    if form.validate():
        try:
            made = delivery.create_share_link(pack, current_user, form.session_name.data or "", form.day(),
                                              _timezone())
        except services.PackError as error:
            form.last_day.errors = [*form.last_day.errors, error.message]
        else:
            address = url_for("pack_delivery.read", token=made.token, _external=True)
            fresh = ShareLinkForm(formdata=None,
                                  last_day=delivery.default_end_day(_timezone()).strftime("%d/%m/%Y"))
            return _render_sharing(pack, fresh, 201, made={"link": made.link, "address": address})
    return _render_sharing(pack, form, 400)


@bp.route("/packs/<int:pack_id>/links/<int:link_id>/end", methods=["GET", "POST"])
@access(Role.TRAINER)
def end_link(pack_id: int, link_id: int):
    """Ending a link asks first (GET), then ends it (POST)."""
    pack = own_pack_or_404(pack_id)
    link = delivery.own_link(pack, link_id)
    if link is None:
        abort(404)
    form = ButtonForm()
    if request.method == "POST":
        if not form.validate():
            abort(400)
        if delivery.revoke_share_link(pack, current_user, link):
            flash("The link is ended. Anyone who opens it now is asked to get a new link from you.", "success")
        else:
            flash("That link had already ended.", "info")
        return redirect(url_for("pack_delivery.sharing", pack_id=pack.id))
    return render_template("packs/end_link.html", pack=pack, link=link, form=ButtonForm(formdata=None),
                           status=delivery.link_status(link))


def for_trainees(body, status: int = 200):
    """A response for someone who came by a share link, with the headers that keep the link to themselves."""
    response = current_app.make_response((body, status))
    response.headers.update(TRAINEE_HEADERS)
    return response


def open_link_or_ended_page(token: str) -> tuple[ShareLink | None, Response | None]:
    """The open link for this token, or the kind "this link has ended" page (404 for a token that is not ours, 410
    for one that ended) with nothing of the pack on it. Every page a trainee opens by a link starts here."""
    link = links.link_for_token(token)
    if link is None or not links.is_open(link):
        return None, for_trainees(render_template("packs/link_ended.html"), 404 if link is None else 410)
    return link, None


@bp.route("/s/<token>")
@access(ANYONE)
@limiter.limit(share_link_limit)
def read(token: str):
    """A pack opened from a share link, with no account. The stories are read through the gate now; the notes for
    the facilitator are never shown. An ended or unknown link says so kindly and shows nothing of the pack."""
    link, ended = open_link_or_ended_page(token)
    if ended is not None:
        return ended
    reading = delivery.version_for_reading(link.version)
    return for_trainees(render_template("packs/trainee.html", reading=reading, placeholder=services.PLACEHOLDER,
                                        show_notes=False, token=token, reflection_token=token,
                                        session_name=link.session_name))
