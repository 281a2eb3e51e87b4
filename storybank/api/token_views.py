"""A trainer's API tokens page: see their tokens, make one (shown once), revoke one.

The new token is shown in the answer to the form itself, never put in the session or a redirect: the session
cookie is not the place for a secret, and once this page is left the token cannot be shown again.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.api import services
from storybank.api.forms import NewTokenForm, RevokeTokenForm
from storybank.security import access

bp = Blueprint("api_tokens", __name__)


def _page(form: NewTokenForm, new_secret: str | None = None, status: int = 200):
    return render_template("api/tokens.html", form=form, revoke_form=RevokeTokenForm(),
                           tokens=services.tokens_of(current_user), new_secret=new_secret), status


@bp.route("/account/api-tokens", methods=["GET", "POST"])
@access(Role.TRAINER, Role.ADMIN)
def tokens():
    form = NewTokenForm()
    if form.validate_on_submit():
        try:
            made = services.create_token(current_user, form.name.data, current_user)
        except services.TokenError as error:
            form.name.errors.append(error.message)
        else:
            return _page(NewTokenForm(formdata=None), new_secret=made.secret)
    return _page(form, status=400 if form.errors else 200)


@bp.route("/account/api-tokens/<int:token_id>/revoke", methods=["POST"])
@access(Role.TRAINER, Role.ADMIN)
def revoke(token_id: int):
    token = services.own_token(current_user, token_id)  # CSRF was checked by CSRFProtect before we got here
    if token is None:
        abort(404)
    services.revoke_token(token, current_user)
    flash(f"The token “{token.name}” no longer works. Any system that used it will need a new one.", "success")
    return redirect(url_for("api_tokens.tokens"))
