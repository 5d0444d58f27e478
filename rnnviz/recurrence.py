"""One step of each recurrent cell, and one direction of one layer: the equations, written once.

PyTorch's equations and gate order, for ``nn.RNN`` (tanh), ``nn.LSTM`` (i, f, g, o) and ``nn.GRU``
(r, z, n). The model runs whole sequences with torch's own kernels (:func:`run_direction`); the probes
and the gradient lab unroll them step by step (:func:`cell_step`) to show what happens inside, and
their tests check both against ``nn.LSTM`` / ``nn.GRU`` with ``torch.allclose``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

# name -> the gates cell_step reports for it (in torch's order), "c" being the LSTM's cell state
GATE_NAMES = {"lstm": ("i", "f", "g", "o", "c"), "gru": ("r", "z", "n")}
# Each direction's weights in nn.RNN / nn.LSTM / nn.GRU: weight_ih_l{layer}{suffix}, ...
WEIGHT_NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
_KERNELS = {"rnn": torch.rnn_tanh, "lstm": torch.lstm, "gru": torch.gru}


@dataclass(frozen=True)
class CellStep:
    """h: (..., H) the new hidden state; c: (..., H) the LSTM's cell state (None otherwise);
    gates: name -> (..., H) after their activation (see ``GATE_NAMES``; empty for a plain RNN)."""

    h: torch.Tensor
    c: torch.Tensor | None
    gates: dict


def cell_step(cell: str, gi: torch.Tensor, gh: torch.Tensor, h_prev: torch.Tensor,
              c_prev: torch.Tensor | None = None) -> CellStep:
    """One step of ``cell`` from its pre-activations.

    gi: (..., K*H) input part ``x_t W_ih^T + b_ih``; gh: (..., K*H) recurrent part ``h_{t-1} W_hh^T + b_hh``
    (K = 1 for "rnn" and "linear", 4 for "lstm", 3 for "gru"); h_prev, c_prev: (..., H).

    - rnn: h = tanh(gi + gh); "linear" (the gradient lab's RNN without activation): h = gi + gh
    - lstm: i, f, o = sigmoid(.), g = tanh(.), c = f c_prev + i g, h = o tanh(c)
    - gru: r, z = sigmoid(.), n = tanh(gi_n + r gh_n), h = (1 - z) n + z h_prev
    """
    if cell == "rnn":
        return CellStep(torch.tanh(gi + gh), None, {})
    if cell == "linear":
        return CellStep(gi + gh, None, {})
    if cell == "lstm":
        i, f, g, o = (gi + gh).chunk(4, -1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c_prev + i * g
        return CellStep(o * torch.tanh(c), c, {"i": i, "f": f, "g": g, "o": o, "c": c})
    if cell == "gru":
        x_r, x_z, x_n = gi.chunk(3, -1)
        h_r, h_z, h_n = gh.chunk(3, -1)
        r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + r * h_n)
        return CellStep((1 - z) * n + z * h_prev, None, {"r": r, "z": z, "n": n})
    raise ValueError(f"unknown cell {cell!r}")


def direction_weights(rnn: torch.nn.Module, layer: int, suffix: str = "") -> list[torch.Tensor]:
    """[w_ih (K*H, E), w_hh (K*H, H), b_ih (K*H,), b_hh (K*H,)] of one direction ("" or "_reverse")."""
    return [getattr(rnn, f"{name}_l{layer}{suffix}") for name in WEIGHT_NAMES]


def run_direction(cell: str, x: torch.Tensor, weights: list[torch.Tensor], training: bool = False) -> torch.Tensor:
    """One direction of one layer over whole sequences, with torch's own kernel (differentiable).

    x: (B, T, E) without padding inside (or padding only after what is read); weights: see
    :func:`direction_weights`; starts from zero states. returns: (B, T, H) the hidden state at every step.
    """
    h0 = x.new_zeros(1, x.shape[0], weights[1].shape[1])
    hidden = (h0, h0) if cell == "lstm" else h0
    # torch.lstm's positional arguments: input, hx, params, has_biases, num_layers, dropout, train,
    # bidirectional, batch_first
    return _KERNELS[cell](x, hidden, weights, True, 1, 0.0, training, False, True)[0]


__all__ = ["CellStep", "GATE_NAMES", "WEIGHT_NAMES", "cell_step", "direction_weights", "run_direction"]
