"""Before sending, the writer is shown, kindly, any words that could show who someone is. Nothing is stored."""

from __future__ import annotations

import re

from storybank.extensions import db
from storybank.moderation.models import Suggestion
from tests.story_steps import send, write_draft

PANEL = "we noticed some details that could show who someone is"


def _send_page(client, story_id: int):
    response = client.get(f"/stories/{story_id}/send")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _panel(page: str) -> str:
    match = re.search(r'<section class="notice personal-details".*?</section>', page, re.S)
    assert match, "no personal details panel on the send page"
    return match.group(0)


def test_a_carers_name_and_a_phone_number_are_highlighted_with_reasons_on_the_send_page(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, body="My carer Bernadette rang me on 07700 900123.\n\nI was so glad.")

    panel = _panel(_send_page(client, story_id))

    assert PANEL in panel
    assert re.search(r'<mark class="personal-detail">.*?Bernadette</mark><a class="mark-ref" '
                     r'href="#personal-detail-1">', panel)
    assert re.search(r'<mark class="personal-detail">.*?07700 900123</mark><a class="mark-ref" '
                     r'href="#personal-detail-2">', panel)
    assert "possible personal detail" in panel
    assert "this looks like a name after &#39;carer&#39;." in panel
    assert "this looks like a UK mobile number." in panel
    assert panel.count("A moderator will take this out before anyone else reads it") == 2
    assert f'href="/stories/write?story={story_id}">Change my story</a>' in panel
    assert db.session.scalar(db.select(db.func.count()).select_from(Suggestion)) == 0


def test_the_highlights_are_shown_again_when_the_consent_form_comes_back_with_errors(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, body="You can ring me on 07700 900123 any time.")

    response = send(client, auth, story_id, agree="")

    assert response.status_code == 400
    assert "07700 900123</mark>" in _panel(response.get_data(as_text=True))


def test_a_story_with_no_personal_details_shows_no_panel(client, auth, contributor):
    auth.sign_in(contributor.username)
    story_id = write_draft(client, auth, body="The garden was full of birds this morning, and the tea was hot.")

    page = _send_page(client, story_id)

    assert PANEL not in page
    assert "<mark" not in page
    assert "How can your story be used?" in page


def test_hostile_text_in_the_story_stays_escaped_inside_the_highlighted_view(client, auth, contributor):
    auth.sign_in(contributor.username)
    body = ("<script>alert('boo')</script> My carer Bernadette rang me on 07700 900123.\n"
            '"><img src=x onerror=alert(1)> and <b onmouseover=alert(1)>more</b>')
    story_id = write_draft(client, auth, body=body)

    panel = _panel(_send_page(client, story_id))

    assert "07700 900123</mark>" in panel
    assert "&lt;script&gt;alert(&#39;boo&#39;)&lt;/script&gt;" in panel
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in panel
    assert "&lt;b onmouseover=alert(1)&gt;" in panel
    for raw in ("<script>alert", "<img src=x", "<b onmouseover"):
        assert raw not in panel
