"""What every template may use."""

from __future__ import annotations

from flask import Flask, request
from flask_login import current_user

from storybank.accounts.roles import Role


def init_app(app: Flask) -> None:
    @app.context_processor
    def globals_for_templates():
        return {"Role": Role, "current_user": current_user, "current_path": request.path}

    @app.template_filter("drop_none")
    def drop_none(attrs: dict) -> dict:
        return {key: value for key, value in attrs.items() if value is not None}

    @app.template_filter("when")
    def when(value):
        if value is None:
            return ""
        return value.strftime("%-d %B %Y, %H:%M UTC")
