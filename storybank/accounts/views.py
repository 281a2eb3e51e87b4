"""Signing up, in and out, and a person's own account page."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank.accounts import services
from storybank.accounts import session as account_session
from storybank.accounts.forms import ChangePasswordForm, SignInForm, SignUpForm
from storybank.rate_limits import Slowed, address, count, hashed
from storybank.security import ANYONE, SIGNED_IN, access, is_safe_next

bp = Blueprint("accounts", __name__)

SIGN_IN_FAILED = "We could not sign you in with that username and password. Please check them and try again."
SLOW_DOWN_USERNAME = ("Please wait a moment. There have been a lot of tries to sign in with this username in a short "
                      "time, so to keep the account safe we have paused them. Please wait a minute and try again.")
SLOW_DOWN_ADDRESS = ("Please wait a moment. There have been a great many sign-ins from your network (everyone in "
                     "your building may share it) in a short time. Please wait a few minutes and try again.")
SLOW_DOWN_SIGN_UP = ("Please wait a moment. A lot of accounts have been made from your network in a short time. "
                     "What you typed is still below: please wait a few minutes, type your password in both boxes "
                     "again and press Create my account.")


def _next_url() -> str:
    target = request.values.get("next")
    return target if is_safe_next(target) else url_for("core.home")


def _sign_in_slowed() -> tuple[Slowed, str] | None:
    """Tight per username (normalised as accounts are, so 'Rose' and 'rose ' count together), however many
    addresses the tries come from; generous per address, so the people of a care home on one network never lock
    each other out, while one machine cannot try every username in turn."""
    username = services.username_key(request.form.get("username", ""))
    by_username = count("sign-in-username", hashed(username) if username else "", "SIGN_IN_RATE_LIMIT")
    by_address = count("sign-in-address", address(), "SIGN_IN_ADDRESS_RATE_LIMIT")
    if by_username:
        return by_username, SLOW_DOWN_USERNAME
    return (by_address, SLOW_DOWN_ADDRESS) if by_address else None


@bp.route("/sign-up", methods=["GET", "POST"])
@access(ANYONE)
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = SignUpForm()
    if request.method == "POST" and (slowed := count("sign-up-address", address(), "SIGN_UP_RATE_LIMIT")):
        return render_template("accounts/sign_up.html", form=form, problem=SLOW_DOWN_SIGN_UP), 429, slowed.headers
    if form.validate_on_submit():
        try:
            user = services.sign_up(services.NewAccount(
                username=form.username.data, password=form.password.data,
                email=form.email.data, display_name=form.display_name.data))
        except services.AccountError as error:
            getattr(form, error.field or "username").errors.append(error.message)
        else:
            account_session.begin(user)
            flash(f"Welcome to StoryBank, {user.name_to_show}. Your account is ready.", "success")
            return redirect(_next_url())
    return render_template("accounts/sign_up.html", form=form), 400 if form.errors else 200


@bp.route("/sign-in", methods=["GET", "POST"])
@access(ANYONE)
def sign_in():
    if current_user.is_authenticated:
        return redirect(_next_url())
    form = SignInForm()
    if request.method == "POST" and (slowed := _sign_in_slowed()):
        refusal, message = slowed
        return render_template("accounts/sign_in.html", form=form, failed=True, failed_message=message,
                               next=request.values.get("next", "")), 429, refusal.headers
    failed = False
    if form.validate_on_submit():
        user = services.authenticate(form.username.data, form.password.data)
        if user is not None:
            account_session.begin(user)
            flash(f"You are signed in. Welcome back, {user.name_to_show}.", "success")
            return redirect(_next_url())
        failed = True
    status = 400 if (failed or form.errors) else 200
    return render_template("accounts/sign_in.html", form=form, failed=failed,
                           failed_message=SIGN_IN_FAILED, next=request.values.get("next", "")), status


@bp.route("/sign-out", methods=["POST"])
@access(ANYONE)
def sign_out():
    if current_user.is_authenticated:
        account_session.end()
    flash("You have signed out. Thank you for visiting StoryBank.", "success")
    return redirect(url_for("core.home"))


@bp.route("/account")
@access(SIGNED_IN)
def account():
    return render_template("accounts/account.html")


@bp.route("/account/password", methods=["GET", "POST"])
@access(SIGNED_IN)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.new_password.data,
                                     keep_token=account_session.current_token())
        except services.AccountError as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            flash("Your password has been changed. Any other places you were signed in have been signed out.",
                  "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_password.html", form=form), 400 if form.errors else 200
