"""The plain data the analysis hands back: small frozen dataclasses that serialise to JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    """Personal data, with char offsets into the original text and a reason a moderator can read."""

    label: str
    start: int
    end: int
    text: str
    confidence: float
    reason: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class SafeguardingSignal:
    """A sentence that looks like a disclosure of harm, so a moderator sees it at once."""

    category: str
    sentence_start: int
    sentence_end: int
    sentence_text: str
    reason: str


@dataclass(frozen=True)
class ThemeSuggestion:
    """A theme tag a story seems to be about, with the words that suggested it."""

    slug: str
    reason: str
    matched_text: str


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis suggests for one story; people decide what to accept."""

    findings: tuple[Finding, ...]
    safeguarding: tuple[SafeguardingSignal, ...]
    themes: tuple[ThemeSuggestion, ...]
    content_warnings: tuple[str, ...]

    @property
    def safeguarding_categories(self) -> list[str]:
        return sorted({s.category for s in self.safeguarding})

    def to_dict(self) -> dict:
        return {
            "findings": [
                {
                    "label": f.label,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "confidence": f.confidence,
                    "reason": f.reason,
                }
                for f in self.findings
            ],
            "safeguarding": [asdict(s) for s in self.safeguarding],
            "themes": [asdict(t) for t in self.themes],
            "content_warnings": list(self.content_warnings),
        }
