"""The guards in storybank/security.py, each pinned so that taking it out fails a test: access declarations that
cannot mean what they say are refused when the module loads, and ``next`` only ever leads to a path on this site."""

from __future__ import annotations

import pytest

from storybank.accounts.roles import Role
from storybank.security import ANYONE, BEARER_TOKEN, SIGNED_IN, Access, access, access_for_endpoint, is_safe_next
from tests import factories


def test_mixing_anyone_with_a_role_is_refused_rather_than_silently_making_the_page_public():
    with pytest.raises(ValueError, match="access"):
        access(ANYONE, Role.ADMIN)
    with pytest.raises(ValueError, match="access"):
        access(Role.ADMIN, ANYONE)
    with pytest.raises(ValueError, match="access"):
        access(SIGNED_IN, Role.MODERATOR)


@pytest.mark.parametrize("declaration", [(), ("nobody",), (Role.ADMIN, "anyone"), (ANYONE, ANYONE),
                                         (BEARER_TOKEN, Role.ADMIN)], ids=repr)
def test_a_malformed_access_declaration_is_refused(declaration):
    with pytest.raises(ValueError, match="access"):
        access(*declaration)


def test_well_formed_declarations_mean_exactly_what_they_say():
    def view():
        return ""

    assert access(ANYONE)(view).access == Access(ANYONE)
    assert access(Role.ADMIN, Role.MODERATOR)(view).access == Access(frozenset({Role.ADMIN, Role.MODERATOR}))


@pytest.mark.parametrize("target", [
    "stories",  # relative: resolved against the current page, not the site
    "http://localhost/x",  # absolute, even on this host
    "https://localhost/stories",
    "//evil.example/x",
    "//localhost/x",  # protocol-relative, even to this host
    "https://evil.example/",
    "/\\evil.example",
    "/stories\r\nSet-Cookie: taken=yes",
    "/stories\nLocation: https://evil.example/",
    "/stories\x00",
    "/stories\x01",
    "/stories\x1f",
    "",
    None,
])
def test_next_is_refused_unless_it_is_a_plain_path_on_this_site(app, target):
    with app.test_request_context("/sign-in"):
        assert is_safe_next(target) is False


@pytest.mark.parametrize("target", ["/", "/stories", "/account?tab=data", "/search?q=respite care"])
def test_next_is_accepted_for_a_path_on_this_site(app, target):
    with app.test_request_context("/sign-in"):
        assert is_safe_next(target) is True


@pytest.mark.parametrize("target", ["/account\r\nSet-Cookie: taken=yes", "/account\x01", "http://localhost/account"])
def test_signing_in_with_a_next_holding_a_control_character_or_a_full_address_goes_home_not_to_an_error(
        client, auth, contributor, target):
    response = client.post("/sign-in", query_string={"next": target},
                           data={"username": contributor.username, "password": factories.PASSWORD,
                                 "csrf_token": auth.csrf_token()})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_every_page_refuses_to_be_shown_inside_another_sites_frame(client):
    for path in ("/", "/sign-in"):
        assert client.get(path).headers["X-Frame-Options"] == "DENY", path


def test_a_declaration_that_makes_no_sense_says_what_access_takes():
    with pytest.raises(ValueError, match=r"^access\(\) takes ANYONE, SIGNED_IN, BEARER_TOKEN or one or more roles$"):
        access("nobody")


class _SignedInAdmin:
    is_authenticated = True

    def has_role(self, *roles):
        return Role.ADMIN in roles


@pytest.mark.parametrize("who", [SIGNED_IN, frozenset({Role.ADMIN})], ids=str)
def test_someone_with_no_sign_in_at_all_is_not_let_into_a_signed_in_page(who):
    assert Access(who).allows(None) is False
    assert Access(who).allows(_SignedInAdmin()) is True


def test_a_signed_in_person_never_opens_a_bearer_token_route_even_as_admin():
    assert Access(BEARER_TOKEN).allows(_SignedInAdmin()) is False


def test_a_blueprints_own_static_files_are_open_to_anyone(app):
    assert access_for_endpoint(app, "help.static") == Access(ANYONE)


def test_next_is_accepted_for_a_path_on_this_site_served_over_https(app):
    with app.test_request_context("/sign-in", base_url="https://localhost"):
        assert is_safe_next("/stories") is True
