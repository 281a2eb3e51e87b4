"""Lists that stay fast as the service grows: each is shown a page at a time, `?page=2` is the second page, and
the queue reads the same few queries however many stories wait (and writes nothing)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from storybank.accounts.roles import Role
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.appeals import open_appeals_page
from storybank.moderation.models import (
    Appeal,
    ConcernAction,
    DecisionOutcome,
    ModerationDecision,
    Notification,
    SafeguardingConcern,
    StoryReview,
)
from storybank.moderation.queue import PAGE_SIZE, queue_counts, queue_page
from storybank.moderation.safeguarding import concerns_page
from storybank.stories.models import StoryStatus
from storybank.stories.services import MY_STORIES_PAGE_SIZE
from tests.moderation_steps import make_story


@contextmanager
def statements():
    """Every SQL statement sent while the block runs."""
    sent: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


WAITING_COUNT = r"\s*SELECT count\(\*\) AS \w+\s+FROM \(SELECT stories\.id"
"""The count of waiting stories not being read (the claims being read, and the urgent ones, are counted apart)."""


def _concern(story, *, hours_ago: int = 1, done: bool = False) -> SafeguardingConcern:
    concern = SafeguardingConcern(story_id=story.id, category="harm", sentence="They hit me.", reason="Harm",
                                  raised_at=utcnow() - timedelta(hours=hours_ago),
                                  action=ConcernAction.NO_ACTION if done else None)
    db.session.add(concern)
    db.session.flush()
    return concern


def _titles_on(client, path: str) -> set[str]:
    return set(re.findall(r"Story number \d+", client.get(path).get_data(as_text=True)))


def test_the_queue_is_urgent_first_then_oldest_across_pages(app, contributor):
    stories = [make_story(contributor, f"Story {n}.", days_ago=10 - n, title=f"Story number {n}") for n in range(5)]
    _concern(stories[4])
    _concern(stories[2], done=True)
    db.session.commit()
    seen = [entry.story.id for page in (1, 2, 3) for entry in queue_page(page=page, per_page=2).items]
    assert seen == [stories[4].id, stories[0].id, stories[1].id, stories[2].id, stories[3].id]
    assert queue_page(page=1, per_page=2).items[0].urgent
    assert queue_page(page=3, per_page=2).total == 5 and queue_page(page=3, per_page=2).pages == 3
    assert [e.story.id for e in queue_page(page=99, per_page=2).items] == [stories[3].id], "past the end: the last"


def test_page_two_of_the_queue_is_the_second_page_and_the_counts_cover_every_page(app, client, auth, moderator,
                                                                                   contributor):
    for n in range(PAGE_SIZE + 2):
        make_story(contributor, "Waiting.", days_ago=200 - n, title=f"Story number {n}")
    db.session.commit()
    auth.sign_in(moderator.username)
    first, second = _titles_on(client, "/moderation"), _titles_on(client, "/moderation?page=2")
    assert len(first) == PAGE_SIZE and second == {f"Story number {PAGE_SIZE}", f"Story number {PAGE_SIZE + 1}"}
    assert "Page 2 of 2" in client.get("/moderation?page=2").get_data(as_text=True)
    assert queue_counts()["submitted"] == PAGE_SIZE + 2


def test_the_queue_reads_the_same_few_queries_for_a_long_page_and_writes_nothing(app, client, auth, make_user,
                                                                                 contributor):
    reader = make_user(Role.MODERATOR, username="reader")
    auth.sign_in(reader.username)

    def add(count: int) -> None:
        for n in range(count):
            story = make_story(contributor, f"Story {n}.", care_setting="Care home", title=f"Story number {n}")
            holder = make_user(Role.MODERATOR, username=f"holder{story.id}")
            db.session.add(StoryReview(story_id=story.id, claimed_by_id=holder.id, claimed_at=utcnow(),
                                       claim_expires_at=utcnow() + timedelta(hours=1)))
            _concern(story)
        db.session.commit()

    add(2)
    with statements() as short:
        assert client.get("/moderation").status_code == 200
    add(20)
    with statements() as long:
        page = client.get("/moderation").get_data(as_text=True)
    assert page.count("holder") >= 22, "each row names who holds it"
    assert len(long) == len(short), "no query per row"
    assert not [s for s in long if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.IGNORECASE)], "a GET never writes"


def test_my_stories_page_two_is_the_second_page(app, client, auth, contributor):
    for n in range(MY_STORIES_PAGE_SIZE + 1):
        story = make_story(contributor, "Mine.", title=f"Story number {n}")
        story.updated_at = utcnow() - timedelta(days=100 - n)
    db.session.commit()
    auth.sign_in(contributor.username)
    first, second = _titles_on(client, "/my-stories"), _titles_on(client, "/my-stories?page=2")
    assert second == {"Story number 0"}, "the story changed longest ago is on the last page"
    assert len(first) == MY_STORIES_PAGE_SIZE and "Story number 0" not in first


def test_messages_page_two_is_the_second_page(app, client, auth, contributor):
    story = make_story(contributor, "Mine.", StoryStatus.APPROVED)
    for n in range(21):
        db.session.add(Notification(user_id=contributor.id, story_id=story.id, text=f"Message number {n}.",
                                    created_at=utcnow() - timedelta(hours=100 - n)))
    db.session.commit()
    auth.sign_in(contributor.username)
    first = client.get("/notifications").get_data(as_text=True)
    second = client.get("/notifications?page=2").get_data(as_text=True)
    assert "Message number 0." in second and "Message number 0." not in first
    assert "Message number 20." in first and "Message number 20." not in second


def test_safeguarding_concerns_are_open_first_then_oldest_and_page_two_is_the_second_page(app, client, auth,
                                                                                          moderator, contributor):
    story = make_story(contributor, "A story.")
    done = _concern(story, hours_ago=500, done=True)
    newest = _concern(story, hours_ago=1)
    oldest = _concern(story, hours_ago=400)
    db.session.commit()
    assert [row.concern.id for page in (1, 2) for row in concerns_page(page, per_page=2).items] == \
        [oldest.id, newest.id, done.id]
    for n in range(50):
        _concern(story, hours_ago=2 + n)
    db.session.commit()
    auth.sign_in(moderator.username)
    second = client.get("/moderation/concerns?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and second.count("/moderation/concerns/") == 3


def test_requests_to_look_again_are_oldest_first_a_page_at_a_time(app, client, auth, moderator, contributor):
    appeals = []
    for n in range(3):
        story = make_story(contributor, "Declined.", StoryStatus.DECLINED, title=f"Story number {n}")
        decision = ModerationDecision(story_id=story.id, moderator_id=moderator.id, outcome=DecisionOutcome.DECLINED)
        db.session.add(decision)
        db.session.flush()
        appeal = Appeal(story_id=story.id, decision_id=decision.id, contributor_id=contributor.id,
                        opened_at=utcnow() - timedelta(days=10 - n))
        db.session.add(appeal)
        appeals.append(appeal)
    db.session.commit()
    assert [a.id for page in (1, 2) for a in open_appeals_page(page, per_page=2).items] == [a.id for a in appeals]
    auth.sign_in(moderator.username)
    assert _titles_on(client, "/moderation/appeals?page=2") == {f"Story number {n}" for n in range(3)}, \
        "one page holds them all, so page 2 shows the last (and only) page"


def test_each_list_has_an_index_for_its_filter_and_its_order(app):
    """Made by the migrations (the test database is built by them): each paged list reads one index in order
    rather than sorting every row, so its time does not grow with the number of stories."""
    from sqlalchemy import inspect

    wanted = {
        "stories": [("status", "submitted_at", "id"), ("submitted_at", "id"), ("author_id", "updated_at", "id"),
                    ("supporter_id", "updated_at", "id")],
        "story_reviews": [("urgent",)],
        "notifications": [("user_id", "created_at", "id")],
        "safeguarding_concerns": [("action", "raised_at", "id")],
        "moderation_appeals": [("outcome", "opened_at", "id")],
        "audit_events": [("occurred_at",)],
    }
    inspector = inspect(db.engine)
    for table, indexes in wanted.items():
        present = {tuple(index["column_names"]) for index in inspector.get_indexes(table)}
        for columns in indexes:
            assert columns in present, f"{table} has no index on {columns}"


def test_a_page_of_the_queue_walks_the_waiting_stories_index_in_order_without_sorting(app, backend, contributor):
    """Both waiting statuses are listed together, oldest first: the partial index of waiting stories gives that
    order as it is read, so page 20 at 50 000 waiting steps over 950 entries rather than sorting all 50 000
    (PostgreSQL sorted them: ~10 ms a page in `make bench-pages`). A database uses a partial index only when it can
    tell from the statement that every row asked for is in it: the statuses are written into the SQL."""
    from sqlalchemy import insert, text

    from storybank.stories.models import Story

    now = utcnow()
    db.session.execute(insert(Story), [
        {"reference": f"SB-Q-{n:04d}", "title": f"Waiting {n}", "body": "Waiting.",
         "status": (StoryStatus.IN_REVIEW if n % 3 == 0 else StoryStatus.SUBMITTED) if n < 300
         else StoryStatus.APPROVED, "created_at": now, "updated_at": now,
         "submitted_at": now - timedelta(minutes=n)} for n in range(900)])
    db.session.commit()
    sent: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        if "ORDER BY stories.submitted_at" in statement and "OFFSET" in statement:
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        page = queue_page(page=3, per_page=50)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    assert [entry.story.title for entry in page.items][:2] == ["Waiting 199", "Waiting 198"]  # oldest first
    (statement, parameters), = sent
    connection = db.session.connection()
    if backend == "sqlite":  # with statistics, as `make bench-pages` builds them (without, SQLite sorts)
        connection.execute(text("ANALYZE"))
        try:
            plan = "\n".join(row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                                          parameters))
        finally:
            connection.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
            connection.execute(text("DROP TABLE IF EXISTS sqlite_stat4"))
            db.session.commit()
        assert "ix_stories_waiting_submitted_at_id" in plan and "TEMP B-TREE" not in plan, plan
    else:  # a small table is read whole unless that is ruled out; a sort is ruled out only if the index can serve
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        connection.execute(text("SET LOCAL enable_sort = off"))
        plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + statement, parameters))
        assert "ix_stories_waiting_submitted_at_id" in plan and "Sort" not in plan, plan
    db.session.rollback()


@pytest.mark.parametrize("database_app", ["sqlite"], indirect=True)  # the plans checked are SQLite's
def test_my_stories_and_the_queue_counts_never_read_every_story_on_sqlite(app, backend, contributor, moderator):
    """With statistics like a real service's (most stories not this person's, most claims run out, few concerns),
    SQLite's plans start from the few rows that matter. `author_id = ? OR supporter_id = ?` read every story, and
    "Being read" and "Urgent" started from every waiting story: tens of ms each at 50 000 (`make bench-pages`)."""
    assert backend == "sqlite"  # PostgreSQL plans a small test table by reading it anyway
    from sqlalchemy import insert, text

    from storybank.stories.models import Story
    from storybank.stories.services import stories_page

    now = utcnow()
    for n in range(5):
        make_story(contributor, f"Mine {n}.", title=f"Mine {n}")
    db.session.execute(insert(Story), [
        {"reference": f"SB-KEY-{n:04d}", "title": f"Shared with a key {n}", "body": "Waiting.",
         "status": StoryStatus.IN_REVIEW if n % 7 == 0 else StoryStatus.SUBMITTED,
         "created_at": now, "updated_at": now, "submitted_at": now - timedelta(minutes=n)} for n in range(400)])
    ids = list(db.session.scalars(select(Story.id).where(Story.reference.like("SB-KEY-%"))))
    db.session.execute(insert(StoryReview), [
        {"story_id": story_id, "prepared_at": now, "claimed_by_id": moderator.id if n % 7 == 0 else None,
         "claimed_at": now if n % 7 == 0 else None,
         "claim_expires_at": (now + timedelta(hours=1) if n < 21 else now - timedelta(hours=1)) if n % 7 == 0
         else None} for n, story_id in enumerate(ids)])
    for story_id in ids[:2]:
        db.session.add(SafeguardingConcern(story_id=story_id, category="harm", sentence="They hit me.",
                                           reason="Harm", raised_at=now))
    db.session.commit()

    def plans_of(call) -> dict[str, str]:
        sent: list[tuple[str, object]] = []

        def keep(_conn, _cursor, statement, parameters, *_args):
            if statement.lstrip().upper().startswith("SELECT"):
                sent.append((statement, parameters))

        event.listen(db.engine, "before_cursor_execute", keep)
        try:
            call()
        finally:
            event.remove(db.engine, "before_cursor_execute", keep)
        connection = db.session.connection().connection.driver_connection
        return {statement: "\n".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement,
                                                                           parameters))
                for statement, parameters in sent}

    connection = db.session.connection()
    connection.execute(text("ANALYZE"))
    try:
        mine = plans_of(lambda: stories_page(contributor))
        counts = plans_of(queue_counts)
    finally:
        connection.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
        connection.execute(text("DROP TABLE IF EXISTS sqlite_stat4"))
        db.session.commit()
    assert mine and not [plan for plan in mine.values() if re.search(r"^SCAN stories\b", plan, re.MULTILINE)], mine
    live = next(plan for statement, plan in counts.items() if "story_reviews" in statement)
    assert "ix_story_reviews_claim_expires_at" in live and "SEARCH stories USING INTEGER PRIMARY KEY" in live, live
    urgent = next(plan for statement, plan in counts.items() if "safeguarding_concerns" in statement)
    assert "SEARCH stories USING INTEGER PRIMARY KEY" in urgent, urgent


def test_the_queue_counts_its_waiting_stories_once_and_each_filter_still_has_the_right_pages(
        app, client, auth, moderator, contributor):
    """The page's total comes from the counts shown above it (the waiting stories are counted once, not twice),
    and with a filter it is still the filter's own total."""
    stories = [make_story(contributor, "Waiting.", days_ago=200 - n, title=f"Story number {n}")
               for n in range(PAGE_SIZE + 1)]
    db.session.add(StoryReview(story_id=stories[0].id, claimed_by_id=moderator.id, claimed_at=utcnow(),
                               claim_expires_at=utcnow() + timedelta(hours=1)))
    db.session.commit()
    auth.sign_in(moderator.username)
    with statements() as sent:
        assert "Page 1 of 2" in client.get("/moderation").get_data(as_text=True)
    waiting_counts = [s for s in sent if re.match(WAITING_COUNT, s)]
    assert len(waiting_counts) == 1, waiting_counts
    assert "Page 2 of 2" in client.get("/moderation?page=2").get_data(as_text=True)
    assert _titles_on(client, "/moderation?status=in_review") == {"Story number 0"}
    assert len(_titles_on(client, "/moderation?status=submitted")) == PAGE_SIZE
    counts = queue_counts()
    for status in (None, "submitted", "in_review", "not-a-status"):
        for care_setting in (None, "Care home"):
            given = queue_page(status, care_setting, counts=counts).total
            assert given == queue_page(status, care_setting).total, (status, care_setting)
    assert [queue_page(status, counts=counts).total for status in (None, "submitted", "in_review")] == [
        PAGE_SIZE + 1, PAGE_SIZE, 1]


def _declined(contributor, title: str, *, asked_again: bool) -> None:
    story = make_story(contributor, "Mine.", StoryStatus.DECLINED, title=title)
    decision = ModerationDecision(story_id=story.id, outcome=DecisionOutcome.DECLINED,
                                  message=f"Why {title} was declined.")
    db.session.add(decision)
    db.session.flush()
    if asked_again:
        db.session.add(Appeal(story_id=story.id, decision_id=decision.id, contributor_id=contributor.id))
    db.session.add(Notification(user_id=contributor.id, story_id=story.id, text=f"A message about {title}."))


def _my_stories_news(client) -> dict[str, str]:
    """Each story card's text on "My stories", by title."""
    page = client.get("/my-stories").get_data(as_text=True)
    cards = re.split(r'<h2 class="story-card-title">', page)[1:]
    return {card.split("<", 1)[0].strip(): card for card in cards}


def test_my_stories_gathers_every_storys_news_in_the_same_few_queries_and_each_card_keeps_its_own(
        app, client, auth, contributor):
    """News is gathered for the whole page at once (one query per kind of news), so a batch must never let one
    story's decline, request to look again or message show on another's card."""
    auth.sign_in(contributor.username)
    _declined(contributor, "Declined once", asked_again=False)
    make_story(contributor, "Mine.", StoryStatus.APPROVED, title="Approved")
    db.session.commit()
    with statements() as short:
        assert client.get("/my-stories").status_code == 200

    _declined(contributor, "Declined and asked again", asked_again=True)
    for n in range(3):
        _declined(contributor, f"Declined number {n}", asked_again=n == 1)
    approved = make_story(contributor, "Mine.", StoryStatus.APPROVED, title="Approved with a concern")
    db.session.add(SafeguardingConcern(story_id=approved.id, category="harm", sentence="They hit me.",
                                       reason="Harm"))
    db.session.commit()
    with statements() as long:
        cards = _my_stories_news(client)
    assert len(long) == len(short), "the same few queries for one story with news as for a page of them"
    assert not [s for s in long if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.IGNORECASE)], "a GET never writes"

    for title in ("Declined once", "Declined number 0", "Declined number 2"):
        assert f"Why {title} was declined." in cards[title] and f"A message about {title}." in cards[title]
        assert "Ask for this to be looked at again" in cards[title]
    for title in ("Declined and asked again", "Declined number 1"):
        assert f"Why {title} was declined." in cards[title]
        assert "Ask for this to be looked at again" not in cards[title]
        assert "You asked us to look at it again" in cards[title]
    for title, card in cards.items():
        others = [other for other in cards if other != title]
        assert not [other for other in others if f"Why {other} was declined." in card], "no other story's news"
    assert "declined" not in cards["Approved with a concern"].lower()


def test_a_long_queue_counts_to_its_limit_says_more_than_and_every_page_is_still_reachable(
        app, client, auth, moderator, contributor, monkeypatch):
    """Counting every waiting story would make the queue slower as the service grows: it counts up to
    COUNT_LIMIT, then says "more than", and a page beyond what was counted still shows its stories."""
    limit = PAGE_SIZE + 10
    monkeypatch.setattr("storybank.paging.COUNT_LIMIT", limit)
    monkeypatch.setattr("storybank.moderation.queue.COUNT_LIMIT", limit)
    stories = 2 * PAGE_SIZE + 20
    for n in range(stories):
        make_story(contributor, "Waiting.", days_ago=500 - n, title=f"Story number {n}")
    db.session.commit()
    auth.sign_in(moderator.username)
    counts = queue_counts()
    assert counts["submitted"] == limit and counts["more"] is True
    with statements() as sent:
        first = client.get("/moderation").get_data(as_text=True)
    assert f"<dt>Waiting for a moderator</dt><dd>More than {limit}</dd>" in first
    assert "Page 1 of 2 or more" in first
    counted = [s for s in sent if re.match(WAITING_COUNT, s)]
    assert len(counted) == 1 and re.search(r"\bLIMIT\b", counted[0]), "the waiting stories are counted only so far"

    second = client.get("/moderation?page=2").get_data(as_text=True)
    assert "Page 2 of 2 or more" in second and "Next page" in second
    third = client.get("/moderation?page=3").get_data(as_text=True)
    assert "Page 3 of 3" in third and "or more" not in third and "Next page" not in third, "counted that far"
    seen = [title for page in (first, second, third) for title in re.findall(r"Story number \d+", page)]
    assert sorted(set(seen)) == sorted(f"Story number {n}" for n in range(stories))
    assert "Page 3 of 3" in client.get("/moderation?page=9").get_data(as_text=True), "past the end: the last page"


def test_the_messages_page_asks_what_each_story_needs_next_in_the_same_few_queries(app, client, auth,
                                                                                  contributor):
    """Which messages offer "Ask us to look again" is worked out for the whole page at once: one story asked
    about already, the others not, each link on its own story's message."""
    auth.sign_in(contributor.username)
    _declined(contributor, "Declined once", asked_again=False)
    db.session.commit()
    with statements() as short:
        assert client.get("/notifications").status_code == 200
    for n in range(4):
        _declined(contributor, f"Declined number {n}", asked_again=n == 2)
    db.session.commit()
    with statements() as long:
        page = client.get("/notifications").get_data(as_text=True)
    assert len(long) == len(short), "no query per message"
    items = {re.search(r"A message about ([^.]+)\.", item).group(1): item
             for item in re.split(r'<li class="notification', page)[1:]}
    assert set(items) == {"Declined once", *(f"Declined number {n}" for n in range(4))}
    for title, item in items.items():
        assert ("Ask us to look again" in item) == (title != "Declined number 2"), title
