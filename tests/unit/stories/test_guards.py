"""The guards the mutation run found unproven: each test fails if its one guard is taken out.

The consent gate's conditions are tried one at a time (a story that every other condition lets through), and the
story key's alphabet and stored hash are pinned exactly.
"""

from __future__ import annotations

from datetime import date, timedelta

from storybank.consent.gate import can_use, visible_stories
from storybank.consent.models import Attribution, ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.stories import keys
from storybank.stories.models import Story, StoryStatus
from tests import factories

TODAY = date(2027, 3, 15)


def _usable_story(*, consent_withdrawn: bool = False, story_withdrawn_at=None) -> Story:
    """An approved story with moderated words and a current yes to training, unless a guard should stop it."""
    story = Story(author_id=factories.make_user().id, title="t", body="b", moderated_body="b",
                  status=StoryStatus.APPROVED, withdrawn_at=story_withdrawn_at)
    db.session.add(story)
    db.session.flush()
    db.session.add(ConsentRecord(story_id=story.id, withdrawn=consent_withdrawn, attribution=Attribution.ANONYMOUS,
                                 review_date=TODAY + timedelta(days=30), wording_version="2026-11", training=True))
    db.session.commit()
    return story


def _visible_ids() -> set[int]:
    return set(db.session.scalars(visible_stories(Purpose.TRAINING, today=TODAY).with_only_columns(Story.id)))


def test_the_story_every_guard_lets_through_is_visible_so_the_tests_below_prove_one_guard_each(app):
    story = _usable_story()
    assert _visible_ids() == {story.id}
    assert can_use(story, Purpose.TRAINING, today=TODAY)


def test_a_newest_consent_record_marked_withdrawn_hides_the_story_even_if_it_still_says_yes_and_the_story_does_not(
        app):
    story = _usable_story(consent_withdrawn=True)
    assert story.status == StoryStatus.APPROVED and story.withdrawn_at is None
    assert _visible_ids() == set()
    assert not can_use(story, Purpose.TRAINING, today=TODAY)


def test_a_story_with_a_withdrawal_time_is_hidden_even_if_it_is_still_approved_and_its_consent_says_yes(app):
    story = _usable_story(story_withdrawn_at=utcnow())
    assert story.status == StoryStatus.APPROVED and not story.current_consent.withdrawn
    assert _visible_ids() == set()
    assert not can_use(story, Purpose.TRAINING, today=TODAY)


def test_asking_the_gate_about_no_story_or_an_unsaved_one_says_no(app):
    assert can_use(None, Purpose.TRAINING) is False
    assert can_use(Story(title="t", body="b", status=StoryStatus.APPROVED), Purpose.TRAINING) is False


def test_the_key_alphabet_has_none_of_the_characters_that_are_easy_to_misread_or_mishear():
    assert not set("0O1IL5S2ZUV") & set(keys.ALPHABET)
    assert set(keys.ALPHABET) == set("346789ABCDEFGHJKMNPQRTWXY")
    for _ in range(50):
        key = keys.new_key()
        assert set(key.replace("-", "")) <= set(keys.ALPHABET)


def test_a_key_is_stored_as_sha256_dollar_and_the_hex_digest_of_its_normalised_form():
    expected = "sha256$6094efaad58d92b377e7a11aaa322a14fd77666f251c6abfb775ce6c5ad97420"
    assert keys.hash_key("3467-89AB-CDEF-GHJK") == expected
    assert keys.hash_key("3467 89ab cdef ghjk") == expected
    assert keys.key_matches(expected, "346789abcdefghjk")
    assert not keys.key_matches(expected.removeprefix("sha256$"), "3467-89AB-CDEF-GHJK")
    assert not keys.key_matches(None, "3467-89AB-CDEF-GHJK")
