"""Unlabelled word vectors (PPMI + SVD) used as a pretrained embedding."""

import numpy as np
import pytest
import torch

from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.reviews import from_id_lists
from rnnviz.word_vectors import cooccurrence_vectors


def corpus(n: int = 400, seed: int = 0):
    """Words 10-14 appear next to 4, words 15-19 next to 5: two families with the same contexts."""
    rng = np.random.default_rng(seed)
    sequences = []
    for _ in range(n):
        sequence = [1]
        for _ in range(rng.integers(5, 25)):
            family = int(rng.integers(0, 2))
            sequence += [4 + family, 10 + 5 * family + int(rng.integers(0, 5)), int(rng.integers(6, 10))]
        sequences.append(sequence)
    return from_id_lists(sequences)


def test_words_with_the_same_contexts_get_close_vectors():
    reviews = corpus()
    vectors = cooccurrence_vectors(reviews.ids, reviews.lengths, vocab_size=24, dim=4, window=2)
    assert vectors.shape == (24, 4) and vectors.dtype == np.float32 and np.isfinite(vectors).all()
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = unit @ unit.T
    same = np.mean([similarity[a, b] for a in range(10, 15) for b in range(10, 15) if a != b])
    other = np.mean([similarity[a, b] for a in range(10, 15) for b in range(15, 20)])
    assert same > other + 0.5


def test_vectors_are_deterministic_and_ignore_padding_and_unseen_words():
    reviews = corpus(100)
    first = cooccurrence_vectors(reviews.ids, reviews.lengths, vocab_size=30, dim=3, window=2)
    padded_ids = torch.cat([reviews.ids, torch.full((len(reviews), 7), 25)], dim=1)  # junk after the end
    second = cooccurrence_vectors(padded_ids, reviews.lengths, vocab_size=30, dim=3, window=2)
    np.testing.assert_allclose(first, second, atol=1e-5)
    seen = np.linalg.norm(first[4:20], axis=1).mean()
    assert np.linalg.norm(first[20:], axis=1).max() < seen  # never seen: small random vectors
    with pytest.raises(ValueError):
        cooccurrence_vectors(reviews.ids, reviews.lengths, vocab_size=30, dim=0)


def test_vectors_load_as_a_frozen_pretrained_embedding():
    reviews = corpus(100)
    vectors = cooccurrence_vectors(reviews.ids, reviews.lengths, vocab_size=30, dim=4, window=2)
    model = RNNClassifier(ModelConfig(cell="gru", vocab_size=30, embedding_dim=4, hidden_size=4,
                                      freeze_embedding=True), torch.from_numpy(vectors))
    assert torch.equal(model.embedding.weight, torch.from_numpy(vectors))
    assert not model.embedding.weight.requires_grad
