"""Word vectors learned from the reviews themselves, without labels: a pretrained embedding.

The course loads pretrained vectors with ``nn.Embedding.from_pretrained``. Off-line, with no
download possible, rnnviz makes its own from the training reviews: count which words appear near
which (a window of a few words), turn the counts into positive pointwise mutual information (how
much more often two words meet than chance would have them), and keep the main directions of
that table (a truncated SVD). Words used in the same contexts ("great", "excellent") get close
vectors before the classifier has seen a single label (Levy & Goldberg, 2014: this is, in effect,
what word2vec factorises).
"""

from __future__ import annotations

import numpy as np
import torch

from .tokenizer import FIRST_WORD_ID


def cooccurrence_vectors(ids: torch.Tensor, lengths: torch.Tensor, vocab_size: int, dim: int, *,
                         window: int = 5, context_size: int = 10_000, smoothing: float = 0.75,
                         seed: int = 0) -> np.ndarray:
    """PPMI-SVD word vectors of the reviews ``ids`` (post-padded, no labels needed).

    ids: (N, T) token ids, padding after each review's ``lengths`` (N,)
    vocab_size: rows of the result; ``context_size``: how many frequent words serve as contexts
    returns vectors: (vocab_size, dim) float32, rows scaled to unit norm on average (special ids and
        words never seen get small random vectors)
    """
    if dim < 1 or window < 1:
        raise ValueError("dim and window must be >= 1")
    context_size = min(context_size, vocab_size)
    ids = ids.long()
    positions = torch.arange(ids.shape[1])[None, :]
    real = positions < lengths[:, None]
    ids = torch.where(real & (ids >= FIRST_WORD_ID) & (ids < vocab_size), ids, -1)
    keys, weights = [], []
    for offset in range(1, window + 1):
        left, right = ids[:, :-offset].reshape(-1), ids[:, offset:].reshape(-1)
        both = (left >= 0) & (right >= 0)
        left, right = left[both], right[both]
        for word, context in ((left, right), (right, left)):
            keep = context < context_size
            keys.append(word[keep] * context_size + context[keep])
            weights.append(torch.full((int(keep.sum()),), 1.0 / offset))
    key, inverse = torch.unique(torch.cat(keys), return_inverse=True)
    counts = torch.zeros(len(key), dtype=torch.float64).index_add_(0, inverse, torch.cat(weights).double())
    rows, columns = key // context_size, key % context_size
    row_totals = torch.zeros(vocab_size, dtype=torch.float64).index_add_(0, rows, counts)
    column_totals = torch.zeros(context_size, dtype=torch.float64).index_add_(0, columns, counts)
    # Smoothing the context distribution (counts ** 0.75) keeps rare contexts from dominating.
    column_probability = column_totals ** smoothing
    column_probability /= column_probability.sum()
    pmi = torch.log(counts / counts.sum()) - torch.log(row_totals[rows] / counts.sum()) \
        - torch.log(column_probability[columns])
    positive = pmi > 0
    matrix = torch.sparse_coo_tensor(torch.stack([rows[positive], columns[positive]]),
                                     pmi[positive].float(), (vocab_size, context_size),
                                     check_invariants=True).coalesce()
    rank = min(dim, vocab_size, context_size)
    with torch.random.fork_rng(devices=[]):  # seeded, and the caller's random stream left untouched
        torch.manual_seed(seed)
        left_vectors, singular_values, _ = torch.svd_lowrank(matrix, q=min(rank + 8, vocab_size, context_size),
                                                             niter=4)
        noise = torch.randn(vocab_size, dim) * 0.1
    # Symmetric weighting (U * sqrt(S)) works better than U * S for similarity (Levy et al. 2015).
    vectors = torch.zeros(vocab_size, dim)
    vectors[:, :rank] = left_vectors[:, :rank] * singular_values[:rank].sqrt()
    seen = row_totals > 0
    norms = vectors[seen].norm(dim=1).mean().clamp(min=1e-12)
    vectors = torch.where(seen[:, None], vectors / norms, noise)
    return vectors.numpy().astype(np.float32)


def pretrained_embedding(ids: torch.Tensor, lengths: torch.Tensor, vocab_size: int, dim: int,
                         window: int = 5) -> torch.Tensor:
    """:func:`cooccurrence_vectors` ready for ``RNNClassifier(config, pretrained_embedding=...)``.

    returns: (vocab_size, dim) float32; rows scaled to the spread of ``nn.Embedding``'s own N(0, 1)
        start (norm about sqrt(dim)), so the rest of the network sees inputs of the usual size
    """
    vectors = cooccurrence_vectors(ids, lengths, vocab_size, dim, window=window)
    return torch.from_numpy(vectors) * dim ** 0.5


def describe(window: int) -> str:
    """How a checkpoint's embedding started, for its metrics."""
    return f"word vectors of the training reviews (PPMI + SVD, window {window})" if window else "none (random)"
