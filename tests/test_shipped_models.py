"""The shipped checkpoints meet the project's targets, read from their own metadata and re-measured."""

import json
from pathlib import Path

import numpy as np
import pytest

from rnnviz.checkpoints import list_checkpoints, load_checkpoint, shipped_checkpoint_dir
from rnnviz.data import SAMPLE_DIR, load_imdb
from rnnviz.reviews import encode_reviews, evaluate

FULL = Path(__file__).resolve().parents[2] / "shared" / "data" / "imdb"
FULL_SST = Path(__file__).resolve().parents[2] / "shared" / "data" / "sst"
SHORT = json.loads((SAMPLE_DIR / "short_reviews.json").read_text(encoding="utf-8"))["reviews"]
# name -> minimum accuracy on the full 25,000-review IMDB test split (the targets)
TARGETS = {"lstm": 0.905, "gru": 0.905, "rnn": 0.87, "bigru": 0.87}
# The models of short text (Sentiment Treebank), the one of short and long text, and the bag of words.
SHORT_TEXT_MODELS = ("sst-lstm", "sst-bigru", "sst-rnn", "both-bigru", "bag")


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


# ------------------------------------------------------------------ short text and word order (issue 13)
def test_short_text_models_are_shipped_within_limits():
    infos = shipped()
    for name in SHORT_TEXT_MODELS:
        info = infos[name]
        assert info.ok, info.error
        assert info.metrics["n_params"] <= 2_000_000 and info.size_bytes <= 8_000_000, name
        assert info.metrics["train_cpu_seconds"] <= 20 * 60, name
        assert info.metrics["sst_dev_sentences"] == 872 and sum(map(sum, info.metrics["confusion"])) == 25_000
    assert {infos[name].trained_on for name in SHORT_TEXT_MODELS} == {"sst", "both"}
    assert not infos["bag"].recurrent and infos["sst-rnn"].cell == "rnn" and infos["sst-bigru"].config["bidirectional"]


def test_the_short_and_long_model_keeps_the_imdb_target():
    metrics = shipped()["both-bigru"].metrics
    assert metrics["test_accuracy"] >= 0.90


@pytest.mark.xfail(strict=True, reason="issue 13's targets, not reached: see checkpoints/README.md for the figures")
def test_short_text_targets():
    infos = shipped()
    best = max(info.metrics["sst_dev_accuracy"] for info in infos.values())
    assert best >= 0.885 and infos["both-bigru"].metrics["sst_dev_accuracy"] >= 0.875


@pytest.mark.xfail(strict=True, reason="issue 13's target, not reached: see checkpoints/README.md for the figures")
def test_order_pairs_target():
    best = max(shipped().values(), key=lambda info: info.metrics["order_pairs_accuracy"])
    assert best.metrics["order_pairs_accuracy"] >= 0.85
    assert min(best.metrics["order_pairs_by_category"].values()) >= 0.70


def test_the_order_suite_reproduces_the_recorded_figures_and_beats_the_foils():
    """The whole suite, run now on every shipped model: the figures of the card, and a wide gap to the bag."""
    from rnnviz.order_pairs import load_pairs, score_pairs

    suite, infos = load_pairs(), shipped()
    scores = {name: score_pairs(load_checkpoint(info.path).predict, suite, name) for name, info in infos.items()}
    for name, score in scores.items():
        assert score.accuracy == pytest.approx(infos[name].metrics["order_pairs_accuracy"], abs=1e-9), name
    best = max(scores.values(), key=lambda score: score.accuracy)
    assert best.accuracy >= 0.75 and all(right / total >= 0.6 for right, total in best.by_category().values())
    assert scores["bag"].accuracy <= 0.35 and best.accuracy - scores["bag"].accuracy >= 0.4
    for name in TARGETS:  # the IMDB models, trained on one label per review, never learnt what "not" does
        assert scores[name].accuracy <= 0.35, name


def test_the_default_examples_are_read_right():
    """The Hidden states page's examples, by the models that page picks first (one per cell, best at order)."""
    negation, turn = "This movie is not bad at all.", ("The actors are brilliant and the first hour is moving, but "
                                                      "the ending is a boring, stupid mess.")
    for name in ("sst-lstm", "sst-bigru", "sst-rnn"):
        p = load_checkpoint(shipped_checkpoint_dir() / f"{name}.safetensors").predict([negation, turn, "Not bad at all!"])
        assert p[0] > 0.5 and p[1] < 0.5 and p[2] > 0.5, (name, p)
    bag = load_checkpoint(shipped_checkpoint_dir() / "bag.safetensors")
    assert bag.predict([negation])[0] < 0.5  # the foil falls for "bad", as the lesson says


@pytest.mark.skipif(not FULL_SST.is_dir(), reason="the full treebank is only on the developers' machines")
def test_evaluate_reproduces_the_sst_dev_figure():
    from rnnviz.sst import load_sst

    checkpoint = load_checkpoint(shipped_checkpoint_dir() / "sst-lstm.safetensors")
    dev = load_sst(FULL_SST).sentences("dev")
    result = evaluate(checkpoint.model, encode_reviews(dev["text"], checkpoint.tokenizer, checkpoint.config.max_len),
                      labels=dev["label"])
    assert result.accuracy == pytest.approx(checkpoint.metrics["sst_dev_accuracy"], abs=1e-9)
