"""Readable, consistent redaction: the same person is the same placeholder all the way through."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

from .lexicon import ORG_KEYWORDS, TITLES
from .models import Finding

PLACEHOLDERS = {
    "PHONE": "[phone number]",
    "EMAIL": "[email address]",
    "NHS_NUMBER": "[NHS number]",
    "NI_NUMBER": "[National Insurance number]",
    "POSTCODE": "[postcode]",
    "ADDRESS": "[address]",
    "DATE_OF_BIRTH": "[date of birth]",
    "LOCATION": "[town]",
}
_ORG_KEYS = sorted(ORG_KEYWORDS, key=len, reverse=True)


def person_key(name: str) -> tuple[str, ...]:
    """A name without titles, case or possessive: "Dr Patel", "PATEL" and "patel" give ("patel",)."""
    words = [w.strip(".").lower() for w in re.split(r"\s+", name.strip()) if w]
    return tuple(w for w in words if w not in TITLES) or tuple(words)


def org_placeholder(name: str) -> str:
    lower = name.lower()
    for key in _ORG_KEYS:
        if lower.endswith(key):
            return f"[{ORG_KEYWORDS[key]}]"
    if lower.endswith(("'s", "’s")):
        return "[hospital]"
    return "[organisation]"


def _letters():
    yield from string.ascii_uppercase
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            yield first + second


def redact(
    text: str,
    findings: Sequence[Finding],
    placeholders: Mapping[tuple[int, int], str] | None = None,
) -> str:
    """Replace each finding by a placeholder; `placeholders` overrides one finding, keyed by (start, end)."""
    return redact_parts([(text, findings, placeholders)])[0]


def redact_parts(
    parts: Sequence[tuple[str, Sequence[Finding], Mapping[tuple[int, int], str] | None]],
) -> list[str]:
    """Redact several texts of one story (its title, then its text) so that a person named in both is the same
    placeholder in both: "[Person A]" in the title is "[Person A]" in the story. Offsets are per text."""
    people: dict[tuple[str, ...], str] = {}
    letters = _letters()
    return [_redact(text, findings, dict(placeholders or {}), people, letters)
            for text, findings, placeholders in parts]


def _redact(text, findings, overrides, people, letters) -> str:
    pieces: list[str] = []
    cursor = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.start < cursor:
            continue
        if (finding.start, finding.end) in overrides:
            replacement = overrides[(finding.start, finding.end)]
        elif finding.label == "PERSON":
            replacement = _person_placeholder(finding.text, people, letters)
        elif finding.label == "ORG":
            replacement = org_placeholder(finding.text)
        else:
            replacement = PLACEHOLDERS.get(finding.label, "[removed]")
        pieces.append(text[cursor : finding.start])
        pieces.append(replacement)
        cursor = finding.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _person_placeholder(name: str, people: dict[tuple[str, ...], str], letters) -> str:
    key = person_key(name)
    if key in people:
        return people[key]
    for known, placeholder in people.items():
        # "Patel" after "Dr Patel", or "Stanley" after "Stanley Hirst": the same person.
        if set(key) <= set(known) or set(known) <= set(key):
            people[key] = placeholder
            return placeholder
    placeholder = f"[Person {next(letters)}]"
    people[key] = placeholder
    return placeholder
