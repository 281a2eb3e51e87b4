"""Theme suggestions from an editable taxonomy, matched on lemmas so "waited" and "waiting" both count.

The default taxonomy is written from general knowledge of social-care stories; admins can pass their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .models import ThemeSuggestion
from .tokens import doc_text

DEFAULT_TAXONOMY: dict[str, list[str]] = {
    "dignity": [
        "dignity",
        "undignified",
        "respect",
        "disrespect",
        "humiliated",
        "humiliating",
        "ashamed",
        "embarrassed",
        "privacy",
        "undressed",
        "naked",
        "commode",
        "continence",
        "incontinence pad",
        "wear a pad",
        "like a child",
        "like a baby",
        "treated like",
        "like a person",
        "toilet",
        "not a child",
    ],
    "communication": [
        "communication",
        "explain",
        "explained",
        "nobody told",
        "no one told",
        "nobody explained",
        "letter",
        "leaflet",
        "information",
        "interpreter",
        "translate",
        "rang back",
        "ring back",
        "phone call",
        "email",
        "jargon",
        "told us",
        "answer the phone",
        "on hold",
        "automatic reply",
        "language",
        "words",
        "speech",
    ],
    "choice_and_control": [
        "choice",
        "choose",
        "chose",
        "decide",
        "decision",
        "direct payment",
        "personal budget",
        "personal assistant",
        "control",
        "independence",
        "independent",
        "my own",
        "when I want",
        "what I want",
        "what she wanted",
        "what he wanted",
        "policy",
        "capacity",
        "rota",
        "tell me what to do",
    ],
    "being_listened_to": [
        "listen",
        "listened",
        "nobody listened",
        "not listened",
        "ignored",
        "nobody asked",
        "asked me",
        "believe me",
        "talk over",
        "take seriously",
        "heard",
        "nobody asks",
        "asked how",
        "asking her",
        "ask people",
        "nobody read",
    ],
    "waiting_and_delays": [
        "waiting",
        "waiting list",
        "wait",
        "waited",
        "delay",
        "delayed",
        "still waiting",
        "months",
        "weeks",
        "on hold",
        "rang back",
        "escalate",
        "backlog",
        "it took",
        "working days",
        "how long",
    ],
    "continuity_of_care": [
        "same carer",
        "different carer",
        "different carers",
        "different people",
        "strangers",
        "agency staff",
        "same face",
        "regular carer",
        "regular carers",
        "new carer",
        "continuity",
        "knew him",
        "known him",
        "knows me",
        "someone new",
        "same people",
        "new manager",
        "every visit",
    ],
    "kindness": [
        "kind",
        "kindness",
        "lovely",
        "gentle",
        "wonderful",
        "brilliant",
        "thank you",
        "grateful",
        "compassion",
        "caring",
        "smiled",
        "extra mile",
        "day off",
        "made me feel",
        "shout out",
        "credit",
        "unhurried",
        "cup of tea",
    ],
    "rushed_care": [
        "rushed",
        "rush",
        "rushing",
        "fifteen minutes",
        "15 minutes",
        "twenty minutes",
        "in and out",
        "no time",
        "hurry",
        "clock",
        "half an hour",
        "time to chat",
        "no time for a chat",
        "quick",
    ],
    "loneliness": [
        "lonely",
        "loneliness",
        "alone",
        "on my own",
        "isolated",
        "isolation",
        "company",
        "conversation",
        "nobody to talk",
        "no one to talk",
        "lunch club",
        "coffee morning",
    ],
    "family_and_carers": [
        "family carer",
        "unpaid carer",
        "young carer",
        "young carers",
        "carer's assessment",
        "carer's break",
        "carers' course",
        "respite",
        "look after",
        "care for my",
        "my husband",
        "my wife",
        "my sister",
        "my brother",
        "family",
        "families",
        "exhausted",
        "I do all",
        "ourselves",
        "caring for",
    ],
    "discharge_from_hospital": [
        "discharge",
        "discharged",
        "medically fit",
        "came home from hospital",
        "come out of",
        "reablement",
        "package of care",
        "ward",
        "discharge letter",
        "discharge coordinator",
        "sent home",
        "transfer",
    ],
    "money_and_charges": [
        "money",
        "pay",
        "paid",
        "paying",
        "cost",
        "costs",
        "charge",
        "charges",
        "fees",
        "funding",
        "top-up",
        "financial assessment",
        "savings",
        "afford",
        "pension",
        "bank",
        "benefit",
        "benefits",
        "universal credit",
        "£",
        "a week",
        "account",
        "payment",
        "pounds",
    ],
    "accessibility": [
        "wheelchair",
        "ramp",
        "accessible",
        "access",
        "lift",
        "stairs",
        "stairlift",
        "grab rail",
        "adaptation",
        "adaptations",
        "deaf",
        "bsl",
        "hearing aid",
        "blind",
        "buses",
        "step",
        "doorway",
        "online form",
        "occupational therapy",
    ],
    "trust": [
        "trust",
        "don't trust",
        "trusted",
        "honest",
        "honestly",
        "safe",
        "police",
        "complain",
        "complained",
        "complaint",
        "lie",
        "lied",
        "camera",
        "promise",
        "report",
        "crime",
        "frightened",
        "let down",
        "scared",
    ],
    "culture_and_identity": [
        "culture",
        "cultural",
        "faith",
        "religion",
        "religious",
        "halal",
        "kosher",
        "prayer",
        "prayers",
        "church",
        "chapel",
        "mosque",
        "gurdwara",
        "temple",
        "hair",
        "identity",
        "trans",
        "gay",
        "language",
        "polish",
        "urdu",
        "punjabi",
        "jamaican",
        "vegetarian",
        "heritage",
        "who she is",
        "who I am",
    ],
    "mental_health": [
        "mental health",
        "anxiety",
        "anxious",
        "depression",
        "depressed",
        "low",
        "bipolar",
        "psychiatric",
        "therapy",
        "talking therapy",
        "counselling",
        "panic",
        "suicidal",
        "breakdown",
        "stress",
        "crisis",
        "tired",
    ],
    "end_of_life": [
        "died",
        "die",
        "dying",
        "death",
        "funeral",
        "end of life",
        "palliative",
        "hospice",
        "last days",
        "passed away",
        "syringe driver",
        "crematorium",
        "last day",
    ],
}
FrozenTaxonomy = tuple[tuple[str, tuple[str, ...]], ...]


def freeze_taxonomy(taxonomy: Mapping[str, Sequence[str]] | None) -> FrozenTaxonomy:
    """A hashable copy of a taxonomy, so its matcher can be cached."""
    source = DEFAULT_TAXONOMY if taxonomy is None else taxonomy
    return tuple(sorted((slug, tuple(sorted(set(words)))) for slug, words in source.items()))


def lemma_doc(nlp: Language, text: str) -> Doc:
    """Tokenise and lemmatise only: enough to turn a synonym into a lemma pattern."""
    doc = nlp.make_doc(text)
    for name in ("lemmatizer", "storybank_lemma_case"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


@lru_cache(maxsize=32)
def theme_matcher(nlp: Language, frozen: FrozenTaxonomy) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for slug, words in frozen:
        matcher.add(slug, [lemma_doc(nlp, w) for w in words])
    return matcher


def suggest_themes(doc: Doc, matcher: PhraseMatcher, limit: int = 4) -> list[ThemeSuggestion]:
    hits: dict[int, list[tuple[int, int]]] = {}
    for match_id, start, end in matcher(doc):
        hits.setdefault(match_id, []).append((start, end))
    strings = doc.vocab.strings
    ranked = sorted(((strings[k], v) for k, v in hits.items()), key=lambda kv: (-len(kv[1]), kv[0]))
    text = doc_text(doc)
    suggestions = []
    for slug, spans in ranked[:limit]:
        unique: list[str] = []
        for start, end in spans:  # only the words shown: the first three different ones
            last = doc[end - 1]
            words = text[doc[start].idx : last.idx + len(last.text)].lower()
            if words not in unique:
                unique.append(words)
                if len(unique) == 3:
                    break
        words = ", ".join(f"'{t}'" for t in unique)
        suggestions.append(ThemeSuggestion(slug, f"The story mentions {words}.", unique[0]))
    return suggestions
