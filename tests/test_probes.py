"""rnnviz.probes against torch's own modules: every hand-made number must equal torch's."""

import numpy as np
import pytest
import torch
import torch.nn as nn

from rnnviz import embedding_probes, lessons, probes
from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.tokenizer import Tokenizer

ATOL = 1e-5
WORDS = ["the", "movie", "was", "not", "bad", "at", "all", "but", "boring", "good", "great", "awful"]


def make_model(seed=0, **overrides) -> RNNClassifier:
    torch.manual_seed(seed)
    config = dict(cell="lstm", vocab_size=40, embedding_dim=6, hidden_size=5, max_len=50)
    config.update(overrides)
    return RNNClassifier(ModelConfig(**config)).eval()


@pytest.fixture(scope="module")
def tokenizer():
    return Tokenizer(WORDS, vocab_size=40)


def review_ids(length=9, seed=1):
    generator = torch.Generator().manual_seed(seed)
    return torch.cat([torch.tensor([1]), torch.randint(3, 40, (length - 1,), generator=generator)])


KINDS = [dict(cell="rnn"), dict(cell="lstm"), dict(cell="gru"), dict(cell="gru", bidirectional=True),
         dict(cell="lstm", num_layers=2), dict(cell="lstm", bidirectional=True, num_layers=2),
         dict(cell="gru", pooling="mean"), dict(cell="rnn", pooling="mean_max"),
         dict(cell="gru", bidirectional=True, pooling="max")]


@pytest.mark.parametrize("overrides", KINDS, ids=lambda o: "-".join(f"{v}" for v in o.values()))
def test_hidden_states_match_the_model(overrides):
    model = make_model(**overrides)
    ids = review_ids()
    reading = probes.hidden_states(model, ids)
    hidden = model.config.hidden_size
    states, _ = model.sequence_outputs(ids[None], torch.tensor([len(ids)]))
    assert reading.forward.shape == (len(ids), hidden)
    assert np.allclose(reading.states, states[0].detach().numpy(), atol=ATOL)
    expected = float(model.predict_proba(ids[None], torch.tensor([len(ids)])))
    assert reading.prob == pytest.approx(expected, abs=ATOL)
    assert reading.prob_by_step[-1] == pytest.approx(expected, abs=ATOL)
    # "as it reads" = the model's own prediction on every prefix (exact for one direction; on request for two)
    prefixes = [float(model.predict_proba(ids[None, : t + 1], torch.tensor([t + 1]))) for t in range(len(ids))]
    assert np.allclose(probes.prefix_probabilities(model, ids), prefixes, atol=ATOL)
    if model.config.bidirectional:
        assert np.allclose(probes.hidden_states(model, ids, exact_prefixes=True).prob_by_step, prefixes, atol=ATOL)
        # forward-prefix reading: the forward half on 0..t plus the backward half of the whole review
        halves = lessons.bidirectional_halves(model, ids)
        assert not np.allclose(reading.prob_by_step, prefixes, atol=1e-3)
        assert halves.logit == pytest.approx(reading.logit, abs=ATOL)
        if model.config.pooling == "last":
            w, bias = model.head.weight[0].detach().numpy(), float(model.head.bias.detach())
            manual = 1 / (1 + np.exp(-(reading.forward @ w[:5] + reading.final_backward @ w[5:] + bias)))
            assert np.allclose(reading.prob_by_step, manual, atol=ATOL)
    else:
        assert np.allclose(reading.prob_by_step, prefixes, atol=ATOL)
    if model.config.bidirectional:
        assert reading.backward.shape == (len(ids), hidden)
        assert np.allclose(reading.final_backward, reading.backward[0])
    else:
        assert reading.backward is None and reading.final_backward is None
    # torch's own module agrees on unpadded input
    out = model.rnn(model.embedding(ids)[None])[0][0]
    assert np.allclose(reading.states, out.detach().numpy(), atol=ATOL)


def test_hidden_states_one_token_and_no_hooks():
    model = make_model()
    reading = probes.hidden_states(model, [1])
    assert reading.forward.shape == (1, 5) and reading.prob_by_step.shape == (1,)
    assert not model.rnn._forward_hooks and not model._forward_hooks
    with pytest.raises(ValueError):
        probes.hidden_states(model, [])


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("layer,bidirectional", [(0, False), (0, True), (1, True)])
def test_gates_unrolled_by_hand_equal_torch(cell, layer, bidirectional):
    model = make_model(cell=cell, num_layers=2, bidirectional=bidirectional)
    ids = review_ids(12)
    x = model.embedding(ids)[None]
    directions = ["forward", "backward"] if bidirectional else ["forward"]
    # torch's module, one layer at a time, with the same weights
    lower = x
    if layer:  # layer 1's input: layer 0's output, from a one-layer torch module with layer 0's weights
        first = type(model.rnn)(6, 5, batch_first=True, bidirectional=bidirectional)
        first.load_state_dict({k: v for k, v in model.rnn.state_dict().items() if "_l0" in k})
        lower = first(x)[0]
    single = type(model.rnn)(lower.shape[-1], 5, batch_first=True, bidirectional=bidirectional)
    single.load_state_dict({k.replace(f"_l{layer}", "_l0"): v for k, v in model.rnn.state_dict().items()
                            if f"_l{layer}" in k})
    out, h_n = single(lower)
    for d, direction in enumerate(directions):
        result = probes.gates(model, ids, layer=layer, direction=direction)
        torch_h = out[0, :, d * 5:(d + 1) * 5].detach().numpy()
        assert np.allclose(result.hidden, torch_h, atol=ATOL)
        assert set(result.values) == set(probes.GATE_NAMES[cell])
        assert all(v.shape == (12, 5) for v in result.values.values())
        if cell == "lstm":
            c_n = h_n[1][d, 0].detach().numpy()
            last = -1 if direction == "forward" else 0  # reading order: backward ends at token 0
            assert np.allclose(result.values["c"][last], c_n, atol=ATOL)
        sigmoid = ("i", "f", "o") if cell == "lstm" else ("r", "z")
        assert all(0 <= result.values[g].min() and result.values[g].max() <= 1 for g in sigmoid)


def test_gates_refuse_a_plain_rnn_and_missing_directions():
    with pytest.raises(ValueError):
        probes.gates(make_model(cell="rnn"), [1, 4])
    with pytest.raises(ValueError):
        probes.gates(make_model(cell="gru"), [1, 4], direction="backward")


def test_rnn_cell_loop_equals_nn_rnn():
    torch.manual_seed(0)
    rnn = nn.RNN(7, 11, batch_first=True)
    loop = lessons.rnn_cell_loop(rnn, torch.randn(5, 10, 7))
    assert loop.by_hand.shape == loop.by_cell.shape == loop.by_module.shape == (5, 10, 11)
    assert loop.max_diff_hand < ATOL and loop.max_diff_cell < ATOL and loop.max_diff_h_n == 0.0
    with pytest.raises(ValueError):
        lessons.rnn_cell_loop(nn.RNN(7, 11, batch_first=True, bidirectional=True), torch.randn(1, 2, 7))
    a, b = lessons.course_rnn(3, 4, seed=1), lessons.course_rnn(3, 4, seed=1)
    assert torch.equal(a.weight_hh_l0, b.weight_hh_l0)


@pytest.mark.parametrize("overrides", [dict(cell="rnn"), dict(cell="lstm"), dict(cell="gru", bidirectional=True)])
def test_last_relevant_state(overrides):
    model = make_model(**overrides)
    ids = review_ids(10)
    lesson = lessons.last_state_lesson(model, [ids, ids[:6], ids[:2]])
    assert list(lesson.lengths) == [10, 6, 2]
    assert np.allclose(lesson.gathered, lesson.alone, atol=ATOL)
    assert lesson.error_gathered.max() < ATOL
    assert lesson.error_last[0] < ATOL and lesson.error_last[1:].min() > 1e-4  # padding moved the state
    assert lesson.h_n_diff == 0.0
    reading = probes.hidden_states(model, ids)
    given = lessons.last_state_lesson(model, [ids, ids[:6], ids[:2]], alone=reading.forward[[9, 5, 1]])
    assert np.allclose(given.alone, lesson.alone, atol=ATOL)
    if not model.config.bidirectional:
        assert np.allclose(lesson.prob_gathered, lesson.prob_alone, atol=ATOL)
    else:
        assert lesson.prob_last is None


@pytest.mark.parametrize("overrides", [dict(cell="gru", bidirectional=True), dict(cell="lstm"),
                                       dict(cell="gru", bidirectional=True, pooling="mean_max")])
def test_bidirectional_halves_sum_to_the_logit(overrides):
    model = make_model(**overrides)
    ids = review_ids()
    halves = lessons.bidirectional_halves(model, ids)
    logit = float(model(ids[None], torch.tensor([len(ids)])).detach())
    assert halves.logit == pytest.approx(logit, abs=ATOL)
    given = lessons.bidirectional_halves(model, ids, probes.hidden_states(model, ids).features)
    assert given.logit == pytest.approx(logit, abs=ATOL) and given.forward == pytest.approx(halves.forward, abs=ATOL)
    assert halves.out_width == 5 * model.config.directions
    if not model.config.bidirectional:
        assert halves.backward == 0.0
    else:
        assert (halves.direction_of == 1).sum() == len(halves.features) // 2


def test_task_shapes():
    model = make_model(cell="gru")
    ids = review_ids(12)
    shapes = lessons.task_shapes(model, ids, steps=8)
    assert [s.name for s in shapes] == list(lessons.TASK_SHAPES)
    by_name = {s.name: s for s in shapes}
    assert by_name["many_to_one"].outputs == (7,) and len(by_name["many_to_many"].values) == 8
    assert by_name["one_to_one"].inputs == (0,) and len(by_name["one_to_many"].values) == 8
    single = lessons.task_shapes(model, [1])
    assert all(len(s.values) == len(s.outputs) == 1 for s in single)


def test_unit_views():
    model = make_model(cell="gru", bidirectional=True)
    reading = probes.hidden_states(model, review_ids())
    reaction = probes.reacting_units(reading, 3, k=4)
    deltas = probes.state_deltas(reading)
    assert deltas.shape == reading.states.shape == (9, 10)
    assert np.abs(reaction.delta)[0] == pytest.approx(np.abs(deltas[3]).max())
    assert np.allclose(reaction.activation, reading.states[3, reaction.units])
    assert np.allclose(probes.unit_activation(reading, 7), reading.backward[:, 2])
    assert probes.reacting_units(reading, 99, k=3).position == 8


def test_encode_review_truncates_and_handles_edge_cases(tokenizer):
    review = probes.encode_review(tokenizer, "movie " * 5_000, max_len=200)
    assert len(review.ids) == 200 and review.truncated and review.total == 5_001
    assert probes.encode_review(tokenizer, "movie " * 5_000, max_len=2_000).cap == probes.DISPLAY_CAP
    empty = probes.encode_review(tokenizer, "", max_len=200)
    assert list(empty.ids) == [1] and empty.known_words == 0
    unknown = probes.encode_review(tokenizer, "zzz qqq", max_len=200)
    assert list(unknown.ids) == [1, 2, 2] and unknown.is_oov == (False, True, True) and unknown.known_words == 0
    model = make_model()
    assert probes.hidden_states(model, unknown.ids).forward.shape == (3, 5)


def test_embedding_lessons(tokenizer):
    model = make_model()
    found = embedding_probes.lookup(model, tokenizer, ["movie", "zzz"])
    assert list(found.ids) == [4, 2]
    assert np.allclose(found.vectors, model.embedding.weight[[4, 2]].detach().numpy())
    lesson = embedding_probes.from_pretrained_lesson()
    assert lesson.outputs.tolist() == [[2, 2, 2], [4, 4, 4]]
    frozen, free = embedding_probes.freeze_step(True), embedding_probes.freeze_step(False)
    assert not frozen.requires_grad and np.array_equal(frozen.before, frozen.after) and frozen.change.max() == 0
    assert free.requires_grad and free.change[[1, 2, 3, 4]].min() > 0 and free.change[0] == 0  # row 0 unused
    assert frozen.head_change > 0 and free.head_change > 0


def test_pca_matches_torch_svd():
    x = np.random.default_rng(0).normal(size=(50, 6))
    coords, ratio = embedding_probes.pca(x, 3)
    centred = torch.tensor(x - x.mean(0))
    _, s, _ = torch.linalg.svd(centred, full_matrices=False)
    assert np.allclose(np.abs(coords).sum(0), np.abs(centred.numpy() @ np.linalg.svd(centred.numpy())[2][:3].T).sum(0))
    assert np.allclose(ratio, (s[:3] ** 2 / (s ** 2).sum()).numpy())
    assert embedding_probes.pca(np.zeros((4, 2)), 3)[0].shape == (4, 3)


def test_embedding_space_polarity_neighbours_axis(tokenizer):
    model = make_model(cell="gru")
    space = embedding_probes.embedding_space(model, tokenizer, 10)
    assert space.words[:2] == ("the", "movie") and space.coords.shape == (10, 3)
    one_word = float(model.predict_proba(torch.tensor([[1, 5]]), torch.tensor([2])))
    assert space.polarity[2] == pytest.approx(one_word, abs=ATOL)
    near = embedding_probes.nearest_neighbours(model, tokenizer, " Good ", k=3)
    weight = torch.nn.functional.normalize(model.embedding.weight.detach(), dim=1)
    cosine = float(weight[tokenizer.id_of("good")] @ weight[near.ids[0]])
    assert near.word == "good" and near.similarity[0] == pytest.approx(cosine, abs=ATOL)
    assert np.all(np.diff(near.similarity) <= 0) and np.allclose(near.distance, 1 - near.similarity)
    assert embedding_probes.nearest_neighbours(model, tokenizer, "zzz") is None
    ids = [tokenizer.id_of(w) for w in ("bad", "good", "movie")]
    axis = embedding_probes.semantic_axis(model, tokenizer, "bad", "good", ids)
    assert axis[:2] == pytest.approx([-1.0, 1.0], abs=1e-9)
    assert embedding_probes.semantic_axis(model, tokenizer, "bad", "bad", ids) is None


def test_compare_spaces(tokenizer):
    a, b = make_model(cell="gru"), make_model(seed=3, cell="lstm")
    same = embedding_probes.compare_spaces(a, tokenizer, a, tokenizer, count=12, k=3)
    assert same.mean_overlap == 1.0 and same.correlation == pytest.approx(1.0)
    other = embedding_probes.compare_spaces(a, tokenizer, b, Tokenizer(WORDS[::-1], vocab_size=40), count=12, k=3)
    assert len(other.words) == 12 and 0 <= other.mean_overlap <= 1


def test_probe_review_on_real_checkpoints(tmp_path):
    from model_fixtures import make_checkpoints
    from rnnviz.checkpoints import load_checkpoint

    for path in make_checkpoints(tmp_path, vocab_size=300, hidden_size=8):
        checkpoint = load_checkpoint(path)
        if not checkpoint.config.recurrent:
            with pytest.raises(ValueError, match="bag of words"):
                lessons.probe_review(checkpoint, "good")
            continue
        for text in ["This movie is not bad at all. zzzqx", "", "good " * 300]:
            probe = lessons.probe_review(checkpoint, text)
            assert probe.reading.prob == pytest.approx(float(checkpoint.predict(text)[0]), abs=ATOL)
            assert probe.trajectory.shape == (len(probe.review.ids), 3)
            assert (probe.gates is None) == (checkpoint.config.cell == "rnn")
            gated_bi = checkpoint.config.cell != "rnn" and checkpoint.config.bidirectional
            assert (probe.backward_gates is not None) == gated_bi
            if gated_bi:  # the backward gates rebuild the backward states torch computed
                assert np.allclose(probe.backward_gates.hidden, probe.reading.backward, atol=ATOL)
                assert np.allclose(probe.gates.hidden, probe.reading.forward, atol=ATOL)
            assert probe.loop.max_diff_hand < ATOL
        assert probe.review.truncated and len(probe.review.ids) == checkpoint.config.max_len


def test_every_chart_builder_makes_a_valid_figure():
    """The figure kit skips plotly's validation for speed: validate every figure here instead."""
    import plotly.graph_objects as go
    import plotly.io as pio

    from rnnviz.ui import embedding_charts as ec, probe_charts as pc

    model = make_model(cell="lstm", bidirectional=True)
    ids = review_ids(14)
    reading = probes.hidden_states(model, ids)
    tokens = ["<start>", "<b>bold</b>", "a&b"] + [f"w{i}" for i in range(11)]
    gates = probes.gates(model, ids)
    loop = lessons.rnn_cell_loop(lessons.course_rnn(6, 5), model.embedding(ids)[None].detach())
    last = lessons.last_state_lesson(model, [ids, ids[:5]])
    halves = lessons.bidirectional_halves(model, ids)
    reaction = probes.reacting_units(reading, 2)
    frozen, free = embedding_probes.freeze_step(True), embedding_probes.freeze_step(False)
    coords, explained = embedding_probes.pca(reading.states, 3)
    words = [f"w{i}" for i in range(14)]
    figures = [
        pc.states_heatmap(reading.states, tokens, 2),
        pc.states_heatmap(gates.values["f"], tokens, 1, "fr", "f", (0, 1)),
        pc.trajectory_figure(coords[:, :2], tokens, reading.prob_by_step, explained),
        pc.trajectory_figure(coords, tokens, reading.prob_by_step, explained, "fr"),
        pc.prob_lines({"a": (tokens, reading.prob_by_step), "b<i>": (tokens[:3], reading.prob_by_step[:3])}),
        pc.gate_means_figure(gates.mean(), tokens), pc.cell_loop_figure(loop.by_module, loop.by_hand, loop.by_cell),
        pc.last_state_figure(last.lengths, last.error_last, last.error_gathered),
        pc.halves_figure(halves.forward, halves.backward, halves.bias),
        pc.task_shapes_figure(lessons.task_shapes(model, ids), tokens),
        pc.word_colours(tokens, probes.unit_activation(reading, 1), "en", "u1", highlight=2),
        pc.reaction_figure([str(u) for u in reaction.units], reaction.delta, reaction.activation, "<b>"),
        ec.matrix_figure(frozen.before, ["0", "1", "2", "3", "4"], "m", highlight=[2, 4]),
        ec.freeze_figure(frozen.change, free.change),
        ec.space_figure(words, coords, reading.prob_by_step, explained),
        ec.space_figure(words, coords, reading.prob_by_step, explained, 3),
        ec.neighbours_figure("good", words[:5], np.linspace(0.9, 0.1, 5)),
        ec.axis_figure(words, coords[:, 0], reading.prob_by_step, "bad", "good"),
        ec.comparison_figure(words, reading.prob_by_step, reading.prob_by_step[::-1], np.linspace(0, 1, 14), "a", "b"),
    ]
    for figure in figures:
        validated = go.Figure(figure.to_dict())  # raises on any misspelt property
        assert validated.layout.title.text is not None and pio.to_json(figure, validate=False)
        spec = validated.to_dict()
        for axis in ("xaxis", "yaxis"):
            if axis in spec["layout"] and "showticklabels" not in spec["layout"][axis] \
                    and spec["layout"][axis].get("ticktext") is None:
                assert spec["layout"][axis].get("title", {}).get("text"), (axis, spec["layout"]["title"])
        assert "<b>bold</b>" not in pio.to_json(figure, validate=False)  # user words are escaped
