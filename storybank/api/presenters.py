"""What the API says about a story: only what a trainer may see, built from the moderated text alone.

The original text (``Story.body``) is never read here, so it cannot leak into an answer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from flask import url_for
from markupsafe import Markup

from storybank.consent.models import Attribution
from storybank.library.reading import content_warnings_for
from storybank.stories.models import Story

_MARK = re.compile(r"(<mark>|</mark>)")


def content_warnings(story_ids: Iterable[int]) -> dict[int, list[str]]:
    """The content warnings a moderator accepted, per story, in alphabetical order (as every reader sees them)."""
    return {story_id: list(labels) for story_id, labels in content_warnings_for(story_ids).items()}


def attribution(story: Story) -> dict:
    """As the person chose it in their newest consent: anonymous means no name at all."""
    consent = story.current_consent
    kind = consent.attribution if consent is not None else Attribution.ANONYMOUS
    name = None if kind == Attribution.ANONYMOUS else (consent.attribution_name or None)
    return {"kind": kind.value, "name": name}


def plain_snippet(marked: Markup) -> dict:
    """Search marks the matched words with <mark> in escaped HTML; programs get plain text and the ranges instead
    (offsets count Unicode code points, end exclusive)."""
    text: list[str] = []
    marks: list[dict] = []
    position, inside, start = 0, False, 0
    for piece in _MARK.split(str(marked)):
        if piece == "<mark>":
            inside, start = True, position
        elif piece == "</mark>":
            if inside and position > start:
                marks.append({"start": start, "end": position})
            inside = False
        else:
            plain = html.unescape(piece)
            text.append(plain)
            position += len(plain)
    return {"text": "".join(text), "marks": marks}


def story_summary(story: Story, warnings: list[str]) -> dict:
    return {
        "reference": story.reference,
        "title": story.moderated_title,
        "approved_on": story.approved_at.date().isoformat() if story.approved_at else None,
        "care_setting": story.care_setting or None,
        "region": story.region or None,
        "attribution": attribution(story),
        "content_warnings": warnings,
        "url": url_for("api.story", reference=story.reference, _external=True),
    }


def story_in_full(story: Story, warnings: list[str]) -> dict:
    return {**story_summary(story, warnings), "text": story.moderated_body}
