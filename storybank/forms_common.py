"""Validators every form shares: kind messages, and input that is safe to store."""

from __future__ import annotations

import unicodedata

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import SUBMIT_METHODS, _Auto
from wtforms.validators import ValidationError

_ALLOWED_CONTROL = {"\n", "\r", "\t"}


class Form(FlaskForm):
    """The base of every form: it reads only the text fields of a form post.

    Flask-WTF would also hand the fields any uploaded file and the values of a JSON body, which are not text (a
    FileStorage, a number, a list), and the text checks would crash on them. No form here takes a file or JSON,
    so a field sent that way is simply left empty, and the form asks for it again in the usual kind way.
    """

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form, formdata):
            if formdata is _Auto:
                return request.form if request.method in SUBMIT_METHODS and request.form else None
            return formdata


def clean_text(value: str | None) -> str | None:
    """NFC-normalise and drop invisible control characters, keeping line breaks and everything a person typed."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value)
    return "".join(ch for ch in value if ch in _ALLOWED_CONTROL or unicodedata.category(ch) != "Cc")


class MaxChars:
    """A limit message that says how long the text is now, instead of quietly cutting it."""

    def __init__(self, limit: int, what: str = "This"):
        self.limit = limit
        self.what = what

    def __call__(self, form, field):
        if field.data and len(field.data) > self.limit:
            raise ValidationError(
                f"{self.what} can be up to {self.limit:,} characters. It is {len(field.data):,} now – "
                "please shorten it. Nothing you typed has been lost."
            )


class SingleLine:
    def __call__(self, form, field):
        if field.data and any(ch in field.data for ch in "\r\n"):
            raise ValidationError("Please keep this on one line.")


def query_text(value: str | None, limit: int) -> str:
    """A search box value that is safe to send to any database: clean, trimmed and bounded."""
    return (clean_text(value or "") or "").strip()[:limit]
