"""A simple screen for words that suggest someone may be in danger now, so we can show where to get help.

It never blocks or changes a submission: it only decides whether the confirmation page shows help numbers. It is
deliberately simple and errs on the side of showing help; stories.news.shows_help_now adds the safeguarding
signals of the real analysis (storybank/text/analysis), which words disclosures in more ways than a phrase list.
"""

from __future__ import annotations

import re

DANGER_PHRASES = (
    "kill myself",
    "killing myself",
    "end it all",
    "end my life",
    "want to die",
    "suicide",
    "suicidal",
    "hurt myself",
    "harm myself",
    "self harm",
    "self-harm",
    "hurting me",
    "hurts me",
    "hit me",
    "hits me",
    "hitting me",
    "not safe",
    "unsafe at home",
    "scared to go home",
    "afraid of him",
    "afraid of her",
    "threatened me",
    "no food",
    "locked me in",
)

_SPACES = re.compile(r"\s+")
_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in DANGER_PHRASES) + r")\b")


def suggests_danger(*texts: str | None) -> bool:
    """True when any of the texts contains one of the phrases, whatever the case or spacing."""
    joined = " ".join(_SPACES.sub(" ", text).casefold().replace("’", "'") for text in texts if text)
    return _PATTERN.search(joined) is not None
