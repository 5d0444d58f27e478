"""Light snapshots of a model while it learns, kept inside its checkpoint.

Before the first step and after every epoch, training takes a *snapshot* (rank 0 only, in eval mode,
on the weights it validates): the embedding rows of the vocabulary's most frequent words, how far each
of those words alone pushes the model (its polarity, :func:`rnnviz.embedding_probes.word_polarity`), and
P(positive) of a few probe reviews. A few hundred kilobytes for a whole run, so the Embeddings page can
replay the word map epoch by epoch ("excellent" and "awful" drifting apart) and the Training page can
show it live.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.tokenizer import FIRST_WORD_ID, Tokenizer

SNAPSHOT_WORDS = 300
PROBE_REVIEWS = (
    "This movie is not bad at all.",
    "A wonderful, moving film with brilliant actors.",
    "Boring, stupid and far too long.",
    "The first hour is great, but the ending is a mess.",
)
# Bounds a checkpoint's snapshots must respect (a hand-edited or hostile file cannot ask for more).
MAX_SNAPSHOTS = 201
MAX_SNAPSHOT_WORDS = 2_000
MAX_PROBES = 20
MAX_PROBE_CHARS = 2_000
TENSOR_PREFIX = "snapshots."


@dataclass(frozen=True)
class SnapshotPlan:
    """What to record: word_ids (W,) int64 ids of the words to follow and their spelling ``words``;
    probe_texts (P,) and their encoding ``probe_ids`` (P, T) / ``probe_lengths`` (P,), truncated like
    the model's input."""

    word_ids: np.ndarray
    words: tuple[str, ...]
    probe_texts: tuple[str, ...]
    probe_ids: torch.Tensor
    probe_lengths: torch.Tensor

    @classmethod
    def for_tokenizer(cls, tokenizer: Tokenizer, max_len: int, vocab_size: int, words: int = SNAPSHOT_WORDS,
                      probe_texts: tuple[str, ...] = PROBE_REVIEWS) -> "SnapshotPlan":
        """The ``words`` most frequent words of ``tokenizer`` (ids 3, 4, ...) and ``probe_texts``."""
        last = min(FIRST_WORD_ID + words, len(tokenizer.words), vocab_size)
        probe_texts = tuple(str(text)[:MAX_PROBE_CHARS] for text in probe_texts)[:MAX_PROBES]
        ids, lengths = tokenizer.encode_many(probe_texts, max_len)
        word_ids = np.arange(FIRST_WORD_ID, last, dtype=np.int64)
        return cls(word_ids, tuple(tokenizer.words[i] for i in word_ids), probe_texts,
                   torch.from_numpy(ids), torch.from_numpy(lengths))


@torch.no_grad()
def take_snapshot(model, plan: SnapshotPlan, epoch: int) -> "Timeline":
    """Read the model now, in eval mode (dropout off), and put it back in the mode it was in.

    returns: a :class:`Timeline` of this one moment (epoch 0 = before training), self-contained so a
        live view can draw it without the run's tokenizer
    """
    from rnnviz.embedding_probes import word_polarity

    was_training = model.training
    model.eval()
    try:
        device = model.embedding.weight.device
        ids = torch.from_numpy(plan.word_ids).to(device)
        embedding = model.embedding.weight[ids].float().cpu().numpy().copy()
        polarity = word_polarity(model, ids) if len(ids) else np.zeros(0, dtype=np.float32)
        probes = torch.sigmoid(model(plan.probe_ids.to(device), plan.probe_lengths.to(device))).float().cpu().numpy() \
            if len(plan.probe_texts) else np.zeros(0, dtype=np.float32)
    finally:
        model.train(was_training)
    return Timeline((int(epoch),), plan.word_ids, plan.words, embedding[None],
                    np.asarray(polarity, dtype=np.float32)[None], plan.probe_texts, probes.astype(np.float32)[None])


@dataclass(frozen=True)
class Timeline:
    """Snapshots of a run, stacked: one per epoch (a single snapshot is a timeline of one epoch).

    epochs: (S,) int; word_ids: (W,) int64; words: (W,) their spelling; embedding: (S, W, E) float32;
    polarity: (S, W) float32; probe_texts: (P,); probes: (S, P) float32 P(positive)
    """

    epochs: tuple[int, ...]
    word_ids: np.ndarray
    words: tuple[str, ...]
    embedding: np.ndarray
    polarity: np.ndarray
    probe_texts: tuple[str, ...]
    probes: np.ndarray

    def __len__(self) -> int:
        return len(self.epochs)

    @classmethod
    def from_snapshots(cls, snapshots) -> "Timeline | None":
        """Snapshots of one run (same words and probes), in order, joined; None when there are none."""
        snapshots = list(snapshots)
        if not snapshots:
            return None
        first = snapshots[0]
        return cls(tuple(epoch for s in snapshots for epoch in s.epochs), np.asarray(first.word_ids).copy(),
                   first.words, np.concatenate([s.embedding for s in snapshots]),
                   np.concatenate([s.polarity for s in snapshots]), first.probe_texts,
                   np.concatenate([s.probes for s in snapshots]))

    def tensors(self) -> dict[str, torch.Tensor]:
        """For the checkpoint file: the arrays as tensors named ``snapshots.*`` (float16 vectors)."""
        return {f"{TENSOR_PREFIX}embedding": torch.from_numpy(self.embedding).half(),
                f"{TENSOR_PREFIX}polarity": torch.from_numpy(self.polarity),
                f"{TENSOR_PREFIX}probes": torch.from_numpy(self.probes)}

    def metadata(self) -> dict:
        """For the checkpoint's JSON: what the tensors' rows and columns are."""
        return {"epochs": list(self.epochs), "word_ids": self.word_ids.tolist(), "probe_texts": list(self.probe_texts)}

    @classmethod
    def expected_shapes(cls, metadata: dict, embedding_dim: int) -> dict[str, tuple[int, ...]]:
        """The tensor shapes ``metadata`` announces; ValueError when it is malformed or too big."""
        if not isinstance(metadata, dict) or set(metadata) != {"epochs", "word_ids", "probe_texts"}:
            raise ValueError("snapshots must list epochs, word_ids and probe_texts")
        epochs, word_ids, texts = metadata["epochs"], metadata["word_ids"], metadata["probe_texts"]
        for name, values, kind, limit in (("epochs", epochs, int, MAX_SNAPSHOTS),
                                          ("word_ids", word_ids, int, MAX_SNAPSHOT_WORDS),
                                          ("probe_texts", texts, str, MAX_PROBES)):
            if not isinstance(values, list) or not all(isinstance(v, kind) and not isinstance(v, bool)
                                                       for v in values):
                raise ValueError(f"snapshot {name} must be a list of {kind.__name__}")
            if len(values) > limit:
                raise ValueError(f"{len(values):,} snapshot {name}; at most {limit:,}")
        if not epochs:
            raise ValueError("snapshots need at least one epoch")
        if any(len(text) > MAX_PROBE_CHARS for text in texts):
            raise ValueError(f"a snapshot probe text is longer than {MAX_PROBE_CHARS:,} characters")
        s, w, p = len(epochs), len(word_ids), len(texts)
        return {f"{TENSOR_PREFIX}embedding": (s, w, embedding_dim), f"{TENSOR_PREFIX}polarity": (s, w),
                f"{TENSOR_PREFIX}probes": (s, p)}

    @classmethod
    def from_tensors(cls, metadata: dict, tensors: dict[str, torch.Tensor], tokenizer: Tokenizer) -> "Timeline":
        """The inverse of :meth:`tensors` / :meth:`metadata` (shapes checked by the loader)."""
        word_ids = np.asarray(metadata["word_ids"], dtype=np.int64)
        words = tuple(tokenizer.words[i] if 0 <= i < len(tokenizer.words) else "<oov>" for i in word_ids)
        return cls(tuple(metadata["epochs"]), word_ids, words,
                   tensors[f"{TENSOR_PREFIX}embedding"].float().numpy(),
                   tensors[f"{TENSOR_PREFIX}polarity"].float().numpy(),
                   tuple(metadata["probe_texts"]), tensors[f"{TENSOR_PREFIX}probes"].float().numpy())


def shared_map(timeline: Timeline, dims: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Every epoch's word map on the same axes: the PCA axes of the last epoch's vectors.

    returns: coords (S, W, dims), explained (dims,) variance ratio of the last epoch on those axes.
    Fixed axes are what make the epochs comparable: a PCA per epoch would turn and flip the map.
    """
    from rnnviz.embedding_probes import pca_axes

    mean, axes, explained = pca_axes(timeline.embedding[-1], dims)
    coords = (timeline.embedding.astype(np.float64) - mean) @ axes.T
    return coords, explained


__all__ = ["PROBE_REVIEWS", "SNAPSHOT_WORDS", "SnapshotPlan", "Timeline", "shared_map", "take_snapshot"]
