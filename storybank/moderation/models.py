"""What moderators decide about a story, and what the contributor is told.

Suggestions keep the analysis's reason and who accepted or rejected them; safeguarding concerns keep the
action taken; decisions and appeals keep the reason the contributor was given.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, and_
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, str_enum, utcnow
from storybank.extensions import db


class SuggestionKind(enum.StrEnum):
    REDACTION = "redaction"
    THEME = "theme"
    CONTENT_WARNING = "content_warning"


class TextPart(enum.StrEnum):
    """Which of the story's words a redaction's offsets point into."""

    BODY = "body"
    TITLE = "title"


class SuggestionStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Source(enum.StrEnum):
    MACHINE = "machine"
    MODERATOR = "moderator"


class ConcernAction(enum.StrEnum):
    REFERRED = "referred"
    CONTACTED = "contacted"
    NO_ACTION = "no_action"

    @property
    def plain_words(self) -> str:
        return CONCERN_ACTION_WORDS[self]


CONCERN_ACTION_WORDS = {
    ConcernAction.REFERRED: "Referred to the local safeguarding team",
    ConcernAction.CONTACTED: "Contacted the person",
    ConcernAction.NO_ACTION: "No action needed",
}


class DecisionOutcome(enum.StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    DECLINED = "declined"


class AppealOutcome(enum.StrEnum):
    UPHELD = "upheld"
    OVERTURNED = "overturned"


class ClarityStatus(enum.StrEnum):
    PENDING = "pending"
    AGREED = "agreed"
    DECLINED = "declined"


class StoryReview(db.Model):
    """One row per story in moderation: whether it has been analysed, whether it is urgent, and who holds it."""

    __tablename__ = "story_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), unique=True)
    prepared_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    prepared_body_hash: Mapped[str | None] = mapped_column(String(64))
    urgent: Mapped[bool] = mapped_column(default=False, index=True)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Indexed so the queue counts the live claims (few) from here, not by reading every waiting story.
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

    story = relationship("Story")
    claimed_by = relationship("User")

    @hybrid_method
    def claim_is_live(self, now: datetime) -> bool:
        """The one test of "a moderator is reading it now": used for each row, and (as SQL) for the counts."""
        return self.claimed_by_id is not None and self.claim_expires_at is not None and self.claim_expires_at > now

    @claim_is_live.expression
    def claim_is_live(cls, now: datetime):  # noqa: N805 (the SQL side of a hybrid takes the class)
        return and_(cls.claimed_by_id.is_not(None), cls.claim_expires_at.is_not(None), cls.claim_expires_at > now)


class Suggestion(db.Model):
    """A redaction, theme or content warning: proposed by the analysis or a moderator, decided by a person."""

    __tablename__ = "moderation_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SuggestionKind] = mapped_column(str_enum(SuggestionKind, "suggestion_kind"))
    label: Mapped[str] = mapped_column(String(60))
    part: Mapped[TextPart] = mapped_column(str_enum(TextPart, "text_part", length=10), default=TextPart.BODY,
                                           server_default=TextPart.BODY.value)
    start: Mapped[int | None] = mapped_column("span_start", Integer)
    end: Mapped[int | None] = mapped_column("span_end", Integer)
    original_text: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(300))
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[SuggestionStatus] = mapped_column(str_enum(SuggestionStatus, "suggestion_status"),
                                                     default=SuggestionStatus.PENDING)
    replacement: Mapped[str | None] = mapped_column(String(120))
    source: Mapped[Source] = mapped_column(str_enum(Source, "suggestion_source"), default=Source.MACHINE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    decided_by = relationship("User", foreign_keys=[decided_by_id])

    @property
    def in_title(self) -> bool:
        return self.part == TextPart.TITLE


class SafeguardingConcern(db.Model):
    """A possible disclosure of harm. It stays urgent until a moderator records what was done."""

    __tablename__ = "safeguarding_concerns"
    __table_args__ = (Index("ix_safeguarding_concerns_action_raised_at_id", "action", "raised_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    sentence: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(300))
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    raised_by_machine: Mapped[bool] = mapped_column(default=False)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    action: Mapped[ConcernAction | None] = mapped_column(str_enum(ConcernAction, "concern_action"))
    action_reference: Mapped[str | None] = mapped_column(String(120))
    action_note: Mapped[str | None] = mapped_column(Text)
    actioned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actioned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    story = relationship("Story")
    raised_by = relationship("User", foreign_keys=[raised_by_id])
    actioned_by = relationship("User", foreign_keys=[actioned_by_id])

    @property
    def sentences(self) -> list[str]:
        """Every sentence that raised this concern. The analysis keeps one a line (see ``one_line``); a
        moderator's own words are one passage, line breaks and all."""
        if not self.raised_by_machine:
            return [self.sentence]
        return [line for line in self.sentence.split("\n") if line]

    def add_sentence(self, sentence: str) -> None:
        self.sentence = "\n".join([*self.sentences, one_line(sentence)])


def one_line(sentence: str) -> str:
    """A sentence from the analysis on one line, so a concern can hold several, one a line."""
    return " ".join(sentence.split())


class ModerationDecision(db.Model):
    __tablename__ = "moderation_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[DecisionOutcome] = mapped_column(str_enum(DecisionOutcome, "decision_outcome"))
    reason_template_key: Mapped[str | None] = mapped_column(String(60))
    message: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    moderator = relationship("User")


class DeclineReasonTemplate(db.Model):
    """An admin's wording for a decline reason; the kind defaults live in code until an admin edits one."""

    __tablename__ = "decline_reason_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Appeal(db.Model):
    """A contributor asks for a decline to be looked at again; a different moderator decides."""

    __tablename__ = "moderation_appeals"
    __table_args__ = (Index("ix_moderation_appeals_outcome_opened_at_id", "outcome", "opened_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("moderation_decisions.id", ondelete="CASCADE"))
    contributor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[AppealOutcome | None] = mapped_column(str_enum(AppealOutcome, "appeal_outcome"))
    message: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    story = relationship("Story")
    decision = relationship("ModerationDecision")
    decided_by = relationship("User", foreign_keys=[decided_by_id])


class ClarityEdit(db.Model):
    """Words a moderator changed for clarity (beyond redaction): used only once the contributor agrees.

    ``based_on`` is the redacted text the moderator started from, so an edit made before the redactions changed
    is noticed instead of silently undoing them.
    """

    __tablename__ = "clarity_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    proposed_text: Mapped[str] = mapped_column(Text)
    based_on: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[ClarityStatus] = mapped_column(str_enum(ClarityStatus, "clarity_status"),
                                                  default=ClarityStatus.PENDING)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Notification(db.Model):
    """Something the contributor is told about their story, shown on "My stories" and emailed when we can."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_id_created_at_id", "user_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    story = relationship("Story")
