"""The audit log in plain words: a sentence per kind of event, the object it was about, and what changed.

The raw record (event code, object type and id, before and after as stored) stays a click away on the page and
complete in the CSV export; these words are only how a person reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

EVENT_WORDS = {
    "account.created": "Created an account",
    "account.activated": "Turned an account back on",
    "account.deactivated": "Turned an account off",
    "account.deleted": "Deleted an account",
    "password.changed": "Changed a password",
    "roles.changed": "Changed what a person can do (their roles)",
    "sign_in": "Signed in",
    "sign_in.failed": "Tried to sign in, but the username or password was wrong",
    "sign_out": "Signed out",
    "session.timed_out": "Was signed out after a time without activity",
    "api_token.created": "Made a key for the stories API",
    "api_token.revoked": "Stopped a stories API key working",
    "data.exported": "Downloaded a copy of a person's information",
    "audit.exported": "Downloaded the audit log as a spreadsheet (CSV)",
    "story.draft_started": "Started writing a story",
    "story.draft_deleted": "Deleted a story that was not sent",
    "story.submitted": "Sent a story to be read by a moderator",
    "story.resubmitted": "Sent a changed story back to the moderators",
    "story.withdrawn": "Took a story back",
    "story.erased": "Deleted the words of a story that was taken back",
    "story.seeded": "Added a demo story",
    "story_key.checked": "Opened a story with its story key",
    "story_key.failed": "Tried a story reference and key that did not match",
    "story_key.finished": "Finished with a story opened by its key",
    "consent.recorded": "Recorded how a story may be used",
    "consent.changed": "Changed how a story may be used",
    "moderation.prepared": "Prepared a story for moderators (suggestions from the text analysis)",
    "moderation.claimed": "Started reading a story as its moderator",
    "moderation.released": "Let another moderator take a story",
    "moderation.suggestion_accepted": "Removed words the analysis suggested removing",
    "moderation.suggestion_rejected": "Kept words the analysis suggested removing",
    "moderation.suggestion_pending": "Put a suggestion back to be decided",
    "moderation.redaction_added": "Removed words the analysis had missed",
    "moderation.theme_added": "Added a theme to a story",
    "moderation.content_warning_added": "Added a content warning to a story",
    "moderation.approved": "Approved a story",
    "moderation.changes_requested": "Asked the contributor about a change to their story",
    "moderation.declined": "Declined a story, and told the contributor why",
    "moderation.clarity_proposed": "Suggested an edit for clarity",
    "moderation.clarity_agreed": "Agreed to an edit for clarity",
    "moderation.clarity_declined": "Said no to an edit for clarity",
    "moderation.appeal_opened": "Asked the moderators to look again at a decision",
    "moderation.appeal_upheld": "Looked again and kept the decision",
    "moderation.appeal_overturned": "Looked again and changed the decision",
    "moderation.ended_by_withdrawal": "Stopped moderation because the story was taken back",
    "moderation.original_purged": "Deleted the original words of an approved story",
    "moderation.decline_reason_edited": "Changed a reason moderators give when they decline a story",
    "safeguarding.raised": "Raised a safeguarding concern",
    "safeguarding.actioned": "Recorded what was done about a safeguarding concern",
    "tagging.suggested": "Suggested a tag for a story",
    "tagging.confirmed": "Confirmed a tag on a story",
    "tagging.rejected": "Said a suggested tag does not fit a story",
    "tagging.removed": "Removed a tag from a story",
    "taxonomy.group_added": "Added a group of tags",
    "taxonomy.tag_added": "Added a tag",
    "taxonomy.tag_edited": "Changed a tag",
    "taxonomy.tag_renamed": "Renamed a tag",
    "taxonomy.tag_deleted": "Deleted a tag",
    "taxonomy.tags_merged": "Merged two tags into one",
    "pack.created": "Started a training pack",
    "pack.updated": "Changed a training pack's details",
    "pack.section_added": "Added a section to a training pack",
    "pack.section_updated": "Changed a section of a training pack",
    "pack.section_moved": "Moved a section of a training pack",
    "pack.section_removed": "Removed a section from a training pack",
    "pack.story_added": "Added a story to a training pack",
    "pack.default_activities_added": "Added the usual activities to a training pack",
    "saved_search.saved": "Saved a search",
    "saved_search.deleted": "Deleted a saved search",
    "job.retried": "Asked for background work that had failed to be tried again",
}

OBJECT_WORDS = {
    "users": "Person",
    "stories": "Story",
    "consent_records": "Consent record",
    "moderation_suggestions": "Suggestion",
    "safeguarding_concerns": "Safeguarding concern",
    "moderation_decisions": "Decision",
    "moderation_appeals": "Request to look again",
    "decline_reason_templates": "Decline reason",
    "clarity_edits": "Edit for clarity",
    "story_reviews": "Story in moderation",
    "tag_groups": "Group of tags",
    "tags": "Tag",
    "story_tags": "Tag on a story",
    "packs": "Training pack",
    "pack_sections": "Section of a training pack",
    "saved_searches": "Saved search",
    "api_tokens": "Stories API key",
    "jobs": "Background work",
}

OBJECT_PAGES = {
    "users": ("admin.user_detail", "user_id"),
    "stories": ("moderation.review", "story_id"),
    "safeguarding_concerns": ("moderation.concern", "concern_id"),
    "moderation_appeals": ("moderation.appeal", "appeal_id"),
    "tag_groups": ("taxonomy.group", "group_id"),
    "tags": ("taxonomy.edit_tag", "tag_id"),
}
"""Where an object's own page is, for the ones that have one; the page links it only for people who may open it."""

FIELD_WORDS = {
    "status": "Where it is",
    "claimed_by": "Who is reading it",
    "until": "Until",
    "replacement": "Words used instead",
    "roles": "Roles",
    "action": "Action",
    "reference": "Reference",
    "story": "Story",
    "category": "Kind of concern",
    "label": "Kind of detail",
    "places": "Places in the text",
}

_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def event_words(action: str) -> str:
    """The sentence for an event; an event with no sentence yet still reads as words, not a code."""
    if action in EVENT_WORDS:
        return EVENT_WORDS[action]
    return action.replace(".", ": ").replace("_", " ").capitalize()


def object_words(object_type: str | None) -> str:
    if not object_type:
        return ""
    return OBJECT_WORDS.get(object_type, object_type.replace("_", " ").capitalize())


def value_words(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value.replace("_", " ") if _CODE.match(value) else value
    if isinstance(value, list):
        return ", ".join(value_words(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{field_words(key)}: {value_words(item)}" for key, item in value.items())
    return str(value)


def field_words(key: str) -> str:
    return FIELD_WORDS.get(key, key.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Change:
    field: str
    before: str | None
    after: str | None


def changes(before: dict | None, after: dict | None) -> list[Change]:
    """Before and after as one readable list: each field once, with what it was and what it became."""
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before, *after]))
    return [Change(field_words(key), value_words(before[key]) if key in before else None,
                   value_words(after[key]) if key in after else None) for key in keys]


def raw_record(event) -> str:
    """The event exactly as stored, for anyone who needs the codes."""
    return json.dumps({"id": event.id, "occurred_at": event.occurred_at.isoformat(), "actor": event.actor_label,
                       "actor_id": event.actor_id, "action": event.action, "object_type": event.object_type,
                       "object_id": event.object_id, "before": event.before, "after": event.after,
                       "detail": event.detail}, indent=2, ensure_ascii=False, sort_keys=False)
