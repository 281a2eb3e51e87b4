"""The consent wording people agree to. Each change of wording gets a new version; records keep the version."""

from __future__ import annotations

from datetime import date

CURRENT_WORDING_VERSION = "2026-11"
REVIEW_AFTER_YEARS = 2


def default_review_date(start: date) -> date:
    """Two years on; 29 February becomes 28 February in a year that has none."""
    try:
        return start.replace(year=start.year + REVIEW_AFTER_YEARS)
    except ValueError:
        return start.replace(year=start.year + REVIEW_AFTER_YEARS, day=28)
