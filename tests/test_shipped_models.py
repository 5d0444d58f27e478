"""The shipped checkpoints meet the project's targets, read from their own metadata and re-measured."""

import json
from pathlib import Path

import numpy as np
import pytest

from rnnviz.checkpoints import list_checkpoints, load_checkpoint, shipped_checkpoint_dir
from rnnviz.data import SAMPLE_DIR, load_imdb
from rnnviz.training import encode_reviews, evaluate

FULL = Path(__file__).resolve().parents[2] / "shared" / "data" / "imdb"
SHORT = json.loads((SAMPLE_DIR / "short_reviews.json").read_text(encoding="utf-8"))["reviews"]
# name -> minimum accuracy on the full 25,000-review IMDB test split (the targets)
TARGETS = {"lstm": 0.905, "gru": 0.905, "rnn": 0.87, "bigru": 0.87}


def shipped() -> dict:
    return {info.name: info for info in list_checkpoints(shipped_checkpoint_dir())}


def test_the_four_models_are_shipped_within_size_limits():
    infos = shipped()
    assert set(TARGETS) <= set(infos)
    for name in TARGETS:
        info = infos[name]
        assert info.ok, info.error
        assert info.metrics["n_params"] <= 2_000_000 and info.size_bytes <= 8_000_000, name
        # CPU seconds of the run's one thread: its time on an idle core, whatever else shared the machine.
        assert info.metrics.get("train_cpu_seconds", info.metrics["train_seconds"]) <= 20 * 60, name


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_test_accuracy_on_the_full_split_meets_the_target(name):
    metrics = shipped()[name].metrics
    assert sum(map(sum, metrics["confusion"])) == 25_000  # the whole test split, not a sample
    assert metrics["test_accuracy"] >= TARGETS[name]


def test_short_reviews_are_judged_sensibly():
    texts, labels = [text for text, _ in SHORT], np.array([label for _, label in SHORT])
    assert len(texts) == 60 and labels.mean() == 0.5
    for name in TARGETS:
        probabilities = load_checkpoint(shipped_checkpoint_dir() / f"{name}.safetensors").predict(texts)
        accuracy = float(np.mean((probabilities > 0.5) == labels))
        assert accuracy >= 0.9, (name, accuracy)


@pytest.mark.skipif(not FULL.is_dir(), reason="the full IMDB copy is only on the developers' machines")
def test_evaluate_reproduces_the_card_on_the_full_test_split():
    """The fastest shipped model, re-measured on all 25,000 test reviews (the others: see the card)."""
    checkpoint = load_checkpoint(shipped_checkpoint_dir() / "rnn.safetensors")
    test = load_imdb(FULL)["test"]
    reviews = encode_reviews(test["text"], checkpoint.tokenizer, checkpoint.config.max_len)
    result = evaluate(checkpoint.model, reviews, labels=test["label"])
    assert result.accuracy == pytest.approx(checkpoint.metrics["test_accuracy"], abs=1e-4)
