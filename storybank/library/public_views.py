"""The public stories pages: anyone may read them, no sign-in. Reading only: these pages never write anything."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from storybank.library import public
from storybank.security import ANYONE, access

bp = Blueprint("public_stories", __name__)


def _page() -> int:
    page = request.args.get("page", type=int) or 1
    return min(max(page, 1), public.MAX_PAGE)


@bp.route("/stories")
@access(ANYONE)
def index():
    slug = request.args.get("theme", "")
    theme = public.find_theme(slug) if slug else None
    unknown_theme = bool(slug) and theme is None
    results = None if unknown_theme else public.public_stories(page=_page(), theme=theme)

    return render_template("library/public_stories.html", results=results, theme=theme,
                           unknown_theme=unknown_theme, themes=public.public_themes())


@bp.route("/stories/read/<reference>")
@access(ANYONE)
def story(reference: str):
    found = public.public_story(reference)
    if found is None:
        abort(404)
    return render_template("library/public_story.html", found=found)
