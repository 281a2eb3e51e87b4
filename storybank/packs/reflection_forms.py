"""The forms for reflections: what a trainee writes, and a moderator's or trainer's decision. Every one is a POST
with a CSRF token; the words typed always come back with the message."""

from __future__ import annotations

from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Optional

from storybank.forms_common import Form, MaxChars, clean_text
from storybank.packs.reflections import EMPTY, MAX_CHARS, REASON_MAX_CHARS

QUESTION = "What will you take from this story into your work?"
HINT = "This is anonymous. Please do not write your name or anyone else's personal details."


def _clean(value):
    return clean_text(value) if isinstance(value, str) else value


class ReflectionForm(Form):
    text = TextAreaField(QUESTION, filters=[_clean], description=HINT,
                         validators=[DataRequired(EMPTY), MaxChars(MAX_CHARS, "Your reflection")])
    action = HiddenField(default="check")
    """Which button was pressed: "check" (the first Send), "send" (Send it as it is) or "change" (Change it)."""


class DecisionForm(Form):
    decision = HiddenField()
    """Set by the button pressed: "pass" (Pass it on) or "hold" (Do not pass it on)."""
    reason = TextAreaField("Why not (optional)", filters=[_clean],
                           validators=[Optional(), MaxChars(REASON_MAX_CHARS, "The reason")],
                           description="Only if you do not pass it on. This is kept for our records and is never "
                                       "shown to the person who shared the story.")
