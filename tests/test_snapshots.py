"""Training snapshots: taken before training and after every epoch, saved in the checkpoint, replayed."""

import json
import struct

import numpy as np
import pytest
import torch

from rnnviz.checkpoints import CheckpointError, list_checkpoints, load_checkpoint, load_checkpoint_bytes, save_checkpoint
from rnnviz.data import load_sample
from rnnviz.models import ModelConfig
from rnnviz.embedding_probes import pca
from rnnviz.snapshots import PROBE_REVIEWS, SnapshotPlan, Timeline, shared_map
from rnnviz.tokenizer import Tokenizer
from rnnviz.training import TrainConfig, train
from rnnviz.reviews import encode_reviews
from rnnviz.ui import embedding_charts

EPOCHS = 3


@pytest.fixture(scope="module")
def run():
    sample = load_sample()["train"]
    texts, labels = sample["text"][:300], sample["label"][:300]
    tokenizer = Tokenizer.build(texts, vocab_size=1_000)
    config = ModelConfig(cell="lstm", vocab_size=1_000, embedding_dim=8, hidden_size=8, max_len=60)
    plan = SnapshotPlan.for_tokenizer(tokenizer, config.max_len, config.vocab_size, words=50)
    reports = []
    result = train(config, TrainConfig(epochs=EPOCHS, validation_fraction=0.0, patience=0, batch_size=32),
                   encode_reviews(texts, tokenizer, config.max_len), labels=labels, snapshots=plan,
                   on_progress=reports.append)
    return tokenizer, plan, result, reports


def test_a_snapshot_before_training_and_after_every_epoch(run):
    tokenizer, plan, result, reports = run
    assert [s.epochs for s in result.snapshots] == [(epoch,) for epoch in range(EPOCHS + 1)]
    kinds = [(r.kind, r.epoch) for r in reports if r.kind != "batch"]
    # epoch 0 comes first; each epoch's snapshot right after its epoch report
    assert kinds == [("snapshot", 0)] + [pair for e in range(1, EPOCHS + 1) for pair in (("epoch", e), ("snapshot", e))]
    assert plan.words == tuple(tokenizer.words[3:53])
    first, last = result.snapshots[0], result.snapshots[-1]
    assert first.embedding.shape == (1, 50, 8) and first.polarity.shape == (1, 50)
    assert first.probes.shape == (1, len(PROBE_REVIEWS)) and first.probe_texts == PROBE_REVIEWS
    assert not np.allclose(first.embedding, last.embedding)  # the words moved while it learned
    # Without validation the returned model is the last epoch's: the last snapshot is its state.
    model = result.model
    assert np.allclose(last.embedding[0], model.embedding.weight[torch.from_numpy(plan.word_ids)].detach().numpy())
    probes = torch.sigmoid(model(plan.probe_ids, plan.probe_lengths)).detach().numpy()
    assert np.allclose(last.probes[0], probes, atol=1e-6)


def test_the_snapshots_are_saved_in_the_checkpoint_and_read_back(run, tmp_path):
    tokenizer, plan, result, _ = run
    timeline = Timeline.from_snapshots(result.snapshots)
    path = save_checkpoint(result.model, tmp_path / "watched.safetensors", tokenizer=tokenizer, timeline=timeline)
    loaded = load_checkpoint(path).timeline
    assert loaded.epochs == tuple(range(EPOCHS + 1)) and loaded.words == plan.words
    assert np.allclose(loaded.embedding, timeline.embedding, atol=2e-3)  # kept as float16
    assert np.array_equal(loaded.polarity, timeline.polarity) and np.array_equal(loaded.probes, timeline.probes)
    assert loaded.probe_texts == PROBE_REVIEWS
    assert [info.snapshots for info in list_checkpoints(tmp_path)] == [EPOCHS + 1]
    plain = save_checkpoint(result.model, tmp_path / "plain.safetensors", tokenizer=tokenizer)
    assert load_checkpoint(plain).timeline is None


def _rewrite_metadata(data: bytes, change) -> bytes:
    """The same file with its rnnviz metadata changed by ``change(metadata)`` (tensors untouched)."""
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    document = json.loads(header["__metadata__"]["rnnviz"])
    change(document)
    header["__metadata__"]["rnnviz"] = json.dumps(document)
    encoded = json.dumps(header).encode()
    encoded += b" " * (-len(encoded) % 8)
    return struct.pack("<Q", len(encoded)) + encoded + data[8 + size:]


@pytest.mark.parametrize("change, message", [
    (lambda m: m["snapshots"].update(epochs=[0, 1]), "shape"),
    (lambda m: m["snapshots"].update(word_ids="all"), "word_ids"),
    (lambda m: m["snapshots"].update(epochs=list(range(10_000))), "at most"),
    (lambda m: m["snapshots"].update(probe_texts=["x" * 5_000] * 4), "longer"),
    (lambda m: m["snapshots"].pop("epochs"), "epochs"),
    (lambda m: m.pop("snapshots"), "does not use"),
])
def test_a_file_with_inconsistent_snapshots_is_refused(run, tmp_path, change, message):
    tokenizer, _, result, _ = run
    path = save_checkpoint(result.model, tmp_path / "watched.safetensors", tokenizer=tokenizer,
                           timeline=Timeline.from_snapshots(result.snapshots))
    with pytest.raises(CheckpointError, match=message):
        load_checkpoint_bytes(_rewrite_metadata(path.read_bytes(), change))


def test_every_epoch_is_drawn_on_the_last_epochs_axes(run):
    _, _, result, _ = run
    timeline = Timeline.from_snapshots(result.snapshots)
    coords, explained = shared_map(timeline)
    assert coords.shape == (EPOCHS + 1, 50, 2)
    expected, ratio = pca(timeline.embedding[-1], 2)
    assert np.allclose(coords[-1], expected) and np.allclose(explained, ratio)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_replay_has_a_frame_per_epoch_a_slider_and_a_play_button(run, lang):
    _, _, result, _ = run
    timeline = Timeline.from_snapshots(result.snapshots)
    coords, explained = shared_map(timeline)
    figure = embedding_charts.timeline_figure(timeline.words, coords, timeline.polarity, timeline.epochs, explained, lang)
    assert [frame.name for frame in figure.frames] == [str(e) for e in range(EPOCHS + 1)]
    assert len(figure.layout.sliders[0].steps) == EPOCHS + 1
    assert figure.layout.updatemenus[0].buttons[0].method == "animate"
    # the same axes in every frame: the ranges hold every epoch's points
    x_range = figure.layout.xaxis.range
    assert x_range[0] <= coords[..., 0].min() and coords[..., 0].max() <= x_range[1]
    live = embedding_charts.timeline_figure(timeline.words, coords, timeline.polarity, timeline.epochs, explained, lang,
                                        at_last=True)
    assert live.layout.sliders[0].active == EPOCHS
    assert np.allclose(live.data[0].x, np.round(coords[-1, :, 0], 4))
    curves = embedding_charts.probe_curves_figure(timeline.epochs, timeline.probe_texts, timeline.probes, lang)
    assert len(curves.data) == len(PROBE_REVIEWS) and list(curves.data[0].x) == list(range(EPOCHS + 1))
