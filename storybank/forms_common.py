"""Validators every form shares: kind messages, and input that is safe to store."""

from __future__ import annotations

import unicodedata

from wtforms.validators import ValidationError

_ALLOWED_CONTROL = {"\n", "\r", "\t"}


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
