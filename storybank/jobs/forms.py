"""The one form of the Background work page: "Try again" on a failed piece of work is one button."""

from __future__ import annotations

from storybank.forms_common import Form


class TryAgainForm(Form):
    """Only the CSRF token."""
