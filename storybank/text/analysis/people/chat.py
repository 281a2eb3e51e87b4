"""Speakers in a chat or a message log: the name before the colon at the start of a line."""

from __future__ import annotations

import re

from ..lexicon import KINSHIP, PERSON_NOUNS, is_common_word
from ..models import Finding
from ..patterns import PATTERNS
from .words import BLOCKED, NAME_WORDS

CHAT_SPEAKER_RE = PATTERNS["chat_speaker"]
LINE_SPEAKER_RE = PATTERNS["line_speaker"]


def find_chat_speakers(text: str) -> list[Finding]:
    """ "[12/03/2026, 18:47] Ionuț: ...": in a copied chat the name before each message is the person who wrote it,
    whatever the name (a family word such as "Mum" or "Nain" is not a name). Without time stamps ("tash: hes ok"),
    a word that starts two or more lines before a colon, and is no ordinary word or label ("Note:", "Plan:")."""
    if ":" not in text:
        return []
    found = []
    for m in CHAT_SPEAKER_RE.finditer(text):
        name = m.group(1)
        if name.lower() in KINSHIP or name.lower() in BLOCKED:
            continue
        found.append(Finding("PERSON", m.start(1), m.end(1), name, 0.85, "the name before a message in a chat"))
    if found or "\n" not in text:
        return found
    lines: dict[str, list[re.Match]] = {}
    for m in LINE_SPEAKER_RE.finditer(text):
        lines.setdefault(m.group(1).lower(), []).append(m)
    # Two or more speakers with several lines each make it a chat: there a first name that is also a word ("Bill",
    # "precious") is a speaker too.
    a_chat = sum(len(matches) >= 2 for matches in lines.values()) >= 2
    for lower, matches in lines.items():
        if len(matches) < 2 or lower in BLOCKED or lower in PERSON_NOUNS:
            continue
        if is_common_word(lower) and not (a_chat and lower in NAME_WORDS):
            continue
        found += [Finding("PERSON", m.start(1), m.end(1), m.group(1), 0.8, "the name before several messages in a chat")
                  for m in matches]
    return sorted(found, key=lambda f: f.start)
