"""Vanishing and exploding gradients, measured: how much does step t still count at the end?

Back-propagation through time multiplies one Jacobian per step: ``dL/dh_t = dL/dh_T . J_T ... J_{t+1}``
with ``J_s = dh_s/dh_{s-1}``. If those factors are a bit below 1 the product vanishes (0.99^1000 =
4.3e-5), a bit above 1 it explodes (1.01^1000 = 20,959): the course's "Limites des RNNs vanilla".

How it is computed here (fast enough for 1,000 steps x 3 cells in well under a second):

1. the forward pass runs with the model's own weights and fused kernels, without gradients;
2. ``torch.autograd`` gives, in one vectorised call over all steps, the local derivatives of each
   step's element-wise update (tanh, gates) with respect to its pre-activations and previous state;
3. the chain rule is applied step by step, from the last step back to the first (one small
   matrix-vector product with ``W_hh`` per step), in float32 like real training: vanishing values
   really underflow to 0 and exploding ones really overflow to ``inf``.

The result equals ``torch.autograd.grad(L, [h_0, ..., h_{T-1}])`` of the unrolled network (see the
tests, which also check it against float64 finite differences). Word saliency ("which words matter")
is plain autograd through the whole classifier: gradient x input on the word vectors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from rnnviz.models import CELLS, ModelConfig, RNNClassifier
from rnnviz.recurrence import cell_step, direction_weights, run_direction
from rnnviz.tokenizer import FIRST_WORD_ID

MAX_STEPS = 1_000
FLOAT32_EPS = float(np.finfo(np.float32).eps)  # 1.19e-07: below this, relative to the largest, a term is lost
FLOAT32_TINY = float(np.finfo(np.float32).tiny)  # 1.18e-38: smallest normal float32
FLOAT32_MAX = float(np.finfo(np.float32).max)  # 3.4e+38: above this, float32 overflows to inf
COURSE_POINTS = ((1.01, 1000), (0.99, 1000))  # the course's two examples: 20959 and 4.31e-5
TARGETS = ("state", "loss")
SPECTRAL_CELLS = ("rnn", "linear")  # tanh RNN, or the same recurrence without activation
_GATES = {"rnn": 1, "linear": 1, "lstm": 4, "gru": 3}


# ---------------------------------------------------------------------------------------- theory
@dataclass(frozen=True)
class ProductCurve:
    """factor ** t for t = 0..steps. steps: (steps + 1,) int; values: (steps + 1,) float64."""

    factor: float
    steps: np.ndarray
    values: np.ndarray


def product_curve(factor: float, steps: int = MAX_STEPS) -> ProductCurve:
    """The product of ``steps`` equal factors, after each step (float64: 1.5^1000 is still finite)."""
    if not math.isfinite(factor) or factor <= 0:
        raise ValueError(f"the factor must be a positive number, got {factor!r}")
    steps = check_steps(steps)
    t = np.arange(steps + 1)
    with np.errstate(over="ignore"):
        values = np.power(float(factor), t, dtype=np.float64)
    return ProductCurve(float(factor), t, values)


def check_steps(steps: int, limit: int = MAX_STEPS) -> int:
    """A sequence length in [1, limit]. Raises ValueError for 0, negative or non-integer lengths;
    use :func:`cap_steps` to cut longer ones."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise ValueError(f"a length must be an integer, got {steps!r}")
    if steps < 1:
        raise ValueError(f"a sequence needs at least one step, got {steps}")
    if steps > limit:
        raise ValueError(f"at most {limit:,} steps, got {steps:,}")
    return int(steps)


def cap_steps(steps: int, limit: int = MAX_STEPS) -> tuple[int, bool]:
    """(min(steps, limit), whether it was cut)."""
    return min(int(steps), limit), int(steps) > limit


# ---------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class GradientDecay:
    """How the gradient of one target fades (or grows) going back in time.

    distance: (T,) int, 0 = the last step, T-1 = the first
    state_norm: (T,) float64, ||dL/dh_{T-1-k}||, computed in float32 (so 0 = underflow, inf = overflow)
    input_norm: (T,) float64, ||dL/dx_{T-1-k}|| for the layer's input x (the word vectors for a
        one-layer model)
    first_overflow: first distance where the float32 gradient is inf or nan, or None
    first_underflow: first distance where it is exactly 0 although the last step's is not, or None
    first_below_eps: first distance where it is below float32 eps times the norm at distance 0: added
        to that gradient in float32 it would not change a single bit, or None
    """

    label: str
    cell: str
    target: str
    distance: np.ndarray
    state_norm: np.ndarray
    input_norm: np.ndarray
    first_overflow: int | None
    first_underflow: int | None
    first_below_eps: int | None

    @property
    def steps(self) -> int:
        return len(self.distance)

    @property
    def relative(self) -> np.ndarray:
        """(T,) state_norm / state_norm[0] (nan where undefined)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.state_norm / self.state_norm[0]

    @property
    def finite(self) -> bool:
        return self.first_overflow is None


@dataclass(frozen=True)
class DecayComparison:
    """Every cell on the same input: ``trained`` / ``fresh``: cell -> :class:`GradientDecay` of its trained
    checkpoint (cells that have one) / of an untrained model of the same size; ``tokens``: steps measured,
    ``total``: steps before the cut to MAX_STEPS; ``milliseconds`` spent measuring; ``errors``: checkpoints
    that could not be read; ``radius_trained`` / ``radius_fresh``: spectral radius of the vanilla RNNs' W_hh."""

    trained: dict
    fresh: dict
    tokens: int
    total: int
    milliseconds: float
    errors: tuple[str, ...] = ()
    radius_trained: float | None = None
    radius_fresh: float | None = None


def _markers(norms: np.ndarray) -> tuple[int | None, int | None, int | None]:
    bad = ~np.isfinite(norms)
    overflow = int(np.argmax(bad)) if bad.any() else None
    reference = norms[0] if np.isfinite(norms[0]) else 0.0
    upto = overflow if overflow is not None else len(norms)
    zero = (norms[:upto] == 0) if reference > 0 else np.zeros(upto, bool)
    underflow = int(np.argmax(zero)) if zero.any() else None
    small = (norms[:upto] < FLOAT32_EPS * reference) if reference > 0 else np.zeros(upto, bool)
    below = int(np.argmax(small)) if small.any() else None
    return overflow, underflow, below


# ---------------------------------------------------------------------------------------- cells
@dataclass(frozen=True)
class _Layer:
    """One direction of one recurrent layer: w_ih (K*H, E), w_hh (K*H, H), biases (K*H,)."""

    cell: str
    w_ih: torch.Tensor
    w_hh: torch.Tensor
    b_ih: torch.Tensor
    b_hh: torch.Tensor

    @property
    def hidden(self) -> int:
        return self.w_hh.shape[1]


def _layer(model: RNNClassifier, layer: int, suffix: str = "") -> _Layer:
    return _Layer(model.config.cell, *(w.detach() for w in direction_weights(model.rnn, layer, suffix)))


def _run_fused(layer: _Layer, x: torch.Tensor) -> torch.Tensor:
    """x: (1, T, E) -> outputs (1, T, H), with PyTorch's own kernel (differentiable)."""
    return run_direction(layer.cell, x, [layer.w_ih, layer.w_hh, layer.b_ih, layer.b_hh])


def _run_layer(layer: _Layer, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Forward pass without gradients. x: (T, E) -> h (T, H) and, for an LSTM, c (T, H)."""
    with torch.no_grad():
        if layer.cell != "linear":
            h = _run_fused(layer, x[None])[0]
        else:  # the linear "cell" of the spectral lab
            gi = F.linear(x, layer.w_ih, layer.b_ih)
            h, state = torch.empty(x.shape[0], layer.hidden), x.new_zeros(layer.hidden)
            w_hh_t = layer.w_hh.t()
            for t in range(x.shape[0]):
                state = gi[t] + state @ w_hh_t + layer.b_hh
                h[t] = state
        if layer.cell != "lstm":
            return h, None
        # The fused LSTM returns h only: rebuild c with c_t = f_t c_{t-1} + i_t g_t.
        h_prev = torch.cat([h.new_zeros(1, layer.hidden), h[:-1]])
        step = cell_step("lstm", F.linear(x, layer.w_ih, layer.b_ih), F.linear(h_prev, layer.w_hh, layer.b_hh),
                         h_prev, torch.zeros_like(h_prev))  # the gates do not depend on c
        decay, write = step.gates["f"].numpy(), (step.gates["i"] * step.gates["g"]).numpy()
        c = np.empty_like(decay)
        state = np.zeros(layer.hidden, np.float32)
        for t in range(len(c)):
            state = decay[t] * state + write[t]
            c[t] = state
        return h, torch.from_numpy(c)


def _backward_through_time(layer: _Layer, x: torch.Tensor, h: torch.Tensor, c: torch.Tensor | None,
                           direct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every dL/dh_t and dL/dx_t, given the direct derivatives of L with respect to each h_t.

    x: (T, E) the layer's inputs; h, c: (T, H) its states; direct: (T, H) float32, dL/dh_t holding
    the later states fixed (the target's own dependence on h_t)
    returns: dL/dh (T, H) and dL/dx (T, E), float32, total derivatives
    """
    steps, hidden = h.shape
    gates = _GATES[layer.cell]
    lstm = c is not None
    zeros = h.new_zeros(1, hidden)
    with torch.enable_grad():
        h_prev = torch.cat([zeros, h[:-1]]).requires_grad_(True)
        c_prev = torch.cat([zeros, c[:-1]]).requires_grad_(True) if lstm else None
        gi = F.linear(x, layer.w_ih, layer.b_ih).requires_grad_(True)
        gh = F.linear(h_prev.detach(), layer.w_hh, layer.b_hh).requires_grad_(True)
        step = cell_step(layer.cell, gi, gh, h_prev, c_prev)
        h_new, c_new = step.h, step.c
        # Each unit's update only reads its own entries: the gradient of a sum is the diagonal.
        leaves = [gi, gh, h_prev] + ([c_prev] if lstm else [])

        def local(output: torch.Tensor) -> list[np.ndarray]:
            grads = torch.autograd.grad(output.sum(), leaves, retain_graph=True, allow_unused=True)
            return [np.zeros((steps, leaf.shape[1]), np.float32) if g is None else g.numpy() for g, leaf in
                    zip(grads, leaves)]

        dh = local(h_new)  # dh_t/d(gi, gh, h_prev, c_prev), element-wise
        dc = local(c_new) if lstm else None
    w_hh = layer.w_hh.numpy()
    grad_h = np.empty((steps, hidden), np.float32)
    grad_gi = np.empty((steps, gates, hidden), np.float32)
    carry_h = np.zeros(hidden, np.float32)
    carry_c = np.zeros(hidden, np.float32)
    # (T, K, H) views: gate k of unit j at step t, so that a (H,) cotangent broadcasts over the gates.
    h_gi, h_gh = (d.reshape(steps, gates, hidden) for d in dh[:2])
    c_gi = dc[0].reshape(steps, gates, hidden) if lstm else None
    shared = layer.cell != "gru"  # gi and gh are simply added: same derivative
    direct_prev = layer.cell == "gru"  # h_t = (1 - z) n + z h_(t-1)
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        for t in range(steps - 1, -1, -1):
            g_h = carry_h + direct[t]
            grad_h[t] = g_h
            d_gi = h_gi[t] * g_h
            if lstm:
                d_gi += c_gi[t] * carry_c
                carry_c = g_h * dh[3][t] + carry_c * dc[3][t]
            d_gh = d_gi if shared else h_gh[t] * g_h
            carry_h = d_gh.reshape(-1) @ w_hh
            if direct_prev:
                carry_h += g_h * dh[2][t]
            grad_gi[t] = d_gi
        grad_gi = grad_gi.reshape(steps, gates * hidden)
        grad_x = grad_gi @ layer.w_ih.numpy()
    return grad_h, grad_x


def _norms(rows: np.ndarray) -> np.ndarray:
    """(T, D) float32 -> (T,) float64 norms, latest step first; inf stays inf, nan stays nan."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.linalg.norm(rows.astype(np.float64), axis=1)[::-1].copy()


def _decay(label: str, cell: str, target: str, grad_h: np.ndarray, grad_x: np.ndarray) -> GradientDecay:
    state_norm = _norms(grad_h)
    overflow, underflow, below = _markers(state_norm)
    return GradientDecay(label, cell, target, np.arange(len(state_norm)), state_norm, _norms(grad_x),
                         overflow, underflow, below)


def _state_direction(h_last: torch.Tensor) -> np.ndarray:
    """d||h||/dh = h / ||h|| (a unit vector; any unit vector when h = 0)."""
    norm = float(h_last.norm())
    if norm == 0 or not math.isfinite(norm):
        return np.full(h_last.shape[-1], 1 / math.sqrt(h_last.shape[-1]), np.float32)
    return (h_last / norm).numpy().astype(np.float32)


# ---------------------------------------------------------------------------------------- models
def _lower_layers(model: RNNClassifier, x: torch.Tensor, layers: int) -> torch.Tensor:
    """x: (1, T, E) through the first ``layers`` layers (both directions) -> (1, T, D*H).
    Differentiable; a single unpadded sequence, so "reversed within its length" is a flip."""
    for layer in range(layers):
        forward = _run_fused(_layer(model, layer), x)
        if model.config.bidirectional:
            backward = _run_fused(_layer(model, layer, "_reverse"), x.flip(1)).flip(1)
            forward = torch.cat([forward, backward], -1)
        x = forward
    return x


def logit_from_vectors(model: RNNClassifier, vectors: torch.Tensor) -> torch.Tensor:
    """The model's logit for one review given its word vectors (1, T, E) instead of its ids.

    Same as ``model(ids, lengths)`` in eval mode (tested); differentiable with respect to ``vectors``.
    returns: (1,)
    """
    outputs = _lower_layers(model, vectors, model.config.num_layers)
    lengths = torch.tensor([vectors.shape[1]])
    return model.head(model.pool(outputs, lengths)).squeeze(-1)


def measure_decay(model: RNNClassifier, ids: torch.Tensor | list[int], target: str = "state", label: int = 1,
                  name: str = "") -> GradientDecay:
    """How the gradient of ``target`` fades going back through one sequence of word ids.

    ids: (T,) word ids, 1 <= T <= MAX_STEPS (ValueError otherwise; cut long reviews with cap_steps)
    target: "state": L = ||h_T||, the norm of the last hidden state (of the last layer's forward
        direction); "loss": L = the binary cross-entropy of the model's prediction against ``label``
    The hidden states analysed are those of the last layer's forward direction.
    """
    if target not in TARGETS:
        raise ValueError(f"target must be one of {TARGETS}, got {target!r}")
    ids = torch.as_tensor(ids, dtype=torch.long).reshape(-1)
    check_steps(len(ids))
    config: ModelConfig = model.config
    with torch.no_grad():
        vectors = model.embedding(ids)[None]
        below = _lower_layers(model, vectors, config.num_layers - 1)[0]
    top = _layer(model, config.num_layers - 1)
    h, c = _run_layer(top, below)
    if target == "state":
        direct = np.zeros(h.shape, np.float32)
        direct[-1] = _state_direction(h[-1])
    else:
        with torch.enable_grad():
            states = h.clone().requires_grad_(True)
            outputs = states[None]
            if config.bidirectional:
                with torch.no_grad():
                    backward = _run_fused(_layer(model, config.num_layers - 1, "_reverse"), below[None].flip(1))
                outputs = torch.cat([outputs, backward.flip(1)], -1)
            logit = model.head(model.pool(outputs, torch.tensor([len(ids)]))).squeeze(-1)
            loss = F.binary_cross_entropy_with_logits(logit, torch.tensor([float(label)]))
            direct = torch.autograd.grad(loss, states)[0].numpy()
    grad_h, grad_x = _backward_through_time(top, below, h, c, direct)
    return _decay(name or config.cell, config.cell, target, grad_h, grad_x)


def random_ids(steps: int, vocab_size: int, seed: int = 0) -> np.ndarray:
    """(steps,) word ids drawn uniformly from the vocabulary (special ids excluded)."""
    steps = check_steps(steps)
    return np.random.default_rng(seed).integers(FIRST_WORD_ID, vocab_size, size=steps)


def fresh_model(config: ModelConfig, seed: int = 0) -> RNNClassifier:
    """A freshly initialised (untrained) model of the given size, in eval mode, frozen."""
    generator_state = torch.random.get_rng_state()
    try:
        torch.manual_seed(seed)
        model = RNNClassifier(config).eval()
    finally:
        torch.random.set_rng_state(generator_state)
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return model


def pick_per_cell(infos: list) -> dict[str, object]:
    """One checkpoint per cell type (``CheckpointInfo``-like: ``.cell``, ``.config``, ``.metrics``).

    Prefers one-direction, one-layer models (whose hidden state is the course's h_t), then the best
    test accuracy, then the first listed (shipped ones come first).
    """
    picked: dict[str, tuple] = {}
    for order, info in enumerate(infos):
        cell = info.cell
        if cell not in CELLS:
            continue
        accuracy = info.metrics.get("test_accuracy")
        accuracy = accuracy if isinstance(accuracy, (int, float)) and math.isfinite(accuracy) else -1.0
        rank = (bool(info.config.get("bidirectional")), int(info.config.get("num_layers") or 1) > 1,
                -accuracy, order)
        if cell not in picked or rank < picked[cell][0]:
            picked[cell] = (rank, info)
    return {cell: picked[cell][1] for cell in CELLS if cell in picked}


# ---------------------------------------------------------------------------------------- spectral lab
def spectral_radius(matrix: torch.Tensor | np.ndarray) -> float:
    """The largest |eigenvalue| of a square matrix."""
    values = np.linalg.eigvals(np.asarray(matrix, dtype=np.float64))
    return float(np.abs(values).max())


def scaled_recurrent_matrix(hidden: int, radius: float, seed: int = 0) -> torch.Tensor:
    """(hidden, hidden) float32 random matrix (Gaussian, variance 1/hidden) rescaled so that its
    spectral radius is ``radius``."""
    if not math.isfinite(radius) or radius <= 0:
        raise ValueError(f"the spectral radius must be a positive number, got {radius!r}")
    generator = torch.Generator().manual_seed(seed)
    w = torch.randn(hidden, hidden, generator=generator, dtype=torch.float64) / math.sqrt(hidden)
    return (w * (radius / spectral_radius(w))).float()


def spectral_lab(radius: float, steps: int = MAX_STEPS, cell: str = "rnn", hidden: int = 64,
                 input_scale: float = 1.0, seed: int = 0) -> GradientDecay:
    """A vanilla RNN ``h_t = tanh(W_hh h_{t-1} + W_ih x_t)`` (or without tanh: cell="linear") whose
    W_hh has spectral radius ``radius``, read over ``steps`` random inputs (Gaussian, times
    ``input_scale``); the decay of d||h_T||/dh_t, in float32.
    """
    if cell not in SPECTRAL_CELLS:
        raise ValueError(f"cell must be one of {SPECTRAL_CELLS}, got {cell!r}")
    steps = check_steps(steps)
    generator = torch.Generator().manual_seed(seed + 1)
    w_ih = torch.randn(hidden, hidden, generator=generator) / math.sqrt(hidden)
    x = torch.randn(steps, hidden, generator=generator) * input_scale
    zeros = torch.zeros(hidden)
    layer = _Layer(cell, w_ih, scaled_recurrent_matrix(hidden, radius, seed), zeros, zeros)
    h, _ = _run_layer(layer, x)
    direct = np.zeros(h.shape, np.float32)
    direct[-1] = _state_direction(h[-1])
    grad_h, grad_x = _backward_through_time(layer, x, h, None, direct)
    return _decay(f"rho={radius:g}", cell, "state", grad_h, grad_x)


# ---------------------------------------------------------------------------------------- saliency
@dataclass(frozen=True)
class Saliency:
    """Which words push the prediction, by "gradient x input" on the word vectors.

    tokens: (T,) the words; contribution: (T,) float64, sum_i x_i * dlogit/dx_i for each word vector x
        (> 0 pushes towards "positive", < 0 towards "negative"); magnitude: (T,) ||x * dlogit/dx||
    """

    label: str
    tokens: tuple[str, ...]
    contribution: np.ndarray
    magnitude: np.ndarray
    probability: float


def saliency(model: RNNClassifier, ids: torch.Tensor | list[int], tokens: list[str] | tuple[str, ...],
             name: str = "") -> Saliency:
    """Per-word gradient x input of the logit for one review. ids: (T,), tokens: (T,) matching words."""
    ids = torch.as_tensor(ids, dtype=torch.long).reshape(-1)
    check_steps(len(ids), limit=10 * MAX_STEPS)
    if len(tokens) != len(ids):
        raise ValueError(f"{len(tokens)} tokens for {len(ids)} ids")
    with torch.enable_grad():
        vectors = model.embedding(ids)[None].detach().requires_grad_(True)
        logit = logit_from_vectors(model, vectors)
        grad = torch.autograd.grad(logit.sum(), vectors)[0]
    product = (grad * vectors.detach())[0].double()
    return Saliency(name or model.config.cell, tuple(tokens), product.sum(-1).numpy(),
                    product.norm(dim=-1).numpy(), float(torch.sigmoid(logit.detach()).item()))
