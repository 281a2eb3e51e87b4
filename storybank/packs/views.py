"""A trainer's packs: the list, a new pack, the builder, finding a story to add, a section's words, the preview.

Views are thin: they find the trainer's own pack (anyone else's is a 404, for every page and action), read a form,
call one service and redirect. The builder and the preview read each story through the consent gate as they draw
the page, and write nothing.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.consent.models import Purpose
from storybank.forms_common import query_text
from storybank.library.reading import readable
from storybank.packs import delivery, services
from storybank.packs.forms import AddStoryForm, ButtonForm, MoveForm, NewSectionForm, PackForm, SectionForm
from storybank.packs.lookup import own_pack_or_404
from storybank.packs.models import Pack, PackSection, SectionKind
from storybank.paging import requested_page
from storybank.search.services import SearchFilters, search
from storybank.security import access

bp = Blueprint("packs", __name__)

QUERY_MAX_CHARS = 200




def _own_section_or_404(pack: Pack, section_id: int) -> PackSection:
    section = services.own_section(pack, section_id)
    if section is None:
        abort(404)
    return section


def _to_builder(pack: Pack, anchor: str = ""):
    return redirect(url_for("packs.builder", pack_id=pack.id) + (f"#{anchor}" if anchor else ""))


@bp.route("/packs")
@access(Role.TRAINER)
def my_packs():
    listing = services.packs_of(current_user, page=requested_page())
    return render_template("packs/mine.html", listing=listing)


@bp.route("/packs/new", methods=["GET", "POST"])
@access(Role.TRAINER)
def new_pack():
    form = PackForm()
    if form.validate_on_submit():
        try:
            pack = services.create_pack(current_user, form.details())
        except services.PackError as error:
            form.title.errors = [*form.title.errors, error.message]
        else:
            flash(f"Your pack “{pack.title}” is made. Now add stories and activities.", "success")
            return _to_builder(pack)
    return render_template("packs/new.html", form=form), 400 if request.method == "POST" else 200


def _render_builder(pack: Pack, form: PackForm | None = None, status: int = 200):
    if form is None:
        form = PackForm(formdata=None, obj=pack, purpose=pack.purpose.value)
    return render_template("packs/builder.html", pack=pack, reading=services.pack_for_reading(pack), form=form,
                           button_form=ButtonForm(formdata=None), move_form=MoveForm(formdata=None),
                           new_section_form=NewSectionForm(formdata=None), placeholder=services.PLACEHOLDER,
                           newest=delivery.newest_version(pack.id)), status


@bp.route("/packs/<int:pack_id>")
@access(Role.TRAINER)
def builder(pack_id: int):
    return _render_builder(own_pack_or_404(pack_id))


@bp.route("/packs/<int:pack_id>/details", methods=["POST"])
@access(Role.TRAINER)
def edit_details(pack_id: int):
    pack = own_pack_or_404(pack_id)
    form = PackForm()
    if form.validate():
        try:
            services.update_pack(pack, current_user, form.details())
        except services.PackError as error:
            form.purpose.errors = [*form.purpose.errors, error.message]
        else:
            flash("The pack's details are saved.", "success")
            return _to_builder(pack)
    return _render_builder(pack, form, 400)


@bp.route("/packs/<int:pack_id>/sections", methods=["POST"])
@access(Role.TRAINER)
def add_section(pack_id: int):
    pack = own_pack_or_404(pack_id)
    form = NewSectionForm()
    if not form.validate():
        abort(400)
    try:
        section = services.add_section(pack, current_user, SectionKind(form.kind.data))
    except services.PackError as error:
        flash(error.message, "error")
        return _to_builder(pack, "sections")
    return redirect(url_for("packs.edit_section", pack_id=pack.id, section_id=section.id))


@bp.route("/packs/<int:pack_id>/default-activities", methods=["POST"])
@access(Role.TRAINER)
def add_default_activities(pack_id: int):
    pack = own_pack_or_404(pack_id)
    try:
        services.add_default_activities(pack, current_user)
    except services.PackError as error:
        flash(error.message, "error")
    else:
        flash("The four questions, STOP / START / STAY and the kindness test are added at the end. You can change "
              "their words or take any of them out.", "success")
    return _to_builder(pack, "sections")


@bp.route("/packs/<int:pack_id>/sections/<int:section_id>", methods=["GET", "POST"])
@access(Role.TRAINER)
def edit_section(pack_id: int, section_id: int):
    pack = own_pack_or_404(pack_id)
    section = _own_section_or_404(pack, section_id)
    if request.method == "POST":
        form = SectionForm()
        if form.validate():
            try:
                services.update_section(pack, current_user, section, form.text())
            except services.PackError as error:
                form.title.errors = [*form.title.errors, error.message]
            else:
                flash("Your changes are saved.", "success")
                return _to_builder(pack, f"section-{section.id}")
        status = 400
    else:
        form = SectionForm(formdata=None, title=section.title, body=section.body,
                           prompts="\n".join(section.prompts or []))
        status = 200
    reading = services.pack_for_reading(pack)
    item = next(item for item in reading.sections if item.section.id == section.id)
    return render_template("packs/section.html", pack=pack, item=item, form=form,
                           placeholder=services.PLACEHOLDER), status


@bp.route("/packs/<int:pack_id>/sections/<int:section_id>/move", methods=["POST"])
@access(Role.TRAINER)
def move_section(pack_id: int, section_id: int):
    pack = own_pack_or_404(pack_id)
    section = _own_section_or_404(pack, section_id)
    form = MoveForm()
    if not form.validate():
        abort(400)
    if not services.move_section(pack, current_user, section, form.direction.data):
        flash(f"That section is already {'first' if form.direction.data == 'up' else 'last'}.", "info")
    return _to_builder(pack, f"section-{section_id}")


@bp.route("/packs/<int:pack_id>/sections/<int:section_id>/remove", methods=["POST"])
@access(Role.TRAINER)
def remove_section(pack_id: int, section_id: int):
    pack = own_pack_or_404(pack_id)
    section = _own_section_or_404(pack, section_id)
    services.remove_section(pack, current_user, section)  # CSRF was checked by CSRFProtect before we got here
    flash("The section is taken out of the pack.", "success")
    return _to_builder(pack, "sections")


@bp.route("/packs/<int:pack_id>/stories")
@access(Role.TRAINER)
def find_story(pack_id: int):
    """The ordinary search, for the pack's purpose only, so every story offered may be added."""
    pack = own_pack_or_404(pack_id)
    words = query_text(request.args.get("q"), QUERY_MAX_CHARS)
    results = search(SearchFilters(text=words, purpose=Purpose(pack.purpose.value)), page=requested_page())
    in_pack = {section.story_id for section in pack.sections if section.story_id}
    return render_template("packs/find_story.html", pack=pack, words=words, results=results,
                           cards=readable(hit.story for hit in results.hits),
                           snippets={hit.story.id: hit.snippet for hit in results.hits}, in_pack=in_pack,
                           add_form=AddStoryForm(formdata=None))


@bp.route("/packs/<int:pack_id>/stories/add", methods=["POST"])
@access(Role.TRAINER)
def add_story(pack_id: int):
    pack = own_pack_or_404(pack_id)
    form = AddStoryForm()
    if not form.validate():
        flash("Please choose a story to add.", "error")
        return redirect(url_for("packs.find_story", pack_id=pack.id))
    try:
        section = services.add_story(pack, current_user, form.reference.data)
    except services.PackError as error:
        flash(error.message, "error")
        return redirect(url_for("packs.find_story", pack_id=pack.id))
    flash("The story is added, with the “walk a mile in their shoes” questions. You can change the questions.",
          "success")
    return _to_builder(pack, f"section-{section.id}")


@bp.route("/packs/<int:pack_id>/preview")
@access(Role.TRAINER)
def preview(pack_id: int):
    """The pack as a trainee will read it: every story read through the gate now, warnings first. The facilitator's
    notes are for the trainer, so they are shown only when asked for (``?notes=show``)."""
    pack = own_pack_or_404(pack_id)
    return render_template("packs/preview.html", pack=pack, reading=services.pack_for_reading(pack),
                           show_notes=request.args.get("notes") == "show", placeholder=services.PLACEHOLDER)
