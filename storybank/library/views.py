"""A trainer reads one story: the moderated text, the name the person chose, content warnings first."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from storybank.accounts.roles import Role
from storybank.consent.models import Purpose
from storybank.library.reading import readable, readable_story
from storybank.search.similar import stories_like
from storybank.security import access

bp = Blueprint("library", __name__)

READERS = (Role.TRAINER, Role.MODERATOR)


@bp.route("/library/stories/<reference>")
@access(*READERS)
def story(reference: str):
    purpose = request.args.get("purpose", Purpose.TRAINING.value)
    if purpose not in (Purpose.TRAINING.value, Purpose.PARTNERS.value):
        purpose = Purpose.TRAINING.value
    found = readable_story(reference, purpose)
    if found is None:
        abort(404)
    return render_template("library/story.html", item=found, purpose=purpose,
                           similar=readable(stories_like(found.story, purpose)))
