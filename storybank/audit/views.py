"""Admins read the audit log: who did what, to which object, and when."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.forms_common import query_text
from storybank.routing import whole_number
from storybank.security import access

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

PAGE_SIZE = 50


@bp.route("/")
@access(Role.ADMIN)
def log():
    action = query_text(request.args.get("action"), 60)
    actor = query_text(request.args.get("actor"), 80)
    page = whole_number(request.args.get("page")) or 1
    query = select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    if actor:
        query = query.where(AuditEvent.actor_label == actor)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    events = db.session.scalars(
        query.order_by(AuditEvent.id.desc()).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    ).all()
    actions = db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)).all()
    return render_template("audit/log.html", events=events, actions=actions, action=action, actor=actor,
                           page=page, total=total, pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1))
