"""The consent gate, enumerated: every purpose × every story state × review date past/today/future × what the
newest consent record says. visible_stories() and can_use() must agree with the rule and with each other."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from storybank.consent.gate import can_use, visible_stories
from storybank.consent.models import Attribution, ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories.models import Story, StoryStatus
from tests import factories

TODAY = date(2027, 3, 15)
EXPIRY = {"past": TODAY - timedelta(days=1), "today": TODAY, "future": TODAY + timedelta(days=1)}
NEWEST = ("yes", "changed_to_no", "withdrawn")
"""The newest record says yes to the purpose; or an older one did and the newest moved the yes to another
purpose; or the newest is a withdrawal."""


def _consent(story: Story, purpose: Purpose, *, yes: bool, review: date, withdrawn: bool = False) -> None:
    db.session.add(ConsentRecord(
        story_id=story.id, withdrawn=withdrawn, attribution=Attribution.ANONYMOUS, review_date=review,
        wording_version="2026-11", **{p.value: yes and p == purpose and not withdrawn for p in Purpose}))
    db.session.flush()


def test_every_purpose_state_expiry_and_withdrawal_is_decided_the_same_way_by_both_gate_functions(app):
    author = factories.make_user()
    expected: dict[Purpose, set[int]] = {p: set() for p in Purpose}
    stories = []
    for status, (expiry, review), newest, purpose in itertools.product(StoryStatus, EXPIRY.items(), NEWEST, Purpose):
        story = Story(author_id=author.id, title=f"{status} {expiry} {newest} {purpose}", body="words",
                      moderated_body="words", status=status,
                      withdrawn_at=utcnow() if newest == "withdrawn" else None)
        db.session.add(story)
        db.session.flush()
        _consent(story, purpose, yes=True, review=review)
        usable = status == StoryStatus.APPROVED and expiry != "past"
        if newest == "changed_to_no":
            other = next(p for p in Purpose if p != purpose)
            _consent(story, other, yes=True, review=review)
            if usable:
                expected[other].add(story.id)
        elif newest == "withdrawn":
            _consent(story, purpose, yes=False, review=review, withdrawn=True)
        stories.append(story)
        if usable and newest == "yes":
            expected[purpose].add(story.id)
    db.session.commit()

    assert len(stories) == len(StoryStatus) * 3 * 3 * len(Purpose)
    for purpose in Purpose:
        visible = set(db.session.scalars(visible_stories(purpose, today=TODAY).with_only_columns(Story.id)))
        assert visible == expected[purpose], purpose
        for story in stories:
            assert can_use(story, purpose, today=TODAY) == (story.id in visible), (story.title, purpose)


def test_a_story_without_moderated_text_is_never_visible_even_when_approved(app):
    story = Story(author_id=factories.make_user().id, title="t", body="b", status=StoryStatus.APPROVED)
    db.session.add(story)
    db.session.flush()
    _consent(story, Purpose.TRAINING, yes=True, review=TODAY + timedelta(days=30))
    db.session.commit()
    assert not can_use(story, Purpose.TRAINING, today=TODAY)
