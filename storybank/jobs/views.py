"""The admins' Background work page: what is waiting, being done and failed, with "Try again" for failed work."""

from __future__ import annotations

import redis
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.jobs import queue_configured, services
from storybank.jobs.forms import TryAgainForm
from storybank.paging import requested_page
from storybank.security import access

bp = Blueprint("jobs", __name__, url_prefix="/admin/jobs")


@bp.route("/")
@access(Role.ADMIN)
def overview():
    if not queue_configured():
        return render_template("jobs/overview.html", configured=False)
    try:
        shown = services.jobs_page(request.args.get("show"), requested_page())
    except redis.RedisError:
        return render_template("jobs/overview.html", configured=True, unreachable=True), 503
    return render_template("jobs/overview.html", configured=True, shown=shown, form=TryAgainForm())


@bp.route("/<job_id>/try-again", methods=["POST"])
@access(Role.ADMIN)
def try_again(job_id: str):
    if not TryAgainForm().validate_on_submit():
        abort(400)
    if not queue_configured():
        flash("Background work is done straight away here, so there is nothing to try again.", "warning")
        return redirect(url_for("jobs.overview"))
    try:
        services.try_again(job_id, current_user)
    except services.NotFailed:
        flash("That work is not in the failed list any more: it may have been tried again already.", "warning")
    else:
        flash("It is back on the queue, and a worker will try it again shortly.", "success")
    return redirect(url_for("jobs.overview", show="failed"))
