"""Small real checkpoints for tests: every cell type, saved with rnnviz's own format.

Weights are random (seeded) unless ``train_epochs`` > 0; pages and probes only need real shapes and
a real tokenizer, not accuracy. Use ``make_checkpoints(folder)`` and point
``RNNVIZ_USER_CHECKPOINTS`` at the folder.
"""

from __future__ import annotations

from pathlib import Path

import torch

from rnnviz.checkpoints import save_checkpoint
from rnnviz.data import load_sample
from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.snapshots import SnapshotPlan, Timeline, take_snapshot
from rnnviz.tokenizer import Tokenizer

TINY = {
    "tiny-rnn": dict(cell="rnn"),
    "tiny-lstm": dict(cell="lstm"),
    "tiny-gru": dict(cell="gru"),
    "tiny-bigru": dict(cell="gru", bidirectional=True),
    "tiny-bag": dict(cell="bag"),
}
# What each one says it learned from (the Prediction page tells short-text and long-text models apart).
TRAINED_ON = {"tiny-rnn": "imdb", "tiny-lstm": "sst", "tiny-gru": "both", "tiny-bigru": "sst", "tiny-bag": "sst"}


def make_checkpoints(folder: Path, vocab_size: int = 2_000, hidden_size: int = 16) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.build(load_sample()["train"]["text"][:500], vocab_size=vocab_size)
    paths = []
    for seed, (name, overrides) in enumerate(TINY.items()):
        torch.manual_seed(seed)
        config = ModelConfig(vocab_size=vocab_size, embedding_dim=16, hidden_size=hidden_size, max_len=200,
                             **overrides)
        model = RNNClassifier(config).eval()
        paths.append(save_checkpoint(
            model, folder / f"{name}.safetensors", tokenizer=tokenizer, name=name,
            metrics={"test_accuracy": 0.5, "val_accuracy": 0.5, "train_seconds": 0.0, "sst_dev_accuracy": 0.5,
                     "order_pairs_accuracy": 0.25},
            history=[{"epoch": 1, "train_loss": 0.69, "train_accuracy": 0.5, "val_loss": 0.69,
                      "val_accuracy": 0.5}],
            data_source={"kind": "sample", "location": "tests", "trained_on": TRAINED_ON[name]},
            timeline=_timeline(model, tokenizer) if name == "tiny-lstm" else None))
    return paths


def _timeline(model: RNNClassifier, tokenizer: Tokenizer, epochs: int = 3) -> Timeline:
    """Training snapshots as if the model had learned: its embedding drifting a little each "epoch"."""
    plan = SnapshotPlan.for_tokenizer(tokenizer, model.config.max_len, model.config.vocab_size, words=120)
    final = model.embedding.weight.detach().clone()
    snapshots = []
    with torch.no_grad():
        for epoch in range(epochs + 1):
            model.embedding.weight.copy_(final * (0.4 + 0.6 * epoch / epochs))
            snapshots.append(take_snapshot(model, plan, epoch))
    return Timeline.from_snapshots(snapshots)
