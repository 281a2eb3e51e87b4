"""Safeguarding signals: sentences that read as a disclosure of harm happening now or recently.

Rules are written as spaCy Matcher patterns over lemmas, then we drop matches that are only talk about the
subject: negated ("I would never hurt myself"), hypothetical ("if he ever hit me"), about training, or long in
the past.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from storybank.text.analysis.lexicon import lower_prob
from storybank.text.analysis.models import SafeguardingSignal
from storybank.text.analysis.tokens import doc_orths, sentence_starts

PRONOUN_OBJ = ["me", "her", "him", "us", "them", "mum", "dad", "nan", "gran", "nana", "grandad", "grandma", "grandpa"]
# Things pushed or hit that are not a person: "he pushed my wheelchair round the park".
NOT_A_PERSON = ["wheelchair", "chair", "buggy", "pram", "trolley", "walker", "frame", "button", "buzzer", "bell", "car"]
MONEY = ["money", "cash", "pension", "purse", "wallet", "savings", "benefit", "benefits", "£"]
SERVICE_NOUNS = [
    "number", "line", "helpline", "team", "department", "squad", "unit", "officer", "officers", "awareness",
    "prevention", "advice", "leaflet", "leaflets", "talk", "talks", "training", "reference", "hotline", "desk",
]  # fmt: skip
NEG = ["not", "n't", "nt", "never", "no", "nobody", "nothing", "none"]
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
        "says someone hit, pushed or hurt them",
        [
            {
                "LEMMA": {
                    "IN": ["hit", "punch", "slap", "kick", "push", "shove", "beat", "bite", "pinch", "thump", "smack"]
                }
            },
            {"LOWER": {"IN": ["my", "his"]}},
            {"LOWER": {"NOT_IN": [*NOT_A_PERSON, "way", "luck", "head", "own", "tablets", "food", "dinner"]}},
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
            {"LOWER": {"NOT_IN": ["i", "we", "me", "you", "to", "let", "can"]}},
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
            {"LEMMA": {"IN": ["scam", "scammer", "con", "fraud", "fraudster", "crime", "rob", "steal", "extort"]}},
            # a service named after the subject is not a disclosure: "the fraud line", "the crime number"
            {"LOWER": {"NOT_IN": SERVICE_NOUNS}},
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
            {"LEMMA": {"IN": ["save", "stockpile", "hoard", "collect"]}},
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
        [
            {"LEMMA": {"IN": ["want", "wish"]}},
            {"LOWER": "to"},
            {"LOWER": "die"},
            # not a wish about where or how to die at the end of life ("wanted to die in his own bed")
            {"LOWER": {"NOT_IN": ["in", "at", "peacefully", "with", "before", "surrounded", "comfortably", "there"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LEMMA": {"IN": ["want", "wish", "need"]}},
            {"LOWER": {"IN": ["it", "everything", "things", "this", "life"]}},
            {"LOWER": "all", "OP": "?"},
            {"LOWER": "to"},
            {"LOWER": {"IN": ["end", "finish", "be"]}},
            {"LOWER": {"IN": ["over", ".", "!", ",", "now", "and", "for"]}},
        ],
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
        [
            {"LOWER": {"IN": ["send", "sending"]}},
            {"LOWER": {"IN": ["someone", "somebody", "help", "an", "the", "police"]}},
        ],
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

# General rule classes added after a blind evaluation showed the rules above did not reach new writers: more
# harm verbs and their objects, control and fear, financial abuse and scams, threats, neglect of basic needs,
# indirect suicidal talk, and signs that danger is happening now. Word lists here are ordinary vocabulary.
NEG_WORDS = [*NEG, "nt", "no-one", "noone"]
SUBJECT_PRONOUNS = ["he", "she", "they", "s"]  # "s" is the split "hes" / "shes" of texting style
BODY_PARTS = ["arm", "arms", "wrist", "wrists", "hair", "neck", "throat", "face", "hand", "hands", "ear", "leg"]
FAMILY_AND_PEOPLE = ["mum", "dad", "nan", "gran", "grandad", "grandma", "her", "him", "me", "us", "them"]
MEDICINES = [
    "tablet", "tablets", "pill", "pills", "medication", "medicine", "medicines", "med", "meds", "painkiller",
    "painkillers", "paracetamol", "codeine", "co-codamol", "morphine", "oramorph", "tramadol", "insulin",
    "sertraline", "citalopram", "fluoxetine", "mirtazapine", "amitriptyline", "diazepam", "zopiclone",
    "temazepam", "lorazepam", "pregabalin", "gabapentin", "oxycodone", "dose", "doses", "injection", "inhaler",
]  # fmt: skip
# Saving up tablets is both a plan to self-harm and the means to do it now: one pattern, two categories.
SAVING_TABLETS = [
    {"LEMMA": {"IN": ["save", "stockpile", "hoard", "collect", "stash", "store"]}},
    {"LOWER": {"IN": ["up", "all"]}, "OP": "?"},
    {"LOWER": {"IN": ["my", "his", "her", "the", "some", "all", "of", "enough"]}},
    {"LOWER": {"IN": ["my", "his", "her", "the", "dad's", "mum's", "old", "sleeping"]}, "OP": "?"},
    {"LOWER": {"IN": MEDICINES}},
]
# "Weeks' worth" (of a named medicine, checked by "needmeds"): a plan and the means, so two categories.
WEEKS_WORTH = [
    {"LOWER": {"IN": ["weeks", "months", "days", "week's", "month's", "weeks'", "months'", "days'"]}},
    {"LOWER": {"IN": ["'", "’", "'s", "’s"]}, "OP": "?"},
    {"LOWER": "worth"},
]
BASIC_NEEDS = ["food", "meal", "meals", "breakfast", "lunch", "dinner", "tea", "drink", "drinks", "water", "fluids"]
CARE_SUBJECTS = ["carer", "carers", "agency", "they", "nobody", "staff", "nurse", "nurses", "anyone", "anybody"]
RULES += [
    (
        "abuse",
        "says someone grabbed, twisted or hurt them",
        [
            {
                "LEMMA": {
                    "IN": [
                        "grab",
                        "twist",
                        "squeeze",
                        "scratch",
                        "stamp",
                        "scald",
                        "yank",
                        "headbutt",
                        "whack",
                        "clout",
                        "wallop",
                        "stab",
                        "trip",
                        "elbow",
                        "slam",
                        "spit",
                        "burn",
                        "hurt",
                        "pull",
                    ]
                }
            },
            {"LOWER": {"IN": ["me", "her", "him", "us", "them", "mum", "dad", "nan", "gran", "grandad"]}},
            {
                "LOWER": {
                    "NOT_IN": [
                        "a",
                        "an",
                        "up",
                        "out",
                        "through",
                        "round",
                        "in",
                        "back",
                        "along",
                        "over",
                        "aside",
                        "into",
                        "close",
                        "closer",
                        "towards",
                        "onto",
                        "to",
                        "for",
                        "away",
                        "from",
                        "together",
                        "off",
                    ]
                }
            },
        ],
        "neg hypo",
    ),  # fmt: skip
    (
        "abuse",
        "says someone grabbed, twisted or hurt them",
        [
            {"LEMMA": {"IN": ["grab", "twist", "pinch", "pull", "yank", "bend", "scratch", "burn"]}},
            {"LOWER": {"IN": ["my", "her", "his", "mum's", "dad's"]}},
            {"LOWER": {"IN": BODY_PARTS}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone spat at or on them",
        [{"LEMMA": "spit"}, {"LOWER": {"IN": ["at", "on", "in"]}}, {"LOWER": {"IN": FAMILY_AND_PEOPLE}}],
        "neg hypo",
    ),
    (
        "abuse",
        "describes hands round someone's neck",
        [
            {"LEMMA": "hand"},
            {"LOWER": {"IN": ["round", "around", "on"]}},
            {"LOWER": {"IN": ["my", "her", "his", "mum's"]}},
            {"LOWER": {"IN": ["neck", "throat"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "describes violence to things: a fist through a door, things thrown",
        [{"LEMMA": "fist"}, {"LOWER": {"IN": ["through", "into", "in", "at"]}}],
        "neg hypo",
    ),
    (
        "abuse",
        "describes violence to things: a fist through a door, things thrown",
        [
            {"LEMMA": {"IN": ["throw", "hurl", "chuck", "smash"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["at", "against"]}},
            {"LOWER": {"IN": ["me", "her", "him", "us", "my", "the"]}},
            {"LOWER": {"IN": ["wall", "head", "face", "door", "floor", ".", ",", "and"]}, "OP": "?"},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone threatened to kill or hurt them",
        [
            {"LOWER": {"IN": ["going", "gon", "'ll", "ll", "will", "gonna"]}},
            {"LOWER": {"IN": ["to", "na"]}, "OP": "?"},
            {"LOWER": {"IN": ["kill", "hurt", "stab", "batter", "strangle", "smash", "beat", "hit", "burn"]}},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad", "the", "my", "you"]}},
        ],
        "neg",
    ),
    (
        "abuse",
        "says someone shouts or swears at them",
        [
            {"LOWER": {"NOT_IN": ["i", "we", "never", "not", "n't"]}},
            {"LEMMA": {"IN": ["shout", "scream", "swear", "yell", "snap", "sneer"]}},
            {"LOWER": "at"},
            {"LOWER": {"IN": FAMILY_AND_PEOPLE}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone will not let them see people, leave or use their phone",
        [
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LEMMA": "let"},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad"]}},
            {
                "LOWER": {
                    "IN": [
                        "see",
                        "leave",
                        "speak",
                        "talk",
                        "ring",
                        "phone",
                        "call",
                        "contact",
                        "visit",
                        "out",
                        "have",
                        "use",
                        "answer",
                        "open",
                        "touch",
                        "keep",
                        "near",
                        "eat",
                        "sleep",
                        "meet",
                    ]
                }
            },
        ],
        "hypo topic",
    ),  # fmt: skip
    (
        "abuse",
        "says someone checks or takes their phone or post",
        [
            {
                "LOWER": {
                    "NOT_IN": [
                        "i",
                        "we",
                        "you",
                        "to",
                        "always",
                        "'ll",
                        "ll",
                        "'d",
                        "can",
                        "will",
                        "would",
                        "could",
                        "must",
                        "should",
                        "then",
                        "just",
                        "often",
                        "usually",
                        "me",
                        "let",
                        "and",
                        "or",
                        "sometimes",
                        "n't",
                    ]
                }
            },
            {"LEMMA": {"IN": ["check", "read", "smash", "hide", "take", "confiscate", "go", "break", "open"]}},
            {"LOWER": "through", "OP": "?"},
            {"LOWER": {"IN": ["my", "her", "his", "mum's", "dad's"]}},
            {"LOWER": {"IN": ["phone", "mobile", "messages", "texts", "letters", "post", "emails", "keys"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone locks them in or out",
        [
            {"LOWER": {"NOT_IN": ["i", "we", "you", "to"]}},
            {"LEMMA": "lock"},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad", "my", "her"]}},
            {"LOWER": {"IN": ["in", "out", "up", "bedroom", "room", "inside"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says they are frightened of someone or of what happens if they speak",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "afraid", "petrified"]}},
            {"LOWER": "to"},
            {"LOWER": {"IN": ["tell", "complain", "speak", "answer", "open", "leave", "report", "upset"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says they are frightened of someone or of what happens if they speak",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "petrified"]}},  # not the idiom "afraid to say"
            {"LOWER": "to"},
            {"LOWER": {"IN": ["say", "move", "breathe", "sleep"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says they are frightened of someone or of what happens if they speak",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "afraid", "petrified"]}},
            {"LOWER": "to"},
            {"LOWER": "go"},
            {"LOWER": {"IN": ["home", "back"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says they are frightened of someone or of what happens if they speak",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "afraid", "petrified"]}},
            {"LOWER": {"IN": ["of", "what"]}, "OP": "?"},
            {"LOWER": {"IN": ["what", "he", "she", "him", "they"]}},
            {"LOWER": {"IN": ["'ll", "will", "might", "would", "'d", "does", "do", "did", "ll"]}},
        ],
        "neg",
    ),
    (
        "abuse",
        "says someone has control of their money or benefits",
        [
            {"LEMMA": {"IN": [*MONEY, "pip", "wage", "wages", "allowance", "loan", "benefit"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": "into"},
            {"LOWER": {"IN": ["his", "her", "their"]}},
            {"LOWER": "bank", "OP": "?"},
            {"LOWER": "account"},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone has control of their money or benefits",
        [
            {"LOWER": {"IN": ["never", "n't", "nt", "not"]}},
            {"LEMMA": {"IN": ["see", "get"]}},
            {"LOWER": {"IN": ["any", "a"]}},
            {"LOWER": {"IN": ["of", "penny"]}},
            {"LOWER": {"IN": ["it", "my", "her", "the", ".", ","]}, "OP": "?"},
        ],
        "hypo topic",
    ),
    (
        "abuse",
        "says someone pressures them for money or to sign",
        [
            {"LOWER": {"IN": ["till", "until", "unless"]}},
            {"LOWER": {"IN": ["i", "she", "he", "mum", "dad", "we"]}},
            {"LEMMA": {"IN": ["give", "hand", "pay", "lend", "sign", "transfer"]}},
            {"LOWER": {"IN": ["him", "her", "them", "over", "it", "the"]}},
        ],
        "neg",
    ),
    (
        "abuse",
        "says someone pressures them for money or to sign",
        [
            {"LEMMA": {"IN": ["make", "force", "pressure", "push", "bully", "trick", "persuade"]}},
            {"LOWER": {"IN": ["me", "her", "him", "mum", "dad", "us"]}},
            {"LOWER": {"IN": ["to", "into"]}, "OP": "?"},
            {"LEMMA": {"IN": ["sign", "signing", "give", "giving", "hand", "transfer", "lend", "withdraw", "change"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone keeps borrowing or asking for their money",
        [
            {"LEMMA": {"IN": ["borrow", "borrowing", "demand", "beg", "pester", "scrounge", "cadge"]}},
            {"LOWER": {"IN": ["me", "her", "him", "mum", "dad", "us"]}, "OP": "?"},
            {"LOWER": {"IN": ["for", "off", "from"]}, "OP": "?"},
            {"LOWER": {"IN": ["money", "cash", "£", "twenty", "fifty", "tenner", "loans", "my", "her"]}},
            {"LOWER": {"IN": ["pension", "card", "pin", "savings", "bank", "money"]}, "OP": "?"},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone keeps borrowing or asking for their money",
        [
            {"LEMMA": "ask"},
            {"LOWER": {"IN": ["me", "her", "him", "mum", "dad", "us"]}, "OP": "?"},
            {"LOWER": "for"},
            {"LOWER": {"IN": ["money", "cash", "£", "twenty", "fifty", "tenner", "loans"]}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone keeps borrowing or asking for their money",
        [
            {"LEMMA": "ask"},
            {"LOWER": {"IN": ["me", "her", "him", "mum", "dad", "us"]}, "OP": "?"},
            {"LOWER": "for"},
            {"LOWER": {"IN": ["my", "her", "his", "mum's", "dad's"]}},
            {"LOWER": {"IN": ["pension", "card", "pin", "savings", "bank", "money", "cash", "benefits", "wages"]}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [{"LOWER": {"IN": ["safe", "secure", "holding"]}}, {"LOWER": "account"}],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [
            {"LOWER": {"IN": ["rogue", "cowboy", "bogus"]}},
            {"LEMMA": {"IN": ["trader", "builder", "caller", "workman"]}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [
            {"LEMMA": {"IN": ["knock", "turn", "come", "call", "appear"]}},
            {"LOWER": {"IN": ["on", "up", "round", "at"]}},
            {"LOWER": {"IN": ["at", "to"]}, "OP": "?"},
            {"LOWER": {"IN": ["the", "my", "her", "his", "our"]}},
            {"LOWER": {"IN": ["door", "doorstep", "house"]}},
            {"IS_PUNCT": True, "OP": "?"},
            {"LOWER": {"IN": ["saying", "offering", "claiming", "telling", "selling", "said", "and", "asking"]}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [
            {"LEMMA": {"IN": ["pretend", "claim", "say", "make"]}},
            {"LOWER": "to", "OP": "?"},
            {"LOWER": "be", "OP": "?"},
            {"LOWER": {"IN": ["he", "she", "they"]}, "OP": "?"},
            {"LOWER": {"IN": ["was", "were", "is", "are"]}, "OP": "?"},
            {"LOWER": "from"},
            {"LOWER": {"IN": ["the", "my", "her", "his", "our"]}},
            {"LOWER": {"IN": ["bank", "police", "hmrc", "council", "building", "post", "gas", "water", "microsoft"]}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [{"LEMMA": {"IN": ["hack", "phish", "swindle", "defraud", "fleece", "diddle"]}}],
        "neg hypo topic",
    ),
    (
        "abuse",
        "describes a scam: a fake bank call, a safe account, a rogue trader",
        [
            {"LEMMA": {"IN": ["give", "tell", "hand"]}},
            {"LOWER": {"IN": ["him", "them", "her", "a", "the", "someone", "this"]}},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {"LOWER": {"IN": ["my", "her", "his", "mum's", "dad's", "our"]}},
            {"LOWER": {"IN": ["pin", "password", "bank", "card", "account", "security"]}},
        ],
        "neg hypo topic",
    ),
    (
        "neglect",
        "says carers have not been or nobody came",
        [
            {"LOWER": {"IN": CARE_SUBJECTS}},
            {"IS_ALPHA": True, "OP": "{0,4}"},
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LOWER": {"IN": ["been", "come", "came", "visited", "arrived", "called", "appeared"]}},
            {"LOWER": {"IN": ["since", "for", "in", "all", "at", "today", "yesterday", "back", "round", "again"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says carers have not been or nobody came",
        [
            {"LOWER": {"IN": ["nobody", "noone", "no-one", "one"]}},
            {"LEMMA": {"IN": ["come", "came", "turn", "show", "arrive", "visit", "be", "has", "had"]}},
            {"LOWER": {"IN": ["been", "up", "round", "in"]}, "OP": "?"},
            {"LOWER": {"IN": ["for", "since", "round", "all", "at", "until", "till", "on", "yesterday", "today"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone has not had their medication, food or drink",
        [
            {"LOWER": {"IN": ["n't", "nt", "not", "never", "no", "without", "nobody", "noone", "no-one"]}},
            {"LEMMA": {"IN": ["have", "be", "get", "give", "take"]}, "OP": "?"},
            {"LOWER": {"IN": ["given", "had", "got", "taken"]}, "OP": "?"},
            {"LOWER": {"IN": ["him", "her", "me", "them", "mum", "dad"]}, "OP": "?"},
            {"LOWER": {"IN": ["his", "her", "my", "their", "any", "a", "the"]}},
            {"LOWER": {"IN": [*MEDICINES, *BASIC_NEEDS]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone has not had their medication, food or drink",
        [
            {"LOWER": {"IN": MEDICINES}},
            {"LOWER": {"IN": ["were", "was", "have", "has", "had", "are", "is"]}, "OP": "?"},
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LOWER": "been", "OP": "?"},
            {"LOWER": {"IN": ["given", "done", "taken", "left", "put"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone has not had their medication, food or drink",
        [
            {"LOWER": {"IN": ["dosette", "blister", "pill", "tablet", "medication", "nomad"]}},
            {"LOWER": {"IN": ["box", "pack", "packs", "tray", "organiser"]}},
            {"LOWER": {"IN": ["still", "was", "were", "is", "full", "untouched"]}},
            {"LOWER": {"IN": ["had", "full", "untouched", "holding", "has", "got"]}, "OP": "?"},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone has not had their medication, food or drink",
        [
            {"LOWER": {"IN": ["no", "nothing", "n't", "nt", "not"]}},
            {"LOWER": {"IN": ["food", "water", "drink", "milk", "bread", "eaten", "drunk", "fed"]}},
            {"LOWER": {"IN": ["in", "for", "since", "or", "and", "all", "left", "at", "."]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone was not fed, washed, turned or changed",
        [
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LOWER": {"IN": ["been", "be", "being"]}},
            {"LOWER": {"IN": ["fed", "washed", "bathed", "showered", "turned", "repositioned", "toileted"]}},
            {"LOWER": {"NOT_IN": ["on", "off", "up", "down", "away", "round", "around", "out", "back", "over"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says someone was not fed, washed, turned or changed",
        [
            {"LOWER": {"IN": ["pad", "pads", "bed", "sheets", "nappy", "clothes", "dressing", "dressings", "bag"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LOWER": {"IN": ["been", "be", "being"]}, "OP": "?"},
            {"LOWER": "changed"},
        ],
        "topic",
    ),
    (
        "neglect",
        "describes someone left wet or soiled, or left on the floor",
        [
            {"LOWER": {"IN": ["wet", "soaking", "dirty", "filthy", "stinking", "full", "heavy"]}},
            {"LOWER": {"IN": ["pad", "pads", "bed", "sheets", "nappy", "nappies", "clothes", "bedding", "trousers"]}},
        ],
        "topic neg",
    ),
    (
        "neglect",
        "describes someone left wet or soiled, or left on the floor",
        [
            {"LEMMA": {"IN": ["leave", "lie", "lay", "sit", "stick", "find"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": "on"},
            {"LOWER": "the"},
            {"LOWER": "floor"},
            {"LOWER": {"IN": ["for", "all", "overnight", "until", "till", "since", "hours", "when", "again"]}},
        ],
        "topic neg",
    ),
    (
        "neglect",
        "describes someone left wet or soiled, or left on the floor",
        [
            {"LEMMA": "leave"},
            {"LOWER": {"IN": ["me", "her", "him", "them", "mum", "dad", "nan", "gran", "grandad", "alone"]}},
            {"LOWER": {"IN": ["in", "on", "sitting", "lying", "for", "without"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {
                "LOWER": {
                    "IN": [
                        "wet",
                        "soiled",
                        "dirty",
                        "mess",
                        "urine",
                        "commode",
                        "toilet",
                        "floor",
                        "hours",
                        "days",
                        "food",
                        "water",
                        "drink",
                        "pad",
                        "pads",
                        "dark",
                        "cold",
                        "chair",
                    ]
                }
            },
        ],
        "topic neg",
    ),  # fmt: skip
    (
        "neglect",
        "describes dehydration or pressure sores",
        [{"LOWER": {"IN": ["bedsore", "bedsores", "ulcer", "ulcers", "sores"]}}],
        "topic neg",
    ),
    (
        "neglect",
        "says someone has lost a lot of weight or is going hungry",
        [
            {"LEMMA": {"IN": ["lose", "lost"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": {"IN": ["weight", "stone", "stones", "pounds", "kilos", "lbs"]}},
        ],
        "topic neg",
    ),
    (
        "neglect",
        "says someone has lost a lot of weight or is going hungry",
        [{"LOWER": {"IN": ["hungry", "starving", "famished", "thirsty"]}}],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says nobody is keeping someone safe",
        [
            {"LEMMA": {"IN": ["fail", "failing"]}},
            {"LOWER": "to"},
            {"LEMMA": {"IN": ["protect", "keep", "safeguard", "stop", "notice"]}},
        ],
        "topic",
    ),
    (
        "neglect",
        "says nobody is keeping someone safe",
        [
            {"LEMMA": {"IN": ["keep", "make"]}},
            {"LOWER": {"IN": ["her", "him", "them", "mum", "dad", "residents", "people", "me", "us"]}},
            {"LOWER": "safe"},
        ],
        "topic needneg",
    ),
    (
        "neglect",
        "says nobody is keeping someone safe",
        [
            {"LOWER": {"IN": ["nobody", "noone", "no-one", "one", "not", "n't", "nt"]}},
            {"LEMMA": {"IN": ["watch", "supervise", "monitor"]}},
            {"LOWER": {"IN": ["him", "her", "them"]}},
        ],
        "topic",
    ),
    (
        "self_harm",
        "says they have hurt themselves or are thinking of it",
        [
            {"LEMMA": {"IN": ["scratch", "punch", "hit", "bite", "bang", "burn", "starve", "poison", "strangle"]}},
            {"LOWER": {"IN": ["myself", "herself", "himself", "themselves"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have hurt themselves or are thinking of it",
        [
            {"LEMMA": {"IN": ["dig", "scratch", "bite", "pick", "burn", "cut", "scrape"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["until", "till", "til", "so"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LEMMA": {"IN": ["bleed", "bled", "bleeding", "blood", "raw", "scar", "marks"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have hurt themselves or are thinking of it",
        [
            {"LEMMA": {"IN": ["cut", "cutting", "burn", "scratch", "slash", "scrape"]}},
            {"LOWER": {"IN": ["my", "her", "his", "their", "at"]}},
            {"LOWER": {"IN": ["arm", "arms", "wrist", "wrists", "leg", "legs", "thigh", "thighs", "skin", "stomach"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have hurt themselves or are thinking of it",
        [
            {"LEMMA": {"IN": ["dig", "stick", "push"]}},
            {"LOWER": {"IN": ["my", "her", "his", "the"]}},
            {"LOWER": {"IN": ["nails", "nail", "fingernails", "compass", "blade", "razor", "scissors"]}},
            {"LOWER": "into"},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they have hurt themselves or are thinking of it",
        [{"LOWER": {"IN": ["razor", "razors", "blade", "blades", "ligature", "noose"]}}],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [{"LOWER": "better"}, {"LOWER": "off"}, {"LOWER": {"IN": ["dead", "gone"]}}],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LOWER": {"IN": ["happier", "easier", "better"]}},
            {"LOWER": "off", "OP": "?"},
            {"LOWER": "without"},
            {"LOWER": "me"},
            {"LOWER": {"IN": ["here", "around", "there", ".", "!", ",", "and", "anyway", "in"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LOWER": {"IN": ["better", "happier", "easier", "simpler"]}},
            {"LOWER": "off", "OP": "?"},
            {"LOWER": {"IN": ["if", "when", "once"]}},
            {"LOWER": {"IN": ["i", "i'm", "i'd"]}},
            {"LOWER": {"NOT_IN": [".", "!", "?"]}, "OP": "{0,3}"},
            {"LOWER": {"IN": ["here", "around", "gone", "dead", "died", "alive", "exist", "existed", "born"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LOWER": {"IN": ["n't", "nt", "not", "no"]}},
            {"LEMMA": {"IN": ["want", "wish"]}},
            {"LOWER": "to"},
            {"LOWER": {"IN": ["be", "live", "exist", "wake", "carry", "go"]}},
            {"LOWER": {"IN": ["here", "alive", "around", "anymore", "any", "up", "on"]}},
            {"LOWER": {"NOT_IN": ["in", "at", "on", "with", "holiday", "to", "for", "the", "a"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LEMMA": "wish"},
            {"LOWER": {"IN": ["i", "i'd", "she", "he"]}},
            {"LOWER": {"NOT_IN": [".", "!", "?", ","]}, "OP": "{0,3}"},
            {"LOWER": {"IN": ["dead", "died", "born", "woken", "wake", "here", "alive", "asleep", "existed"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LOWER": {"IN": ["ca", "can", "cannot", "could"]}},
            {"LOWER": {"IN": ["n't", "nt", "not"]}, "OP": "?"},
            {"LOWER": {"IN": ["go", "carry", "keep"]}},
            {"LOWER": {"IN": ["on", "going"]}},
            {"LOWER": {"IN": ["like", "anymore", "any", "living", "much", ".", "!", "and"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they do not want to go on living",
        [
            {"LOWER": {"IN": ["no", "nothing", "not", "nobody", "none"]}},
            {"LOWER": {"IN": ["reason", "point", "left", "worth", "one"]}, "OP": "?"},
            {"LOWER": {"IN": ["to", "in", "worth"]}},
            {"LOWER": {"IN": ["live", "living", "going", "wake"]}},
            {"LOWER": {"IN": ["for", "on", ".", "!", ",", "anymore", "up", "and"]}},
        ],
        "",
    ),
    (
        "self_harm",
        "says they have thought of ending their life",
        [
            {"LEMMA": {"IN": ["end", "ending", "finish"]}},
            {"LOWER": {"IN": ["things", "everything", "myself", "herself", "himself", "this"]}},
            {"LOWER": {"IN": [".", "!", ",", "and", "tonight", "now", "for", "today", "soon"]}},
        ],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        SAVING_TABLETS,
        "neg hypo",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        [
            {"LEMMA": "take"},
            {"LOWER": {"IN": ["them", "all", "the", "my", "every", "everything"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["at", "in"]}},
            {"LOWER": {"IN": ["once", "one"]}},
        ],
        "neg hypo",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        [
            {"LEMMA": "take"},
            {"LOWER": {"IN": ["them", "all", "the", "every", "everything"]}},
            {"LOWER": {"IN": ["all", "lot", "together"]}},
            {"LOWER": {"IN": ["tonight", "now", "together", "today", "tomorrow", "when", "once", "."]}},
        ],
        "neg hypo",
    ),
    (
        "immediate_danger",
        "says someone has the means to harm themselves",
        SAVING_TABLETS,
        "past",
    ),
    (
        "immediate_danger",
        "says someone has threatened to kill them",
        [
            {"LOWER": {"IN": ["going", "gon", "'ll", "ll", "will", "gonna"]}},
            {"LOWER": {"IN": ["to", "na"]}, "OP": "?"},
            {"LOWER": {"IN": ["kill", "stab", "strangle"]}},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad", "the", "my", "you"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says the person who harms them is here now",
        [
            {"LOWER": {"IN": ["downstairs", "outside", "upstairs", "here", "door"]}},
            {"LOWER": "now"},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says the person who harms them is here now",
        [
            {"LEMMA": {"IN": ["bang", "kick", "hammer", "pound", "thump", "batter", "smash", "try"]}},
            {"LOWER": {"IN": ["on", "at", "down", "in", "to"]}},
            {"LOWER": {"IN": ["the", "my", "get", "open", "break"]}},
            {"LOWER": {"IN": ["door", "window", "in", "the"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says someone is locked in",
        [
            {"LEMMA": "lock"},
            {"LOWER": {"IN": ["in", "inside"]}},
            {"LOWER": {"IN": ["the", "my", "a", "our", "his", "her"]}},
            {"LOWER": {"IN": ["bathroom", "bedroom", "room", "toilet", "loo", "house", "flat", "shed", "cupboard"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says someone has no heating in freezing weather",
        [
            {"LOWER": {"IN": ["house", "flat", "home", "room", "bungalow", "place", "it"]}},
            {"LEMMA": "be", "OP": "?"},
            {"LOWER": {"IN": ["freezing", "frozen", "perishing", "ice"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says someone has no heating in freezing weather",
        [
            {"LOWER": {"IN": ["boiler", "heating", "heater", "electric", "electricity", "gas"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["broken", "broke", "packed", "died", "bust", "off", "gone", "cut", "working", "run"]}},
        ],
        "past",
    ),
]
# Compositional rule classes (second generalisation pass). A second blind set showed that phrase rules written
# for one writer's wording do not transfer, so these rules combine general vocabulary: an ACTOR (anyone but the
# writer), a HARM or CONTROL verb (lemmas, many synonyms), and a VICTIM or a BODY PART; EFFECTS of harm
# (marks, going purple, skin raw, sat in the same pad, tablets saved up) in first-person contexts; THREATS tied
# to telling; and time cues across neighbouring sentences (see find_safeguarding). Word lists are ordinary
# English, not phrases from any evaluation file.
NOT_ACTOR = [
    "i", "we", "you", "'ve", "ve", "'d", "to", "can", "could", "will", "'ll", "would", "please", "let", "must",
    "should", "just", "me", "myself", "accidentally", "nearly", "almost", "had", "have", "ever", "never",
]  # fmt: skip
ACTORS = [
    "he", "she", "they", "carer", "carers", "staff", "son", "daughter", "husband", "wife", "partner", "boyfriend",
    "girlfriend", "brother", "sister", "nephew", "niece", "grandson", "granddaughter", "resident", "man", "woman",
    "nurse", "driver", "neighbour", "who", "someone", "somebody", "s",
]  # fmt: skip
BODY = [
    "arm", "arms", "wrist", "wrists", "hand", "hands", "finger", "fingers", "thumb", "hair", "neck", "throat",
    "face", "cheek", "ear", "ears", "nose", "mouth", "lip", "jaw", "head", "leg", "legs", "knee", "knees", "ankle",
    "foot", "feet", "shoulder", "shoulders", "back", "ribs", "rib", "chest", "breast", "breasts", "thigh", "thighs",
    "bottom", "bum", "stomach", "tummy", "side", "skin", "elbow", "hip", "toes", "eye", "eyes", "bit",
]  # fmt: skip
INTIMATE = [
    "leg", "legs", "thigh", "thighs", "knee", "chest", "breast", "breasts", "bottom", "bum", "backside", "crotch",
    "groin", "privates", "skirt", "dress", "nightie", "nightdress", "top", "blouse", "trousers", "knickers",
    "pants", "underwear", "bra", "body", "lap", "waist", "hips", "hip",
]  # fmt: skip
HARM_VERBS = [
    "grab", "pinch", "twist", "yank", "pull", "wrench", "bend", "scratch", "burn", "scald",
    "slap", "punch", "hit", "kick", "poke", "jab", "prod", "dig", "stamp", "bash", "whack", "thump", "smack",
    "crush", "claw", "nip", "jerk", "flick", "slam", "knee", "elbow", "bite", "strike", "batter", "wring",
]  # fmt: skip
POSSESSIVE = ["my", "her", "his", "mum's", "dad's", "nan's", "their", "your"]
CLOTHES_AND_BEDDING = [
    "nightie", "nightdress", "nightgown", "pyjamas", "clothes", "covers", "duvet", "blanket", "blankets", "sheet",
    "sheets", "top", "dress", "shirt", "jumper", "cardigan", "coat", "collar", "hair", "handbag", "bag", "glasses",
]  # fmt: skip
AIDS_AND_MEANS = [
    "keys", "key", "phone", "mobile", "charger", "aids", "aid", "glasses", "stick", "frame", "walker", "chair",
    "wheelchair", "scooter", "teeth", "dentures", "passport", "card", "cards", "purse", "wallet", "pendant",
    "alarm", "lifeline", "buzzer", "tablet", "ipad", "laptop", "batteries", "money", "pension", "post", "letters",
]  # fmt: skip
INSULTS = [
    "dirty", "disgusting", "filthy", "useless", "stupid", "pathetic", "fat", "ugly", "burden", "waste", "idiot",
    "liar", "nuisance", "senile", "mad", "crazy", "worthless", "pig", "cow", "thick", "nothing", "vile", "lazy",
    "selfish", "embarrassment", "disgrace", "retard", "bitch", "slag", "animal", "baby", "attention", "faking",
]  # fmt: skip
TELLING = ["tell", "complain", "report", "say", "speak", "ring", "call", "phone", "leave", "go", "grass", "talk"]
CONSEQUENCES = [
    "put", "walk", "leave", "hurt", "kill", "hit", "sell", "stop", "take", "lock", "send", "throw", "kick", "make",
    "regret", "sorry", "find", "lose", "not", "n't", "never", "no", "end", "cut", "get", "pay", "do", "away",
]  # fmt: skip
ENDS = [".", "!", "?"]
TIME_SINCE = ["since", "overnight", "all", "for", "from", "till", "until", "til"]
WHEN_CUES = ["last", "yesterday", "today", "tonight", "this", "at", "all", "for", "since", "again", "twice"]
RULES += [
    (
        "abuse",
        "says someone grips, pinches or hurts a part of their body",
        [
            {"LOWER": {"NOT_IN": NOT_ACTOR}},
            {"LEMMA": {"IN": HARM_VERBS}},
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,4}"},
            {"LOWER": {"IN": POSSESSIVE}},
            {
                "LOWER": {"IN": ["soft", "bad", "sore", "weak", "good", "left", "right", "upper", "inner", "top"]},
                "OP": "?",
            },
            {"LOWER": {"IN": BODY}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone broke or injured a part of their body",
        [
            {"LOWER": {"IN": ACTORS}},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {"LEMMA": {"IN": ["break", "fracture", "dislocate", "split", "cut", "bust", "bruise", "burn", "sprain"]}},
            {"LOWER": {"IN": POSSESSIVE}},
            {"LOWER": {"IN": BODY}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone holds or grips them too tightly or roughly",
        [
            {
                "LEMMA": {
                    "IN": ["hold", "grip", "grab", "squeeze", "pin", "handle", "pull", "push", "yank", "drag", "hoist"]
                }
            },
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{1,4}"},
            {"LOWER": {"IN": ["too", "so", "really", "very", "that", "far"]}},
            {"LOWER": {"IN": ["tight", "tightly", "hard", "roughly", "rough", "hardly"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "describes marks left by harm: going purple, finger marks, bruises",
        [
            {"LOWER": {"IN": ["until", "till", "til", "and", "so", "it"]}},
            {"LOWER": {"IN": ["it", "they", "i", "she", "he", "my", "her"]}, "OP": "?"},
            {"LEMMA": {"IN": ["go", "turn", "be", "bruise", "mark", "bleed", "swell", "come"]}},
            {"LOWER": {"IN": ["purple", "black", "blue", "bruised", "bruises", "marked", "swollen", "bleeding"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "describes marks left by harm: going purple, finger marks, bruises",
        [
            {"LOWER": {"IN": ["finger", "fingertip", "hand", "grip", "slap", "bite", "belt", "thumb"]}},
            {"LOWER": "-", "OP": "?"},
            {"LOWER": {"IN": ["marks", "mark", "shaped", "bruises", "bruising", "prints", "print", "shape"]}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone grabbed or pulled at their clothes or bedding",
        [
            {"LOWER": {"NOT_IN": NOT_ACTOR}},
            {"LEMMA": {"IN": ["grab", "pull", "rip", "tear", "yank", "tug", "snatch", "drag", "whip"]}},
            {"LOWER": {"IN": [*POSSESSIVE, "the"]}},
            {"LOWER": {"IN": CLOTHES_AND_BEDDING}},
            {"LOWER": {"IN": ["off", "away", "from", "down"]}},  # not "he grabbed my coat and we went out"
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "describes unwanted sexual touching",
        [
            {
                "LEMMA": {
                    "IN": [
                        "put",
                        "place",
                        "rest",
                        "slide",
                        "slip",
                        "run",
                        "stick",
                        "move",
                        "keep",
                        "touch",
                        "rub",
                        "stroke",
                        "feel",
                    ]
                }
            },
            {"LOWER": {"IN": ["his", "her", "their", "a"]}, "OP": "?"},
            {"LOWER": {"IN": ["hand", "hands", "fingers", "finger", "arm", "it"]}, "OP": "?"},
            {
                "LOWER": {
                    "IN": ["on", "up", "down", "inside", "under", "between", "over", "round", "around", "along", "in"]
                },
                "OP": "?",
            },
            {"LOWER": {"IN": ["my", "her", "mum's"]}},
            {"LOWER": {"IN": INTIMATE}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone insists on secrecy or says nobody will believe them",
        [
            {"LOWER": {"IN": ["is", "'s", "be", "keep"]}},
            {"LOWER": "it", "OP": "?"},
            {"LOWER": "our"},
            {"LOWER": {"IN": ["little", "special"]}, "OP": "?"},
            {"LOWER": "secret"},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says someone insists on secrecy or says nobody will believe them",
        [
            {"LOWER": {"IN": ["nobody", "no-one", "noone", "one", "nobody'd", "who"]}},
            {"LOWER": {"IN": ["would", "will", "'d", "'ll", "is", "'s", "ever"]}, "OP": "?"},
            {"LOWER": {"IN": ["going", "gon"]}, "OP": "?"},
            {"LOWER": {"IN": ["to", "na"]}, "OP": "?"},
            {"LEMMA": "believe"},
            {"LOWER": {"IN": ["me", "her", "him", "you", "us", "a", "it", "anything", "them"]}},
        ],
        "topic",
    ),
    (
        "abuse",
        "says someone insists on secrecy or says nobody will believe them",
        [
            {"LEMMA": {"IN": ["tell", "warn", "say", "make", "threaten"]}},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad"]}},
            {"LOWER": {"IN": ["not", "never"]}},
            {"LOWER": "to"},
            {"LEMMA": {"IN": ["tell", "say", "mention", "speak", "talk", "ring", "report", "breathe"]}},
            {"LOWER": {"IN": ["anyone", "anybody", "a", "to", "about", "my", "the", "her", "him", "social", "police"]}},
        ],
        "hypo topic",
    ),
    (
        "abuse",
        "says someone threatens them if they tell or complain",
        [
            {"LOWER": {"IN": ["if", "unless"]}},
            {"LOWER": {"IN": ["i", "she", "he", "mum", "dad", "we", "you"]}},
            {"LEMMA": {"IN": TELLING}},
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,9}"},
            {"LOWER": {"IN": ["he", "she", "they", "i", "you", "we", "it"]}},
            {
                "LOWER": {
                    "IN": ["'ll", "will", "ll", "'d", "would", "wo", "ca", "can", "cannot", "wont", "won't", "is", "'s"]
                }
            },
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,2}"},
            {"LEMMA": {"IN": CONSEQUENCES}},
            {"IS_ALPHA": True},  # a consequence spelled out: "she'll walk out", not "if you call, we won't."
        ],
        "topic",
    ),
    (
        "abuse",
        "says someone has taken or hidden the things they need: keys, phone, aids",
        [
            {"LOWER": {"NOT_IN": NOT_ACTOR}},
            {"LEMMA": {"IN": ["take", "hide", "remove", "confiscate", "unplug", "pocket", "keep", "lock"]}},
            {"LOWER": {"IN": ["away", "all"]}, "OP": "?"},
            {"LOWER": {"IN": [*POSSESSIVE, "the"]}},
            {
                "LOWER": {
                    "IN": [
                        "hearing",
                        "walking",
                        "old",
                        "phone",
                        "door",
                        "front",
                        "back",
                        "house",
                        "bank",
                        "chair's",
                        "personal",
                        "emergency",
                    ]
                },
                "OP": "?",
            },
            {"LOWER": {"IN": AIDS_AND_MEANS}},
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone controls their calls, post or door",
        [
            {"LOWER": {"NOT_IN": NOT_ACTOR}},
            {"LEMMA": {"IN": ["answer", "screen", "vet", "intercept", "monitor", "record", "listen", "open", "bin"]}},
            {"LOWER": {"IN": ["to", "in", "on"]}, "OP": "?"},
            {"LOWER": {"IN": ["all", "every", "any"]}, "OP": "?"},
            {"LOWER": {"IN": ["my", "her", "his", "mum's", "dad's", "of"]}},
            {"LOWER": {"IN": ["my", "her"]}, "OP": "?"},
            {
                "LOWER": {
                    "IN": [
                        "calls",
                        "call",
                        "phone",
                        "post",
                        "letters",
                        "mail",
                        "emails",
                        "texts",
                        "messages",
                        "door",
                        "conversations",
                    ]
                }
            },
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone locks them in or shuts them away",
        [
            {"LOWER": {"NOT_IN": NOT_ACTOR}},
            {"LEMMA": {"IN": ["lock", "bolt", "shut", "chain", "wedge", "block"]}},
            # whose door: "locks my bedroom door", "locked us in"; not "staff lock the front door at ten"
            {"LOWER": {"IN": ["my", "our", "her", "me", "us", "mum", "dad", "him"]}},
            {
                "LOWER": {
                    "IN": [
                        "front",
                        "back",
                        "bedroom",
                        "room",
                        "door",
                        "doors",
                        "in",
                        "inside",
                        "away",
                        "windows",
                        "gate",
                    ]
                }
            },
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone will not let them do ordinary things or makes them",
        [
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LEMMA": {"IN": ["let", "allow"]}},
            {"LOWER": {"IN": ["me", "her", "him", "us", "mum", "dad"]}},
            {"LOWER": "to", "OP": "?"},
            {
                "LEMMA": {
                    "IN": [
                        "wash",
                        "bath",
                        "shower",
                        "choose",
                        "decide",
                        "watch",
                        "sit",
                        "drink",
                        "take",
                        "write",
                        "buy",
                        "spend",
                        "wear",
                        "change",
                        "lock",
                        "shut",
                        "switch",
                        "turn",
                        "put",
                    ]
                }
            },
        ],
        "hypo topic",
    ),
    (
        "abuse",
        "says someone insults or belittles them",
        [
            {"LEMMA": {"IN": ["say", "call", "tell", "shout", "scream", "hiss", "sneer", "mutter", "yell"]}},
            {"LOWER": {"IN": ["me", "her", "him", "mum", "dad"]}, "OP": "?"},
            {"LOWER": "that", "OP": "?"},
            {"LOWER": {"IN": ["i", "i'm", "she", "he", "you", "mum", "dad"]}},
            {"LOWER": {"IN": ["'m", "am", "'re", "are", "'s", "is", "was", "were", "smell", "stink", "look"]}},
            {"LOWER": {"IN": ["a", "an", "just", "so", "like", "nothing", "being", "too", "such"]}, "OP": "?"},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": INSULTS}},
        ],
        "neg hypo topic",
    ),
    (
        "abuse",
        "says they are frightened of someone or of what happens if they speak",
        [
            {"LOWER": {"IN": ["frightened", "scared", "terrified", "petrified"]}},
            {"LOWER": "to"},
            {"LOWER": {"IN": ["shut", "close", "ring", "call", "stay", "fall", "be", "look", "make", "go"]}},
            {
                "LOWER": {
                    "IN": [
                        "my",
                        "asleep",
                        "in",
                        "alone",
                        "on",
                        "out",
                        "to",
                        "for",
                        "anything",
                        "a",
                        "near",
                        "him",
                        "her",
                    ]
                }
            },
        ],
        "neg hypo",
    ),
    (
        "abuse",
        "says someone locks them in or shuts them away",
        [
            {"LEMMA": {"IN": ["lock", "bolt", "chain", "wedge", "block"]}},
            {"LOWER": "the"},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {"LOWER": {"IN": ["door", "doors", "gate", "windows"]}},
            {"LOWER": {"IN": ["so", "on"]}},
            {"LOWER": {"IN": ["i", "we", "she", "he", "mum", "dad", "me", "us", "her", "him"]}},
        ],
        "neg hypo",
    ),
    (
        "neglect",
        "says someone has been left in the same or a wet pad or clothes",
        [
            {"LOWER": {"IN": ["same", "wet", "dirty", "soiled", "soaking", "filthy", "stinking", "sodden"]}},
            {
                "LOWER": {
                    "IN": [
                        "pad",
                        "pads",
                        "nappy",
                        "nappies",
                        "clothes",
                        "nightie",
                        "pyjamas",
                        "sheets",
                        "bedding",
                        "bed",
                        "underwear",
                        "knickers",
                        "pants",
                        "dressing",
                        "dressings",
                    ]
                }
            },
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,2}"},
            {"LOWER": {"IN": TIME_SINCE}},
        ],
        "topic neg",
    ),
    (
        "neglect",
        "says someone was stuck or left lying for hours",
        [
            {"LOWER": {"IN": ["stuck", "lain", "stranded", "left"]}},
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,4}"},
            {"LOWER": {"IN": ["since", "overnight", "all"]}},
            {
                "LOWER": {
                    "IN": [
                        "night",
                        "day",
                        "morning",
                        "afternoon",
                        "yesterday",
                        "last",
                        "teatime",
                        "lunchtime",
                        "dinnertime",
                        "breakfast",
                        "the",
                        "tea",
                        "lunch",
                        "dinner",
                        "friday",
                        "saturday",
                        "sunday",
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "weekend",
                        "then",
                        "early",
                        "midnight",
                    ]
                }
            },
        ],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says someone was stuck or left lying for hours",
        [
            {"LEMMA": {"IN": ["find", "leave", "lie", "lay", "stick", "be", "sit", "strand"]}},
            {"IS_ALPHA": True, "OP": "{0,3}"},
            {"LOWER": "on"},
            {"LOWER": {"IN": ["the", "her", "his", "my", "their"]}},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {"LOWER": "floor"},
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,8}"},
            {"LOWER": {"IN": ["since", "overnight", "hours", "all", "stuck", "cold", "hypothermia", "night"]}},
        ],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says carers did not come when they should",
        [
            {"LOWER": {"IN": ["never", "n't", "nt", "not", "didnt", "didn't"]}},
            {"LOWER": {"IN": ["come", "came", "turned", "showed", "arrived", "been", "visited", "bothered"]}},
            {"LOWER": {"IN": ["up", "round", "in"]}, "OP": "?"},
            {"LOWER": {"IN": WHEN_CUES}},
            {
                "LOWER": {
                    "IN": [
                        "night",
                        "morning",
                        "evening",
                        "all",
                        "day",
                        "days",
                        "hours",
                        "week",
                        "weekend",
                        "time",
                        "lunchtime",
                        "teatime",
                        "bedtime",
                        "once",
                        "twice",
                        "again",
                    ]
                },
                "OP": "?",
            },
        ],
        "topic hypo",
    ),
    (
        "neglect",
        "says visits or calls were missed",
        [
            {"LOWER": {"IN": ["visit", "visits", "call", "calls", "calls", "sit", "run"]}},
            {
                "LOWER": {
                    "IN": ["has", "have", "was", "were", "is", "are", "got", "keep", "keeps", "being", "been", "had"]
                },
                "OP": "{0,2}",
            },
            {"LOWER": {"IN": ["missed", "cancelled", "skipped", "forgotten", "dropped", "cut"]}},
        ],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says visits or calls were missed",
        [
            {"LOWER": {"IN": ["missed", "skipped", "forgotten", "cancelled"]}},
            {
                "LOWER": {
                    "IN": [
                        "visit",
                        "visits",
                        "calls",
                        "call",
                        "medication",
                        "meds",
                        "tablets",
                        "doses",
                        "meals",
                        "insulin",
                    ]
                }
            },
            {"LOWER": {"NOT_IN": ["appointment", "appointments", "bus", "train"]}},
        ],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says help was very slow to come",
        [
            {"LOWER": {"IN": ["minutes", "hour", "hours", "ages", "forever", "age"]}},
            {"LOWER": {"IN": ["before", "till", "until", "til"]}},
            {
                "LOWER": {
                    "IN": ["anyone", "anybody", "someone", "somebody", "a", "the", "staff", "they", "carers", "any"]
                }
            },
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {
                "LOWER": {
                    "IN": ["came", "come", "answered", "arrived", "turned", "helped", "responded", "bothered", "showed"]
                }
            },
        ],
        "topic neg hypo",
    ),
    (
        "neglect",
        "says nothing has been done to keep someone safe",
        [
            {"LOWER": {"NOT_IN": ["i", "we", "'ve", "'d"]}},
            {"LOWER": {"IN": ["have", "has", "'ve", "had", "did", "do", "does", "'s", "ve"]}},
            {"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
            {"LOWER": {"IN": ["put", "done", "did", "do", "been"]}},
            {"LOWER": {"IN": ["anything", "nothing", "owt", "much"]}},
            {"LOWER": {"IN": ["in", "about"]}},
            {"LOWER": {"IN": ["place", "it", "him", "her", "this", "that"]}},
        ],
        "topic hypo",
    ),
    (
        "neglect",
        "says nothing has been done to keep someone safe",
        [
            {"LOWER": "nothing"},
            {"LOWER": {"IN": ["has", "have", "'s", "had", "was", "is"]}, "OP": "?"},
            {"LOWER": {"IN": ["been", "got", "ever"]}, "OP": "?"},
            {"LOWER": {"IN": ["done", "put", "changed"]}},
            {"LOWER": {"IN": ["in", "about", ".", ",", "since", "to"]}},
        ],
        "topic hypo",
    ),
    (
        "neglect",
        "describes skin made sore by being left",
        [
            {"LOWER": {"IN": ["skin", "skin's", "bottom", "bum", "heels", "groin"]}},
            {"LOWER": {"IN": ["is", "'s", "was", "has", "gone", "all", "got", "been"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["red", "raw", "broken", "blistered", "excoriated", "weeping", "breaking"]}},
        ],
        "topic neg hypo",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        [
            {"LOWER": {"IN": MEDICINES}},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {
                "LOWER": {
                    "IN": [
                        "saved",
                        "stockpiled",
                        "hoarded",
                        "stashed",
                        "squirrelled",
                        "hidden",
                        "collected",
                        "put",
                        "kept",
                        "stored",
                    ]
                }
            },
            {"LOWER": {"IN": ["up", "away", "aside", "by", "in", "back"]}},
        ],
        "neg hypo topic",
    ),
    (
        "self_harm",
        "says they are saving up tablets",
        WEEKS_WORTH,
        "neg hypo topic needmeds",
    ),
    (
        "self_harm",
        "says they have planned how or when to end their life",
        [
            {"LEMMA": {"IN": ["work", "figure", "plan", "decide", "know", "choose", "pick"]}},
            {"LOWER": "out", "OP": "?"},
            {"LOWER": {"IN": ["when", "how", "where", "what"]}},
            {"LOWER": {"NOT_IN": ENDS}, "OP": "{0,9}"},
            {"LOWER": {"IN": ["empty", "alone", "myself", "it"]}},
            {"LOWER": {"IN": [".", ",", "!", "and", "tonight", "then", "without", "so", "for", "when"]}},
        ],
        "neg hypo topic needmeds",
    ),
    (
        "immediate_danger",
        "says someone has the means to harm themselves",
        [
            {"LOWER": {"IN": MEDICINES}},
            {"IS_ALPHA": True, "OP": "{0,1}"},
            {
                "LOWER": {
                    "IN": ["saved", "stockpiled", "hoarded", "stashed", "squirrelled", "hidden", "collected", "stored"]
                }
            },
            {"LOWER": {"IN": ["up", "away", "aside", "by", "in", "back"]}},
        ],
        "past",
    ),
    (
        "immediate_danger",
        "says someone has the means to harm themselves",
        WEEKS_WORTH,
        "past needmeds",
    ),
    (
        "immediate_danger",
        "says someone is locked in or kept from leaving now",
        [
            {"LOWER": {"IN": ["has", "'s", "have", "'ve", "just", "now"]}},
            {"LEMMA": {"IN": ["lock", "bolt", "chain", "block", "barricade"]}},
            {"LOWER": {"IN": ["the", "me", "us", "my", "her", "him", "all"]}},
        ],
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
    "trainer",
    "refresher",
    "induction",
    "types",
    "kinds",
    "e-learning",
    "seminar",
    "webinar",
    "conference",
    "quiz",
    "lesson",
    "slides",
    "role",
    "roleplay",
    "role-play",
    "scenario",
    "scenarios",
    "storyline",
    "soap",
}
PAST_MARKERS = {
    "decades",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "childhood",
}
# "ago" marks the long past only after years ("thirty years ago", not "three weeks ago"); "child", "girl"...
# only after "was", "were" or "as" ("when I was a girl", not "my 14-year-old daughter" or "a young man").
AGO_UNITS = {"years", "year", "decades", "decade", "long", "lifetime", "yonks"}
YOUTH_WORDS = {"child", "boy", "girl", "young", "younger", "teenager", "kid", "lad", "lass", "youngster"}

DOMESTIC = {
    "son",
    "fiance",
    "fiancé",
    "fiancée",
    "stepdaughter",
    "stepmother",
    "grandchild",
    "grandchildren",
    "grandsons",
    "sons",
    "daughters",
    "brothers",
    "relatives",
    "relative",
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
    "mother-in-law",
    "father-in-law",
    "in-laws",
    "in-law",
    "stepchildren",
    "stepsister",
    "stepbrother",
    "step-son",
    "step-daughter",
    "step-dad",
    "step-mum",
    "granddaughters",
    "twin",
    "husband's",
    "wife's",
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


_LEMMA, _LOWER = 0, 1
_ALPHA, _PUNCT, _LIKE_NUM = 0, 1, 2
_QUANTIFIER_RE = re.compile(r"\{(\d+),(\d+)\}")


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


class _Tokens:
    """One doc's token attributes as plain lists of ints, read with doc.to_array (no Token objects).

    Lexeme flags (IS_ALPHA, IS_PUNCT, LIKE_NUM) come from a cache per word id shared across docs.
    """

    __slots__ = ("doc", "cols", "lemma", "lower", "orth", "starts", "bounds", "lemma_sets", "_flags", "_vocab")

    def __init__(self, doc: Doc, lemma: list[int], lower: list[int], flags: dict[int, tuple[int, ...]]) -> None:
        self.doc = doc
        self.lemma, self.lower = lemma, lower
        self.cols = (lemma, lower)
        self.orth = doc_orths(doc)
        starts = numpy.flatnonzero(sentence_starts(doc) == 1).tolist()
        if not starts or starts[0] != 0:
            starts = [0, *starts]
        self.starts = starts
        self.bounds = [*starts, len(doc)]
        self.lemma_sets: dict[int, frozenset[int]] = {}
        self._flags = flags
        self._vocab = doc.vocab

    def flags(self, i: int) -> tuple[int, ...]:
        """(IS_ALPHA, IS_PUNCT, LIKE_NUM) of token i."""
        orth = self.orth[i]
        found = self._flags.get(orth)
        if found is None:
            lex = self._vocab[orth]
            found = self._flags[orth] = (int(lex.is_alpha), int(lex.is_punct), int(lex.like_num))
        return found


Test = Callable[[_Tokens, int], bool]


def _spec_words(spec: dict) -> list[tuple[int, list[str]]]:
    """(column, words) for each LEMMA or LOWER condition of a spec given as a string or an IN list."""
    found = []
    for name, col in (("LEMMA", _LEMMA), ("LOWER", _LOWER)):
        value = spec.get(name)
        words = [value] if isinstance(value, str) else (value or {}).get("IN")
        if words:
            found.append((col, list(words)))
    return found


class _Rule:
    """A Matcher pattern compiled to Python tests over _Tokens, for the few sentences that hold its anchor.

    spaCy's Matcher runs "IN" lists as Python predicates token by token; these rules run only where their
    rarest word occurs, so plain set lookups on int lists are several times faster. Only the pattern features
    the rules use are supported: LEMMA and LOWER with a string, IN, NOT_IN or REGEX; IS_ALPHA and IS_PUNCT;
    OP absent, "?" or "{m,n}".
    """

    def __init__(self, pattern: list[dict], strings) -> None:
        self.specs: list[tuple[Test, int, int]] = []
        # For each spec that must match exactly one token by LEMMA or LOWER words: those words. A doc holding
        # none of one set's words cannot match, so the rule is skipped for it.
        self.required = [_ids(words) for spec in pattern if spec.get("OP") is None for _, words in _spec_words(spec)]
        # The rarest word the match must have at a fixed offset from its start: candidate starts are the
        # tokens holding it (a set lookup), instead of every token in the sentence.
        self.key: tuple[int, int, frozenset[int]] | None = None
        best = float("inf")
        for offset, spec in enumerate(pattern):
            if spec.get("OP") is not None:
                break
            for col, words in _spec_words(spec):
                score = sum(10 ** lower_prob(w) for w in words)
                if score < best:
                    best = score
                    self.key = (offset, col, _ids(words))
        for spec in pattern:
            op = spec.get("OP")
            if op is None:
                low, high = 1, 1
            elif op == "?":
                low, high = 0, 1
            elif _QUANTIFIER_RE.fullmatch(op):
                low, high = (int(g) for g in _QUANTIFIER_RE.fullmatch(op).groups())  # type: ignore[union-attr]
            else:
                raise ValueError(f"unsupported OP {op!r} in a safeguarding rule")
            tests = [self._test(key, value, strings) for key, value in spec.items() if key != "OP"]
            test = tests[0] if len(tests) == 1 else (lambda t, i, tests=tests: all(f(t, i) for f in tests))
            self.specs.append((test, low, high))

    @staticmethod
    def _test(key: str, value, strings) -> Test:  # noqa: C901
        if key in ("IS_ALPHA", "IS_PUNCT"):
            flag, want = (_ALPHA if key == "IS_ALPHA" else _PUNCT), int(bool(value))
            return lambda t, i: t.flags(i)[flag] == want
        if key not in ("LEMMA", "LOWER"):
            raise ValueError(f"unsupported attribute {key!r} in a safeguarding rule")
        col = _LEMMA if key == "LEMMA" else _LOWER
        if isinstance(value, str):
            wanted = get_string_id(value)
            return lambda t, i: t.cols[col][i] == wanted
        if set(value) == {"IN"}:
            among = _ids(value["IN"])
            return lambda t, i: t.cols[col][i] in among
        if set(value) == {"NOT_IN"}:
            outside = _ids(value["NOT_IN"])
            return lambda t, i: t.cols[col][i] not in outside
        if set(value) == {"REGEX"}:
            regex, seen = re.compile(value["REGEX"]), {}

            def search(t: _Tokens, i: int) -> bool:
                word = t.cols[col][i]
                if word not in seen:
                    seen[word] = regex.search(strings[word]) is not None
                return seen[word]

            return search
        raise ValueError(f"unsupported value {value!r} in a safeguarding rule")

    def starts(self, t: _Tokens, begin: int, end: int) -> list[int]:
        """Token indices in [begin, end) where the pattern matches, as spaCy's Matcher on that span finds."""
        if self.key is None:
            return [i for i in range(begin, end) if self._match(t, 0, i, end)]
        offset, col, words = self.key
        values = t.cols[col]
        if words.isdisjoint(values[begin + offset : end]):
            return []
        return [
            i - offset for i in range(begin + offset, end) if values[i] in words and self._match(t, 0, i - offset, end)
        ]

    def _match(self, t: _Tokens, k: int, i: int, end: int) -> bool:
        """Whether specs[k:] match from token i without passing `end` (backtracking over optional tokens)."""
        specs = self.specs
        while k < len(specs):
            test, low, high = specs[k]
            if high == 1 and low == 1:
                if i >= end or not test(t, i):
                    return False
                i, k = i + 1, k + 1
                continue
            taken = 0
            while True:
                if taken >= low and self._match(t, k + 1, i + taken, end):
                    return True
                j = i + taken
                if taken == high or j >= end or not test(t, j):
                    return False
                taken += 1
        return True


class SafeguardingRules:
    """The rules compiled once; each runs only on sentences holding that rule's rarest word (for speed)."""

    def __init__(self, nlp: Language) -> None:
        self.strings = nlp.vocab.strings
        self.rules: list[_Rule] = []
        self.anchors: list[frozenset[int]] = []
        for _category, _reason, pattern, _checks in RULES:
            self.rules.append(_Rule(pattern, self.strings))
            words = set(_anchor_values(pattern))
            for word in list(words):
                words.update(IRREGULAR.get(word, ()))
            self.anchors.append(frozenset(self.strings.add(w) for w in words))
        self.triggers: frozenset[int] = frozenset().union(*self.anchors)
        self.rules_by_word: dict[int, list[int]] = {}
        for index, anchors in enumerate(self.anchors):
            for word in anchors:
                self.rules_by_word.setdefault(word, []).append(index)
        self._lemma_lower: dict[int, int] = {}
        self._flags: dict[int, tuple[int, ...]] = {}

    def tokens(self, doc: Doc) -> _Tokens | None:
        """The doc's token attributes, or None when no rule's anchor word occurs."""
        if not len(doc):
            return None
        arr = doc.to_array([LEMMA, LOWER])
        lemma, lower = arr[:, 0].tolist(), arr[:, 1].tolist()
        doc.user_data["sb_lemma_lower"] = (lemma, lower)  # for the content warnings after the pipeline
        if self.triggers.isdisjoint(lemma) and self.triggers.isdisjoint(lower):
            return None
        return _Tokens(doc, lemma, lower, self._flags)

    def matches(self, t: _Tokens) -> list[tuple[int, int, int]]:
        """(rule index, token index, sentence index) for every rule match, rule by rule, sentence by sentence."""
        triggers = self.triggers
        present = triggers.intersection(t.lemma).union(triggers.intersection(t.lower))
        rule_ids = []
        doc_words: set[int] | None = None
        for index in sorted({r for word in present for r in self.rules_by_word[word]}):
            required = self.rules[index].required
            if len(required) > 1:  # a rule whose other required words are missing from the doc cannot match
                if doc_words is None:
                    doc_words = set(t.lemma).union(t.lower)
                if any(words.isdisjoint(doc_words) for words in required):
                    continue
            rule_ids.append(index)
        if not rule_ids:
            return []
        sentences = self._sentences_of(t, set().union(*(self.anchors[i] & present for i in rule_ids)))
        found: list[tuple[int, int, int]] = []
        for index in rule_ids:
            rule = self.rules[index]
            sentence_ids = set().union(*(sentences[w] for w in self.anchors[index] & present))
            for sid in sorted(sentence_ids):
                for start in rule.starts(t, t.bounds[sid], t.bounds[sid + 1]):
                    found.append((index, start, sid))
        return found

    @staticmethod
    def _sentences_of(t: _Tokens, words: Iterable[int]) -> dict[int, set[int]]:
        """The sentences each word occurs in, found with list.index (a C loop) instead of a Python loop."""
        sentences: dict[int, set[int]] = {}
        for word in words:
            ids = sentences[word] = set()
            for column in (t.lemma, t.lower):
                i = -1
                for _ in range(column.count(word)):
                    i = column.index(word, i + 1)
                    ids.add(bisect_right(t.starts, i) - 1)
        return sentences

    def sentence_words(self, t: _Tokens, sid: int) -> frozenset[int]:
        """Ids of every lowercase lemma and lowercase form in a sentence."""
        words = t.lemma_sets.get(sid)
        if words is None:
            begin, end = t.bounds[sid], t.bounds[sid + 1]
            lemma_lower, strings = self._lemma_lower, self.strings
            lowered = []
            for lemma in t.lemma[begin:end]:
                if lemma not in lemma_lower:
                    lemma_lower[lemma] = get_string_id(strings[lemma].lower())
                lowered.append(lemma_lower[lemma])
            words = t.lemma_sets[sid] = frozenset(lowered).union(t.lower[begin:end])
        return words


def build_safeguarding_matcher(nlp: Language) -> SafeguardingRules:
    return SafeguardingRules(nlp)


NEG_IDS = _ids(NEG)
WOULD_IDS = _ids({"would", "wouldn't", "won't"})
HYPOTHETICAL_IDS = _ids({"if", "imagine", "whether", "might", "suppose", "supposing"})
# A negation before a match counts only inside the same clause: "I said no and he took my purse" is a disclosure.
CLAUSE_BREAK_IDS = _ids({"and", "but", ",", ";", ":", "so", "then", "because", "-", "–", "—", "when", "till", "until"})
NON_CARE_IDS = _ids(
    {
        "interpreter",
        "taxi",
        "plumber",
        "engineer",
        "builder",
        "electrician",
        "bus",
        "parcel",
        "delivery",
        "post",
        "letter",
        "transport",
        "minibus",
        "driver",
        "hairdresser",
        "chiropodist",
    }
)
AGO_UNIT_IDS = _ids(AGO_UNITS)
AGO_ID = get_string_id("ago")
YOUTH_IDS = _ids(YOUTH_WORDS)
YOUTH_CUE_IDS = _ids({"was", "were", "as"})
CARE_WORD_IDS = _ids({"carer", "carers", "agency", "nurse", "nurses", "staff"})
CONTACT_VERB_IDS = _ids(
    {"ring", "rang", "call", "called", "phone", "phoned", "tell", "told", "text", "texted", "asked"}
)
CONDITIONAL_IDS = _ids({"would", "could", "'d"})
TOPIC_IDS = _ids(TOPIC_LEMMAS)
PAST_MARKER_IDS = _ids(PAST_MARKERS)
PAST_TENSE_IDS = _ids({"ago", "was", "were"})
NOW_ID, STILL_ID = get_string_id("now"), get_string_id("still")
NON_FAMILY_IDS = _ids(NON_FAMILY_ABUSERS)
DOMESTIC_IDS = _ids(DOMESTIC)
POSSESSOR_IDS = _ids({"my", "her", "his", "our", "their", "'s"})
APOSTROPHE_S_IDS = _ids({"'s", "’s"})
CHILD_IDS = _ids({"son", "daughter"})
SAME_SENTENCE_ONLY_IDS = _ids({"father", "mother", "daughter", "sister"})
SPEECH_IDS = _ids(SPEECH)
MEDICINE_IDS = _ids(MEDICINES)
ABOUT_IDS = _ids({"about", "regarding"})
BEEN_ID = get_string_id("been")
THINKING_IDS = _ids({"think", "thinking", "thought", "thinks", "dream", "dreaming", "fantasise", "obsess", "obsessing"})
SECOND_PERSON_IDS = _ids({"you", "your"})
FIRST_PERSON_IDS = _ids({"i", "me", "my", "mum", "dad", "her", "him"})
# Habitual wording ("locks my door at night", "every evening") is ongoing harm, not danger this minute.
HABITUAL_IDS = _ids({"every", "always", "usually", "often", "sometimes", "nights", "night", "locks", "weekends"})
IMMINENT_IDS = _ids({"now", "tonight", "today", "currently", "still", "right"})
WAS_IDS = _ids({"was", "were", "had", "did", "used", "'d"})


def _negated(t: _Tokens, sent_start: int, start: int) -> bool:
    lower = t.lower
    for i in range(start - 1, max(sent_start, start - 4) - 1, -1):
        word = lower[i]
        if word in CLAUSE_BREAK_IDS:
            return False
        if word in NEG_IDS or word in WOULD_IDS and i < start - 1:
            return True
    return False


def _about_the_subject(t: _Tokens, sent_start: int, start: int) -> bool:
    """'a talk about scams', 'training on abuse': but not 'I think about ending it'."""
    lower = t.lower
    for i in range(start - 1, max(sent_start, start - 3) - 1, -1):
        if lower[i] in ABOUT_IDS:
            return i == sent_start or lower[i - 1] not in THINKING_IDS
    return False


def _hypothetical(t: _Tokens, sent_start: int, start: int) -> bool:
    lower = t.lower
    return any(lower[i] in HYPOTHETICAL_IDS for i in range(sent_start, start)) or any(
        lower[i] in CONDITIONAL_IDS and lower[i + 1] != BEEN_ID  # "she'd been" is past, not "she'd do"
        for i in range(max(sent_start, start - 3), start)
    )


def _long_past(t: _Tokens, begin: int, end: int, strings) -> bool:
    lower = t.lower
    if not PAST_MARKER_IDS.isdisjoint(lower[begin:end]):
        return True
    for i in range(begin, end):
        word = lower[i]
        if word == AGO_ID and not AGO_UNIT_IDS.isdisjoint(lower[max(begin, i - 3) : i]):
            return True
        if word in YOUTH_IDS and not YOUTH_CUE_IDS.isdisjoint(lower[max(begin, i - 3) : i]):
            return True
    for i in range(begin, end):
        if t.flags(i)[_LIKE_NUM]:
            text = strings[t.orth[i]]
            if len(text) == 4 and text.startswith("19"):
                return True
    return False


def _is_domestic(t: _Tokens, sid: int, strings) -> bool:
    lower, bounds = t.lower, t.bounds
    if not NON_FAMILY_IDS.isdisjoint(lower[bounds[sid] : bounds[sid + 1]]):
        return False
    n = len(lower)
    for other in range(max(0, sid - 2), sid + 1):
        for i in range(bounds[other], bounds[other + 1]):
            word = lower[i]
            if word not in DOMESTIC_IDS and not strings[word].startswith("ex-"):
                continue
            if i == 0 or lower[i - 1] not in POSSESSOR_IDS:
                continue
            if i > 1 and lower[i - 2] in CONTACT_VERB_IDS:  # "so I couldn't ring my son": not the abuser
                continue
            nxt = lower[i + 1] if i + 1 < n else None
            if nxt is not None and nxt in APOSTROPHE_S_IDS and word not in CHILD_IDS:
                continue
            if nxt is not None and nxt in SPEECH_IDS:
                continue
            in_law = i + 2 < n and strings[lower[i + 2]] == "in"  # "my daughter-in-law"
            if word in SAME_SENTENCE_ONLY_IDS and other != sid and not in_law:
                continue
            return True
    return False


def find_safeguarding(doc: Doc, rules: SafeguardingRules) -> list[SafeguardingSignal]:  # noqa: C901
    t = rules.tokens(doc)
    if t is None:
        return []
    matches = rules.matches(t)
    if not matches:
        return []
    strings, bounds = rules.strings, t.bounds
    hits: dict[tuple[str, int], tuple[int, str]] = {}
    for index, start, sid in matches:
        category, reason, _pattern, checks = RULES[index]
        key = (category, sid)
        if key in hits:
            continue
        sent_start = bounds[sid]
        if "neg" in checks and _negated(t, sent_start, start):
            continue
        if "hypo" in checks and _hypothetical(t, sent_start, start):
            continue
        words = rules.sentence_words(t, sid)
        if "needneg" in checks and words.isdisjoint(NEG_IDS):
            continue
        if "needmeds" in checks and words.isdisjoint(MEDICINE_IDS):
            continue
        # talk about the subject: "a talk about scams", "they told us about abuse"
        if (reason.startswith("mentions") or "scam" in reason) and _about_the_subject(t, sent_start, start):
            continue
        # advice to a general "you" ("the bank will never ask you to move money") is not a disclosure
        if "scam" in reason and not words.isdisjoint(SECOND_PERSON_IDS) and words.isdisjoint(FIRST_PERSON_IDS):
            continue
        if category == "immediate_danger" and not words.isdisjoint(HABITUAL_IDS) and words.isdisjoint(IMMINENT_IDS):
            continue
        if category == "neglect" and not words.isdisjoint(NON_CARE_IDS) and "care" not in checks:
            if not CARE_WORD_IDS.intersection(t.lower[max(sent_start, start - 6) : start + 6]):
                continue
        if (
            category != "immediate_danger"
            and ("topic" in checks or category == "abuse")
            and not words.isdisjoint(TOPIC_IDS)
        ):
            continue
        if (
            category in {"abuse", "neglect"}
            and STILL_ID not in words
            and _long_past(t, sent_start, bounds[sid + 1], strings)
        ):
            continue
        # time cues across sentences: a past-tense sentence next to one set decades ago ("My father was a violent
        # man. When I was a boy in the sixties...") is long past too, unless it says now or still.
        if (
            category in {"abuse", "neglect"}
            and not words.isdisjoint(WAS_IDS)
            and words.isdisjoint(IMMINENT_IDS)
            and any(
                0 <= other < len(bounds) - 1 and _long_past(t, bounds[other], bounds[other + 1], strings)
                for other in (sid - 1, sid + 1)
            )
        ):
            continue
        if "past" in checks and (not words.isdisjoint(PAST_TENSE_IDS) and NOW_ID not in words):
            continue
        hits[key] = (sid, f"This sentence {reason}.")
    categories = {c for c, _ in hits}
    if categories <= {"immediate_danger"}:
        return []
    if "immediate_danger" in categories and not categories & {"abuse", "neglect", "self_harm"}:
        hits = {k: v for k, v in hits.items() if k[0] != "immediate_danger"}
    for (category, sid), (_sid, reason) in list(hits.items()):
        if category == "abuse" and "scam" not in reason and _is_domestic(t, sid, strings):
            hits.setdefault(
                ("domestic_abuse", sid),
                (sid, "The harm described seems to come from a partner or family member."),
            )
    signals = []
    for (category, sid), (_sid, reason) in hits.items():
        sent = doc[bounds[sid] : bounds[sid + 1]]
        signals.append(SafeguardingSignal(category, sent.start_char, sent.end_char, sent.text.strip(), reason))
    return sorted(signals, key=lambda s: (s.sentence_start, s.category))
