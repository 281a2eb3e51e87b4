"""An autosaved draft survives, in a real browser, a validation error, the end of a sign-in and a server restart."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import Page, expect
from sqlalchemy import select

from storybank import create_app
from storybank.accounts.models import User, UserSession
from storybank.extensions import db
from tests.browser.conftest import serve


def sign_in(page: Page, submit, person) -> None:
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(person.password)
    submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())


def end_every_sign_in(app, username: str) -> None:
    """What an idle timeout does: the server-side session is over, the browser still has its cookie."""
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.username == username))
        for row in db.session.scalars(select(UserSession).where(UserSession.user_id == user_id)):
            row.last_seen_at = row.last_seen_at - timedelta(days=2)
        db.session.commit()
        db.session.remove()


def restarted(live_server):
    """A brand-new app (nothing kept in memory) and server on the same database file and secret key: a restart."""
    return serve(create_app(dict(live_server.app.config)))


def test_an_autosaved_draft_survives_a_mistake_an_ended_sign_in_and_a_server_restart(
        page, visit, submit, check_page, make_person, live_server):
    person = make_person("nell")
    visit(page, "/sign-in")
    sign_in(page, submit, person)
    visit(page, "/stories/write")
    words = "The district nurse came on a Sunday.\n\nShe remembered my name and my dog's name."
    page.get_by_label("A title for your story").fill("Sunday visit")
    page.get_by_label("Your story", exact=True).fill(words)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved at", timeout=15_000)

    page.get_by_label("A title for your story").fill("")
    submit(page, lambda: page.get_by_role("button", name="Continue to choose how it is used").click())
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(page.get_by_label("Your story", exact=True)).to_have_value(words)

    end_every_sign_in(live_server.app, person.username)
    more = words + "\n\nI wrote this last bit after my sign-in had ended."
    page.get_by_label("A title for your story").fill("Sunday visit")
    page.get_by_label("Your story", exact=True).fill(more)
    submit(page, lambda: page.get_by_role("button", name="Save and come back later").click())
    assert "/sign-in" in page.url
    sign_in(page, submit, person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Put these words back?")
    check_page(page)
    expect(page.get_by_role("main")).to_contain_text("I wrote this last bit after my sign-in had ended.")
    submit(page, lambda: page.get_by_role("button", name="Yes, put these words back").click())
    expect(page.get_by_label("Your story", exact=True)).to_have_value(more)
    story_url = re.sub(r"^https?://[^/]+", "", page.url)

    with restarted(live_server) as new_url:
        page.goto(new_url + "/my-stories")
        check_page(page)
        expect(page.get_by_role("main")).to_contain_text("Sunday visit")
        submit(page, lambda: page.get_by_role("link", name=re.compile("Carry on writing")).click())
        expect(page.get_by_label("Your story", exact=True)).to_have_value(more)
        assert story_url.split("?")[0] in page.url
