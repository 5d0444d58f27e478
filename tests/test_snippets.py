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
