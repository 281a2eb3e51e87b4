"""Bad input gets a clear, kind message and never a server error, and nothing typed is lost."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storybank.accounts.models import User
from storybank.extensions import db

HOSTILE_VALUES = [
    "",
    "   ",
    "x" * 100_000,
    "<script>alert('boo')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "\u202eevil\u202c",
    "null\x00byte",
    "bell\x07and\x1bescape",
    "emoji 🌻👵🏽",
    "שלום עולם",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_sign_up_answers_every_odd_value_kindly(client, auth, value):
    response = client.post("/sign-up", data={
        "username": value, "display_name": value, "email": value, "password": value, "confirm": value,
        "csrf_token": auth.csrf_token("/sign-up")})
    assert response.status_code in (302, 400)
    page = response.get_data(as_text=True)
    if response.status_code == 400:
        assert "There is a problem" in page
    assert "<script>alert" not in page
    assert "<img src=x" not in page


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_sign_in_answers_every_odd_value_kindly(client, auth, value):
    response = client.post("/sign-in", data={"username": value, "password": value,
                                             "csrf_token": auth.csrf_token()})
    assert response.status_code == 400
    assert "There is a problem" in response.get_data(as_text=True)


def test_an_over_long_name_gets_a_limit_message_not_a_cut(client, auth):
    long_name = "Rose " * 40
    response = client.post("/sign-up", data={
        "username": "rose", "display_name": long_name, "password": "a quiet walk by the canal",
        "confirm": "a quiet walk by the canal", "csrf_token": auth.csrf_token("/sign-up")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "can be up to 80 characters" in page
    assert long_name.strip() in page


def test_html_in_a_name_is_stored_as_typed_and_shown_escaped(client, auth, admin):
    name = "<b>Bold</b> & <i>brave</i>"
    client.post("/sign-up", data={
        "username": "brave", "display_name": name, "password": "a quiet walk by the canal",
        "confirm": "a quiet walk by the canal", "csrf_token": auth.csrf_token("/sign-up")})
    stored = db.session.scalar(select(User).where(User.username == "brave"))
    assert stored.display_name == name
    page = client.get("/account").get_data(as_text=True)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;i&gt;brave&lt;/i&gt;" in page
    assert "<b>Bold</b>" not in page


def test_control_characters_are_dropped_but_line_breaks_are_kept():
    from storybank.forms_common import clean_text

    assert clean_text("a\x00b\x07c\nd\te") == "abc\nd\te"
    assert clean_text("e\u0301") == "é"


@pytest.mark.parametrize("path", ["/admin/users?q=%00%ff", "/admin/audit/?page=-5&action=%3Cscript%3E",
                                  "/admin/audit/?page=abc", "/admin/users/99999999"])
def test_odd_query_strings_do_not_break_admin_pages(client, auth, admin, path):
    auth.sign_in(admin.username)
    response = client.get(path)
    assert response.status_code in (200, 404)


def test_unknown_pages_get_a_kind_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We cannot find that page" in response.get_data(as_text=True)


def test_too_much_data_gets_a_kind_413(client):
    response = client.post("/sign-in", data={"username": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "too much to send at once" in response.get_data(as_text=True)
