"""The course's lessons on one review, live: the ``nn.RNNCell`` loop against ``nn.RNN``, the last relevant
state of a padded batch, a bidirectional model's two halves, the shapes of the tasks (many-to-one,
many-to-many), and :func:`probe_review`, everything the Hidden states page shows of one model, in one go
(:func:`read_review` alone for a side-by-side of several).

Pure functions returning frozen dataclasses of numpy arrays; nothing here changes a model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn

from rnnviz.embedding_probes import pca
from rnnviz.probes import (
    DISPLAY_CAP, LOOP_STEPS, Gates, Reading, Review, as_ids, encode_review, gates, hidden_states, prefix_probabilities,
    to_numpy,
)
from rnnviz.recurrence import GATE_NAMES
from rnnviz.tokenizer import PAD_ID

TASK_SHAPES = ("one_to_one", "one_to_many", "many_to_one", "many_to_many")


@dataclass(frozen=True)
class CellLoop:
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b), three ways, on the same weights.

    by_hand, by_cell, by_module: (B, T, H): the formula in a python loop, ``nn.RNNCell`` in a loop,
    ``nn.RNN`` in one call. h_n: (B, H) nn.RNN's final state. max_diff_*: max |. - by_module|.
    """

    by_hand: np.ndarray
    by_cell: np.ndarray
    by_module: np.ndarray
    h_n: np.ndarray
    max_diff_hand: float
    max_diff_cell: float
    max_diff_h_n: float


@torch.no_grad()
def rnn_cell_loop(rnn: nn.RNN, x: torch.Tensor) -> CellLoop:
    """rnn: a one-layer, one-direction ``nn.RNN`` (batch_first, tanh); x: (B, T, E)."""
    if rnn.num_layers != 1 or rnn.bidirectional or rnn.nonlinearity != "tanh" or not rnn.batch_first:
        raise ValueError("the lesson needs a one-layer, one-direction, batch_first tanh nn.RNN")
    w_xh, w_hh = rnn.weight_ih_l0, rnn.weight_hh_l0
    b = rnn.bias_ih_l0 + rnn.bias_hh_l0
    cell = nn.RNNCell(rnn.input_size, rnn.hidden_size)
    cell.load_state_dict({"weight_ih": w_xh, "weight_hh": w_hh, "bias_ih": rnn.bias_ih_l0,
                          "bias_hh": rnn.bias_hh_l0})
    h_hand = h_cell = x.new_zeros(x.shape[0], rnn.hidden_size)
    hand, by_cell = [], []
    for t in range(x.shape[1]):
        h_hand = torch.tanh(h_hand @ w_hh.T + x[:, t] @ w_xh.T + b)
        h_cell = cell(x[:, t], h_cell)
        hand.append(h_hand)
        by_cell.append(h_cell)
    out, h_n = rnn(x)
    hand, by_cell = torch.stack(hand, 1), torch.stack(by_cell, 1)
    return CellLoop(to_numpy(hand), to_numpy(by_cell), to_numpy(out), to_numpy(h_n[0]),
                    float((hand - out).abs().max()), float((by_cell - out).abs().max()),
                    float((out[:, -1] - h_n[0]).abs().max()))


def course_rnn(input_size: int, hidden_size: int, seed: int = 0) -> nn.RNN:
    """A fresh seeded ``nn.RNN`` (for the lesson when the chosen checkpoint is not a plain RNN).

    torch's own initialisation, U(-1/sqrt(H), 1/sqrt(H)), drawn from a private generator: the global
    random state (shared by every session of the app) is left alone."""
    rnn = nn.RNN(input_size, hidden_size, batch_first=True).eval()
    generator = torch.Generator().manual_seed(seed)
    bound = hidden_size ** -0.5
    with torch.no_grad():
        for weight in rnn.parameters():
            weight.uniform_(-bound, bound, generator=generator)
    return rnn


@dataclass(frozen=True)
class LastState:
    """The last relevant hidden state of a post-padded batch (forward direction of the last layer).

    lengths: (B,); out_last: (B, H) ``out[:, -1]`` (wrong when a row is shorter than the batch);
    gathered: (B, H) ``out[b, lengths[b] - 1]`` (right); alone: (B, H) each row run without padding.
    error_last, error_gathered: (B,) max |. - alone|; prob_last, prob_gathered, prob_alone: (B,)
    P(positive) from the head on each (only meaningful for one-direction "last" pooling models).
    h_n_diff: max |out[0, -1] - h_n[-1, 0]| for the first row run alone (unpadded): 0.
    """

    lengths: np.ndarray
    out_last: np.ndarray
    gathered: np.ndarray
    alone: np.ndarray
    error_last: np.ndarray
    error_gathered: np.ndarray
    prob_last: np.ndarray | None
    prob_gathered: np.ndarray | None
    prob_alone: np.ndarray | None
    h_n_diff: float


@torch.no_grad()
def last_state_lesson(model, rows: list, alone: np.ndarray | None = None) -> LastState:
    """rows: B id lists (real tokens). Runs ``model.rnn`` the course's way on the post-padded batch.

    alone: (B, H) each row's final forward state read without padding, when already known (it is
    recomputed otherwise)."""
    rows = [as_ids(r) for r in rows]
    lengths = torch.tensor([len(r) for r in rows])
    batch = nn.utils.rnn.pad_sequence(rows, batch_first=True, padding_value=PAD_ID)
    hidden = model.config.hidden_size
    out = model.rnn(model.embedding(batch))[0][..., :hidden]  # forward half
    out_last = out[:, -1]
    gathered = out[torch.arange(len(rows)), lengths - 1]
    if alone is None:
        alone = torch.stack([model.rnn(model.embedding(r)[None])[0][0, -1, :hidden] for r in rows])
    else:
        alone = torch.as_tensor(alone, dtype=out.dtype)
    single_out, single_h = model.rnn(model.embedding(rows[0])[None])
    single_h = single_h[0] if model.config.cell == "lstm" else single_h
    # h_n: (layers * directions, B, H); the last layer's forward state is at -D.
    h_n_diff = float((single_out[0, -1, :hidden] - single_h[-model.config.directions, 0]).abs().max())
    probs = [None, None, None]
    if not model.config.bidirectional and model.config.pooling == "last":
        probs = [to_numpy(torch.sigmoid(model.head(s).squeeze(-1))) for s in (out_last, gathered, alone)]
    return LastState(to_numpy(lengths), to_numpy(out_last), to_numpy(gathered), to_numpy(alone),
                     to_numpy((out_last - alone).abs().amax(1)), to_numpy((gathered - alone).abs().amax(1)),
                     *probs, h_n_diff)


@dataclass(frozen=True)
class Halves:
    """Which direction carries the decision: logit = forward + backward + bias.

    forward, backward: the sum of head weight x feature over the features from each direction
    (backward is 0 for a one-direction model); features: (feature_size,); direction_of: (feature_size,)
    0 forward / 1 backward; out_width: D*H (the width of ``out``); h_n_shape: (D, H) per layer.
    """

    forward: float
    backward: float
    bias: float
    features: np.ndarray
    weights: np.ndarray
    direction_of: np.ndarray
    out_width: int
    h_n_shape: tuple[int, int]

    @property
    def logit(self) -> float:
        return self.forward + self.backward + self.bias


@torch.no_grad()
def bidirectional_halves(model, ids, features: np.ndarray | None = None) -> Halves:
    """features: (feature_size,) the model's features on ``ids`` when already known (``Reading.features``)."""
    ids = as_ids(ids)
    config = model.config
    if features is None:
        features = model.features(ids[None], torch.tensor([len(ids)]), padding="post")[0]
    else:
        features = torch.as_tensor(features)
    weights = model.head.weight[0]
    direction_of = (torch.arange(len(features)) // config.hidden_size) % config.directions
    parts = weights * features
    return Halves(float(parts[direction_of == 0].sum()), float(parts[direction_of == 1].sum()),
                  float(model.head.bias[0]), to_numpy(features), to_numpy(weights), to_numpy(direction_of),
                  config.hidden_size * config.directions, (config.directions, config.hidden_size))


@dataclass(frozen=True)
class TaskShape:
    """One of the course's four task shapes, drawn on the same review and the same model.

    inputs: the positions whose word is read; outputs: the positions where an output is read;
    values: (len(outputs),) P(positive) read there.
    """

    name: str
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    values: np.ndarray


@torch.no_grad()
def task_shapes(model, ids, reading: Reading | None = None, steps: int = 8) -> list[TaskShape]:
    """The first ``steps`` tokens of a review under the four shapes.

    one-to-one: the first word in, one output; one-to-many: the first word in, then padding as input,
    an output at every step; many-to-one: every word in, the output at the end; many-to-many: every
    word in, an output at every step (the "prediction as it reads").
    """
    ids = as_ids(ids)[:steps]
    n = len(ids)
    reading = reading or hidden_states(model, ids)
    probs = reading.prob_by_step[:n]
    lone = torch.cat([ids[:1], torch.full((n - 1,), PAD_ID, dtype=torch.long)])
    one_to_many = prefix_probabilities(model, lone) if n > 1 else probs[:1]
    every = tuple(range(n))
    return [TaskShape("one_to_one", (0,), (0,), probs[:1]),
            TaskShape("one_to_many", (0,), every, one_to_many),
            TaskShape("many_to_one", every, (n - 1,), probs[n - 1:n]),
            TaskShape("many_to_many", every, every, probs)]


@dataclass(frozen=True)
class ReviewReading:
    """One checkpoint reading one review: its ``name``, ``cell``, ``directions`` (1 or 2), the review as the
    model reads it (``probes.Review``) and the states and P(positive) after each word (``probes.Reading``)."""

    name: str
    cell: str
    directions: int
    review: Review
    reading: Reading


@torch.no_grad()
def read_review(checkpoint, text: str, cap: int = DISPLAY_CAP) -> ReviewReading:
    """checkpoint: rnnviz.checkpoints.Checkpoint (``.model``, ``.tokenizer``, ``.config``, ``.name``) of a
    recurrent model: the cheap part of :func:`probe_review`, what a comparison of several models needs."""
    model, config = checkpoint.model, checkpoint.config
    if not config.recurrent:
        raise ValueError(f"{checkpoint.name} is a bag of words: it has no hidden state to probe")
    review = encode_review(checkpoint.tokenizer, text, config.max_len, cap)
    return ReviewReading(checkpoint.name, config.cell, config.directions, review,
                         hidden_states(model, torch.as_tensor(review.ids)))


@dataclass(frozen=True)
class ReviewProbe(ReviewReading):
    """Everything the Hidden states page shows of one model on one review: its :class:`ReviewReading`, and

    trajectory: (T, 3) PCA of ``reading.states``; explained: (3,); gates: the last layer's forward direction,
    None for a plain RNN; backward_gates: its backward direction (None unless bidirectional and gated);
    loop: the RNNCell lesson on this review's first LOOP_STEPS embeddings (the checkpoint's own weights when it is a
    one-layer one-direction RNN, a seeded ``nn.RNN`` of the same sizes otherwise: ``loop_own``);
    last: the padded-batch lesson on the review and two of its prefixes.
    """

    trajectory: np.ndarray
    explained: np.ndarray
    gates: Gates | None
    backward_gates: Gates | None
    halves: Halves
    shapes: list
    loop: CellLoop
    loop_own: bool
    last: LastState


@torch.no_grad()
def probe_review(checkpoint, text: str, cap: int = DISPLAY_CAP) -> ReviewProbe:
    """:func:`read_review`, and every lesson the Hidden states page draws on that reading."""
    model, config = checkpoint.model, checkpoint.config
    read = read_review(checkpoint, text, cap)
    ids, reading = torch.as_tensor(read.review.ids), read.reading
    trajectory, explained = pca(reading.states, 3)
    rnn = model.rnn
    own = config.cell == "rnn" and config.num_layers == 1 and not config.bidirectional
    if not own:
        rnn = course_rnn(config.embedding_dim, config.hidden_size)
    loop = rnn_cell_loop(rnn, model.embedding(ids[:LOOP_STEPS])[None])
    lengths = [len(ids), max(1, len(ids) // 2), max(1, len(ids) // 5)]
    rows = [ids[:n] for n in lengths]
    # A prefix read alone ends in the state the whole review had at that point (forward direction), except
    # in a stacked bidirectional model, where the layers above also hear the lower backward direction.
    alone = reading.forward[[n - 1 for n in lengths]] if config.num_layers == 1 or not config.bidirectional \
        else None
    gated, top = config.cell in GATE_NAMES, config.num_layers - 1
    return ReviewProbe(
        name=read.name, cell=read.cell, directions=read.directions, review=read.review, reading=reading,
        trajectory=trajectory, explained=explained, gates=gates(model, ids, layer=top) if gated else None,
        backward_gates=gates(model, ids, top, "backward") if gated and config.bidirectional else None,
        halves=bidirectional_halves(model, ids, reading.features), shapes=task_shapes(model, ids, reading),
        loop=loop, loop_own=own, last=last_state_lesson(model, rows, alone))
