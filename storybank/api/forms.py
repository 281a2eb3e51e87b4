"""The forms on a trainer's API tokens page."""

from __future__ import annotations

from wtforms import StringField
from wtforms.validators import DataRequired

from storybank.api.services import NAME_LIMIT
from storybank.forms_common import Form, MaxChars, SingleLine, clean_text


def _strip(value):
    return clean_text(value).strip() if isinstance(value, str) else value


class NewTokenForm(Form):
    name = StringField(
        "What is this token for?",
        description="For example, the name of your learning system. It helps you tell your tokens apart later.",
        filters=[_strip],
        validators=[DataRequired("Please say what the token is for, so you can tell it apart later."),
                    MaxChars(NAME_LIMIT, "The name"), SingleLine()],
    )


class RevokeTokenForm(Form):
    """Only the CSRF token: revoking is one button."""
