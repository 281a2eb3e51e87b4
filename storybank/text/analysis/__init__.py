"""Text analysis for StoryBank: suggestions a moderator accepts or rejects, each with a reason."""

from .api import analyse, analyse_many
from .models import Analysis, Finding, SafeguardingSignal, ThemeSuggestion
from .pipeline import get_pipeline
from .redaction import redact
from .themes import DEFAULT_TAXONOMY

__all__ = [
    "DEFAULT_TAXONOMY",
    "Analysis",
    "Finding",
    "SafeguardingSignal",
    "ThemeSuggestion",
    "analyse",
    "analyse_many",
    "get_pipeline",
    "redact",
]
