"""Odd requests a browser would never send still get a clear, kind 400 or 404, never a server error.

Numbers too big for the database, a file where text was expected, and JSON where a form was expected.
"""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.stories.models import Story
from tests import factories
from tests.story_steps import write_draft

IDENTITIES = ["anonymous", *[role.value for role in Role]]

# The first number past a PostgreSQL integer column, one past even SQLite's 64-bit integers, and one so long that
# Python refuses to read it as a number at all.
TOO_BIG = ["2147483648", "99999999999999999999999", "9" * 5000]
TOO_BIG_IDS = ["past-32-bits", "past-64-bits", "5000-digits"]

NOT_FOUND = "We cannot find that page"


def _sign_in_as(identity: str, auth) -> None:
    if identity != "anonymous":
        person = factories.make_user(Role(identity), username=f"odd-{identity}")
        db.session.commit()
        auth.sign_in(person.username)


def _story_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Story))


@pytest.mark.parametrize("identity", IDENTITIES)
def test_a_number_too_big_for_the_database_in_any_address_is_a_kind_404(app, client, auth, identity):
    _sign_in_as(identity, auth)
    walked = 0
    for rule in app.url_map.iter_rules():
        if "<int:" not in rule.rule:
            continue
        for too_big in TOO_BIG:
            url = re.sub(r"<[^>]+>", "x", re.sub(r"<int:\w+>", too_big, rule.rule))
            for method in sorted(rule.methods & {"GET", "POST"}):
                response = client.open(url, method=method)
                where = f"{method} {url[:80]} as {identity}"
                assert response.status_code == 404, where
                assert NOT_FOUND in response.get_data(as_text=True), where
                walked += 1
    assert walked >= 40, "the walk found too few numbered addresses to mean anything"


@pytest.mark.parametrize("too_big", TOO_BIG, ids=TOO_BIG_IDS)
def test_a_story_number_too_big_for_the_database_after_write_is_a_kind_404(client, auth, contributor, too_big):
    auth.sign_in(contributor.username)
    response = client.get(f"/stories/write?story={too_big}")
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


@pytest.mark.parametrize("too_big", TOO_BIG, ids=TOO_BIG_IDS)
@pytest.mark.parametrize("path", ["/stories/write", "/stories/autosave"])
def test_saving_with_a_story_number_too_big_for_the_database_is_a_kind_404_and_saves_nothing(
        client, auth, contributor, path, too_big):
    auth.sign_in(contributor.username)
    response = client.post(path, data={"story_id": too_big, "title": "Tea", "body": "The carer knocked.",
                                       "action": "save", "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)
    assert _story_count() == 0


def test_a_story_number_that_is_not_a_number_is_a_kind_404(client, auth, contributor):
    auth.sign_in(contributor.username)
    assert client.get("/stories/write?story=%C2%B2").status_code == 404
    response = client.post("/stories/write", data={"story_id": "12abc", "title": "Tea", "body": "Knock knock.",
                                                   "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 404
    assert _story_count() == 0


def test_an_old_page_sending_a_story_number_too_big_for_the_database_still_gets_its_words_back(
        client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data={"story_id": TOO_BIG[1], "title": "Tea",
                                                   "body": "The carer knocked.", "csrf_token": "stale"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The carer knocked." in page
    assert _story_count() == 0


@pytest.mark.parametrize("too_big", TOO_BIG, ids=TOO_BIG_IDS)
def test_a_page_number_too_big_for_the_database_in_the_audit_log_is_a_kind_404(client, auth, admin, too_big):
    auth.sign_in(admin.username)
    response = client.get(f"/admin/audit/?page={too_big}")
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


def test_the_largest_number_a_story_can_have_is_still_looked_up_and_not_found(client, auth, contributor):
    auth.sign_in(contributor.username)
    for path in ["/my-stories/2147483647", "/stories/write?story=2147483647"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert NOT_FOUND in response.get_data(as_text=True), path


def _a_file() -> tuple[io.BytesIO, str]:
    return io.BytesIO(b"not words at all \x00\xff"), "story.txt"


def test_a_file_sent_to_sign_in_is_a_kind_400_with_the_page_shown_again(client, auth, contributor):
    response = client.post("/sign-in", content_type="multipart/form-data", data={
        "username": _a_file(), "password": _a_file(), "csrf_token": auth.csrf_token()})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert "Please enter your username." in page


def test_a_file_sent_to_find_my_story_is_a_kind_400_with_the_page_shown_again(client, auth):
    response = client.post("/my-story", content_type="multipart/form-data", data={
        "reference": _a_file(), "key": _a_file(), "csrf_token": auth.csrf_token("/my-story")})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert "Please enter your story reference." in page


def test_a_file_sent_as_a_story_is_a_kind_400_and_saves_nothing(client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", content_type="multipart/form-data", data={
        "story_id": _a_file(), "title": _a_file(), "body": _a_file(), "region": _a_file(), "action": "save",
        "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code == 400
    assert "There is nothing to save yet" in response.get_data(as_text=True)
    assert _story_count() == 0


def test_a_file_beside_typed_words_is_left_out_and_the_words_are_saved(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, title="Tea the way I like it", body=_a_file(), region=_a_file())
    story = db.session.get(Story, story_id)
    assert story.title == "Tea the way I like it"
    assert story.body == ""
    assert story.region is None


def test_a_file_sent_to_autosave_saves_nothing_and_does_not_break(client, auth, contributor):
    auth.sign_in(contributor.username)
    response = client.post("/stories/autosave", content_type="multipart/form-data", data={
        "story_id": _a_file(), "title": _a_file(), "body": _a_file(),
        "csrf_token": auth.csrf_token("/stories/write")})
    assert response.status_code in (200, 400)
    assert response.get_json()["saved"] is False
    assert _story_count() == 0


JSON_BODIES = ['{"title": "Tea", "body": ', '["Tea", "The carer knocked."]', '[["title", 5]]',
               '{"title": 5, "body": {"words": 1}}']


@pytest.mark.parametrize("body", JSON_BODIES, ids=["malformed", "array", "pairs", "not-text"])
def test_json_sent_to_write_without_a_form_token_is_a_kind_400(client, auth, contributor, body):
    auth.sign_in(contributor.username)
    response = client.post("/stories/write", data=body, content_type="application/json")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your page had been open for a long time" in page
    assert "Your words are all still here" not in page, "nothing was typed into a form, so nothing comes back"
    assert _story_count() == 0


@pytest.mark.parametrize("body", JSON_BODIES, ids=["malformed", "array", "pairs", "not-text"])
def test_json_sent_to_change_a_story_without_a_form_token_is_a_kind_400(client, auth, contributor, body):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth)
    response = client.post(f"/my-stories/{story_id}/change", data=body, content_type="application/json")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your page had been open for a long time" in page
    assert "Your words are all still here" not in page, "nothing was typed into a form, so nothing comes back"
    assert db.session.get(Story, story_id).title == "Tea the way I like it"


@pytest.mark.parametrize("body", JSON_BODIES, ids=["malformed", "array", "pairs", "not-text"])
def test_json_sent_to_write_while_signed_out_is_a_kind_400(client, body):
    response = client.post("/stories/write", data=body, content_type="application/json")
    assert response.status_code == 400
    assert _story_count() == 0


@pytest.mark.parametrize("body", JSON_BODIES, ids=["malformed", "array", "pairs", "not-text"])
@pytest.mark.parametrize("path", ["/stories/write", "/stories/autosave"])
def test_json_with_a_good_form_token_is_read_as_an_empty_form_and_saves_nothing(
        client, auth, contributor, path, body):
    auth.sign_in(contributor.username)
    response = client.post(path, data=body, content_type="application/json",
                           headers={"X-CSRFToken": auth.csrf_token("/stories/write")})
    assert response.status_code in (200, 400)
    assert _story_count() == 0

