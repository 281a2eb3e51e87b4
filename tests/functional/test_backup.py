"""`flask backup create` / `flask backup restore` on SQLite and PostgreSQL, and the withdrawal ledger that makes a
withdrawal outlive a restore of a backup taken before it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.audit.services import record
from storybank.backup import tools
from storybank.backup.ledger import append_account_deletion, append_withdrawal
from storybank.backup.replay import LEDGER_LABEL
from storybank.consent.models import ConsentRecord, Purpose
from storybank.consent.services import withdraw
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.privacy.data_rights import delete_account
from storybank.privacy.retention import ERASED_TITLE
from storybank.search.models import SearchDocument
from storybank.stories.models import Story, StoryStatus
from tests.data_rights_builders import make_story
from tests.factories import PASSWORD, make_user
from tests.library_builders import approved

WORDS = "The night porter hummed hymns while he mopped the corridor outside my room."


@pytest.fixture
def ledger(app, tmp_path, monkeypatch):
    """Each test its own ledger, so entries other tests wrote never take part."""
    path = tmp_path / "ledger" / "withdrawal-ledger.jsonl"
    monkeypatch.setitem(app.config, "STORYBANK_WITHDRAWAL_LEDGER", str(path))
    return path


def everything_kept() -> dict[str, set]:
    return {
        "stories": set(db.session.execute(select(Story.id, Story.reference, Story.status, Story.title)).all()),
        "consent": set(db.session.execute(select(ConsentRecord.id, ConsentRecord.story_id,
                                                 ConsentRecord.withdrawn)).all()),
        "audit": set(db.session.execute(select(AuditEvent.id, AuditEvent.action, AuditEvent.object_id)).all()),
    }


def back_up(runner, tmp_path, name: str = "backup") -> str:
    target = str(tmp_path / name)
    result = runner.invoke(args=["backup", "create", target])
    assert result.exit_code == 0, result.output
    return target


def restore(runner, path: str, *extra: str, **kwargs):
    result = runner.invoke(args=["backup", "restore", path, *extra], **kwargs)
    db.session.expire_all()
    return result


def test_a_restored_database_holds_every_story_consent_record_and_audit_event_of_the_backup(
        app, runner, contributor, ledger, tmp_path):
    kept = approved(contributor, WORDS, title="Hymns in the corridor")
    make_story(contributor, status=StoryStatus.WITHDRAWN, title="Taken back before", withdrawn_days_ago=3)
    make_story(contributor, status=StoryStatus.DRAFT, title="Still writing")
    withdraw(make_story(contributor, title="Withdrawn through the service"), contributor)
    db.session.commit()
    before = everything_kept()
    assert len(before["stories"]) == 4 and len(before["consent"]) == 5 and before["audit"]

    path = back_up(runner, tmp_path)
    created = runner.invoke(args=["backup", "create", str(tmp_path / "again")])
    assert f"4 stories, {len(before['consent'])} consent records and {len(before['audit'])} audit events" \
        in created.output

    make_story(contributor, title="Written after the backup")
    db.session.get(Story, kept.id).title = "Changed after the backup"
    record("story.note", contributor, kept)
    db.session.commit()
    assert everything_kept() != before

    result = restore(runner, path, "--yes")
    assert result.exit_code == 0, result.output
    assert f"Restored {path}: 4 stories, {len(before['consent'])} consent records" in result.output
    assert everything_kept() == before


def test_a_backup_taken_while_a_write_is_under_way_holds_only_what_was_committed(app, runner, contributor, ledger,
                                                                                 tmp_path):
    """The app keeps working during a backup: an open transaction neither blocks it nor gets half into it."""
    committed = make_story(contributor, title="Committed").id
    db.session.commit()
    under_way = make_story(contributor, title="Not yet committed").id  # flushed, its transaction still open
    path = back_up(runner, tmp_path)
    db.session.commit()
    result = restore(runner, path, "--yes")
    assert result.exit_code == 0, result.output
    assert db.session.get(Story, committed) is not None
    assert db.session.get(Story, under_way) is None


def test_a_story_withdrawn_after_the_backup_is_withdrawn_again_on_restore(
        app, client, runner, contributor, signed_in_trainer, ledger, tmp_path):
    story = approved(contributor, WORDS, title="Hymns in the corridor", scopes=(Purpose.TRAINING, Purpose.PUBLIC))
    approved(contributor, "She sang hymns with me on Sundays.", title="Sunday hymns")
    story_id, reference = story.id, story.reference
    assert "Hymns in the corridor" in client.get("/search?q=hymns").get_data(as_text=True)
    assert client.get(f"/stories/read/{reference}").status_code == 200
    path = back_up(runner, tmp_path)

    withdraw(story, contributor)
    withdrawn_at = db.session.get(Story, story_id).withdrawn_at
    result = restore(runner, path, "--yes")

    assert result.exit_code == 0, result.output
    assert "(withdrawn after this backup was taken): 1." in result.output
    story = db.session.get(Story, story_id)
    assert story.status == StoryStatus.WITHDRAWN
    assert story.withdrawn_at == withdrawn_at  # retention counts from when the author withdrew it, not the restore
    assert story.current_consent.withdrawn
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "story.withdrawn",
                                                      AuditEvent.actor_label == LEDGER_LABEL))
    assert db.session.get(SearchDocument, story_id) is None
    found = client.get("/search?q=hymns").get_data(as_text=True)  # the trainer's sign-in was in the backup too
    assert "Sunday hymns" in found and "Hymns in the corridor" not in found
    assert client.get(f"/library/stories/{reference}").status_code == 404
    assert client.get(f"/stories/read/{reference}").status_code == 404
    assert "Hymns in the corridor" not in client.get("/stories").get_data(as_text=True)


def test_the_ledger_holds_which_story_and_when_but_never_its_words(app, contributor, ledger):
    story = approved(contributor, WORDS, title="Hymns in the corridor")
    withdraw(story, contributor)
    entries = [json.loads(line) for line in ledger.read_text().splitlines()]
    assert entries == [{"story_id": story.id, "reference": story.reference,
                        "withdrawn_at": story.withdrawn_at.isoformat()}]
    assert "hymns" not in ledger.read_text().lower() and "corridor" not in ledger.read_text().lower()


def test_a_ledger_that_cannot_be_written_never_stops_a_withdrawal_but_stops_backups(
        app, runner, contributor, tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "STORYBANK_WITHDRAWAL_LEDGER", str(tmp_path))  # a folder, not a file
    story = approved(contributor, WORDS, title="Hymns in the corridor")
    withdraw(story, contributor)
    assert db.session.get(Story, story.id).status == StoryStatus.WITHDRAWN
    assert "withdrawal ledger" in caplog.text
    result = runner.invoke(args=["backup", "create", str(tmp_path / "backup")])
    assert result.exit_code == 1 and "cannot be written" in result.output
    assert not (tmp_path / "backup").exists()


def test_a_ledger_entry_for_another_database_withdraws_nothing(app, runner, contributor, ledger, tmp_path):
    story_id = approved(contributor, WORDS, title="Hymns in the corridor").id
    path = back_up(runner, tmp_path)
    append_withdrawal(ledger, story_id, "SB-ELSE-WHERE", utcnow() - timedelta(days=1))
    result = restore(runner, path, "--yes")
    assert result.exit_code == 0, result.output
    assert "taken): 0." in result.output and "Not in the backup: 1." in result.output
    assert db.session.get(Story, story_id).status == StoryStatus.APPROVED


def test_a_story_that_was_a_draft_in_the_backup_stays_a_draft_only_its_author_sees(app, runner, contributor,
                                                                                    ledger, tmp_path):
    draft = make_story(contributor, status=StoryStatus.DRAFT, title="Still writing")
    db.session.commit()
    draft_id = draft.id
    path = back_up(runner, tmp_path)
    draft.status, draft.reference = StoryStatus.SUBMITTED, "SB-SENT-LATER"
    db.session.commit()
    withdraw(draft, contributor)
    result = restore(runner, path, "--yes")
    assert result.exit_code == 0, result.output
    assert "taken): 0." in result.output and "drafts): 1." in result.output
    assert db.session.get(Story, draft_id).status == StoryStatus.DRAFT


def test_restore_asks_first_and_changes_nothing_on_no(app, runner, contributor, ledger, tmp_path):
    path = back_up(runner, tmp_path)
    later = make_story(contributor, title="Written after the backup").id
    db.session.commit()
    result = restore(runner, path, input="n\n")
    assert result.exit_code == 0, result.output
    assert "REPLACES THE LIVE DATABASE" in result.output
    assert "Nothing was changed." in result.output
    assert db.session.get(Story, later) is not None


def test_a_file_that_is_not_a_backup_is_refused_and_the_database_is_left_alone(app, runner, contributor, ledger,
                                                                              tmp_path):
    story_id = make_story(contributor, title="Still here").id
    db.session.commit()
    bogus = tmp_path / "not-a-backup"
    bogus.write_bytes(b"these are not the pages you are looking for " * 200)
    result = restore(runner, str(bogus), "--yes")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "not" in result.output
    assert db.session.get(Story, story_id) is not None


def test_a_backup_never_overwrites_a_file(app, runner, ledger, tmp_path):
    existing = tmp_path / "taken"
    existing.write_text("keep me")
    result = runner.invoke(args=["backup", "create", str(existing)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert existing.read_text() == "keep me"


@pytest.mark.parametrize("database_app", ["postgresql"], indirect=True)  # SQLite uses its own backup API
def test_a_missing_pg_dump_is_explained_kindly(app, runner, backend, ledger, tmp_path, monkeypatch):
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    monkeypatch.setattr(tools, "POSTGRES_LIBRARY", tmp_path / "no-postgres-here")
    result = runner.invoke(args=["backup", "create", str(tmp_path / "backup")])
    assert result.exit_code == 1
    assert "pg_dump was not found" in result.output and "apt install postgresql-client" in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("backup*"))


def test_pg_programs_are_found_in_the_newest_postgresql_folder_when_not_on_path(tmp_path, monkeypatch):
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    for version in ("9.6", "15", "16"):
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "pg_dump").touch()
    assert tools.find_program("pg_dump", tmp_path) == str(tmp_path / "16" / "bin" / "pg_dump")


def test_an_account_deleted_after_the_backup_is_deleted_again_on_restore(app, runner, ledger, tmp_path):
    """Erasure must outlive a restore: the ledger holds that the account was deleted (never who it was), and the
    restore deletes it again, with its stories withdrawn and their words erased."""
    person = make_user(Role.CONTRIBUTOR, username="dorafenwick", display_name="Dora Fenwick",
                       email="dora@example.org")
    story = approved(person, WORDS, title="Hymns in the corridor")
    record("account.signed_in", person, person)
    db.session.commit()
    person_id, story_id = person.id, story.id
    path = back_up(runner, tmp_path)

    delete_account(person, person, password=PASSWORD)
    written = ledger.read_text()
    assert '"kind": "account_deleted"' in written
    assert not [word for word in ("dora", "fenwick", "example.org", "hymns") if word in written.lower()]
    result = restore(runner, path, "--yes")

    assert result.exit_code == 0, result.output
    assert "Accounts deleted again (deleted after this backup was taken, with their stories' words): 1." in \
        result.output
    assert db.session.get(User, person_id) is None
    story = db.session.get(Story, story_id)
    assert story.status == StoryStatus.WITHDRAWN and story.author_id is None
    assert story.title == ERASED_TITLE and story.body is None and story.moderated_body is None
    assert db.session.get(SearchDocument, story_id) is None
    labels = set(db.session.scalars(select(AuditEvent.actor_label)))
    assert not [label for label in labels if "dora" in label.lower()], labels
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "account.deleted",
                                                      AuditEvent.actor_label == LEDGER_LABEL))


def test_an_account_deletion_in_the_ledger_for_another_account_deletes_nobody(app, runner, ledger, tmp_path):
    """The same id made at another moment is another account (a ledger from another database)."""
    person = make_user(Role.CONTRIBUTOR, username="keepme")
    db.session.commit()
    path = back_up(runner, tmp_path)
    append_account_deletion(ledger, person.id, person.created_at + timedelta(seconds=1), utcnow())
    result = restore(runner, path, "--yes")
    assert result.exit_code == 0, result.output
    assert "Accounts deleted again" not in result.output
    assert db.session.get(User, person.id).username == "keepme"
