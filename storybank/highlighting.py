"""Story text split around highlighted words, so a template can show each one as a <mark> with its number.

Shared by the moderators' review (suggested removals) and the send page (personal details the writer is told
about before sending). Templates print every segment's text with autoescaping, so the story's own words are
never taken as HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    """Anything with character offsets into the text: a stored Suggestion or an analysis Finding."""

    start: int | None
    end: int | None


S = TypeVar("S", bound=Span)


@dataclass(frozen=True)
class Segment(Generic[S]):
    text: str
    item: S | None = None
    number: int | None = None


def segments(text: str, items: Iterable[S]) -> list[Segment[S]]:
    """``text`` split into plain and highlighted segments. Items are numbered in the order given (so the numbers
    match a list of the same items below the text); one without offsets, or overlapping an earlier one, keeps
    its number but is not highlighted."""
    parts: list[Segment[S]] = []
    cursor = 0
    for number, item in enumerate(items, start=1):
        if item.start is None or item.end is None or item.start < cursor:
            continue
        parts.append(Segment(text[cursor:item.start]))
        parts.append(Segment(text[item.start:item.end], item, number))
        cursor = item.end
    parts.append(Segment(text[cursor:]))
    return parts
