"""A trainer's saved searches: they keep the question, never the stories, and belong to the trainer alone."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent import services as consent_services
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.privacy.data_rights import delete_account
from storybank.search.models import SavedSearch
from storybank.search.saved import default_name
from tests.factories import PASSWORD, make_user
from tests.library_builders import approved


def _csrf(auth) -> str:
    return auth.csrf_token("/search?q=anything")


def save(client, auth, name: str, query: str, **extra):
    return client.post("/search/saved", data={"name": name, "query": query, "csrf_token": _csrf(auth), **extra})


def saved_rows() -> list[SavedSearch]:
    return list(db.session.scalars(select(SavedSearch).order_by(SavedSearch.id)))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_the_search_page_offers_to_save_the_search_named_after_the_words_typed(client, signed_in_trainer):
    html = client.get("/search?q=long+wait&care_setting=Care+home&page=2").get_data(as_text=True)
    assert "Save this search" in html
    assert 'value="long wait"' in html
    hidden = unescape(re.search(r'name="query" type="hidden" value="([^"]*)"', html).group(1))
    assert hidden == "q=long+wait&care_setting=Care+home"  # the page number is not part of the question


def test_a_search_with_no_words_is_named_after_the_day_it_was_saved(client, signed_in_trainer):
    html = client.get("/search?care_setting=Care+home").get_data(as_text=True)
    assert f'value="{default_name("")}"' in html
    assert default_name("").startswith("Search saved on ")


def test_a_trainer_saves_a_search_and_sees_it_in_their_list(client, auth, signed_in_trainer):
    response = save(client, auth, "Waiting for the toilet", "q=toilet&page=3&purpose=training&unknown=1")
    assert response.status_code == 302 and response.headers["Location"].endswith("/search/saved")
    [kept] = saved_rows()
    assert (kept.user_id, kept.name, kept.query) == (signed_in_trainer.id, "Waiting for the toilet",
                                                     "q=toilet&purpose=training")
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.object_type == "saved_searches")) \
        == "saved_search.saved"
    html = client.get("/search/saved").get_data(as_text=True)
    assert "Waiting for the toilet" in html
    assert f"/search/saved/{kept.id}" in html


def test_opening_a_saved_search_runs_it_now_so_a_withdrawn_story_never_comes_back(client, auth, contributor,
                                                                                  signed_in_trainer):
    staying = approved(contributor, "Nobody came when I rang the bell.", title="The bell")
    leaving = approved(contributor, "I rang the bell all night.", title="All night")
    save(client, auth, "Bells", "q=bell")
    kept = saved_rows()[0]
    response = client.get(f"/search/saved/{kept.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/search?q=bell")
    html = client.get(f"/search/saved/{kept.id}", follow_redirects=True).get_data(as_text=True)
    assert "2 stories found" in html and "All night" in html

    consent_services.withdraw(leaving, contributor)

    html = client.get(f"/search/saved/{kept.id}", follow_redirects=True).get_data(as_text=True)
    assert "1 story found" in html
    assert staying.title in html and "All night" not in html and "I rang the bell all night" not in html


def test_a_trainer_deletes_their_saved_search(client, auth, signed_in_trainer):
    save(client, auth, "Bells", "q=bell")
    kept = saved_rows()[0]
    response = client.post(f"/search/saved/{kept.id}/delete", data={"csrf_token": _csrf(auth)})
    assert response.status_code == 302
    assert saved_rows() == []
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "saved_search.deleted")) == 1
    html = client.get("/search/saved").get_data(as_text=True)
    assert "is deleted" in html and "You have not saved any searches yet" in html


def test_another_trainer_can_never_see_run_or_delete_someone_elses_saved_search(app, client, auth,
                                                                                signed_in_trainer):
    save(client, auth, "Tariq's private search", "q=bell")
    kept = saved_rows()[0]
    auth.sign_out()
    other = make_user(Role.TRAINER, username="una")
    db.session.commit()
    auth.sign_in(other.username)
    assert "Tariq&#39;s private search" not in client.get("/search/saved").get_data(as_text=True)
    assert client.get(f"/search/saved/{kept.id}").status_code == 404
    assert client.post(f"/search/saved/{kept.id}/delete", data={"csrf_token": _csrf(auth)}).status_code == 404
    assert [row.id for row in saved_rows()] == [kept.id]


def test_saving_and_deleting_need_the_csrf_token(client, auth, signed_in_trainer):
    response = client.post("/search/saved", data={"name": "No token", "query": "q=bell"})
    assert response.status_code == 400
    assert saved_rows() == []
    save(client, auth, "Bells", "q=bell")
    kept = saved_rows()[0]
    assert client.post(f"/search/saved/{kept.id}/delete").status_code == 400
    assert [row.id for row in saved_rows()] == [kept.id]


def test_looking_at_search_pages_writes_nothing(client, auth, signed_in_trainer):
    save(client, auth, "Bells", "q=bell")
    kept = saved_rows()[0]
    before = (count(SavedSearch), count(AuditEvent))
    for url in ("/search?q=bell", "/search/saved", f"/search/saved/{kept.id}", "/search/saved?page=2"):
        assert client.get(url).status_code in (200, 302)
    assert (count(SavedSearch), count(AuditEvent)) == before


def test_an_empty_name_is_explained_kindly_and_the_search_is_kept(client, auth, signed_in_trainer):
    response = save(client, auth, "   ", "q=bell&region=Wales")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html and "Please give this search a name" in html
    assert 'value="q=bell&amp;region=Wales"' in html
    assert 'href="/search?q=bell&amp;region=Wales"' in html  # back to the same search
    assert saved_rows() == []


def test_a_very_long_name_is_explained_and_what_was_typed_stays(client, auth, signed_in_trainer):
    name = "w" * 10_000
    response = save(client, auth, name, "q=bell")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The name can be up to 120 characters. It is 10,000 now" in html
    assert f'value="{name}"' in html
    assert saved_rows() == []


def test_the_list_shows_only_the_trainers_own_searches_newest_first_a_page_at_a_time(client, auth,
                                                                                    signed_in_trainer):
    someone = make_user(Role.TRAINER)
    db.session.add(SavedSearch(user_id=someone.id, name="Not yours", query="q=x"))
    start = utcnow() - timedelta(days=30)
    for number in range(23):
        db.session.add(SavedSearch(user_id=signed_in_trainer.id, name=f"Search number {number}", query="q=x",
                                   created_at=start + timedelta(days=number)))
    db.session.commit()
    first = client.get("/search/saved").get_data(as_text=True)
    assert "Page 1 of 2" in first and "Not yours" not in first
    assert first.index("Search number 22") < first.index("Search number 21")
    assert "Search number 2<" not in first
    second = client.get("/search/saved?page=2").get_data(as_text=True)
    assert [f"Search number {n}<" in second for n in (0, 1, 2)] == [True, True, True]
    assert "Search number 3<" not in second


def test_moderators_may_save_searches_too_but_contributors_may_not(client, auth, moderator, contributor):
    auth.sign_in(moderator.username)
    assert save(client, auth, "Moderator's search", "q=bell").status_code == 302
    auth.sign_out()
    auth.sign_in(contributor.username)
    assert client.get("/search/saved").status_code == 403


def test_deleting_the_account_deletes_its_saved_searches(client, auth, trainer):
    db.session.add(SavedSearch(user_id=trainer.id, name="Bells", query="q=bell"))
    db.session.commit()
    delete_account(trainer, trainer, password=PASSWORD)
    assert saved_rows() == []
