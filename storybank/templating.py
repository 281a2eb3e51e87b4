"""What every template may use."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Flask, current_app, request
from flask_login import current_user
from markupsafe import Markup, escape

from storybank.accounts.roles import Role
from storybank.highlighting import segments
from storybank.paging import page_url
from storybank.routing import id_urls
from storybank.text.sanitize import markdown_to_html

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str | None) -> Markup:
    """Text as typed, escaped, in paragraphs: a blank line starts a new one, a single line break stays one."""
    if not text:
        return Markup("")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = [part.strip("\n") for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in part.split("\n")))
        for part in parts
    )


def init_app(app: Flask) -> None:
    @app.context_processor
    def globals_for_templates():
        """``current_user`` is the person themselves, not Flask-Login's proxy: a page asks about them dozens of
        times (every row of a list), and each ask through the proxy looks them up again. Flask-Login's own
        template helper gives the same person (errors.render_unavailable sets it before the database is asked)."""
        return {"Role": Role, "current_user": current_user._get_current_object(), "current_path": request.path,
                "organisation_name": current_app.config["STORYBANK_ORGANISATION_NAME"],
                "contact_email": current_app.config["STORYBANK_CONTACT_EMAIL"]}

    @app.template_filter("drop_none")
    def drop_none(attrs: dict) -> dict:
        return {key: value for key, value in attrs.items() if value is not None}

    app.add_template_filter(paragraphs, "paragraphs")
    app.add_template_filter(markdown_to_html, "markdown")
    app.add_template_global(segments, "highlighted")
    app.add_template_global(page_url, "page_url")
    app.add_template_global(id_urls, "id_urls")

    def local(value):
        """Times are stored in UTC and shown in the service's own time zone (STORYBANK_TIMEZONE). A plain date
        (a review date) has no time of day, so it is shown as it is."""
        if not isinstance(value, datetime):
            return value
        return value.astimezone(ZoneInfo(app.config["STORYBANK_TIMEZONE"]))

    @app.template_filter("when")
    def when(value):
        return local(value).strftime("%-d %B %Y, %H:%M") if value is not None else ""

    @app.template_filter("clock")
    def clock(value):
        return local(value).strftime("%H:%M") if value is not None else ""

    @app.template_filter("day")
    def day(value):
        return local(value).strftime("%-d %B %Y") if value is not None else ""
