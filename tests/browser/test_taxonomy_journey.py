"""An admin looks after the taxonomy in a real browser: every page is checked for accessibility."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from storybank.accounts.roles import Role
from storybank.extensions import db
from tests import factories


def _admin(live_server) -> str:
    username = f"admin-{uuid.uuid4().hex[:6]}"
    with live_server.app.app_context():
        factories.make_user(Role.ADMIN, username=username)
        db.session.commit()
        db.session.remove()
    return username


def test_an_admin_adds_renames_and_deletes_a_tag(page: Page, visit, submit, live_server):
    username = _admin(live_server)
    visit(page, "/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())

    visit(page, "/admin/")
    submit(page, lambda: page.get_by_role("link", name="Tags and themes").click())
    submit(page, lambda: page.get_by_role("link", name="Barriers to kindness", exact=True).click())
    expect(page.get_by_role("link", name="Fear of radical kindness", exact=True)).to_be_visible()

    submit(page, lambda: page.get_by_role("link", name="Add a tag to barriers to kindness").click())
    submit(page, lambda: page.get_by_role("button", name="Add the tag").click())
    expect(page.get_by_role("alert")).to_contain_text("Please give the tag a name.")
    name = f"Staffing levels {uuid.uuid4().hex[:4]}"
    page.get_by_label("Name").fill(name)
    page.get_by_label("Other words for it (optional)").fill("short-staffed")
    submit(page, lambda: page.get_by_role("button", name="Add the tag").click())

    submit(page, lambda: page.get_by_role("link", name=name, exact=True).click())
    page.get_by_label("Name").fill(name + " and cover")
    submit(page, lambda: page.get_by_role("button", name="Save changes").click())
    expect(page.get_by_text("Every story keeps the tag.")).to_be_visible()

    submit(page, lambda: page.get_by_role("link", name=f"Delete {name} and cover", exact=True).click())
    expect(page.get_by_text("No story has this tag.")).to_be_visible()
    submit(page, lambda: page.get_by_role("button", name="Yes, delete the tag").click())
    expect(page.get_by_role("link", name=f"{name} and cover", exact=True)).to_have_count(0)
