"""A withdrawn story disappears from every page at once: walked as every role, moderators included, through every
GET page and every page a moderator's action leads to. The one thing kept is the safeguarding record: the flagged
sentence on its concern's page."""

from __future__ import annotations

import pytest
from markupsafe import escape
from sqlalchemy import select, update

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent.models import Purpose
from storybank.consent.services import withdraw
from storybank.extensions import db
from storybank.moderation.appeals import open_appeal, open_appeal_for
from storybank.moderation.claims import claim
from storybank.moderation.clarity import pending_clarity_edit, propose_clarity_edit
from storybank.moderation.common import review_for
from storybank.moderation.decisions import approve as approve_as_moderator
from storybank.moderation.decisions import decline
from storybank.moderation.errors import ModerationError
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.safeguarding import concerns_for
from storybank.moderation.suggestions import decide_suggestion, suggestions_for
from storybank.stories.models import Story, StoryStatus
from tests.moderation_steps import make_story
from tests.route_walk import every_page, every_page_a_post_leads_to
from tests.story_steps import approve, write_and_send

TITLE = "The porter who sang in the lift"
SHOWN = "The porter sang to me in the lift every Tuesday [Person A] said it was for luck"


@pytest.mark.parametrize("identity", ["anonymous", Role.TRAINER, Role.ADMIN, Role.SUPPORTER, Role.CONTRIBUTOR])
def test_a_withdrawn_story_is_on_no_page_for_anyone_else(app, client, auth, contributor, make_user, identity):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, title=TITLE, scopes=tuple(Purpose),
                          body="The porter sang to me in the lift every Tuesday. Gwen said it was for luck.")
    approve(sent.story, moderated_body=SHOWN)
    auth.sign_out()
    withdraw(sent.story, contributor)
    if identity != "anonymous":
        viewer = make_user(identity, username=f"viewer-{identity.value}")
        auth.sign_in(viewer.username)
    ids = {"story_id": sent.story.id, "user_id": contributor.id, "reference": sent.story.reference}
    for url, page in every_page(app, client, ids):
        assert TITLE not in page, url
        assert "sang to me in the lift" not in page, url


def test_the_walk_can_see_a_story_where_one_is_shown(app, client, auth, contributor):
    """The check above could fail: the author's own page shows the same words before and after withdrawal."""
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, title=TITLE, body="The porter sang to me in the lift every Tuesday.")
    pages = dict(every_page(app, client, {"story_id": sent.story.id}))
    assert any(TITLE in page for page in pages.values())


WORDS = "The night porter sang to me in the lift every Tuesday, and it made the ward feel like home."


def _declined_with_an_appeal(contributor, first):
    story = make_story(contributor, WORDS, title=TITLE)
    db.session.commit()
    prepare_for_review(story)
    claim(story, first)
    decline(story, first, "not_about_care")
    return story, open_appeal(story, contributor, "It is about care on the ward, please look again.")


def test_withdrawing_a_story_with_an_open_appeal_hides_it_from_moderators_and_ends_the_appeal(
        app, client, auth, contributor, make_user):
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story, appeal = _declined_with_an_appeal(contributor, first)
    appeal_id = appeal.id
    withdraw(story, contributor)

    auth.sign_in(second.username)
    listed = client.get("/moderation/appeals").get_data(as_text=True)
    assert TITLE not in listed and "Nobody is waiting for a second look." in listed
    opened = client.get(f"/moderation/appeals/{appeal_id}")
    assert opened.status_code == 404 and "sang to me in the lift" not in opened.get_data(as_text=True)
    assert open_appeal_for(story) is None
    ended = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.ended_by_withdrawal"))
    assert ended.object_id == str(story.id) and ended.before["open_appeals"] == 1
    assert ended.after == {"claimed_by": None, "open_appeals": 0, "clarity_questions": 0}
    assert "sang" not in repr((ended.before, ended.after, ended.detail))


def test_withdrawing_ends_the_live_claim_and_the_clarity_question_waiting_on_the_story(app, contributor, moderator):
    story = make_story(contributor, WORDS, title=TITLE)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    for suggestion in suggestions_for(story):
        decide_suggestion(suggestion, "reject", moderator)
    propose_clarity_edit(story, moderator, WORDS.replace("every Tuesday", "each Tuesday"))
    withdraw(story, contributor)

    assert review_for(story).claimed_by_id is None and review_for(story).claim_expires_at is None
    assert pending_clarity_edit(story) is None
    ended = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.ended_by_withdrawal"))
    assert ended.before == {"claimed_by": moderator.username, "open_appeals": 0, "clarity_questions": 1}
    with pytest.raises(ModerationError):
        approve_as_moderator(story, moderator)


WALK_BODY = ("The night porter sang to me in the lift every Tuesday and it made the ward feel like home. "
             "My son's girlfriend has taken my bank card and she shouts at me every day. "
             "I am frightened to be alone in the house with her.")
UNFLAGGED = "The night porter sang to me in the lift"


def _moderated_story_with_every_kind_of_row(contributor, first):
    """A story with a safeguarding concern, a decline and an open appeal: every moderator page has it to show."""
    story = make_story(contributor, WALK_BODY, title=TITLE)
    db.session.commit()
    prepare_for_review(story)
    concern = concerns_for(story)[0]
    assert UNFLAGGED not in concern.sentence, "the walk needs words that are not part of the flagged sentence"
    claim(story, first)
    decline(story, first, "not_about_care")
    appeal = open_appeal(story, contributor, "Please look again.")
    return story, {"story_id": story.id, "appeal_id": appeal.id, "concern_id": concern.id,
                   "suggestion_id": suggestions_for(story)[0].id, "key": "names_staff",
                   "filename": "css/storybank.css"}, concern.sentences


def _as_moderator(app, client, auth, ids, *, posts: bool):
    pages = list(every_page(app, client, ids))
    if posts:
        pages += list(every_page_a_post_leads_to(app, client, ids, auth.csrf_token("/moderation"),
                                                 blueprint="moderation"))
    return pages


def test_moderators_see_the_story_on_their_pages_before_it_is_withdrawn(
        app, client, auth, contributor, make_user):
    """The walks below could fail: before withdrawal the same pages and actions show the title and the words."""
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story, ids, _ = _moderated_story_with_every_kind_of_row(contributor, first)
    auth.sign_in(second.username)
    pages = dict(_as_moderator(app, client, auth, {**ids, "user_id": second.id}, posts=False))
    assert TITLE in pages["/moderation/appeals"]
    assert TITLE in pages[f"/moderation/appeals/{ids['appeal_id']}"]
    assert UNFLAGGED in pages[f"/moderation/appeals/{ids['appeal_id']}"]
    assert UNFLAGGED in pages[f"/moderation/stories/{story.id}"]
    assert TITLE in pages[f"/moderation/concerns/{ids['concern_id']}"]
    after_actions = [page for url, page in every_page_a_post_leads_to(
        app, client, ids, auth.csrf_token("/moderation"), blueprint="moderation")]
    assert any(TITLE in page for page in after_actions)


@pytest.mark.parametrize("how", ["withdrawn by its author", "rows left behind"])
def test_after_withdrawal_a_moderator_finds_no_word_of_the_story_but_the_flagged_sentence_on_its_concern(
        app, client, auth, contributor, make_user, how):
    """Every GET page and every page a moderator's action on the story leads to. "Rows left behind" marks the
    story withdrawn without ending its appeal, so each moderator page must hide it by itself
    (storybank/moderation/visible.py), not only because the appeal was ended."""
    first, second = make_user(Role.MODERATOR, username="first"), make_user(Role.MODERATOR, username="second")
    story, ids, sentences = _moderated_story_with_every_kind_of_row(contributor, first)
    if how == "withdrawn by its author":
        withdraw(story, contributor)
    else:
        db.session.execute(update(Story).where(Story.id == story.id).values(status=StoryStatus.WITHDRAWN))
        db.session.commit()
    auth.sign_in(second.username)
    concern_page = f"/moderation/concerns/{ids['concern_id']}"
    walked = 0
    for url, page in _as_moderator(app, client, auth, {**ids, "user_id": second.id}, posts=True):
        assert TITLE not in page, url
        assert UNFLAGGED not in page, url
        if not url.endswith(concern_page):
            assert not any(str(escape(sentence)) in page for sentence in sentences), url
        walked += 1
    assert walked > 40
    kept = client.get(concern_page).get_data(as_text=True)
    assert all(str(escape(sentence)) in kept for sentence in sentences)
    assert "taken back by the person who shared it" in kept
