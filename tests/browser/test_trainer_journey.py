"""Journey 3's first half in a real browser: a trainer searches "toilet" with the theme "dignity", opens a story
and confirms a tag the analysis suggested. Every page seen is checked for accessibility (see conftest.py)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.search.services import index_story
from storybank.tagging.models import StoryTag, Tag, TagStatus
from tests import factories
from tests.browser.steps import sign_in
from tests.data_rights_builders import make_story

TEXT = ("Nobody came when I rang for the toilet. I sat in a wet pad for an hour and felt so ashamed.\n\n"
        "The next night a carer called Sam sat with me and said there was no rush.")


def _stories(live_server) -> tuple[str, str, str]:
    mark = uuid.uuid4().hex[:6]
    with live_server.app.app_context():
        trainer = factories.make_user(Role.TRAINER, username=f"trainer-{mark}")
        writer = factories.make_user(Role.CONTRIBUTOR, username=f"writer-{mark}")
        dignity = db.session.scalar(select(Tag).where(Tag.slug == "dignity"))
        trust = db.session.scalar(select(Tag).where(Tag.slug == "trust"))
        tagged = make_story(writer, body="ORIGINAL " + TEXT, moderated_body=TEXT, title=f"The bell at night {mark}")
        other = make_story(writer, body="ORIGINAL " + TEXT, moderated_body=TEXT, title=f"Another night {mark}")
        for story in (tagged, other):
            story.approved_at = utcnow() - timedelta(days=1)
        db.session.add_all([
            StoryTag(story_id=tagged.id, tag_id=dignity.id, status=TagStatus.CONFIRMED),
            StoryTag(story_id=tagged.id, tag_id=trust.id, status=TagStatus.SUGGESTED, trigger_words="sat with me"),
            StoryTag(story_id=other.id, tag_id=dignity.id, status=TagStatus.SUGGESTED, trigger_words="ashamed"),
        ])
        db.session.flush()
        index_story(tagged.id)
        index_story(other.id)
        db.session.commit()
        names = trainer.username, tagged.title, other.title
        db.session.remove()
    return names


def test_a_trainer_searches_with_a_theme_opens_a_story_and_confirms_a_suggested_tag(page, visit, submit,
                                                                                   live_server):
    trainer, title, other = _stories(live_server)
    sign_in(page, visit, submit, trainer)
    submit(page, lambda: page.get_by_role("navigation", name="Main").get_by_role("link", name="Find stories").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Find stories")

    page.get_by_label("Words to look for").fill("toilet")
    page.get_by_role("group", name="Themes").get_by_label("Dignity", exact=True).check()
    submit(page, lambda: page.get_by_role("button", name="Search", exact=True).click())
    results = page.locator("ol.results")
    expect(results.get_by_role("link", name=title)).to_be_visible()
    expect(results.get_by_role("link", name=other)).to_have_count(0)  # only suggested there, not a fact
    expect(results.locator("mark").first).to_have_text("toilet")

    submit(page, lambda: results.get_by_role("link", name=title).click())
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("ORIGINAL")).to_have_count(0)
    tags = page.locator("#tags")
    expect(tags.get_by_text("Suggested by the computer – please check")).to_be_visible()
    expect(tags.get_by_text("because the story says: sat with me")).to_be_visible()
    confirm = tags.locator("li.suggestion").filter(has_text="Trust").get_by_role("button", name="Yes, it is about this")
    confirm.focus()
    submit(page, lambda: page.keyboard.press("Enter"))  # works from the keyboard
    expect(page.get_by_role("status").first).to_contain_text("Confirmed “Trust”")
    expect(page.locator("#tags ul.tag-list")).to_contain_text("Trust")
    expect(page.locator("#tags").get_by_text("Suggested by the computer")).to_have_count(0)


def test_a_search_of_only_very_common_words_says_plainly_why_it_lists_newest_first(page, visit, submit,
                                                                                    live_server, monkeypatch):
    from storybank.search import services

    trainer, title, other = _stories(live_server)
    monkeypatch.setattr(services, "COMMON_AT_LEAST", 1)  # this small library stands in for 1 000+ stories
    sign_in(page, visit, submit, trainer)
    visit(page, "/search?q=carer&purpose=training")
    note = page.locator(".search-note")
    expect(note).to_contain_text("“carer” is in more than a third of all stories, so these are shown newest first")
    expect(note).to_contain_text("Add a less common word, or a phrase in quotes, to see the closest matches first.")
    expect(page.locator("ol.results").get_by_role("link", name=title)).to_be_visible()
