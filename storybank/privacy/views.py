"""Data rights pages: a person downloads what we hold about them or deletes their account; admins do the same for
someone on request ("data-protection requests").

Downloads are POSTs from a button, not links: each one is recorded in the audit log, and a GET must change nothing.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, logout_user

from storybank.accounts.forms import DeleteAccountForm, EraseAccountForm
from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.accounts.services import AccountError
from storybank.db_types import utcnow
from storybank.extensions import db, limiter
from storybank.privacy import data_rights
from storybank.security import SIGNED_IN, access

bp = Blueprint("data_rights", __name__, url_prefix="/account")
admin_bp = Blueprint("data_requests", __name__, url_prefix="/admin/users")


def _download(body: str, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _password_tries_limit() -> str:
    """Deleting asks for the password, so it gets the same limit as signing in: no guessing from a left-open tab."""
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _account_trying() -> str:
    """Counted per account, like sign-in per username, so people sharing a care home's address never use up each
    other's tries. (Flask-Limiter may count before the sign-in is checked: then it is the address's.)"""
    user_id = current_user.get_id()
    return f"account:{user_id}" if user_id else f"address:{get_remote_address()}"


def _json_download(data: dict, name: str) -> Response:
    return _download(json.dumps(data, indent=2, ensure_ascii=False), "application/json",
                     f"{name}-{utcnow().date().isoformat()}.json")


@bp.route("/data")
@access(SIGNED_IN)
def data():
    return render_template("accounts/data.html")


@bp.route("/data.json", methods=["POST"])
@access(SIGNED_IN)
def data_json():
    payload = data_rights.export_personal_data(current_user, current_user, "json")
    return _json_download(payload, "storybank-your-data")


@bp.route("/data.html", methods=["POST"])
@access(SIGNED_IN)
def data_html():
    payload = data_rights.export_personal_data(current_user, current_user, "html")
    page = render_template("accounts/data_export.html", data=payload)
    return _download(page, "text/html", f"storybank-your-data-{utcnow().date().isoformat()}.html")


@bp.route("/delete", methods=["GET", "POST"])
@access(SIGNED_IN)
@limiter.limit(_password_tries_limit, methods=["POST"], key_func=_account_trying)
def delete_account():
    form = DeleteAccountForm()
    preview = data_rights.deletion_preview(current_user)
    if form.validate_on_submit():
        try:
            data_rights.delete_account(current_user, current_user, password=form.password.data)
        except AccountError as error:
            db.session.rollback()
            form.password.errors.append(error.message)
        else:
            logout_user()
            session.clear()
            flash("Your account has been deleted and your stories have been taken back and erased. "
                  "Thank you for being part of StoryBank.", "success")
            return redirect(url_for("core.home"))
    return render_template("accounts/delete_account.html", form=form, preview=preview), 400 if form.errors else 200


def _person_or_404(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


@admin_bp.route("/<int:user_id>/export", methods=["POST"])
@access(Role.ADMIN)
def export(user_id: int):
    person = _person_or_404(user_id)
    payload = data_rights.export_personal_data(person, current_user, "json")
    return _json_download(payload, f"storybank-person-{person.id}")


@admin_bp.route("/<int:user_id>/erase", methods=["GET", "POST"])
@access(Role.ADMIN)
def erase(user_id: int):
    person = _person_or_404(user_id)
    form = EraseAccountForm(person_username=person.username)
    preview = data_rights.deletion_preview(person)
    is_self = person.id == current_user.id
    if not is_self and form.validate_on_submit():
        username = person.username
        try:
            result = data_rights.delete_account(person, current_user)
        except AccountError as error:
            db.session.rollback()
            form.confirm_username.errors.append(error.message)
        else:
            flash(f"{username}'s account has been erased. Their stories were withdrawn and their words erased; "
                  f"the audit log now shows them as \u201c{result.pseudonym}\u201d.", "success")
            return redirect(url_for("admin.users"))
    status = 400 if form.errors or (is_self and form.is_submitted()) else 200
    return render_template("admin/data_erase.html", form=form, person=person, preview=preview,
                           is_self=is_self), status
