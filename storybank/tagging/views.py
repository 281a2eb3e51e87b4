"""Admin pages for the taxonomy: groups, tags, renaming, merging and deleting. Views are thin; services decide."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.paging import requested_page
from storybank.security import access
from storybank.tagging import services
from storybank.tagging.forms import DeleteForm, GroupForm, MergeForm, TagForm
from storybank.tagging.models import StoryTag, Tag, TagGroup, TagStatus

bp = Blueprint("taxonomy", __name__, url_prefix="/admin/taxonomy")

PAGE_SIZE = 50


def _status(form) -> int:
    return 400 if form.errors else 200


def _field_error(form, error: services.TaggingError) -> None:
    db.session.rollback()
    field = getattr(form, error.field or "", None) or next(iter(form))
    field.errors = [*field.errors, error.message]


@bp.route("/")
@access(Role.ADMIN)
def index():
    counts = dict(db.session.execute(select(Tag.group_id, func.count()).group_by(Tag.group_id)).all())
    return render_template("tagging/index.html", groups=services.groups(), counts=counts)


@bp.route("/groups/new", methods=["GET", "POST"])
@access(Role.ADMIN)
def add_group():
    form = GroupForm()
    if form.validate_on_submit():
        try:
            group = services.add_group(form.name.data, form.description.data or "", current_user)
        except services.TaggingError as error:
            _field_error(form, error)
        else:
            flash(f"Added the group “{group.name}”. You can now add tags to it.", "success")
            return redirect(url_for("taxonomy.group", group_id=group.id))
    return render_template("tagging/group_form.html", form=form), _status(form)


@bp.route("/groups/<int:group_id>")
@access(Role.ADMIN)
def group(group_id: int):
    tag_group = db.session.get(TagGroup, group_id) or abort(404)
    page = requested_page()
    total = db.session.scalar(select(func.count()).select_from(Tag).where(Tag.group_id == tag_group.id)) or 0
    tags = db.session.scalars(select(Tag).where(Tag.group_id == tag_group.id).order_by(Tag.name)
                              .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    used = dict(db.session.execute(
        select(StoryTag.tag_id, func.count()).where(StoryTag.tag_id.in_([t.id for t in tags]),
                                                    StoryTag.status == TagStatus.CONFIRMED)
        .group_by(StoryTag.tag_id)).all())
    return render_template("tagging/group.html", group=tag_group, tags=tags, used=used, page=page, total=total,
                           pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1))


@bp.route("/groups/<int:group_id>/tags/new", methods=["GET", "POST"])
@access(Role.ADMIN)
def add_tag(group_id: int):
    tag_group = db.session.get(TagGroup, group_id) or abort(404)
    form = TagForm()
    if form.validate_on_submit():
        try:
            tag = services.add_tag(tag_group, form.tag_text(), current_user)
        except services.TaggingError as error:
            _field_error(form, error)
        else:
            flash(f"Added the tag “{tag.name}” to {tag_group.name}.", "success")
            return redirect(url_for("taxonomy.group", group_id=tag_group.id))
    return render_template("tagging/tag_form.html", form=form, group=tag_group, tag=None), _status(form)


@bp.route("/tags/<int:tag_id>", methods=["GET", "POST"])
@access(Role.ADMIN)
def edit_tag(tag_id: int):
    tag = db.session.get(Tag, tag_id) or abort(404)
    form = TagForm()
    if request.method == "GET":
        form.name.data, form.description.data = tag.name, tag.description
        form.synonyms.data = "\n".join(tag.synonyms or [])
    elif form.validate_on_submit():
        old_name = tag.name
        try:
            services.edit_tag(tag, form.tag_text(), current_user)
        except services.TaggingError as error:
            _field_error(form, error)
        else:
            flash(f"Renamed “{old_name}” to “{tag.name}”. Every story keeps the tag." if tag.name != old_name
                  else f"Saved the changes to “{tag.name}”.", "success")
            return redirect(url_for("taxonomy.group", group_id=tag.group_id))
    return render_template("tagging/tag_form.html", form=form, group=tag.group, tag=tag), _status(form)


@bp.route("/tags/<int:tag_id>/merge", methods=["GET", "POST"])
@access(Role.ADMIN)
def merge_tag(tag_id: int):
    tag = db.session.get(Tag, tag_id) or abort(404)
    form = MergeForm()
    others = db.session.scalars(select(Tag).where(Tag.group_id == tag.group_id, Tag.id != tag.id)
                                .order_by(Tag.name)).all()
    form.target.choices = [(0, "Choose a tag")] + [(t.id, t.name) for t in others]
    if form.validate_on_submit():
        target = db.session.get(Tag, form.target.data)
        if target is None:
            form.target.errors = ["Please choose the tag to merge into."]
        else:
            source_name = tag.name
            try:
                moved = services.merge_tags(tag, target, current_user)
            except services.TaggingError as error:
                _field_error(form, error)
            else:
                flash(f"Merged “{source_name}” into “{target.name}”. {moved} "
                      f"{'story now has' if moved == 1 else 'stories now have'} “{target.name}” instead, and "
                      f"“{source_name}” is kept as another word for it.", "success")
                return redirect(url_for("taxonomy.group", group_id=target.group_id))
    return render_template("tagging/merge.html", form=form, tag=tag, usage=services.stories_using(tag),
                           has_others=bool(others)), _status(form)


@bp.route("/tags/<int:tag_id>/delete", methods=["GET", "POST"])
@access(Role.ADMIN)
def delete_tag(tag_id: int):
    """Always a question first: a GET shows how many stories use the tag and changes nothing."""
    tag = db.session.get(Tag, tag_id) or abort(404)
    form = DeleteForm()
    if form.validate_on_submit():
        name, group_id = tag.name, tag.group_id
        removed = services.delete_tag(tag, current_user)
        flash(f"Deleted the tag “{name}”" + (f" and took it off {removed} {'story' if removed == 1 else 'stories'}."
                                             if removed else "."), "success")
        return redirect(url_for("taxonomy.group", group_id=group_id))
    return render_template("tagging/delete.html", form=form, tag=tag, usage=services.stories_using(tag))
