"""One spaCy pipeline per process: a blank English tokenizer, sentencizer, lookup lemmatizer and our rules.

A trained pipeline (STORYBANK_SPACY_MODEL) is optional: when it loads, its entities are merged with the rule
results; when it does not, we log one warning and carry on with the rules alone.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

from .identifiers import find_identifiers
from .learned import add_learned_safeguarding
from .lexicon import KEEP_ABBREVIATIONS
from .merge import merge_findings
from .models import Finding
from .people import find_chat_speakers, find_people
from .places import find_addresses, find_locations, find_orgs, locations_beside
from .safeguarding import build_safeguarding_matcher, find_safeguarding
from .tokens import (
    PUNCT_BIT,
    SENTENCE_END_BIT,
    OrthTable,
    capital_indices,
    doc_orth_array,
    doc_text,
    word_shape_bits,
)

log = logging.getLogger("storybank.text")

TRAINED_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "ADDRESS",
}

# doc._.sb_findings and the others read and write doc.user_data["sb_findings"]: our components use user_data
# directly, as each doc._ access builds an object (a few of them cost as much as a short story's tokenizing).
for _name in ("sb_rule_findings", "sb_trained_findings", "sb_findings", "sb_safeguarding"):
    if not Doc.has_extension(_name):
        Doc.set_extension(
            _name,
            getter=lambda doc, key=_name: doc.user_data.get(key),
            setter=lambda doc, value, key=_name: doc.user_data.__setitem__(key, value),
        )


@lru_cache(maxsize=1)
def _lemma_table():
    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def _word_values(vocab, orth: int) -> tuple[int, int, int]:
    """A word's lemma id (the lookup table's lemma of the word), the lemma id of its lowercase form, and its shape
    bits (tokens.shape_bits): one table for all three, so a doc's words are looked up once."""
    table = _lemma_table()
    word = vocab.strings[orth]
    lower = word.lower()
    return (
        vocab.strings.add(table.get(word, word)),
        vocab.strings.add(table.get(lower, lower)),
        word_shape_bits(vocab, orth),
    )


def word_table() -> OrthTable:
    """A table of _word_values for one pipeline's components: its string ids belong to that pipeline's vocab."""
    return OrthTable(_word_values, columns=3)


def word_values(doc: Doc, table: OrthTable) -> numpy.ndarray:
    """The rows of _word_values for the doc's words, read once per doc by the first component that needs them (and
    its shape bits kept for the rules)."""
    values = doc.user_data.get("sb_word_values")
    if values is None:
        values = doc.user_data["sb_word_values"] = table(doc_orth_array(doc), doc.vocab)
        doc.user_data.setdefault("sb_shape", values[:, 2])
    return values


class _PerWordComponent:
    """A component that reads each word's lemma and shape from its pipeline's own word_table."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table = word_table()


@Language.factory("storybank_sentencizer")
class FastSentencizer(_PerWordComponent):
    """spaCy's sentencizer, with the same boundaries (a sentence starts at the first token after its closing marks
    that is not punctuation), read from per-word bits instead of a Token per word.

    Like spaCy's, it leaves a token's sentence start alone when something set it already.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        start, seen_end = 0, False
        for i, bits in enumerate(word_values(doc, self.table)[:, 2].tolist()):
            if seen_end and not bits & (PUNCT_BIT | SENTENCE_END_BIT):
                starts[start] = True
                start, seen_end = i, False
            elif bits & SENTENCE_END_BIT:
                seen_end = True
        starts[start] = True
        values = numpy.where(starts, 1, -1).astype("int64").view("uint64")
        existing = doc.to_array(SENT_START)
        if existing.any():
            values = numpy.where(existing == 0, values, existing)
        doc.from_array([SENT_START], values)
        doc.user_data["sb_sent_start"] = values  # what tokens.sentence_starts would read back
        return doc


@Language.factory("storybank_lookup_lemmatizer")
class LookupLemmatizer(_PerWordComponent):
    """spaCy's lookup lemmatizer (lemma = table.get(text, text)) without building a Token per word.

    Lemmas are cached per word id and set for the whole doc from an array. Tokens that already have a lemma keep
    it, as with spaCy's lemmatizer when overwrite is off.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmas = word_values(doc, self.table)[:, 0].copy()
        existing = doc.to_array(LEMMA)
        if existing.any():
            lemmas = numpy.where(existing == 0, lemmas, existing)
        doc.from_array([LEMMA], lemmas)
        doc.user_data["sb_lemma_array"] = lemmas  # for LemmaCase, next in the pipeline, instead of reading it back
        return doc


@Language.factory("storybank_lemma_case")
class LemmaCase(_PerWordComponent):
    """Lowercase lemmas, looked up again in lowercase, so a sentence-initial "Waiting" matches "wait"."""

    def __call__(self, doc: Doc) -> Doc:
        lemmas = doc.user_data.pop("sb_lemma_array", None)
        capitals = capital_indices(doc)
        if not capitals:
            return doc
        if lemmas is None:
            lemmas = doc.to_array(LEMMA)
        lemmas[capitals] = word_values(doc, self.table)[capitals, 1]
        doc.from_array([LEMMA], lemmas)
        return doc


class _TextKeepingTokenizer:
    """The tokenizer, keeping the text it was given: doc.text would rebuild it from every token."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["sb_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


@Language.factory("storybank_personal_data")
class PersonalData:
    """Identifiers, addresses, organisations, people and places, found by rules over text and tokens."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        findings: list[Finding] = find_identifiers(text)
        findings += find_addresses(text)
        findings += find_orgs(doc)
        findings += find_people(doc)
        findings += find_chat_speakers(text)
        findings += find_locations(doc)
        findings += locations_beside(doc, findings)
        doc.user_data["sb_rule_findings"] = findings
        return doc


@Language.factory("storybank_trained_ner", default_config={"model": ""})
class TrainedNer:
    """Entities from a trained pipeline, realigned to our tokens by character offsets."""

    def __init__(self, nlp: Language, name: str, model: str) -> None:
        self.model = model
        self.trained = spacy.load(model)

    def __call__(self, doc: Doc) -> Doc:
        trained_doc = self.trained(doc_text(doc))
        found = []
        for ent in trained_doc.ents:
            label = TRAINED_LABELS.get(ent.label_)
            if label:
                found.append(
                    Finding(
                        label,
                        ent.start_char,
                        ent.end_char,
                        ent.text,
                        0.7,
                        f"the trained model ({self.model}) read this as a {label.lower()}",
                    )
                )
        doc.user_data["sb_trained_findings"] = found
        return doc


@Language.factory("storybank_merge")
class Merge:
    """Sorted, non-overlapping findings; rule results win over the trained model on structured identifiers."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        data["sb_findings"] = merge_findings(
            doc_text(doc), data.get("sb_rule_findings") or [], data.get("sb_trained_findings") or []
        )
        return doc


@Language.factory("storybank_safeguarding")
class Safeguarding:
    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = build_safeguarding_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        long_ago: set[str] = set()
        doc.user_data["sb_safeguarding"] = find_safeguarding(doc, self.matcher, long_ago=long_ago)
        doc.user_data["sb_told_long_ago"] = long_ago
        return doc


def _drop_name_like_abbreviations(nlp: Language) -> None:
    """US state and month abbreviations ("Mo.", "Jan.") would swallow a name's full stop; keep only titles."""
    nlp.tokenizer.rules = {
        key: value
        for key, value in nlp.tokenizer.rules.items()
        if not (key.endswith(".") and key[:1].isupper() and key[:-1].isalpha()) or key in KEEP_ABBREVIATIONS
    }
    for abbreviation in sorted(KEEP_ABBREVIATIONS - set(nlp.tokenizer.rules)):  # "Sgt." before a name: one word
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@lru_cache(maxsize=8)
def get_pipeline(model: str | None = None) -> Language:
    """The analysis pipeline, built once per process for each model name (None or "" means rules only)."""
    nlp = spacy.blank("en")
    _drop_name_like_abbreviations(nlp)
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    # The same sentences as spaCy's sentencizer, found from an array of word ids instead of token by token.
    nlp.add_pipe("storybank_sentencizer", name="sentencizer")
    # The same lemmas as spaCy's lookup lemmatizer (same table), set from an array of word ids instead of token
    # by token.
    nlp.add_pipe("storybank_lookup_lemmatizer", name="lemmatizer")
    nlp.add_pipe("storybank_lemma_case")
    nlp.add_pipe("storybank_personal_data")
    if model:
        try:
            nlp.add_pipe("storybank_trained_ner", config={"model": model})
        except Exception as exc:  # noqa: BLE001 - any failure to load means "carry on with rules"
            log.warning(
                "Could not load the spaCy model %r (%s); personal data will be found by rules alone.",
                model,
                exc,
            )
    nlp.add_pipe("storybank_merge")
    nlp.add_pipe("storybank_safeguarding")
    nlp.initialize()
    add_learned_safeguarding(nlp)
    return nlp
