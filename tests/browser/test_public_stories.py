"""Someone with no account reads the stories people chose to share publicly, in a real browser: from the home page
to a theme to one story, with the content warning before the story. Every page seen is checked for accessibility."""

from __future__ import annotations

import uuid
from datetime import timedelta

from playwright.sync_api import Page, expect
from sqlalchemy import select

from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.tagging.models import StoryTag, Tag, TagStatus
from storybank.tagging.services import themes_group
from tests import factories
from tests.data_rights_builders import make_story

WORDS = ("The night carer sat with me when I could not sleep.\n\n"
         "She made me a cup of tea and asked about my husband, who died last spring.")


def _public_story(live_server, title: str) -> str:
    """A story shared publicly, approved just now (so it is first), with a content warning and a confirmed theme.
    Returns its reference."""
    with live_server.app.app_context():
        author = factories.make_user(username=f"teller-{uuid.uuid4().hex[:6]}")
        story = make_story(author, title=title, body="ORIGINAL words with a name in them. " + WORDS,
                           moderated_body=WORDS, scopes=(Purpose.PUBLIC,))
        story.approved_at = utcnow() + timedelta(seconds=1)
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label="Bereavement",
                                  status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
        kindness = db.session.scalar(select(Tag).where(Tag.group_id == themes_group().id, Tag.slug == "kindness"))
        db.session.add(StoryTag(story_id=story.id, tag_id=kindness.id, status=TagStatus.CONFIRMED))
        db.session.commit()
        reference = story.reference
        db.session.remove()
    return reference


def comes_before(page: Page, first: str, second: str) -> bool:
    """True when the element matching ``first`` comes before the one matching ``second`` in the page."""
    return page.evaluate("""([a, b]) => {
      const first = document.querySelector(a), second = document.querySelector(b);
      return Boolean(first && second && (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING));
    }""", [first, second])


def test_a_visitor_with_no_account_finds_a_theme_and_reads_a_story_with_its_warning_first(page: Page, visit,
                                                                                             submit, live_server):
    title = f"The night carer {uuid.uuid4().hex[:4]}"
    _public_story(live_server, title)

    visit(page, "/")
    submit(page, lambda: page.get_by_role("main").get_by_role("link", name="Stories people have shared").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Stories people have shared")
    expect(page.get_by_text("Each person chose to share their story here")).to_be_visible()

    themes = page.get_by_role("navigation", name="Find stories by theme")
    submit(page, lambda: themes.get_by_role("link", name="Stories about Kindness", exact=True).click())
    expect(page.get_by_role("heading", level=2, name="Stories about kindness")).to_be_visible()
    expect(themes.get_by_role("link", name="Stories about Kindness", exact=True)).to_have_attribute(
        "aria-current", "page")
    card = page.locator(".story-card").filter(has=page.get_by_role("link", name=title, exact=True))
    expect(card.locator(".content-warning")).to_contain_text("Bereavement")
    assert comes_before(page, ".story-card .content-warning", ".story-card .story-opening")

    submit(page, lambda: card.get_by_role("link", name=title, exact=True).click())
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    warning = page.get_by_role("note")
    expect(warning.get_by_role("heading", level=2, name="Before you read")).to_be_visible()
    expect(warning).to_contain_text("Bereavement")
    assert comes_before(page, ".content-warning", ".story-text")
    expect(page.locator(".story-text p")).to_have_count(2)
    expect(page.locator(".story-text")).to_contain_text("She made me a cup of tea")
    expect(page.get_by_text("ORIGINAL words")).to_have_count(0)
    expect(page.get_by_text("Shared anonymously")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    submit(page, lambda: page.get_by_role("link", name="Stories about kindness").click())
    expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()


def test_a_story_that_is_not_shared_publicly_is_a_kind_page_not_found(page: Page, visit, submit):
    response = visit(page, "/stories/read/SB-NOT-A-STORY")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot find that page")
    visit(page, "/stories?theme=no_such_theme")
    expect(page.get_by_role("heading", level=2, name="We cannot find that theme")).to_be_visible()
    submit(page, lambda: page.get_by_role("link", name="See all the stories people have shared").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Stories people have shared")
