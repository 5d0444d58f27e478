"""Every piece of torch code the app shows beside a chart is real Python: it compiles, whatever was typed."""

import inspect

import pytest

from rnnviz.ui import snippets

# Sample arguments by parameter name, with the awkward values a user can type (quotes, backslashes, unicode).
ARGUMENTS = {
    "vocab_size": [10_000], "id_rows": [[[1, 5, 9], [1, 7]], []], "maxlen": [8, None],
    "padding": ["pre", "post"], "truncating": ["pre", "post"], "factor": [0.5], "radius": [0.9],
    "cell": ["rnn", "lstm", "gru"], "input_scale": [1.0], "target": ["first", "last"], "unit": [3],
    "position": [4], "words": [["good", "it's", 'say "hi"', "back\\slash", "été"]], "count": [500],
    "word": ["excellent", "it's", 'a"b', "\\", "été"], "negative": ["bad", "it's"], "positive": ["good", 'a"b'],
    "path_name": ["sst-lstm", "my 'model'"],
    "model_settings": [{"cell": "lstm", "vocab_size": 10_000, "embedding_dim": 32, "hidden_size": 64}],
    "train_settings": [{"optimizer": "adam", "lr": 0.001, "epochs": 3, "batch_size": 64}],
}
PUBLIC = [(name, function) for name, function in inspect.getmembers(snippets, inspect.isfunction)
          if not name.startswith("_") and function.__module__ == snippets.__name__]


def _calls(function):
    parameters = [p for p in inspect.signature(function).parameters.values() if p.default is inspect.Parameter.empty]
    if not parameters:
        yield {}
        return
    longest = max(len(ARGUMENTS[p.name]) for p in parameters)
    for i in range(longest):
        yield {p.name: ARGUMENTS[p.name][i % len(ARGUMENTS[p.name])] for p in parameters}


def test_every_snippet_is_covered():
    assert len(PUBLIC) >= 30
    for name, function in PUBLIC:
        missing = [p for p in inspect.signature(function).parameters
                   if p not in ARGUMENTS and inspect.signature(function).parameters[p].default is inspect.Parameter.empty]
        assert not missing, f"{name}: give sample values for {missing}"


@pytest.mark.parametrize("name, function", PUBLIC, ids=[name for name, _ in PUBLIC])
def test_the_snippet_compiles(name, function):
    for arguments in _calls(function):
        code = function(**arguments)
        assert isinstance(code, str) and code.strip()
        compile(code, f"<{name}>", "exec")


def test_the_prediction_snippet_gives_the_number_the_page_shows(monkeypatch):
    """Run the Prediction page's code as a student would, from the project's folder, on a shipped model."""
    from rnnviz.checkpoints import load_checkpoint, shipped_checkpoint_dir

    shipped = sorted(shipped_checkpoint_dir().glob("*.safetensors"))
    if not shipped:
        pytest.skip("no shipped checkpoint")
    monkeypatch.chdir(shipped_checkpoint_dir().parent)
    review = "This movie is not bad at all."
    namespace = {"review": review, "print": lambda *args, **kwargs: None}
    exec(compile(snippets.predict_code(f"{shipped[0].parent.name}/{shipped[0].name}"), "<predict>", "exec"), namespace)
    assert namespace["p"] == pytest.approx(load_checkpoint(shipped[0]).predict([review])[0], abs=1e-9)
    assert len(namespace["why"].words) == len(namespace["why"].contributions) > 3


def _shipped(name: str, monkeypatch):
    """The path of a shipped checkpoint, as a snippet names it from the project's folder (skip without it)."""
    from rnnviz.checkpoints import shipped_checkpoint_dir

    if not (shipped_checkpoint_dir() / f"{name}.safetensors").is_file():
        pytest.skip(f"no shipped {name}")
    monkeypatch.chdir(shipped_checkpoint_dir().parent)
    return f"checkpoints/{name}.safetensors"


def _run(code: str, name: str, **namespace) -> dict:
    namespace.setdefault("print", lambda *args, **kwargs: None)
    exec(compile(code, f"<{name}>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("model", ["sst-lstm", "sst-rnn"])
def test_the_hidden_state_snippets_give_what_the_page_draws(model, monkeypatch):
    """The Hidden states page's first snippets, run on a shipped model: the same P(positive)-after-each-word
    line and the same states as the page's probe (``lessons.probe_review``)."""
    import numpy as np

    from rnnviz.checkpoints import load_checkpoint
    from rnnviz.lessons import probe_review

    path = _shipped(model, monkeypatch)
    text = "The actors are brilliant, but the ending is a boring, stupid mess."
    probe = probe_review(load_checkpoint(path), text)
    read = snippets.prob_code().replace("checkpoints/NAME.safetensors", path)
    line = _run(read, "prob", text=text)["p"]
    assert np.allclose(line.numpy(), probe.reading.prob_by_step, atol=1e-5)
    states = _run(snippets.states_code(probe.cell).replace("checkpoints/NAME.safetensors", path), "states", text=text)
    assert np.allclose(states["heatmap"].T.numpy(), probe.reading.states, atol=1e-5)


def test_the_shuffle_snippet_moves_the_rnn_not_the_bag(monkeypatch):
    import random

    import numpy as np

    rnn, bag = _shipped("sst-lstm", monkeypatch), _shipped("bag", monkeypatch)
    printed = []
    random.seed(3)
    code = snippets.order_shuffle_code().replace("checkpoints/RNN.safetensors", rnn).replace(
        "checkpoints/BAG.safetensors", bag)
    _run(code, "shuffle", text="The plot is boring, but the acting is great and the ending moving.",
         print=printed.append)
    rnn_answers, bag_answers = printed
    assert np.float32(bag_answers[0]) == np.float32(bag_answers[1])  # exactly the same answer twice
    assert abs(float(rnn_answers[0]) - float(rnn_answers[1])) > 1e-4


def test_the_pairs_snippet_gives_the_score_of_the_model_card(monkeypatch):
    from rnnviz.checkpoints import load_checkpoint

    path = _shipped("sst-lstm", monkeypatch)
    checkpoint = load_checkpoint(path)
    scores = _run(snippets.pairs_code(), "pairs", checkpoint=checkpoint)["scores"]
    assert scores.accuracy == pytest.approx(checkpoint.metrics["order_pairs_accuracy"], abs=1e-9)


def test_the_embedding_snippets_give_the_map_and_the_neighbours_the_page_shows(monkeypatch):
    """The Embeddings page's word-map and nearest-neighbour snippets, run on a shipped model."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    from rnnviz.checkpoints import load_checkpoint
    from rnnviz.embedding_probes import embedding_space, nearest_neighbours

    checkpoint = load_checkpoint(_shipped("lstm", monkeypatch))
    model, tokenizer = checkpoint.model, checkpoint.tokenizer
    space = embedding_space(model, tokenizer, 300)
    with torch.no_grad():
        drawn = _run(snippets.space_code(300), "space", torch=torch, model=model)
    assert np.allclose(drawn["p"].numpy(), space.polarity, atol=1e-6)
    # PCA axes are defined up to their sign
    assert np.allclose(np.abs(drawn["xy"].numpy()), np.abs(space.coords[:, :2]), atol=1e-3)
    near = nearest_neighbours(model, tokenizer, "excellent", 12)
    with torch.no_grad():
        found = _run(snippets.neighbours_code("excellent"), "neighbours", torch=torch, F=F, model=model,
                     tokenizer=tokenizer)
    assert found["nearest"].tolist() == near.ids[:10].tolist()
