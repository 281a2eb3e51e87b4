"""Trainers find stories: the search page. Reading one story is the library's page."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from storybank.accounts.roles import Role
from storybank.library.reading import readable
from storybank.search import services
from storybank.search.forms import SearchForm
from storybank.security import access

CARE_SETTINGS_GROUP = "care_settings"

bp = Blueprint("search", __name__)

READERS = (Role.TRAINER, Role.MODERATOR)
MAX_PAGE = 10_000


def _page() -> int:
    page = request.args.get("page", type=int) or 1
    return min(max(page, 1), MAX_PAGE)


def filter_taxonomy(tag_groups):
    """Tag groups to filter by. The care-settings group is left out here: "Where it happened" (the person's own
    answer) already asks that, and two lists of the same places would only confuse."""
    return [(group, tags) for group, tags in tag_groups if group.slug != CARE_SETTINGS_GROUP]


@bp.route("/search")
@access(*READERS)
def search_page():
    form = SearchForm(request.args)
    purpose = form.purpose.data if form.purpose.data in ("training", "partners") else services.SEARCH_PURPOSES[0]
    regions, warnings, tag_groups = services.filter_choices(purpose)
    form.offer(regions, warnings, filter_taxonomy(tag_groups))
    results = None
    status = 200
    if form.validate():
        results = services.search(form.filters(), page=_page())
    else:
        status = 400
    cards = readable(hit.story for hit in results.hits) if results else []
    snippets = {hit.story.id: hit.snippet for hit in results.hits} if results else {}
    return render_template("search/search.html", form=form, results=results, cards=cards, snippets=snippets,
                           ), status
