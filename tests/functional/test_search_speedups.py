"""The shortcuts that keep search fast must not change what it finds: ranking from the index alone gives the same
pages as ranking through the gate's join, the count stops at a limit and says so, and the filter choices each process
keeps are dropped by every process when anything changes (and after a minute in any case)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy import text as sql

from storybank import create_app
from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.search import services
from storybank.search.services import SearchFilters, filter_choices, search
from storybank.stories.models import Story
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
             "/search?q=waiting&purpose=training": 10,                 # count, page, consent, warnings; a word:
             "/api/v1/stories?q=waiting": 8}                           # is it common, ranked, gate, page,
    for url, most in asked.items():                                    # consent, snippets (no count: all seen)
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


def _analysed() -> None:
    """PostgreSQL knows which words are common from ANALYZE's statistics (autovacuum keeps them in production)."""
    if db.engine.dialect.name == "postgresql":
        db.session.commit()
        db.session.execute(sql("ANALYZE search_documents"))


def _common_and_rare(author) -> list[str]:
    """Six of nine stories hold "carer" (the older, the more often), two "toilet"; newest first: Carer 5 … Carer 0."""
    for number in range(6):
        approved(author, "The carer came. " + "The carer helped. " * (6 - number), title=f"Carer {number}",
                 days_ago=60 - number * 5)
    for number in range(3):
        approved(author, "A quiet week at home." + (" The toilet was out of reach." if number < 2 else ""),
                 title=f"Other {number}", days_ago=10 + number)
    _analysed()
    return [f"Carer {number}" for number in reversed(range(6))]


def test_a_search_of_only_common_words_lists_them_newest_first_and_says_why(author, monkeypatch):
    newest_first = _common_and_rare(author)
    ranked = titles(search(SearchFilters(text="carer")))
    assert ranked == list(reversed(newest_first))  # a small library ranks: the story with most carers first
    monkeypatch.setattr(services, "COMMON_AT_LEAST", 3)
    results = search(SearchFilters(text="carer"))
    assert titles(results) == newest_first and results.total == 6
    assert results.notes == ["“carer” is in more than a third of all stories, so these are shown newest first rather "
                             "than by how well they match. Add a less common word, or a phrase in quotes, to see the "
                             "closest matches first."]
    assert all("<mark>carer</mark>" in hit.snippet.lower() for hit in results.hits)
    assert titles(search(SearchFilters(text="carer"), page=2, per_page=4)) == newest_first[4:]
    for words, expected in (("carer toilet", []), ('"the carer helped"', ranked), ("toilet", ["Other 0", "Other 1"])):
        results = search(SearchFilters(text=words))
        assert results.notes == [] and titles(results) == expected, words


def test_a_withdrawn_story_is_gone_from_a_newest_first_search_in_the_same_request(author, monkeypatch):
    newest_first = _common_and_rare(author)
    monkeypatch.setattr(services, "COMMON_AT_LEAST", 3)
    story = db.session.scalar(select(Story).where(Story.title == newest_first[0]))
    put_outside_the_gate(story, "withdrawn", author)
    results = search(SearchFilters(text="carer"))
    assert titles(results) == newest_first[1:] and results.total == 5 and results.notes


def test_the_search_page_and_the_api_give_the_newest_first_reason(author, monkeypatch, client, trainer):
    _common_and_rare(author)
    monkeypatch.setattr(services, "COMMON_AT_LEAST", 3)
    bearer = {"Authorization": f"Bearer {token_services.create_token(trainer, 'Learning system', trainer).secret}"}
    answer = client.get("/api/v1/stories?q=carer", headers=bearer).get_json()
    assert any("more than a third of all stories" in note for note in answer["notes"])
    assert [story["title"] for story in answer["stories"]][:2] == ["Carer 5", "Carer 4"]
    Auth(client.application, client).sign_in(trainer.username)
    page = client.get("/search?q=carer&purpose=training").get_data(as_text=True)
    assert "is in more than a third of all stories, so these are shown newest first" in page
    page = client.get("/search?q=toilet&purpose=training").get_data(as_text=True)
    assert "more than a third" not in page


def test_a_search_with_filters_ranks_and_counts_in_one_statement_with_the_same_pages_as_past_the_count(
        author, monkeypatch):
    for number in range(10):
        approved(author, "A story about " + "waiting " * (1 + number % 4) + f"for the carer, number {number}.",
                 title=f"Hospital {number}", context="Hospital", days_ago=100 - number)
    approved(author, "Waiting " * 9, title="At home", context="Own home")
    hospital = SearchFilters(text="waiting", care_settings=("Hospital",))
    with statements() as sent:
        first = search(hospital, per_page=3)
    assert first.total == 10 and not first.more and "At home" not in titles(first)
    assert not [statement for statement in sent if statement.startswith("SELECT count(") and "JOIN" in statement], sent
    counted = [titles(search(hospital, page=page, per_page=3)) for page in range(1, 5)]
    monkeypatch.setattr(services, "COUNT_LIMIT", 2)  # every page is past the count: ranked and counted apart
    assert [titles(search(hospital, page=page, per_page=3)) for page in range(1, 5)] == counted
    assert sum(len(page) for page in counted) == 10 and counted[0][0] in {"Hospital 3", "Hospital 7"}
    assert (search(hospital, per_page=3).total, search(hospital, per_page=3).more) == (2, True)


@pytest.mark.parametrize("narrowed", [True, False])
def test_a_search_that_only_leaves_stories_out_ranks_every_match_first_with_the_same_pages(author, monkeypatch,
                                                                                           narrowed):
    """A content warning to exclude picks nothing out, so every match is ranked first and walked through the gate
    (PostgreSQL: a sorted subquery over the index's table); the pages, the count and what is left out are the same
    as when only the stories that pass are ranked (the plan for a care setting, region, dates or tags)."""
    stories = [approved(author, "A story about " + "waiting " * (1 + number % 4) + f"for the carer, {number}.",
                        title=f"Story {number}", days_ago=100 - number) for number in range(9)]
    for story in stories[::3]:
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label="Neglect",
                                  status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
    db.session.commit()
    put_outside_the_gate(stories[1], "withdrawn", author)
    no_neglect = SearchFilters(text="waiting", exclude_warnings=("Neglect",))
    assert not services._narrowed(no_neglect) and services._narrowed(SearchFilters(regions=("London",)))
    monkeypatch.setattr(services, "_narrowed", lambda filters: narrowed)
    with statements() as sent:
        pages = [titles(search(no_neglect, page=page, per_page=2)) for page in range(1, 5)]
    assert pages == [["Story 7", "Story 2"], ["Story 5", "Story 8"], ["Story 4"], []]  # most "waiting", then newest
    assert search(no_neglect, per_page=2).total == 5
    if db.engine.dialect.name == "postgresql":
        assert any("ranked_matches" in statement for statement in sent) is not narrowed, sent


def test_a_listing_without_words_is_found_and_counted_in_one_statement_newest_first_on_every_page(
        author, monkeypatch):
    """Filters without words: the stories that pass are found as far as the count goes, and only those are put in
    date order for the page, counted and read in the same statement; the pages are the same as when the count is passed
    (then the page is asked for again in date order), and a withdrawn story is gone from both at once."""
    same_day = utcnow() - timedelta(days=30)
    for number in range(10):
        story = approved(author, f"A story, number {number}.", title=f"Hospital {number}", context="Hospital",
                         days_ago=100 - number * (number % 3))
        if number in (4, 6):
            story.approved_at = same_day  # a tie, put in order by the newest id as the date order does
    db.session.commit()
    approved(author, "Somewhere else.", title="At home", context="Own home", days_ago=1)
    withdrawn = approved(author, "Gone.", title="Hospital gone", context="Hospital", days_ago=2)
    put_outside_the_gate(withdrawn, "withdrawn", author)
    hospital = SearchFilters(care_settings=("Hospital",))
    with statements() as sent:
        first = search(hospital, per_page=3)
    assert (first.total, first.more) == (10, False)
    assert not [statement for statement in sent if statement.lstrip().startswith("SELECT count(")], sent
    assert len([statement for statement in sent if "FROM stories" in statement]) == 1, sent  # and read there too
    counted = [titles(search(hospital, page=page, per_page=3)) for page in range(1, 6)]
    expected = [story.title for story in sorted(
        db.session.scalars(select(Story).where(Story.care_setting == "Hospital", Story.title != "Hospital gone")),
        key=lambda story: (story.approved_at, story.id), reverse=True)]
    assert [title for page in counted for title in page] == expected and counted[4] == []
    assert (search(hospital, page=5, per_page=3).total, search(hospital, page=5, per_page=3).more) == (10, False)
    monkeypatch.setattr(services, "COUNT_LIMIT", 4)  # past the count: the page asked for again in date order
    assert [titles(search(hospital, page=page, per_page=3)) for page in range(1, 5)] == counted[:4]
    assert (search(hospital, per_page=3).total, search(hospital, per_page=3).more) == (4, True)
    assert search(SearchFilters(care_settings=("Care home",))).total == 0


def test_the_tags_to_filter_by_are_kept_with_the_choices_and_a_renamed_or_new_tag_shows_at_the_next_search(
        client, trainer, admin):
    """The taxonomy is read with the other filter choices and kept with them: every change to it is audited, so a
    tag an admin renames or adds is on the search page at the next request, and nothing is read again meanwhile."""
    from storybank.tagging import services as tagging
    from storybank.tagging.models import Tag

    Auth(client.application, client).sign_in(trainer.username)
    assert "Dignity" in client.get("/search?purpose=training").get_data(as_text=True)
    with statements() as sent:
        client.get("/search?purpose=training")
    assert not [statement for statement in sent if "FROM tag_groups" in statement], sent  # kept
    dignity = db.session.scalar(select(Tag).where(Tag.slug == "dignity"))
    tagging.edit_tag(dignity, tagging.TagText(name="Dignity and respect", description=dignity.description or "",
                                               synonyms=tuple(dignity.synonyms or ())), admin)
    tagging.add_tag(dignity.group, tagging.TagText(name="Sitting with someone at night"), admin)
    page = client.get("/search?purpose=training").get_data(as_text=True)
    assert "Dignity and respect" in page and "Sitting with someone at night" in page
