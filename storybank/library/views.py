"""A trainer reads one story: the moderated text, the name the person chose, content warnings first; and tags it.

Every action finds the story through the consent gate again, so nobody tags a story that has just been withdrawn.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.consent.models import Purpose
from storybank.extensions import db
from storybank.library.forms import AddTagForm, DecideTagForm
from storybank.library.reading import ReadableStory, readable, readable_story
from storybank.search.similar import stories_like
from storybank.security import access
from storybank.tagging import services as tagging
from storybank.tagging.models import StoryTag, Tag

bp = Blueprint("library", __name__)

READERS = (Role.TRAINER, Role.MODERATOR)


def _purpose(value: str | None) -> str:
    return value if value in (Purpose.TRAINING.value, Purpose.PARTNERS.value) else Purpose.TRAINING.value


def _readable_or_404(reference: str, purpose: str) -> ReadableStory:
    found = readable_story(reference, purpose)
    if found is None:
        abort(404)
    return found


def _render(found: ReadableStory, purpose: str, add_form: AddTagForm | None = None, status: int = 200):
    confirmed, suggested = tagging.tags_to_decide(found.story)
    if add_form is None:
        add_form = AddTagForm(formdata=None, purpose=purpose)
    add_form.offer(tagging.taxonomy())
    return render_template("library/story.html", item=found, purpose=purpose, confirmed=confirmed,
                           suggested=suggested, add_form=add_form, decide_form=DecideTagForm(formdata=None),
                           similar=readable(stories_like(found.story, purpose))), status


@bp.route("/library/stories/<reference>")
@access(*READERS)
def story(reference: str):
    purpose = _purpose(request.args.get("purpose"))
    return _render(_readable_or_404(reference, purpose), purpose)


def _back(found: ReadableStory, purpose: str):
    return redirect(url_for("library.story", reference=found.story.reference, purpose=purpose) + "#tags")


@bp.route("/library/stories/<reference>/tags", methods=["POST"])
@access(*READERS)
def add_tag(reference: str):
    form = AddTagForm()
    purpose = _purpose(form.purpose.data)
    found = _readable_or_404(reference, purpose)
    form.offer(tagging.taxonomy())
    if not form.validate():
        return _render(found, purpose, form, 400)
    tag = db.session.get(Tag, int(form.tag.data))
    tagging.add_tag_to_story(found.story, tag, current_user)
    flash(f"Tagged “{tag.name}”.", "success")
    return _back(found, purpose)


@bp.route("/library/stories/<reference>/tags/<int:row_id>", methods=["POST"])
@access(*READERS)
def decide_tag(reference: str, row_id: int):
    form = DecideTagForm()
    purpose = _purpose(form.purpose.data)
    found = _readable_or_404(reference, purpose)
    row = db.session.get(StoryTag, row_id)
    if row is None or row.story_id != found.story.id:
        abort(404)
    if not form.validate():
        abort(400)
    if form.decision.data == "confirm":
        tagging.confirm_tag(row, current_user)
        flash(f"Confirmed “{row.tag.name}”.", "success")
    else:
        tagging.reject_tag(row, current_user)
        flash(f"Took “{row.tag.name}” off this story.", "success")
    return _back(found, purpose)
