"""Running the analysis once per text, so a moderator finds suggestions to decide and concerns already raised."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, select

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.common import WAITING, ensure_review, review_for
from storybank.moderation.errors import BEING_PREPARED, ModerationError
from storybank.moderation.models import (
    ClarityEdit,
    ClarityStatus,
    SafeguardingConcern,
    Source,
    StoryReview,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    one_line,
)
from storybank.moderation.safeguarding import concerns_for, has_open_concern
from storybank.stories.models import Story
from storybank.text.analysis import Analysis, analyse, analyse_many


def _body_hash(story: Story) -> str:
    return hashlib.sha256((story.body or "").encode()).hexdigest()


def needs_preparing(story: Story, review: StoryReview | None = None) -> bool:
    """A waiting story whose words have not been analysed yet (or changed since): moderators see it as being
    prepared. Only reads, so any page may ask."""
    if story.status not in WAITING or not story.body:
        return False
    review = review if review is not None else review_for(story)
    return review is None or review.prepared_body_hash != _body_hash(story)


def require_prepared(story: Story) -> None:
    """Decisions that rest on the suggestions (approving, an edit for clarity) wait until the analysis has run:
    approving an unanalysed story would let personal details through unseen."""
    if needs_preparing(story):
        raise ModerationError(BEING_PREPARED)


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
    return _store_concerns(story, analysis)


def _store_concerns(story: Story, analysis: Analysis) -> int:
    """One open concern per story and category, holding every sentence that raised it: a new sentence joins the
    category's open concern; once that concern has an action, a new sentence opens a new one."""
    existing = concerns_for(story)
    seen = {(c.category, sentence) for c in existing if c.raised_by_machine for sentence in c.sentences}
    open_by_category = {c.category: c for c in existing if c.raised_by_machine and c.action is None}
    opened = 0
    for signal in analysis.safeguarding:
        sentence = one_line(signal.sentence_text)
        if (signal.category, sentence) in seen:
            continue
        seen.add((signal.category, sentence))
        concern = open_by_category.get(signal.category)
        if concern is not None:
            concern.add_sentence(sentence)
            continue
        concern = SafeguardingConcern(story_id=story.id, category=signal.category, sentence=sentence,
                                      reason=signal.reason[:300], raised_by_machine=True)
        db.session.add(concern)
        open_by_category[signal.category] = concern
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
    review = ensure_review(story)
    if review.prepared_body_hash == _body_hash(story) and not force:
        return review
    cleared = _clear_old_results(story, review)
    if analysis is None:
        analysis = analyse(story.body, model=current_app.config.get("STORYBANK_SPACY_MODEL"))
    opened = _store_analysis(story, analysis)
    review.urgent = has_open_concern(story.id)
    review.prepared_at = utcnow()
    review.prepared_body_hash = _body_hash(story)
    record("moderation.prepared", actor, story, actor_label=None if actor else "analysis",
           before=cleared,
           after={"redactions": len(analysis.findings), "themes": len(analysis.themes),
                  "content_warnings": len(analysis.content_warnings), "concerns_opened": opened,
                  "urgent": review.urgent})
    db.session.commit()
    return review


@dataclass(frozen=True)
class ReanalyseResult:
    reanalysed: int
    skipped_with_decisions: int


def reanalyse_waiting(batch_size: int = 64, progress: Callable[[int], None] | None = None) -> ReanalyseResult:
    """Re-run the analysis over every waiting story in batches (nlp.pipe), e.g. after the rules improved.

    A story where a moderator has already decided a suggestion is left alone: their decisions are worth more
    than a fresh guess. A story never prepared (its analysis failed when it was sent) is always analysed, and
    a moderator's own removals on it are kept. ``progress`` is told how many stories each batch finished.
    """
    rows = db.session.execute(
        select(Story.id, Story.body, StoryReview.prepared_body_hash)
        .outerjoin(StoryReview, StoryReview.story_id == Story.id)
        .where(Story.status.in_(WAITING), Story.body.is_not(None)).order_by(Story.id)
    ).all()
    decided = set(db.session.scalars(select(Suggestion.story_id).distinct().where(
        Suggestion.status != SuggestionStatus.PENDING, Suggestion.story_id.in_([r.id for r in rows]))))
    todo = [row for row in rows if row.id not in decided or row.prepared_body_hash is None]
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
