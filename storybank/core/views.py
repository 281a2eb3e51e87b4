"""The front door, the pages every footer links to (privacy, accessibility, contact), and the health check."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, render_template
from sqlalchemy import text

from storybank.errors import RETRY_AFTER_SECONDS
from storybank.extensions import db
from storybank.security import ANYONE, access

bp = Blueprint("core", __name__)


@bp.route("/")
@access(ANYONE)
def home():
    return render_template("core/home.html")


@bp.route("/privacy")
@access(ANYONE)
def privacy():
    return render_template("core/privacy.html")


@bp.route("/accessibility")
@access(ANYONE)
def accessibility():
    return render_template("core/accessibility.html")


@bp.route("/contact")
@access(ANYONE)
def contact():
    return render_template("core/contact.html")


@bp.route("/favicon.ico")
@access(ANYONE)
def favicon():
    """Browsers ask for /favicon.ico whatever the page links to; answer with the vendored icon, not a 404."""
    icon = Path(current_app.static_folder, "img", "favicon.ico").read_bytes()
    response = Response(icon, mimetype="image/vnd.microsoft.icon")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response


@bp.route("/healthz")
@access(ANYONE)
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means we are not healthy
        db.session.rollback()
        return jsonify(status="unavailable", database="unreachable"), 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return jsonify(status="ok", database="ok")
