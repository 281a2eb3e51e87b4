"""Choosing between overlapping findings: structured identifiers first, then the surer and longer one."""

from __future__ import annotations

from .models import Finding

PRIORITY = {
    "EMAIL": 0,
    "PHONE": 0,
    "NHS_NUMBER": 0,
    "NI_NUMBER": 0,
    "POSTCODE": 0,
    "DATE_OF_BIRTH": 0,
    "ADDRESS": 1,
    "ORG": 2,
    "PERSON": 3,
    "LOCATION": 3,
}


def merge_findings(text: str, rules: list[Finding], trained: list[Finding]) -> list[Finding]:
    ranked = sorted(
        [(PRIORITY.get(f.label, 4), -f.confidence, -(f.end - f.start), f) for f in rules]
        + [(5, -f.confidence, -(f.end - f.start), f) for f in trained],
        key=lambda r: (r[0], r[1], r[2], r[3].start),
    )
    chosen: list[Finding] = []
    for *_, finding in ranked:
        if finding.start >= finding.end or text[finding.start : finding.end] != finding.text:
            continue
        if not any(finding.overlaps(c) for c in chosen):
            chosen.append(finding)
    return _joined_names(text, sorted(chosen, key=lambda f: (f.start, f.end)))


def _joined_names(text: str, findings: list[Finding]) -> list[Finding]:
    """Two names with only a space between them are one person's name, told in two parts that two rules found apart
    (a title's rule stops before a surname that is also an ordinary word: "Nurse Hyacinth" and then "Brown"); a
    moderator should see, accept or reject it as one."""
    joined: list[Finding] = []
    for finding in findings:
        last = joined[-1] if joined else None
        if (last is not None and last.label == finding.label == "PERSON"
                and text[last.end:finding.start] == " "):
            joined[-1] = Finding("PERSON", last.start, finding.end, text[last.start:finding.end],
                                 max(last.confidence, finding.confidence), last.reason)
        else:
            joined.append(finding)
    return joined
