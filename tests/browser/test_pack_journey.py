"""Journeys 3 and 4 end to end in a real browser: a trainer builds a pack from two stories through the pack's own
search, adds the default activities, reorders it from the keyboard, previews, prints, publishes and makes a share
link; a trainee with no account opens the link in a browser of their own and writes a reflection; a moderator
passes it on; the person who shared the story reads it, then takes the story back with its key, and the trainee's
page no longer shows it. Every page seen, in both browsers, is checked for accessibility (see conftest.py)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.packs.prompts import WALK_A_MILE
from storybank.packs.services import PLACEHOLDER
from storybank.stories.keys import hash_key, new_key, new_reference
from tests import factories
from tests.browser.conftest import watched
from tests.browser.steps import sign_in
from tests.library_builders import approved

BATH = "She ran the bath and asked me how warm I liked it. Then she waited outside until I called her."
WINDOW = "He opened the window every morning because he knew I liked to hear the birds before breakfast."
PHONE = "07700 900123"
REFLECTION = "I will ask how warm people like their bath, and wait outside until they call me."
QUESTION = "What will you take from this story into your work?"


@dataclass(frozen=True)
class Cast:
    mark: str
    trainer: str
    moderator: str
    contributor: str
    bath: str
    window: str
    reference: str
    key: str


def _cast(live_server) -> Cast:
    """Three people and two approved stories of the contributor's that may be used for training here, indexed for
    search. The bath story gets a reference and a fresh key, as the demo pack's first story does."""
    mark = f"q{uuid.uuid4().hex[:6]}"
    with live_server.app.app_context():
        trainer = factories.make_user(Role.TRAINER, username=f"packer-{mark}")
        moderator = factories.make_user(Role.MODERATOR, username=f"reader-{mark}")
        contributor = factories.make_user(Role.CONTRIBUTOR, username=f"teller-{mark}")
        bath = approved(contributor, BATH, title=f"The bath {mark}", warning="Personal care")
        window = approved(contributor, WINDOW, title=f"The window {mark}")
        key = new_key()
        bath.reference = new_reference()
        bath.key_hash = hash_key(key)
        db.session.commit()
        cast = Cast(mark, trainer.username, moderator.username, contributor.username, bath.title, window.title,
                    bath.reference, key)
        db.session.remove()
    return cast


@pytest.fixture
def second_browser(browser, live_server, check_page) -> Iterator[Page]:
    """A browser of the trainee's own (nobody signed in), held to the same rules as ``page``: every page it loads
    must be checked, and no console or script error may happen."""
    context = browser.new_context(base_url=live_server.url, bypass_csp=False, locale="en-GB")
    other = context.new_page()
    watch = watched(other)
    try:
        yield other
        unchecked = watch.loaded[watch.checked:]
        assert not unchecked, f"These trainee pages were loaded but never checked with check_page(): {unchecked}"
        assert not watch.errors, "The trainee's browser reported errors:\n" + "\n".join(watch.errors)
    finally:
        context.close()


def hidden_tail(shown: str, tail: str) -> re.Pattern:
    """A button's name made of the words shown and a visually hidden ": <which one>" (Chromium puts a space
    before the hidden part, since it is positioned out of the flow)."""
    return re.compile(rf"^{re.escape(shown)}\s*:\s*{re.escape(tail)}$")


def sign_out(page: Page, submit) -> None:
    submit(page, lambda: page.get_by_role("button", name="Sign out").click())


def add_story_through_search(page: Page, submit, mark: str, title: str) -> None:
    submit(page, lambda: page.get_by_role("link", name="Add a story").click())
    page.get_by_label("Words to look for").fill(mark)
    submit(page, lambda: page.get_by_role("button", name="Search", exact=True).click())
    expect(page.get_by_role("heading", level=2, name="2 stories found")).to_be_visible()
    submit(page, lambda: page.get_by_role("button", name=hidden_tail("Add to the pack", title)).click())
    expect(page.get_by_role("status").first).to_contain_text("The story is added")


def section_headings(page: Page) -> list[str]:
    return page.locator("ol.pack-sections > li > h3").all_inner_texts()


def story_section(page: Page, title: str):
    return page.locator("section.pack-section").filter(has=page.get_by_role("heading", level=2, name=title))


def build_publish_and_share(page: Page, visit, submit, cast: Cast, base_url: str) -> str:
    """The trainer's half: returns the share link's full address, as read from the page."""
    sign_in(page, visit, submit, cast.trainer)
    submit(page, lambda: page.get_by_role("navigation", name="Main").get_by_role("link", name="My packs").click())
    submit(page, lambda: page.get_by_role("link", name="Make a new pack").click())
    title = f"Kindness at home {cast.mark}"
    page.get_by_label("Title").fill(title)
    page.get_by_label("Audience").fill("New home care workers")
    page.get_by_label("How long the session lasts, in minutes").fill("60")
    page.get_by_label("What people will take away").fill("Ask before helping with personal care")
    page.get_by_label("Introduction").fill("Two people tell us what care felt like. **Take your time.**")
    submit(page, lambda: page.get_by_role("button", name="Make the pack").click())
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    pack_id = int(re.search(r"/packs/(\d+)", page.url).group(1))

    add_story_through_search(page, submit, cast.mark, cast.bath)
    add_story_through_search(page, submit, cast.mark, cast.window)
    assert section_headings(page) == [f"Story: {cast.bath}", f"Story: {cast.window}"]
    expect(page.locator("ol.pack-sections").get_by_text("3 questions")).to_have_count(2)  # walk a mile
    submit(page, lambda: page.get_by_role("button", name="Add the default activities").click())
    headings = section_headings(page)
    assert headings[:2] == [f"Story: {cast.bath}", f"Story: {cast.window}"] and len(headings) > 2
    assert any(heading.startswith("Activity: STOP / START / STAY") for heading in headings)

    move = page.get_by_role("button", name=hidden_tail("Move up", f"Story: {cast.window}"))
    move.focus()
    submit(page, lambda: page.keyboard.press("Enter"))  # works from the keyboard
    assert section_headings(page)[:2] == [f"Story: {cast.window}", f"Story: {cast.bath}"]

    submit(page, lambda: page.get_by_role("link", name="See it as a trainee will").click())
    expect(page.get_by_role("heading", level=2, name=cast.window)).to_be_visible()
    expect(page.get_by_text(BATH)).to_be_visible()
    expect(page.get_by_text("ORIGINAL")).to_have_count(0)
    submit(page, lambda: page.get_by_role("link", name="Print the handout").click())  # checked like every page
    assert urlsplit(page.url).path == f"/packs/{pack_id}/print"
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text(WINDOW)).to_be_visible()

    visit(page, f"/packs/{pack_id}")
    submit(page, lambda: page.get_by_role("button", name="Publish the pack").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Versions and links")
    expect(page.get_by_role("status").first).to_contain_text("Version 1 is published")
    visit(page, f"/packs/{pack_id}")
    submit(page, lambda: page.get_by_role("link", name="Versions and links").click())
    assert urlsplit(page.url).path == f"/packs/{pack_id}/sharing"
    page.get_by_label("Name of the session").fill("Tuesday induction")
    submit(page, lambda: page.get_by_role("button", name="Make a link").click())
    expect(page.get_by_role("heading", name="Your new link")).to_be_visible()
    address = page.get_by_label("The link", exact=True).input_value()
    assert re.fullmatch(re.escape(base_url) + r"/s/[\w-]{20,}", address), address
    sign_out(page, submit)
    return address


def test_a_pack_is_built_shared_read_reflected_on_and_a_withdrawn_story_leaves_it_at_once(
        page, second_browser, visit, submit, check_page, live_server):
    cast = _cast(live_server)
    address = build_publish_and_share(page, visit, submit, cast, live_server.url)

    trainee = second_browser
    visit(trainee, address)
    expect(trainee.get_by_role("heading", level=1)).to_have_text(f"Kindness at home {cast.mark}")
    expect(trainee.get_by_text("For: Tuesday induction")).to_be_visible()
    expect(trainee.locator("#pack-warnings")).to_contain_text("Some stories in this pack talk about: Personal care")
    for title, words in ((cast.window, WINDOW), (cast.bath, BATH)):
        section = story_section(trainee, title)
        expect(section.get_by_text(words)).to_be_visible()
        expect(section.get_by_role("link", name="Skip this story")).to_be_visible()
        expect(section.get_by_role("textbox", name=QUESTION)).to_be_visible()
        for prompt in WALK_A_MILE:
            expect(section.get_by_text(prompt)).to_be_visible()
    bath = story_section(trainee, cast.bath)
    expect(bath.get_by_text("Content warning: this story talks about Personal care.")).to_be_visible()
    skip = story_section(trainee, cast.window).get_by_role("link", name="Skip this story")
    assert skip.get_attribute("href") == f"#{bath.get_attribute('id')}"

    bath.get_by_role("textbox", name=QUESTION).fill(f"{REFLECTION} Ring me on {PHONE}.")
    submit(trainee, lambda: bath.get_by_role("button", name="Send my reflection").click())
    expect(trainee.get_by_role("heading", name="Before you send it")).to_be_visible()
    expect(trainee.get_by_text(f"It looks like this mentions a phone number: ‘{PHONE}’")).to_be_visible()
    submit(trainee, lambda: trainee.get_by_role("button", name="Change it").click())
    expect(trainee.get_by_text(f"About the story “{cast.bath}”.")).to_be_visible()
    trainee.get_by_role("textbox", name=QUESTION).fill(REFLECTION)
    submit(trainee, lambda: trainee.get_by_role("button", name="Send my reflection").click())
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(trainee.get_by_role("status")).to_contain_text("A member of our team will read it")
    submit(trainee, lambda: trainee.get_by_role("link", name="Back to the training").click())
    assert trainee.url == address

    sign_in(page, visit, submit, cast.moderator)
    visit(page, "/moderation/reflections")
    waiting = page.locator("li.reflection-item").filter(has_text=REFLECTION)
    expect(waiting).to_contain_text(f"“{cast.bath}”")
    expect(waiting).to_contain_text(f"Kindness at home {cast.mark}")
    submit(page, lambda: waiting.get_by_role("button", name=re.compile(r"^Pass it on")).click())
    expect(page.get_by_role("status").first).to_contain_text("The reflection is passed on")
    expect(page.locator("li.reflection-item").filter(has_text=REFLECTION)).to_have_count(0)
    sign_out(page, submit)

    sign_in(page, visit, submit, cast.contributor)
    visit(page, "/my-stories")
    submit(page, lambda: page.get_by_role("link", name=f"See this story and your choices for “{cast.bath}”").click())
    expect(page.get_by_role("heading", name="What staff took from your story")).to_be_visible()
    expect(page.locator("ul.staff-reflections")).to_contain_text(REFLECTION)
    expect(page.locator("ul.staff-reflections")).not_to_contain_text(PHONE)
    sign_out(page, submit)

    visit(page, "/my-story")
    page.get_by_label("Story reference").fill(cast.reference)
    page.get_by_label("Story key").fill(cast.key)
    submit(page, lambda: page.get_by_role("button", name="Find my story").click())
    expect(page.locator("ul.staff-reflections")).to_contain_text(REFLECTION)  # the key holder sees it too
    submit(page, lambda: page.get_by_role("link", name="Take my story back").click())
    submit(page, lambda: page.get_by_role("button", name="Yes, take my story back").click())
    expect(page.get_by_role("main")).to_contain_text("Withdrawn – nobody else can see it")

    trainee.reload()
    check_page(trainee)
    expect(trainee.get_by_text(cast.bath)).to_have_count(0)
    expect(trainee.get_by_text(BATH)).to_have_count(0)
    expect(trainee.locator("#pack-warnings")).to_have_count(0)  # its content warning went with it
    expect(trainee.get_by_text("Content warning")).to_have_count(0)
    expect(trainee.get_by_text(PLACEHOLDER)).to_be_visible()
    expect(trainee.get_by_role("textbox", name=QUESTION)).to_have_count(1)  # under the story still shared, and no other
    window = story_section(trainee, cast.window)
    expect(window.get_by_text(WINDOW)).to_be_visible()
    expect(window.get_by_role("textbox", name=QUESTION)).to_be_visible()
