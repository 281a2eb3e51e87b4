"""Steps several browser journeys share."""

from __future__ import annotations

from playwright.sync_api import Page

from tests import factories


def sign_in(page: Page, visit, submit, username: str) -> None:
    """Sign in through the form, as a person would, with the factories' password."""
    visit(page, "/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())
