"""A newcomer finds their way in a real browser: the story-key pages from the home page without signing in, and a
page heading with room to breathe under the header. Every page seen is checked for accessibility (see
conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

if not (Path(__file__).with_name("conftest.py")).exists():  # the live server and page checks live there
    pytest.skip("tests/browser/conftest.py (live server, check_page) is not in this checkout yet",
                allow_module_level=True)

GAP = """() => {
  const header = document.querySelector('header.site-header').getBoundingClientRect();
  const heading = document.querySelector('main h1').getBoundingClientRect();
  return heading.top - header.bottom;
}"""


def test_a_visitor_without_an_account_follows_the_home_page_link_to_their_story_key_page(page: Page, visit, submit):
    visit(page, "/")
    expect(page.get_by_role("main")).to_contain_text("even without signing in, using the story key we give you")
    name = "Check, change or take back your story with your story key"
    link = page.get_by_role("main").get_by_role("link", name=name)
    submit(page, link.click)
    assert page.url.endswith("/my-story")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find your story with its key")
    expect(page.get_by_label("Story reference")).to_be_visible()
    expect(page.get_by_label("Story key")).to_be_visible()


@pytest.mark.parametrize(("width", "least"), [(1280, 36), (375, 20)])
def test_the_page_heading_has_room_under_the_header(page: Page, visit, width, least):
    """The walk-through found the heading sitting tight under the header: GOV.UK's main wrapper leaves 40px on
    wider screens (20px on a phone); ours leaves 2.5rem and 1.5rem."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("/", "/sign-in", "/my-story"):
        visit(page, path)
        assert page.evaluate(GAP) >= least, f"{path} at {width}px: {page.evaluate(GAP)}px"
