"""``python -m rnnviz bench``: the course notebooks' training loop against rnnviz's trainer.

Both train the same model (the notebook's sizes, optimiser, batch size and learning rate) on the
same reviews, one after the other in this process, for one epoch; only the training steps are
timed (tokenising and padding are done before, once, for both). Then both are scored on the same
held-out reviews, so a speed-up that cost accuracy would show.

What differs is only how the trainer runs the model (see :mod:`rnnviz.training`): one torch thread,
batches of similar lengths cut to their longest review, padding-proof reading of each review.
The notebook side runs as written: ``DataLoader(shuffle=True)``, pre-padded 200-token input,
torch's default thread count.
"""

from __future__ import annotations

import builtins
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Callable, Sequence

import numpy as np
import torch

from rnnviz.course_baseline import COURSE_SETUPS, MAX_LEN, MAX_WORDS, evaluate_course_model, train_course_model
from rnnviz.data import load_imdb
from rnnviz.models import ModelConfig
from rnnviz.padding import pad_sequences
from rnnviz.tokenizer import Tokenizer, split_many, split_words
from rnnviz.training import TrainConfig, train
from rnnviz.reviews import EncodedReviews, evaluate

DEFAULT_REVIEWS = 2_000
DEFAULT_CELLS = ("lstm", "rnn", "gru")


@dataclass(frozen=True)
class BenchRow:
    """One cell's result. Speeds are training reviews per second (wall clock)."""

    cell: str
    reviews: int
    course_reviews_per_second: float
    rnnviz_reviews_per_second: float
    course_seconds: float
    rnnviz_seconds: float
    course_accuracy: float
    rnnviz_accuracy: float
    course_threads: int
    rnnviz_threads: int
    rnnviz_workers: int = 1

    @property
    def speedup(self) -> float:
        return self.rnnviz_reviews_per_second / self.course_reviews_per_second

    def to_dict(self) -> dict:
        return {**asdict(self), "speedup": self.speedup}


def course_model_config(cell: str) -> ModelConfig:
    """The notebook's model for ``cell`` as an rnnviz config (same sizes, 200 tokens, last state)."""
    setup = COURSE_SETUPS[cell]
    return ModelConfig(cell=cell, vocab_size=MAX_WORDS, embedding_dim=setup.embedding_dim,
                       hidden_size=setup.hidden_size, max_len=MAX_LEN)


def course_train_config(cell: str, seed: int = 0, epochs: int = 1, workers: int = 1) -> TrainConfig:
    """The notebook's optimiser, learning rate and batch size, without a validation split."""
    setup = COURSE_SETUPS[cell]
    return TrainConfig(optimizer=setup.optimizer, lr=setup.lr, batch_size=setup.batch_size, epochs=epochs,
                       validation_fraction=0.0, patience=0, seed=seed, grad_clip=0.0, workers=workers)


def run_bench(data_dir: str | os.PathLike | None = None, reviews: int = DEFAULT_REVIEWS,
              cells: Sequence[str] = DEFAULT_CELLS, test_reviews: int = 2_000, epochs: int = 1,
              seed: int = 0, workers: int = 1,
              print: Callable[[str], None] = builtins.print) -> list[BenchRow]:
    """Train each cell both ways on ``reviews`` training reviews; print a table; return its rows.

    data_dir: an IMDB folder (see :func:`rnnviz.data.load_imdb`); None: $RNNVIZ_DATA_DIR, the hub,
        or the bundled 2,000 + 2,000 sample
    reviews, test_reviews: how many training / test reviews (a seeded random subset)
    workers: rnnviz's trainer processes (``TrainConfig.workers``); 2 uses both cores of an idle
        machine (the helper's start-up, ~2-5 s, is not counted in its speed)
    """
    unknown = [c for c in cells if c not in COURSE_SETUPS]
    if unknown:
        raise ValueError(f"unknown cells {unknown}; choose from {sorted(COURSE_SETUPS)}")
    imdb = load_imdb(data_dir)
    train_split = imdb["train"].shuffle(seed=seed).select(range(min(reviews, len(imdb["train"]))))
    test_split = imdb["test"].shuffle(seed=seed).select(range(min(test_reviews, len(imdb["test"]))))
    train_texts, test_texts = train_split["text"][:], test_split["text"][:]
    started = time.perf_counter()
    train_words = split_many(train_texts)
    tokenizer = Tokenizer.build(train_words, vocab_size=MAX_WORDS)
    ours_train = EncodedReviews(*map(torch.from_numpy, tokenizer.encode_many(train_words, MAX_LEN)))
    ours_test = EncodedReviews(*map(torch.from_numpy, tokenizer.encode_many(test_texts, MAX_LEN)))
    tokenizing_seconds = time.perf_counter() - started
    # The baseline: one text at a time, as the course's Keras Tokenizer and the app's single review do.
    started = time.perf_counter()
    word_counts = Counter(word for text in train_texts for word in split_words(text))
    ranked = sorted(word_counts.items(), key=lambda item: (-item[1], item[0]))[: MAX_WORDS - 3]
    train_ids = [tokenizer.encode(t) for t in train_texts]
    test_ids = [tokenizer.encode(t) for t in test_texts]
    one_at_a_time_seconds = time.perf_counter() - started
    if [word for word, _ in ranked] != list(tokenizer.words[3:]) or \
            [ids[:lengths].tolist() for ids, lengths in zip(ours_test.ids, ours_test.lengths)] != \
            [ids[-MAX_LEN:] for ids in test_ids]:
        raise RuntimeError("the two ways of tokenizing disagree; please report this")
    y_train, y_test = np.array(train_split["label"]), np.array(test_split["label"])
    # Both sides get the same 200 last tokens of each review; only the padding side differs.
    course_train, course_test = pad_sequences(train_ids, maxlen=MAX_LEN), pad_sequences(test_ids, maxlen=MAX_LEN)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"rnnviz bench: {len(train_split):,} training reviews, {len(test_split):,} test reviews, "
          f"{epochs} epoch(s), data: {imdb.source.label}")
    print(f"torch {torch.__version__}, {os.cpu_count()} CPUs, torch threads by default: "
          f"{torch.get_num_threads()}, rnnviz: 1 thread x {workers} process(es), load average: {load:.2f}")
    print(f"vocabulary + encoding of {len(train_texts) + len(test_texts):,} reviews: {tokenizing_seconds:.1f} s, "
          f"one text at a time {one_at_a_time_seconds:.1f} s "
          f"({one_at_a_time_seconds / max(tokenizing_seconds, 1e-9):.1f}x)")
    header = (f"{'cell':<5} {'notebook loop':>14} {'rnnviz':>10} {'speed-up':>9} "
              f"{'notebook acc':>13} {'rnnviz acc':>11}")
    print(header)
    print("-" * len(header))
    rows = []
    for cell in cells:
        course_threads = torch.get_num_threads()
        model, run = train_course_model(cell, course_train, y_train, epochs=epochs, seed=seed)
        course_accuracy = evaluate_course_model(model, course_test, y_test)
        train_config = course_train_config(cell, seed, epochs, workers)
        result = train(course_model_config(cell), train_config, ours_train, labels=y_train)
        ours_accuracy = evaluate(result.model, ours_test, labels=y_test).accuracy
        row = BenchRow(cell, run.reviews, run.reviews_per_second, result.samples_per_second,
                       run.seconds, len(train_split) * epochs / result.samples_per_second,
                       course_accuracy, ours_accuracy, course_threads, train_config.num_threads,
                       train_config.workers)
        rows.append(row)
        print(f"{cell:<5} {row.course_reviews_per_second:>10,.0f} r/s {row.rnnviz_reviews_per_second:>6,.0f} r/s "
              f"{row.speedup:>8.1f}x {row.course_accuracy:>13.1%} {row.rnnviz_accuracy:>11.1%}")
    print("r/s = training reviews per second (wall clock). Accuracy after the same training, on the test "
          "reviews; a single epoch on a few thousand reviews is far from converged.")
    return rows
