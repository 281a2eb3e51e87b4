"""Suggestions a person decides (redactions, themes, content warnings), and the text with redactions applied."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import require_claim
from storybank.moderation.common import story_label
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus, TextPart
from storybank.stories.models import Story
from storybank.tagging import services as tagging
from storybank.text.analysis import Finding, redact_parts

MANUAL_LABELS = {
    "PERSON": "a person's name",
    "LOCATION": "a place",
    "ORG": "a care home, hospital or organisation",
    "PHONE": "a phone number",
    "EMAIL": "an email address",
    "ADDRESS": "an address",
    "DATE_OF_BIRTH": "a date of birth",
    "OTHER": "something else that could identify someone",
}


GROUP_TITLES = {
    "PERSON": "Names of people",
    "LOCATION": "Places",
    "ORG": "Care homes, hospitals and organisations",
    "PHONE": "Phone numbers",
    "EMAIL": "Email addresses",
    "ADDRESS": "Addresses",
    "DATE_OF_BIRTH": "Dates of birth",
    "OTHER": "Other details that could identify someone",
}


@dataclass(frozen=True)
class SuggestionGroup:
    """Suggested removals of one kind (names, phone numbers…): those still to decide, and those decided."""

    label: str
    title: str
    pending: list[Suggestion]
    decided: list[Suggestion]


def grouped_by_kind(redactions: Iterable[Suggestion]) -> list[SuggestionGroup]:
    """Removals grouped by what they are, each group in the order its first one appears in the story."""
    groups: dict[str, list[Suggestion]] = {}
    for suggestion in redactions:
        groups.setdefault(suggestion.label, []).append(suggestion)
    return [SuggestionGroup(label, GROUP_TITLES.get(label, label.replace("_", " ").capitalize()),
                            [s for s in items if s.status == SuggestionStatus.PENDING],
                            [s for s in items if s.status != SuggestionStatus.PENDING])
            for label, items in groups.items()]


def suggestions_for(story: Story, kind: SuggestionKind | None = None) -> list[Suggestion]:
    """In reading order: the title's first, then the text's."""
    query = select(Suggestion).where(Suggestion.story_id == story.id)
    if kind is not None:
        query = query.where(Suggestion.kind == kind)
    title_first = case((Suggestion.part == TextPart.TITLE, 0), else_=1)
    return list(db.session.scalars(query.order_by(title_first, Suggestion.start.asc().nulls_last(),
                                                  Suggestion.id)))


def accepted_redactions(story_ids: list[int]) -> dict[int, list[Suggestion]]:
    """The personal details taken out of each story, in text order, in one query."""
    found: dict[int, list[Suggestion]] = {story_id: [] for story_id in story_ids}
    if story_ids:
        for suggestion in db.session.scalars(select(Suggestion).where(
                Suggestion.story_id.in_(story_ids), Suggestion.kind == SuggestionKind.REDACTION,
                Suggestion.status == SuggestionStatus.ACCEPTED)
                .order_by(Suggestion.story_id, Suggestion.start.asc().nulls_last(), Suggestion.id)):
            found[suggestion.story_id].append(suggestion)
    return found


def pending_count(story: Story) -> int:
    return db.session.scalar(select(func.count()).select_from(Suggestion).where(
        Suggestion.story_id == story.id, Suggestion.status == SuggestionStatus.PENDING)) or 0


def _clean_replacement(replacement: str | None) -> str | None:
    replacement = " ".join((replacement or "").split())
    if not replacement:
        return None
    if len(replacement) > 120:
        raise ModerationError("The words to use instead can be up to 120 characters.", "replacement")
    return replacement


def _in_words(suggestion: Suggestion) -> str:
    """What the suggestion was, for the audit log, as a person would say it (the codes stay in the raw record):
    "A person's name, characters 282 to 297 of the story", not "redaction PERSON at 282-297"."""
    if suggestion.kind == SuggestionKind.REDACTION:
        what = MANUAL_LABELS.get(suggestion.label, "a detail that could identify someone")
        where = "title" if suggestion.in_title else "story"
        return f"{what[0].upper()}{what[1:]}, characters {suggestion.start} to {suggestion.end} of the {where}"
    kind = "A content warning" if suggestion.kind == SuggestionKind.CONTENT_WARNING else "A theme"
    return f"{kind}: {suggestion.label}"


def decide_suggestion(suggestion: Suggestion, decision: str, moderator: User, replacement: str | None = None,
                      now: datetime | None = None) -> Suggestion:
    """Accept or reject one suggestion. It can be changed again until the story is decided."""
    now = now or utcnow()
    if decision not in ("accept", "reject"):
        raise ModerationError("Please choose accept or reject.")
    story = db.session.get(Story, suggestion.story_id)
    require_claim(story, moderator, now)
    replacement = _clean_replacement(replacement) if suggestion.kind == SuggestionKind.REDACTION else None
    before = {"status": suggestion.status.value, "replacement": suggestion.replacement}
    suggestion.status = SuggestionStatus.ACCEPTED if decision == "accept" else SuggestionStatus.REJECTED
    suggestion.replacement = replacement if decision == "accept" else None
    suggestion.decided_by_id = moderator.id
    suggestion.decided_at = now
    if suggestion.kind == SuggestionKind.THEME:  # an accepted theme is a confirmed tag, in this same transaction
        if suggestion.status == SuggestionStatus.ACCEPTED:
            tagging.confirm_theme(story, suggestion.label, moderator, now)
        else:
            tagging.unconfirm_theme(story, suggestion.label, moderator, now)
    record(f"moderation.suggestion_{suggestion.status.value}", moderator, suggestion, before=before,
           after={"status": suggestion.status.value, "replacement": suggestion.replacement,
                  "story": story_label(story), "kind": suggestion.kind.value, "label": suggestion.label},
           detail=_in_words(suggestion))
    db.session.commit()
    return suggestion


def _places(text: str, words: str, part: TextPart, flags: int = 0) -> list[tuple[TextPart, int, int]]:
    return [(part, m.start(), m.end()) for m in re.finditer(re.escape(words), text, flags=flags)]


def add_manual_redaction(story: Story, text: str, moderator: User, label: str = "OTHER",
                         replacement: str | None = None, now: datetime | None = None) -> list[Suggestion]:
    """A moderator removes words the analysis missed: every place those exact words appear in the title and the
    story (a name in the title would otherwise be left showing)."""
    now = now or utcnow()
    require_claim(story, moderator, now)
    text = (text or "").strip()
    if not text:
        raise ModerationError("Please type or paste the words to remove.", "text")
    if label not in MANUAL_LABELS:
        raise ModerationError("Please choose what kind of detail this is.", "label")
    replacement = _clean_replacement(replacement)
    words = {TextPart.TITLE: story.title or "", TextPart.BODY: story.body or ""}
    spans = [place for part, written in words.items() for place in _places(written, text, part)]
    if not spans:
        spans = [place for part, written in words.items()
                 for place in _places(written, text, part, flags=re.IGNORECASE)]
    if not spans:
        raise ModerationError("We could not find those words in the story. Please copy them exactly as they are "
                              "written, including capital letters and punctuation.", "text")
    added = []
    for part, start, end in spans:
        suggestion = Suggestion(story_id=story.id, kind=SuggestionKind.REDACTION, label=label, part=part,
                                start=start, end=end, original_text=words[part][start:end], replacement=replacement,
                                reason=f"Removed by a moderator: {MANUAL_LABELS[label]}.",
                                status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR,
                                created_by_id=moderator.id, decided_by_id=moderator.id, decided_at=now)
        db.session.add(suggestion)
        added.append(suggestion)
    db.session.flush()
    record("moderation.redaction_added", moderator, story,
           after={"label": label, "places": [[s.start, s.end] for s in added if not s.in_title],
                  "title_places": [[s.start, s.end] for s in added if s.in_title], "replacement": replacement,
                  "suggestions": [s.id for s in added]})
    db.session.commit()
    return added


def add_label(story: Story, kind: SuggestionKind, label: str, moderator: User,
              now: datetime | None = None) -> Suggestion:
    """A moderator adds a theme or content warning the analysis did not suggest."""
    now = now or utcnow()
    require_claim(story, moderator, now)
    label = " ".join((label or "").split())
    if kind not in (SuggestionKind.THEME, SuggestionKind.CONTENT_WARNING) or not label:
        raise ModerationError("Please choose a theme or type a content warning.", "label")
    if len(label) > 60:
        raise ModerationError("A content warning can be up to 60 characters.", "label")
    existing = db.session.scalar(select(Suggestion).where(Suggestion.story_id == story.id,
                                                          Suggestion.kind == kind, Suggestion.label == label))
    if existing is not None:
        if existing.status != SuggestionStatus.ACCEPTED:
            return decide_suggestion(existing, "accept", moderator, now=now)
        return existing
    suggestion = Suggestion(story_id=story.id, kind=kind, label=label, reason="Added by a moderator.",
                            status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, created_by_id=moderator.id,
                            decided_by_id=moderator.id, decided_at=now)
    db.session.add(suggestion)
    db.session.flush()
    record(f"moderation.{kind.value}_added", moderator, suggestion, after={"label": label,
                                                                         "story": story_label(story)})
    if kind == SuggestionKind.THEME:
        tagging.confirm_theme(story, label, moderator, now)
    db.session.commit()
    return suggestion


def accepted_labels(story: Story, kind: SuggestionKind) -> list[str]:
    return [s.label for s in suggestions_for(story, kind) if s.status == SuggestionStatus.ACCEPTED]


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Overlapping redactions become one span covering both, so no part of either is ever left showing."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            if finding.end > last.end:
                merged[-1] = Finding(last.label, last.start, finding.end, last.text + "…", last.confidence,
                                     last.reason)
            continue
        merged.append(finding)
    return merged


def _redacted_part(text: str, chosen: list[Suggestion]):
    """The merged findings and the moderators' replacements for one part (title or text) of a story."""
    for s in chosen:
        if text[s.start:s.end] != s.original_text:
            raise ModerationError("The story's words changed after it was analysed. Please reload the page.")
    findings = [Finding(s.label, s.start, s.end, s.original_text or "", s.confidence or 1.0, s.reason)
                for s in chosen]
    merged = _without_overlaps(findings)
    overrides = {(s.start, s.end): s.replacement for s in chosen if s.replacement}
    # A replacement chosen for a span that was merged into a wider one applies to the wider one.
    for finding in merged:
        for s in chosen:
            if s.replacement and finding.start <= s.start and s.end <= finding.end:
                overrides.setdefault((finding.start, finding.end), s.replacement)
    return text, merged, overrides


def redacted_title_and_text(story: Story, suggestions: Iterable[Suggestion] | None = None) -> tuple[str, str]:
    """The title and the text with every accepted redaction replaced, through the analysis's redact_parts()
    (consistent placeholders: the same person is "[Person A]" all the way through, title included; a moderator's
    replacement wins, exactly as they typed it: "the night carer" stays without brackets, so the story reads as
    the moderator meant)."""
    chosen = [s for s in (suggestions if suggestions is not None else suggestions_for(story))
              if s.kind == SuggestionKind.REDACTION and s.status == SuggestionStatus.ACCEPTED
              and s.start is not None and s.end is not None]
    title, text = redact_parts([
        _redacted_part(story.title or "", [s for s in chosen if s.in_title]),
        _redacted_part(story.body or "", [s for s in chosen if not s.in_title]),
    ])
    return title, text


def redacted_text(story: Story, suggestions: Iterable[Suggestion] | None = None) -> str:
    """The text as readers will see it (see redacted_title_and_text)."""
    return redacted_title_and_text(story, suggestions)[1]


def redacted_title(story: Story, suggestions: Iterable[Suggestion] | None = None) -> str:
    """The title as readers will see it (see redacted_title_and_text)."""
    return redacted_title_and_text(story, suggestions)[0]
