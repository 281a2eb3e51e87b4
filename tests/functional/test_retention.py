"""Withdrawn words are kept only as long as STORYBANK_WITHDRAWN_RETENTION_DAYS says, then erased."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.config import ConfigError, load_config
from storybank.consent.models import ConsentRecord
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.privacy.retention import ERASED_NAME, ERASED_TITLE, NotWithdrawn, erase_story_text, purge_withdrawn
from storybank.stories.models import PendingDraft, Story, StoryStatus
from tests.data_rights_builders import make_story


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def stories(contributor):
    made = {
        "old": make_story(contributor, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=31,
                          title="Old withdrawn", body="Bluebells by the window", context="Leeds"),
        "recent": make_story(contributor, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=29,
                             title="Recent withdrawn", body="Marmalade on Tuesdays"),
        "approved": make_story(contributor, status=StoryStatus.APPROVED, title="Approved",
                               body="The porter sang to me"),
        "draft": make_story(contributor, status=StoryStatus.DRAFT, title="Old draft", body="Unfinished words",
                            created_at=utcnow() - timedelta(days=400), updated_at=utcnow() - timedelta(days=400)),
    }
    db.session.commit()
    return made


def test_purge_erases_only_withdrawn_stories_older_than_the_retention_setting(app, stories):
    result = purge_withdrawn(30)
    assert result.stories_erased == 1
    old, recent = db.session.get(Story, stories["old"].id), db.session.get(Story, stories["recent"].id)
    assert old.title == ERASED_TITLE
    assert old.body is None and old.moderated_body is None
    assert (old.care_setting, old.region, old.about_whom, old.when_happened) == (None, None, None, None)
    assert recent.body == "Marmalade on Tuesdays"
    assert db.session.get(Story, stories["approved"].id).body == "The porter sang to me"
    assert db.session.get(Story, stories["draft"].id).body == "Unfinished words"


def test_purge_keeps_the_story_row_its_reference_and_every_consent_record(app, stories):
    reference = stories["old"].reference
    consents_before = _count(ConsentRecord, ConsentRecord.story_id == stories["old"].id)
    purge_withdrawn(30)
    old = db.session.get(Story, stories["old"].id)
    assert old.reference == reference
    assert old.status == StoryStatus.WITHDRAWN
    assert old.key_hash is not None, "the person can still check with their key that the story has gone"
    assert _count(ConsentRecord, ConsentRecord.story_id == old.id) == consents_before == 2
    assert old.current_consent.withdrawn


def test_purge_is_idempotent_and_audits_each_erased_story_once_without_its_words(app, stories):
    purge_withdrawn(30)
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "story.erased")).all()
    assert [e.object_id for e in events] == [str(stories["old"].id)]
    assert events[0].actor_label == "retention purge"
    assert "Bluebells" not in repr((events[0].before, events[0].after, events[0].detail))
    audit_count = _count(AuditEvent)
    again = purge_withdrawn(30)
    assert again.stories_erased == 0
    assert _count(AuditEvent) == audit_count


def test_a_later_run_erases_stories_once_they_pass_the_setting(app, stories):
    purge_withdrawn(30)
    result = purge_withdrawn(30, now=utcnow() + timedelta(days=2))
    assert result.stories_erased == 1
    assert db.session.get(Story, stories["recent"].id).body is None


def test_purge_removes_pending_drafts_nobody_came_back_for_and_words_kept_for_an_erased_story(app, stories):
    db.session.add_all([
        PendingDraft(token_hash="a" * 64, story_id=None, fields={"body": "Abandoned words"},
                     created_at=utcnow() - timedelta(days=2)),
        PendingDraft(token_hash="b" * 64, story_id=None, fields={"body": "Fresh words"}),
        PendingDraft(token_hash="c" * 64, story_id=stories["old"].id, fields={"body": "Bluebells again"}),
    ])
    db.session.commit()
    result = purge_withdrawn(30)
    assert result.pending_drafts_removed == 1
    left = db.session.scalars(select(PendingDraft.token_hash)).all()
    assert left == ["b" * 64]


def test_only_a_withdrawn_story_can_have_its_words_erased(app, stories):
    with pytest.raises(NotWithdrawn):
        erase_story_text(stories["approved"], None, reason="test")


def test_flask_retention_purge_reads_the_setting_and_says_how_many_it_erased(app, runner, stories, monkeypatch):
    monkeypatch.setitem(app.config, "STORYBANK_WITHDRAWN_RETENTION_DAYS", 20)
    result = runner.invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    assert "Erased the words of 2 withdrawn stories" in result.output
    assert "kept for 20 days" in result.output
    second = runner.invoke(args=["retention", "purge"])
    assert "Erased the words of 0 withdrawn stories" in second.output


def test_the_retention_setting_defaults_to_30_days_and_comes_from_the_environment(tmp_path: Path):
    assert load_config(tmp_path, env={})["STORYBANK_WITHDRAWN_RETENTION_DAYS"] == 30
    env = {"STORYBANK_WITHDRAWN_RETENTION_DAYS": "7"}
    assert load_config(tmp_path, env=env)["STORYBANK_WITHDRAWN_RETENTION_DAYS"] == 7


@pytest.mark.parametrize("bad", ["-1", "thirty", "3.5", "³"])
def test_a_retention_setting_that_is_not_a_whole_number_of_days_stops_the_app_with_a_clear_message(tmp_path, bad):
    with pytest.raises(ConfigError, match="whole number of days"):
        load_config(tmp_path, env={"STORYBANK_WITHDRAWN_RETENTION_DAYS": bad})


def test_purge_takes_every_name_out_of_the_erased_storys_consent_records_and_keeps_the_proof(app, contributor,
                                                                                           make_user):
    supporter = make_user(Role.SUPPORTER, username="sam-supporter")
    own = make_story(contributor, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=31, title="Own",
                     body="Words", attribution_name="Maureen Quill", recorded_by_name="Maureen herself")
    helped = make_story(contributor, supporter=supporter, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=31,
                        title="Helped", body="Words", attribution_name="Nan Ivy", recorded_by_name="Sam Helper")
    kept = make_story(contributor, status=StoryStatus.WITHDRAWN, withdrawn_days_ago=2, title="Recent",
                      body="Words", attribution_name="Still Here")
    db.session.commit()
    purge_withdrawn(30)
    names = {(row.story_id, row.attribution_name, row.recorded_by_name)
             for row in db.session.scalars(select(ConsentRecord))}
    flat = {value for row in names for value in row[1:]}
    assert not flat & {"Maureen Quill", "Maureen herself", "Nan Ivy"}
    assert "Sam Helper" in flat, "the supporter was not erased: their own note of their name stays"
    assert "Still Here" in flat, "a story inside the retention period is not erased"
    assert ERASED_NAME in flat
    for story in (own, helped):
        records = db.session.scalars(select(ConsentRecord).where(ConsentRecord.story_id == story.id)).all()
        assert records and all(r.review_date and r.wording_version and r.method for r in records)
    assert kept.id
