"""The audit log in plain words: a sentence per event, links to the object, what changed as a list, the raw
record a click away, a date filter, and a CSV export that is itself audited."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import func, select

from storybank.audit.models import AuditEvent
from storybank.audit.services import record
from storybank.audit.words import EVENT_WORDS
from storybank.db_types import utcnow
from storybank.extensions import db


def _event(action, actor, *, object_type="users", object_id=None, before=None, after=None, days_ago=0):
    event = record(action, actor, object_type=object_type, object_id=object_id, before=before, after=after)
    event.occurred_at = utcnow() - timedelta(days=days_ago)
    db.session.commit()
    return event


def _rows(page: str) -> str:
    return page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_each_event_reads_as_plain_words_with_a_link_and_a_readable_list_of_changes(client, auth, admin,
                                                                                    contributor):
    _event("roles.changed", admin, object_id=contributor.id, before={"roles": ["contributor"]},
           after={"roles": ["contributor", "trainer"]})
    _event("moderation.suggestion_rejected", admin, object_type="moderation_suggestions", object_id=7,
           before={"status": "pending"}, after={"status": "rejected"})
    auth.sign_in(admin.username)
    rows = _rows(client.get("/admin/audit/").get_data(as_text=True))
    assert "Changed what a person can do (their roles)" in rows
    assert "Kept words the analysis suggested removing" in rows
    assert f'<a href="/admin/users/{contributor.id}">Person {contributor.id}</a>' in rows
    assert "<li>Roles: contributor → contributor, trainer</li>" in rows
    assert "<li>Where it is: pending → rejected</li>" in rows
    assert "Before: {" not in rows and "users 5" not in rows
    assert "<summary>The raw record" in rows and "moderation.suggestion_rejected" in rows.split("<details", 1)[1]
    history = client.get(f"/admin/audit/?object_type=users&object_id={contributor.id}").get_data(as_text=True)
    assert "Changed what a person can do" in _rows(history) and "Kept words" not in _rows(history)


def test_every_event_the_code_records_has_a_sentence():
    for action in ("moderation.approved", "moderation.declined", "moderation.changes_requested",
                   "moderation.appeal_upheld", "moderation.appeal_overturned", "moderation.suggestion_accepted",
                   "moderation.theme_added", "moderation.content_warning_added", "tagging.confirmed",
                   "tagging.rejected", "safeguarding.raised", "story.withdrawn", "consent.changed"):
        assert action in EVENT_WORDS, action


def test_the_log_filters_by_the_day_things_happened(client, auth, admin):
    _event("story.submitted", admin, object_type="stories", object_id=1, days_ago=10)
    _event("story.withdrawn", admin, object_type="stories", object_id=1, days_ago=1)
    auth.sign_in(admin.username)
    ten_days_ago = (utcnow() - timedelta(days=10)).date().isoformat()
    two_days_ago = (utcnow() - timedelta(days=2)).date().isoformat()
    old = _rows(client.get(f"/admin/audit/?from={ten_days_ago}&to={two_days_ago}").get_data(as_text=True))
    assert "Sent a story to be read by a moderator" in old and "Took a story back" not in old
    recent = _rows(client.get(f"/admin/audit/?from={two_days_ago}").get_data(as_text=True))
    assert "Took a story back" in recent and "Sent a story to be read" not in recent
    page = client.get("/admin/audit/?from=not-a-day").get_data(as_text=True)
    assert "Please enter a date such as" in page


def test_admins_download_the_log_as_csv_and_the_download_is_audited(client, auth, admin):
    _event("story.submitted", admin, object_type="stories", object_id=1, after={"status": "=HYPERLINK(1)"})
    _event("story.withdrawn", admin, object_type="stories", object_id=1)
    auth.sign_in(admin.username)
    token = auth.csrf_token("/admin/audit/")
    response = client.post("/admin/audit/export.csv", data={"csrf_token": token, "action": "story.submitted"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["action"] for row in rows] == ["story.submitted"]
    assert rows[0]["what_happened"] == "Sent a story to be read by a moderator"
    exported = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "audit.exported"))
    assert exported.actor_id == admin.id and exported.after == {"action": "story.submitted"}


def test_the_export_reads_the_log_a_batch_at_a_time_and_misses_nothing(app, client, auth, admin, monkeypatch):
    from storybank.audit import services

    monkeypatch.setattr(services, "EXPORT_BATCH", 3)
    for number in range(8):
        _event("story.submitted", admin, object_type="stories", object_id=number)
    auth.sign_in(admin.username)
    response = client.post("/admin/audit/export.csv", data={"csrf_token": auth.csrf_token("/admin/audit/"),
                                                             "action": "story.submitted"})
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert sorted(int(row["object_id"]) for row in rows) == list(range(8))
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "audit.exported")) == 1


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    from storybank.audit.services import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell({"status": "in_review"}) == '{"status": "in_review"}'
    assert _cell(None) == ""


def test_a_decided_suggestion_is_described_in_words_with_the_codes_only_in_the_raw_record(
        client, auth, admin, contributor, moderator):
    """The walk-through saw "redaction PERSON at 282-297" in the log."""
    from storybank.moderation.claims import claim
    from storybank.moderation.preparation import prepare_for_review
    from storybank.moderation.suggestions import decide_suggestion, suggestions_for
    from tests.moderation_steps import make_story

    story = make_story(contributor)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    db.session.commit()
    person = next(s for s in suggestions_for(story) if s.label == "PERSON")
    decide_suggestion(person, "reject", moderator)
    auth.sign_in(admin.username)
    rows = _rows(client.get("/admin/audit/").get_data(as_text=True))
    row = next(row for row in rows.split("<tr>") if "Kept words the analysis suggested removing" in row)
    readable = row.split("<details", 1)[0]
    assert f"A person&#39;s name, characters {person.start} to {person.end} of the story" in readable
    assert "redaction PERSON" not in readable and f"{person.start}-{person.end}" not in readable
    assert f"redaction PERSON at {person.start}-{person.end}" not in row
    assert "&#34;label&#34;: &#34;PERSON&#34;" in row.split("<details", 1)[1], "the codes are a click away"


def test_a_long_log_is_counted_to_a_limit_says_more_than_and_every_page_is_still_reachable(client, auth, admin,
                                                                                          monkeypatch):
    """The log only grows, so it is counted only as far as the list limit (or the page asked for), never whole."""
    from storybank import paging
    from storybank.audit import views

    monkeypatch.setattr(paging, "COUNT_LIMIT", 4)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for number in range(9):
        _event("story.submitted", admin, object_type="stories", object_id=number)
    _event("story.withdrawn", admin, object_type="stories", object_id=1)
    auth.sign_in(admin.username)
    first = client.get("/admin/audit/").get_data(as_text=True)
    assert "More than 4 events." in first and "Page 1 of 2 or more" in first
    assert "Download all these events as a spreadsheet (CSV)" in first
    events = db.session.scalar(select(func.count()).select_from(AuditEvent))
    pages = (events + 1) // 2
    last = client.get(f"/admin/audit/?page={pages}").get_data(as_text=True)
    assert f"Page {pages} of {pages}" in last and "or more" not in last and "Older events" not in last
    assert "Sent a story to be read by a moderator" in _rows(last)  # the oldest
    assert f"Page {pages} of {pages}" in client.get(f"/admin/audit/?page={pages + 3}").get_data(as_text=True)
    short = client.get("/admin/audit/?action=story.withdrawn").get_data(as_text=True)
    assert "1 event." in short and "Download this event as a spreadsheet (CSV)" in short


def test_the_action_filter_offers_every_kind_of_event_once_in_order(app, admin):
    """Found one step along the action index per kind, not by reading every event."""
    from storybank.audit.services import actions_in_log

    assert actions_in_log() == []
    for action in ("story.withdrawn", "account.created", "story.submitted", "account.created", "story.submitted",
                   "story.submitted.again", "a"):
        _event(action, admin)
    assert actions_in_log() == ["a", "account.created", "story.submitted", "story.submitted.again",
                                "story.withdrawn"]
