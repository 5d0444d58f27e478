"""The "Why word order matters" lesson: one text, the same words shuffled, a bag of words and an RNN.

A bag of words (``ModelConfig(cell="bag")``) averages its word vectors: it gives *exactly* the same
P(positive) to any order of the same words. An RNN reads in order, so shuffling moves its answer.

    shuffled = shuffle_words("This movie is not bad at all.", seed=1)
    reading = read_in_order(checkpoint, text, shuffled)        # reading.prob, reading.shuffled_prob
    scores = bag_word_scores(bag_checkpoint, text)             # logit = mean(scores) + bias, exactly
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.probes import encode_review, prefix_probabilities
from rnnviz.tokenizer import split_words


def shuffle_words(text: str, seed: int = 0) -> str:
    """The words of ``text`` (as the tokenizer splits them) in a random order, joined by spaces.

    The order differs from the original whenever the text has two different words (a few seeds are
    tried); punctuation is dropped, as the tokenizer drops it.
    """
    words = split_words(text)
    if len(set(words)) < 2:
        return " ".join(words)
    for attempt in range(20):
        shuffled = list(words)
        random.Random(seed * 1_000 + attempt).shuffle(shuffled)
        if shuffled != words:
            return " ".join(shuffled)
    return " ".join(reversed(words))


@dataclass(frozen=True)
class OrderReading:
    """One text, and the same words shuffled, read by one model.

    tokens: (T,) what the model read, in order (``<start>`` first); shuffled_tokens: (T,)
    prob, shuffled_prob: P(positive) of the text and of its shuffle
    prob_by_step: (T,) P(positive) if the text stopped after each token
    known_words: how many of the words are in the model's vocabulary
    """

    name: str
    tokens: tuple[str, ...]
    shuffled_tokens: tuple[str, ...]
    prob: float
    shuffled_prob: float
    prob_by_step: np.ndarray
    known_words: int

    @property
    def moved(self) -> float:
        """How far shuffling moved the answer: shuffled_prob - prob."""
        return self.shuffled_prob - self.prob


@torch.no_grad()
def read_in_order(checkpoint, text: str, shuffled: str) -> OrderReading:
    """Read ``text`` and ``shuffled`` with ``checkpoint`` (its own truncation rule applies)."""
    max_len = checkpoint.config.max_len
    review = encode_review(checkpoint.tokenizer, text, max_len)
    mixed = encode_review(checkpoint.tokenizer, shuffled, max_len)
    steps = prefix_probabilities(checkpoint.model, review.ids)
    ids = torch.as_tensor(mixed.ids)[None]
    shuffled_prob = float(torch.sigmoid(checkpoint.model(ids, torch.tensor([ids.shape[1]]))))
    return OrderReading(checkpoint.name, review.tokens, mixed.tokens, float(steps[-1]), shuffled_prob, steps,
                        review.known_words)


@dataclass(frozen=True)
class BagScores:
    """A bag of words' verdict, word by word: logit = mean(scores) + bias, exactly.

    words: (n,) the tokens it read; scores: (n,) each word's vector times the output weights
    """

    words: tuple[str, ...]
    scores: np.ndarray
    bias: float

    @property
    def logit(self) -> float:
        return float(self.scores.mean() + self.bias)

    @property
    def prob(self) -> float:
        return float(1 / (1 + np.exp(-self.logit)))


@torch.no_grad()
def bag_word_scores(checkpoint, text: str) -> BagScores:
    """Split a bag of words' logit into one score per word (its embedding dotted with the output weights)."""
    if checkpoint.config.recurrent:
        raise ValueError(f"{checkpoint.name} is a {checkpoint.config.cell.upper()}, not a bag of words")
    review = encode_review(checkpoint.tokenizer, text, checkpoint.config.max_len)
    model = checkpoint.model
    vectors = model.embedding.weight[torch.as_tensor(review.ids)]
    scores = (vectors @ model.head.weight[0]).numpy().astype(np.float64)
    return BagScores(review.tokens, scores, float(model.head.bias[0]))
