"""A trainer's search page and story page: only gated stories, only moderated words, content warnings first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storybank.consent import services as consent_services
from storybank.consent.models import Attribution, ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from tests.library_builders import approved, put_outside_the_gate


def page(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, response.get_data(as_text=True)


def test_a_trainer_searches_and_sees_the_matched_words_marked_in_the_moderated_text(client, contributor,
                                                                                    signed_in_trainer):
    approved(contributor, "Nobody helped me to the toilet for an hour.", title="The long wait", warning="Neglect")
    approved(contributor, "The carer made tea.", title="Tea")
    status, html = page(client, "/search?q=toilet")
    assert status == 200
    assert "1 story found" in html
    assert "The long wait" in html and "Tea</a>" not in html
    assert "<mark>toilet</mark>" in html
    assert "Content warning:</strong> Neglect" in html
    assert "ORIGINAL" not in html and "Bernadette" not in html


def test_an_empty_result_helps_the_trainer_try_again(client, contributor, signed_in_trainer):
    approved(contributor, "The carer made tea.", title="Tea")
    status, html = page(client, "/search?q=helicopter")
    assert status == 200
    assert "0 stories found" in html
    assert "Try fewer filters" in html
    assert "Clear the search and all filters" in html


def test_the_next_page_keeps_every_filter(client, contributor, signed_in_trainer):
    for number in range(23):
        approved(contributor, "Waiting in the care home.", title=f"Waiting {number}", context="Care home")
    status, html = page(client, "/search?q=waiting&care_setting=Care+home")
    assert "23 stories found" in html and "Page 1 of 2" in html
    assert "/search?q=waiting&amp;care_setting=Care+home&amp;page=2" in html
    status, html = page(client, "/search?q=waiting&care_setting=Care+home&page=2")
    assert status == 200 and html.count('class="result"') == 3


def test_a_date_in_the_wrong_order_is_explained_and_the_words_stay(client, contributor, signed_in_trainer):
    status, html = page(client, "/search?q=kind+words&approved_from=2026-05-01&approved_to=2026-01-01")
    assert status == 400
    assert "There is a problem" in html
    assert "needs to be the same as or after the first one" in html
    assert 'value="kind words"' in html


def test_a_date_that_is_not_a_date_is_explained(client, signed_in_trainer):
    status, html = page(client, "/search?approved_from=yesterday")
    assert status == 400 and "There is a problem" in html


def test_the_search_page_offers_only_regions_and_warnings_of_stories_the_trainer_may_see(client, contributor,
                                                                                        signed_in_trainer):
    approved(contributor, "Tea.", title="Seen", region="Wales", warning="Grief")
    approved(contributor, "Tea.", title="Public only", region="Hidden region", warning="Hidden warning",
             scopes=(Purpose.PUBLIC,))
    status, html = page(client, "/search")
    assert "Wales" in html and "Grief" in html
    assert "Hidden region" not in html and "Hidden warning" not in html


def test_the_story_page_shows_content_warnings_before_the_moderated_text(client, contributor, signed_in_trainer):
    story = approved(contributor, "She waited with me until the ambulance came.", title="Kindness",
                     warning="Hospital stay")
    status, html = page(client, f"/library/stories/{story.reference}")
    assert status == 200
    assert html.index("Before you read") < html.index("She waited with me")
    assert "ORIGINAL" not in html and "Bernadette" not in html
    assert "Shared anonymously" in html


def test_the_story_page_shows_the_name_exactly_as_the_person_chose(client, contributor, signed_in_trainer):
    story = approved(contributor, "Words.", title="Named")
    db.session.add(ConsentRecord(story_id=story.id, training=True, attribution=Attribution.CHOSEN_NAME,
                                 attribution_name="Nan Joan", review_date=(utcnow() + timedelta(days=300)).date(),
                                 wording_version=story.current_consent.wording_version))
    db.session.commit()
    status, html = page(client, f"/library/stories/{story.reference}")
    assert "Shared by Nan Joan" in html


@pytest.mark.parametrize("state", ["withdrawn", "public_only", "expired", "not_approved"])
def test_the_story_page_is_not_found_when_the_gate_says_no(client, contributor, signed_in_trainer, state):
    story = approved(contributor, "Words that must not show.", title="Hidden",
                     scopes=(Purpose.PUBLIC,) if state == "public_only" else (Purpose.TRAINING,))
    put_outside_the_gate(story, state, contributor)
    status, html = page(client, f"/library/stories/{story.reference}")
    assert status == 404
    assert "Words that must not show" not in html
    status, html = page(client, "/search?q=words")
    assert "Hidden" not in html and "0 stories found" in html


def test_withdrawing_removes_the_story_from_search_and_its_page_in_the_same_request(app, client, contributor,
                                                                                   signed_in_trainer):
    story = approved(contributor, "The night staff sang to me.", title="Singing")
    assert "Singing" in page(client, "/search?q=sang")[1]
    assert page(client, f"/library/stories/{story.reference}")[0] == 200
    consent_services.withdraw(story, contributor)
    assert "Singing" not in page(client, "/search?q=sang")[1]
    assert page(client, f"/library/stories/{story.reference}")[0] == 404


def test_partners_see_only_stories_shared_with_partners(client, contributor, signed_in_trainer):
    story = approved(contributor, "Words.", title="Partners", scopes=(Purpose.PARTNERS,))
    assert "Partners</a>" not in page(client, "/search")[1]
    assert "Partners</a>" in page(client, "/search?purpose=partners")[1]
    assert page(client, f"/library/stories/{story.reference}")[0] == 404
    assert page(client, f"/library/stories/{story.reference}?purpose=partners")[0] == 200
