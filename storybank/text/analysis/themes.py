"""Theme suggestions from a taxonomy handed in by a higher layer, matched on lemmas so "waited" and "waiting" count.

The taxonomy is not ours: the tagging domain owns it (storybank/tagging/default_taxonomy.json and the tags admins
edit) and passes it in, either to ``analyse(taxonomy=...)`` or once at start-up through ``use_default_taxonomy``,
so this lower layer never imports tagging. A theme may come as ``ThemeCues``: strong cues, which on their own make
the theme likely ("humiliated", "waiting list"), and weak cues, which only count together ("weeks", "lovely"). A
theme is suggested when its cues score at least 2 (a strong cue scores 2, each different weak cue 1); the best
three are kept. A theme given as a plain list of words has only strong cues.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .models import ThemeSuggestion
from .tokens import doc_text


class ThemeCues(NamedTuple):
    """The words that suggest one theme: strong cues count on their own, weak cues only together."""

    strong: tuple[str, ...]
    weak: tuple[str, ...] = ()


Taxonomy = Mapping[str, "Sequence[str] | ThemeCues"]

MIN_SCORE = 2  # one strong cue, or two different weak cues
STRONG_SCORE = 2
MAX_THEMES = 3
ALWAYS_SHOWN = 2
STRONG_SUFFIX = "|strong"

# (slug, weak cues, strong cues), sorted, so a taxonomy can key a cache.
FrozenTaxonomy = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


_default_taxonomy: dict[str, ThemeCues] = {}


def use_default_taxonomy(taxonomy: Taxonomy) -> None:
    """The taxonomy used when a caller passes none. Set once at start-up by the tagging domain (create_app), so
    every caller of ``analyse`` suggests the same themes without this layer knowing where they come from."""
    global _default_taxonomy
    _default_taxonomy = {slug: _as_cues(words) for slug, words in taxonomy.items()}


def default_taxonomy() -> dict[str, ThemeCues]:
    """The taxonomy used when none is passed: empty (no themes) until the tagging domain sets one."""
    return dict(_default_taxonomy)


def _as_cues(words: Sequence[str] | ThemeCues) -> ThemeCues:
    if isinstance(words, ThemeCues):
        return words
    return ThemeCues(strong=tuple(words))


# The last taxonomy frozen (a copy) and its frozen form: most calls pass the same taxonomy, and comparing it with
# the copy costs far less than freezing it again (which cost more than analysing a short story).
_last_frozen: dict[str, tuple[dict, FrozenTaxonomy]] = {}


def freeze_taxonomy(taxonomy: Taxonomy | None) -> FrozenTaxonomy:
    """A hashable copy of a taxonomy, so its matcher can be cached. A plain list of words is all strong cues; a
    word that is both a strong and a weak cue counts as strong."""
    source = _default_taxonomy if taxonomy is None else taxonomy
    last = _last_frozen.get("last")
    if last is not None and last[0] == source and all(type(last[0][k]) is type(v) for k, v in source.items()):
        return last[1]
    frozen = _freeze(source)
    # Lists are copied, so a caller changing its list afterwards never matches the old copy.
    copy = {slug: list(words) if isinstance(words, list) else words for slug, words in source.items()}
    _last_frozen["last"] = (copy, frozen)
    return frozen


def _freeze(source: Taxonomy) -> FrozenTaxonomy:
    frozen = []
    for slug, words in source.items():
        cues = _as_cues(words)
        strong = set(cues.strong)
        frozen.append((slug, tuple(sorted(set(cues.weak) - strong)), tuple(sorted(strong))))
    return tuple(sorted(frozen))


def lemma_doc(nlp: Language, text: str) -> Doc:
    """Tokenise and lemmatise only: enough to turn a synonym into a lemma pattern."""
    doc = nlp.make_doc(text)
    if "sentences_and_lemmas" in nlp.pipe_names:
        doc = nlp.get_pipe("sentences_and_lemmas")(doc)
    return doc


_LABELS: dict[int, tuple[str, bool]] = {}


def _label(doc: Doc, match_id: int) -> tuple[str, bool]:
    """(slug, is a strong cue) for a matcher label id: "<slug>|strong" or "<slug>|<n>" for the n-th weak cue."""
    found = _LABELS.get(match_id)
    if found is None:
        slug, _, kind = doc.vocab.strings[match_id].rpartition("|")
        found = _LABELS[match_id] = (slug, kind == STRONG_SUFFIX[1:])
    return found


@lru_cache(maxsize=32)
def theme_matcher(nlp: Language, frozen: FrozenTaxonomy) -> PhraseMatcher:
    """Strong cues under "<slug>|strong"; each weak cue under its own "<slug>|<n>", so a match tells which cue it
    was. Weak cues with the same lemmas as a strong cue or an earlier weak cue are dropped."""
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for slug, weak, strong in frozen:
        strong_docs = [lemma_doc(nlp, w) for w in strong]
        seen = {tuple(t.lemma for t in d) for d in strong_docs}
        if strong_docs:
            matcher.add(slug + STRONG_SUFFIX, strong_docs)
        for n, doc in enumerate(lemma_doc(nlp, w) for w in weak):
            lemmas = tuple(t.lemma for t in doc)
            if lemmas not in seen:
                seen.add(lemmas)
                matcher.add(f"{slug}|{n}", [doc])
    return matcher


def suggest_themes(doc: Doc, matcher: PhraseMatcher, limit: int = MAX_THEMES) -> list[ThemeSuggestion]:
    """The themes whose cues score at least MIN_SCORE (the best ALWAYS_SHOWN on any cue), best first."""
    matches = matcher(doc)
    if not matches:
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    weak: list[tuple[str, int, int, int]] = []
    scores: dict[str, int] = {}
    labels = _LABELS
    for match_id, start, end in matches:
        slug, strong = labels[match_id] if match_id in labels else _label(doc, match_id)
        if strong:
            spans.setdefault(slug, []).append((start, end))
            scores[slug] = min(scores.get(slug, 0) + STRONG_SCORE, 2 * STRONG_SCORE)
        else:
            weak.append((slug, match_id, start, end))
    if weak:
        cues: dict[str, set[int]] = {}
        strong_spans = {slug: tuple(found) for slug, found in spans.items()}
        for slug, match_id, start, end in weak:
            if any(a <= start and end <= b for a, b in strong_spans.get(slug, ())):
                continue  # a weak cue inside one of the theme's strong cues adds nothing
            cues.setdefault(slug, set()).add(match_id)
            spans.setdefault(slug, []).append((start, end))
        for slug, found in cues.items():
            scores[slug] = scores.get(slug, 0) + len(found)
    ranked = sorted(scores, key=lambda s: (-scores[s], s))
    # The best ALWAYS_SHOWN themes are suggested even on one weak cue (most stories have two or three themes);
    # the others need MIN_SCORE.
    ranked = ranked[:ALWAYS_SHOWN] + [slug for slug in ranked[ALWAYS_SHOWN:] if scores[slug] >= MIN_SCORE]
    text = doc_text(doc)
    return [_suggestion(doc, text, slug, spans[slug]) for slug in ranked[:limit]]


def _suggestion(doc: Doc, text: str, slug: str, spans: list[tuple[int, int]]) -> ThemeSuggestion:
    """The theme with the first three different words that suggested it."""
    unique: list[str] = []
    for start, end in sorted(spans):
        last = doc[end - 1]
        words = text[doc[start].idx : last.idx + len(last.text)].lower()
        if words not in unique:
            unique.append(words)
            if len(unique) == 3:
                break
    shown = ", ".join(f"'{t}'" for t in unique)
    return ThemeSuggestion(slug, f"The story mentions {shown}.", unique[0])
