"""People who share one address (a care home's network) are not locked out by each other (issue 12).

The tight limits are counted per username, per story reference and per API token; the per-address limits are
generous but do apply in the end. Every client here sets its address through ``environ_base``; the limiter's store
is emptied before each test by the ``app`` fixture (tests/conftest.py).
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from storybank.accounts.models import User
from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.extensions import db
from storybank.packs.delivery_models import Reflection
from tests.conftest import Auth
from tests.data_rights_builders import STORY_KEY, make_story
from tests.factories import PASSWORD, make_user
from tests.library_builders import approved
from tests.pack_builders import publish, share

CARE_HOME = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
WRONG = "not my password at all"
WRONG_KEY = "AAAA-BBBB-CCCC-DDDD"


def person_at(app, address: str) -> Auth:
    """A browser of its own (its own cookies), on the given address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return Auth(app, client)


def sign_in(browser: Auth, username: str, password: str = PASSWORD):
    return browser.client.post("/sign-in", data={"username": username, "password": password,
                                                 "csrf_token": browser.csrf_token()})


def look_up(browser: Auth, reference: str, key: str = STORY_KEY):
    return browser.client.post("/my-story", data={"reference": reference, "key": key,
                                                  "csrf_token": browser.csrf_token("/my-story")})


def residents(count: int) -> list[User]:
    people = [make_user(Role.CONTRIBUTOR, username=f"resident{number}") for number in range(count)]
    db.session.commit()
    return people


def field_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    assert match, f"no {name} field on the page"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else None


# Signing in ---------------------------------------------------------------------------------------------------------

def test_twelve_residents_of_one_care_home_all_sign_in_with_the_default_limits(app):
    people = residents(12)
    answers = []
    for number, person in enumerate(people):
        browser = person_at(app, CARE_HOME)
        if number % 4 == 0:  # a few mistype their password first
            answers.append(sign_in(browser, person.username, WRONG).status_code)
        response = sign_in(browser, person.username)
        answers.append(response.status_code)
        assert response.status_code == 302, f"{person.username} could not sign in: {response.status_code}"
        assert browser.client.get("/account").status_code == 200
    assert 429 not in answers
    assert answers.count(400) == 3 and answers.count(302) == 12  # 15 tries from one address, more than 10 a minute


def test_one_username_tried_too_often_is_paused_while_others_on_the_same_address_still_sign_in(app):
    rosie, neighbour = residents(2)
    assert app.config["SIGN_IN_RATE_LIMIT"] == "10 per minute;50 per hour"  # the default, per username
    attacker = person_at(app, CARE_HOME)
    ways_of_typing = [rosie.username, rosie.username.upper(), f"  {rosie.username.title()} "]
    tries = [sign_in(attacker, ways_of_typing[n % 3], f"{WRONG} {n}").status_code for n in range(10)]
    assert tries == [400] * 10

    refused = sign_in(attacker, rosie.username.upper(), "one more guess")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Please wait a moment" in page and "this username" in page
    assert int(refused.headers["Retry-After"]) > 0
    assert field_value(page, "username") == rosie.username.upper(), "the username typed is kept"
    assert "one more guess" not in page, "a password is never sent back"
    assert sign_in(person_at(app, ELSEWHERE), rosie.username).status_code == 429, "per username, from any address"

    neighbour_browser = person_at(app, CARE_HOME)
    assert sign_in(neighbour_browser, neighbour.username).status_code == 302
    assert neighbour_browser.client.get("/account").status_code == 200


def test_the_per_address_ceiling_does_apply_in_the_end(app, monkeypatch):
    monkeypatch.setitem(app.config, "SIGN_IN_ADDRESS_RATE_LIMIT", "5 per minute")
    people = residents(7)
    answers = [sign_in(person_at(app, CARE_HOME), person.username).status_code for person in people[:5]]
    assert answers == [302] * 5
    refused = sign_in(person_at(app, CARE_HOME), people[5].username)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Please wait a moment" in page and "your network" in page
    assert field_value(page, "username") == people[5].username
    assert sign_in(person_at(app, ELSEWHERE), people[6].username).status_code == 302


# Creating accounts ----------------------------------------------------------------------------------------------

def sign_up(browser: Auth, username: str, **fields):
    data = {"username": username, "password": "my garden in the spring", "confirm": "my garden in the spring",
            "email": "", "display_name": "", "csrf_token": browser.csrf_token("/sign-up")} | fields
    return browser.client.post("/sign-up", data=data)


def test_a_care_home_can_make_a_dozen_accounts_in_one_sitting_but_not_without_bound(app, monkeypatch):
    assert app.config["SIGN_UP_RATE_LIMIT"] == "20 per minute;100 per hour"  # the default, per address
    monkeypatch.setitem(app.config, "SIGN_UP_RATE_LIMIT", "12 per minute")  # a lower ceiling, to reach it quickly
    assert [sign_up(person_at(app, CARE_HOME), f"newcomer{n}").status_code for n in range(12)] == [302] * 12
    refused = sign_up(person_at(app, CARE_HOME), "one-too-many", display_name="Marigold", email="m@example.org")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Please wait a moment" in page
    assert field_value(page, "username") == "one-too-many"
    assert field_value(page, "display_name") == "Marigold"
    assert field_value(page, "email") == "m@example.org"
    assert "my garden in the spring" not in page
    assert db.session.scalar(select(User).where(User.username == "one-too-many")) is None
    assert sign_up(person_at(app, ELSEWHERE), "one-too-many").status_code == 302


# Story key look-ups ---------------------------------------------------------------------------------------------

def stories(count: int) -> list[str]:
    author = make_user(Role.CONTRIBUTOR)
    references = [make_story(author).reference for _ in range(count)]
    db.session.commit()
    return references


def test_twelve_people_on_one_address_each_find_their_own_story(app):
    references = stories(12)
    answers = []
    for number, reference in enumerate(references):
        browser = person_at(app, CARE_HOME)
        if number % 4 == 0:
            answers.append(look_up(browser, reference, WRONG_KEY).status_code)
        response = look_up(browser, reference)
        answers.append(response.status_code)
        assert response.status_code == 302, f"{reference} could not be found: {response.status_code}"
        assert browser.client.get("/my-story/status").status_code == 200
    assert 429 not in answers
    assert answers.count(400) == 3 and answers.count(302) == 12


def test_one_reference_tried_too_often_is_paused_while_others_on_the_same_address_still_find_theirs(app):
    guessed, neighbours = stories(2)
    attacker = person_at(app, CARE_HOME)
    ways_of_typing = [guessed, guessed.lower(), guessed.replace("-", " ")]
    tries = [look_up(attacker, ways_of_typing[n % 3], f"AAAA-BBBB-CCCC-{n:04d}").status_code for n in range(10)]
    assert tries == [400] * 10

    refused = look_up(attacker, guessed.lower(), WRONG_KEY)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Please wait a moment" in page and "this story reference" in page
    assert int(refused.headers["Retry-After"]) > 0
    assert field_value(page, "reference") == guessed.lower(), "the reference typed is kept"
    assert look_up(person_at(app, ELSEWHERE), guessed).status_code == 429, "per reference, from any address"

    neighbour = person_at(app, CARE_HOME)
    assert look_up(neighbour, neighbours).status_code == 302
    assert neighbour.client.get("/my-story/status").status_code == 200


def test_the_per_address_ceiling_on_key_look_ups_does_apply_in_the_end(app, monkeypatch):
    monkeypatch.setitem(app.config, "STORY_KEY_ADDRESS_RATE_LIMIT", "5 per minute")
    references = stories(7)
    assert [look_up(person_at(app, CARE_HOME), reference).status_code for reference in references[:5]] == [302] * 5
    refused = look_up(person_at(app, CARE_HOME), references[5])
    assert refused.status_code == 429
    assert "your network" in refused.get_data(as_text=True)
    assert look_up(person_at(app, ELSEWHERE), references[6]).status_code == 302


# The stories API ------------------------------------------------------------------------------------------------

@pytest.fixture
def two_tokens(app) -> tuple[str, str]:
    first, second = make_user(Role.TRAINER), make_user(Role.TRAINER)
    db.session.commit()
    return (token_services.create_token(first, "Care home A's system", first).secret,
            token_services.create_token(second, "Care home B's system", second).secret)


def test_one_api_token_used_up_does_not_slow_another_token_from_the_same_address(app, monkeypatch, two_tokens):
    monkeypatch.setitem(app.config, "STORYBANK_API_RATE_LIMIT", "3 per minute")
    busy, quiet = two_tokens
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = CARE_HOME

    def ask(secret: str) -> int:
        return client.get("/api/v1/stories", headers={"Authorization": f"Bearer {secret}"}).status_code

    assert [ask(busy) for _ in range(4)] == [200, 200, 200, 429]
    assert [ask(quiet) for _ in range(3)] == [200, 200, 200], "the other token keeps its whole allowance"
    assert ask(quiet) == 429


# Reflections ------------------------------------------------------------------------------------------------------

NAMED_WORDS = "I will remember what Sarah said about her tea."


@pytest.fixture
def two_links(trainer) -> tuple[str, str]:
    story = approved(make_user(Role.CONTRIBUTOR), "The carer knocked before coming in.", title="Tea as I like it")
    version = publish(trainer, [story])
    tokens = (share(version, session_name="Morning group")[1], share(version, session_name="Afternoon group")[1])
    db.session.commit()
    return tokens


def reflect(browser: Auth, token: str, text: str, action: str = "send"):
    return browser.client.post(f"/s/{token}/reflect/1", data={"text": text, "action": action,
                                                               "csrf_token": browser.csrf_token("/my-story")})


def test_a_training_room_of_twenty_on_one_address_all_check_and_send_their_reflections(app, two_links):
    room, _ = two_links
    answers = []
    for number in range(20):
        trainee = person_at(app, CARE_HOME)
        answers.append(reflect(trainee, room, f"{NAMED_WORDS} ({number})", action="check").status_code)
        answers.append(reflect(trainee, room, f"{NAMED_WORDS} ({number})").status_code)
    assert answers == [200, 302] * 20, "40 posts from one address in a minute, none refused"
    assert db.session.scalar(select(func.count()).select_from(Reflection)) == 20


def test_one_link_used_up_does_not_stop_another_link_on_the_same_address_but_the_address_ceiling_does_apply(
        app, monkeypatch, two_links):
    monkeypatch.setitem(app.config, "REFLECTION_LINK_RATE_LIMIT", "2 per minute")
    monkeypatch.setitem(app.config, "REFLECTION_ADDRESS_RATE_LIMIT", "5 per minute")
    morning, afternoon = two_links
    trainee = person_at(app, CARE_HOME)
    assert [reflect(trainee, morning, f"Thought {n}.").status_code for n in range(3)] == [302, 302, 429]
    assert [reflect(trainee, afternoon, f"Later thought {n}.").status_code for n in range(2)] == [302, 302]

    monkeypatch.setitem(app.config, "REFLECTION_LINK_RATE_LIMIT", "100 per minute")  # only the address is left
    refused = reflect(person_at(app, CARE_HOME), afternoon, "Knocking first is respect.")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Knocking first is respect." in page, "the words typed are kept"
    assert int(refused.headers["Retry-After"]) > 0
    assert reflect(person_at(app, ELSEWHERE), afternoon, "From another building.").status_code == 302


# Deleting an account (asks for the password) -------------------------------------------------------------------

def test_password_tries_on_the_delete_page_are_counted_per_account_not_per_address(app):
    guesser, neighbour = residents(2)
    tries = []
    for person in (guesser, neighbour):
        browser = person_at(app, CARE_HOME)
        assert sign_in(browser, person.username).status_code == 302
        token = browser.csrf_token("/account/delete")
        tries.append([browser.client.post("/account/delete", data={"password": f"guess {n}", "csrf_token": token})
                      .status_code for n in range(11 if person is guesser else 3)])
    assert tries == [[400] * 10 + [429], [400] * 3], "the neighbour's tries are their own"
    assert db.session.get(User, guesser.id) is not None and db.session.get(User, neighbour.id) is not None
