"""Fictional demo stories for `flask seed-demo`, kept as data in demo_stories.yaml (why they exist and what each
field means is written at the top of that file). Checked when loaded: every story has the same keys."""

from __future__ import annotations

from pathlib import Path

import yaml

DEMO_FILE = Path(__file__).with_name("demo_stories.yaml")
DEMO_KEYS = (
    "key", "title", "body", "care_setting", "region", "about_whom", "when_happened", "author", "contributor_name",
    "consent_method", "status", "scopes", "attribution", "attribution_name", "moderated_body", "decline_reason",
    "changes_message", "safeguarding", "days_ago",
)  # fmt: skip


def load_demo_stories(path: Path = DEMO_FILE) -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    stories = yaml.load(path.read_text(encoding="utf8"), Loader=loader)["stories"]  # noqa: S506 - a safe loader
    for number, story in enumerate(stories, start=1):
        if list(story) != list(DEMO_KEYS):
            raise ValueError(f"{path.name}: story {number} ({story.get('key')!r}) needs exactly these keys, in "
                             f"this order: {', '.join(DEMO_KEYS)}")  # fmt: skip
    return stories


DEMO_STORIES: list[dict] = load_demo_stories()
