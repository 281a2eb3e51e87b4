"""People find their way: the story-key pages from every signed-out page, and "Share your story" once signed in."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/sign-in", "/stories"])
def test_signed_out_pages_link_to_the_story_key_pages(client, path):
    page = client.get(path).get_data(as_text=True)
    assert 'href="/my-story"' in page


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
    assert client.get("/stories/write").get_data(as_text=True).count("116 123") == 1


def test_the_withdrawal_page_says_when_the_words_are_deleted(app, client, auth, contributor):
    from tests.story_steps import write_and_send

    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="The carer sang to me.")
    days = app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"]
    page = client.get(f"/my-stories/{sent.story.id}/withdraw").get_data(as_text=True)
    assert f"We delete the story text itself {days} days after you withdraw it." in page
    assert "after a while" not in page


def test_a_no_in_the_consent_summary_reads_as_a_no(client, auth, contributor):
    from tests.story_steps import write_and_send

    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="The carer sang to me.", scopes=("training",))
    page = client.get(f"/my-stories/{sent.story.id}").get_data(as_text=True)
    assert "No – we will not use your story this way" in page
    assert "No <span class=\"muted\">– Shown on our public stories page" not in page
