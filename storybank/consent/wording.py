"""The consent wording people agree to. Each change of wording gets a new version; records keep the version."""

from __future__ import annotations

from datetime import date

CURRENT_WORDING_VERSION = "2026-11"
REVIEW_AFTER_YEARS = 2


def default_review_date(start: date) -> date:
    """Two years on; 29 February becomes 28 February in a year that has none."""
    try:
        return start.replace(year=start.year + REVIEW_AFTER_YEARS)
    except ValueError:
        return start.replace(year=start.year + REVIEW_AFTER_YEARS, day=28)


CONSENT_WORDING = {
    "2026-11": (
        "I am sharing this story with StoryBank so that people who work in social care can learn from it.",
        "A moderator will read my story before anyone else does. They will take out names, places and other "
        "details that could show who I am or who I am talking about.",
        "My story will only be used in the ways I say yes to below. Nobody will use it in any other way.",
        "I can change what I agreed to, or take my story back, at any time. I can do this by signing in, or with "
        "my story reference and story key, without signing in. When I take my story back, it stops being used "
        "straight away.",
        "My agreement lasts until the review date I choose. After that date my story will not be used in anything "
        "new unless I agree again.",
        "If my story tells StoryBank that someone may be in danger, a moderator may need to share that with people "
        "who can keep them safe. They will tell me if they do.",
        "StoryBank keeps a record of what I agreed to, the date, and these exact words, so that everyone can see "
        "what I said yes to.",
    ),
}

EASY_READ_CONSENT = (
    "You are sharing your story.",
    "Care staff can learn from it.",
    "First, a moderator reads it. They take out names and other details.",
    "You say yes or no to each way your story can be used.",
    "We only use it in the ways you say yes to.",
    "You can change your mind at any time.",
    "You can take your story back at any time. You do not need to sign in. Use your story key.",
    "Your yes lasts until your review date. Then we ask you again.",
    "If someone may be in danger, we may need to tell people who can help. We will tell you.",
    "We keep a note of what you said yes to.",
)


def consent_wording(version: str = CURRENT_WORDING_VERSION) -> tuple[str, ...]:
    """The exact words agreed to for a version; a record's version always finds its wording here."""
    return CONSENT_WORDING[version]
