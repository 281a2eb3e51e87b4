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
