"""The trainer: data encoding, batching, learning, reproducibility, stopping, threads; the bench."""

import threading

import numpy as np
import pytest
import torch

import rnnviz.training as training
from rnnviz.bench import run_bench
from rnnviz.data import SAMPLE_DIR, load_sample
from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.padding import pad_sequences
from rnnviz.tokenizer import Tokenizer
from rnnviz.training import Progress, TrainConfig, split_validation, train
from rnnviz.reviews import EncodedReviews, Evaluation, encode_reviews, evaluate, from_id_lists, length_batches, predict, predict_texts

TINY = ModelConfig(cell="gru", vocab_size=12, embedding_dim=8, hidden_size=8, max_len=30, pooling="max")


def synthetic(n: int = 400, seed: int = 0) -> tuple[EncodedReviews, np.ndarray]:
    """Reviews of 3-30 random "neutral" words (3-9) holding one sentiment word: 10 (neg) or 11 (pos)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n)
    sequences = []
    for label in labels:
        words = list(rng.integers(3, 10, rng.integers(3, 30)))
        words.insert(int(rng.integers(0, len(words) + 1)), 10 + int(label))
        sequences.append([1] + words)
    return from_id_lists(sequences), labels


def fast_config(**overrides) -> TrainConfig:
    settings = dict(epochs=3, batch_size=32, lr=1e-2, validation_fraction=0.2, patience=0, seed=0)
    settings.update(overrides)
    return TrainConfig(**settings)


# ------------------------------------------------------------------ data
def test_encode_reviews_keeps_the_end_of_long_reviews():
    tokenizer = Tokenizer.build(["a b c d e f"], vocab_size=20)
    reviews = encode_reviews(["a b c d e f", "b", ""], tokenizer, max_len=4)
    assert reviews.lengths.tolist() == [4, 2, 1]
    assert reviews.ids[0].tolist() == tokenizer.encode("a b c d e f")[-4:]
    assert reviews.ids[1].tolist() == [1, tokenizer.id_of("b"), 0, 0]


def test_encoded_reviews_cut_later_equal_reviews_encoded_short():
    """EncodedReviews.last applies the tokenizer's truncation rule to reviews already encoded."""
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(30)]
    texts = [" ".join(rng.choice(words, int(rng.integers(0, 40)))) for _ in range(200)] + [""]
    tokenizer = Tokenizer.build(texts, vocab_size=40)
    long_encoded = encode_reviews(texts, tokenizer, max_len=100)
    for max_len in (1, 7, 25):
        cut, direct = long_encoded.last(max_len), encode_reviews(texts, tokenizer, max_len)
        assert torch.equal(cut.lengths, direct.lengths)
        assert torch.equal(cut.ids[:, : direct.ids.shape[1]], direct.ids)
        assert not cut.ids[:, direct.ids.shape[1]:].any()
    assert long_encoded.last(100) is long_encoded


def test_length_batches_cover_every_review_once_and_group_similar_lengths():
    lengths = torch.randint(1, 500, (1000,))
    generator = torch.Generator().manual_seed(3)
    batches = length_batches(lengths, 32, generator)
    assert sorted(torch.cat(batches).tolist()) == list(range(1000))
    spread = np.mean([float(lengths[b].max() - lengths[b].min()) for b in batches])
    assert spread < 100  # random batches of 32 would spread ~470
    again = length_batches(lengths, 32, torch.Generator().manual_seed(3))
    assert all(torch.equal(a, b) for a, b in zip(batches, again))
    in_order = length_batches(lengths, 100, None, bucket=False)
    assert torch.equal(torch.cat(in_order), torch.arange(1000))


def test_split_validation_is_seeded_and_disjoint():
    train_index, val_index = split_validation(100, 0.2, seed=1)
    assert len(val_index) == 20 and not set(train_index.tolist()) & set(val_index.tolist())
    assert torch.equal(val_index, split_validation(100, 0.2, seed=1)[1])
    assert len(split_validation(100, 0.0, seed=1)[1]) == 0


# ------------------------------------------------------------------ training
def test_training_learns_a_simple_task_and_reports_progress():
    reviews, labels = synthetic()
    events: list[Progress] = []
    result = train(TINY, fast_config(), reviews, labels=labels, on_progress=events.append)
    assert result.history[-1]["val_accuracy"] > 0.9
    assert [e.epoch for e in events if e.kind == "epoch"] == [1, 2, 3]
    batches = [e for e in events if e.kind == "batch"]
    assert len(batches) == 3 * batches[0].batches_per_epoch == 3 * 10
    assert all(e.val_accuracy is None for e in batches) and events[-1].val_accuracy is not None
    assert set(result.history[0]) == {"epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy",
                                      "seconds", "samples_per_second"}
    assert not result.model.training and result.samples_per_second > 0
    assert not result.stopped_early and not result.stopped_by_user


def test_same_seed_same_run_other_seed_other_run():
    reviews, labels = synthetic(200)
    first = train(TINY, fast_config(epochs=2), reviews, labels=labels)
    second = train(TINY, fast_config(epochs=2), reviews, labels=labels)
    other = train(TINY, fast_config(epochs=2, seed=1), reviews, labels=labels)
    strip = lambda history: [{k: v for k, v in h.items() if k not in ("seconds", "samples_per_second")}
                             for h in history]
    assert strip(first.history) == strip(second.history)
    for a, b in zip(first.model.state_dict().values(), second.model.state_dict().values()):
        assert torch.equal(a, b)
    assert strip(first.history) != strip(other.history)


def test_training_leaves_the_global_rng_and_threads_alone():
    reviews, labels = synthetic(100)
    torch.set_num_threads(2)
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    seen_threads = []
    train(TINY, fast_config(epochs=1, num_threads=1), reviews, labels=labels,
          on_progress=lambda p: seen_threads.append(torch.get_num_threads()))
    assert torch.equal(torch.rand(3), expected)
    assert set(seen_threads) == {1} and torch.get_num_threads() == 2


def test_pre_padded_input_trains_like_encoded_reviews():
    reviews, labels = synthetic(120)
    sequences = [row[:n].tolist() for row, n in zip(reviews.ids, reviews.lengths)]
    pre = torch.from_numpy(pad_sequences(sequences))
    a = train(TINY, fast_config(epochs=1), reviews, labels=labels)
    b = train(TINY, fast_config(epochs=1), pre, reviews.lengths, labels)
    assert a.history[0]["train_loss"] == b.history[0]["train_loss"]


def test_stop_event_stops_within_a_batch():
    reviews, labels = synthetic(400)
    stop = threading.Event()
    calls = []

    def on_progress(progress):
        calls.append(progress)
        if progress.batch == 3:
            stop.set()

    result = train(TINY, fast_config(epochs=50), reviews, labels=labels, on_progress=on_progress, stop_event=stop)
    assert result.stopped_by_user and len(calls) == 3 and result.history == ()


def test_early_stopping_keeps_the_best_epoch(monkeypatch):
    reviews, labels = synthetic(200)
    scores = iter([0.6, 0.8, 0.7, 0.65, 0.9])
    real_evaluate = training.evaluate
    snapshots = {}

    def fake_evaluate(model, *args, **kwargs):
        result = real_evaluate(model, *args, **kwargs)
        snapshots[len(snapshots) + 1] = {k: v.clone() for k, v in model.state_dict().items()}
        return Evaluation(next(scores), result.loss, 0, 0, 0, 0, result.probabilities)

    monkeypatch.setattr(training, "evaluate", fake_evaluate)
    result = train(TINY, fast_config(epochs=5, patience=2), reviews, labels=labels)
    assert result.best_epoch == 2 and result.stopped_early and len(result.history) == 4
    for name, tensor in result.model.state_dict().items():
        assert torch.equal(tensor, snapshots[2][name])


def test_train_config_is_validated():
    for bad in (dict(optimizer="lbfgs"), dict(batch_size=0), dict(validation_fraction=1.0), dict(lr=-1),
                dict(epochs=1.5), dict(schedule="step")):
        with pytest.raises(ValueError):
            TrainConfig(**bad)
    assert TrainConfig.from_dict(TrainConfig(lr=0.1).to_dict()) == TrainConfig(lr=0.1)


@pytest.mark.parametrize("optimizer", ["rmsprop", "sgd"])
def test_other_optimizers_and_cosine_schedule_run(optimizer):
    reviews, labels = synthetic(100)
    result = train(TINY, fast_config(epochs=1, optimizer=optimizer, schedule="cosine", weight_decay=1e-4,
                                     train_size=80), reviews, labels=labels)
    assert len(result.history) == 1 and np.isfinite(result.history[0]["train_loss"])


# ------------------------------------------------------------------ evaluation
def test_evaluate_counts_and_keeps_the_input_order():
    reviews, labels = synthetic(150)
    torch.manual_seed(0)
    model = RNNClassifier(TINY).eval()
    result = evaluate(model, reviews, labels=labels, batch_size=16)
    assert result.true_negatives + result.false_positives + result.false_negatives + result.true_positives == 150
    assert result.confusion.sum() == 150
    assert result.accuracy == pytest.approx((result.true_positives + result.true_negatives) / 150)
    one_by_one = [model.predict_proba(reviews.ids[i: i + 1, : reviews.lengths[i]], reviews.lengths[i: i + 1])
                  for i in range(150)]
    np.testing.assert_allclose(result.probabilities, torch.cat(one_by_one).numpy(), atol=1e-5)
    pre = torch.from_numpy(pad_sequences([row[:n].tolist() for row, n in zip(reviews.ids, reviews.lengths)]))
    np.testing.assert_allclose(evaluate(model, pre, reviews.lengths, labels).probabilities,
                               result.probabilities, atol=1e-5)


def test_real_reviews_end_to_end():
    sample = load_sample()["train"].shuffle(seed=0).select(range(300))
    tokenizer = Tokenizer.build(sample["text"], vocab_size=1_000)
    config = ModelConfig(cell="lstm", vocab_size=1_000, embedding_dim=8, hidden_size=8, max_len=64,
                         pooling="mean_max")
    reviews = encode_reviews(sample["text"], tokenizer, config.max_len)
    result = train(config, fast_config(epochs=1), reviews, labels=sample["label"])
    probabilities = predict_texts(result.model, tokenizer, ["A great film.", "Awful."])
    assert probabilities.shape == (2,) and ((probabilities > 0) & (probabilities < 1)).all()
    assert np.allclose(predict(result.model, reviews)[:2],
                       predict_texts(result.model, tokenizer, sample["text"][:2]), atol=1e-5)


# ------------------------------------------------------------------ bench
def test_bench_prints_a_table_for_both_loops():
    lines = []
    rows = run_bench(SAMPLE_DIR, reviews=96, test_reviews=32, cells=("rnn",), print=lines.append)
    assert len(rows) == 1 and rows[0].cell == "rnn" and rows[0].reviews == 96
    assert rows[0].course_reviews_per_second > 0 and rows[0].rnnviz_reviews_per_second > 0
    assert rows[0].speedup == rows[0].rnnviz_reviews_per_second / rows[0].course_reviews_per_second
    assert any(line.startswith("rnn ") for line in lines)


def test_train_on_texts_builds_the_vocabulary():
    sample = load_sample()["train"].select(range(0, 2000, 20))
    config = ModelConfig(cell="rnn", vocab_size=500, embedding_dim=4, hidden_size=4, max_len=32)
    result, tokenizer = training.train_on_texts(config, fast_config(epochs=1), sample["text"], sample["label"])
    assert tokenizer.vocab_size == 500 and len(result.history) == 1
    with pytest.raises(ValueError, match="tokenizer"):
        training.train_on_texts(config, fast_config(epochs=1), sample["text"], sample["label"],
                                tokenizer=Tokenizer.build(sample["text"], vocab_size=600))


def test_two_worker_processes_train_like_one():
    """workers=2 splits each batch over two processes; the averaged gradient is the batch's. The ranks
    report through a queue, so a stop asked at batch 2 reaches them a few batches later."""
    reviews, labels = synthetic(200)
    one = train(TINY, fast_config(epochs=2), reviews, labels=labels)
    stop = threading.Event()
    events = []

    def on_progress(progress):
        events.append(progress)
        if progress.epoch == 2 and progress.batch == 2:
            stop.set()

    two = train(TINY, fast_config(epochs=2, workers=2), reviews, labels=labels, on_progress=on_progress,
                stop_event=stop)
    assert len(two.history) == 1 and two.stopped_by_user and two.best_epoch == 1
    assert two.history[0]["train_loss"] == pytest.approx(one.history[0]["train_loss"], abs=1e-4)
    assert two.history[0]["val_accuracy"] == pytest.approx(one.history[0]["val_accuracy"], abs=0.02)
    assert [e.epoch for e in events if e.kind == "epoch"] == [1]
    second = [e.batch for e in events if e.epoch == 2]
    assert second[:2] == [1, 2] and len(second) < events[0].batches_per_epoch


def test_word_dropout_trains():
    reviews, labels = synthetic(200)
    result = train(TINY, fast_config(epochs=2, word_dropout=0.2), reviews, labels=labels)
    assert np.isfinite(result.history[-1]["train_loss"])


def test_weight_average_is_the_exponential_moving_average_and_swaps_back():
    parameter = torch.nn.Parameter(torch.zeros(3))
    average = training._WeightAverage([parameter], decay=0.5)
    expected = torch.zeros(3)
    for step, value in enumerate([1.0, 2.0, 4.0], start=1):
        with torch.no_grad():
            parameter.fill_(value)
        average.update()
        weight = max(0.5, 1 / (step + 1))
        expected = expected + weight * (torch.full((3,), value) - expected)
    assert torch.allclose(average.average[0], expected)
    average.swap()
    assert torch.allclose(parameter.detach(), expected) and torch.equal(average.average[0], torch.full((3,), 4.0))
    average.swap()
    assert torch.equal(parameter.detach(), torch.full((3,), 4.0))


def test_averaged_weights_are_what_is_validated_and_kept(monkeypatch):
    reviews, labels = synthetic(200)
    plain = train(TINY, fast_config(epochs=2), reviews, labels=labels)
    validated = []
    real_evaluate = training.evaluate

    def spy(model, *args, **kwargs):
        validated.append({k: v.clone() for k, v in model.state_dict().items()})
        return real_evaluate(model, *args, **kwargs)

    monkeypatch.setattr(training, "evaluate", spy)
    averaged = train(TINY, fast_config(epochs=2, average_weights=0.9), reviews, labels=labels)
    kept = averaged.model.state_dict()
    best = validated[averaged.best_epoch - 1]
    assert all(torch.equal(kept[name], best[name]) for name in kept)
    # Same seed and steps: the averaged run's weights differ from the plain run's last weights.
    assert not torch.equal(kept["embedding.weight"], plain.model.state_dict()["embedding.weight"])
    with pytest.raises(ValueError):
        TrainConfig(average_weights=1.0)
