"""Sharing a story in a real browser: sign up, write, choose consent, send, keep the reference and key, and
withdraw with the key after signing out. Also: autosave keeps words across a reload, and hostile text stays
inert. Every page seen is checked for accessibility (see conftest.py)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

if not (Path(__file__).with_name("conftest.py")).exists():  # the live server and page checks live there
    pytest.skip("tests/browser/conftest.py (live server, check_page) is not in this checkout yet",
                allow_module_level=True)

PASSWORD = "my cat likes the sunny window"


def sign_in(page: Page, visit, submit, person) -> None:
    visit(page, "/sign-in")
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(person.password)
    submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def test_a_person_shares_a_story_and_later_withdraws_it_with_the_key(page, visit, submit):
    username = f"rosa-{uuid.uuid4().hex[:6]}"
    visit(page, "/sign-up")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    submit(page, lambda: page.get_by_role("button", name="Create my account").click())

    submit(page, lambda: page.get_by_role("navigation", name="Main").get_by_role("link", name="Share a story").click())
    expect(page.get_by_role("heading", name="What makes a story helpful")).to_be_visible()
    page.get_by_label("A title for your story").fill("The night nurse")
    page.get_by_label("Your story", exact=True).fill(
        "She sat with me when I could not sleep.\n\nShe listened. She said to ring her on 07700 900123.")
    expect(page.locator("[data-word-count]")).to_contain_text("19 words")
    submit(page, lambda: page.get_by_role("button", name="Continue to choose how it is used").click())

    expect(page.get_by_role("heading", level=1)).to_have_text("How can your story be used?")
    expect(page.locator("[data-personal-details-text] mark")).to_have_text("possible personal detail: 07700 900123")
    expect(page.get_by_role("link", name="Change my story")).to_be_visible()
    choose(page, "Staff training at StoryBank", "Yes")
    for question in ("Staff training in organisations we work with", "Our public stories page", "Research",
                     "Short quotes"):
        choose(page, question, "No")
    page.get_by_label("I have read what I am agreeing to, and I agree").check()
    submit(page, lambda: page.get_by_role("button", name="Send my story").click())

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you. Your story has been sent.")
    reference = page.locator("[data-reference]").inner_text().strip()
    key = "-".join(page.locator("[data-key] .key-group").all_inner_texts())
    assert re.fullmatch(r"SB-\w{4}-\w{4}", reference)
    assert re.fullmatch(r"(\w{4}-){3}\w{4}", key)
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    expect(page.get_by_text("If you need help now")).to_have_count(0)

    submit(page, lambda: page.get_by_role("button", name="Sign out").click())
    visit(page, "/my-story")
    page.get_by_label("Story reference").fill(reference.lower())
    page.get_by_label("Story key").fill(key.replace("-", " "))
    submit(page, lambda: page.get_by_role("button", name="Find my story").click())
    expect(page.get_by_role("main")).to_contain_text("Sent – waiting for a moderator to read it")

    submit(page, lambda: page.get_by_role("link", name="Take my story back").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Take your story back?")
    submit(page, lambda: page.get_by_role("button", name="Yes, take my story back").click())
    expect(page.get_by_role("main")).to_contain_text("Withdrawn – nobody else can see it")
    expect(page.get_by_role("link", name="Take my story back")).to_have_count(0)


def test_autosave_keeps_the_words_across_a_reload_and_coming_back_later(page, visit, submit, check_page, make_person):
    person = make_person("ida")
    sign_in(page, visit, submit, person)
    visit(page, "/stories/write")
    words = "Typed slowly, one morning.\nSaved without pressing anything."
    page.get_by_label("A title for your story").fill("Autosaved")
    page.get_by_label("Your story", exact=True).fill(words)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved at", timeout=15_000)
    assert re.search(r"/stories/write\?story=\d+$", page.url)

    page.reload()
    check_page(page)
    expect(page.get_by_label("Your story", exact=True)).to_have_value(words)

    visit(page, "/my-stories")
    submit(page, lambda: page.get_by_role("link", name=re.compile("Carry on writing")).click())
    expect(page.get_by_label("Your story", exact=True)).to_have_value(words)


def test_words_kept_on_the_device_are_offered_back(page, visit, submit, check_page, make_person):
    person = make_person("jo")
    sign_in(page, visit, submit, person)
    visit(page, "/stories/write")
    page.evaluate("""() => localStorage.setItem('storybank:draft:new',
        JSON.stringify({title: 'Kept here', body: 'Words the server never got', at: Date.now()}))""")
    page.reload()
    check_page(page)
    submit_restore = page.get_by_role("button", name="Put those words back")
    expect(submit_restore).to_be_visible()
    submit_restore.click()
    expect(page.get_by_label("Your story", exact=True)).to_have_value("Words the server never got")
    expect(page.get_by_label("A title for your story")).to_have_value("Kept here")


def test_hostile_story_text_never_runs_in_the_browser(page, visit, submit, make_person):
    person = make_person("mal")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, visit, submit, person)
    visit(page, "/stories/write")
    hostile = ("<script>alert('script')</script>\n\"><img src=x onerror=alert('img')>\n"
               "<a href=\"javascript:alert('link')\">click</a> \u202eevil\u202c שלום 🌻")
    page.get_by_label("A title for your story").fill("<b onmouseover=alert('title')>Title</b>")
    page.get_by_label("Your story", exact=True).fill(hostile)
    submit(page, lambda: page.get_by_role("button", name="Save and come back later").click())
    expect(page.get_by_label("Your story", exact=True)).to_have_value(hostile)
    visit(page, "/my-stories")
    submit(page, lambda: page.get_by_role("link", name=re.compile("Carry on writing")).click())
    expect(page.get_by_label("Your story", exact=True)).to_have_value(hostile)
    assert page.locator("main img, main script, main a[href^='javascript']").count() == 0
    visit(page, "/stories/easy-read")
    assert dialogs == []
