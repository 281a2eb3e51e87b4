"""Tagging: the taxonomy admins edit (groups and tags) and the tags on each story."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Hand the analysis its default theme cues, so every caller of ``analyse`` that passes no taxonomy (the
    moderation preparation, the draft hints) still gets the themes, without the analysis importing tagging."""
    from storybank.tagging.cues import default_theme_taxonomy
    from storybank.text.analysis import use_default_taxonomy

    use_default_taxonomy(default_theme_taxonomy())
