"""The default taxonomy as data, and the theme cues the text analysis wants, built from it.

The words live in default_taxonomy.json, not in Python, so they can be read and reviewed as a list. The analysis
is a lower layer and never imports this module: tagging hands it the mapping (see ``storybank.tagging.init_app``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from storybank.text.analysis import ThemeCues

DATA_FILE = Path(__file__).with_name("default_taxonomy.json")
THEMES_GROUP = "themes"


@cache
def default_taxonomy_data() -> dict[str, Any]:
    """The groups and tags a fresh StoryBank starts with (read once; treat as read-only)."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def default_theme_taxonomy() -> dict[str, ThemeCues]:
    """slug -> strong and weak cues for every default theme: the mapping ``analyse(taxonomy=...)`` takes."""
    themes = next(g for g in default_taxonomy_data()["groups"] if g["slug"] == THEMES_GROUP)
    return {
        tag["slug"]: ThemeCues(strong=tuple(tag["cues"]["strong"]), weak=tuple(tag["cues"]["weak"]))
        for tag in themes["tags"]
    }
