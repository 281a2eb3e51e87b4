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
