"""A withdrawn story disappears from every page at once: walked as every role but its author's moderators."""

from __future__ import annotations

import pytest

from storybank.accounts.roles import Role
from storybank.consent.models import Purpose
from storybank.consent.services import withdraw
from tests.route_walk import every_page
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
