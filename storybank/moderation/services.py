"""Moderation's rules. The analysis suggests; a named moderator decides, and every decision is audited.

Every function takes the acting person, owns its commit and records an audit event for each change. Decisions
on a story need a live claim by the person deciding, and change the story with one conditional UPDATE, so when
two moderators race for the same story exactly one wins and the other is told kindly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, or_, select, update

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import (
    Appeal,
    AppealOutcome,
    ClarityEdit,
    ClarityStatus,
    ConcernAction,
    DecisionOutcome,
    DeclineReasonTemplate,
    ModerationDecision,
    SafeguardingConcern,
    Source,
    StoryReview,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from storybank.moderation.notifications import notify, send_emails
from storybank.moderation.reasons import DEFAULT_DECLINE_REASONS, DeclineReason
from storybank.stories.models import Story, StoryStatus
from storybank.text.analysis import Analysis, Finding, analyse, analyse_many, redact

WAITING = (StoryStatus.SUBMITTED, StoryStatus.IN_REVIEW)

ALREADY_DECIDED = ("Another moderator has already made a decision about this story, so yours was not saved. "
                   "Nothing is lost: please look at the story again to see where it is now.")
OWN_STORY = ("This is your own story, so another moderator needs to read it. "
             "That keeps the decision fair for you and for everyone else.")

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


class ModerationError(ValueError):
    """Something the moderator (or contributor) can put right; ``field`` names the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def _claim_length() -> timedelta:
    return timedelta(minutes=int(current_app.config.get("STORYBANK_CLAIM_MINUTES", 30)))


def _safeguarding_deadline() -> timedelta:
    return timedelta(hours=int(current_app.config.get("STORYBANK_SAFEGUARDING_HOURS", 24)))


def _body_hash(story: Story) -> str:
    return hashlib.sha256((story.body or "").encode()).hexdigest()


def _is_own(story: Story, user: User) -> bool:
    return user.id is not None and user.id in (story.author_id, story.supporter_id)


def _story_label(story: Story) -> str:
    return story.reference or f"story {story.id}"


def review_for(story: Story) -> StoryReview | None:
    return db.session.scalar(select(StoryReview).where(StoryReview.story_id == story.id))


def _ensure_review(story: Story) -> StoryReview:
    review = review_for(story)
    if review is None:
        review = StoryReview(story_id=story.id)
        db.session.add(review)
        db.session.flush()
    return review


def suggestions_for(story: Story, kind: SuggestionKind | None = None) -> list[Suggestion]:
    query = select(Suggestion).where(Suggestion.story_id == story.id)
    if kind is not None:
        query = query.where(Suggestion.kind == kind)
    return list(db.session.scalars(query.order_by(Suggestion.start.asc().nulls_last(), Suggestion.id)))


def pending_count(story: Story) -> int:
    return db.session.scalar(select(func.count()).select_from(Suggestion).where(
        Suggestion.story_id == story.id, Suggestion.status == SuggestionStatus.PENDING)) or 0


def concerns_for(story: Story) -> list[SafeguardingConcern]:
    return list(db.session.scalars(select(SafeguardingConcern).where(SafeguardingConcern.story_id == story.id)
                                   .order_by(SafeguardingConcern.raised_at, SafeguardingConcern.id)))


def _has_open_concern(story_id: int) -> bool:
    return db.session.scalar(select(func.count()).select_from(SafeguardingConcern).where(
        SafeguardingConcern.story_id == story_id, SafeguardingConcern.action.is_(None))) > 0


def decisions_for(story: Story) -> list[ModerationDecision]:
    return list(db.session.scalars(select(ModerationDecision).where(ModerationDecision.story_id == story.id)
                                   .order_by(ModerationDecision.decided_at, ModerationDecision.id)))


def latest_decision(story: Story) -> ModerationDecision | None:
    decisions = decisions_for(story)
    return decisions[-1] if decisions else None


def needs_preparing(story: Story, review: StoryReview | None = None) -> bool:
    if story.status not in WAITING or not story.body:
        return False
    review = review if review is not None else review_for(story)
    return review is None or review.prepared_body_hash != _body_hash(story)


def _clear_old_results(story: Story, review: StoryReview) -> dict | None:
    """Suggestions for old words no longer point at the right place; an unagreed edit for clarity of old
    words no longer fits the new ones. Safeguarding concerns are never cleared: they are the safety record."""
    replaced = retired = 0
    if review.prepared_body_hash is not None:
        replaced = db.session.execute(delete(Suggestion).where(Suggestion.story_id == story.id)).rowcount
    if review.prepared_body_hash not in (None, _body_hash(story)):
        retired = db.session.execute(delete(ClarityEdit).where(
            ClarityEdit.story_id == story.id, ClarityEdit.status == ClarityStatus.PENDING)).rowcount
    return {"suggestions": replaced, "clarity_edits_retired": retired} if replaced or retired else None


def _store_analysis(story: Story, analysis: Analysis) -> int:
    """Suggestions for a person to decide, and a concern per new safeguarding signal; returns concerns opened."""
    for finding in analysis.findings:
        db.session.add(Suggestion(
            story_id=story.id, kind=SuggestionKind.REDACTION, label=finding.label, start=finding.start,
            end=finding.end, original_text=finding.text, reason=finding.reason[:300],
            confidence=finding.confidence, source=Source.MACHINE))
    for theme in analysis.themes:
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.THEME, label=theme.slug,
                                  reason=theme.reason[:300], source=Source.MACHINE))
    for warning in analysis.content_warnings:
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label=warning,
                                  reason=f"The story seems to talk about {warning}, so readers may want to know "
                                         "before they start.", source=Source.MACHINE))
    known = {(c.category, c.sentence) for c in concerns_for(story)}
    opened = 0
    for signal in analysis.safeguarding:
        if (signal.category, signal.sentence_text) in known:
            continue
        known.add((signal.category, signal.sentence_text))
        db.session.add(SafeguardingConcern(story_id=story.id, category=signal.category,
                                           sentence=signal.sentence_text, reason=signal.reason[:300],
                                           raised_by_machine=True))
        opened += 1
    db.session.flush()
    return opened


def prepare_for_review(story: Story, actor: User | None = None, *, analysis: Analysis | None = None,
                       force: bool = False) -> StoryReview | None:
    """Run the analysis once for this text: suggestions to decide, and a concern for each safeguarding signal.

    Idempotent: the same text is never analysed twice unless ``force`` is given (``flask analysis reanalyse``,
    after the rules improved). When the contributor changed the text (after changes were requested), the old
    suggestions and any unagreed edit for clarity are replaced.
    """
    if story.status not in WAITING or not story.body:
        return None
    review = _ensure_review(story)
    if review.prepared_body_hash == _body_hash(story) and not force:
        return review
    cleared = _clear_old_results(story, review)
    if analysis is None:
        analysis = analyse(story.body, model=current_app.config.get("STORYBANK_SPACY_MODEL"))
    opened = _store_analysis(story, analysis)
    review.urgent = _has_open_concern(story.id)
    review.prepared_at = utcnow()
    review.prepared_body_hash = _body_hash(story)
    record("moderation.prepared", actor, story, actor_label=None if actor else "analysis",
           before=cleared,
           after={"redactions": len(analysis.findings), "themes": len(analysis.themes),
                  "content_warnings": len(analysis.content_warnings), "concerns_opened": opened,
                  "urgent": review.urgent})
    db.session.commit()
    return review


def prepare_waiting_stories() -> int:
    """Called by the queue, so every waiting story is analysed, also when its text changed after a request
    for changes, whoever sent it and however. Comparing a hash of each waiting text is cheap."""
    rows = db.session.execute(
        select(Story, StoryReview).outerjoin(StoryReview, StoryReview.story_id == Story.id)
        .where(Story.status.in_(WAITING), Story.body.is_not(None))).all()
    stale = [story for story, review in rows if needs_preparing(story, review)]
    for story in stale:
        prepare_for_review(story)
    return len(stale)


@dataclass(frozen=True)
class ReanalyseResult:
    reanalysed: int
    skipped_with_decisions: int


def reanalyse_waiting(batch_size: int = 64, progress: Callable[[int], None] | None = None) -> ReanalyseResult:
    """Re-run the analysis over every waiting story in batches (nlp.pipe), e.g. after the rules improved.

    A story where a moderator has already decided a suggestion is left alone: their decisions are worth more
    than a fresh guess. ``progress`` is told how many stories each batch finished.
    """
    rows = db.session.execute(
        select(Story.id, Story.body).where(Story.status.in_(WAITING), Story.body.is_not(None)).order_by(Story.id)
    ).all()
    decided = set(db.session.scalars(select(Suggestion.story_id).distinct().where(
        Suggestion.status != SuggestionStatus.PENDING, Suggestion.story_id.in_([r.id for r in rows]))))
    todo = [row for row in rows if row.id not in decided]
    model = current_app.config.get("STORYBANK_SPACY_MODEL")
    done = 0
    for start in range(0, len(todo), batch_size):
        batch = todo[start:start + batch_size]
        for row, analysis in zip(batch, analyse_many([r.body for r in batch], batch_size=batch_size, model=model),
                                 strict=True):
            prepare_for_review(db.session.get(Story, row.id), analysis=analysis, force=True)
            done += 1
        if progress is not None:
            progress(len(batch))
    return ReanalyseResult(reanalysed=done, skipped_with_decisions=len(rows) - len(todo))


@dataclass(frozen=True)
class QueueEntry:
    story: Story
    review: StoryReview | None
    open_concerns: int
    pending: int

    @property
    def urgent(self) -> bool:
        return self.open_concerns > 0


def queue(status: str | None = None, care_setting: str | None = None) -> list[QueueEntry]:
    """Stories waiting for a moderator: open safeguarding concerns first, then the longest waiting."""
    statuses = [StoryStatus(status)] if status in {s.value for s in WAITING} else list(WAITING)
    open_concerns = (select(func.count()).select_from(SafeguardingConcern)
                     .where(SafeguardingConcern.story_id == Story.id, SafeguardingConcern.action.is_(None))
                     .correlate(Story).scalar_subquery())
    pending = (select(func.count()).select_from(Suggestion)
               .where(Suggestion.story_id == Story.id, Suggestion.status == SuggestionStatus.PENDING)
               .correlate(Story).scalar_subquery())
    query = (select(Story, StoryReview, open_concerns, pending)
             .outerjoin(StoryReview, StoryReview.story_id == Story.id)
             .where(Story.status.in_(statuses)))
    if care_setting:
        query = query.where(Story.care_setting == care_setting)
    query = query.order_by((open_concerns > 0).desc(), Story.submitted_at.asc().nulls_last(), Story.id)
    return [QueueEntry(story, review, concerns, waiting)
            for story, review, concerns, waiting in db.session.execute(query)]


def queue_counts() -> dict[str, int]:
    rows = db.session.execute(select(Story.status, func.count()).where(Story.status.in_(WAITING))
                              .group_by(Story.status))
    counts = {status.value: 0 for status in WAITING}
    counts.update({status.value: number for status, number in rows})
    counts["urgent"] = db.session.scalar(
        select(func.count(func.distinct(SafeguardingConcern.story_id)))
        .join(Story, Story.id == SafeguardingConcern.story_id)
        .where(SafeguardingConcern.action.is_(None), Story.status.in_(WAITING))) or 0
    return counts


def waiting_care_settings() -> list[str]:
    return list(db.session.scalars(select(Story.care_setting).distinct()
                                   .where(Story.status.in_(WAITING), Story.care_setting.is_not(None))
                                   .order_by(Story.care_setting)))


def claim(story: Story, moderator: User, now: datetime | None = None) -> StoryReview:
    """Take a story to read. Others see who holds it; the claim ends by itself after STORYBANK_CLAIM_MINUTES."""
    now = now or utcnow()
    if _is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if story.status not in WAITING:
        raise ModerationError("This story is not waiting for a moderator any more: "
                              f"{story.status.plain_words.lower()}.")
    prepare_for_review(story)
    review = _ensure_review(story)
    before_holder = review.claimed_by.username if review.claim_is_live(now) and review.claimed_by else None
    taken = db.session.execute(
        update(StoryReview)
        .where(StoryReview.story_id == story.id,
               or_(StoryReview.claimed_by_id.is_(None), StoryReview.claimed_by_id == moderator.id,
                   StoryReview.claim_expires_at <= now))
        .values(claimed_by_id=moderator.id, claimed_at=now, claim_expires_at=now + _claim_length())
        .execution_options(synchronize_session=False)).rowcount
    if taken != 1:
        db.session.rollback()
        review = review_for(story)
        holder = review.claimed_by.name_to_show if review and review.claimed_by else "Another moderator"
        raise ModerationError(f"{holder} is reading this story now. You can pick another story, or come back "
                              "later: claims end by themselves if nobody is working on them.")
    db.session.execute(update(Story).where(Story.id == story.id, Story.status == StoryStatus.SUBMITTED)
                       .values(status=StoryStatus.IN_REVIEW).execution_options(synchronize_session=False))
    db.session.expire_all()
    record("moderation.claimed", moderator, story, before={"claimed_by": before_holder},
           after={"claimed_by": moderator.username, "until": (now + _claim_length()).isoformat()})
    db.session.commit()
    return review_for(story)


def release(story: Story, moderator: User) -> None:
    review = review_for(story)
    if review is None or review.claimed_by_id != moderator.id:
        return
    review.claimed_by_id = None
    review.claimed_at = review.claim_expires_at = None
    record("moderation.released", moderator, story, before={"claimed_by": moderator.username},
           after={"claimed_by": None})
    db.session.commit()


def _require_claim(story: Story, moderator: User, now: datetime) -> StoryReview:
    """A moderator acts on a story only while holding it; each action keeps the claim alive."""
    if _is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if story.status != StoryStatus.IN_REVIEW:
        raise ModerationError(ALREADY_DECIDED if story.status not in WAITING else
                              "Please claim this story first, so other moderators know you are reading it.")
    review = review_for(story)
    if review is None or review.claimed_by_id != moderator.id:
        raise ModerationError("Please claim this story first, so other moderators know you are reading it.")
    if not review.claim_is_live(now):
        raise ModerationError("Your claim on this story ran out, so nothing was saved. "
                              "Please claim it again to carry on.")
    review.claim_expires_at = now + _claim_length()
    return review


def _live_claim_by(moderator: User, now: datetime):
    return (select(StoryReview.story_id)
            .where(StoryReview.claimed_by_id == moderator.id, StoryReview.claim_expires_at > now))


def _clean_replacement(replacement: str | None) -> str | None:
    replacement = " ".join((replacement or "").split())
    if not replacement:
        return None
    if len(replacement) > 120:
        raise ModerationError("The words to use instead can be up to 120 characters.", "replacement")
    return replacement


def decide_suggestion(suggestion: Suggestion, decision: str, moderator: User, replacement: str | None = None,
                      now: datetime | None = None) -> Suggestion:
    """Accept or reject one suggestion. It can be changed again until the story is decided."""
    now = now or utcnow()
    if decision not in ("accept", "reject"):
        raise ModerationError("Please choose accept or reject.")
    story = db.session.get(Story, suggestion.story_id)
    _require_claim(story, moderator, now)
    replacement = _clean_replacement(replacement) if suggestion.kind == SuggestionKind.REDACTION else None
    before = {"status": suggestion.status.value, "replacement": suggestion.replacement}
    suggestion.status = SuggestionStatus.ACCEPTED if decision == "accept" else SuggestionStatus.REJECTED
    suggestion.replacement = replacement if decision == "accept" else None
    suggestion.decided_by_id = moderator.id
    suggestion.decided_at = now
    record(f"moderation.suggestion_{suggestion.status.value}", moderator, suggestion, before=before,
           after={"status": suggestion.status.value, "replacement": suggestion.replacement,
                  "story": _story_label(story), "kind": suggestion.kind.value, "label": suggestion.label},
           detail=f"{suggestion.kind.value} {suggestion.label} at {suggestion.start}-{suggestion.end}"
           if suggestion.kind == SuggestionKind.REDACTION else f"{suggestion.kind.value} {suggestion.label}")
    db.session.commit()
    return suggestion


def add_manual_redaction(story: Story, text: str, moderator: User, label: str = "OTHER",
                         replacement: str | None = None, now: datetime | None = None) -> list[Suggestion]:
    """A moderator removes words the analysis missed: every place those exact words appear in the story."""
    now = now or utcnow()
    _require_claim(story, moderator, now)
    text = (text or "").strip()
    if not text:
        raise ModerationError("Please type or paste the words to remove.", "text")
    if label not in MANUAL_LABELS:
        raise ModerationError("Please choose what kind of detail this is.", "label")
    replacement = _clean_replacement(replacement)
    body = story.body or ""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(text), body)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(text), body, flags=re.IGNORECASE)]
    if not spans:
        raise ModerationError("We could not find those words in the story. Please copy them exactly as they are "
                              "written, including capital letters and punctuation.", "text")
    added = []
    for start, end in spans:
        suggestion = Suggestion(story_id=story.id, kind=SuggestionKind.REDACTION, label=label, start=start,
                                end=end, original_text=body[start:end], replacement=replacement,
                                reason=f"Removed by a moderator: {MANUAL_LABELS[label]}.",
                                status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR,
                                created_by_id=moderator.id, decided_by_id=moderator.id, decided_at=now)
        db.session.add(suggestion)
        added.append(suggestion)
    db.session.flush()
    record("moderation.redaction_added", moderator, story,
           after={"label": label, "places": [[s.start, s.end] for s in added], "replacement": replacement,
                  "suggestions": [s.id for s in added]})
    db.session.commit()
    return added


def add_label(story: Story, kind: SuggestionKind, label: str, moderator: User,
              now: datetime | None = None) -> Suggestion:
    """A moderator adds a theme or content warning the analysis did not suggest."""
    now = now or utcnow()
    _require_claim(story, moderator, now)
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
                                                                         "story": _story_label(story)})
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


def redacted_text(story: Story, suggestions: Iterable[Suggestion] | None = None) -> str:
    """The text with every accepted redaction replaced, through the analysis's redact() (consistent
    placeholders: the same person is "[Person A]" all the way through; a moderator's replacement wins)."""
    body = story.body or ""
    chosen = [s for s in (suggestions if suggestions is not None else suggestions_for(story))
              if s.kind == SuggestionKind.REDACTION and s.status == SuggestionStatus.ACCEPTED
              and s.start is not None and s.end is not None]
    for s in chosen:
        if body[s.start:s.end] != s.original_text:
            raise ModerationError("The story's words changed after it was analysed. Please reload the page.")
    findings = [Finding(s.label, s.start, s.end, s.original_text or "", s.confidence or 1.0, s.reason)
                for s in chosen]
    merged = _without_overlaps(findings)
    overrides = {(s.start, s.end): f"[{s.replacement}]" for s in chosen if s.replacement}
    # A replacement chosen for a span that was merged into a wider one applies to the wider one.
    for finding in merged:
        for s in chosen:
            if s.replacement and finding.start <= s.start and s.end <= finding.end:
                overrides.setdefault((finding.start, finding.end), f"[{s.replacement}]")
    return redact(body, merged, placeholders=overrides)


def current_clarity_edit(story: Story) -> ClarityEdit | None:
    return db.session.scalar(select(ClarityEdit).where(
        ClarityEdit.story_id == story.id, ClarityEdit.status.in_([ClarityStatus.PENDING, ClarityStatus.AGREED]))
        .order_by(ClarityEdit.id.desc()).limit(1))


def pending_clarity_edit(story: Story) -> ClarityEdit | None:
    """For "My stories": an edit for clarity waiting for the contributor to agree (or not)."""
    edit = current_clarity_edit(story)
    return edit if edit is not None and edit.status == ClarityStatus.PENDING else None


def propose_clarity_edit(story: Story, moderator: User, text: str, note: str | None = None,
                         now: datetime | None = None) -> ClarityEdit:
    """Edits beyond redaction are only used once the contributor agrees; until then the story waits."""
    now = now or utcnow()
    _require_claim(story, moderator, now)
    redactions = suggestions_for(story, SuggestionKind.REDACTION)
    if any(s.status == SuggestionStatus.PENDING for s in redactions):
        raise ModerationError("Please decide every suggested removal first, so your edit starts from the text "
                              "with personal details taken out.", "text")
    text = (text or "").replace("\r\n", "\n").strip()
    based_on = redacted_text(story, redactions)
    if not text or text == based_on.strip():
        raise ModerationError("The text is the same as before. Change some words, or leave this out.", "text")
    for s in redactions:
        if s.status == SuggestionStatus.ACCEPTED and s.original_text and re.search(
                rf"(?<!\w){re.escape(s.original_text)}(?!\w)", text, flags=re.IGNORECASE):
            raise ModerationError(f"Your edit still contains “{s.original_text}”, which you chose to remove. "
                                  "Please take it out.", "text")
    edit = pending_clarity_edit(story)
    before = {"proposed": edit is not None}
    if edit is None:
        edit = ClarityEdit(story_id=story.id)
        db.session.add(edit)
    edit.proposed_text, edit.based_on, edit.note = text, based_on, (note or "").strip() or None
    edit.proposed_by_id, edit.proposed_at = moderator.id, now
    db.session.flush()
    record("moderation.clarity_proposed", moderator, edit, before=before, after={"story": _story_label(story)})
    note_row = notify(story.author, story, f"A moderator has suggested some small changes to make your story "
                      f"“{story.title}” clearer. Nothing changes unless you agree. Please have a look at them in "
                      "“My stories” and tell us what you think.")
    db.session.commit()
    send_emails([note_row])
    return edit


def _answer_clarity_edit(story: Story, user: User, agree: bool) -> ClarityEdit:
    if user.id not in (story.author_id, story.supporter_id):
        raise ModerationError("Only the person who shared this story can answer this.")
    edit = pending_clarity_edit(story)
    if edit is None:
        raise ModerationError("There is no suggested change waiting for you on this story.")
    edit.status = ClarityStatus.AGREED if agree else ClarityStatus.DECLINED
    edit.answered_at = utcnow()
    before = {"moderated_body_set": story.moderated_body is not None}
    if story.status == StoryStatus.APPROVED and story.withdrawn_at is None:
        story.moderated_body = edit.proposed_text if agree else edit.based_on
    record("moderation.clarity_agreed" if agree else "moderation.clarity_declined", user, edit, before=before,
           after={"moderated_body_set": story.moderated_body is not None, "story": _story_label(story)})
    db.session.commit()
    return edit


def agree_to_clarity_edit(story: Story, user: User) -> ClarityEdit:
    return _answer_clarity_edit(story, user, True)


def decline_clarity_edit(story: Story, user: User) -> ClarityEdit:
    """The story is then used with personal details removed and the contributor's own words otherwise."""
    return _answer_clarity_edit(story, user, False)


def _decide(story: Story, moderator: User, outcome: DecisionOutcome, now: datetime, values: dict,
            reason_template_key: str | None = None, message: str | None = None) -> ModerationDecision:
    """One conditional UPDATE: the story is still in review AND this moderator still holds a live claim."""
    _require_claim(story, moderator, now)
    db.session.flush()
    changed = db.session.execute(
        update(Story)
        .where(Story.id == story.id, Story.status == StoryStatus.IN_REVIEW,
               Story.id.in_(_live_claim_by(moderator, now)))
        .values(**values).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise ModerationError(ALREADY_DECIDED)
    db.session.execute(update(StoryReview).where(StoryReview.story_id == story.id)
                       .values(claimed_by_id=None, claimed_at=None, claim_expires_at=None)
                       .execution_options(synchronize_session=False))
    db.session.expire(story)
    decision = ModerationDecision(story_id=story.id, moderator_id=moderator.id, outcome=outcome,
                                  reason_template_key=reason_template_key, message=message, decided_at=now)
    db.session.add(decision)
    db.session.flush()
    record(f"moderation.{outcome.value}", moderator, story, before={"status": StoryStatus.IN_REVIEW.value},
           after={"status": values["status"].value, "reason_template": reason_template_key,
                  "decision": decision.id}, detail=message)
    return decision


def approve(story: Story, moderator: User, now: datetime | None = None) -> ModerationDecision:
    """Approve only when every suggestion has been decided by a person."""
    now = now or utcnow()
    undecided = pending_count(story)
    if undecided:
        raise ModerationError(
            f"Please decide every suggestion before approving: {undecided} still "
            f"{'needs' if undecided == 1 else 'need'} you to accept or reject {'it' if undecided == 1 else 'them'}.")
    moderated = redacted_text(story)
    edit = current_clarity_edit(story)
    if edit is not None and edit.based_on != moderated:
        raise ModerationError("The removals changed after the edit for clarity was made. Please look at the edit "
                              "again and save it, so it starts from the text as it is now.")
    if edit is not None and edit.status == ClarityStatus.AGREED:
        moderated = edit.proposed_text
    elif edit is not None:
        moderated = None  # waits for the contributor to agree to the clarity edit, or not
    decision = _decide(story, moderator, DecisionOutcome.APPROVED, now,
                       {"status": StoryStatus.APPROVED, "approved_at": now, "moderated_body": moderated})
    waiting = " One thing first: please look at the small changes we suggested to make it clearer." \
        if moderated is None else ""
    note = notify(story.author, story, f"Good news: your story “{story.title}” has been approved. It will only be "
                  f"used in the ways you agreed, with personal details taken out.{waiting} Thank you for sharing "
                  "it.")
    db.session.commit()
    send_emails([note])
    return decision


def request_changes(story: Story, moderator: User, message: str, now: datetime | None = None) -> ModerationDecision:
    now = now or utcnow()
    message = (message or "").strip()
    if not message:
        raise ModerationError("Please write a message to the contributor saying what you would like to change "
                              "and why.", "message")
    decision = _decide(story, moderator, DecisionOutcome.CHANGES_REQUESTED, now,
                       {"status": StoryStatus.CHANGES_REQUESTED}, message=message)
    note = notify(story.author, story, f"A moderator has read your story “{story.title}” and would like to ask "
                  f"about a change before it can be used:\n\n{message}\n\nYou can change your story and send it "
                  "again from “My stories”. Nothing you wrote has been lost.")
    db.session.commit()
    send_emails([note])
    return decision


def decline_reasons() -> list[DeclineReason]:
    """The kind defaults, with an admin's wording wherever they changed it."""
    edited = {t.key: t for t in db.session.scalars(select(DeclineReasonTemplate))}
    return [DeclineReason(r.key, edited[r.key].title, edited[r.key].text) if r.key in edited else r
            for r in DEFAULT_DECLINE_REASONS]


def decline_reason(key: str) -> DeclineReason | None:
    return next((r for r in decline_reasons() if r.key == key), None)


def decline(story: Story, moderator: User, template_key: str, free_text: str | None = None,
            now: datetime | None = None) -> ModerationDecision:
    now = now or utcnow()
    reason = decline_reason(template_key or "")
    if reason is None:
        raise ModerationError("Please choose the reason that fits best.", "reason")
    free_text = (free_text or "").strip()
    if template_key == "other" and not free_text:
        raise ModerationError("Please explain the reason in your own words.", "message")
    message = reason.text + (f"\n\n{free_text}" if free_text else "")
    decision = _decide(story, moderator, DecisionOutcome.DECLINED, now, {"status": StoryStatus.DECLINED},
                       reason_template_key=reason.key, message=message)
    note = notify(story.author, story, f"About your story “{story.title}”:\n\n{message}\n\nIf you would like "
                  "another moderator to look at this again, you can ask from “My stories”.")
    db.session.commit()
    send_emails([note])
    return decision


def edit_decline_reason(key: str, title: str, text: str, admin: User) -> DeclineReason:
    default = next((r for r in DEFAULT_DECLINE_REASONS if r.key == key), None)
    if default is None:
        raise ModerationError("There is no such reason.")
    title, text = " ".join((title or "").split()), (text or "").strip()
    if not title:
        raise ModerationError("Please give the reason a short name moderators will recognise.", "title")
    if not text:
        raise ModerationError("Please write the words the contributor will read.", "text")
    row = db.session.scalar(select(DeclineReasonTemplate).where(DeclineReasonTemplate.key == key))
    before = decline_reason(key)
    if row is None:
        row = DeclineReasonTemplate(key=key)
        db.session.add(row)
    row.title, row.text, row.updated_by_id, row.updated_at = title, text, admin.id, utcnow()
    db.session.flush()
    record("moderation.decline_reason_edited", admin, row, before={"title": before.title, "text": before.text},
           after={"title": title, "text": text})
    db.session.commit()
    return DeclineReason(key, title, text)


def open_appeal_for(story: Story) -> Appeal | None:
    return db.session.scalar(select(Appeal).where(Appeal.story_id == story.id, Appeal.outcome.is_(None)))


def can_appeal(story: Story) -> bool:
    decision = latest_decision(story)
    if story.status != StoryStatus.DECLINED or decision is None or decision.outcome != DecisionOutcome.DECLINED:
        return False
    return db.session.scalar(select(Appeal.id).where(Appeal.decision_id == decision.id)) is None


def open_appeal(story: Story, contributor: User, note: str | None = None) -> Appeal:
    """The contributor asks for the decline to be looked at again, once for each decline."""
    if contributor.id not in (story.author_id, story.supporter_id):
        raise ModerationError("Only the person who shared this story can ask for it to be looked at again.")
    if not can_appeal(story):
        raise ModerationError("You have already asked for this decision to be looked at again, or the story is "
                              "not declined. We will tell you as soon as there is news.")
    note = (note or "").strip() or None
    appeal = Appeal(story_id=story.id, decision_id=latest_decision(story).id, contributor_id=contributor.id,
                    note=note)
    db.session.add(appeal)
    db.session.flush()
    record("moderation.appeal_opened", contributor, appeal, after={"story": _story_label(story)})
    message = notify(contributor, story, f"Thank you. Another moderator will look at your story “{story.title}” "
                     "again, and we will tell you what they decide.")
    db.session.commit()
    send_emails([message])
    return appeal


def open_appeals() -> list[Appeal]:
    return list(db.session.scalars(select(Appeal).where(Appeal.outcome.is_(None)).order_by(Appeal.opened_at)))


def decide_appeal(appeal: Appeal, moderator: User, outcome: AppealOutcome | str, message: str,
                  now: datetime | None = None) -> Appeal:
    """Another moderator than the one who declined decides; the contributor is told either way, kindly."""
    now = now or utcnow()
    outcome = AppealOutcome(outcome)
    story = db.session.get(Story, appeal.story_id)
    if appeal.outcome is not None:
        raise ModerationError("This appeal has already been decided.")
    if appeal.decision.moderator_id == moderator.id:
        raise ModerationError("You made the first decision, so another moderator needs to look at this appeal. "
                              "That is what makes it a fair second look.")
    if _is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    message = (message or "").strip()
    if not message:
        raise ModerationError("Please write a few words to the contributor explaining your decision.", "message")
    if outcome == AppealOutcome.OVERTURNED:
        changed = db.session.execute(
            update(Story).where(Story.id == story.id, Story.status == StoryStatus.DECLINED)
            .values(status=StoryStatus.SUBMITTED, submitted_at=now)
            .execution_options(synchronize_session=False)).rowcount
        if changed != 1:
            db.session.rollback()
            raise ModerationError(ALREADY_DECIDED)
        db.session.expire(story)
    settled = db.session.execute(
        update(Appeal).where(Appeal.id == appeal.id, Appeal.outcome.is_(None))
        .values(outcome=outcome, decided_by_id=moderator.id, message=message, decided_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if settled != 1:
        db.session.rollback()
        raise ModerationError("Another moderator has just decided this appeal, so yours was not saved.")
    db.session.expire(appeal)
    record(f"moderation.appeal_{outcome.value}", moderator, appeal, before={"outcome": None},
           after={"outcome": outcome.value, "story": _story_label(story)}, detail=message)
    if outcome == AppealOutcome.OVERTURNED:
        text = (f"Good news: another moderator looked at your story “{story.title}” again and thinks it can be "
                f"used.\n\n{message}\n\nIt will be read once more to take out personal details, and we will tell "
                "you when that is done.")
    else:
        text = (f"Another moderator has looked at your story “{story.title}” again. They agree that it cannot be "
                f"used this time.\n\n{message}\n\nThank you for asking us to look again. It matters to us that "
                "decisions are fair, and you are always welcome to share another story.")
    note = notify(story.author, story, text)
    db.session.commit()
    send_emails([note])
    return appeal


def raise_concern(story: Story, moderator: User, sentence: str, reason: str,
                  category: str = "raised_by_moderator") -> SafeguardingConcern:
    sentence, reason = (sentence or "").strip(), (reason or "").strip()
    if not sentence:
        raise ModerationError("Please copy the words that worry you.", "sentence")
    if not reason:
        raise ModerationError("Please say briefly why this worries you.", "reason")
    concern = SafeguardingConcern(story_id=story.id, category=category[:40], sentence=sentence,
                                  reason=reason[:300], raised_by_id=moderator.id)
    db.session.add(concern)
    db.session.flush()
    review = _ensure_review(story)
    review.urgent = True
    record("safeguarding.raised", moderator, concern, after={"story": _story_label(story), "category": category})
    db.session.commit()
    return concern


def record_safeguarding_action(concern: SafeguardingConcern, action: ConcernAction | str, moderator: User,
                               reference: str | None = None, note: str | None = None) -> SafeguardingConcern:
    """What was done about a concern: referred (with the team's reference), contacted, or no action (why)."""
    action = ConcernAction(action)
    reference, note = (reference or "").strip() or None, (note or "").strip() or None
    story = db.session.get(Story, concern.story_id)
    if _is_own(story, moderator):
        raise ModerationError(OWN_STORY)
    if action == ConcernAction.REFERRED and not reference:
        raise ModerationError("Please give the reference the safeguarding team gave you, so anyone can follow "
                              "it up.", "reference")
    if action == ConcernAction.NO_ACTION and not note:
        raise ModerationError("Please say why no action is needed.", "note")
    if reference and len(reference) > 120:
        raise ModerationError("The reference can be up to 120 characters.", "reference")
    now = utcnow()
    changed = db.session.execute(
        update(SafeguardingConcern).where(SafeguardingConcern.id == concern.id, SafeguardingConcern.action.is_(None))
        .values(action=action, action_reference=reference, action_note=note, actioned_by_id=moderator.id,
                actioned_at=now).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise ModerationError("An action has already been recorded for this concern.")
    db.session.expire(concern)
    review = _ensure_review(story)
    review.urgent = _has_open_concern(story.id)
    record("safeguarding.actioned", moderator, concern, before={"action": None},
           after={"action": action.value, "reference": reference, "story": _story_label(story)}, detail=note)
    db.session.commit()
    return concern


def concerns(open_only: bool = False) -> list[SafeguardingConcern]:
    query = select(SafeguardingConcern)
    if open_only:
        query = query.where(SafeguardingConcern.action.is_(None))
    return list(db.session.scalars(query.order_by(SafeguardingConcern.action.is_not(None),
                                                  SafeguardingConcern.raised_at)))


def concern_deadline(concern: SafeguardingConcern) -> datetime:
    return concern.raised_at + _safeguarding_deadline()


def overdue_concerns(now: datetime | None = None) -> list[SafeguardingConcern]:
    """Concerns with no recorded action after STORYBANK_SAFEGUARDING_HOURS (24 by default)."""
    now = now or utcnow()
    return list(db.session.scalars(
        select(SafeguardingConcern)
        .where(SafeguardingConcern.action.is_(None), SafeguardingConcern.raised_at <= now - _safeguarding_deadline())
        .order_by(SafeguardingConcern.raised_at)))


def purge_originals(days: int, now: datetime | None = None) -> int:
    """Forget the original words of stories approved more than ``days`` ago; the moderated text stays.

    Safeguarding concerns keep their sentence: they are a record of what was done to keep someone safe.
    """
    now = now or utcnow()
    stories = list(db.session.scalars(select(Story).where(
        Story.status == StoryStatus.APPROVED, Story.approved_at <= now - timedelta(days=days),
        Story.body.is_not(None), Story.moderated_body.is_not(None))))
    for story in stories:
        story.body = None
        _forget_suggested_words(story)
        record("moderation.original_purged", None, story, actor_label="purge-originals",
               before={"original": True}, after={"original": False})
    db.session.commit()
    return len(stories)


def _forget_suggested_words(story: Story) -> None:
    db.session.execute(update(Suggestion).where(Suggestion.story_id == story.id)
                       .values(original_text=None).execution_options(synchronize_session=False))


def erase_story_words(story: Story) -> None:
    """For erasure and retention (accounts/data_rights, stories/retention): forget the copies of the story's
    words that moderation keeps: the words each suggestion pointed at, and the texts of edits for clarity.
    Safeguarding concerns keep their sentence, as the record of what was done to keep someone safe.
    Adds to the caller's transaction; the caller commits and audits."""
    _forget_suggested_words(story)
    db.session.execute(update(ClarityEdit).where(ClarityEdit.story_id == story.id)
                       .values(proposed_text="", based_on="", note=None)
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Appeal).where(Appeal.story_id == story.id).values(note=None)
                       .execution_options(synchronize_session=False))
