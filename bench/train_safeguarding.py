"""Train the learned safeguarding check shipped in storybank/text/analysis/learned_safeguarding/.

    python -m bench.train_safeguarding

Trained only on stories we wrote ourselves (bench/training/*.jsonl, bench/training/more_writers/*.jsonl and the
earlier blind and tuning sets in tests/unit/text: 60 files, one writer each), never on the dev set (../shared/data)
nor on tests/unit/text/blind_eval_3.jsonl or blind_eval_4.jsonl, which we keep for measuring. Why every writer: trained
on seven writers' stories, the check alone caught half the concerns of a writer it had not read (precision 0.85);
trained on all the other writers, seven in ten (precision 0.94) (python -m bench.learned_lowo; session 12 in
bench/ANALYSIS_RESULTS.md).
Seeds are fixed so a retrain on the same files gives the same model. Next to the model it writes thresholds.json,
each category's threshold, chosen by leaving one writer out at a time (bench/learned_thresholds.py).
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

from bench.learned_thresholds import HOW_CHOSEN, choose_thresholds, write_thresholds
from storybank.text.analysis.learned import MODEL_DIR, THRESHOLDS_FILE

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ["abuse", "neglect", "self_harm", "domestic_abuse", "immediate_danger"]
# One file per writer (each set was written by someone who saw none of the others), so the thresholds can be chosen
# by leaving one writer out at a time (bench/learned_thresholds.py).
TRAINING_FILES = [
    *sorted((ROOT / "bench" / "training").glob("*.jsonl")),
    *sorted((ROOT / "bench" / "training" / "more_writers").glob("*.jsonl")),
    ROOT / "tests/unit/text/blind_eval.jsonl",
    ROOT / "tests/unit/text/blind_eval_2.jsonl",
    ROOT / "tests/unit/text/heldout_like.jsonl",
    *sorted((ROOT / "tests/unit/text").glob("tuning_*.jsonl")),
]
NEVER_TRAIN_ON = {"stories_dev.jsonl", "blind_eval_3.jsonl", "blind_eval_4.jsonl"}
EPOCHS = 25


def training_rows() -> list[dict]:
    rows = []
    for path in TRAINING_FILES:
        assert path.name not in NEVER_TRAIN_ON, path
        rows += [{**json.loads(line), "writer": path.stem}
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


MODEL = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
         "no_output_layer": False, "length": 65536}


def train(rows: list[dict], model: dict | None = None) -> spacy.Language:
    fix_random_seed(0)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model or MODEL})
    for category in CATEGORIES:
        textcat.add_label(category)
    examples = [Example.from_dict(nlp.make_doc(row["text"]),
                                  {"cats": {c: float(c in row["safeguarding"]) for c in CATEGORIES}})
                for row in rows]
    optimizer = nlp.initialize(lambda: examples)
    shuffler = random.Random(0)  # noqa: S311 (shuffling training data, not security)
    for _ in range(EPOCHS):
        shuffler.shuffle(examples)
        for start in range(0, len(examples), 8):
            nlp.update(examples[start:start + 8], sgd=optimizer, drop=0.2)
    return nlp


def main() -> None:
    rows = training_rows()
    thresholds = choose_thresholds(rows, train, CATEGORIES)
    nlp = train(rows)
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    write_thresholds(MODEL_DIR / THRESHOLDS_FILE, thresholds)
    print(f"Trained on {len(rows)} stories from {len(TRAINING_FILES)} files; saved to {MODEL_DIR}.")
    print(f"Thresholds {thresholds}: {HOW_CHOSEN}")


if __name__ == "__main__":
    main()
