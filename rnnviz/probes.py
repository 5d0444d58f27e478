"""Looking inside a trained classifier: hidden states, gates, the course's lessons, embeddings.

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
import torch.nn as nn
import torch.nn.functional as F

from rnnviz.recurrence import GATE_NAMES, cell_step, direction_weights
from rnnviz.tokenizer import FIRST_WORD_ID, PAD_ID, START_ID

# A 5,000-word paste is cut to this many tokens (its *last* ones, as the model's own max_len does).
DISPLAY_CAP = 400
# The RNNCell lesson runs on the review's first tokens only: two python loops, and the point (same
# numbers as nn.RNN) needs no more.
LOOP_STEPS = 64
COURSE_MATRIX = ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (2.0, 2.0, 2.0), (3.0, 3.0, 3.0), (4.0, 4.0, 4.0))


def _as_ids(ids) -> torch.Tensor:
    ids = torch.as_tensor(ids, dtype=torch.long).reshape(-1)
    if ids.numel() == 0:
        raise ValueError("a review needs at least one token")
    return ids


def _np(x: torch.Tensor) -> np.ndarray:
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
    ids = _as_ids(ids)
    steps = len(ids)
    batch = ids[None, :].repeat(steps, 1).tril()  # row t keeps tokens 0..t, zeros after
    lengths = torch.arange(1, steps + 1)
    return _np(torch.sigmoid(model(batch, lengths, padding="post")))


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
    ids = _as_ids(ids)
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
        probs = _np(torch.sigmoid(model.head(_forward_prefix_features(model, forward, features)).squeeze(-1)))
    return Reading(
        forward=_np(forward), backward=None if backward is None else _np(backward),
        final_forward=_np(forward[-1]), final_backward=None if backward is None else _np(backward[0]),
        prob_by_step=probs, prob=float(torch.sigmoid(logit)), logit=float(logit), features=_np(features[0]))


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
    ids = _as_ids(ids)
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
    return Gates(config.cell, {name: _np(order(torch.stack(v))) for name, v in rows.items()},
                 _np(order(torch.stack(states))))


# ------------------------------------------------------------------------- the course's lessons
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
    return CellLoop(_np(hand), _np(by_cell), _np(out), _np(h_n[0]),
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
    rows = [_as_ids(r) for r in rows]
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
        probs = [_np(torch.sigmoid(model.head(s).squeeze(-1))) for s in (out_last, gathered, alone)]
    return LastState(_np(lengths), _np(out_last), _np(gathered), _np(alone),
                     _np((out_last - alone).abs().amax(1)), _np((gathered - alone).abs().amax(1)),
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
    ids = _as_ids(ids)
    config = model.config
    if features is None:
        features = model.features(ids[None], torch.tensor([len(ids)]), padding="post")[0]
    else:
        features = torch.as_tensor(features)
    weights = model.head.weight[0]
    direction_of = (torch.arange(len(features)) // config.hidden_size) % config.directions
    parts = weights * features
    return Halves(float(parts[direction_of == 0].sum()), float(parts[direction_of == 1].sum()),
                  float(model.head.bias[0]), _np(features), _np(weights), _np(direction_of),
                  config.hidden_size * config.directions, (config.directions, config.hidden_size))


TASK_SHAPES = ("one_to_one", "one_to_many", "many_to_one", "many_to_many")


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
    ids = _as_ids(ids)[:steps]
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


# ---------------------------------------------------------------------------------- embeddings
@dataclass(frozen=True)
class Lookup:
    """words: (n,); ids: (n,) their ids (2 = unknown); vectors: (n, E) rows of the embedding matrix."""

    words: tuple[str, ...]
    ids: np.ndarray
    vectors: np.ndarray


@torch.no_grad()
def lookup(model, tokenizer, words) -> Lookup:
    ids = torch.tensor([tokenizer.id_of(w) for w in words], dtype=torch.long)
    return Lookup(tuple(words), _np(ids).astype(np.int64), _np(model.embedding(ids)))


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
    return Pretrained(_np(weights), _np(ids).astype(np.int64), _np(layer(ids)))


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
    return FreezeStep(freeze, embedding.weight.requires_grad, _np(before), _np(after),
                      _np((after - before).norm(dim=1)), float((head.weight.detach() - head_before).norm()),
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
    return _np(probs)


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
    values = _np(values)
    return Neighbours(tokenizer.words[word_id], word_id, tuple(tokenizer.words[i] for i in ids.tolist()),
                      _np(ids).astype(np.int64), values, 1.0 - values)


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


# ------------------------------------------------------------------------ everything for a page
@dataclass(frozen=True)
class ReviewProbe:
    """Everything the Hidden states page shows for one (checkpoint, text), computed in one go.

    trajectory: (T, 3) PCA of ``reading.states``; explained: (3,); gates: the last layer's forward direction,
    None for a plain RNN; backward_gates: its backward direction (None unless bidirectional and gated);
    loop: the RNNCell lesson on this review's first LOOP_STEPS embeddings (the checkpoint's own weights when it is a
    one-layer one-direction RNN, a seeded ``nn.RNN`` of the same sizes otherwise: ``loop_own``);
    last: the padded-batch lesson on the review and two of its prefixes.
    """

    name: str
    cell: str
    directions: int
    review: Review
    reading: Reading
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
    """checkpoint: rnnviz.checkpoints.Checkpoint (``.model``, ``.tokenizer``, ``.config``, ``.name``)."""
    model, config = checkpoint.model, checkpoint.config
    if not config.recurrent:
        raise ValueError(f"{checkpoint.name} is a bag of words: it has no hidden state to probe")
    review = encode_review(checkpoint.tokenizer, text, config.max_len, cap)
    ids = torch.as_tensor(review.ids)
    reading = hidden_states(model, ids)
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
        name=checkpoint.name, cell=config.cell, directions=config.directions, review=review, reading=reading,
        trajectory=trajectory, explained=explained, gates=gates(model, ids, layer=top) if gated else None,
        backward_gates=gates(model, ids, top, "backward") if gated and config.bidirectional else None,
        halves=bidirectional_halves(model, ids, reading.features), shapes=task_shapes(model, ids, reading),
        loop=loop, loop_own=own, last=last_state_lesson(model, rows, alone))
