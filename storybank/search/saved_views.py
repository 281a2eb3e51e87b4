"""A trainer's saved searches: save the search on the page, list their own, open one (run afresh), delete one.

Opening a saved search sends the trainer to the search page with the saved question, so the stories are found at
that moment, through the consent gate, exactly like a search typed by hand. Someone else's saved search is a 404.
"""

from __future__ import annotations

from functools import cache

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.search import saved
from storybank.search.forms import DeleteSavedSearchForm, SaveSearchForm, SearchForm
from storybank.security import access

bp = Blueprint("saved_searches", __name__)

SEARCHERS = (Role.TRAINER, Role.MODERATOR)
MAX_PAGE = 10_000


@cache
def _search_fields() -> tuple[str, ...]:
    """The search form's field names, in order: the same for every request, so found once (a form is not free to
    build, and the search page asks on every visit)."""
    return tuple(f.name for f in SearchForm(formdata=None))


def _search_url(query: str) -> str:
    return url_for("search.search_page") + (f"?{query}" if query else "")


@bp.app_template_global("save_search_form")
def save_search_form() -> SaveSearchForm:
    """The "Save this search" form for the search on the page now (used by templates/search/search.html)."""
    query = saved.normalise_query(request.args.items(multi=True), _search_fields())
    return SaveSearchForm(formdata=None, name=saved.default_name(request.args.get("q")), query=query)


@bp.route("/search/saved")
@access(*SEARCHERS)
def saved_searches():
    page = min(max(request.args.get("page", type=int) or 1, 1), MAX_PAGE)
    listing = saved.saved_searches_of(current_user, page=page)
    return render_template("search/saved.html", listing=listing, delete_form=DeleteSavedSearchForm())


@bp.route("/search/saved", methods=["POST"])
@access(*SEARCHERS)
def save():
    form = SaveSearchForm()
    query = saved.normalise_query(saved.query_pairs(form.query.data), _search_fields())
    form.query.data = query
    if form.validate_on_submit():
        try:
            kept = saved.save_search(current_user, form.name.data, query)
        except saved.SavedSearchError as error:
            form.name.errors = [*form.name.errors, error.message]
        else:
            flash(f"Your search “{kept.name}” is saved. You can run it again from here at any time.", "success")
            return redirect(url_for("saved_searches.saved_searches"))
    return render_template("search/save.html", save_form=form, search_url=_search_url(query)), 400


@bp.route("/search/saved/<int:saved_id>")
@access(*SEARCHERS)
def run(saved_id: int):
    """Run the saved question now: the search page finds whatever may be used at this moment."""
    kept = saved.own_saved_search(current_user, saved_id)
    if kept is None:
        abort(404)
    query = saved.normalise_query(saved.query_pairs(kept.query), _search_fields())
    return redirect(_search_url(query))


@bp.route("/search/saved/<int:saved_id>/delete", methods=["POST"])
@access(*SEARCHERS)
def delete(saved_id: int):
    kept = saved.own_saved_search(current_user, saved_id)  # CSRF was checked by CSRFProtect before we got here
    if kept is None:
        abort(404)
    name = kept.name
    saved.delete_saved_search(kept, current_user)
    flash(f"Your saved search “{name}” is deleted.", "success")
    return redirect(url_for("saved_searches.saved_searches"))
