"""Leave one writer out: how the learned safeguarding check does on a writer's stories it was not trained on.

    python -m bench.learned_lowo [--ngrams N] [--threshold T] [--min-words W] [--epochs E] [--length L]

Why: every labelled training set was written by one writer (a helper who saw nothing else), and the rules learned
from one writer's stories carried almost nothing to the next writer's (bench/ANALYSIS_RESULTS.md, session 11). The
learned check is only worth its place if it carries; a random split that mixes every writer into every fold hides
that. So each writer's set is held out in turn, the check is trained on all the others, and the held-out stories
are scored per story (any concern): by the check alone at one threshold, by the rules alone, and by both. The rules
column is flattered on the sets the rules were tuned on (tuning_*, blind_eval, blind_eval_2); set_g to set_j were
never tuned to. The dev set and the measuring sets (blind_eval_3, blind_eval_4) are never read.
"""

from __future__ import annotations

import argparse

from bench import train_safeguarding as trainer
from bench.learned_thresholds import held_out_scores, precision_recall, rules_and_lengths
from bench.train_safeguarding import CATEGORIES, MODEL, train, training_rows
from storybank.text.analysis.learned import MIN_WORDS

COLUMNS = ("learned", "rules", "rules+learned")


def raised_per_story(rows: list[dict], model: dict, threshold: float,
                     min_words: int = MIN_WORDS) -> dict[str, list[bool]]:
    scores = held_out_scores(rows, lambda training: train(training, model))
    rules = rules_and_lengths([row["text"] for row in rows])
    learned = [words >= min_words and max(score[c] for c in CATEGORIES) >= threshold
               for score, (_found, words) in zip(scores, rules, strict=True)]
    by_rules = [bool(found) for found, _words in rules]
    return {"learned": learned, "rules": by_rules,
            "rules+learned": [a or b for a, b in zip(learned, by_rules, strict=True)]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ngrams", type=int, default=MODEL["ngram_size"])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--min-words", type=int, default=MIN_WORDS)
    parser.add_argument("--epochs", type=int, default=trainer.EPOCHS)
    parser.add_argument("--length", type=int, default=MODEL["length"])
    args = parser.parse_args()
    trainer.EPOCHS = args.epochs  # read by train() at each call
    rows = training_rows()
    model = {**MODEL, "ngram_size": args.ngrams, "length": args.length}
    raised = raised_per_story(rows, model, args.threshold, args.min_words)
    gold = [bool(row["safeguarding"]) for row in rows]
    print(f"{'held out':14} {'n':>4} {'cc':>4} " + " ".join(f"{c + ' P/R':>17}" for c in COLUMNS))
    groups = {writer: [i for i, row in enumerate(rows) if row["writer"] == writer]
              for writer in dict.fromkeys(row["writer"] for row in rows)}
    groups["all writers"] = list(range(len(rows)))
    for writer, index in groups.items():
        cells = ["{:.2f}/{:.2f}".format(*precision_recall([gold[i] for i in index], [raised[c][i] for i in index]))
                 for c in COLUMNS]
        concerns = sum(gold[i] for i in index)
        print(f"{writer:14} {len(index):4} {concerns:4} " + " ".join(f"{c:>17}" for c in cells))


if __name__ == "__main__":
    main()
