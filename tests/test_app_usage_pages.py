"""AppTest runs of the Prediction, Training and Models pages with tiny checkpoints (no browser)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_support import assert_clean, chart_keys, open_named_section, open_page, shown as page_text
from model_fixtures import TINY
from rnnviz.checkpoints import shipped_checkpoint_dir
from rnnviz.ui.navigation import ROOT

TIMEOUT = 120
SHIPPED = len(list(shipped_checkpoint_dir().glob("*.safetensors")))  # real models, when they are there


@pytest.fixture(scope="module")
def folder(tiny_checkpoint_dir, tmp_path_factory):
    """A private copy: these tests train and upload models into it."""
    import shutil

    return Path(shutil.copytree(tiny_checkpoint_dir, tmp_path_factory.mktemp("usage") / "checkpoints"))


@pytest.fixture(autouse=True)
def environment(monkeypatch, folder):
    monkeypatch.setenv("RNNVIZ_OFFLINE", "1")
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(folder))


def chart_json(app: AppTest, key: str) -> str:
    return next(c.proto.spec for c in app.get("plotly_chart") if c.proto.id and key in c.proto.id)


PREDICT_SECTIONS = ("verdicts", "why")  # the Prediction page's sections (tabs), in order
MODELS_SECTIONS = ("table", "detail", "upload")  # the Models page's


def section(app: AppTest, name: str) -> AppTest:
    """Open a section (tab) of the Prediction or Models page, as a click on its tab does: only the open
    section is computed and drawn."""
    if name in PREDICT_SECTIONS:
        return open_named_section(app, "predict_section", PREDICT_SECTIONS, name)
    return open_named_section(app, "models_section", MODELS_SECTIONS, name)


def predict(app: AppTest, text: str) -> AppTest:
    app.text_area(key="predict_text").input(text)
    app.button(key="predict_submit").click().run()
    assert_clean(app)
    return app


# ------------------------------------------------------------------ Prediction
def test_predict_a_typed_review():
    app = open_page("pages/prediction.py")
    # a first visit shows the positive example at once: its verdicts, and why in the next section
    assert chart_keys(app) == {"predict_chart_verdicts"}
    assert chart_keys(section(app, "why")) == {"predict_chart_words"}
    predict(section(app, "verdicts"), "A wonderful film, not bad at all, with great actors.")
    verdicts = chart_json(app, "predict_chart_verdicts")
    for name in ("tiny-rnn", "tiny-lstm", "tiny-gru", "tiny-bigru"):
        assert name in verdicts
    assert "ms on the server" in page_text(app)
    section(app, "why")
    words = json.loads(chart_json(app, "predict_chart_words"))
    shown = json.dumps(words["data"][0]["text"])
    assert "wonderful" in shown and "ms on the server" in page_text(app)
    app.selectbox(key="predict_model_short").set_value("tiny-gru").run()
    assert_clean(app)
    assert "tiny-gru" in json.loads(chart_json(app, "predict_chart_words"))["layout"]["title"]["text"]


def test_predict_says_what_each_model_learned_and_picks_by_length():
    app = open_page("pages/prediction.py")
    predict(app, "Not bad at all!")
    verdicts = chart_json(app, "predict_chart_verdicts")
    assert "SST phrases" in verdicts and "IMDB reviews" in verdicts and "IMDB + SST" in verdicts
    assert "long 50%" in verdicts and "short 50%" in verdicts
    assert "a short text" in page_text(section(app, "why"))
    predict(app, "A long review that goes on and on about the film. " * 20)
    assert "a long text" in page_text(section(app, "why")) and app.selectbox(key="predict_model_long").value


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_predict_a_french_review_gets_a_note(lang):
    app = open_page("pages/prediction.py", lang)
    predict(app, "Ce film est vraiment nul, je me suis ennuyé du début à la fin et les acteurs sont mauvais.")
    note = " ".join(w.value for w in app.warning)
    assert ("English" in note or "anglais" in note) and re.search(r"\d+ (of its|de ses) 19 ", note), note
    predict(app, "The French actors were great and the story is moving.")
    assert not any("French" in w.value or "français" in w.value for w in app.warning)


def test_predict_examples_are_one_click_away():
    app = open_page("pages/prediction.py")
    for kind in ("positive", "negative", "negation", "sarcasm", "mixed", "short", "imdb"):
        app.button(key=f"predict_example_{kind}").click().run()
        assert_clean(app)
        assert app.text_area(key="predict_text").value.strip(), kind
        assert chart_keys(section(app, "verdicts")) == {"predict_chart_verdicts"}, kind
        assert chart_keys(section(app, "why")) == {"predict_chart_words"}, kind
    # the long IMDB review (2,147 tokens) is longer than any model's max_len: the cut is explained (why)
    assert re.search(r"keeps the \*\*last\*\* \d+", page_text(app)) and app.text


BAD_INPUTS = ["", "   \n ", "!!! ... ???", "<script>alert('x')</script> <b>great</b>", "zzzqqq xxyyzz",
              "😀 🎬 ★★★★★", "\u202eoverride שלום مرحبا", "a\x00b", "good " * 300_000]


def test_predict_bad_input():
    app = open_page("pages/prediction.py")
    for text in BAD_INPUTS:
        predict(app, text)
        if not text.strip():
            assert app.info and not app.get("plotly_chart") and not app.tabs  # nothing to show yet
        # each section in turn (only the open one is drawn): the verdicts, then why
        for name in PREDICT_SECTIONS if app.tabs else ():
            section(app, name)
            shown = page_text(app)
            assert "<script>" not in shown and "<b>" not in shown
            if text.startswith("!!!"):
                assert app.warning  # nothing the tokenizer keeps
            elif len(text) > 1_000_000:
                assert any("1,000,000" in w.value for w in app.warning)
            if name == "why" and app.get("plotly_chart"):
                assert "<script>" not in chart_json(app, "predict_chart_words")
        shown = page_text(app)
        assert "<script>" not in shown and "<b>" not in shown


def test_predict_review_travels_by_link():
    """A submitted review goes into the address bar, so a link shows the same verdict; a review too
    long for a link is taken out rather than cut."""
    app = predict(open_page("pages/prediction.py"), "Dull, slow and far too long.")
    assert app.query_params["review"] == "Dull, slow and far too long."
    predict(app, "long " * 400)
    assert "review" not in app.query_params
    app.button(key="predict_example_negative").click().run()
    assert app.query_params["review"] == app.text_area(key="predict_text").value

    shared = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    shared.query_params["review"] = "A shared review: moving and beautifully shot."
    shared.run()
    shared.switch_page("pages/prediction.py").run()
    assert_clean(shared)
    assert shared.text_area(key="predict_text").value == "A shared review: moving and beautifully shot."
    assert "moving" in chart_json(section(shared, "why"), "predict_chart_words")


def test_predict_without_any_model(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path / "empty"))
    app = predict(open_page("pages/prediction.py"), "A fine film.")
    if not any(p.name.endswith(".safetensors") for p in (ROOT / "checkpoints").glob("*")):
        assert "No trained model" in page_text(app)


# ------------------------------------------------------------------ Training
def test_train_a_tiny_model_to_completion(folder):
    app = open_page("pages/training.py")
    assert "Estimated time" in page_text(app)
    for key, value in (("train_size_imdb", 100), ("train_hidden", 8), ("train_embedding_dim", 8),
                       ("train_max_len", 25), ("train_vocab", 1_000), ("train_batch_size", 32)):
        app.select_slider(key=key).set_value(value)
    app.slider(key="train_epochs").set_value(2)
    app.radio(key="train_cell").set_value("gru")
    app.text_input(key="train_probe_text").input("Not bad at all, really.")
    app.text_input(key="train_name").input("../evil/<b>my model</b>").run()
    assert_clean(app)
    app.button(key="train_start").click().run()
    assert_clean(app)
    deadline = time.monotonic() + 60
    while not app.success and time.monotonic() < deadline:
        time.sleep(0.3)
        app.run()
        assert_clean(app)
    assert app.success, page_text(app)
    created = [p for p in folder.glob("*.safetensors") if not p.name.startswith("tiny-")]
    assert len(created) == 1 and created[0].parent == folder and "/" not in created[0].stem
    assert app.get("plotly_chart")  # the curves stay on screen
    # what it learned, epoch by epoch: the typed review's P(positive) and the word map with one frame per epoch
    assert "Not bad at all, really." in chart_json(app, "train_chart_live_probes")
    assert all(f'"name":"{epoch}"' in chart_json(app, "train_chart_live_map").replace(" ", "") for epoch in range(3))
    from rnnviz.checkpoints import load_checkpoint

    timeline = load_checkpoint(created[0]).timeline
    assert timeline.epochs == (0, 1, 2) and timeline.probe_texts[0] == "Not bad at all, really."
    app.switch_page("pages/prediction.py").run()  # usable at once on every page
    assert_clean(app)
    assert created[0].stem in chart_json(app, "predict_chart_verdicts")
    created[0].unlink()


def test_train_with_a_pretrained_embedding():
    app = open_page("pages/training.py")
    app.selectbox(key="train_embedding_from").set_value("tiny-lstm").run()
    assert_clean(app)
    assert "tiny-lstm" in page_text(app) and "600" in page_text(app)  # its vocabulary replaces the slider's
    assert not app.toggle(key="train_freeze").disabled


def test_train_from_word_vectors_of_the_reviews():
    app = open_page("pages/training.py")
    app.selectbox(key="train_embedding_from").set_value("@cooccurrence").run()
    assert_clean(app)
    assert any("without looking at any label" in caption.value for caption in app.caption)
    assert not app.toggle(key="train_freeze").disabled


# ------------------------------------------------------------------ Models
def test_models_table_curves_and_confusion(folder):
    app = open_page("pages/model_library.py")
    table = app.dataframe[0].value  # the first section: the table
    assert len(table) == len(TINY) + SHIPPED and {"Name", "Cell", "Test accuracy", "Weights"} <= set(table.columns)
    assert {"bi-GRU", "LSTM"} <= set(table["Cell"])
    assert "test reviews" in page_text(app)
    section(app, "detail")  # one model in detail: its curves and its confusion matrix
    assert "models_chart_curves" in " ".join(c.proto.id for c in app.get("plotly_chart"))
    assert "models_chart_confusion" in " ".join(c.proto.id for c in app.get("plotly_chart"))
    assert "test reviews" in page_text(app)
    app.selectbox(key="models_pick").set_value(str(folder / "tiny-lstm.safetensors")).run()
    assert_clean(app)
    assert "tiny-lstm" in chart_json(app, "models_chart_confusion")


def test_models_upload_corrupt_then_valid(folder):
    app = section(open_page("pages/model_library.py"), "upload")
    before = sorted(p.name for p in folder.iterdir())
    app.file_uploader(key="models_upload").set_value(("broken.safetensors", b"\x00not a checkpoint" * 10,
                                                      "application/octet-stream")).run()
    assert_clean(app)
    assert app.error and "refused" in app.error[0].value
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written
    good = (folder / "tiny-rnn.safetensors").read_bytes()
    app.file_uploader(key="models_upload").set_value(("tiny-rnn.safetensors", good, "application/octet-stream")).run()
    assert_clean(app)
    assert app.success and (folder / "tiny-rnn-2.safetensors").exists()
    section(app, "table")
    assert len(app.dataframe[0].value) == len(TINY) + 1 + SHIPPED
    (folder / "tiny-rnn-2.safetensors").unlink()


def test_a_broken_checkpoint_is_reported_not_fatal(monkeypatch, tmp_path, folder):
    import shutil

    import torch

    from rnnviz.checkpoints import load_checkpoint, save_checkpoint

    good = load_checkpoint(folder / "tiny-gru.safetensors")
    shutil.copy(folder / "tiny-gru.safetensors", tmp_path / "tiny-gru.safetensors")
    broken = type(good.model)(good.config)
    with torch.no_grad():
        broken.head.weight.fill_(float("nan"))
    save_checkpoint(broken, tmp_path / "broken.safetensors", tokenizer=good.tokenizer, name="broken")
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path))
    app = open_page("pages/prediction.py")
    assert app.error and "NaN" in app.error[0].value and "tiny-gru" in chart_json(app, "predict_chart_verdicts")
    app = section(open_page("pages/model_library.py"), "detail")
    app.selectbox(key="models_pick").set_value(str(tmp_path / "broken.safetensors")).run()
    assert_clean(app)
    assert app.error and "NaN" in app.error[0].value
    app = open_page("pages/training.py")
    app.selectbox(key="train_embedding_from").set_value("broken").run()
    assert_clean(app)
    assert app.error
