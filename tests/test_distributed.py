"""Data-parallel training on torch.distributed: spawned ranks, torchrun ranks, stop, failures."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
import torch

from rnnviz import distributed
from rnnviz.checkpoints import load_checkpoint
from rnnviz.data import SAMPLE_DIR, load_sample
from rnnviz.models import ModelConfig
from rnnviz.tokenizer import Tokenizer
from rnnviz.training import TrainConfig, train
from rnnviz.reviews import encode_reviews

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = ["--cell", "gru", "--embedding-dim", "8", "--hidden-size", "8", "--vocab-size", "400", "--max-len", "40",
        "--epochs", "2", "--train-size", "120", "--batch-size", "16", "--test-limit", "50", "--quiet",
        "--data", str(SAMPLE_DIR)]


@pytest.fixture(scope="module")
def reviews():
    data = load_sample()["train"][:300]
    tokenizer = Tokenizer.build(data["text"], vocab_size=400)
    return encode_reviews(data["text"], tokenizer, 40), data["label"]


CONFIG = ModelConfig(cell="gru", vocab_size=400, embedding_dim=8, hidden_size=8, max_len=40)


def test_stop_reaches_every_rank(reviews):
    ids, labels = reviews
    stop = threading.Event()

    def report(progress):
        if progress.kind == "batch" and progress.batch == 2:
            stop.set()
    result = train(CONFIG, TrainConfig(batch_size=16, epochs=3, workers=2, patience=0), ids, labels=labels,
                   on_progress=report, stop_event=stop)
    assert result.stopped_by_user and not result.history
    assert not torch.distributed.is_initialized()  # the caller's process stays out of the group


def test_a_failing_rank_is_a_clear_error():
    with pytest.raises(RuntimeError, match="distributed training failed: rank .*ZeroDivisionError"):
        distributed.train_in_processes(2, _fails, ())


def _fails(*, report, should_stop):
    return 1 / 0


def test_torchrun_ranks_give_the_very_weights_of_two_spawned_workers(tmp_path):
    """Two processes through torchrun's rendezvous on 127.0.0.1 = two workers spawned by rnnviz."""
    env = {**os.environ, "PYTHONPATH": ROOT, "RNNVIZ_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    spawned, launched = tmp_path / "spawned.safetensors", tmp_path / "torchrun.safetensors"
    subprocess.run([sys.executable, "-m", "rnnviz", "train", *TINY, "--workers", "2", "--out", str(spawned)],
                   check=True, cwd=ROOT, env=env, timeout=300)
    command = [sys.executable, "-m", "torch.distributed.run", "--nnodes", "1", "--nproc-per-node", "2",
               "--rdzv-backend", "c10d", "--rdzv-endpoint", f"127.0.0.1:{distributed.free_port()}",
               "-m", "rnnviz", "train", *TINY, "--out", str(launched)]
    completed = subprocess.run(command, cwd=ROOT, env=env, timeout=300, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr[-3000:]
    one, two = load_checkpoint(spawned), load_checkpoint(launched)
    assert one.train_config["workers"] == two.train_config["workers"] == 2
    assert all(torch.equal(a, b) for a, b in zip(one.model.state_dict().values(), two.model.state_dict().values()))
    assert one.metrics["test_accuracy"] == two.metrics["test_accuracy"]


def test_ranks_validate_their_shares_and_agree_with_one_reading_of_the_whole_set(reviews):
    """Each rank reads half of the held-out reviews; the summed figures are those of one reading of all."""
    from rnnviz.reviews import evaluate
    from rnnviz.training import split_validation

    ids, labels = reviews
    config = TrainConfig(batch_size=16, epochs=1, workers=2, patience=0, validation_fraction=0.2)
    result = train(CONFIG, config, ids, labels=labels)
    _, held_out = split_validation(len(ids), config.validation_fraction, config.seed)
    whole = evaluate(result.model, ids.select(held_out), labels=[labels[i] for i in held_out.tolist()])
    epoch = result.history[0]
    assert epoch["val_accuracy"] == pytest.approx(whole.accuracy, abs=1e-12)
    assert epoch["val_loss"] == pytest.approx(whole.loss, rel=1e-5)
