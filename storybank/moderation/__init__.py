"""Moderation: people read every story before anyone else sees it; the analysis only suggests."""
