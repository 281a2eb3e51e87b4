"""The front door and the health check."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template
from sqlalchemy import text

from storybank.extensions import db
from storybank.security import ANYONE, access

bp = Blueprint("core", __name__)


@bp.route("/")
@access(ANYONE)
def home():
    return render_template("core/home.html")


@bp.route("/healthz")
@access(ANYONE)
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means we are not healthy
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
