"""The one error moderation raises, and the messages more than one rule needs, so the wording lives in one place."""

from __future__ import annotations

ALREADY_DECIDED = ("Another moderator has already made a decision about this story, so yours was not saved. "
                   "Nothing is lost: please look at the story again to see where it is now.")
BEING_PREPARED = ("This story is still being prepared – the suggestions will be ready shortly. Nothing was changed. "
                  "Please come back to it in a few minutes.")
OWN_STORY = ("This is your own story, so another moderator needs to read it. "
             "That keeps the decision fair for you and for everyone else.")


class ModerationError(ValueError):
    """Something the moderator (or contributor) can put right; ``field`` names the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
