"""Choose a threshold per category for the learned safeguarding check, by leaving one writer out at a time.

    python -m bench.learned_thresholds      (prints the choice; python -m bench.train_safeguarding writes it)

Why per category: the classifier is surer of some categories than of others, and one threshold for all of them
either misses the quiet ones or over-raises the loud ones. Why held-out scores: the shipped model has seen every
training story, so its own scores on them are far too confident to choose anything by; a model trained without a
story scores it the way the shipped model scores a new one. Why a writer at a time, not a random 5-fold split:
every training file is one writer's, and a new story comes from a writer the model has never read; random folds put
each writer's other stories in training, and their scores were more confident than a new writer's ever are (the
rules learned from one writer carried almost nothing to the next, bench/ANALYSIS_RESULTS.md session 11). Leaving
one writer out needs no seed, so the choice no longer moves from one split to the next. Why only the training
stories: the dev set and the measuring sets (blind_eval_3, blind_eval_4) would stop being honest figures the moment
a number was chosen by them.

Why this rule (the best recall of the whole analysis for the category, keeping the precision of the whole analysis
for it at MIN_PRECISION or more): a moderator sees the rules and the learned check together, and a missed
disclosure costs far more than one more story to read; but a check that raises many stories wrongly teaches
moderators to skim its signals, so precision has a floor. Where the rules' own false alarms already hold a category
below the floor at 0.5, the floor becomes that category's precision at 0.5: raising the learned threshold cannot
mend the rules, it would only lose disclosures. Among thresholds with the same recall the one nearest 0.5 wins, so
a category keeps 0.5 unless a lower threshold catches more.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import spacy

from storybank.text.analysis.learned import COMPONENT, MIN_WORDS, SIGNALS, THRESHOLD

# Recall only falls as the threshold rises and 0.5 always keeps the floor (see above), so above 0.5 nothing can win.
GRID = [round(0.2 + 0.05 * step, 2) for step in range(7)]  # 0.2 .. 0.5
# 0.80 was tried first: it lowered abuse and neglect to 0.35 and domestic abuse to 0.3, and one ordinary story of
# the dev set was raised for abuse; the floor was tightened instead of picking numbers by hand.
MIN_PRECISION = 0.85
HOW_CHOSEN = ("Each training story scored by a model trained without its writer's stories "
              f"(bench/learned_thresholds.py): per category, the threshold from 0.2 to 0.5 (step 0.05) giving the "
              f"best held-out recall of rules plus learned check with precision {MIN_PRECISION} or more (or no "
              f"lower than at {THRESHOLD}); ties go to the value nearest {THRESHOLD}.")


def held_out_scores(rows: list[dict], train: Callable[[list[dict]], spacy.Language]) -> list[dict[str, float]]:
    """Each story's scores from a model trained on every other writer's stories, with the shipped settings."""
    scores: list[dict[str, float]] = [{} for _ in rows]
    for writer in sorted({row["writer"] for row in rows}):
        nlp = train([row for row in rows if row["writer"] != writer])
        held_out = [i for i, row in enumerate(rows) if row["writer"] == writer]
        for i, doc in zip(held_out, nlp.pipe(rows[i]["text"] for i in held_out), strict=True):
            scores[i] = dict(doc.cats)
    return scores


def rules_and_lengths(texts: list[str]) -> list[tuple[set[str], int]]:
    """What the rules alone raise on each story, and its length in the analysis's own words."""
    from storybank.text.analysis.pipeline import get_pipeline

    nlp = get_pipeline()
    learned = [name for name in (COMPONENT, SIGNALS) if name in nlp.pipe_names]
    with nlp.select_pipes(disable=learned):
        return [({signal.category for signal in doc.user_data.get("sb_safeguarding") or ()}, len(doc))
                for doc in nlp.pipe(texts)]


def precision_recall(gold: list[bool], raised: list[bool]) -> tuple[float, float]:
    tp = sum(g and r for g, r in zip(gold, raised, strict=True))
    fp = sum(r and not g for g, r in zip(gold, raised, strict=True))
    fn = sum(g and not r for g, r in zip(gold, raised, strict=True))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def raised_with(threshold: float, category: str, scores, rules) -> list[bool]:
    """Whether the whole analysis would raise the category on each story with this threshold."""
    return [category in found or (words >= MIN_WORDS and score[category] >= threshold)
            for score, (found, words) in zip(scores, rules, strict=True)]


def choose(category: str, gold: list[bool], scores, rules) -> float:
    """The threshold the module docstring describes."""
    floor = min(MIN_PRECISION, precision_recall(gold, raised_with(THRESHOLD, category, scores, rules))[0])
    allowed = []
    for threshold in GRID:
        precision, recall = precision_recall(gold, raised_with(threshold, category, scores, rules))
        if precision >= floor:
            allowed.append((recall, -abs(threshold - THRESHOLD), threshold))
    return max(allowed)[2]


def choose_thresholds(rows: list[dict], train: Callable[[list[dict]], spacy.Language],
                      categories: list[str]) -> dict[str, float]:
    """Every story scored by a model that did not see its writer."""
    scores = held_out_scores(rows, train)
    rules = rules_and_lengths([row["text"] for row in rows])
    gold = [row["safeguarding"] for row in rows]
    return {category: choose(category, [category in labels for labels in gold], scores, rules)
            for category in categories}


def write_thresholds(path: Path, thresholds: dict[str, float]) -> None:
    data = {"how_chosen": HOW_CHOSEN, "thresholds": thresholds}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from bench.train_safeguarding import CATEGORIES, train, training_rows

    print(json.dumps(choose_thresholds(training_rows(), train, CATEGORIES), indent=2))
