"""Least exposure: after approval, no page a trainer (or anyone signed out) can reach shows a removed detail.

Walks every GET URL rule, filling each argument with the ids of the approved story and its moderation rows,
so a new page that shows stories is checked the day it is added.
"""

from __future__ import annotations

import pytest

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.decisions import approve
from storybank.moderation.models import SuggestionKind, SuggestionStatus
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.suggestions import add_label, add_manual_redaction, decide_suggestion, suggestions_for
from tests.moderation_steps import make_story
from tests.route_walk import every_page

BODY = ("My carer Bernadette Okafor comes every morning. Ring me on 07700 900123 if you need to.\n\n"
        "Bernadette always asks how I want my tea, and she waits for the answer. She is lovely.")
SCOPES = ("training", "partners", "public", "research", "quotes")


def _approved_story_with_redactions(contributor, moderator):
    story = make_story(contributor, BODY, title="Tea the way I like it", scopes=SCOPES)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    add_label(story, SuggestionKind.THEME, "dignity", moderator)
    add_manual_redaction(story, "Okafor", moderator, "PERSON")
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            decision = "accept" if suggestion.kind == SuggestionKind.REDACTION else "reject"
            decide_suggestion(suggestion, decision, moderator)
    approve(story, moderator)
    db.session.refresh(story)
    removed = {s.original_text for s in suggestions_for(story, SuggestionKind.REDACTION)
               if s.status == SuggestionStatus.ACCEPTED}
    assert {"07700 900123", "Okafor"} <= removed
    assert all(original not in story.moderated_body for original in removed)
    return story, removed


def _pages(app, client, ids):
    yield from every_page(app, client, ids)


def _ids(story) -> dict:
    return {"story_id": story.id, "suggestion_id": suggestions_for(story)[0].id, "concern_id": 1,
           "appeal_id": 1, "key": "names_staff", "filename": "css/storybank.css", "reference": story.reference}


@pytest.mark.parametrize("identity", ["trainer", "anonymous"])
def test_no_page_reachable_by_a_trainer_or_the_public_shows_a_redacted_original(
        app, client, auth, contributor, moderator, make_user, identity):
    story, removed = _approved_story_with_redactions(contributor, moderator)
    ids = _ids(story)
    if identity == "trainer":
        trainer = make_user(Role.TRAINER, username="tariq")
        auth.sign_in(trainer.username)
        ids["user_id"] = trainer.id
    walked = 0
    for url, page in _pages(app, client, ids):
        for original in removed:
            assert original not in page, f"{original!r} shown to a {identity} at {url}"
        walked += 1
    assert walked > 20


def test_the_walk_would_notice_a_leak_because_moderators_do_see_the_original(
        app, client, auth, contributor, moderator, make_user):
    story, removed = _approved_story_with_redactions(contributor, moderator)
    auth.sign_in(make_user(Role.MODERATOR, username="second-moderator").username)
    seen = [url for url, page in _pages(app, client, _ids(story)) if "07700 900123" in page]
    assert f"/moderation/stories/{story.id}" in seen


def test_the_trainer_walk_reaches_a_page_that_shows_the_approved_story(
        app, client, auth, contributor, moderator, make_user):
    """So the trainer walk above is not vacuous: it does read the moderated text on the trainer's story page."""
    story, _removed = _approved_story_with_redactions(contributor, moderator)
    auth.sign_in(make_user(Role.TRAINER, username="tariq").username)
    seen = [url for url, page in _pages(app, client, _ids(story)) if "how I want my tea" in page]
    assert f"/library/stories/{story.reference}" in seen
