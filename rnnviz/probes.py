"""Looking inside a trained classifier: one review's hidden states, its gates, the units that react.

The course's lessons on a review live in :mod:`rnnviz.lessons`, the word vectors in :mod:`rnnviz.embedding_probes`.

Pure functions of (model, ids) or (checkpoint, text), returning frozen dataclasses of numpy arrays, so
that the UI can cache them per checkpoint and text. No forward hooks are used (nothing is left
attached to a shared model) and nothing here changes a model: every function runs under
``torch.no_grad()`` in whatever mode the model is in (checkpoints load in eval mode).

Shapes: T = tokens of one review (its ``<start>`` included), H = hidden size, E = embedding size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.recurrence import GATE_NAMES, cell_step, direction_weights
from rnnviz.tokenizer import FIRST_WORD_ID

# A 5,000-word paste is cut to this many tokens (its *last* ones, as the model's own max_len does).
DISPLAY_CAP = 400
# The RNNCell lesson runs on the review's first tokens only: two python loops, and the point (same
# numbers as nn.RNN) needs no more.
LOOP_STEPS = 64
COURSE_MATRIX = ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (2.0, 2.0, 2.0), (3.0, 3.0, 3.0), (4.0, 4.0, 4.0))

def as_ids(ids) -> torch.Tensor:
    ids = torch.as_tensor(ids, dtype=torch.long).reshape(-1)
    if ids.numel() == 0:
        raise ValueError("a review needs at least one token")
    return ids


def to_numpy(x: torch.Tensor) -> np.ndarray:
    return x.detach().float().cpu().numpy()


# ------------------------------------------------------------------------------------ one review
@dataclass(frozen=True)
class Review:
    """A text as one checkpoint reads it.

    tokens, ids, is_oov: (T,) what the model reads: the *last* ``cap`` tokens, ``<start>`` included
    total: how many tokens the whole text has (> T when it was cut); cap: min(max_len, DISPLAY_CAP)
    """

    tokens: tuple[str, ...]
    ids: np.ndarray
    is_oov: tuple[bool, ...]
    total: int
    cap: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.ids)

    @property
    def known_words(self) -> int:
        return sum(1 for i, oov in zip(self.ids, self.is_oov) if i >= FIRST_WORD_ID and not oov)


def encode_review(tokenizer, text: str, max_len: int, cap: int = DISPLAY_CAP) -> Review:
    """Tokenize ``text`` as training did and keep its last ``min(max_len, cap)`` tokens.

    An empty text still gives one token (``<start>``, or padding when the tokenizer adds no start).
    """
    encoding = tokenizer.encode_detailed(text)
    keep = min(int(max_len), int(cap))
    kept = encoding.kept(keep)
    return Review(kept.tokens, np.asarray(kept.ids, dtype=np.int64), kept.is_oov, total=max(len(encoding), 1), cap=keep)


def _run_directions(model, x: torch.Tensor, layers: int | None = None) -> tuple[torch.Tensor, list]:
    """Run the first ``layers`` layers of ``model.rnn`` on ONE unpadded review.

    x: (1, T, E) -> (outputs (1, T, D*H) of the last layer run, [per direction (1, T, H)]).
    For a review without padding, the model's own padding-proof reading is exactly this.
    """
    layers = model.config.num_layers if layers is None else layers
    halves = [x]
    for layer in range(layers):
        forward = model.one_direction(x, layer, "")
        halves = [forward]
        if model.config.bidirectional:
            halves.append(model.one_direction(x.flip(1), layer, "_reverse").flip(1))
        x = torch.cat(halves, dim=-1)
    return x, halves


@dataclass(frozen=True)
class Reading:
    """One review read by one model, token by token (last layer).

    forward: (T, H) the forward direction's state after each token
    backward: (T, H) or None: the backward direction's state at each token (it has read tokens T-1..t)
    final_forward: (H,) = forward[-1]; final_backward: (H,) = backward[0] or None (its last step)
    prob_by_step: (T,) P(positive) after each token. For a one-direction model it is exactly the
        model's own prediction on the prefix 0..t ("if the review stopped here"): the head applied to
        h_t ("last" pooling) or to the mean/max of the states 0..t. For a bidirectional model it is the
        *forward reader's* running view: the forward half's features on the prefix 0..t, the backward
        half's features taken from the whole review (the backward reader has read everything before
        the forward one starts), so prob_by_step[-1] == prob. ``exact_prefixes=True`` re-runs the
        model on each prefix instead (T times the work).
    prob, logit: the model's own output on the whole review (prob == prob_by_step[-1])
    features: (feature_size,) the pooled vector the output layer read
    """

    forward: np.ndarray
    backward: np.ndarray | None
    final_forward: np.ndarray
    final_backward: np.ndarray | None
    prob_by_step: np.ndarray
    prob: float
    logit: float
    features: np.ndarray

    @property
    def states(self) -> np.ndarray:
        """(T, D*H): both directions side by side, as ``out`` of nn.RNN."""
        return self.forward if self.backward is None else np.concatenate([self.forward, self.backward], 1)


@torch.no_grad()
def prefix_probabilities(model, ids) -> np.ndarray:
    """ids: (T,) -> (T,) P(positive) of the model on each prefix ids[:t+1], one batched call."""
    ids = as_ids(ids)
    steps = len(ids)
    batch = ids[None, :].repeat(steps, 1).tril()  # row t keeps tokens 0..t, zeros after
    lengths = torch.arange(1, steps + 1)
    return to_numpy(torch.sigmoid(model(batch, lengths, padding="post")))


def _forward_prefix_features(model, forward: torch.Tensor, features: torch.Tensor) -> torch.Tensor:
    """(T, feature_size): the pooled forward states 0..t; a backward half is taken from the whole review.

    forward: (T, H); features: (1, feature_size) the model's features on the whole review.
    """
    steps = torch.arange(1, len(forward) + 1, dtype=forward.dtype)[:, None]
    pooled = {"last": [forward], "mean": [forward.cumsum(0) / steps], "max": [forward.cummax(0).values]}
    pooled["mean_max"] = pooled["mean"] + pooled["max"]
    parts = pooled[model.config.pooling]
    if not model.config.bidirectional:
        return torch.cat(parts, -1)
    hidden = model.config.hidden_size
    backward = features[0].reshape(len(parts), 2, hidden)[:, 1]  # (parts, H): each block's backward half
    return torch.cat([torch.cat([part, backward[k].expand_as(part)], -1) for k, part in enumerate(parts)], -1)


@torch.no_grad()
def hidden_states(model, ids, exact_prefixes: bool = False) -> Reading:
    """ids: (T,) the real tokens of ONE review (no padding). See :class:`Reading`.

    exact_prefixes: for a bidirectional model, re-run the whole model on every prefix (T runs in one
    batch: ~T times the work) instead of the forward-prefix reading described in :class:`Reading`.
    """
    ids = as_ids(ids)
    config = model.config
    x = model.embedding(ids)[None]
    outputs, halves = _run_directions(model, x)
    forward = halves[0][0]
    backward = halves[1][0] if config.bidirectional else None
    features = model.pool(outputs, torch.tensor([len(ids)]))
    logit = model.head(features).reshape(())
    if config.bidirectional and exact_prefixes:
        probs = prefix_probabilities(model, ids)
    else:
        probs = to_numpy(torch.sigmoid(model.head(_forward_prefix_features(model, forward, features)).squeeze(-1)))
    return Reading(
        forward=to_numpy(forward), backward=None if backward is None else to_numpy(backward),
        final_forward=to_numpy(forward[-1]), final_backward=None if backward is None else to_numpy(backward[0]),
        prob_by_step=probs, prob=float(torch.sigmoid(logit)), logit=float(logit), features=to_numpy(features[0]))


# ------------------------------------------------------------------------------------------ gates
@dataclass(frozen=True)
class Gates:
    """Gates of one direction of one layer, unrolled by hand from ``model.rnn``'s weights.

    cell: "lstm" or "gru"; values: gate name -> (T, H), in [0, 1] for sigmoid gates (LSTM i, f, o;
    GRU r, z), in [-1, 1] for the candidates (LSTM g, GRU n); LSTM "c" is the cell state c_t.
    hidden: (T, H) h_t recomputed from those gates (equal to nn.LSTM / nn.GRU's ``out``).
    """

    cell: str
    values: dict
    hidden: np.ndarray

    def mean(self) -> dict:
        """gate name -> (T,) the mean over units."""
        return {name: value.mean(1) for name, value in self.values.items()}


@torch.no_grad()
def gates(model, ids, layer: int = 0, direction: str = "forward") -> Gates:
    """ids: (T,) one review. LSTM (torch order i, f, g, o):
        i, f, o = sigmoid(W_i* x_t + b_i* + W_h* h_{t-1} + b_h*), g = tanh(...), c_t = f c_{t-1} + i g,
        h_t = o tanh(c_t).
    GRU (torch order r, z, n): r, z = sigmoid(...), n = tanh(W_in x_t + b_in + r (W_hn h_{t-1} + b_hn)),
        h_t = (1 - z) n + z h_{t-1}.
    direction "backward" reads the review from its end (results are given back in reading order).
    """
    config = model.config
    if config.cell not in GATE_NAMES:
        raise ValueError(f"a plain RNN has no gates (cell={config.cell!r})")
    if direction not in ("forward", "backward") or (direction == "backward" and not config.bidirectional):
        raise ValueError(f"no {direction!r} direction in this model")
    if not 0 <= layer < config.num_layers:
        raise ValueError(f"layer must be in [0, {config.num_layers}), got {layer}")
    ids = as_ids(ids)
    x = _run_directions(model, model.embedding(ids)[None], layers=layer)[0][0]
    w_ih, w_hh, b_ih, b_hh = direction_weights(model.rnn, layer, "_reverse" if direction == "backward" else "")
    if direction == "backward":
        x = x.flip(0)
    projected = x @ w_ih.T + b_ih  # (T, k*H): every input projection at once
    h = x.new_zeros(config.hidden_size)
    c = x.new_zeros(config.hidden_size)
    rows: dict[str, list] = {name: [] for name in GATE_NAMES[config.cell]}
    states = []
    for t in range(len(ids)):
        step = cell_step(config.cell, projected[t], w_hh @ h + b_hh, h, c)
        h, c = step.h, step.c
        for name, value in step.gates.items():
            rows[name].append(value)
        states.append(h)
    order = (lambda a: a.flip(0)) if direction == "backward" else (lambda a: a)
    return Gates(config.cell, {name: to_numpy(order(torch.stack(v))) for name, v in rows.items()},
                 to_numpy(order(torch.stack(states))))


# ----------------------------------------------------------------------------------- unit views
@dataclass(frozen=True)
class UnitReaction:
    """The units that react most to the token at ``position``.

    units: (k,) indices into ``Reading.states`` columns; delta: (k,) h_t - h_{t-1} (forward units;
    for backward units, h_t - h_{t+1}: the step before in their reading order); activation: (k,) h_t.
    """

    position: int
    units: np.ndarray
    delta: np.ndarray
    activation: np.ndarray


def state_deltas(reading: Reading) -> np.ndarray:
    """(T, D*H): how much each unit moved when it read each token (its first step starts from 0)."""
    forward = np.diff(reading.forward, axis=0, prepend=0.0)
    if reading.backward is None:
        return forward
    backward = reading.backward - np.concatenate([reading.backward[1:], np.zeros_like(reading.backward[:1])])
    return np.concatenate([forward, backward], 1)


def reacting_units(reading: Reading, position: int, k: int = 10) -> UnitReaction:
    """The ``k`` units with the largest |delta h| at ``position``, largest first."""
    deltas = state_deltas(reading)
    position = int(np.clip(position, 0, len(deltas) - 1))
    order = np.argsort(-np.abs(deltas[position]), kind="stable")[:k]
    return UnitReaction(position, order, deltas[position, order], reading.states[position, order])


def unit_activation(reading: Reading, unit: int) -> np.ndarray:
    """(T,) one unit's activation after each token (the Karpathy view)."""
    return reading.states[:, unit]
