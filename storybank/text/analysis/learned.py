"""A small learned check for safeguarding disclosures, added to the rules because rules learn phrasings.

It is a bag-of-words text classifier (spaCy ``textcat_multilabel``) trained by ``python -m bench.train_safeguarding``
on stories we wrote ourselves, never on the dev set or the blind set we measure with. It only adds a signal where
the rules found nothing for that category, and says plainly that it is a learned guess; a moderator decides.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .models import SafeguardingSignal
from .tokens import doc_text

log = logging.getLogger("storybank.text")

MODEL_DIR = Path(__file__).with_name("learned_safeguarding")
COMPONENT = "safeguarding_textcat"
SIGNALS = "storybank_learned_safeguarding"  # the component that raises signals from COMPONENT's scores
THRESHOLD = 0.5  # for a category thresholds.json does not name
THRESHOLDS_FILE = "thresholds.json"  # next to the model, written by python -m bench.train_safeguarding
MIN_WORDS = 40  # a few words are not enough for a bag-of-words guess ("my husband fitted the rail")

PLAIN = {
    "abuse": "someone being harmed, controlled or taken advantage of",
    "domestic_abuse": "harm by a partner or family member",
    "neglect": "basic needs such as food, care or medicine not being met",
    "self_harm": "self-harm or not wanting to live",
    "immediate_danger": "someone being unsafe right now",
}


class ThresholdsError(ValueError):
    """A thresholds.json that does not follow its schema."""


def load_thresholds(path: Path) -> dict[str, float]:
    """Each category's threshold, THRESHOLD where the file (or the category) is missing, logged once.

    A file that is there but wrong raises instead of being skipped: a threshold quietly ignored could stop a
    disclosure being raised, and nobody would know."""
    thresholds = dict.fromkeys(PLAIN, THRESHOLD)
    if not path.exists():
        log.warning("No %s for the learned safeguarding check; every category uses %s.", path.name, THRESHOLD)
        return thresholds
    named = _checked(path)
    thresholds.update(named)
    missing = [category for category in PLAIN if category not in named]
    if missing:
        log.warning("%s names no threshold for %s; using %s.", path.name, ", ".join(missing), THRESHOLD)
    return thresholds


def _checked(path: Path) -> dict[str, float]:
    """The file's thresholds, after checking them against its schema (each error names the file and the key)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ThresholdsError(f"{path.name}: not JSON ({exc})") from exc
    if not isinstance(data, dict) or set(data) != {"how_chosen", "thresholds"}:
        raise ThresholdsError(f"{path.name}: top level: expected exactly how_chosen and thresholds")
    if not isinstance(data["how_chosen"], str) or not isinstance(data["thresholds"], dict):
        raise ThresholdsError(f"{path.name}: how_chosen must be text and thresholds an object")
    for category, value in data["thresholds"].items():
        if category not in PLAIN:
            raise ThresholdsError(f"{path.name}: thresholds: {category!r} is not a safeguarding category")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ThresholdsError(f"{path.name}: thresholds {category!r}: expected a number from 0 to 1, "
                                  f"got {value!r}")
    return {category: float(value) for category, value in data["thresholds"].items()}


@lru_cache(maxsize=1)
def trained_classifier() -> Language | None:
    """The shipped classifier, or None (logged once) when it is missing or cannot load: the rules carry on."""
    if not (MODEL_DIR / "config.cfg").exists():
        log.warning("The learned safeguarding check is not installed (%s); rules only.", MODEL_DIR)
        return None
    try:
        return spacy.load(MODEL_DIR)
    except Exception as exc:  # noqa: BLE001 - any failure to load means "carry on with rules"
        log.warning("Could not load the learned safeguarding check (%s); rules only.", exc)
        return None


def add_learned_safeguarding(nlp: Language) -> None:
    """Source the trained component into ``nlp`` (after nlp.initialize(), which would reset its weights), run only
    on stories long enough for it to be used."""
    classifier = trained_classifier()
    if classifier is None:
        return
    nlp.add_pipe("textcat_multilabel", name=COMPONENT, source=classifier)
    _name, textcat = nlp.remove_pipe(COMPONENT)
    nlp.add_pipe("storybank_long_story_textcat", name=COMPONENT)
    nlp.get_pipe(COMPONENT).textcat = textcat
    nlp.add_pipe(SIGNALS)


@Language.factory("storybank_long_story_textcat")
class LongStoryTextcat:
    """The classifier, scoring only stories of MIN_WORDS or more: its scores are never used on shorter ones, and
    scoring them cost more than the rest of the analysis of a short story."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.textcat = None

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) >= MIN_WORDS:
            self.textcat(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            long = [doc for doc in batch if len(doc) >= MIN_WORDS]
            if long:
                self.textcat.set_annotations(long, self.textcat.predict(long))
            yield from batch

    def scores(self, doc: Doc) -> dict[str, float]:
        """The classifier's scores for any doc, short ones too (for `flask analysis explain`)."""
        if len(doc) < MIN_WORDS:
            self.textcat(doc)
        return dict(doc.cats)

    @property
    def labels(self):
        return self.textcat.labels

    def predict(self, docs):
        return self.textcat.predict(docs)


def _sentence_doc(sentence) -> Doc:
    """A sentence as a doc of its own, for the classifier: the same words (all a bag of words reads), built
    directly rather than with Span.as_doc, which copies every token attribute and cost about 0.1 ms a sentence."""
    return Doc(sentence.doc.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])


def _best_sentences(doc: Doc, component, categories: list[str]) -> dict[str, object]:
    """The sentence the classifier scores highest for each category (every sentence scored once)."""
    sentences = list(doc.sents)
    scores = component.predict([_sentence_doc(sentence) for sentence in sentences])
    best = {}
    for category in categories:
        column = component.labels.index(category)
        best[category] = sentences[max(range(len(sentences)), key=lambda i: float(scores[i][column]))]
    return best


@Language.factory(SIGNALS)
class LearnedSafeguarding:
    """Adds a signal per category the classifier is confident about and the rules did not raise."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.thresholds = load_thresholds(MODEL_DIR / THRESHOLDS_FILE)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < MIN_WORDS:
            return doc
        found = {signal.category for signal in doc.user_data.get("sb_safeguarding") or ()}
        missing = [c for c, score in doc.cats.items()
                   if score >= self.thresholds.get(c, THRESHOLD) and c not in found]
        if not missing:
            return doc
        component = self.nlp.get_pipe(COMPONENT)
        signals = list(doc.user_data.get("sb_safeguarding") or ())
        text = doc_text(doc)
        best = _best_sentences(doc, component, missing)
        for category in missing:
            sentence = best[category]
            start, end = sentence.start_char, sentence.end_char
            signals.append(SafeguardingSignal(
                category=category, sentence_start=start, sentence_end=end, sentence_text=text[start:end],
                reason=f"Stories worded like this one were often about {PLAIN.get(category, category)}. "
                       "This is a learned guess, not a rule: please read the whole story carefully.",
            ))
        doc.user_data["sb_safeguarding"] = signals
        return doc
