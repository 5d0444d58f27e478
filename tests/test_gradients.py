"""rnnviz.gradients: checked against brute force (hand-unrolled autograd, explicit Jacobian products,
float64 finite differences) on small cases, plus the float32 limits and the speed of 1,000 steps."""

from __future__ import annotations

import time
import warnings
from types import SimpleNamespace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from rnnviz import gradients as G
from rnnviz.recurrence import cell_step
from rnnviz.models import ModelConfig

SMALL = dict(vocab_size=50, embedding_dim=5, hidden_size=4)
SHAPES = {"plain": {}, "bi_mean_max": {"bidirectional": True, "pooling": "mean_max"}, "two_layers": {"num_layers": 2},
          "mean": {"pooling": "mean"}}


def small_model(cell: str, seed: int = 1, **extra):
    return G.fresh_model(ModelConfig(cell=cell, **SMALL, **extra), seed)


def unrolled_reference(model, ids, target: str, label: int = 1):
    """Every ||dL/dh_t|| and ||dL/dx_t|| by plain autograd on the network unrolled one step at a time,
    in float64 (latest step first)."""
    model = model.double()
    try:
        config = model.config
        with torch.no_grad():
            below = G._lower_layers(model, model.embedding(torch.as_tensor(ids))[None], config.num_layers - 1)[0]
        below = below.clone().requires_grad_(True)
        layer = G._layer(model, config.num_layers - 1)
        h = torch.zeros(layer.hidden, dtype=torch.float64)
        c = torch.zeros(layer.hidden, dtype=torch.float64)
        states = []
        for t in range(below.shape[0]):
            gi = F.linear(below[t], layer.w_ih, layer.b_ih)
            gh = F.linear(h, layer.w_hh, layer.b_hh)
            step = cell_step(config.cell, gi, gh, h, c)
            h, c_new = step.h, step.c
            c = c_new if c_new is not None else c
            states.append(h)
        if target == "state":
            loss = states[-1].norm()
        else:
            outputs = torch.stack(states)[None]
            if config.bidirectional:
                backward = G._run_fused(G._layer(model, config.num_layers - 1, "_reverse"), below[None].detach().flip(1))
                outputs = torch.cat([outputs, backward.flip(1)], -1)
            logit = model.head(model.pool(outputs, torch.tensor([len(ids)]))).squeeze(-1)
            loss = F.binary_cross_entropy_with_logits(logit, torch.tensor([float(label)], dtype=torch.float64))
        grads = torch.autograd.grad(loss, states + [below])
        state_norms = np.array([float(g.norm()) for g in grads[:-1]])[::-1]
        input_norms = grads[-1].norm(dim=1).numpy()[::-1]
        return state_norms, input_norms
    finally:
        model.float()


# ------------------------------------------------------------------------------------ theory, lengths
def test_product_curve_gives_the_course_numbers():
    up, down = G.product_curve(1.01), G.product_curve(0.99)
    assert up.values.shape == (1001,) and up.steps[-1] == 1000
    assert up.values[-1] == pytest.approx(20959.16, rel=1e-5)
    assert down.values[-1] == pytest.approx(4.317e-5, rel=1e-3)
    assert np.isfinite(G.product_curve(1.5).values).all()  # float64 holds 1.5^1000 = 1.2e176
    for bad in (0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            G.product_curve(bad)


def test_lengths_are_checked_and_capped():
    for bad in (0, -3, 1001, 2.5, True):
        with pytest.raises(ValueError):
            G.check_steps(bad)
    assert G.check_steps(1) == 1 and G.check_steps(1000) == 1000
    assert G.cap_steps(10**9) == (1000, True) and G.cap_steps(12) == (12, False)
    with pytest.raises(ValueError):
        G.measure_decay(small_model("rnn"), [])
    with pytest.raises(ValueError):
        G.measure_decay(small_model("rnn"), np.ones(1001, dtype=int))


def test_random_ids_are_words_and_reproducible():
    ids = G.random_ids(500, 50, seed=3)
    assert ids.shape == (500,) and ids.min() >= 3 and ids.max() < 50
    assert (ids == G.random_ids(500, 50, seed=3)).all() and not (ids == G.random_ids(500, 50, seed=4)).all()


# ------------------------------------------------------------------------------------ measured decay
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("target", ["state", "loss"])
def test_measure_decay_matches_unrolled_autograd(cell, shape, target):
    model = small_model(cell, **SHAPES[shape])
    ids = G.random_ids(12, 50, seed=5)
    decay = G.measure_decay(model, ids, target, label=0)
    state_norms, input_norms = unrolled_reference(model, ids, target, label=0)
    assert decay.distance.tolist() == list(range(12)) and decay.steps == 12
    np.testing.assert_allclose(decay.state_norm, state_norms, rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(decay.input_norm, input_norms, rtol=1e-4, atol=1e-9)
    assert decay.relative[0] == pytest.approx(1.0)
    if target == "state":
        assert decay.state_norm[0] == pytest.approx(1.0, rel=1e-5)  # d||h||/dh is a unit vector


def test_rnn_decay_equals_the_explicit_jacobian_product():
    """Vanilla RNN: dL/dh_(t-1) = W_hh^T diag(1 - h_t^2) dL/dh_t, written out by hand in float64."""
    model = small_model("rnn", seed=7)
    ids = G.random_ids(20, 50, seed=1)
    decay = G.measure_decay(model, ids, "state")
    rnn = model.rnn
    x = model.embedding(torch.as_tensor(ids)).double()
    w_ih, w_hh = rnn.weight_ih_l0.double(), rnn.weight_hh_l0.double()
    bias = (rnn.bias_ih_l0 + rnn.bias_hh_l0).double()
    h, states = torch.zeros(4, dtype=torch.float64), []
    for t in range(len(ids)):
        h = torch.tanh(w_ih @ x[t] + w_hh @ h + bias)
        states.append(h)
    g = states[-1] / states[-1].norm()
    expected = []
    for t in range(len(ids) - 1, -1, -1):
        expected.append(float(g.norm()))
        g = w_hh.T @ ((1 - states[t] ** 2) * g)
    np.testing.assert_allclose(decay.state_norm, expected, rtol=1e-4)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_input_gradient_matches_finite_differences(cell):
    """dL/dx_t in float64 by central differences on the word vectors, L = ||h_T||, one layer."""
    model = small_model(cell, seed=2)
    ids = G.random_ids(8, 50, seed=2)
    decay = G.measure_decay(model, ids, "state")
    model = model.double()
    try:
        x = model.embedding(torch.as_tensor(ids)).detach()

        def loss(vectors):
            return float(model.rnn(vectors[None])[0][0, -1].norm())

        fd = np.zeros(x.shape)
        eps = 1e-6
        for t in range(x.shape[0]):
            for i in range(x.shape[1]):
                up, down = x.clone(), x.clone()
                up[t, i] += eps
                down[t, i] -= eps
                fd[t, i] = (loss(up) - loss(down)) / (2 * eps)
    finally:
        model.float()
    np.testing.assert_allclose(decay.input_norm, np.linalg.norm(fd, axis=1)[::-1], rtol=1e-4, atol=1e-8)


def test_gates_keep_the_gradient_longer_than_a_vanilla_rnn_on_average():
    """Not a law for every seed, but clear on average: fresh models, 300 random words."""
    ids = G.random_ids(300, 10_000, seed=0)
    late = {}
    for cell in ("rnn", "lstm", "gru"):
        model = G.fresh_model(ModelConfig(cell=cell, vocab_size=10_000, embedding_dim=32, hidden_size=64), 0)
        late[cell] = G.measure_decay(model, ids, "state").relative[50]
    assert late["rnn"] < late["gru"]


def test_thousand_steps_three_cells_is_fast():
    """The brief: <= 1 s of server time for the three cells (here with one torch thread, CPU time)."""
    models = [G.fresh_model(ModelConfig(cell=cell, vocab_size=20_000, embedding_dim=64, hidden_size=96), 0)
              for cell in ("rnn", "lstm", "gru")]
    ids = G.random_ids(1000, 20_000, seed=0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        for model in models:  # warm-up
            G.measure_decay(model, ids[:20])
        cpu, wall = time.process_time(), time.perf_counter()
        decays = [G.measure_decay(model, ids, "loss") for model in models]
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        torch.set_num_threads(threads)
    print(f"1,000 steps x 3 cells: {cpu * 1000:.0f} ms CPU, {wall * 1000:.0f} ms wall")
    assert all(d.steps == 1000 for d in decays)
    assert cpu < 1.0, f"{cpu:.2f} s of CPU time"


# ------------------------------------------------------------------------------------ spectral lab
@pytest.mark.parametrize("radius", [0.5, 0.9, 1.0, 1.37, 1.5])
def test_scaled_matrix_has_the_requested_spectral_radius(radius):
    w = G.scaled_recurrent_matrix(64, radius, seed=3)
    assert w.shape == (64, 64) and w.dtype == torch.float32
    assert G.spectral_radius(w) == pytest.approx(radius, rel=1e-5)
    assert float(torch.linalg.eigvals(w.double()).abs().max()) == pytest.approx(radius, rel=1e-5)


@pytest.mark.parametrize("radius", [0.8, 0.95, 1.05, 1.2])
def test_linear_rnn_gradient_grows_like_radius_to_the_k(radius):
    decay = G.spectral_lab(radius, 400, "linear")
    k = 300
    rate = decay.relative[k] ** (1 / k)
    assert rate == pytest.approx(radius, rel=0.03)


def test_float32_limits_are_marked_not_raised():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exploding = G.spectral_lab(1.5, 1000, "linear")
        vanishing = G.spectral_lab(0.5, 1000, "linear")
        tanh = G.spectral_lab(1.5, 1000, "rnn", input_scale=1.0)
    assert exploding.first_overflow is not None and 150 < exploding.first_overflow < 300
    assert not np.isfinite(exploding.state_norm[exploding.first_overflow:]).any()
    assert np.isfinite(exploding.state_norm[:exploding.first_overflow]).all() and not exploding.finite
    assert vanishing.first_overflow is None and vanishing.first_underflow is not None
    assert vanishing.first_below_eps < vanishing.first_underflow
    assert (vanishing.state_norm[vanishing.first_underflow:] == 0).all()
    assert vanishing.state_norm[vanishing.first_below_eps] < G.FLOAT32_EPS * vanishing.state_norm[0]
    assert tanh.finite  # saturated tanh: no explosion even at radius 1.5
    with pytest.raises(ValueError):
        G.spectral_lab(1.0, 0)
    with pytest.raises(ValueError):
        G.spectral_lab(1.0, 10, "lstm")
    with pytest.raises(ValueError):
        G.scaled_recurrent_matrix(8, 0.0)


# ------------------------------------------------------------------------------------ saliency
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_logit_from_vectors_is_the_models_forward(cell, shape):
    model = small_model(cell, **SHAPES[shape])
    ids = torch.as_tensor(G.random_ids(9, 50, seed=4))
    expected = model(ids[None], torch.tensor([9]))
    assert torch.allclose(G.logit_from_vectors(model, model.embedding(ids)[None]), expected, atol=1e-6)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_saliency_is_gradient_times_input(cell):
    model = small_model(cell, bidirectional=True, pooling="mean")
    ids = G.random_ids(6, 50, seed=6)
    tokens = [f"w{i}" for i in range(6)]
    result = G.saliency(model, ids, tokens, name="m")
    assert result.tokens == tuple(tokens) and result.contribution.shape == (6,) and result.magnitude.shape == (6,)
    assert result.probability == pytest.approx(float(model.predict_proba(torch.as_tensor(ids)[None],
                                                                         torch.tensor([6]))[0]), abs=1e-6)
    model = model.double()
    try:
        x = model.embedding(torch.as_tensor(ids)).detach()[None]
        eps = 1e-6
        for t in range(6):
            # d logit / d(scale of word t's vector) at scale 1 = x_t . dlogit/dx_t = the contribution
            up, down = x.clone(), x.clone()
            up[0, t] *= 1 + eps
            down[0, t] *= 1 - eps
            fd = (float(G.logit_from_vectors(model, up)) - float(G.logit_from_vectors(model, down))) / (2 * eps)
            assert result.contribution[t] == pytest.approx(fd, rel=1e-4, abs=1e-7)
    finally:
        model.float()
    with pytest.raises(ValueError):
        G.saliency(model, ids, tokens[:-1])


def test_pick_per_cell_prefers_one_direction_then_accuracy():
    def info(name, cell, acc, bidirectional=False, layers=1):
        return SimpleNamespace(name=name, cell=cell, metrics={"test_accuracy": acc},
                               config={"bidirectional": bidirectional, "num_layers": layers})

    picked = G.pick_per_cell([info("bigru", "gru", 0.9, True), info("gru", "gru", 0.8), info("gru2", "gru", 0.85),
                              info("lstm", "lstm", None), info("odd", "transformer", 1.0)])
    assert {cell: i.name for cell, i in picked.items()} == {"lstm": "lstm", "gru": "gru2"}
    assert G.pick_per_cell([]) == {}
