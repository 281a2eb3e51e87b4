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
    TextPart,
    one_line,
)
from storybank.moderation.safeguarding import concerns_for, has_open_concern
from storybank.stories.models import Story
from storybank.text.analysis import Analysis, analyse, analyse_many

NOTHING_FOUND = Analysis(findings=(), safeguarding=(), themes=(), content_warnings=())


def _words_hash(story: Story) -> str:
    """The title and the text together: a change to either is new words to analyse. (Stored in the column named
    for the text alone; the migration d4a7e1c9b352 holds a frozen copy of this formula.)"""
    return hashlib.sha256(f"{story.title or ''}\0{story.body or ''}".encode()).hexdigest()


def needs_preparing(story: Story, review: StoryReview | None = None) -> bool:
    """A waiting story whose words (title or text) have not been analysed yet (or changed since): moderators see
    it as being prepared. Only reads, so any page may ask."""
    if story.status not in WAITING or not story.body:
        return False
    review = review if review is not None else review_for(story)
    return review is None or review.prepared_body_hash != _words_hash(story)


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
    if review.prepared_body_hash not in (None, _words_hash(story)):
        retired = db.session.execute(delete(ClarityEdit).where(
            ClarityEdit.story_id == story.id, ClarityEdit.status == ClarityStatus.PENDING)).rowcount
    return {"suggestions": replaced, "clarity_edits_retired": retired} if replaced or retired else None


def _store_analysis(story: Story, analysis: Analysis, title_analysis: Analysis) -> int:
    """Suggestions for a person to decide, and a concern per new safeguarding signal; returns concerns opened.

    The title is analysed like the text: its redactions point into the title (``TextPart.TITLE``), and a theme or
    content warning it suggests joins the text's, once."""
    for part, found in ((TextPart.TITLE, title_analysis), (TextPart.BODY, analysis)):
        for finding in found.findings:
            db.session.add(Suggestion(
                story_id=story.id, kind=SuggestionKind.REDACTION, label=finding.label, part=part,
                start=finding.start, end=finding.end, original_text=finding.text, reason=finding.reason[:300],
                confidence=finding.confidence, source=Source.MACHINE))
    themes = {theme.slug: theme for theme in (*analysis.themes, *title_analysis.themes)}
    for theme in themes.values():
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.THEME, label=theme.slug,
                                  reason=theme.reason[:300], source=Source.MACHINE))
    for warning in dict.fromkeys((*analysis.content_warnings, *title_analysis.content_warnings)):
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label=warning,
                                  reason=f"The story seems to talk about {warning}, so readers may want to know "
                                         "before they start.", source=Source.MACHINE))
    return _store_concerns(story, (*title_analysis.safeguarding, *analysis.safeguarding))


def _store_concerns(story: Story, signals) -> int:
    """One open concern per story and category, holding every sentence that raised it: a new sentence joins the
    category's open concern; once that concern has an action, a new sentence opens a new one."""
    existing = concerns_for(story)
    seen = {(c.category, sentence) for c in existing if c.raised_by_machine for sentence in c.sentences}
    open_by_category = {c.category: c for c in existing if c.raised_by_machine and c.action is None}
    opened = 0
    for signal in signals:
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
                       title_analysis: Analysis | None = None, force: bool = False) -> StoryReview | None:
    """Run the analysis once for these words, the title and the text: suggestions to decide, and a concern for each
    safeguarding signal.

    Idempotent: the same words are never analysed twice unless ``force`` is given (``flask analysis reanalyse``,
    after the rules improved). When the contributor changed the words (after changes were requested), the old
    suggestions and any unagreed edit for clarity are replaced.
    """
    if story.status not in WAITING or not story.body:
        return None
    review = ensure_review(story)
    if review.prepared_body_hash == _words_hash(story) and not force:
        return review
    cleared = _clear_old_results(story, review)
    model = current_app.config.get("STORYBANK_SPACY_MODEL")
    if analysis is None:
        analysis = analyse(story.body, model=model)
    if title_analysis is None:
        title_analysis = analyse(story.title, model=model) if (story.title or "").strip() else NOTHING_FOUND
    opened = _store_analysis(story, analysis, title_analysis)
    review.urgent = has_open_concern(story.id)
    review.prepared_at = utcnow()
    review.prepared_body_hash = _words_hash(story)
    record("moderation.prepared", actor, story, actor_label=None if actor else "analysis",
           before=cleared,
           after={"redactions": len(analysis.findings), "title_redactions": len(title_analysis.findings),
                  "themes": len({t.slug for t in (*analysis.themes, *title_analysis.themes)}),
                  "content_warnings": len({*analysis.content_warnings, *title_analysis.content_warnings}),
                  "concerns_opened": opened, "urgent": review.urgent})
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
        select(Story.id, Story.title, Story.body, StoryReview.prepared_body_hash)
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
        # Each story's text, then its title, in one pass: [text 1, title 1, text 2, title 2, ...].
        analyses = iter(analyse_many([words for r in batch for words in (r.body, r.title or "")],
                                     batch_size=2 * batch_size, model=model))
        for row in batch:
            analysis, title_analysis = next(analyses), next(analyses)
            prepare_for_review(db.session.get(Story, row.id), analysis=analysis, title_analysis=title_analysis,
                               force=True)
            done += 1
        if progress is not None:
            progress(len(batch))
    return ReanalyseResult(reanalysed=done, skipped_with_decisions=len(rows) - len(todo))
