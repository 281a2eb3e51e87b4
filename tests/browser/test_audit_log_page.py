"""An admin reads a long audit log in a real browser: it says there are more events than it counted, every page is
reachable, and the filter offers each kind of event once; every page is checked for accessibility."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from storybank import paging
from storybank.accounts.roles import Role
from storybank.audit import views
from storybank.audit.services import record
from storybank.extensions import db
from tests import factories
from tests.browser.steps import sign_in


def test_an_admin_pages_through_a_long_log_and_filters_it(page: Page, visit, submit, live_server, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 4)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    username = f"admin-{uuid.uuid4().hex[:6]}"
    with live_server.app.app_context():
        admin = factories.make_user(Role.ADMIN, username=username)
        for number in range(6):
            record("story.submitted", admin, object_type="stories", object_id=number)
        db.session.commit()
        db.session.remove()

    sign_in(page, visit, submit, username)
    visit(page, "/admin/audit/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("More than 4 events.")
    expect(main).to_contain_text("Page 1 of 2 or more")
    expect(page.get_by_role("button", name="Download all these events as a spreadsheet (CSV)")).to_be_visible()
    submit(page, lambda: page.get_by_role("link", name="Older events").click())
    expect(main).to_contain_text("Page 2 of")
    action = page.get_by_label("What happened")
    assert action.locator("option", has_text="Sent a story to be read by a moderator").count() == 1
