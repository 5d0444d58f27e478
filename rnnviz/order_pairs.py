"""Minimal pairs: two short reviews that share most of their words and have opposite verdicts.

"The plot was not boring for a second." / "The plot was boring for every second.": a bag of words
sees nearly the same words in both; a model that reads in order can tell them apart. A pair counts
only when *both* sides are judged right, so a model that calls everything positive scores 0.

    suite = load_pairs()                                    # the suite shipped with rnnviz
    scores = score_pairs(checkpoint.predict, suite, "lstm")
    scores.accuracy, scores.by_category()["negation"]
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

PAIRS_FILE = Path(__file__).resolve().parent / "sample_data" / "order_pairs.json"
# The order categories are shown in, from the simplest idea to the subtlest.
CATEGORY_ORDER = ("negation", "contrast", "double_negation", "hedges_intensifiers", "verdict_last", "sarcasm")


@dataclass(frozen=True)
class MinimalPair:
    category: str
    positive: str
    negative: str


@dataclass(frozen=True)
class PairSuite:
    """The pairs, the description of each category, and what the suite is."""

    pairs: tuple[MinimalPair, ...]
    descriptions: dict
    about: str = ""

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories present, known ones in :data:`CATEGORY_ORDER` first."""
        present = {pair.category for pair in self.pairs}
        return tuple(c for c in CATEGORY_ORDER if c in present) + tuple(sorted(present - set(CATEGORY_ORDER)))

    def __len__(self) -> int:
        return len(self.pairs)


def load_pairs(path: str | os.PathLike | None = None) -> PairSuite:
    """Read a pairs file: ``{"pairs": [{"category", "positive", "negative"}, ...], "categories": {...}}``.

    Raises ValueError naming the first malformed entry.
    """
    path = Path(path) if path is not None else PAIRS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        raise ValueError(f"{path}: expected an object with a 'pairs' list")
    pairs = []
    for number, item in enumerate(data["pairs"], start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip()
                                                 for k in ("category", "positive", "negative")):
            raise ValueError(f"{path}: pair {number} needs a category, a positive and a negative text")
        pairs.append(MinimalPair(item["category"], item["positive"], item["negative"]))
    descriptions = data.get("categories") if isinstance(data.get("categories"), dict) else {}
    return PairSuite(tuple(pairs), dict(descriptions), str(data.get("about", "")))


@dataclass(frozen=True)
class PairScores:
    """One model's verdicts on a suite.

    positive, negative: (n_pairs,) P(positive) of each pair's positive and negative side
    categories: (n_pairs,) the category of each pair
    """

    name: str
    categories: tuple[str, ...]
    positive: np.ndarray
    negative: np.ndarray

    @property
    def both_right(self) -> np.ndarray:
        """(n_pairs,) True where the positive side reads > 0.5 and the negative side < 0.5."""
        return (self.positive > 0.5) & (self.negative < 0.5)

    @property
    def accuracy(self) -> float:
        """Share of pairs with both sides right."""
        return float(self.both_right.mean()) if len(self.positive) else float("nan")

    def by_category(self) -> dict[str, tuple[int, int]]:
        """category -> (pairs fully right, pairs), categories in the suite's order."""
        right = self.both_right
        out: dict[str, tuple[int, int]] = {}
        for category in dict.fromkeys(c for c in CATEGORY_ORDER if c in self.categories):
            mask = np.array([c == category for c in self.categories])
            out[category] = (int(right[mask].sum()), int(mask.sum()))
        for category in sorted(set(self.categories) - set(out)):
            mask = np.array([c == category for c in self.categories])
            out[category] = (int(right[mask].sum()), int(mask.sum()))
        return out

    def worst_category(self) -> tuple[str, float]:
        """(category, share right) of the weakest category."""
        shares = {c: right / total for c, (right, total) in self.by_category().items()}
        worst = min(shares, key=shares.get)
        return worst, shares[worst]


def score_pairs(predict: Callable[[Sequence[str]], np.ndarray], suite: PairSuite, name: str = "") -> PairScores:
    """Run ``predict`` (texts -> (n,) P(positive)) on both sides of every pair of ``suite``."""
    texts = [p.positive for p in suite.pairs] + [p.negative for p in suite.pairs]
    probabilities = np.asarray(predict(texts), dtype=np.float64).reshape(-1)
    if probabilities.shape != (len(texts),):
        raise ValueError(f"predict returned {probabilities.shape[0]} probabilities for {len(texts)} texts")
    n = len(suite.pairs)
    return PairScores(name, tuple(p.category for p in suite.pairs), probabilities[:n], probabilities[n:])


def rank_readers(infos) -> tuple[list, list]:
    """(recurrent checkpoints, bag-of-words checkpoints) of ``infos`` (``CheckpointInfo``), each best first:
    most minimal pairs fully right, then the most SST-2 dev sentences right."""
    def rank(info):
        return (-(info.metrics.get("order_pairs_accuracy") or 0.0), -(info.metrics.get("sst_dev_accuracy") or 0.0))

    infos = sorted(infos, key=rank)
    return [info for info in infos if info.recurrent], [info for info in infos if not info.recurrent]
