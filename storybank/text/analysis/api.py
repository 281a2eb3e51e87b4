"""The functions the app calls: analyse one story, or many at once for re-analysis."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .content_warnings import content_warnings
from .models import Analysis
from .pipeline import get_pipeline
from .recase import as_written, read_as_written
from .themes import Taxonomy, freeze_taxonomy, suggest_themes, theme_matcher


def _theme_matcher(taxonomy: Taxonomy | None, model: str | None) -> PhraseMatcher:
    return theme_matcher(get_pipeline(model), freeze_taxonomy(taxonomy))


def _analysis_from_doc(doc: Doc, matcher: PhraseMatcher) -> Analysis:
    signals = tuple(doc.user_data.get("sb_safeguarding") or ())
    return Analysis(
        findings=tuple(doc.user_data.get("sb_findings") or ()),
        safeguarding=signals,
        themes=tuple(suggest_themes(doc, matcher)),
        content_warnings=tuple(content_warnings(doc, signals)),
    )


def analyse(
    text: str, taxonomy: Taxonomy | None = None, model: str | None = None
) -> Analysis:
    """Suggest personal data to redact, safeguarding signals, themes and content warnings for one story.

    Themes come from ``taxonomy`` or, when it is None, from the default the tagging domain set at start-up."""
    read = read_as_written(text)
    analysis = _analysis_from_doc(get_pipeline(model)(read), _theme_matcher(taxonomy, model))
    return analysis if read is text else as_written(analysis, text)


def analyse_many(
    texts: Iterable[str],
    batch_size: int = 64,
    taxonomy: Taxonomy | None = None,
    model: str | None = None,
) -> Iterator[Analysis]:
    """Analyse stories in batches with nlp.pipe (for re-analysing everything after the rules change)."""
    nlp = get_pipeline(model)
    matcher = _theme_matcher(taxonomy, model)  # once per call, not once per story
    recased: deque[str | None] = deque()  # per story in order: the text as written when it was re-cased

    def read(stories: Iterable[str]) -> Iterator[str]:
        for text in stories:
            read_text = read_as_written(text)
            recased.append(None if read_text is text else text)
            yield read_text

    for doc in nlp.pipe(read(texts), batch_size=batch_size):
        written = recased.popleft()
        analysis = _analysis_from_doc(doc, matcher)
        yield analysis if written is None else as_written(analysis, written)
