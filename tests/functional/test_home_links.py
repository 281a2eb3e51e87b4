"""People find their way: the story-key pages from every signed-out page, and "Share your story" once signed in."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/sign-in", "/stories", "/privacy"])
def test_every_signed_out_page_links_to_the_story_key_pages_from_its_footer(client, path):
    footer = client.get(path).get_data(as_text=True).split("<footer", 1)[1]
    assert 'href="/my-story"' in footer


@pytest.mark.parametrize("path", ["/", "/sign-in"])
def test_the_home_and_sign_in_pages_link_to_the_story_key_pages_in_their_own_words(client, path):
    """Not only the footer: the home page promises "even without signing in", and the sign-in page is where a
    person without an account (or who would rather not sign in) looks."""
    main = client.get(path).get_data(as_text=True).split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="/my-story"' in main


def test_the_home_page_keeps_its_share_button_after_signing_in(client, auth, contributor):
    auth.sign_in(contributor.username)
    page = client.get("/").get_data(as_text=True)
    assert ">Share your story</a>" in page
    assert ">Find stories</a>" not in page.split("<main", 1)[1]


def test_the_home_page_points_trainers_to_finding_stories(client, auth, trainer):
    auth.sign_in(trainer.username)
    main = client.get("/").get_data(as_text=True).split("<main", 1)[1]
    assert ">Find stories</a>" in main and ">Share your story</a>" not in main


def test_the_write_page_gives_the_help_numbers_once(client, auth, contributor):
    auth.sign_in(contributor.username)
    page = client.get("/stories/write").get_data(as_text=True)
    assert page.count("116 123") == 1 and page.count("call 999") == 1


def test_the_change_page_gives_the_help_numbers_once(client, auth, contributor):
    from storybank.extensions import db
    from storybank.stories.models import StoryStatus
    from tests.story_steps import write_and_send

    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="The carer sang to me.")
    sent.story.status = StoryStatus.CHANGES_REQUESTED
    db.session.commit()
    response = client.get(f"/my-stories/{sent.story.id}/change")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("116 123") == 1 and page.count("call 999") == 1


@pytest.mark.parametrize("days", [14, 1, 0])
def test_the_withdrawal_pages_say_when_the_words_are_deleted_from_the_setting(app, client, auth, contributor,
                                                                              days):
    """Signed in and with the story key: the number of days comes from STORYBANK_WITHDRAWN_RETENTION_DAYS."""
    from tests.story_steps import look_up, write_and_send

    said = {14: "We delete the story text itself 14 days after you withdraw it.",
            1: "We delete the story text itself 1 day after you withdraw it.",
            0: "We delete the story text itself straight away."}[days]
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="The carer sang to me.")
    before, app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"] = app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"], days
    try:
        signed_in = client.get(f"/my-stories/{sent.story.id}/withdraw").get_data(as_text=True)
        auth.sign_out()
        look_up(client, auth, sent.reference, sent.key)
        with_key = client.get("/my-story/withdraw").get_data(as_text=True)
    finally:
        app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"] = before
    for page in (signed_in, with_key):
        assert said in page
        assert "after a while" not in page


def test_a_no_in_the_consent_summary_reads_as_a_no(client, auth, contributor):
    from tests.story_steps import write_and_send

    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="The carer sang to me.", scopes=("training",))
    page = client.get(f"/my-stories/{sent.story.id}").get_data(as_text=True)
    assert "No – we will not use your story this way" in page
    assert "No <span class=\"muted\">– Shown on our public stories page" not in page
