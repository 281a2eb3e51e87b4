"""Times are shown in the service's own time zone (STORYBANK_TIMEZONE, Europe/London by default), not in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from flask import render_template_string

from storybank.config import ConfigError, load_config

SUMMER_NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
WINTER_NOON_UTC = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def shown(app, template: str, value: datetime) -> str:
    with app.test_request_context("/"):
        return render_template_string(template, t=value)


def test_a_summer_time_is_shown_in_british_summer_time(app):
    assert shown(app, "{{ t | when }}", SUMMER_NOON_UTC) == "1 July 2026, 13:00"
    assert shown(app, "{{ t | clock }}", SUMMER_NOON_UTC) == "13:00"


def test_a_winter_time_is_shown_as_it_is(app):
    assert shown(app, "{{ t | when }}", WINTER_NOON_UTC) == "1 December 2026, 12:00"


def test_another_time_zone_can_be_chosen(app):
    app.config["STORYBANK_TIMEZONE"] = "Pacific/Auckland"
    try:
        assert shown(app, "{{ t | day }}", datetime(2026, 7, 1, 20, 0, tzinfo=UTC)) == "2 July 2026"
    finally:
        app.config["STORYBANK_TIMEZONE"] = "Europe/London"


def test_a_plain_date_is_shown_as_it_is(app):
    assert shown(app, "{{ t | day }}", date(2027, 3, 1)) == "1 March 2027"


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../etc/passwd", ""])
def test_an_unknown_time_zone_is_refused_with_a_clear_message(tmp_path: Path, monkeypatch, zone):
    monkeypatch.setenv("STORYBANK_TIMEZONE", zone)
    with pytest.raises(ConfigError, match="STORYBANK_TIMEZONE"):
        load_config(tmp_path)


def test_a_moderators_claim_shows_its_end_in_the_services_time_zone_on_the_queue_and_the_review_page(
        app, client, auth, moderator, contributor):
    """The reported "You, until 01:30 UTC": pages show the local clock and no "UTC". Auckland is 13 hours from
    UTC in December, so the local and the UTC clock cannot be mistaken for each other whatever the date."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from storybank.db_types import utcnow
    from storybank.extensions import db
    from storybank.moderation.claims import claim
    from tests.moderation_steps import make_story

    story = make_story(contributor, "The carer came at nine and we had tea.", title="Tea at nine")
    db.session.commit()
    review = claim(story, moderator)
    ends = utcnow().replace(second=0, microsecond=0) + timedelta(hours=1)
    review.claim_expires_at = ends
    db.session.commit()
    local = ends.astimezone(ZoneInfo("Pacific/Auckland")).strftime("%H:%M")
    assert local != ends.strftime("%H:%M")

    auth.sign_in(moderator.username)
    app.config["STORYBANK_TIMEZONE"] = "Pacific/Auckland"
    try:
        pages = [client.get(path).get_data(as_text=True)
                 for path in ("/moderation", f"/moderation/stories/{story.id}")]
    finally:
        app.config["STORYBANK_TIMEZONE"] = "Europe/London"
    for page in pages:
        assert f"You, until {local}" in page
        assert f"until {ends.strftime('%H:%M')}" not in page
        assert "UTC" not in page
