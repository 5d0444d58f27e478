"""Padding, truncation, masks, lengths and packed sequences: the course's first lesson.

Two conventions meet here and the Padding page shows both:
- Keras' ``pad_sequences`` (the course's IMDB code): ``padding="pre"`` and ``truncating="pre"`` by
  default, so zeros go *before* a review and a long review keeps its *end*;
- torch's ``pad_sequence``: zeros go *after* (``post``) and nothing is truncated.
``pack_padded_sequence`` assumes the real tokens come first (post padding). Packing a pre-padded
batch would pack the zeros, so :func:`pack` left-aligns the rows before calling torch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch
from torch.nn.utils.rnn import pack_padded_sequence

SIDES = ("pre", "post")


def _check_side(name: str, value: str) -> None:
    if value not in SIDES:
        raise ValueError(f"{name} must be 'pre' or 'post', got {value!r}")


def truncate(sequence: Sequence[int], maxlen: int | None, truncating: str = "pre") -> list[int]:
    """Keep at most ``maxlen`` ids: the last ones (``pre``, Keras' default) or the first (``post``)."""
    _check_side("truncating", truncating)
    sequence = list(sequence)
    if maxlen is None or len(sequence) <= maxlen:
        return sequence
    return sequence[-maxlen:] if truncating == "pre" else sequence[:maxlen]


def _arrange(rows: Sequence[Sequence], maxlen: int | None, padding: str, truncating: str,
             fill, dtype) -> np.ndarray:
    _check_side("padding", padding)
    _check_side("truncating", truncating)
    if maxlen is not None and (isinstance(maxlen, bool) or not isinstance(maxlen, (int, np.integer))
                               or maxlen < 1):
        raise ValueError(f"maxlen must be a positive integer or None, got {maxlen!r}")
    rows = [truncate(s, maxlen, truncating) for s in rows]
    width = maxlen if maxlen is not None else max((len(r) for r in rows), default=0)
    out = np.full((len(rows), width), fill, dtype=dtype)
    for i, row in enumerate(rows):
        if not row:
            continue
        if padding == "post":
            out[i, : len(row)] = row
        else:
            out[i, width - len(row):] = row
    return out


def pad_sequences(sequences: Sequence[Sequence[int]], maxlen: int | None = None,
                  padding: str = "pre", truncating: str = "pre", value: int = 0) -> np.ndarray:
    """Keras' ``pad_sequences``, same semantics and defaults.

    sequences: B lists of ids (any lengths, empty allowed)
    returns: (B, T) int64 with T = ``maxlen`` or the longest length
    """
    return _arrange(sequences, maxlen, padding, truncating, value, np.int64)


def pad_tokens(token_rows: Sequence[Sequence[str]], maxlen: int | None = None, padding: str = "pre",
               truncating: str = "pre", fill: str = "") -> np.ndarray:
    """The words that land in each cell of :func:`pad_sequences` (for hover labels).

    returns: (B, T) object array of str, ``fill`` on padding
    """
    return _arrange(token_rows, maxlen, padding, truncating, fill, object)


@dataclass(frozen=True)
class PaddedBatch:
    """A batch of id sequences made rectangular.

    ids: (B, T) int64, 0 where padded
    mask: (B, T) int64, 1 on real tokens, 0 on padding (the course's ``attention_mask``)
    lengths: (B,) real tokens per row after truncation
    original_lengths: (B,) lengths before truncation (a row was cut where it is > ``lengths``)
    """

    ids: np.ndarray
    mask: np.ndarray
    lengths: np.ndarray
    original_lengths: np.ndarray
    padding: str
    truncating: str

    @property
    def shape(self) -> tuple[int, int]:
        return tuple(self.ids.shape)

    @property
    def truncated(self) -> np.ndarray:
        """(B,) True where truncation removed tokens."""
        return self.original_lengths > self.lengths

    @property
    def padding_fraction(self) -> float:
        """Share of the matrix that is padding (work an RNN does for nothing)."""
        return float(1.0 - self.mask.mean()) if self.mask.size else 0.0

    def left_aligned(self) -> np.ndarray:
        """(B, T) the same ids with padding moved after the tokens (what packing expects)."""
        if self.padding == "post":
            return self.ids.copy()
        out = np.zeros_like(self.ids)
        for i, n in enumerate(self.lengths):
            if n:
                out[i, :n] = self.ids[i, -n:]
        return out


def pad_batch(sequences: Sequence[Sequence[int]], maxlen: int | None = None,
              padding: str = "pre", truncating: str = "pre") -> PaddedBatch:
    """Pad and truncate like :func:`pad_sequences`, and keep the mask and the lengths.

    The mask comes from the lengths, not from ``ids != 0``, so it stays right even for a
    vocabulary that would use id 0 for a word.
    """
    ids = pad_sequences(sequences, maxlen, padding, truncating)
    original = np.array([len(s) for s in sequences], dtype=np.int64)
    lengths = np.minimum(original, ids.shape[1]) if len(sequences) else original
    positions = np.arange(ids.shape[1])[None, :]
    if padding == "post":
        mask = positions < lengths[:, None]
    else:
        mask = positions >= (ids.shape[1] - lengths)[:, None]
    return PaddedBatch(ids, mask.astype(np.int64), lengths, original, padding, truncating)


@dataclass(frozen=True)
class PackedView:
    """What ``pack_padded_sequence`` stores, plus where each element came from.

    data: (N,) the ids, time step by time step (N = sum of lengths)
    batch_sizes: (T,) how many sequences are still running at each time step
    sorted_indices: (B',) rows of the batch from longest to shortest (torch's order)
    unsorted_indices: (B',) the inverse permutation
    row_of: (N,) which row of the batch each element of ``data`` belongs to
    step_of: (N,) the time step of each element
    skipped_rows: rows left out because they are empty (torch refuses length 0)
    """

    data: np.ndarray
    batch_sizes: np.ndarray
    sorted_indices: np.ndarray
    unsorted_indices: np.ndarray
    row_of: np.ndarray
    step_of: np.ndarray
    skipped_rows: tuple[int, ...]

    @property
    def padding_saved(self) -> int:
        """Elements an RNN no longer computes compared with the padded matrix."""
        return int(len(self.batch_sizes) * len(self.sorted_indices) - len(self.data))


def pack(batch: PaddedBatch) -> PackedView:
    """Pack ``batch`` with ``torch.nn.utils.rnn.pack_padded_sequence(enforce_sorted=False)``."""
    keep = [i for i, n in enumerate(batch.lengths) if n > 0]
    skipped = tuple(i for i, n in enumerate(batch.lengths) if n == 0)
    if not keep:
        raise ValueError("nothing to pack: every sequence is empty")
    ids = torch.from_numpy(batch.left_aligned()[keep])
    lengths = torch.from_numpy(batch.lengths[keep])
    packed = pack_padded_sequence(ids, lengths, batch_first=True, enforce_sorted=False)
    # Pack the row numbers and time steps the same way, so every element can be traced back.
    rows = torch.tensor(keep, dtype=torch.int64)[:, None].expand_as(ids)
    steps = torch.arange(ids.shape[1])[None, :].expand_as(ids)
    packed_rows = pack_padded_sequence(rows, lengths, batch_first=True, enforce_sorted=False)
    packed_steps = pack_padded_sequence(steps, lengths, batch_first=True, enforce_sorted=False)
    keep_arr = np.asarray(keep, dtype=np.int64)
    return PackedView(
        data=packed.data.numpy(),
        batch_sizes=packed.batch_sizes.numpy(),
        sorted_indices=keep_arr[packed.sorted_indices.numpy()],
        unsorted_indices=packed.unsorted_indices.numpy(),
        row_of=packed_rows.data.numpy(),
        step_of=packed_steps.data.numpy(),
        skipped_rows=skipped,
    )
