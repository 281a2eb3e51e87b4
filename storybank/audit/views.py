"""Admins read the audit log: who did what, to which object, and when; in plain words, and as CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, render_template, request, stream_with_context, url_for
from flask_login import current_user

from storybank.accounts.roles import Role
from storybank.audit import words
from storybank.audit.models import AuditEvent
from storybank.audit.services import AuditFilter, actions_in_log, audit_page, export_audit_csv
from storybank.forms_common import Form, query_text
from storybank.paging import MAX_PAGE
from storybank.routing import whole_number
from storybank.security import access, access_for_endpoint

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

PAGE_SIZE = 50


def _day(value: str | None) -> tuple[date | None, bool]:
    """A day from a date field (YYYY-MM-DD); the flag says something was typed that is not a date."""
    text = query_text(value, 10)
    if not text:
        return None, False
    try:
        return date.fromisoformat(text), False
    except ValueError:
        return None, True


def _filters(args) -> tuple[AuditFilter, dict]:
    """The filters from the address (GET) or the export form (POST), days read in the service's time zone."""
    zone = ZoneInfo(current_app.config["STORYBANK_TIMEZONE"])
    since_day, bad_since = _day(args.get("from"))
    until_day, bad_until = _day(args.get("to"))
    filters = AuditFilter(
        action=query_text(args.get("action"), 60) or None,
        actor=query_text(args.get("actor"), 80) or None,
        object_type=query_text(args.get("object_type"), 40) or None,
        object_id=query_text(args.get("object_id"), 64) or None,
        since=datetime.combine(since_day, time(), zone) if since_day else None,
        before=datetime.combine(until_day + timedelta(days=1), time(), zone) if until_day else None,
    )
    shown = {"action": filters.action or "", "actor": filters.actor or "", "object_type": filters.object_type or "",
             "object_id": filters.object_id or "", "from": since_day.isoformat() if since_day else "",
             "to": until_day.isoformat() if until_day else "", "bad_from": bad_since, "bad_to": bad_until}
    return filters, shown


def _object_links() -> Callable[[AuditEvent], str | None]:
    """An event's object's own page, when it has one and the admin reading the log may open it. Whether they may
    is the same for every row, so it is decided once per kind of page, not once per row."""
    allowed: dict[str, bool] = {}

    def link(event: AuditEvent) -> str | None:
        page = words.OBJECT_PAGES.get(event.object_type or "")
        if page is None or not (event.object_id or "").isdigit():
            return None
        endpoint, argument = page
        if endpoint not in allowed:
            rule = access_for_endpoint(current_app, endpoint)
            allowed[endpoint] = (rule is not None and isinstance(rule.who, frozenset)
                                 and current_user.has_role(*rule.who))
        return url_for(endpoint, **{argument: int(event.object_id)}) if allowed[endpoint] else None

    return link


QUERY_SAFE = "!$'()*,/:;?@"
"""The characters Werkzeug leaves as they are in a query string (werkzeug.urls._urlencode), so the link below is
the same as ``url_for`` would make."""


def _history_links() -> Callable[[AuditEvent], str]:
    """Each row's "Its history": this log filtered to the row's object. The log's address is built once; building
    the whole link with ``url_for`` on every row was a good part of the page's cost."""
    log_url = url_for("audit.log")

    def link(event: AuditEvent) -> str:
        query = urlencode([(name, value) for name, value in (("object_type", event.object_type),
                                                             ("object_id", event.object_id)) if value is not None],
                          safe=QUERY_SAFE)
        return f"{log_url}?{query}"

    return link


@bp.route("/")
@access(Role.ADMIN)
def log():
    filters, shown = _filters(request.args)
    listing = audit_page(filters, min(whole_number(request.args.get("page")) or 1, MAX_PAGE), PAGE_SIZE)
    return render_template("audit/log.html", listing=listing, events=listing.events, actions=actions_in_log(),
                           shown=shown, words=words, object_link=_object_links(), history_link=_history_links(),
                           export_form=Form())


@bp.route("/export.csv", methods=["POST"])
@access(Role.ADMIN)
def export():
    """A POST, because exporting is recorded in the log: a GET never writes."""
    if not Form().validate_on_submit():
        abort(400)
    filters, _ = _filters(request.form)
    rows = export_audit_csv(filters, current_user)
    return Response(stream_with_context(rows), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=storybank-audit-log.csv",
                             "Cache-Control": "no-store"})
