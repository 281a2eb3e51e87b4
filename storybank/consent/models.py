"""Consent is append-only: each change is a new record, and the newest one counts."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storybank.db_types import UTCDateTime, append_only, str_enum, utcnow
from storybank.extensions import db


class Purpose(enum.StrEnum):
    TRAINING = "training"
    PARTNERS = "partners"
    PUBLIC = "public"
    RESEARCH = "research"
    QUOTES = "quotes"


PURPOSE_EXPLANATIONS = {
    Purpose.TRAINING: "Used to train the people who work at {organisation}.",
    Purpose.PARTNERS: "Staff training in organisations we work with.",
    Purpose.PUBLIC: "Shown on our public stories page, for anyone to read.",
    Purpose.RESEARCH: "Research and checking how well services work, with nothing that could name you.",
    Purpose.QUOTES: "Short quotes in reports and slides.",
}


class Attribution(enum.StrEnum):
    ANONYMOUS = "anonymous"
    FIRST_NAME = "first_name"
    CHOSEN_NAME = "chosen_name"
    FULL_NAME = "full_name"


class ConsentMethod(enum.StrEnum):
    SELF = "self"
    VERBAL = "verbal"
    EASY_READ = "easy_read"
    SIGNED_PAPER = "signed_paper"
    BSL_OR_OTHER_LANGUAGE = "bsl_or_other_language"


class ConsentRecord(db.Model):
    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    training: Mapped[bool] = mapped_column(default=False)
    partners: Mapped[bool] = mapped_column(default=False)
    public: Mapped[bool] = mapped_column(default=False)
    research: Mapped[bool] = mapped_column(default=False)
    quotes: Mapped[bool] = mapped_column(default=False)
    withdrawn: Mapped[bool] = mapped_column(default=False)
    attribution: Mapped[Attribution] = mapped_column(str_enum(Attribution, "attribution"),
                                                     default=Attribution.ANONYMOUS)
    attribution_name: Mapped[str | None] = mapped_column(String(80))
    review_date: Mapped[date] = mapped_column(Date)
    wording_version: Mapped[str] = mapped_column(String(20))
    method: Mapped[ConsentMethod] = mapped_column(str_enum(ConsentMethod, "consent_method"),
                                                  default=ConsentMethod.SELF)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_by_name: Mapped[str | None] = mapped_column(String(80))

    story = relationship("Story", back_populates="consent_records")

    def agreed_to(self, purpose: Purpose) -> bool:
        """What this one record says, for the person's own summary of their choices. It is NOT the consent gate:
        it knows nothing of the review date, the story's state or newer records. To show or use a story, ask
        ``consent.gate`` (``visible_stories`` / ``can_use``)."""
        return not self.withdrawn and bool(getattr(self, purpose.value))

    @property
    def scopes(self) -> list[Purpose]:
        return [p for p in Purpose if getattr(self, p.value)]


class ConsentIsAppendOnly(RuntimeError):
    pass


append_only(ConsentRecord, ConsentIsAppendOnly,
            on_update="Consent records are never changed; add a new one instead.",
            on_delete="Consent records are never deleted; they are the history of what was agreed.")
