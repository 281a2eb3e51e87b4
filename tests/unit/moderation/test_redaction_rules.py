"""Rules that need no database: overlapping redactions merge, and every decline reason starts kindly."""

from __future__ import annotations

from storybank.moderation.reasons import DEFAULT_DECLINE_REASONS
from storybank.moderation.suggestions import _without_overlaps
from storybank.text.analysis import Finding, redact


def finding(start: int, end: int, text: str, label: str = "PERSON") -> Finding:
    return Finding(label, start, end, text, 1.0, "test")


def test_a_span_inside_another_is_covered_by_the_wider_one():
    text = "Kerry-Ann moved in."
    merged = _without_overlaps([finding(0, 5, "Kerry"), finding(0, 9, "Kerry-Ann"), finding(6, 9, "Ann")])
    assert [(f.start, f.end) for f in merged] == [(0, 9)]
    assert redact(text, merged) == "[Person A] moved in."


def test_partly_overlapping_spans_become_one_span_covering_both():
    merged = _without_overlaps([finding(0, 6, "Rose M"), finding(5, 12, "May Lee")])
    assert [(f.start, f.end) for f in merged] == [(0, 12)]


def test_separate_spans_stay_separate():
    merged = _without_overlaps([finding(10, 14, "Rose"), finding(0, 4, "June")])
    assert [(f.start, f.end) for f in merged] == [(0, 4), (10, 14)]


def test_every_decline_reason_thanks_the_person_and_keys_are_unique():
    assert len({r.key for r in DEFAULT_DECLINE_REASONS}) == len(DEFAULT_DECLINE_REASONS)
    assert all(r.text.startswith("Thank you") for r in DEFAULT_DECLINE_REASONS)
    assert all(len(r.title) <= 120 for r in DEFAULT_DECLINE_REASONS)
