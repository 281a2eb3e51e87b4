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
from spacy.tokens import Doc

from .identifiers import birth_dates_after_names, find_identifiers
from .learned import add_learned_safeguarding
from .lexicon import KEEP_ABBREVIATIONS, lemma_table
from .merge import merge_findings
from .models import Finding
from .people import find_chat_speakers, find_people
from .places import find_addresses, find_locations, find_orgs, locations_beside
from .safeguarding import build_safeguarding_matcher, find_safeguarding
from .tokens import CAPITAL_BIT, PUNCT_BIT, SENTENCE_END_BIT, doc_text, word_shape_bits

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


_STOPS_NO_SENTENCE = PUNCT_BIT | SENTENCE_END_BIT


@Language.factory("storybank_sentences_and_lemmas")
class SentencesAndLemmas:
    """spaCy's sentencizer and lookup lemmatizer in one pass over the doc's word ids, with a capitalised word's
    lemma looked up in lowercase (so a sentence-initial "Waiting" matches "wait").

    The same sentences as the sentencizer (a sentence starts at the first token after its closing marks that is not
    punctuation) and the same lemmas as the lookup lemmatizer (table.get(text, text)), read from a cache per word id
    instead of a Token per word: on a short story the three components this replaces cost more than tokenizing it.
    Like spaCy's, it leaves sentence starts and lemmas alone when something set them already. It also keeps each
    word's id, lowercase id and shape bits (tokens.shape_bits) for the rules, so they are read once.
    """

    LIMIT = 200_000  # words kept; the cache starts again when it is full, so a long-running process stays small

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words: dict[int, tuple[int, int, int]] = {}

    def _word(self, vocab, orth: int) -> tuple[int, int, int]:
        """(lemma, lowercase id, shape bits) of a word, from its text alone."""
        if len(self.words) >= self.LIMIT:
            self.words.clear()
        table = lemma_table()
        word = vocab.strings[orth]
        bits = word_shape_bits(vocab, orth)
        lemma = word.lower() if bits & CAPITAL_BIT else word
        row = self.words[orth] = (vocab.strings.add(table.get(lemma, lemma)), vocab[orth].lower, bits)
        return row

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        orths = doc.to_array(ORTH).tolist()
        words, vocab = self.words, doc.vocab
        lemmas, lowers, shapes = [], [], []
        starts = [-1] * n
        starts[0] = 1
        seen_end = False
        for i, orth in enumerate(orths):
            row = words.get(orth)
            if row is None:
                row = self._word(vocab, orth)
            lemmas.append(row[0])
            lowers.append(row[1])
            bits = row[2]
            shapes.append(bits)
            if seen_end and not bits & _STOPS_NO_SENTENCE:
                starts[i], seen_end = 1, False
            elif bits & SENTENCE_END_BIT:
                seen_end = True
        values = numpy.empty((n, 2), dtype="uint64")
        values[:, 0] = lemmas
        values[:, 1] = numpy.array(starts, dtype="int64").view("uint64")
        existing = doc.to_array([LEMMA, SENT_START])
        if existing.any():
            values = numpy.where(existing == 0, values, existing)
            lemmas = values[:, 0].tolist()
        doc.from_array([LEMMA, SENT_START], values)
        data = doc.user_data
        data["sb_orths"] = orths
        data["sb_shape"] = numpy.array(shapes, dtype="uint64")
        data["sb_sent_start"] = values[:, 1]  # what tokens.sentence_starts would read back
        data["sb_lemma_lower"] = (lemmas, lowers)  # for the safeguarding rules and the content warnings
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
        findings += birth_dates_after_names(text, findings)
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
    # The same sentences as spaCy's sentencizer and the same lemmas as its lookup lemmatizer (same table), set in
    # one pass over the word ids instead of token by token.
    nlp.add_pipe("storybank_sentences_and_lemmas", name="sentences_and_lemmas")
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
