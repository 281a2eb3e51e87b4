"""Journey 2 in a real browser: a moderator opens the queue, claims a story, accepts and rejects the suggested
removals (one by keyboard), adds a content warning and approves; the contributor then sees the outcome and the
redacted text. Every page seen is checked for accessibility (see conftest.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.moderation.preparation import prepare_for_review
from tests import factories
from tests.browser.steps import sign_in
from tests.moderation_steps import make_story

if not (Path(__file__).with_name("conftest.py")).exists():  # the live server and page checks live there
    pytest.skip("tests/browser/conftest.py (live server, check_page) is not in this checkout yet",
                allow_module_level=True)

BODY = ("My carer Bernadette Okafor comes every morning. Ring me on 07700 900123 if you need to.\n\n"
        "She always asks how I want my tea, and she waits for the answer.")


def _people_and_story(live_server):
    tag = uuid.uuid4().hex[:6]
    with live_server.app.app_context():
        writer = factories.make_user(Role.CONTRIBUTOR, username=f"writer-{tag}")
        moderator = factories.make_user(Role.MODERATOR, username=f"moderator-{tag}")
        story = make_story(writer, BODY, title=f"Tea my way {tag}")
        db.session.commit()
        prepare_for_review(story)  # as when a story is sent: pages never analyse
        ids = writer.username, moderator.username, story.id, story.title
        db.session.remove()
    return ids


def test_a_moderator_claims_decides_each_suggestion_and_approves_and_the_contributor_sees_it(
        page, visit, submit, live_server):
    writer, moderator, story_id, title = _people_and_story(live_server)
    sign_in(page, visit, submit, moderator)

    visit(page, "/moderation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stories waiting to be read")
    row = page.get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text("Nobody yet")
    submit(page, lambda: row.get_by_role("button", name=f"Claim “{title}”").click())
    expect(page.get_by_role("status").first).to_contain_text("This story is yours to read now")
    expect(page.locator("mark.suggestion-pending").first).to_be_visible()
    expect(page.get_by_text("a UK mobile number").first).to_be_visible()

    phone = page.locator("li.suggestion-item-pending").filter(has_text="07700 900123")
    accept = phone.get_by_role("button", name="Remove it")
    accept.focus()
    submit(page, lambda: page.keyboard.press("Enter"))  # the buttons work from the keyboard
    expect(page.locator("li.suggestion-item-accepted").filter(has_text="07700 900123")).to_have_count(1)
    expect(page.locator("#preview")).to_contain_text("[phone number]")

    person = page.locator("li.suggestion-item-pending").filter(has_text="Bernadette").first
    person.get_by_label("Words to use instead (optional), such as a job title").fill("my carer")
    submit(page, lambda: person.get_by_role("button", name="Remove it").click())

    while page.locator("li.suggestion-item-pending").count():
        pending = page.locator("li.suggestion-item-pending").first
        keep = pending.get_by_role("button", name="Keep it")
        button = keep if keep.count() else pending.get_by_role("button", name="Leave it out")
        submit(page, button.click)
    expect(page.locator("li.suggestion-item-rejected").first).to_be_attached()
    expect(page.locator("details.decided").first).not_to_have_attribute("open", "")

    page.get_by_label("Add a content warning").fill("neglect")
    submit(page, lambda: page.get_by_role("button", name="Add content warning").click())
    expect(page.locator("#themes")).to_be_visible()

    submit(page, lambda: page.get_by_role("button", name="Approve this story").click())
    expect(page.get_by_role("status").first).to_contain_text("Approved")
    expect(page.get_by_role("row").filter(has_text=title)).to_have_count(0)
    submit(page, lambda: page.get_by_role("button", name="Sign out").click())

    sign_in(page, visit, submit, writer)
    visit(page, "/notifications")
    expect(page.get_by_role("main")).to_contain_text(f"Good news: your story “{title}” has been approved")
    visit(page, f"/my-stories/{story_id}")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Approved")
    shown = page.locator(".story-text").first
    expect(shown).to_contain_text("[phone number]")
    expect(shown).to_contain_text("my carer")
    expect(shown).not_to_contain_text("[my carer]")
    expect(shown).not_to_contain_text("07700 900123")


def test_approving_too_soon_explains_what_is_left_and_keeps_the_page(page, visit, submit, live_server):
    _writer, moderator, story_id, _title = _people_and_story(live_server)
    sign_in(page, visit, submit, moderator)
    visit(page, f"/moderation/stories/{story_id}")
    submit(page, lambda: page.get_by_role("button", name="Claim this story").click())
    submit(page, lambda: page.get_by_role("button", name="Approve this story").click())
    expect(page.get_by_role("alert")).to_contain_text("Please decide every suggestion before approving")
    expect(page.locator("mark.suggestion-pending").first).to_be_visible()


DISCLOSURE = ("She shouts at me most days now. Since then she has had my bank card. "
              "I am frightened to be on my own in the house with her.")


def test_a_safeguarding_concern_is_actioned_a_story_declined_and_the_contributor_asks_again(
        page, visit, submit, live_server):
    tag = uuid.uuid4().hex[:6]
    with live_server.app.app_context():
        writer = factories.make_user(Role.CONTRIBUTOR, username=f"writer-{tag}")
        moderator = factories.make_user(Role.MODERATOR, username=f"moderator-{tag}")
        admin = factories.make_user(Role.ADMIN, username=f"admin-{tag}")
        story = make_story(writer, DISCLOSURE, title=f"Not safe at home {tag}", days_ago=0)
        db.session.commit()
        prepare_for_review(story)  # as when a story is sent: pages never analyse
        names, story_id, title = (writer.username, moderator.username, admin.username), story.id, story.title
        db.session.remove()
    writer, moderator, admin = names

    sign_in(page, visit, submit, moderator)
    visit(page, "/moderation")
    first_row = page.get_by_role("row").nth(1)
    expect(first_row).to_contain_text("Urgent: possible safeguarding concern")
    expect(first_row).to_contain_text(title)
    submit(page, lambda: first_row.get_by_role("button", name=f"Claim “{title}”").click())
    submit(page, lambda: page.get_by_role("link", name="Record what you did").first.click())
    page.get_by_role("group", name="What did you do?").get_by_label("Referred to the local safeguarding team").check()
    submit(page, lambda: page.get_by_role("button", name="Record the action").click())
    expect(page.get_by_role("alert")).to_contain_text("Please give the reference")
    page.get_by_label("Reference from the safeguarding team").fill("MASH-1001")
    submit(page, lambda: page.get_by_role("button", name="Record the action").click())
    expect(page.get_by_role("main")).to_contain_text("MASH-1001")

    visit(page, f"/moderation/stories/{story_id}")
    page.get_by_role("group", name="Why can we not use this story?").get_by_label(
        "It is mostly someone else's story").check()
    submit(page, lambda: page.get_by_role("button", name="Decline, kindly").click())
    expect(page.get_by_role("status").first).to_contain_text("declined")
    visit(page, "/moderation/appeals")
    submit(page, lambda: page.get_by_role("button", name="Sign out").click())

    sign_in(page, visit, submit, writer)
    visit(page, "/notifications")
    expect(page.get_by_role("main")).to_contain_text("it is mostly about another person")
    submit(page, lambda: page.get_by_role("link", name=f"Ask us to look again at “{title}”").click())
    page.get_by_label("Is there anything you would like the moderator to know? (optional)").fill("It is my story.")
    submit(page, lambda: page.get_by_role("button", name="Ask for another look").click())
    expect(page.get_by_role("status").first).to_contain_text("Another moderator will look at your story again")
    submit(page, lambda: page.get_by_role("button", name="Sign out").click())

    sign_in(page, visit, submit, admin)
    visit(page, "/admin/safeguarding")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding and decline reasons")
    submit(page, lambda: page.get_by_role("link", name="It names a member of staff").click())
    expect(page.get_by_label("The words the contributor reads")).to_contain_text("Thank you for trusting us")


def test_on_a_wide_screen_the_story_stays_in_view_beside_the_decisions_and_a_phone_stacks_them(
        page, visit, submit, live_server):
    _writer, moderator, story_id, _title = _people_and_story(live_server)
    sign_in(page, visit, submit, moderator)
    page.set_viewport_size({"width": 1400, "height": 800})
    visit(page, f"/moderation/stories/{story_id}")
    submit(page, lambda: page.get_by_role("button", name="Claim this story").click())
    story, decisions = page.locator(".review-story"), page.locator(".review-decisions")
    left, right = story.bounding_box(), decisions.bounding_box()
    assert left["x"] + left["width"] <= right["x"], "side by side"
    page.evaluate("() => document.querySelector('.review-decisions').scrollIntoView({block: 'end'})")
    assert page.evaluate("() => window.scrollY") > 400, "the decisions are longer than the screen"
    text = page.locator("#story-text").bounding_box()
    assert 0 <= text["y"] < 800, "at the last decision the story is still on screen beside it"

    page.set_viewport_size({"width": 375, "height": 800})
    page.evaluate("() => window.scrollTo(0, 0)")
    left, right = story.bounding_box(), decisions.bounding_box()
    assert right["y"] >= left["y"] + left["height"], "one above the other on a phone"
