"""While StoryBank cannot save, the story page keeps every word on the device, says so kindly, survives a reload,
and saves the words when the server answers again. A form sent while the database is away loses nothing either."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager

from playwright.sync_api import Page, Route, expect
from sqlalchemy import event, select

from storybank.extensions import db
from storybank.stories.models import Story
from tests.browser.test_draft_resilience import sign_in

AUTOSAVE = "**/stories/autosave"
UNSAVED = "We could not save just now. Your words are kept on this device, and we will try again."


def server_away(route: Route) -> None:
    """What our server answers while its database is away (storybank/errors.py), for the autosave only."""
    route.fulfill(status=503, headers={"Retry-After": "30"}, content_type="application/json",
                  body=json.dumps({"saved": False, "retry_after": 30, "message": UNSAVED}))


def kept_on_device(page: Page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(key => key.startsWith('storybank:draft:')).map(key => [key, localStorage.getItem(key)]))""")


def forget_expected_failures(page: Page) -> None:
    """The browser logs each refused autosave as a console error; those we caused on purpose are not faults."""
    watch = page.storybank_watch
    watch.errors = [error for error in watch.errors if "/stories/autosave" not in error]


@contextmanager
def database_refusing(app, error: Exception, only_writes: bool = False):
    """Statements the live server runs fail as SQLite fails when its disk is full (writes only: reading works) or
    its file is locked beyond the busy timeout (everything), until the block ends."""

    def refuse(_connection, _cursor, statement, *_args):
        if not only_writes or statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            raise error

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", refuse)


def disk_full(app):
    return database_refusing(app, sqlite3.OperationalError("database or disk is full"), only_writes=True)


def database_locked(app):
    return database_refusing(app, sqlite3.OperationalError("database is locked"))


def body_of(app, story_id: int) -> str:
    with app.app_context():
        text = db.session.scalar(select(Story.body).where(Story.id == story_id))
        db.session.remove()
    return text.replace("\r\n", "\n")  # a form sends line breaks as CRLF


def test_words_typed_while_saving_fails_survive_a_reload_and_are_saved_when_the_server_answers(
        page, visit, submit, check_page, make_person, live_server):
    person = make_person("ada")
    visit(page, "/sign-in")
    sign_in(page, submit, person)
    visit(page, "/stories/write")
    page.get_by_label("A title for your story").fill("The night carer")
    page.get_by_label("Your story", exact=True).fill("She came at ten.")
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("Saved at", timeout=15_000)
    story_id = int(re.search(r"story=(\d+)", page.url).group(1))

    more = "She came at ten.\n\nShe sat with me until I slept, though she was not asked to."
    with disk_full(live_server.app):  # the server answers, but cannot save: the autosave gets the 503
        page.get_by_label("Your story", exact=True).fill(more)
        expect(status).to_have_text(UNSAVED, timeout=15_000)
        expect(page.get_by_label("Your story", exact=True)).to_be_focused()  # telling never moves the person
        assert json.loads(kept_on_device(page)[f"storybank:draft:{story_id}"])["body"] == more

        page.reload()  # even the save a leaving page sends is refused
        check_page(page)
        expect(page.get_by_label("Your story", exact=True)).to_have_value(more)
        expect(page.get_by_role("main")).to_contain_text("We put back words you wrote on this device")
        expect(status).to_have_text(UNSAVED, timeout=15_000)  # still full: tried again, and said so
        assert body_of(live_server.app, story_id) == "She came at ten."

    expect(status).to_contain_text("Saved at", timeout=15_000)
    assert body_of(live_server.app, story_id) == more
    assert kept_on_device(page) == {}, "once the server has the words, the device lets its copy go"
    forget_expected_failures(page)


def test_words_typed_while_the_autosave_is_cut_off_are_kept_and_saved_when_it_answers(
        page, visit, submit, check_page, make_person, live_server):
    person = make_person("al")
    visit(page, "/sign-in")
    sign_in(page, submit, person)
    visit(page, "/stories/write")
    page.route(AUTOSAVE, server_away)
    page.get_by_label("A title for your story").fill("Bath day")
    page.get_by_label("Your story", exact=True).fill("Two carers, and both of them kind.")
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text(UNSAVED, timeout=15_000)
    page.unroute(AUTOSAVE)
    expect(status).to_contain_text("Saved at", timeout=15_000)
    story_id = int(re.search(r"story=(\d+)", page.url).group(1))
    assert body_of(live_server.app, story_id) == "Two carers, and both of them kind."
    assert kept_on_device(page) == {}
    forget_expected_failures(page)


def test_coming_back_online_saves_at_once(page, visit, submit, make_person, live_server):
    person = make_person("bo")
    visit(page, "/sign-in")
    sign_in(page, submit, person)
    visit(page, "/stories/write")
    page.context.set_offline(True)
    page.get_by_label("A title for your story").fill("Offline")
    page.get_by_label("Your story", exact=True).fill("Written on the bus with no signal.")
    expect(page.locator("[data-autosave-status]")).to_have_text(UNSAVED, timeout=15_000)
    page.context.set_offline(False)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved at", timeout=4_000)
    story_id = int(re.search(r"story=(\d+)", page.url).group(1))
    assert body_of(live_server.app, story_id) == "Written on the bus with no signal."
    forget_expected_failures(page)


def test_a_story_sent_while_the_database_is_away_gets_the_kind_page_and_going_back_finds_every_word(
        page, visit, submit, check_page, make_person, live_server):
    person = make_person("cy")
    visit(page, "/sign-in")
    sign_in(page, submit, person)
    visit(page, "/stories/write")
    page.route(AUTOSAVE, server_away)  # nothing reached the server before the database went away
    words = "The lift was broken for a month.\n\nNobody told us when it would be mended."
    page.get_by_label("A title for your story").fill("The lift")
    page.get_by_label("Your story", exact=True).fill(words)

    with database_locked(live_server.app):
        response = submit(page, lambda: page.get_by_role("button", name="Save and come back later").click())
        assert response.status == 503
        assert response.headers["retry-after"].isdigit()
        expect(page.get_by_role("heading", level=1)).to_have_text("We cannot save or show things just now")
        expect(page.get_by_role("main")).to_contain_text("Nothing you wrote is lost if you keep this page open")
        assert "Traceback" not in page.content()
        go_back = page.get_by_role("button", name="Go back to your page")
        expect(go_back).to_be_visible()

    submit(page, go_back.click)
    expect(page.get_by_label("Your story", exact=True)).to_have_value(words)
    expect(page.get_by_label("A title for your story")).to_have_value("The lift")
    page.unroute(AUTOSAVE)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved at", timeout=15_000)
    story_id = int(re.search(r"story=(\d+)", page.url).group(1))
    assert body_of(live_server.app, story_id) == words
    forget_expected_failures(page)
