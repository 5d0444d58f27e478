"""Reviews as a model reads them, and what a model says of them.

    reviews = encode_reviews(texts, tokenizer, max_len=200)     # once: ids (N, T) + lengths (N,)
    probabilities = predict(model, reviews)                     # (N,) P(positive)
    evaluate(model, reviews, labels=labels).accuracy

Reviews are tokenised and padded once (left-aligned, each cut to its last ``max_len`` ids), then
sliced into batches of similar lengths (:func:`length_batches`): no DataLoader, no per-sample
collation, and no step spent on padding. Used by training (:mod:`rnnviz.training`), the pipeline's
measurements and the app.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np
import torch

from rnnviz.models import ModelConfig, RNNClassifier, left_align
from rnnviz.tokenizer import PAD_ID, Tokenizer

# ---------------------------------------------------------------------------- encoded reviews
# Bucketing sorts this many batches' worth of shuffled reviews by length at a time: enough to find
# similar lengths, few enough that each epoch still mixes the data.
BUCKET_BATCHES = 50


@dataclass(frozen=True)
class EncodedReviews:
    """Reviews as ids, ready for the model.

    ids: (N, T) int64, real tokens first then zeros (post padding), T = longest kept review
    lengths: (N,) int64 real tokens per review (>= 1)
    """

    ids: torch.Tensor
    lengths: torch.Tensor

    def __len__(self) -> int:
        return int(self.lengths.shape[0])

    def select(self, index: torch.Tensor) -> "EncodedReviews":
        index = torch.as_tensor(index, dtype=torch.long)
        lengths = self.lengths[index]
        width = int(lengths.max()) if len(lengths) else 0
        return EncodedReviews(self.ids[index, :width], lengths)

    def last(self, max_len: int) -> "EncodedReviews":
        """Each review's last ``max_len`` ids: the truncation rule of :meth:`rnnviz.tokenizer.Encoding.kept`,
        for reviews already encoded (e.g. ids from another tool, or encoded for a longer ``max_len``)."""
        if self.ids.shape[1] <= max_len:
            return self
        start = (self.lengths - max_len).clamp(min=0)
        positions = torch.arange(max_len)[None, :] + start[:, None]
        ids = self.ids.gather(1, positions.clamp(max=self.ids.shape[1] - 1))
        lengths = self.lengths.clamp(max=max_len)
        return EncodedReviews(torch.where(torch.arange(max_len)[None, :] < lengths[:, None], ids, 0), lengths)


def encode_reviews(texts: Sequence[str], tokenizer: Tokenizer, max_len: int) -> EncodedReviews:
    """Tokenise ``texts`` and keep the last ``max_len`` ids of each (:meth:`Tokenizer.encode_many`)."""
    ids, lengths = tokenizer.encode_many(texts, max_len)
    return EncodedReviews(torch.from_numpy(ids), torch.from_numpy(lengths))


def from_id_lists(sequences: Sequence[Sequence[int]]) -> EncodedReviews:
    """Id lists (already truncated) -> :class:`EncodedReviews`; an empty list becomes one pad."""
    lengths = np.array([max(len(s), 1) for s in sequences], dtype=np.int64)
    ids = np.zeros((len(sequences), int(lengths.max()) if len(sequences) else 0), dtype=np.int64)
    for row, sequence in enumerate(sequences):
        ids[row, : len(sequence)] = sequence
    return EncodedReviews(torch.from_numpy(ids), torch.from_numpy(lengths))


def as_reviews(ids: torch.Tensor | np.ndarray | EncodedReviews,
               lengths: torch.Tensor | np.ndarray | None = None) -> EncodedReviews:
    """Accept :class:`EncodedReviews` or (ids, lengths) pre- or post-padded; return left-aligned."""
    if isinstance(ids, EncodedReviews):
        return ids
    ids = torch.as_tensor(ids, dtype=torch.long)
    if lengths is None:
        lengths = (ids != PAD_ID).sum(1)
    lengths = torch.as_tensor(lengths, dtype=torch.long).clamp(1, max(ids.shape[1], 1))
    return EncodedReviews(left_align(ids, lengths), lengths)


def length_batches(lengths: torch.Tensor, batch_size: int, generator: torch.Generator | None = None,
                   bucket: bool = True) -> list[torch.Tensor]:
    """Split review indices into batches: shuffled (with ``generator``), by similar length if ``bucket``.

    lengths: (N,) -> list of (<= batch_size,) index tensors covering 0..N-1 once.
    Without a generator the order is kept (evaluation); with ``bucket`` it is then sorted by length.
    """
    n = len(lengths)
    order = torch.randperm(n, generator=generator) if generator is not None else torch.arange(n)
    if bucket:
        pool = batch_size * BUCKET_BATCHES if generator is not None else max(n, 1)
        chunks = [order[i: i + pool] for i in range(0, n, pool)]
        order = torch.cat([c[torch.argsort(lengths[c], stable=True)] for c in chunks]) if chunks else order
    batches = list(torch.split(order, batch_size))
    if generator is not None and bucket:
        batches = [batches[i] for i in torch.randperm(len(batches), generator=generator)]
    return batches


# ---------------------------------------------------------------------------- threads and devices
@contextlib.contextmanager
def torch_threads(count: int | None) -> Iterator[None]:
    """Run the block with ``count`` torch threads (None: leave them), then restore the old count."""
    previous = torch.get_num_threads()
    if count is not None and count != previous:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        if torch.get_num_threads() != previous:
            torch.set_num_threads(previous)


def default_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


# ---------------------------------------------------------------------------- evaluation
@dataclass(frozen=True)
class Evaluation:
    """accuracy and mean loss at threshold 0.5; probabilities: (N,) P(positive) in input order."""

    accuracy: float
    loss: float
    true_negatives: int
    false_positives: int
    false_negatives: int
    true_positives: int
    probabilities: np.ndarray

    @property
    def confusion(self) -> np.ndarray:
        """(2, 2) counts: rows are the true label (neg, pos), columns the prediction."""
        return np.array([[self.true_negatives, self.false_positives],
                         [self.false_negatives, self.true_positives]])


@torch.no_grad()
def predict(model: RNNClassifier, reviews: EncodedReviews, batch_size: int = 256,
            device: torch.device | str | None = None, num_threads: int | None = 1) -> np.ndarray:
    """P(positive) for each review. returns: (N,) float32 in input order."""
    device = torch.device(device) if device is not None else next(model.parameters()).device
    was_training = model.training
    model.eval()
    out = torch.empty(len(reviews))
    try:
        with torch_threads(num_threads if device.type == "cpu" else None):
            for index in length_batches(reviews.lengths, batch_size):
                lengths = reviews.lengths[index]
                ids = reviews.ids[index, : int(lengths.max())]
                out[index] = torch.sigmoid(model(ids.to(device), lengths.to(device))).float().cpu()
    finally:
        model.train(was_training)
    return out.numpy()


def predict_texts(model: RNNClassifier, tokenizer: Tokenizer, texts: Sequence[str],
                  batch_size: int = 256) -> np.ndarray:
    """P(positive) for raw texts, truncated like the model's training data. returns: (N,)"""
    return predict(model, encode_reviews(texts, tokenizer, model.config.max_len), batch_size)


def evaluate(model: RNNClassifier, ids, lengths=None, labels=None, batch_size: int = 256,
             device: torch.device | str | None = None, num_threads: int | None = 1) -> Evaluation:
    """Accuracy, loss and confusion counts on labelled reviews.

    ids: :class:`EncodedReviews`, or (N, T) ids pre- or post-padded with ``lengths`` (N,)
    labels: (N,) 0/1
    num_threads: torch threads for the forward passes (None: the process's own setting)
    """
    if labels is None:
        raise ValueError("evaluate needs labels")
    return evaluation(predict(model, as_reviews(ids, lengths), batch_size, device, num_threads), labels)


def predict_share(state: dict, model_config: ModelConfig, reviews: EncodedReviews, *, report=None,
                  should_stop=None) -> tuple[np.ndarray, np.ndarray]:
    """One rank's share of :func:`predict` (reviews rank, rank + n, ...), for :class:`rnnviz.distributed.Ranks`.

    state: the model's weights as numpy arrays. returns: (indices (k,), P(positive) (k,))
    """
    from rnnviz.distributed import rank_and_world

    rank, world = rank_and_world()
    model = RNNClassifier(model_config)
    model.load_state_dict({name: torch.from_numpy(array) for name, array in state.items()})
    index = torch.arange(rank, len(reviews), world)
    return index.numpy(), predict(model, reviews.select(index), device="cpu")


def evaluation(probabilities: np.ndarray, labels) -> Evaluation:
    """Accuracy, loss and confusion counts of P(positive) ``probabilities`` (N,) against 0/1 ``labels`` (N,)."""
    labels = np.asarray(labels, dtype=np.int64)
    predicted = probabilities > 0.5
    clipped = np.clip(probabilities.astype(np.float64), 1e-7, 1 - 1e-7)
    loss = float(-np.mean(labels * np.log(clipped) + (1 - labels) * np.log(1 - clipped))) if len(labels) else float("nan")
    positive = labels == 1
    return Evaluation(
        accuracy=float(np.mean(predicted == positive)) if len(labels) else float("nan"),
        loss=loss,
        true_negatives=int(np.sum(~predicted & ~positive)),
        false_positives=int(np.sum(predicted & ~positive)),
        false_negatives=int(np.sum(~predicted & positive)),
        true_positives=int(np.sum(predicted & positive)),
        probabilities=probabilities,
    )
