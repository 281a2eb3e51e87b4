"""Theme suggestions from an editable taxonomy, matched on lemmas so "waited" and "waiting" both count.

The default taxonomy is written from general knowledge of social-care stories (not from the evaluation data);
admins can pass their own. In the default taxonomy each theme has strong cues, which on their own make the theme
likely ("humiliated", "waiting list"), and weak cues, which only count together ("weeks", "lovely"). A theme is
suggested when its cues score at least 2 (a strong cue scores 2, each different weak cue 1); the best three are
kept. In an admin's own taxonomy every word is a strong cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .models import ThemeSuggestion
from .tokens import doc_text

# slug: (strong cues, weak cues)
THEME_CUES: dict[str, tuple[list[str], list[str]]] = {
    "dignity": (
        [
            "dignity", "undignified", "indignity", "humiliated", "humiliating", "humiliation", "degrading",
            "demeaning", "ashamed", "embarrassed", "embarrassing", "privacy", "no privacy", "disrespectful",
            "no respect", "treated like a child", "like a child", "like a baby", "like an object",
            "like a number", "like a piece of meat", "talked down to", "spoke down to", "patronising",
            "patronised", "left naked", "left soiled", "sitting in wet", "lying in wet", "wet pad",
            "incontinence pad", "in front of everyone", "as a person", "as if I wasn't there",
            "like I wasn't there", "talked about me", "personal care",
        ],
        [
            "respect", "commode", "toilet", "bathroom", "shower", "wash", "bath", "undressed", "naked", "pad",
            "continence", "incontinence", "soiled", "curtain", "door open", "clean clothes", "shame", "dirty",
            "unwashed", "smelled", "nightie", "nightdress", "dentures", "teeth", "shaved", "hair",
        ],
    ),
    "communication": (
        [
            "communication", "miscommunication", "nobody told", "no one told", "nobody explained",
            "no one explained", "never told", "not told", "kept in the dark", "interpreter", "translator",
            "sign language", "easy read", "jargon", "no information", "mixed messages", "never rang back",
            "never called back", "didn't ring back", "didn't call back", "no reply", "no answer", "on hold",
            "misunderstanding", "lost in translation", "left a message",
        ],
        [
            "explain", "letter", "leaflet", "information", "phone call", "email", "message", "voicemail",
            "ring back", "call back", "update", "understand", "language", "the phone", "paperwork", "forms",
            "rang", "phoned", "emailed",
        ],
    ),
    "choice_and_control": (
        [
            "choice", "no choice", "choose", "my decision", "own decisions", "decide for myself",
            "direct payment", "direct payments", "personal budget", "personal assistant", "independence",
            "independent", "in control", "control over", "a say", "no say", "my wishes", "her wishes",
            "his wishes", "their wishes", "autonomy", "best interests", "mental capacity",
            "told what to do", "on my own terms",
        ],
        ["decide", "decision", "control", "prefer", "preference", "option", "routine", "flexible", "my own"],
    ),
    "being_listened_to": (
        [
            "listen to", "not listened", "nobody listened", "no one listened", "nobody listens",
            "never listen", "wouldn't listen", "didn't listen", "ignored", "dismissed", "brushed off",
            "fobbed off", "not believed", "believe me", "didn't believe", "take me seriously",
            "taken seriously", "talked over", "talk over", "spoke over", "nobody asked", "no one asked",
            "never asked", "asked me", "asked what", "asked how", "my views", "my voice", "be heard",
            "felt heard", "feel heard", "without asking", "didn't ask", "wasn't asked", "weren't asked",
            "nobody asks", "no one asks", "listen to us", "not involved",
        ],
        [
            "listen", "heard", "ask", "opinion", "views", "concerns", "raised concerns", "involved",
            "left out", "our views", "their views",
        ],
    ),
    "waiting_and_delays": (
        [
            "waiting list", "still waiting", "kept waiting", "waited months", "waited weeks",
            "waiting for months", "waiting for weeks", "delay", "delayed", "backlog", "took months",
            "took weeks", "took ages", "months later", "weeks later", "no date", "chase up", "chasing",
            "waiting time", "weeks to", "months to", "working days",
        ],
        ["wait", "waiting", "months", "weeks", "ages", "so long", "how long", "slow", "chase"],
    ),
    "continuity_of_care": (
        [
            "continuity", "same carer", "same carers", "same face", "same faces", "same people",
            "different carer", "different carers", "different people", "different faces", "new face",
            "new faces", "someone new", "strangers", "a stranger", "agency staff", "regular carer",
            "regular carers", "usual carer", "knows me", "knew her", "knew him", "knows her", "knows him",
            "got to know", "start again", "starting again", "repeat my story", "turnover", "keeps changing",
            "kept changing", "new carers", "new staff", "agency carers", "locum",
        ],
        [
            "familiar", "regular", "usual", "consistent", "consistency", "new carer", "handover",
        ],
    ),
    "kindness": (
        [
            "kindness", "compassion", "compassionate", "so kind", "very kind", "really kind", "extra mile",
            "above and beyond", "out of her way", "out of his way", "out of their way",
            "took the time", "takes the time", "held my hand", "gentle", "gently", "patience", "so patient",
            "nothing was too much trouble", "made all the difference", "couldn't have asked for",
            "so thoughtful", "sat with",
        ],
        [
            "kind", "caring", "lovely", "wonderful", "brilliant", "amazing", "grateful", "thank you", "thanks",
            "smile", "warm", "chat", "laugh", "marvellous", "fantastic", "helpful", "thoughtful",
            "considerate", "angel", "star", "great",
        ],
    ),
    "rushed_care": (
        [
            "rushed", "rushing", "in a rush", "in a hurry", "hurried", "no time", "not enough time",
            "fifteen minutes", "15 minutes", "ten minutes", "twenty minutes", "15-minute", "in and out",
            "out the door", "watching the clock", "clock-watching", "on the clock", "tick box", "task list",
            "next call", "next visit", "cut short", "flying visit", "short visits",
        ],
        ["quick", "quickly", "hurry", "rush", "minutes", "clock", "busy", "stretched", "short-staffed"],
    ),
    "loneliness": (
        [
            "lonely", "loneliness", "isolated", "isolation", "all alone", "on my own", "on her own",
            "on his own", "by myself", "nobody to talk to", "no one to talk to", "nobody visits",
            "no visitors", "cut off", "no company", "befriender", "befriending", "lunch club",
            "coffee morning", "four walls", "see anyone", "talk to anyone", "nobody calls", "nobody phones",
            "no one calls", "nobody comes round",
        ],
        [
            "alone", "company", "conversation", "visitor", "visitors", "friends", "talk to",
        ],
    ),
    "family_and_carers": (
        [
            "unpaid carer", "family carer", "young carer", "carer's assessment", "carers assessment",
            "carer's allowance", "carers allowance", "respite", "caring for", "look after my",
            "looking after my", "looked after my", "sole carer", "main carer", "full-time carer",
            "round the clock", "burnt out", "burned out", "burnout", "exhausted", "exhaustion",
            "end of my tether", "breaking point", "gave up work", "give up work", "gave up my job",
        ],
        [
            "family", "relatives", "husband", "wife", "daughter", "son", "mum", "dad", "mother", "father",
            "sister", "brother", "partner", "grandchildren", "juggling", "nan", "grandad", "grandma", "gran",
            "granny", "grandson", "granddaughter", "nephew", "niece", "aunt", "uncle", "cousin", "in-law",
        ],
    ),
    "discharge_from_hospital": (
        [
            "discharge", "discharged", "sent home", "home from hospital", "out of hospital", "left hospital",
            "leaving hospital", "medically fit", "medically optimised", "bed blocking", "reablement",
            "package of care", "care package", "step-down", "intermediate care", "readmitted", "readmission",
            "back in hospital", "back into hospital",
        ],
        ["hospital", "ward", "A&E", "admitted", "ambulance", "consultant"],
    ),
    "money_and_charges": (
        [
            "care fees", "fees", "top-up", "financial assessment", "means test", "means-tested", "afford",
            "can't afford", "invoice", "bill", "bills", "debt", "sell the house", "sell her house",
            "sell his house", "deferred payment", "attendance allowance", "pension credit",
            "universal credit", "personal independence payment", "funding", "continuing healthcare", "£",
            "charged for", "pay for",
        ],
        [
            "money", "pay", "paid", "cost", "price", "savings", "pension", "benefit", "benefits", "bank",
            "cash", "expensive", "charge", "a week", "per week", "an hour", "per hour",
        ],
    ),
    "accessibility": (
        [
            "accessible", "inaccessible", "accessibility", "wheelchair", "ramp", "step-free", "grab rail",
            "grab rails", "handrail", "stairlift", "stair lift", "adaptation", "adaptations",
            "disabled access", "disabled toilet", "blue badge", "hearing loop", "hearing aid",
            "British Sign Language", "BSL", "braille", "large print", "guide dog", "mobility scooter",
            "walking frame", "occupational therapist", "occupational therapy", "online form",
        ],
        [
            "stairs", "steps", "step", "lift", "doorway", "deaf", "blind", "sight loss", "hearing loss", "bus",
            "buses", "transport", "taxi", "access", "online", "website", "app",
        ],
    ),
    "trust": (
        [
            "don't trust", "can't trust", "couldn't trust", "lost trust", "trust them", "trust her",
            "trust him", "trust anyone", "distrust", "mistrust", "lost faith", "lost confidence", "let down",
            "let us down", "let me down", "broken promise", "lied", "lies", "lying", "cover up", "covered up",
            "complaint", "complain", "complained", "ombudsman", "whistleblower", "honest", "honesty",
            "dishonest", "felt safe", "feel safe", "not safe", "unsafe", "camera", "CCTV", "scam", "scammed",
            "scammer", "conned", "fraud", "taken advantage", "stolen", "stole",
        ],
        [
            "trust", "safe", "police", "report", "reported", "promise", "promised", "frightened", "scared",
        ],
    ),
    "culture_and_identity": (
        [
            "culture", "cultural", "faith", "religion", "religious", "halal", "kosher", "prayer", "prayers",
            "pray", "church", "chapel", "mosque", "gurdwara", "temple", "synagogue", "first language",
            "mother tongue", "heritage", "identity", "LGBT", "LGBTQ",
            "gay", "lesbian", "bisexual", "trans", "transgender", "Ramadan", "Diwali", "Eid", "Sabbath",
            "hijab", "turban", "racism", "racist", "discrimination", "prejudice", "own language",
        ],
        [
            "language", "Polish", "Urdu", "Punjabi", "Bengali", "Gujarati", "Welsh", "Gaelic", "Cantonese",
            "Mandarin", "Arabic", "Somali", "background", "food", "diet", "hair", "vegetarian", "music",
        ],
    ),
    "mental_health": (
        [
            "mental health", "depression", "depressed", "anxiety", "anxious", "panic attack", "panic attacks",
            "bipolar", "schizophrenia", "psychosis", "psychiatric", "psychiatrist", "crisis team", "CPN",
            "talking therapy", "talking therapies", "counselling", "counsellor", "low mood", "suicidal",
            "self-harm", "breakdown", "PTSD", "trauma", "OCD", "eating disorder", "hopeless", "can't cope",
            "couldn't cope", "not coping",
        ],
        ["worry", "worried", "stress", "stressed", "overwhelmed", "sleep", "crying", "in tears", "low", "sad"],
    ),
    "end_of_life": (
        [
            "end of life", "end-of-life", "palliative", "hospice", "dying", "last days", "last weeks",
            "final days", "passed away", "died", "death", "funeral", "bereavement", "bereaved", "grief",
            "grieving", "syringe driver", "DNR", "DNACPR", "do not resuscitate", "advance care plan",
            "end of her life", "end of his life", "terminal", "terminally ill", "crematorium", "widow",
            "widowed", "widower",
        ],
        ["die", "dead", "cancer", "loss", "last"],
    ),
}
DEFAULT_TAXONOMY: dict[str, list[str]] = {slug: strong + weak for slug, (strong, weak) in THEME_CUES.items()}
DEFAULT_STRONG_CUES: dict[str, frozenset[str]] = {slug: frozenset(strong) for slug, (strong, _) in THEME_CUES.items()}
MIN_SCORE = 2  # one strong cue, or two different weak cues
STRONG_SCORE = 2
MAX_THEMES = 3
ALWAYS_SHOWN = 2
STRONG_SUFFIX = "|strong"

# (slug, weak cues, strong cues), sorted, so a taxonomy can key a cache.
FrozenTaxonomy = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def freeze_taxonomy(taxonomy: Mapping[str, Sequence[str]] | None) -> FrozenTaxonomy:
    """A hashable copy of a taxonomy, so its matcher can be cached. In an admin's own taxonomy all cues are strong."""
    if taxonomy is None or taxonomy == DEFAULT_TAXONOMY:
        source, strong = DEFAULT_TAXONOMY, DEFAULT_STRONG_CUES
    else:
        source, strong = taxonomy, {slug: frozenset(words) for slug, words in taxonomy.items()}
    return tuple(
        sorted(
            (
                slug,
                tuple(sorted(set(words) - strong[slug])),
                tuple(sorted(set(words) & strong[slug])),
            )
            for slug, words in source.items()
        )
    )


def lemma_doc(nlp: Language, text: str) -> Doc:
    """Tokenise and lemmatise only: enough to turn a synonym into a lemma pattern."""
    doc = nlp.make_doc(text)
    for name in ("lemmatizer", "storybank_lemma_case"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
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
