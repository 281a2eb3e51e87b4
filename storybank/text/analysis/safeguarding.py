"""Safeguarding signals: sentences that read as a disclosure of harm happening now or recently.

Rules match lemmas with spaCy's Matcher, then drop matches that are only talk about the subject: negated
("I would never hurt myself"), hypothetical ("if he ever hit me"), about training, or long in the past.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .lexicon import lower_prob
from .models import SafeguardingSignal

PRONOUN_OBJ = ["me", "her", "him", "us", "them", "mum", "dad", "my", "his"]
MONEY = ["money", "cash", "pension", "purse", "wallet", "savings", "benefit", "benefits", "£"]
NEG = ["not", "n't", "never", "no", "nobody", "nothing", "none"]
# (category, reason, pattern, checks): checks say which filters apply ("neg", "hypo").
RULES: list[tuple[str, str, list[dict], str]] = [
    (
        "abuse",
        "says someone hit, pushed or hurt them",
        [
            {
                "LEMMA": {
                    "IN": [
                        "hit",
                        "punch",
                        "slap",
                        "kick",
                        "push",
                        "shove",
                        "beat",
                        "strangle",
                        "choke",
                        "throttle",
                        "bite",
                        "pinch",
                        "thump",
                        "shake",
                        "drag",
                        "smack",
                        "batter",
                    ]
                }
            },
            {"LOWER": {"IN": PRONOUN_OBJ}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "describes injuries such as bruises or a black eye",
        [
            {"LOWER": {"IN": ["black", "bruise", "bruises", "bruised", "bruising"]}},
            {"LOWER": {"IN": ["eye", "on", "all", "up", "to", "arms", "and"]}},
        ],
        "neg hypo",
    ),
    ("abuse", "says someone was restrained", [{"LEMMA": "restrain"}], "neg hypo"),
    (
        "abuse",
        "describes unwanted touching",
        [
            {"LEMMA": {"IN": ["touch", "grope", "fondle"]}},
            {"LOWER": {"IN": PRONOUN_OBJ}},
            {"IS_PUNCT": True, "OP": "?"},
            {"LOWER": {"IN": ["down", "inappropriately", "where", "between", "under", "up", "there"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "mentions sexual abuse or assault",
        [{"LEMMA": {"IN": ["rape", "assault", "molest", "grope"]}}],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone has taken or keeps their money or card",
        [
            {"LOWER": {"NOT_IN": ["i", "we"]}},
            {"LEMMA": {"IN": ["take", "have", "keep", "steal", "use", "empty", "withdraw"]}},
            {"LOWER": {"IN": ["my", "her", "his", "their", "mum's", "dad's"]}},
            {"LOWER": "bank", "OP": "?"},
            {"LEMMA": {"IN": ["card", "money", "pension", "purse", "savings", "phone", "wallet", "pin"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says money is going missing",
        [
            {"LEMMA": {"IN": MONEY}},
            {"IS_ALPHA": True, "OP": "{0,4}"},
            {"LOWER": {"IN": ["missing", "stolen", "disappearing", "disappeared"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says they were taken off their own bank account",
        [{"LOWER": "off"}, {"LOWER": "the"}, {"LOWER": "joint", "OP": "?"}, {"LEMMA": "account"}],
        "neg hypo",
    ),
    (
        "abuse",
        "mentions a scam or a crime against them",
        [
            {
                "LEMMA": {
                    "IN": ["scam", "scammer", "con", "fraud", "fraudster", "crime", "rob", "steal", "extort"]
                }
            }
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone insults or belittles them",
        [
            {"LEMMA": "call"},
            {"IS_ALPHA": True, "OP": "{1,3}"},
            {
                "LOWER": {
                    "IN": [
                        "names",
                        "useless",
                        "stupid",
                        "cow",
                        "bitch",
                        "idiot",
                        "burden",
                        "worthless",
                        "pig",
                    ]
                }
            },
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone threatens them",
        [{"LEMMA": {"IN": ["threaten", "threat", "blackmail"]}}],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone threatens them",
        [{"LOWER": "i"}, {"LOWER": {"IN": ["'ll", "will"]}}, {"LOWER": "be"}, {"LOWER": "sorry"}],
        "hypo",
    ),
    (
        "abuse",
        "says they are frightened of someone",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "afraid"]}},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["him", "her", "them", "my"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "mentions violence or abuse",
        [{"LEMMA": {"IN": ["abuse", "abusive", "violent", "violence", "bully", "exploit"]}}],
        "neg hypo topic",
    ),
    (
        "neglect",
        "says carers did not turn up",
        [{"LOWER": {"IN": NEG}}, {"LEMMA": {"IN": ["turn", "show"]}}, {"LOWER": "up"}],
        "topic",
    ),
    (
        "neglect",
        "says carers never came",
        [
            {"LOWER": {"IN": ["they", "carers", "carer", "nobody", "agency"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": "never"},
            {"LEMMA": {"IN": ["come", "came", "turn", "show", "arrive"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone has had nothing to eat or drink",
        [{"LOWER": {"IN": ["nothing", "anything"]}}, {"LOWER": "to"}, {"LEMMA": {"IN": ["eat", "drink"]}}],
        "topic",
    ),
    (
        "neglect",
        "describes dehydration or pressure sores",
        [{"LOWER": {"REGEX": "^(dehydrat|malnourish|starv)"}}],
        "topic neg",
    ),
    (
        "neglect",
        "describes dehydration or pressure sores",
        [{"LOWER": {"IN": ["pressure", "bed"]}}, {"LEMMA": "sore"}],
        "topic neg",
    ),
    (
        "neglect",
        "describes someone left wet or soiled",
        [{"LOWER": {"IN": ["soaked", "soiled", "sodden", "urine", "faeces"]}}],
        "topic neg",
    ),
    (
        "neglect",
        "says food or water was left out of reach or untouched",
        [{"LOWER": "out"}, {"LOWER": "of"}, {"LOWER": "reach"}],
        "topic neg",
    ),
    (
        "neglect",
        "says food or water was left out of reach or untouched",
        [{"LOWER": "untouched"}],
        "topic neg",
    ),
    (
        "neglect",
        "describes signs of going without drink",
        [{"LOWER": "lips"}, {"LOWER": "cracked"}],
        "topic neg",
    ),
    (
        "neglect",
        "describes signs of going without drink",
        [{"LOWER": "cracked"}, {"LOWER": "lips"}],
        "topic neg",
    ),
    (
        "neglect",
        "says nobody helped someone eat or drink",
        [
            {"LOWER": {"IN": ["nobody", "no-one", "noone"]}},
            {"IS_ALPHA": True, "OP": "{0,4}"},
            {"LEMMA": "help"},
            {"LOWER": {"IN": ["him", "her", "me", "them"]}},
            {"LEMMA": {"IN": ["eat", "drink"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says missed visits made someone ill",
        [
            {"LOWER": "miss"},
            {"LOWER": {"IN": ["her", "him", "me"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LEMMA": {"IN": ["get", "become", "end"]}},
            {"LOWER": {"IN": ["ill", "poorly", "up"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says medication was missed",
        [
            {"LEMMA": "miss"},
            {"LOWER": {"IN": ["her", "his", "my", "their"]}},
            {"LEMMA": {"IN": ["insulin", "medication", "medicine", "tablet", "dose", "meds"]}},
        ],
        "topic neg",
    ),
    (
        "self_harm",
        "mentions self-harm",
        [{"LOWER": "self"}, {"LOWER": "-", "OP": "?"}, {"LEMMA": {"IN": ["harm", "harming", "harmed"]}}],
        "neg hypo topic",
    ),
    ("self_harm", "mentions self-harm", [{"LOWER": "self-harm"}], "neg hypo topic"),
    (
        "self_harm",
        "says they are cutting themselves",
        [{"LEMMA": "cut"}, {"LOWER": {"IN": ["myself", "herself", "himself", "again", "themselves"]}}],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have thought of hurting or killing themselves",
        [
            {"LEMMA": {"IN": ["hurt", "kill", "harm", "hang", "drown", "overdose", "starve"]}},
            {"LOWER": {"IN": ["myself", "herself", "himself", "themselves"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have thought of ending their life",
        [
            {"LOWER": {"NOT_IN": ["the", "a", "an", "at", "to", "that"]}},
            {"LOWER": {"IN": ["end", "ending", "ended"]}},
            {"LOWER": "it"},
            {"LOWER": "all", "OP": "?"},
        ],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they have thought of ending their life",
        [
            {"LOWER": {"IN": ["end", "ending", "ended"]}},
            {"LOWER": {"IN": ["my", "his", "her"]}},
            {"LOWER": "life"},
        ],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they have thought of ending their life",
        [
            {"LEMMA": "take"},
            {"LOWER": {"IN": ["my", "his", "her"]}},
            {"LOWER": "own", "OP": "?"},
            {"LOWER": "life"},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "mentions suicide or an overdose",
        [{"LOWER": {"REGEX": "^(suicid|overdos)"}}],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        [
            {"LEMMA": {"IN": ["save", "stockpile", "hoard", "collect", "keep"]}},
            {"LOWER": "up", "OP": "?"},
            {"LOWER": {"IN": ["my", "his", "her", "the"]}},
            {"LEMMA": {"IN": ["tablet", "pill", "medication", "painkiller"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they see no point in living",
        [
            {"LOWER": {"IN": ["ca", "can", "cannot", "don't", "do"]}},
            {"LOWER": {"IN": ["n't", "not"]}, "OP": "?"},
            {"LOWER": "see"},
            {"LOWER": "the"},
            {"LOWER": "point"},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [{"LOWER": {"IN": ["want", "wish"]}}, {"LOWER": "to"}, {"LOWER": "die"}],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [{"LOWER": "better"}, {"LOWER": "off"}, {"LOWER": "without"}, {"LOWER": "me"}],
        "",
    ),
    (
        "immediate_danger",
        "says the danger is tonight or right now",
        [{"LOWER": {"IN": ["tonight", "today"]}}],
        "past",
    ),
    (
        "immediate_danger",
        "says the danger is tonight or right now",
        [{"LOWER": "right"}, {"LOWER": "now"}],
        "past",
    ),
    (
        "immediate_danger",
        "says someone is locked in",
        [
            {"LEMMA": "lock"},
            {"LOWER": {"IN": ["the", "me", "us", "my", "her", "him"]}},
            {"LOWER": {"IN": ["front", "back", "in", "door", "bedroom"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "asks for someone to be sent",
        [{"LEMMA": "send"}, {"LOWER": {"IN": ["someone", "somebody", "help", "an", "the", "police"]}}],
        "past",
    ),
    (
        "immediate_danger",
        "says they have the means to harm themselves",
        [{"LOWER": "got"}, {"LOWER": "enough"}, {"LOWER": {"IN": ["now", "tablets", "pills"]}}],
        "past",
    ),
    (
        "immediate_danger",
        "says someone has no heating in freezing weather",
        [{"LOWER": {"IN": ["below", "freezing", "no"]}}, {"LOWER": {"IN": ["freezing", "heating", "heat"]}}],
        "past",
    ),
]
TOPIC_LEMMAS = {
    "training",
    "course",
    "session",
    "charity",
    "awareness",
    "policy",
    "leaflet",
    "film",
    "programme",
    "telly",
    "tv",
    "news",
    "documentary",
    "module",
    "workshop",
    "lecture",
    "research",
    "campaign",
    "helpline",
    "poster",
    "safeguarding",
    "prevention",
}
PAST_MARKERS = {
    "ago",
    "decades",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "childhood",
    "child",
    "boy",
    "girl",
    "young",
    "younger",
    "teenager",
}
DOMESTIC = {
    "son",
    "husband",
    "wife",
    "partner",
    "ex",
    "boyfriend",
    "girlfriend",
    "cousin",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "stepson",
    "stepdad",
    "stepfather",
    "stepmum",
    "son-in-law",
    "daughter-in-law",
    "brother-in-law",
    "sister-in-law",
    "ex-husband",
    "ex-wife",
    "ex-partner",
    "daughter",
    "uncle",
    "aunt",
    "father",
    "mother",
    "family",
}
NON_FAMILY_ABUSERS = {
    "resident",
    "residents",
    "carer",
    "carers",
    "staff",
    "man",
    "men",
    "woman",
    "stranger",
    "neighbour",
    "worker",
    "nurse",
    "scammer",
    "trader",
    "agency",
}
SPEECH = {"says", "said", "thinks", "thought", "told", "reckons", "asked", "wants", "knows"}


GENERIC = (
    set(PRONOUN_OBJ)
    | set(NEG)
    | {
        "the",
        "my",
        "her",
        "his",
        "their",
        "our",
        "it",
        "i",
        "we",
        "to",
        "of",
        "on",
        "up",
        "all",
        "and",
        "an",
        "in",
        "be",
        "'ll",
        "will",
        "do",
        "can",
        "ca",
        "cannot",
        "don't",
        "again",
        "down",
        "there",
        "where",
        "under",
        "between",
        "now",
        "today",
        "right",
        "own",
        "front",
        "back",
        "door",
        "someone",
        "somebody",
        "help",
        "get",
        "have",
        "use",
        "keep",
        "take",
        "come",
        "see",
        "want",
        "they",
        "agency",
        "carers",
        "carer",
        "arrive",
        "turn",
        "show",
        "no-one",
        "noone",
    }
)
# Words spelled differently from their lemma in the lookup table, and the stems of REGEX patterns.
EXTRA_TRIGGERS = {
    "took",
    "taken",
    "kept",
    "stole",
    "stolen",
    "bit",
    "shook",
    "beaten",
    "dehydrated",
    "dehydration",
    "malnourished",
    "starving",
    "starved",
    "suicide",
    "suicidal",
    "overdose",
    "overdosed",
    "overdoses",
    "self",
    "self-harm",
    "harming",
    "cutting",
    "cut",
}


def _anchor_values(pattern: list[dict]) -> list[str]:
    """The rarest required token of a rule: a sentence without one of its words cannot match the rule."""
    best: list[str] = []
    best_score = float("inf")
    for spec in pattern:
        if spec.get("OP") not in (None, "1", "+"):
            continue
        values: list[str] = []
        for key in ("LEMMA", "LOWER"):
            value = spec.get(key)
            if isinstance(value, str):
                values.append(value)
            elif isinstance(value, dict) and "IN" in value:
                values.extend(value["IN"])
            elif isinstance(value, dict) and "REGEX" in value:
                values.extend(v for v in EXTRA_TRIGGERS if re.match(value["REGEX"], v))
        if not values:
            continue
        score = sum(10 ** lower_prob(v) for v in values)
        if score < best_score:
            best, best_score = values, score
    return best


IRREGULAR = {
    "take": ("took", "taken"),
    "keep": ("kept",),
    "steal": ("stole", "stolen"),
    "bite": ("bit",),
    "shake": ("shook",),
    "beat": ("beaten",),
    "have": ("had", "has"),
    "cut": ("cutting",),
    "hit": ("hitting",),
    "end": ("ending", "ended"),
}


class SafeguardingRules:
    """One small Matcher per rule, run only on sentences holding that rule's rarest word (for speed)."""

    def __init__(self, nlp: Language) -> None:
        self.matchers: list[Matcher] = []
        self.anchors: list[set[int]] = []
        for index, (category, _reason, pattern, _checks) in enumerate(RULES):
            matcher = Matcher(nlp.vocab)
            matcher.add(f"{category}:{index}", [pattern])
            self.matchers.append(matcher)
            words = set(_anchor_values(pattern))
            for word in list(words):
                words.update(IRREGULAR.get(word, ()))
            self.anchors.append({nlp.vocab.strings.add(w) for w in words})
        self.triggers: set[int] = set().union(*self.anchors)
        self.trigger_array = numpy.array(sorted(self.triggers), dtype="uint64")

    def matches(self, doc: Doc) -> tuple[list[int], list[tuple[str, int, Span]]]:
        """Sentence boundaries, and (rule label, token index, sentence) for every rule match."""
        arr = doc.to_array([LEMMA, LOWER, SENT_START])
        triggers = self.triggers
        positions: dict[int, list[int]] = {}
        hit_rows = numpy.nonzero(
            numpy.isin(arr[:, 0], self.trigger_array) | numpy.isin(arr[:, 1], self.trigger_array)
        )
        for i in hit_rows[0].tolist():
            lemma, lower = int(arr[i, 0]), int(arr[i, 1])
            if lemma in triggers:
                positions.setdefault(lemma, []).append(i)
            if lower in triggers and lower != lemma:
                positions.setdefault(lower, []).append(i)
        if not positions:
            return [], []
        starts = numpy.nonzero(arr[:, 2] == 1)[0].tolist()
        if not starts or starts[0] != 0:
            starts = [0, *starts]
        bounds = [*starts, len(doc)]
        found: list[tuple[str, int, Span]] = []
        for anchors, matcher in zip(self.anchors, self.matchers, strict=True):
            sentence_ids = {
                bisect_right(starts, i) - 1 for a in anchors & positions.keys() for i in positions[a]
            }
            for sid in sorted(sentence_ids):
                sent = doc[bounds[sid] : bounds[sid + 1]]
                for span in matcher(sent, as_spans=True):
                    found.append((span.label_, span.start, sent))
        return bounds, found


def build_safeguarding_matcher(nlp: Language) -> SafeguardingRules:
    return SafeguardingRules(nlp)


def _negated(sent: Span, start: int) -> bool:
    window = sent.doc[max(sent.start, start - 4) : start]
    return any(
        t.lower_ in NEG or t.lower_ in {"would", "wouldn't", "won't"} and t.i < start - 1 for t in window
    )


def _hypothetical(sent: Span, start: int) -> bool:
    before = sent.doc[sent.start : start]
    return any(t.lower_ in {"if", "imagine", "whether", "might", "afraid"} for t in before) or any(
        t.lower_ in {"would", "could", "'d"} for t in sent.doc[max(sent.start, start - 3) : start]
    )


def _long_past(sent: Span) -> bool:
    if any(t.lower_ in PAST_MARKERS for t in sent):
        return True
    return any(t.like_num and len(t.text) == 4 and t.text.startswith("19") for t in sent)


def _is_domestic(doc: Doc, sent: Span, sents: list[Span], index: int) -> bool:
    if any(t.lower_ in NON_FAMILY_ABUSERS for t in sent):
        return False
    for other in sents[max(0, index - 2) : index + 1]:
        for tok in other:
            if tok.lower_ not in DOMESTIC and not tok.lower_.startswith("ex-"):
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if prev is None or prev.lower_ not in {"my", "her", "his", "our", "their", "'s"}:
                continue
            if nxt is not None and (nxt.lower_ in {"'s", "’s"} and tok.lower_ not in {"son", "daughter"}):
                continue
            if nxt is not None and nxt.lower_ in SPEECH:
                continue
            if tok.lower_ in {"father", "mother", "daughter", "sister"} and other is not sent:
                continue
            return True
    return False


def find_safeguarding(doc: Doc, rules: SafeguardingRules) -> list[SafeguardingSignal]:  # noqa: C901
    bounds, matches = rules.matches(doc)
    if not matches:
        return []
    sents = [doc[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    sent_index = {s.start: i for i, s in enumerate(sents)}
    hits: dict[tuple[str, int], SafeguardingSignal] = {}
    for label, start, sent in matches:
        category, index = label.split(":")
        _cat, reason, _pattern, checks = RULES[int(index)]
        if "neg" in checks and _negated(sent, start):
            continue
        if "hypo" in checks and _hypothetical(sent, start):
            continue
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if (
            category != "immediate_danger"
            and ("topic" in checks or category == "abuse")
            and lemmas & TOPIC_LEMMAS
        ):
            continue
        if category in {"abuse", "neglect"} and _long_past(sent) and "still" not in lemmas:
            continue
        if "past" in checks and ({"ago", "was", "were"} & lemmas and "now" not in lemmas):
            continue
        key = (category, sent.start)
        hits.setdefault(
            key,
            SafeguardingSignal(
                category, sent.start_char, sent.end_char, sent.text.strip(), f"This sentence {reason}."
            ),
        )
    categories = {c for c, _ in hits}
    if categories <= {"immediate_danger"}:
        return []
    if "immediate_danger" in categories and not categories & {"abuse", "neglect", "self_harm"}:
        hits = {k: v for k, v in hits.items() if k[0] != "immediate_danger"}
    for (category, start), signal in list(hits.items()):
        if category == "abuse":
            i = sent_index.get(start)
            if i is not None and _is_domestic(doc, sents[i], sents, i):
                hits.setdefault(
                    ("domestic_abuse", start),
                    SafeguardingSignal(
                        "domestic_abuse",
                        signal.sentence_start,
                        signal.sentence_end,
                        signal.sentence_text,
                        "The harm described seems to come from a partner or family member.",
                    ),
                )
    return sorted(hits.values(), key=lambda s: (s.sentence_start, s.category))
