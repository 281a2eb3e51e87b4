"""Titles are analysed like the text: a name in a title is a suggestion a moderator decides, an accepted one changes
the title every reader sees, and a worrying title raises the same safeguarding concern as the text would."""

from __future__ import annotations

import pytest
from markupsafe import escape

from storybank.api import services as token_services
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.common import review_for
from storybank.moderation.decisions import approve, request_changes
from storybank.moderation.errors import ModerationError
from storybank.moderation.preparation import needs_preparing, prepare_for_review, reanalyse_waiting
from storybank.moderation.safeguarding import concerns_for
from storybank.moderation.suggestions import add_manual_redaction, decide_suggestion, suggestions_for
from storybank.packs import services as pack_services
from storybank.packs.models import Pack, PackPurpose
from storybank.stories.models import StoryStatus
from storybank.text.analysis import analyse
from tests.moderation_steps import make_story, post

NAME = "Bernadette Okafor"
TITLE = f"Mornings with my carer {NAME}"
WORDS = ("Bernadette comes every morning and asks how I want my tea, and she waits for the answer. "
         "The marmalade is always on the tray.")


def _sent(author, title: str = TITLE, body: str = WORDS):
    story = make_story(author, body, title=title, scopes=("training", "public"))
    db.session.commit()
    prepare_for_review(story)
    return story


def _in_title(story):
    return [s for s in suggestions_for(story) if s.in_title]


def _decide_and_approve_through_the_pages(client, auth, moderator, story, title_decision: str) -> None:
    """The moderator decides the title's suggestions as asked and removes every name in the text."""
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    for suggestion in suggestions_for(story):
        decision = title_decision if suggestion.in_title else "accept"
        response = post(client, f"/moderation/suggestions/{suggestion.id}", {"decision": decision})
        assert response.status_code == 302, response.get_data(as_text=True)
    response = post(client, f"/moderation/stories/{story.id}/approve")
    assert response.status_code == 302, response.get_data(as_text=True)
    auth.sign_out()
    db.session.refresh(story)
    assert story.status == StoryStatus.APPROVED


def _everything_a_reader_sees(app, client, auth, trainer, story) -> dict[str, str]:
    """The trainer's story page, search results, a pack's preview and print page, the API, and the public pages."""
    pack = Pack(owner_id=trainer.id, title="Mornings", purpose=PackPurpose.TRAINING)
    db.session.add(pack)
    db.session.commit()
    pack_services.add_story(pack, trainer, story.reference)
    secret = token_services.create_token(trainer, "Learning system", trainer).secret
    auth.sign_in(trainer.username)
    pages = {url: client.get(url).get_data(as_text=True) for url in (
        f"/library/stories/{story.reference}", "/search?q=marmalade", f"/packs/{pack.id}/preview",
        f"/packs/{pack.id}/print", f"/packs/{pack.id}/stories?q=marmalade")}
    headers = {"Authorization": f"Bearer {secret}"}
    for url in (f"/api/v1/stories/{story.reference}", "/api/v1/stories?q=marmalade"):
        pages[url] = client.get(url, headers=headers).get_data(as_text=True)
    visitor = app.test_client()
    for url in ("/stories", f"/stories/read/{story.reference}"):
        pages[url] = visitor.get(url).get_data(as_text=True)
    return pages


def test_a_name_in_a_title_is_suggested_and_shown_in_the_title_on_the_review_screen(
        app, client, auth, contributor, moderator):
    story = _sent(contributor)
    [suggestion] = _in_title(story)
    assert (suggestion.label, suggestion.original_text) == ("PERSON", NAME)
    assert TITLE[suggestion.start:suggestion.end] == NAME
    assert suggestion.status.value == "pending"
    assert not any(s.original_text == NAME for s in suggestions_for(story) if not s.in_title)
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    title_part = page[page.index('id="story-title"'):page.index('id="story-text"')]
    marked = f'<mark class="suggestion suggestion-pending" title="{escape(suggestion.reason)}">{NAME}</mark>'
    assert marked in title_part
    item = page[page.index(f'id="suggestion-{suggestion.id}"'):]
    assert item.index("in the title") < item.index("</li>")


def test_nothing_in_a_title_is_taken_out_until_a_moderator_decides(app, contributor, moderator):
    story = _sent(contributor)
    claim(story, moderator)
    for suggestion in suggestions_for(story):
        if not suggestion.in_title:  # the text's suggestions are decided; the title's is left waiting
            decide_suggestion(suggestion, "accept", moderator)
    with pytest.raises(ModerationError, match="decide every suggestion"):
        approve(story, moderator)
    db.session.refresh(story)
    assert story.moderated_title is None and story.title == TITLE


def test_an_accepted_name_in_a_title_is_taken_out_of_every_page_readers_see(
        app, client, auth, contributor, moderator, trainer):
    story = _sent(contributor)
    _decide_and_approve_through_the_pages(client, auth, moderator, story, "accept")
    assert story.moderated_title == "Mornings with my carer [Person A]"
    assert story.moderated_body.startswith("[Person A] comes every morning"), "one person, one placeholder"
    assert story.title == TITLE, "the person who shared it still sees the title they wrote"
    pages = _everything_a_reader_sees(app, client, auth, trainer, story)
    for url, page in pages.items():
        assert "Okafor" not in page, url
    shown = {url for url, page in pages.items() if "Mornings with my carer [Person A]" in page}
    assert shown == set(pages), set(pages) - shown
    assert "Mornings with" not in client.get("/search?q=Okafor").get_data(as_text=True), \
        "the search index holds the moderated title, so the name finds nothing"


def test_a_rejected_suggestion_keeps_the_title_as_written(app, client, auth, contributor, moderator, trainer):
    story = _sent(contributor)
    _decide_and_approve_through_the_pages(client, auth, moderator, story, "reject")
    assert story.moderated_title == TITLE
    auth.sign_in(trainer.username)
    assert TITLE in client.get(f"/library/stories/{story.reference}").get_data(as_text=True)


def test_a_safeguarding_disclosure_in_a_title_flags_the_story(app, contributor):
    story = _sent(contributor, title="My son hits me", body="The carer comes at nine and makes my tea.")
    assert {c.category for c in concerns_for(story)} >= {"abuse"}
    assert all(c.sentence == "My son hits me" for c in concerns_for(story))
    assert review_for(story).urgent


def test_a_story_with_a_clean_title_is_prepared_as_before(app, client, auth, contributor, moderator):
    story = _sent(contributor, title="Tea the way I like it")
    assert _in_title(story) == []
    expected = analyse(WORDS).findings
    assert [(s.label, s.start, s.end) for s in suggestions_for(story) if s.kind.value == "redaction"] == [
        (f.label, f.start, f.end) for f in expected]
    auth.sign_in(moderator.username)
    post(client, f"/moderation/stories/{story.id}/claim")
    page = client.get(f"/moderation/stories/{story.id}").get_data(as_text=True)
    assert 'id="story-title"' not in page and "in the title" not in page
    auth.sign_out()
    _decide_and_approve_through_the_pages(client, auth, moderator, story, "accept")
    assert story.moderated_title == "Tea the way I like it"


def test_words_a_moderator_removes_by_hand_are_removed_from_the_title_too(app, contributor, moderator):
    story = _sent(contributor, title="Mornings at Larkfield Lodge",
                  body="The staff at Larkfield Lodge knock before they come in.")
    claim(story, moderator)
    added = add_manual_redaction(story, "Larkfield", moderator, "ORG", replacement="the home")
    assert sorted((s.part.value, s.original_text) for s in added) == [("body", "Larkfield"), ("title", "Larkfield")]


def test_a_changed_title_is_analysed_again(app, contributor, moderator):
    story = _sent(contributor, title="Tea the way I like it")
    claim(story, moderator)
    request_changes(story, moderator, "Could you say which ward it was?")
    story.title = TITLE
    story.status = StoryStatus.SUBMITTED
    db.session.commit()
    assert needs_preparing(story)
    prepare_for_review(story)
    assert [s.original_text for s in _in_title(story)] == [NAME]


def test_reanalysing_the_waiting_stories_analyses_their_titles_too(app, contributor):
    never_prepared = make_story(contributor, WORDS, title=TITLE)
    clean = make_story(contributor, "My son hits me when nobody is looking.", title="Tea the way I like it")
    db.session.commit()
    assert reanalyse_waiting(batch_size=1).reanalysed == 2
    assert [s.original_text for s in _in_title(never_prepared)] == [NAME]
    assert _in_title(clean) == [] and {c.sentence for c in concerns_for(clean)} == {
        "My son hits me when nobody is looking."}
