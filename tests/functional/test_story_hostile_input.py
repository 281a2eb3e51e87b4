"""Hostile or unusual story text is stored as typed (without invisible control characters) and shown inert."""

from __future__ import annotations

import pytest

from storybank.extensions import db
from storybank.stories.models import Story
from tests.story_steps import write_and_send

HOSTILE = [
    ("<script>alert('boo')</script>", "&lt;script&gt;alert(&#39;boo&#39;)&lt;/script&gt;", "<script>alert"),
    ('"><img src=x onerror=alert(1)>', "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;", "<img src=x"),
    ('<a href="javascript:alert(1)">click me</a>', "&lt;a href=&#34;javascript:alert(1)&#34;&gt;",
     '<a href="javascript'),
    ("<b onmouseover=alert(1)>bold</b>", "&lt;b onmouseover=alert(1)&gt;", "<b onmouseover"),
    ("\u202eevil\u202c and שלום עולם", "\u202eevil\u202c and שלום עולם", None),
    ("emoji 🌻👵🏽 and Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "emoji 🌻👵🏽", None),
]


@pytest.mark.parametrize(("typed", "shown", "never"), HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_stored_as_typed_and_shown_escaped(client, auth, contributor, typed, shown, never):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, title=typed[:200], body=f"Before\n{typed}\n\nAfter")
    story = db.session.get(Story, sent.story.id)
    assert story.title == typed[:200].strip()
    assert story.body == f"Before\n{typed}\n\nAfter"
    for path in (f"/my-stories/{story.id}", "/my-stories", f"/stories/{story.id}/sent"):
        page = client.get(path).get_data(as_text=True)
        assert shown in page, path
        if never:
            assert never not in page, path


def test_control_characters_are_dropped_and_line_breaks_kept(client, auth, contributor):
    auth.sign_in(contributor.username)
    sent = write_and_send(client, auth, body="null\x00byte, bell\x07 and\x1b escape\r\nnext line")
    story = db.session.get(Story, sent.story.id)
    assert story.body == "nullbyte, bell and escape\r\nnext line"
    page = client.get(f"/my-stories/{story.id}").get_data(as_text=True)
    assert "nullbyte, bell and escape<br>\nnext line" in page


def test_a_hundred_thousand_characters_get_a_limit_message_and_are_kept(client, auth, contributor):
    auth.sign_in(contributor.username)
    huge = "x" * 100_000
    response = client.post("/stories/write", data={"title": "Huge", "body": huge, "action": "continue",
                                                   "csrf_token": auth.csrf_token("/stories/write")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your story can be up to 20,000 characters. It is 100,000 now" in page
    assert "Nothing you typed has been lost." in page
    assert huge in page
    assert db.session.scalar(db.select(Story)).body == huge
