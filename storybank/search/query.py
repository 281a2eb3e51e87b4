"""What a trainer typed, read the way search boxes usually work: words, "phrases in quotes" and -words to leave out.

Everything is reduced to plain word characters before it reaches the database, so no typed character can become
full-text syntax (an FTS5 operator, a tsquery operator) and nothing a person types can make a search fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PARTS = 12
_PART = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def positive(self) -> tuple[str, ...]:
        return self.words + self.phrases

    @property
    def is_empty(self) -> bool:
        return not (self.positive or self.excluded)

    def websearch(self) -> str:
        """The same query in PostgreSQL's websearch syntax (every part already plain words)."""
        parts = [*(f'"{p}"' for p in self.positive), *(f'-"{e}"' for e in self.excluded)]
        return " ".join(parts)

    def fts5(self) -> str | None:
        """The positive part as an FTS5 expression: each word or phrase quoted, all of them required."""
        if not self.positive:
            return None
        return " AND ".join(f'"{p}"' for p in self.positive)

    def fts5_excluded(self) -> str | None:
        return " OR ".join(f'"{e}"' for e in self.excluded) or None


def parse_query(raw: str | None) -> ParsedQuery:
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    for minus_q, quoted, minus_w, word in _PART.findall(raw or ""):
        text = _plain(quoted if quoted or minus_q else word)
        if not text:
            continue
        if minus_q or minus_w:
            excluded.append(text)
        elif " " in text:
            phrases.append(text)  # "left alone" in quotes, or can't (can + t) typed as one word
        else:
            words.append(text)
    words = list(dict.fromkeys(words))
    return ParsedQuery(tuple(words[:MAX_PARTS]), tuple(dict.fromkeys(phrases))[:MAX_PARTS],
                       tuple(dict.fromkeys(excluded))[:MAX_PARTS])
