"""The analysis of the reference stories is exactly what it was: a change made for speed must not change one finding.

analysis_snapshot.json holds the whole Analysis (personal details, safeguarding signals and their reasons, content
warnings, theme suggestions) of every story in heldout_like.jsonl (as written and in lowercase) and
bench/training/*.jsonl. It was written by the code before issue #10's speed work. A change meant to alter what the
analysis finds rewrites it (`python -m tests.unit.text.test_analysis_snapshot`), and the diff is read in review.
The blind sets stay out of it: their stories' results are read only as totals.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storybank.tagging.cues import default_theme_taxonomy
from storybank.text.analysis import analyse, analyse_many

HERE = Path(__file__).parent
SNAPSHOT = HERE / "analysis_snapshot.json"
SOURCES = [HERE / "heldout_like.jsonl", *sorted((HERE.parents[2] / "bench" / "training").glob("*.jsonl"))]


def reference_texts() -> list[str]:
    texts = []
    for path in SOURCES:
        with open(path, encoding="utf8") as handle:
            stories = [json.loads(line)["text"] for line in handle if line.strip()]
        texts += stories
        if path.name == "heldout_like.jsonl":
            texts += [text.lower() for text in stories]  # texting style: names without capitals
    return texts


def analyses(texts: list[str], batch_size: int) -> list[dict]:
    return [a.to_dict() for a in analyse_many(texts, batch_size=batch_size, taxonomy=default_theme_taxonomy())]


@pytest.fixture(scope="module")
def snapshot() -> list[dict]:
    with open(SNAPSHOT, encoding="utf8") as handle:
        return json.load(handle)


@pytest.mark.parametrize("batch_size", [64, 5])
def test_every_story_is_analysed_as_before_in_any_batch_size(snapshot, batch_size):
    texts = reference_texts()
    assert [entry["text"] for entry in snapshot] == texts, "the reference stories changed: rewrite the snapshot"
    found = analyses(texts, batch_size)
    changed = [i for i, (entry, now) in enumerate(zip(snapshot, found, strict=True)) if entry["analysis"] != now]
    assert not changed, f"{len(changed)} stories analysed differently, first: {texts[changed[0]][:80]!r}"


def test_one_story_at_a_time_is_analysed_as_in_a_batch(snapshot):
    for entry in snapshot[::7]:
        assert analyse(entry["text"], taxonomy=default_theme_taxonomy()).to_dict() == entry["analysis"]


def test_the_snapshot_covers_every_kind_of_finding(snapshot):
    """So a change in any of them would show."""
    labels = {f["label"] for entry in snapshot for f in entry["analysis"]["findings"]}
    assert {"PERSON", "PHONE", "EMAIL", "NHS_NUMBER", "POSTCODE", "ADDRESS", "ORG", "LOCATION"} <= labels
    reasons = [s["reason"] for entry in snapshot for s in entry["analysis"]["safeguarding"]]
    assert any("learned guess" in r for r in reasons) and any("learned guess" not in r for r in reasons)
    assert any(entry["analysis"]["themes"] for entry in snapshot)
    assert any(entry["analysis"]["content_warnings"] for entry in snapshot)


if __name__ == "__main__":
    texts = reference_texts()
    entries = [{"text": t, "analysis": a} for t, a in zip(texts, analyses(texts, 64), strict=True)]
    with open(SNAPSHOT, "w", encoding="utf8") as handle:
        json.dump(entries, handle, ensure_ascii=False, indent=0, sort_keys=True)
        handle.write("\n")
    print(f"wrote {len(entries)} analyses to {SNAPSHOT}")
