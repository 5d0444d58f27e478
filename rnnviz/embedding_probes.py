"""Looking at a model's word vectors: lookups, the course's ``from_pretrained`` and freezing lessons,
the PCA map of the vocabulary, polarity, nearest neighbours, a semantic axis, two spaces compared.

Pure functions returning frozen dataclasses of numpy arrays; nothing here changes a model.
Shapes: V = vocabulary size, E = embedding size, n = words asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from rnnviz.probes import COURSE_MATRIX, to_numpy
from rnnviz.tokenizer import FIRST_WORD_ID, START_ID


@dataclass(frozen=True)
class Lookup:
    """words: (n,); ids: (n,) their ids (2 = unknown); vectors: (n, E) rows of the embedding matrix."""

    words: tuple[str, ...]
    ids: np.ndarray
    vectors: np.ndarray


@torch.no_grad()
def lookup(model, tokenizer, words) -> Lookup:
    ids = torch.tensor([tokenizer.id_of(w) for w in words], dtype=torch.long)
    return Lookup(tuple(words), to_numpy(ids).astype(np.int64), to_numpy(model.embedding(ids)))


@dataclass(frozen=True)
class Pretrained:
    """The course's ``nn.Embedding.from_pretrained`` on its 5x3 matrix.

    weights: (5, 3); inputs: (n,); outputs: (n, 3) = weights[inputs]
    """

    weights: np.ndarray
    inputs: np.ndarray
    outputs: np.ndarray


@torch.no_grad()
def from_pretrained_lesson(inputs=(2, 4)) -> Pretrained:
    weights = torch.tensor(COURSE_MATRIX)
    layer = nn.Embedding.from_pretrained(weights)
    ids = torch.as_tensor(inputs, dtype=torch.long)
    return Pretrained(to_numpy(weights), to_numpy(ids).astype(np.int64), to_numpy(layer(ids)))


@dataclass(frozen=True)
class FreezeStep:
    """One real gradient step (plain SGD) on a tiny model: ``from_pretrained`` embedding -> mean -> Linear(3, 1).

    before, after: (5, 3) the embedding matrix before and after the step; change: (5,) the norm of the
    change of each row; head_change: norm of the Linear's weight change (it always learns).
    """

    freeze: bool
    requires_grad: bool
    before: np.ndarray
    after: np.ndarray
    change: np.ndarray
    head_change: float
    loss: float


def freeze_step(freeze: bool, lr: float = 0.5, seed: int = 0) -> FreezeStep:
    generator = torch.Generator().manual_seed(seed)
    embedding = nn.Embedding.from_pretrained(torch.tensor(COURSE_MATRIX), freeze=freeze)
    head = nn.Linear(3, 1)
    with torch.no_grad():
        head.weight.copy_(torch.randn(1, 3, generator=generator))
        head.bias.zero_()
    params = [p for p in (*embedding.parameters(), *head.parameters()) if p.requires_grad]
    ids = torch.tensor([[1, 2, 4], [3, 4, 2]])  # row 0 is never read
    target = torch.tensor([1.0, 0.0])
    before, head_before = embedding.weight.detach().clone(), head.weight.detach().clone()
    with torch.enable_grad():
        loss = F.binary_cross_entropy_with_logits(head(embedding(ids).mean(1)).squeeze(-1), target)
        loss.backward()
    with torch.no_grad():  # torch.optim.SGD(params, lr).step(), by hand: the first use of torch.optim
        for p in params:   # imports torch._dynamo (~6 s on a classroom laptop)
            p -= lr * p.grad
    after = embedding.weight.detach()
    return FreezeStep(freeze, embedding.weight.requires_grad, to_numpy(before), to_numpy(after),
                      to_numpy((after - before).norm(dim=1)), float((head.weight.detach() - head_before).norm()),
                      float(loss.detach()))


def pca_axes(vectors: np.ndarray, k: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """vectors: (n, E) -> (mean (E,), axes (k, E), explained variance ratio (k,)), by SVD of the centred rows.

    Signs are fixed so that each axis' largest loading is positive (stable across reruns). With fewer
    dimensions than ``k``, the missing axes are zeros.
    """
    x = np.asarray(vectors, dtype=np.float64)
    mean = x.mean(0)
    x = x - mean
    # torch's SVD follows torch.set_num_threads; numpy's BLAS would spin up threads of its own
    _, s, vt = (a.numpy() for a in torch.linalg.svd(torch.from_numpy(x), full_matrices=False))
    kept = min(k, vt.shape[0])
    vt = vt[:kept]
    vt = vt * np.sign(vt[np.arange(kept), np.abs(vt).argmax(1)])[:, None]
    variance = s ** 2
    ratio = np.zeros(k)
    if variance.sum() > 0:
        ratio[:kept] = variance[:kept] / variance.sum()
    return mean, np.pad(vt, ((0, k - kept), (0, 0))), ratio


def pca(vectors: np.ndarray, k: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """vectors: (n, E) -> (coords (n, k), explained variance ratio (k,)) on :func:`pca_axes`."""
    mean, axes, ratio = pca_axes(vectors, k)
    return (np.asarray(vectors, dtype=np.float64) - mean) @ axes.T, ratio


@torch.no_grad()
def word_polarity(model, ids) -> np.ndarray:
    """ids: (n,) word ids -> (n,) P(positive) of the one-word review ``<start> word``.

    That is how far the word alone pushes the model (0.5 = neutral), through the whole network.
    """
    ids = torch.as_tensor(ids, dtype=torch.long).reshape(-1)
    batch = torch.stack([torch.full_like(ids, START_ID), ids], 1)
    probs = torch.sigmoid(model(batch, torch.full((len(ids),), 2), padding="post"))
    return to_numpy(probs)


@dataclass(frozen=True)
class Space:
    """The most frequent words of a checkpoint's vocabulary, in its embedding space.

    words: (n,); ids: (n,); coords: (n, 3) PCA coordinates; explained: (3,) variance ratio per axis;
    polarity: (n,) :func:`word_polarity`.
    """

    words: tuple[str, ...]
    ids: np.ndarray
    coords: np.ndarray
    explained: np.ndarray
    polarity: np.ndarray


def embedding_space(model, tokenizer, count: int) -> Space:
    """The ``count`` most frequent words (ids 3, 4, ...: the vocabulary is sorted by frequency)."""
    last = min(FIRST_WORD_ID + max(int(count), 1), len(tokenizer.words), model.config.vocab_size)
    ids = np.arange(FIRST_WORD_ID, last)
    vectors = model.embedding.weight.detach()[torch.as_tensor(ids)].numpy()
    coords, explained = pca(vectors, 3)
    return Space(tuple(tokenizer.words[i] for i in ids), ids, coords, explained, word_polarity(model, ids))


@dataclass(frozen=True)
class Neighbours:
    """The words nearest to ``word`` by cosine similarity (over the whole vocabulary, specials aside).

    words: (k,); ids: (k,); similarity: (k,) cosine in [-1, 1]; distance: (k,) = 1 - similarity.
    """

    word: str
    word_id: int
    words: tuple[str, ...]
    ids: np.ndarray
    similarity: np.ndarray
    distance: np.ndarray


def _unit_rows(weight: torch.Tensor) -> torch.Tensor:
    return F.normalize(weight.detach().float(), dim=1)


def nearest_neighbours(model, tokenizer, word: str, k: int = 10) -> Neighbours | None:
    """None when ``word`` is not in the vocabulary."""
    return nearest_in(model.embedding.weight, tokenizer, word, k)


def nearest_in(vectors, tokenizer, word: str, k: int = 10) -> Neighbours | None:
    """:func:`nearest_neighbours` among any word vectors: vectors (vocab_size, dim), e.g. those of
    :func:`rnnviz.word_vectors.cooccurrence_vectors`. None when ``word`` is not in the vocabulary."""
    word_id = tokenizer.id_of(word.strip().lower())
    vectors = torch.as_tensor(vectors)
    if word_id < FIRST_WORD_ID or word_id >= len(vectors):
        return None
    usable = min(len(tokenizer.words), len(vectors))
    rows = _unit_rows(vectors[:usable])
    similarity = rows @ rows[word_id]
    similarity[:FIRST_WORD_ID] = -np.inf
    similarity[word_id] = -np.inf
    k = max(0, min(k, usable - FIRST_WORD_ID - 1))
    values, ids = similarity.topk(k)
    values = to_numpy(values)
    return Neighbours(tokenizer.words[word_id], word_id, tuple(tokenizer.words[i] for i in ids.tolist()),
                      to_numpy(ids).astype(np.int64), values, 1.0 - values)


def semantic_axis(model, tokenizer, negative: str, positive: str, ids) -> np.ndarray | None:
    """Place words on the axis from ``negative`` (-1) to ``positive`` (+1).

    ids: (n,) -> (n,) the projection of (v - midpoint) on (v_pos - v_neg), scaled so that the two
    anchor words land at exactly -1 and +1. None when an anchor is unknown or both are the same.
    """
    a, b = tokenizer.id_of(negative.strip().lower()), tokenizer.id_of(positive.strip().lower())
    if min(a, b) < FIRST_WORD_ID or a == b:
        return None
    weight = model.embedding.weight.detach().double()
    direction = weight[b] - weight[a]
    norm = float(direction @ direction)
    if norm == 0.0:
        return None
    middle = (weight[a] + weight[b]) / 2
    vectors = weight[torch.as_tensor(np.asarray(ids, dtype=np.int64))]
    return ((vectors - middle) @ direction / (norm / 2)).numpy()


@dataclass(frozen=True)
class SpaceComparison:
    """Two checkpoints' spaces on the words they share (matched by spelling, not by id).

    words: (n,); polarity_a, polarity_b: (n,); correlation: Pearson correlation of the polarities;
    overlap: (n,) the share of each word's k nearest neighbours (among the shared words) that both
    spaces agree on; mean_overlap: its mean; k.
    """

    words: tuple[str, ...]
    polarity_a: np.ndarray
    polarity_b: np.ndarray
    correlation: float
    overlap: np.ndarray
    mean_overlap: float
    k: int


def compare_spaces(model_a, tokenizer_a, model_b, tokenizer_b, count: int = 500, k: int = 10) -> SpaceComparison:
    """The ``count`` most frequent words of checkpoint a that b knows too."""
    space_words = tokenizer_a.words[FIRST_WORD_ID: FIRST_WORD_ID + count]
    pairs = [(w, tokenizer_a.id_of(w), tokenizer_b.id_of(w)) for w in space_words]
    pairs = [(w, i, j) for w, i, j in pairs if FIRST_WORD_ID <= i < model_a.config.vocab_size
             and FIRST_WORD_ID <= j < model_b.config.vocab_size]
    words = tuple(w for w, _, _ in pairs)
    ids_a = np.array([i for _, i, _ in pairs], dtype=np.int64)
    ids_b = np.array([j for _, _, j in pairs], dtype=np.int64)
    pol_a, pol_b = word_polarity(model_a, ids_a), word_polarity(model_b, ids_b)
    correlation = float(np.corrcoef(pol_a, pol_b)[0, 1]) if len(words) > 2 and pol_a.std() > 0 \
        and pol_b.std() > 0 else float("nan")
    k = max(1, min(k, len(words) - 1))
    overlap = np.zeros(len(words))
    if len(words) > 1:
        near = []
        for model, ids in ((model_a, ids_a), (model_b, ids_b)):
            rows = _unit_rows(model.embedding.weight[torch.as_tensor(ids)])
            similarity = rows @ rows.T
            similarity.fill_diagonal_(-np.inf)
            near.append(similarity.topk(k, dim=1).indices.numpy())
        overlap = np.array([len(set(a) & set(b)) / k for a, b in zip(*near)])
    return SpaceComparison(words, pol_a, pol_b, correlation, overlap,
                           float(overlap.mean()) if len(overlap) else 0.0, k)
