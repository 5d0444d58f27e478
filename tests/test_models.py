"""RNNClassifier: the config contract, padding-proof scoring, the course's way, embeddings."""

import itertools

import pytest
import torch

from rnnviz.models import (CELLS, MAX_HIDDEN_SIZE, POOLINGS, ModelConfig, RNNClassifier, left_align,
                           reverse_within_length)
from rnnviz.padding import pad_sequences

REVIEWS = [[1, 5, 6, 7, 8, 9, 3], [1, 4], [1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 2], [1], [1, 3, 17, 4]]


def tiny(**overrides) -> RNNClassifier:
    torch.manual_seed(0)
    settings = dict(vocab_size=20, embedding_dim=5, hidden_size=7)
    settings.update(overrides)
    return RNNClassifier(ModelConfig(**settings)).eval()


# ------------------------------------------------------------------ config
def test_config_round_trips_through_a_dict():
    config = ModelConfig(cell="gru", vocab_size=123, bidirectional=True, dropout=0.25, pooling="max")
    assert ModelConfig.from_dict(config.to_dict()) == config
    assert ModelConfig.from_dict({}) == ModelConfig()
    assert ModelConfig.from_dict({"dropout": 0}).dropout == 0.0


@pytest.mark.parametrize("bad, message", [
    ({"cell": "transformer"}, "cell"),
    ({"hidden_size": MAX_HIDDEN_SIZE + 1}, "hidden_size"),
    ({"embedding_dim": 10**9}, "embedding_dim"),
    ({"vocab_size": 10**12}, "vocab_size"),
    ({"vocab_size": 2}, "vocab_size"),
    ({"num_layers": 50}, "num_layers"),
    ({"hidden_size": "64"}, "hidden_size"),
    ({"hidden_size": 64.0}, "hidden_size"),
    ({"hidden_size": True}, "hidden_size"),
    ({"bidirectional": 1}, "bidirectional"),
    ({"dropout": 1.0}, "dropout"),
    ({"dropout": "0.1"}, "dropout"),
    ({"max_len": 0}, "max_len"),
    ({"pooling": "attention"}, "pooling"),
    ({"nhid": 64}, "unknown"),
])
def test_from_dict_refuses_bad_values_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        ModelConfig.from_dict(bad)


def test_from_dict_refuses_what_is_not_a_dict():
    with pytest.raises(ValueError):
        ModelConfig.from_dict(["lstm"])


# ------------------------------------------------------------------ structure
@pytest.mark.parametrize("cell", CELLS)
def test_modules_are_plain_torch_ones(cell):
    model = tiny(cell=cell, bidirectional=True, num_layers=2, pooling="mean_max")
    assert isinstance(model.rnn, {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell])
    assert model.rnn.batch_first and model.embedding.padding_idx == 0
    names = dict(model.rnn.named_parameters())
    assert {"weight_ih_l0", "weight_hh_l1_reverse", "bias_hh_l1_reverse"} <= set(names)
    assert model.head.in_features == 7 * 2 * 2
    assert model.parameter_count() == sum(p.numel() for p in model.parameters())


def test_forward_returns_one_logit_per_review():
    model = tiny()
    ids = torch.from_numpy(pad_sequences(REVIEWS, padding="post"))
    lengths = torch.tensor([len(r) for r in REVIEWS])
    assert model(ids, lengths).shape == (len(REVIEWS),)
    assert model(ids).shape == (len(REVIEWS),)


# ------------------------------------------------------------------ padding never changes a prediction
@pytest.mark.parametrize("cell, bidirectional, num_layers, pooling", [
    *itertools.product(CELLS, (False, True), (1,), POOLINGS),
    *itertools.product(CELLS, (False, True), (2,), ("last",)),
])
def test_padding_never_changes_a_prediction(cell, bidirectional, num_layers, pooling):
    model = tiny(cell=cell, bidirectional=bidirectional, num_layers=num_layers, pooling=pooling)
    lengths = torch.tensor([len(r) for r in REVIEWS])
    alone = torch.cat([model(torch.tensor([r]), torch.tensor([len(r)])) for r in REVIEWS])
    for padding in ("pre", "post"):
        batch = torch.from_numpy(pad_sequences(REVIEWS, maxlen=20, padding=padding))
        torch.testing.assert_close(model(batch, lengths), alone, atol=1e-5, rtol=0)
        torch.testing.assert_close(model(batch, lengths, padding=padding), alone, atol=1e-5, rtol=0)


def test_the_course_way_reads_the_padding():
    """Without lengths the model runs like the notebooks: pre-padded input, final h_n."""
    model = tiny(cell="lstm")
    short = [1, 4, 5]
    padded = torch.from_numpy(pad_sequences([short], maxlen=30))
    alone = model(torch.tensor([short]), torch.tensor([3]))
    assert not torch.allclose(model(padded), alone, atol=1e-4)
    torch.testing.assert_close(model(padded, torch.tensor([3])), alone, atol=1e-5, rtol=0)
    # the course's LSTMClassifier: fc(h_n[-1]) on the embedded, padded input
    _, (h_n, _) = model.rnn(model.embedding(padded))
    torch.testing.assert_close(model(padded), model.head(h_n[-1]).squeeze(-1))


def test_bidirectional_matches_torch_when_there_is_no_padding():
    model = tiny(cell="gru", bidirectional=True, num_layers=2)
    ids = torch.randint(1, 20, (3, 9))
    states, _ = model.sequence_outputs(ids, torch.full((3,), 9))
    expected, _ = model.rnn(model.embedding(ids))
    torch.testing.assert_close(states, expected)


def test_sequence_outputs_are_zero_after_each_review():
    model = tiny(cell="rnn", bidirectional=True)
    ids = torch.from_numpy(pad_sequences(REVIEWS, padding="pre"))
    states, lengths = model.sequence_outputs(ids, torch.tensor([len(r) for r in REVIEWS]))
    assert states.shape == (len(REVIEWS), ids.shape[1], 14)
    for row, n in enumerate(lengths.tolist()):
        assert states[row, n:].abs().sum() == 0 and states[row, :n].abs().sum() > 0


def test_empty_review_reads_one_padding_token():
    model = tiny()
    out = model(torch.zeros(2, 4, dtype=torch.long), torch.tensor([0, 0]))
    assert torch.isfinite(out).all() and out[0] == out[1]


# ------------------------------------------------------------------ helpers
def test_left_align_and_reverse_within_length():
    ids = torch.tensor([[0, 0, 7, 8], [5, 6, 7, 0], [1, 2, 3, 4]])
    lengths = torch.tensor([2, 3, 4])
    aligned = left_align(ids, lengths)
    assert aligned.tolist() == [[7, 8, 0, 0], [5, 6, 7, 0], [1, 2, 3, 4]]
    assert reverse_within_length(aligned, lengths).tolist() == [[8, 7, 0, 0], [7, 6, 5, 0], [4, 3, 2, 1]]
    assert torch.equal(reverse_within_length(reverse_within_length(aligned, lengths), lengths), aligned)
    with pytest.raises(ValueError):
        left_align(ids, lengths, padding="middle")


def test_predict_proba_is_a_probability_without_gradients_and_keeps_the_mode():
    model = tiny(dropout=0.5).train()
    ids = torch.from_numpy(pad_sequences(REVIEWS, padding="post"))
    probabilities = model.predict_proba(ids, torch.tensor([len(r) for r in REVIEWS]))
    assert probabilities.shape == (len(REVIEWS),) and not probabilities.requires_grad
    assert ((probabilities > 0) & (probabilities < 1)).all()
    assert model.training
    # eval mode inside: dropout off, so two calls agree
    torch.testing.assert_close(probabilities, model.predict_proba(ids, torch.tensor([len(r) for r in REVIEWS])))


def test_pretrained_embedding_can_be_frozen():
    weights = torch.arange(20 * 5, dtype=torch.float32).reshape(20, 5)
    model = RNNClassifier(ModelConfig(vocab_size=20, embedding_dim=5, hidden_size=4, freeze_embedding=True),
                          pretrained_embedding=weights)
    assert torch.equal(model.embedding.weight, weights) and not model.embedding.weight.requires_grad
    assert model.parameter_count(trainable_only=True) == model.parameter_count() - 100
    model(torch.tensor([[1, 2, 3]]), torch.tensor([3])).sum().backward()
    assert model.embedding.weight.grad is None
    trainable = RNNClassifier(ModelConfig(vocab_size=20, embedding_dim=5, hidden_size=4), weights)
    assert trainable.embedding.weight.requires_grad
    with pytest.raises(ValueError, match="shape"):
        RNNClassifier(ModelConfig(vocab_size=21, embedding_dim=5), weights)


@pytest.mark.parametrize("cell", CELLS)
def test_course_models_score_pre_padded_batches(cell):
    from rnnviz.course_baseline import COURSE_SETUPS, build_course_model

    model = build_course_model(cell, vocab_size=20)
    batch = torch.from_numpy(pad_sequences(REVIEWS, maxlen=200))
    scores = model(batch).reshape(-1)
    assert scores.shape == (len(REVIEWS),) and ((scores > 0) & (scores < 1)).all()
    assert COURSE_SETUPS[cell].batch_size in (64, 128)
