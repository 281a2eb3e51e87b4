"""The queue: every submitted story is analysed, urgent safeguarding first, then the longest waiting."""

from __future__ import annotations

from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.demo import seed_demo
from storybank.extensions import db
from storybank.moderation.models import SafeguardingConcern, Suggestion, SuggestionKind
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.queue import queue, queue_counts
from storybank.moderation.suggestions import suggestions_for
from storybank.stories.models import Story, StoryStatus
from tests.moderation_steps import make_story


def test_preparing_a_story_stores_each_suggestion_with_its_reason_and_runs_only_once(app, contributor):
    story = make_story(contributor)
    db.session.commit()
    prepare_for_review(story)
    prepare_for_review(story)
    suggestions = db.session.scalars(select(Suggestion).where(Suggestion.story_id == story.id)).all()
    redactions = [s for s in suggestions if s.kind == SuggestionKind.REDACTION]
    assert {s.label for s in redactions} >= {"PERSON", "PHONE"}
    assert all(s.reason and s.status.value == "pending" for s in suggestions)
    assert all(story.body[s.start:s.end] == s.original_text for s in redactions)
    prepared = db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "moderation.prepared"))
    assert prepared == 1


def test_a_changed_text_is_analysed_again_with_fresh_suggestions(app, contributor):
    story = make_story(contributor)
    db.session.commit()
    prepare_for_review(story)
    story.body = "Nothing personal in this one, just a kind word about the night staff."
    db.session.commit()
    prepare_for_review(story)
    assert not [s for s in suggestions_for(story, SuggestionKind.REDACTION)]


def test_the_demo_safeguarding_story_is_first_in_the_queue_and_opens_a_concern(app, client, auth, make_user):
    seed_demo()
    morgan = make_user(Role.MODERATOR, username="morgan")
    auth.sign_in(morgan.username)
    page = client.get("/moderation").get_data(as_text=True)

    urgent = db.session.scalar(select(Story).where(Story.title == "I don't feel safe in my own house"))
    concerns = db.session.scalars(select(SafeguardingConcern)
                                  .where(SafeguardingConcern.story_id == urgent.id)).all()
    assert concerns and all(c.action is None and c.raised_by_machine for c in concerns)
    entries = queue()
    assert entries[0].story.id == urgent.id and entries[0].urgent
    assert not any(e.urgent for e in entries[1:])
    first_row = page.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "Urgent: possible safeguarding concern" in first_row
    assert "I don&#39;t feel safe in my own house" in first_row
    waiting = db.session.scalar(select(func.count()).select_from(Story)
                                .where(Story.status.in_([StoryStatus.SUBMITTED, StoryStatus.IN_REVIEW])))
    assert len(entries) == waiting


def test_after_urgent_stories_the_oldest_waits_least(app, contributor):
    newer = make_story(contributor, "A quiet story about a kind nurse.", days_ago=1, title="Newer")
    older = make_story(contributor, "Another quiet story about the day centre.", days_ago=9, title="Older")
    db.session.commit()
    assert [e.story.id for e in queue()] == [older.id, newer.id]


def test_the_queue_filters_by_status_and_care_setting_and_shows_counts(app, client, auth, moderator, contributor):
    home = make_story(contributor, "A story from the care home.", care_setting="Care home", title="At the home")
    make_story(contributor, "A story from hospital.", care_setting="Hospital", title="In hospital")
    db.session.commit()
    auth.sign_in(moderator.username)
    page = client.get("/moderation?care_setting=Care+home").get_data(as_text=True)
    assert "At the home" in page and "In hospital" not in page
    assert client.get("/moderation?status=in_review").get_data(as_text=True).count("Claim<span") == 0
    assert queue_counts()["submitted"] == 2
    assert home.id in {e.story.id for e in queue(status="submitted")}


def test_drafts_and_withdrawn_stories_never_reach_moderators(app, client, auth, moderator, contributor):
    draft = make_story(contributor, "Still writing this one.", StoryStatus.DRAFT, title="My draft")
    gone = make_story(contributor, "Taken back.", StoryStatus.WITHDRAWN, title="Taken back")
    db.session.commit()
    auth.sign_in(moderator.username)
    page = client.get("/moderation").get_data(as_text=True)
    assert "My draft" not in page and "Taken back" not in page
    assert client.get(f"/moderation/stories/{draft.id}").status_code == 404
    assert client.get(f"/moderation/stories/{gone.id}").status_code == 404


def test_a_claim_that_ran_out_is_counted_and_shown_as_nobody_reading_it(app, client, auth, moderator, contributor,
                                                                        make_user):
    """One test of a live claim for the counts, the rows and the story page: no "Being read 1" beside "Nobody"."""
    from datetime import timedelta

    from storybank.db_types import utcnow
    from storybank.moderation.claims import claim

    story = make_story(contributor, "A story someone started reading and left.", title="Left behind")
    db.session.commit()
    other = make_user(Role.MODERATOR, username="other-moderator")
    review = claim(story, other)
    review.claim_expires_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert db.session.get(Story, story.id).status == StoryStatus.IN_REVIEW
    assert queue_counts() == {"submitted": 1, "in_review": 0, "urgent": 0, "more": False}
    assert [e.story.id for e in queue(status="submitted")] == [story.id]
    assert queue(status="in_review") == []

    auth.sign_in(moderator.username)
    page = client.get("/moderation").get_data(as_text=True)
    assert "<dt>Being read</dt><dd>0</dd>" in page
    assert "<dt>Waiting for a moderator</dt><dd>1</dd>" in page
    story_page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert "Nobody at the moment" in story_page
    assert "A moderator is reading it now" not in story_page

    review = claim(db.session.get(Story, story.id), other)
    db.session.commit()
    assert queue_counts()["in_review"] == 1
    story_page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert "A moderator is reading it now" in story_page and "Nobody at the moment" not in story_page
