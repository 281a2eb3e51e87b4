"""Pages every footer links to (privacy, accessibility, contact), the favicon, and the organisation's name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("path", "heading"), [("/privacy", "Privacy notice"),
                                               ("/accessibility", "Accessibility statement"),
                                               ("/contact", "Contact us")])
def test_every_page_footer_links_to_the_privacy_accessibility_and_contact_pages(client, path, heading):
    home = client.get("/").get_data(as_text=True)
    footer = home.split('<footer', 1)[1]
    assert f'href="{path}"' in footer
    page = client.get(path)
    assert page.status_code == 200
    assert f"<h1>{heading}</h1>" in page.get_data(as_text=True)


def test_the_contact_page_names_the_organisation_and_its_email_from_the_settings(app, client):
    app.config.update(STORYBANK_ORGANISATION_NAME="Northfield Care Trust",
                      STORYBANK_CONTACT_EMAIL="stories@northfield.example")
    try:
        page = client.get("/contact").get_data(as_text=True)
    finally:
        app.config.update(STORYBANK_ORGANISATION_NAME="StoryBank", STORYBANK_CONTACT_EMAIL="storybank@example.org")
    assert "StoryBank is run by Northfield Care Trust" in page
    assert 'href="mailto:stories@northfield.example"' in page


def test_the_favicon_is_served_and_linked_from_every_page(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.mimetype == "image/vnd.microsoft.icon"
    assert icon.data[:4] == b"\x00\x00\x01\x00"
    icon.close()
    assert 'rel="icon" href="/favicon.ico"' in client.get("/").get_data(as_text=True)


def test_the_organisation_and_contact_settings_have_defaults_and_come_from_the_environment(tmp_path):
    from storybank.config import load_config

    defaults = load_config(tmp_path, env={})
    assert defaults["STORYBANK_ORGANISATION_NAME"] == "StoryBank"
    assert defaults["STORYBANK_CONTACT_EMAIL"] == "storybank@example.org"
    named = load_config(tmp_path, env={"STORYBANK_ORGANISATION_NAME": "Northfield Care Trust",
                                       "STORYBANK_CONTACT_EMAIL": "stories@northfield.example"})
    assert named["STORYBANK_ORGANISATION_NAME"] == "Northfield Care Trust"
    assert named["STORYBANK_CONTACT_EMAIL"] == "stories@northfield.example"
