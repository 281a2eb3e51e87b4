"""General English word lists written from common knowledge (never from the evaluation data).

The word-frequency table from spacy-lookups-data tells us whether a capitalised word is usually a proper noun
("Keith", "Bradford") or an ordinary word that happens to start a sentence ("Will", "Hope").
"""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache

TITLES = {
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "nurse", "sister", "prof", "professor", "matron",
    "councillor", "cllr", "rev", "reverend", "father", "pastor", "imam", "rabbi", "sir", "dame", "lady", "lord",
    "nurse practitioner", "midwife", "captain", "sergeant", "officer", "pc", "judge",
}
# Titles that are also ordinary words: only a title when directly before a capitalised name.
WEAK_TITLES = {"sister", "father", "lady", "lord", "officer", "judge", "captain", "nurse", "matron", "midwife"}

KINSHIP = {
    "son", "daughter", "husband", "wife", "partner", "brother", "sister", "cousin", "mum", "mam", "mom", "mother",
    "dad", "father", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandad", "granddad", "grandpa",
    "grandson", "granddaughter", "grandchild", "nephew", "niece", "uncle", "aunt", "auntie", "aunty", "stepson",
    "stepdaughter", "stepmum", "stepdad", "boyfriend", "girlfriend", "fiance", "fiancée", "fiancee", "friend",
    "neighbour", "neighbor", "mate", "lodger", "twin", "baby", "child", "kid", "boy", "girl", "lad", "lass",
    "sibling", "carer", "carers", "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law",
    "brother-in-law", "sister-in-law", "ex", "ex-husband", "ex-wife", "ex-partner", "godson", "goddaughter",
}
ROLES = {
    "carer", "worker", "nurse", "doctor", "gp", "physio", "physiotherapist", "therapist", "pa", "assistant",
    "manager", "coordinator", "co-ordinator", "officer", "advocate", "consultant", "surgeon", "paramedic",
    "cook", "chef", "cleaner", "driver", "tutor", "teacher", "volunteer", "befriender", "counsellor",
    "psychiatrist", "psychologist", "ot", "dietitian", "pharmacist", "receptionist", "assessor", "keyworker",
    "chaplain", "vicar", "warden", "housekeeper", "handyman", "navigator", "practitioner", "specialist",
    "student", "trainee", "matron", "sister", "midwife", "caseworker", "helper", "supervisor", "boss",
    "dentist", "optician", "audiologist", "hairdresser", "barber", "postman", "postwoman", "neighbour",
}
# Verbs that, straight after a capitalised word, make it very likely to be a person.
PERSON_VERBS = {
    "said", "says", "asked", "asks", "told", "tells", "rang", "rings", "phoned", "called", "came", "comes",
    "explained", "replied", "answered", "shouted", "smiled", "laughed", "cried", "helps", "helped", "started",
    "sat", "sits", "wrote", "writes", "knows", "knew", "does", "did", "went", "goes", "looked", "looks",
    "stayed", "stays", "brought", "brings", "made", "makes", "found", "finds", "took", "takes", "gave", "gives",
    "kept", "keeps", "sang", "sings", "listened", "listens", "waited", "waits", "visited", "visits", "used",
    "got", "gets", "has", "had", "hasn't", "didn't", "doesn't", "won't", "can't", "couldn't", "wouldn't",
    "loves", "loved", "likes", "liked", "wants", "wanted", "needs", "needed", "thinks", "thought", "felt",
    "feels", "put", "puts", "turned", "turns", "arrived", "arrives", "left", "died", "passed", "worked",
    "works", "lives", "lived", "moved", "noticed", "promised", "apologised", "spoke", "speaks",
    "talked", "talks", "showed", "shows", "sent", "sends", "walked", "hugged", "held", "holds", "washed",
    "dressed", "fed", "cooked", "cooks", "drove", "drives", "picked", "checked", "checks", "phones",
    "texted", "texts", "emailed", "shouts", "swore", "pushed", "hit", "hits", "slapped", "kicked", "shoved",
    "grabbed", "refused", "agreed", "insisted", "suggested", "offered", "remembered", "remembers", "tried",
    "tries", "managed", "manages", "is", "was", "and", "who", "will", "would", "can", "could", "must",
    "should", "might", "'s", "'ll", "'d",
}
# A modal that starts a question ("Will somebody...") is never a name, so homographs need a stronger verb.
STRONG_PERSON_VERBS = PERSON_VERBS - {"is", "was", "and", "who", "will", "would", "can", "could", "must",
                                      "should", "might", "'s", "'ll", "'d", "has", "had", "used", "put", "left",
                                      "passed", "found", "felt"}
NAME_INTRODUCERS = {"called", "named", "name's", "known"}
ENDEARMENTS = {"love", "duck", "pet", "darling", "dear", "sweetheart", "hun", "hon", "babe", "mate", "pal", "chuck"}
NICKNAME_ADJECTIVES = {"big", "little", "old", "young", "tall", "wee", "long", "fat"}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tues", "tue", "wed",
    "thurs", "thu", "fri", "sat", "sun",
}
# Capitalised words that are never a person or a place in these stories.
NOT_NAMES = {
    "mum", "mam", "mom", "dad", "nan", "nana", "gran", "granny", "grandma", "grandad", "grandpa", "auntie",
    "god", "jesus", "allah", "christmas", "easter", "eid", "diwali", "ramadan", "covid", "nhs", "cqc", "dwp",
    "gp", "ot", "pa", "pip", "bsl", "ms", "copd", "adhd", "ok", "okay", "english", "tv", "dbs", "hmrc", "ssp",
    "a&e", "i", "im", "ive", "id", "ill", "hi", "hello", "dear", "thanks", "thank", "please", "sorry", "yes",
    "no", "oh", "well", "so", "but", "and", "or", "the", "a", "an", "my", "our", "his", "her", "their", "we",
    "they", "he", "she", "it", "you", "this", "that", "these", "those", "there", "here", "then", "when", "what",
    "why", "how", "who", "where", "which", "if", "as", "at", "in", "on", "to", "of", "for", "from", "by",
    "with", "after", "before", "since", "until", "till", "still", "now", "just", "also", "even", "only",
    "every", "each", "some", "all", "any", "none", "nobody", "somebody", "someone", "everyone", "anyone",
    "nothing", "something", "everything", "anything", "mr", "mrs", "dr", "miss", "sir", "madam", "lol",
    "universal", "credit", "council", "housing", "social", "services", "care", "home", "hospital", "ward",
    "day", "centre", "team", "unit", "service", "trust", "alzheimer", "parkinson", "down", "crohn",
    "huntington", "asperger", "tourette", "bell", "hodgkin", "motor", "neurone", "internet", "facebook",
    "whatsapp", "zoom", "google", "youtube", "radar", "st", "saint", "capacity", "respite", "shout", "dad's",
    "mum's", "brexit", "bank", "holiday", "holidays", "heaven", "hell", "deaf", "blind", "sat", "sri", "akal",
}
EPONYMOUS_CONDITIONS = {"parkinson", "alzheimer", "crohn", "huntington", "asperger", "tourette", "hodgkin",
                        "down", "bell", "raynaud", "addison", "cushing", "graves", "meniere", "lewy"}

COUNTRIES_AND_REGIONS = {
    "england", "scotland", "wales", "ireland", "britain", "uk", "gb", "europe", "africa", "asia", "america",
    "australia", "canada", "india", "pakistan", "bangladesh", "nigeria", "ghana", "kenya", "somalia", "jamaica",
    "trinidad", "barbados", "poland", "romania", "lithuania", "latvia", "portugal", "spain", "france",
    "germany", "italy", "greece", "turkey", "cyprus", "china", "hong", "kong", "philippines", "zimbabwe",
    "south", "north", "east", "west", "yorkshire", "lancashire", "cumbria", "durham", "northumberland",
    "cheshire", "derbyshire", "nottinghamshire", "lincolnshire", "norfolk", "suffolk", "essex", "kent",
    "sussex", "surrey", "hampshire", "dorset", "devon", "cornwall", "somerset", "wiltshire", "gloucestershire",
    "oxfordshire", "berkshire", "buckinghamshire", "hertfordshire", "bedfordshire", "cambridgeshire",
    "northamptonshire", "leicestershire", "warwickshire", "staffordshire", "shropshire", "herefordshire",
    "worcestershire", "merseyside", "tyneside", "teesside", "midlands", "donegal", "kerry", "cork", "mayo",
    "galway", "antrim", "tyrone", "fife", "highlands", "punjab", "kashmir", "sylhet", "gujarat", "kerala",
    "caribbean", "usa", "us", "new", "zealand", "sri", "lanka", "iran", "iraq", "syria", "afghanistan",
    "eritrea", "ethiopia", "sudan", "uganda", "egypt", "morocco", "ukraine", "russia", "hungary", "slovakia",
    "czech", "bulgaria", "albania", "vietnam", "thailand", "nepal", "malaysia", "singapore", "wirral", "fylde",
}

NATIONALITIES = {
    "polish", "urdu", "punjabi", "hindi", "bengali", "gujarati", "arabic", "somali", "jamaican", "irish", "scottish",
    "welsh", "british", "indian", "pakistani", "nigerian", "african", "caribbean", "chinese", "french", "german",
    "spanish", "italian", "romanian", "english", "asian", "muslim", "sikh", "hindu", "christian", "jewish",
    "catholic", "bsl", "braille", "makaton", "portuguese", "turkish", "kurdish", "tamil", "cantonese", "mandarin",
}

# Common British town and city name endings.
TOWN_SUFFIXES = (
    "ton", "ford", "by", "ham", "ley", "field", "bury", "borough", "brough", "burgh", "pool", "caster",
    "chester", "cester", "mouth", "wich", "wick", "worth", "minster", "bridge", "don", "stow", "port",
    "thorpe", "thwaite", "dale", "combe", "stead", "hampton", "ington", "hurst", "den", "sea", "holme",
    "shaw", "head", "mere", "well", "wood", "ing", "cliffe", "castle", "hall", "moor", "gate", "ey",
)

# Towns, cities and districts: a general gazetteer of well-known places, written from general knowledge.
PLACES = {
    "aberdeen", "aberystwyth", "accrington", "aldershot", "altrincham", "andover", "ashford", "ashton",
    "aylesbury", "ayr", "banbury", "bangor", "barnet", "barnsley", "barnstaple", "barrow", "basildon",
    "basingstoke", "bath", "batley", "bedford", "belfast", "beverley", "bexhill", "bicester", "billingham",
    "birkenhead", "birmingham", "bishop auckland", "blackburn", "blackpool", "blyth", "bognor", "bolton",
    "bootle", "boston", "bournemouth", "bracknell", "bradford", "braintree", "brentwood", "bridgend",
    "bridgwater", "bridlington", "brighton", "brighouse", "bristol", "bromley", "burnley", "burton",
    "bury", "buxton", "camborne", "cambridge", "cannock", "canterbury", "cardiff", "carlisle",
    "carmarthen", "castleford", "chatham", "chelmsford", "cheltenham", "chester", "chesterfield",
    "chichester", "chorley", "clacton", "cleethorpes", "colchester", "coventry", "crawley", "crewe",
    "croydon", "darlington", "dartford", "derby", "dewsbury", "doncaster", "dover", "dudley", "dumfries",
    "dundee", "dunstable", "durham", "ealing", "eastbourne", "edinburgh", "ellesmere port", "enfield",
    "exeter", "exmouth", "falkirk", "fareham", "farnborough", "folkestone", "gateshead", "gillingham",
    "glasgow", "gloucester", "goole", "gosport", "grantham", "gravesend", "great yarmouth", "grimsby",
    "guildford", "halifax", "harlow", "harrogate", "hartlepool", "hastings", "hatfield", "haverhill",
    "hemel hempstead", "hereford", "hexham", "high wycombe", "hinckley", "hove", "huddersfield", "hull",
    "huntingdon", "ilford", "ilkley", "inverness", "ipswich", "kettering",
    "kidderminster", "kingston", "kirkcaldy", "lancaster", "leamington", "leeds",
    "leicester", "leigh", "lewisham", "lichfield", "lincoln", "liverpool", "llandudno", "llanelli",
    "london", "loughborough", "lowestoft", "luton", "macclesfield", "maidstone", "malton", "manchester",
    "mansfield", "margate", "middlesbrough", "milton keynes", "morpeth", "motherwell",
    "newark", "newbury", "newcastle", "newport", "newquay", "northallerton", "northampton", "northwich",
    "norwich", "nottingham", "nuneaton", "oldham", "ormskirk", "otley", "oxford", "paignton", "paisley",
    "penrith", "penzance", "perth", "peterborough", "plymouth", "pontefract", "poole", "portsmouth",
    "preston", "pudsey", "ramsgate", "reading", "redcar", "redditch", "reigate", "rhyl", "richmond",
    "ripon", "rochdale", "rochester", "romford", "rotherham", "rugby", "runcorn", "salford", "salisbury",
    "scarborough", "scunthorpe", "selby", "sheffield", "shipley", "shrewsbury", "skegness", 
    "slough", "solihull", "southampton", "southend", "southport", "stafford", "stevenage", "stirling",
    "stockport", "stockton", "stoke", "stourbridge", "stroud", "sunderland", "sutton", "swansea", "swindon",
    "tamworth", "taunton", "telford", "thirsk", "todmorden", "torquay", "truro", "tunbridge wells",
    "wakefield", "wallsend", "walsall", "warrington", "warwick", "watford", "wellingborough", "welwyn",
    "west bromwich", "weston-super-mare", "weymouth", "whitby", "whitehaven", "widnes", "wigan",
    "winchester", "windsor", "wirral", "woking", "wolverhampton", "worcester", "workington", "worthing",
    "wrexham", "yeovil", "york", "hebden bridge", "st albans", "st helens", "st ives", "stoke-on-trent",
    "newcastle upon tyne", "stratford-upon-avon", "burton upon trent", "kingston upon hull", "brixton",
    "hackney", "peckham", "tottenham", "walthamstow", "stratford", "moss side", "toxteth", "headingley",
    "harehills", "beeston", "armley", "bramley", "seacroft", "gorton", "wythenshawe",
    "handsworth", "sparkbrook", "aston", "small heath", "easington", "consett", "jarrow", "seaham",
    "warsaw", "lagos", "accra", "nairobi", "karachi", "lahore", "mirpur",
    "dhaka", "delhi", "mumbai", "dublin", "paris", "berlin", "rome", "madrid", "lisbon", "bucharest",
    "vilnius", "riga", "kyiv", "kiev", "new york", "sydney", "toronto", "cape town", "harare", "kampala",
    "mogadishu", "kabul", "tehran", "baghdad", "damascus", "istanbul", "athens", "gdansk", "wroclaw",
}

# Words that end an organisation name, and the kind of place each one suggests (for redaction).
ORG_KEYWORDS: dict[str, str] = {
    "care home": "care home", "nursing home": "care home", "residential home": "care home",
    "rest home": "care home", "retirement home": "care home", "lodge": "care home", "grange": "care home",
    "manor": "care home", "house": "care home", "court": "care home", "gardens": "care home",
    "hospital": "hospital", "general hospital": "hospital", "infirmary": "hospital", "hospice": "hospice",
    "surgery": "GP surgery", "medical centre": "GP surgery", "health centre": "GP surgery",
    "medical practice": "GP surgery", "practice": "GP surgery", "clinic": "organisation",
    "homecare": "care agency", "home care": "care agency", "healthcare": "care agency",
    "care agency": "care agency", "agency": "care agency", "care services": "care agency",
    "care": "care agency", "carers": "care agency", "support": "organisation", "day service": "organisation",
    "day services": "organisation", "day centre": "organisation", "day center": "organisation",
    "resource centre": "organisation", "reablement service": "organisation", "service": "organisation",
    "services": "organisation", "housing association": "organisation", "housing": "organisation",
    "homes": "organisation", "council": "council", "borough council": "council", "city council": "council",
    "trust": "organisation", "foundation trust": "organisation", "unit": "organisation",
    "assessment unit": "organisation", "association": "organisation", "partnership": "organisation",
    "group": "organisation", "charity": "organisation", "project": "organisation", "centre": "organisation",
    "living": "organisation", "solutions": "organisation", "futures": "organisation",
}
# ORG keywords that also end ordinary phrases: need two capitalised words in front ("Heron Court ...").
WEAK_ORG_KEYWORDS = {"house", "court", "gardens", "manor", "care", "support", "service", "services", "group",
                     "housing", "trust", "centre", "unit", "practice", "living", "solutions", "futures",
                     "carers", "homes", "project"}

STREET_SUFFIXES = {
    "road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "close", "terrace", "mews", "drive", "dr",
    "way", "crescent", "grove", "place", "gardens", "court", "square", "row", "walk", "parade", "hill",
    "bank", "view", "rise", "green", "park", "vale", "fold", "croft", "garth", "wynd", "gate", "yard",
    "brow", "side", "meadow", "meadows", "chase", "end", "approach", "boulevard", "circus", "embankment",
}
# Suffixes that only make a street when a house number comes first ("9 Spring Bank", not "the bank").
WEAK_STREET_SUFFIXES = {"hill", "bank", "view", "rise", "green", "park", "vale", "fold", "croft", "gate", "yard",
                        "brow", "side", "meadow", "meadows", "chase", "end", "approach", "place", "walk",
                        "court", "gardens", "row", "way", "st", "dr", "garth", "wynd"}


@lru_cache(maxsize=1)
def word_probabilities() -> dict[str, float]:
    """Log-probabilities of word forms from spacy-lookups-data, trimmed to what the rules ask about."""
    import spacy_lookups_data

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "en_lexeme_prob.json.gz")
    try:
        with gzip.open(path, "rt", encoding="utf8") as handle:
            table: dict[str, float] = json.load(handle)
    except OSError:
        return {}
    return {w: p for w, p in table.items() if w.isalpha() and p > -17.0}


def lower_prob(word: str) -> float:
    return word_probabilities().get(word.lower(), -20.0)


def cap_prob(word: str) -> float:
    return word_probabilities().get(word[:1].upper() + word[1:].lower(), -20.0)


def is_common_word(word: str) -> bool:
    """True when the lowercase form is an everyday English word ("hope", "will", "rose")."""
    return lower_prob(word) > -13.5


def is_proper_like(word: str) -> bool:
    """True when the word is mostly written capitalised (a name or a place) or is rare."""
    low = lower_prob(word)
    return low < -13.5 or cap_prob(word) > low + 0.5
