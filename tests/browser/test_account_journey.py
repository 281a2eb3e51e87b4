"""A person's first visits: create an account with only a username, sign out, sign in again, by mouse and
by keyboard, and get kind help when something is wrong. Every page seen is checked for accessibility."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from storybank.accounts.views import SIGN_IN_FAILED

PASSWORD = "my cat likes the sunny window"


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:6]}"


def focused(page: Page) -> dict:
    return page.evaluate("""() => {
      const el = document.activeElement;
      return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
              href: el.getAttribute('href'), text: el.innerText.trim(),
              errorSummary: el.hasAttribute('data-error-summary')};
    }""")


def focus_is_visible(page: Page) -> bool:
    """The focused element looks different from how it looks without focus (our yellow focus style)."""
    return page.evaluate("""() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                      && style.outlineColor !== 'rgba(0, 0, 0, 0)';
      return outline || style.boxShadow !== 'none';
    }""")


def looks(locator) -> dict:
    return locator.evaluate("""el => {
      const style = getComputedStyle(el);
      return {background: style.backgroundColor, color: style.color, outline: style.outlineStyle};
    }""")


def tab_to(page: Page, selector: str, most: int = 25) -> int:
    """Press Tab until the element matching ``selector`` has focus; every stop must show its focus."""
    for presses in range(1, most + 1):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), f"no visible focus on {focused(page)}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} was not reached after {most} presses of Tab")


def sign_out_button(page: Page):
    return page.get_by_role("button", name="Sign out")


def test_a_person_signs_up_with_only_a_username_then_signs_out_and_in_again(page, visit, submit):
    username = unique("rosa")
    visit(page, "/")
    submit(page, lambda: page.get_by_role("main").get_by_role("link", name="Create an account").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")

    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    expect(page.get_by_label("Email address (optional)")).to_have_value("")
    submit(page, lambda: page.get_by_role("button", name="Create my account").click())

    expect(page.get_by_role("status")).to_contain_text("Your account is ready")
    expect(sign_out_button(page)).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_have_count(0)

    submit(page, lambda: sign_out_button(page).click())
    expect(page.get_by_role("status")).to_contain_text("You have signed out")
    expect(sign_out_button(page)).to_have_count(0)

    submit(page, lambda: page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").click())
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())
    expect(page.get_by_role("status")).to_contain_text("Welcome back")
    expect(sign_out_button(page)).to_be_visible()

    submit(page, lambda: sign_out_button(page).click())
    expect(sign_out_button(page)).to_have_count(0)
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()


def test_a_wrong_password_and_an_unknown_username_get_the_same_kind_message(page, visit, submit, make_person):
    person = make_person("wren")
    summaries = []
    for username, password in ((person.username, "not the right password"), (unique("nobody"), PASSWORD)):
        visit(page, "/sign-in")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        response = submit(page, lambda: page.get_by_role("main").get_by_role("button", name="Sign in").click())
        assert response.status == 400
        summary = page.locator("[data-error-summary]")
        expect(summary).to_be_visible()
        expect(summary).to_be_focused()
        assert looks(summary)["outline"] == "solid", "the focused error summary should show its focus"
        assert looks(summary)["background"] == looks(page.locator("main"))["background"], "and stay easy to read"
        expect(summary).to_contain_text("There is a problem")
        expect(summary).to_contain_text(SIGN_IN_FAILED)
        expect(page.get_by_label("Username")).to_have_value(username)
        expect(sign_out_button(page)).to_have_count(0)
        summaries.append(summary.inner_text())
    assert summaries[0] == summaries[1]


@pytest.mark.parametrize("path", ["/", "/sign-in", "/sign-up", "/a-page-that-does-not-exist"])
def test_the_skip_link_is_the_first_thing_tab_reaches_and_moves_focus_to_the_main_content(page, visit, path):
    visit(page, path)
    main_unfocused = looks(page.locator("main"))
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#main"
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert focus_is_visible(page)

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")
    assert looks(page.locator("main")) == main_unfocused, "the main content should read the same after the skip"


def test_a_page_that_does_not_exist_explains_kindly_and_offers_the_way_home(page, visit, submit):
    response = visit(page, "/stories/a-page-that-does-not-exist")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot find that page")
    submit(page, lambda: page.get_by_role("link", name="Go to the StoryBank home page").click())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Share your story")


def test_a_too_short_password_is_explained_and_the_username_typed_is_kept(page, visit, submit):
    username = unique("sam")
    visit(page, "/sign-up")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Type your password again").fill("short")
    response = submit(page, lambda: page.get_by_role("button", name="Create my account").click())

    assert response.status == 400
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    error_link = summary.get_by_role("link", name=re.compile("Your password needs at least 8 characters"))
    expect(error_link).to_have_attribute("href", "#password")
    expect(page.locator("#password-error")).to_contain_text("Your password needs at least 8 characters")
    expect(page.get_by_label("Password", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Username")).to_have_value(username)
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    expect(sign_out_button(page)).to_have_count(0)

    error_link.click()
    expect(page.get_by_label("Password", exact=True)).to_be_focused()


def test_a_person_can_sign_in_with_the_keyboard_alone(page, visit, submit, make_person):
    person = make_person("kai")
    visit(page, "/sign-in")

    tab_to(page, "#username")
    page.keyboard.type(person.username)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type(person.password)
    tab_to(page, "main button[type=submit]", most=1)
    submit(page, lambda: page.keyboard.press("Enter"))

    expect(page.get_by_role("status")).to_contain_text("Welcome back")
    tab_to(page, "nav button[type=submit]")
    assert focused(page)["text"] == "Sign out"
    submit(page, lambda: page.keyboard.press("Enter"))
    expect(sign_out_button(page)).to_have_count(0)
