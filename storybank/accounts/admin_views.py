"""Admins look after accounts and roles."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from storybank.accounts import services
from storybank.accounts.forms import UserAccessForm
from storybank.accounts.models import User, UserRole
from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.forms_common import query_text
from storybank.security import access

bp = Blueprint("admin", __name__, url_prefix="/admin")

PAGE_SIZE = 50


@bp.route("/")
@access(Role.ADMIN)
def dashboard():
    rows = db.session.execute(select(UserRole.role, func.count()).group_by(UserRole.role)).all()
    counts = {role: 0 for role in Role} | dict(rows)
    return render_template("admin/dashboard.html", counts=counts)


@bp.route("/users")
@access(Role.ADMIN)
def users():
    wanted = query_text(request.args.get("q"), 40)
    query = select(User).order_by(User.username_key)
    if wanted:
        key = services.username_key(wanted)
        query = query.where(or_(User.username_key.contains(key, autoescape=True),
                                User.display_name.icontains(wanted, autoescape=True)))
    people = db.session.scalars(query.limit(PAGE_SIZE)).all()
    return render_template("admin/users.html", people=people, q=wanted)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@access(Role.ADMIN)
def user_detail(user_id: int):
    person = db.session.get(User, user_id) or abort(404)
    form = UserAccessForm()
    if request.method == "GET":
        form.roles.data = [r.value for r in person.roles]
        form.active.data = person.active
    elif form.validate_on_submit():
        try:
            services.set_roles(person, form.role_set(), current_user)
            services.set_active(person, form.active.data, current_user)
        except services.AccountError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            flash(f"Saved the changes to {person.username}'s account.", "success")
            return redirect(url_for("admin.user_detail", user_id=person.id))
    return render_template("admin/user_detail.html", person=person, form=form), 400 if form.errors else 200
