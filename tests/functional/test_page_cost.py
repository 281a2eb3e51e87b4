"""What a list page asks of the database, and how it builds its links, stays small: the moderation queue reads only
what its rows show, in a bounded number of statements built once per shape; "My stories" too; the audit log's
links are the ones ``url_for`` would make. (How long pages take is measured in bench/, never here.)"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

from flask import url_for
from sqlalchemy import event

from storybank.accounts.roles import Role
from storybank.audit.views import _history_links
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation import queue as review_queue
from storybank.moderation.models import Notification, SafeguardingConcern, StoryReview
from storybank.routing import LARGEST_ID, id_urls
from storybank.stories.models import StoryStatus
from storybank.stories.news import news_for, news_for_stories
from tests.moderation_steps import make_story

QUEUE_STATEMENTS = 9
"""The queue's first page: the session (with the person and their roles), the three counts, the urgent stories and
the others that fill the page, the page's rows, the care settings to filter by, and the header's unread messages."""
MY_STORIES_STATEMENTS = 9
"""The session, the count and the page of stories with their consent, the latest decisions and the requests to look
again (the page has stories sent back and declined), the messages and the edits for clarity, and the header's
unread messages."""


@contextmanager
def statements():
    sent: list[str] = []

    def keep(_conn, _cursor, statement, *_args):
        sent.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def _claimed_by_others(make_user, contributor, count: int) -> None:
    for n in range(count):
        story = make_story(contributor, f"Story {n}.", title=f"Story number {n}")
        holder = make_user(Role.MODERATOR, username=f"holder{story.id}")
        db.session.add(StoryReview(story_id=story.id, claimed_by_id=holder.id, claimed_at=utcnow(),
                                   claim_expires_at=utcnow() + timedelta(hours=1)))
        if n % 2:
            db.session.add(SafeguardingConcern(story_id=story.id, category="harm", sentence="They hit me.",
                                               reason="Harm", raised_at=utcnow()))
    db.session.commit()


def test_the_queue_reads_only_what_its_rows_show_in_a_bounded_number_of_statements(app, client, auth, make_user,
                                                                                   contributor):
    """Each row names who is reading the story, but the page never loads those moderators' roles (a query of
    its own) nor the parts of a story no row shows (its moderated text, its key's hash)."""
    reader = make_user(Role.MODERATOR, Role.CONTRIBUTOR, username="reader")
    _claimed_by_others(make_user, contributor, 6)
    auth.sign_in(reader.username)
    with statements() as sent:
        page = client.get("/moderation").get_data(as_text=True)
    assert page.count("holder") >= 6 and "Story number 5" in page, "each row names who holds it"
    assert len(sent) <= QUEUE_STATEMENTS, sent
    assert not [s for s in sent if re.match(r"SELECT .* FROM user_roles WHERE", s)], "no query for holders' roles"
    rows = [s for s in sent if "moderation_suggestions" in s and "story_reviews" in s]
    assert len(rows) == 1, rows
    for column in ("stories.moderated_body", "stories.key_hash", "stories.created_at", "story_reviews.claimed_at"):
        assert column not in rows[0], column


def test_the_queue_builds_its_statements_once_per_shape_whatever_the_address_says(app, client, auth, moderator,
                                                                                   contributor):
    """The statements are kept for the next visit, one per shape: what a browser puts in ``status`` cannot add
    more. Only the statement is kept, never what it read: a story sent after the first visit shows at once."""
    auth.sign_in(moderator.username)
    for status in ("", "submitted", "in_review", "nonsense", "<b>", "x" * 300, "submitted "):
        for care_setting in ("", "Care home"):
            assert client.get("/moderation", query_string={"status": status,
                                                           "care_setting": care_setting}).status_code == 200
    assert review_queue._waiting.cache_info().currsize <= 6
    assert review_queue._urgent_ids.cache_info().currsize <= 6
    assert review_queue._waiting_counter.cache_info().currsize <= 6
    assert review_queue._rest_ids.cache_info().currsize <= 12

    make_story(contributor, "Sent just now.", title="A story sent after the first visit")
    db.session.commit()
    assert "A story sent after the first visit" in client.get("/moderation").get_data(as_text=True)


def test_my_stories_runs_a_bounded_number_of_statements_and_leaves_what_only_a_storys_own_page_shows(
        app, client, auth, contributor, moderator):
    """A list of stories shows neither what was taken out of each nor whether anyone was worried, so it does not
    ask; the story's own page (and the page after sending, which offers help) still knows."""
    stories = [make_story(contributor, "Mine.", status, title=f"Mine {n}")
               for n, status in enumerate([StoryStatus.APPROVED, StoryStatus.DECLINED,
                                           StoryStatus.CHANGES_REQUESTED] * 4)]
    for story in stories:
        db.session.add(Notification(user_id=contributor.id, story_id=story.id, text=f"A message about {story.title}."))
    worried = stories[0]
    db.session.add(SafeguardingConcern(story_id=worried.id, category="harm", sentence="They hit me.", reason="Harm",
                                       raised_at=utcnow()))
    db.session.commit()
    auth.sign_in(contributor.username)
    with statements() as sent:
        page = client.get("/my-stories").get_data(as_text=True)
    assert "A message about Mine 11." in page and "(12 new)" in page
    assert len(sent) <= MY_STORIES_STATEMENTS, sent
    assert not [s for s in sent if "safeguarding_concerns" in s or "moderation_suggestions" in s], sent
    assert news_for(worried, contributor).safeguarding_raised
    assert not news_for_stories([worried], contributor)[worried.id].safeguarding_raised


def test_each_audit_events_history_link_is_the_address_url_for_would_make(app):
    """The log's address is built once per page and each row adds its own query: the same link, character for
    character, as ``url_for`` makes, whatever an object's type or id holds."""
    odd = ["stories", "a b", "a&b=c", "é/ü", "100%", "x+y", "#frag", "?q", "!$'()*,/:;?@", "tab\there", "\u2028"]
    with app.test_request_context("/admin/audit/"):
        link = _history_links()
        for object_type in odd:
            for object_id in ("42", *odd):
                made = link(SimpleNamespace(object_type=object_type, object_id=object_id))
                assert made == url_for("audit.log", object_type=object_type, object_id=object_id)


def test_a_lists_row_links_are_the_addresses_url_for_would_make(app):
    """The queue builds each row's links from one address per kind of link: the same links as ``url_for`` makes,
    under any prefix the app is served below, and anything but an id a row can have is left to ``url_for``."""
    routes = [("moderation.review", "story_id"), ("moderation.claim", "story_id"), ("stories.detail", "story_id"),
              ("admin.user_detail", "user_id")]
    for base_url in ("http://localhost/", "http://localhost/care/", f"http://localhost/{LARGEST_ID}/"):
        with app.test_request_context("/", base_url=base_url):
            for endpoint, name in routes:
                url = id_urls(endpoint, name)
                for value in (0, 1, 7, 10, 999_999, LARGEST_ID, -1, LARGEST_ID + 1, 2**70, "12", True):
                    assert url(value) == url_for(endpoint, **{name: value}), (base_url, endpoint, value)
