"""Text analysis for StoryBank: suggestions a moderator accepts or rejects, each with a reason."""

from .api import analyse, analyse_many
from .models import Analysis, Finding, SafeguardingSignal, ThemeSuggestion
from .pipeline import get_pipeline
from .redaction import redact, redact_parts
from .themes import ThemeCues, default_taxonomy, use_default_taxonomy

__all__ = [
    "Analysis",
    "Finding",
    "SafeguardingSignal",
    "ThemeCues",
    "ThemeSuggestion",
    "analyse",
    "analyse_many",
    "default_taxonomy",
    "get_pipeline",
    "redact",
    "redact_parts",
    "use_default_taxonomy",
]
