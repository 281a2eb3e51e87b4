"""The shortcuts that keep search fast must not change what it finds: ranking from the index alone gives the same
pages as ranking through the gate's join, the count stops at a limit and says so, and the filter choices each process
keeps are dropped by every process when anything changes (and after a minute in any case)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storybank import create_app
from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.search import services
from storybank.search.services import SearchFilters, filter_choices, search
from tests.conftest import Auth
from tests.factories import make_user
from tests.functional.test_list_pages import statements
from tests.functional.test_search import approved, titles
from tests.library_builders import put_outside_the_gate


@pytest.fixture
def author(app):
    return make_user(Role.CONTRIBUTOR)


def _pages(text: str, pages: int, per_page: int = 3) -> list[list[str]]:
    return [titles(search(SearchFilters(text=text), page=page, per_page=per_page)) for page in range(1, pages + 1)]


def _through_the_join(monkeypatch) -> None:
    monkeypatch.setattr(services, "_ranked_from_index", lambda *args, **kwargs: None)


def _some_stories(author) -> list:
    stories = []
    for number in range(12):
        words = " ".join(["waiting"] * (1 + number % 4))
        stories.append(approved(author, f"A story about {words} for the carer, number {number}.",
                                title=f"Story {number:02d}", days_ago=200 - number * 7))
    return stories


def test_ranking_from_the_index_gives_the_same_pages_as_ranking_through_the_join(author, monkeypatch):
    _some_stories(author)
    monkeypatch.setattr(services, "FIRST_BATCH", 1)  # so the batch has to grow, page by page
    from_index = _pages("waiting", 5)
    totals = {search(SearchFilters(text="waiting"), per_page=3).total}
    _through_the_join(monkeypatch)
    assert from_index == _pages("waiting", 5)
    assert totals == {search(SearchFilters(text="waiting"), per_page=3).total} == {12}
    assert sum(len(page) for page in from_index) == 12 and from_index[4] == []


@pytest.mark.parametrize("state", ["withdrawn", "expired", "not_approved"])
def test_the_best_match_is_left_out_when_it_no_longer_passes_the_gate(author, monkeypatch, state):
    _some_stories(author)
    best = approved(author, "Waiting, waiting, waiting and waiting again.", title="Best match", days_ago=1)
    monkeypatch.setattr(services, "FIRST_BATCH", 2)
    assert titles(search(SearchFilters(text="waiting"), per_page=3))[0] == "Best match"
    put_outside_the_gate(best, state, author)
    results = search(SearchFilters(text="waiting"), per_page=3)
    assert "Best match" not in titles(results) and results.total == 12
    assert all("Best match" not in page for page in _pages("waiting", 5))


def test_when_most_of_the_best_matches_fail_the_gate_the_join_is_used(author, monkeypatch):
    for number in range(6):
        approved(author, "Waiting " * 8, title=f"Partners {number}", scopes=(Purpose.PARTNERS,), days_ago=number)
    approved(author, "A story about waiting.", title="Training", days_ago=50)
    monkeypatch.setattr(services, "FIRST_BATCH", 1)
    monkeypatch.setattr(services, "LAST_BATCH", 4)
    results = search(SearchFilters(text="waiting"))
    assert titles(results) == ["Training"] and results.total == 1


def test_the_count_stops_at_its_limit_and_says_there_are_more(author, monkeypatch):
    _some_stories(author)
    monkeypatch.setattr(services, "COUNT_LIMIT", 5)
    for text in ("waiting", "", "carer waiting"):
        results = search(SearchFilters(text=text), per_page=3)
        assert (results.total, results.more) == (5, True), text
    monkeypatch.setattr(services, "FIRST_BATCH", 100)  # every match in one batch: counted exactly, then capped
    assert (search(SearchFilters(text="waiting")).total, search(SearchFilters(text="waiting")).more) == (5, True)
    monkeypatch.setattr(services, "COUNT_LIMIT", 12)
    results = search(SearchFilters(text="waiting"))
    assert (results.total, results.more) == (12, False)


def test_the_search_page_and_the_api_say_when_there_are_more_than_the_count(author, monkeypatch, client, trainer):
    _some_stories(author)
    monkeypatch.setattr(services, "COUNT_LIMIT", 5)
    bearer = {"Authorization": f"Bearer {token_services.create_token(trainer, 'Learning system', trainer).secret}"}
    answer = client.get("/api/v1/stories?q=waiting", headers=bearer).get_json()
    assert (answer["total"], answer["total_is_exact"], len(answer["stories"]), answer["next"]) == (5, False, 12, None)
    for number in range(10):
        approved(author, "Still waiting.", title=f"More {number}")
    answer = client.get("/api/v1/stories?q=waiting", headers=bearer).get_json()
    assert (answer["total"], answer["total_is_exact"], len(answer["stories"])) == (5, False, 20)
    assert answer["next"] is not None  # more stories than the count says: the next page is offered
    Auth(client.application, client).sign_in(trainer.username)
    page = client.get("/search?q=waiting&purpose=training").get_data(as_text=True)
    assert "More than 5 stories found" in page and "22 stories found" not in page
    monkeypatch.setattr(services, "COUNT_LIMIT", 1000)
    page = client.get("/search?q=waiting&purpose=training").get_data(as_text=True)
    assert "22 stories found" in page and "More than" not in page


def test_filter_choices_are_kept_but_forgotten_when_a_story_is_published_or_withdrawn(author, monkeypatch):
    story = approved(author, "Waiting.", title="North", context="North West")
    assert filter_choices(Purpose.TRAINING)[0] == ["North West"]
    reads = []
    monkeypatch.setattr(services, "_read_filter_choices", lambda purpose: reads.append(purpose) or ([], []))
    assert filter_choices(Purpose.TRAINING)[0] == ["North West"] and reads == []  # kept
    monkeypatch.undo()
    put_outside_the_gate(story, "withdrawn", author)  # the withdrawal forgets them
    assert filter_choices(Purpose.TRAINING)[0] == []
    services.forget_filter_choices()
    monkeypatch.setattr(services, "CHOICES_SECONDS", 0)
    approved(author, "Waiting.", title="South", context="South East")
    assert filter_choices(Purpose.TRAINING)[0] == ["South East"]


def test_another_instance_drops_its_kept_choices_at_its_next_request_after_a_withdrawal_here(app, author):
    """Two app objects on one database stand for two gunicorn workers or instances: each keeps its own copy, and
    a withdrawal through one reaches the other with no message passed between them."""
    story = approved(author, "Waiting.", title="North", context="North West")
    approved(author, "Waiting too.", title="South", context="South East")
    other = create_app({**{key: app.config[key] for key in ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY",
                                                             "STORYBANK_WITHDRAWAL_LEDGER")}, "TESTING": True,
                       "RATELIMIT_STORAGE_URI": "memory://"})
    try:
        with other.app_context():
            assert filter_choices(Purpose.TRAINING)[0] == ["North West", "South East"]
        put_outside_the_gate(story, "withdrawn", author)  # through this app, which the other never hears of
        with other.app_context():
            assert filter_choices(Purpose.TRAINING)[0] == ["South East"]
    finally:
        with other.app_context():
            db.engine.dispose()


def test_kept_choices_are_read_again_for_a_consent_change_and_on_a_new_day(author, monkeypatch):
    story = approved(author, "Waiting.", title="North", context="North West")
    assert filter_choices(Purpose.TRAINING)[0] == ["North West"]
    put_outside_the_gate(story, "purpose_removed", author)  # now public only
    assert filter_choices(Purpose.TRAINING)[0] == []
    approved(author, "Waiting.", title="South", context="South East")  # written straight in: no audit event
    assert filter_choices(Purpose.TRAINING)[0] == []  # so kept, for now
    tomorrow = utcnow() + timedelta(days=1)
    monkeypatch.setattr(services, "utcnow", lambda: tomorrow)
    assert filter_choices(Purpose.TRAINING)[0] == ["South East"]


def test_a_search_page_and_the_api_each_run_a_handful_of_sql_statements(author, client, trainer):
    """Found by bench/search_profile.py: the session, its person and their roles are one query, the tag groups and
    their tags one, the hits' consent records and content warnings one each. More statements than these means a
    query per story (or per tag) crept in."""
    _some_stories(author)
    bearer = {"Authorization": f"Bearer {token_services.create_token(trainer, 'Learning system', trainer).secret}"}
    Auth(client.application, client).sign_in(trainer.username)
    asked = {"/search?q=&purpose=training&care_setting=Hospital": 7,  # session, choices' version, taxonomy,
             "/search?q=waiting&purpose=training": 9,                  # count, page, consent, warnings; a word:
             "/api/v1/stories?q=waiting": 7}                           # ranked, gate, page, consent, snippets
    for url, most in asked.items():                                    # (no count: all seen)
        client.get(url, headers=bearer if url.startswith("/api") else None)  # the filter choices, kept
        with statements() as sent:
            response = client.get(url, headers=bearer if url.startswith("/api") else None)
        assert response.status_code == 200
        assert len(sent) <= most, (url, sent)


def test_the_session_brings_every_role_its_person_holds(client, make_user):
    both = make_user(Role.TRAINER, Role.MODERATOR, username="two_hats")
    Auth(client.application, client).sign_in(both.username)
    assert client.get("/search").status_code == 200  # a trainer's page
    assert client.get("/moderation").status_code == 200  # a moderator's page
