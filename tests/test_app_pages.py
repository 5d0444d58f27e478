"""Streamlit AppTest runs of every page (no browser): they render without exception."""

import pytest
from streamlit.testing.v1 import AppTest

from app_support import assert_clean, chart_keys, open_section
from app_support import open_page as _open_page
from rnnviz.ui.navigation import PAGES


def run_page(script: str, lang: str | None = None) -> AppTest:
    return _open_page(script, lang, check=False)


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("RNNVIZ_OFFLINE", "1")


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "home")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_renders(spec, lang):
    app = run_page(spec.script, lang)
    assert_clean(app)
    assert app.title, "each page has a title"


def test_home_lists_pages_and_data_source():
    app = run_page("pages/home.py")
    text = " ".join(m.value for m in app.markdown)
    assert "bundled sample" in text and "2,000" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_home_shows_the_idea_with_the_best_order_reader(only_tiny_models, lang):
    """The home page's picture: P(positive) after each word of the negation example, read by the model
    that reads word order best, with its figures in the notice."""
    from rnnviz.checkpoints import list_checkpoints, load_checkpoint
    from rnnviz.order_pairs import rank_readers
    from rnnviz.lessons import read_review
    from rnnviz.ui.hidden_state_panels import EXAMPLES

    app = run_page("pages/home.py", lang)
    assert_clean(app)
    assert chart_keys(app) == {"home_chart_teaser"}
    best = rank_readers(list_checkpoints(only_tiny_models))[0][0]
    reading = read_review(load_checkpoint(best.path), EXAMPLES["negation"])
    probs = reading.reading.prob_by_step
    figure = app.get("plotly_chart")[0].proto.spec
    assert best.name in figure and "not" in figure
    notice = " ".join(m.value for m in app.markdown)
    tokens = reading.review.tokens
    assert f"**{best.name}**" in notice
    for value in (probs[tokens.index("not")], probs[tokens.index("bad")], probs[-1]):
        assert f"{value:.0%}".replace("%", "") in notice


def test_home_without_any_model_has_no_picture_and_no_error(monkeypatch, tmp_path):
    import rnnviz.checkpoints
    import rnnviz.checkpoints.store

    for module in (rnnviz.checkpoints, rnnviz.checkpoints.store):
        monkeypatch.setattr(module, "shipped_checkpoint_dir", lambda: tmp_path / "none")
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path / "none either"))
    app = run_page("pages/home.py")
    assert_clean(app)
    assert not app.get("plotly_chart")
    assert app.header, "the page list is still there"


def _padding(lang: str | None = None) -> AppTest:
    app = run_page("pages/padding_masking.py", lang)
    assert_clean(app)
    return app


PADDING_CHARTS = ({"padding_chart_tokens"}, {"padding_chart_padded"},
                  {"padding_chart_mask", "padding_chart_lengths"},
                  {"padding_chart_packed", "padding_chart_packed_data"})  # per section (tab), in order


def _padding_sections(app: AppTest) -> list[tuple[set[str], str]]:
    """Open each of the padding page's four sections in turn: (its chart keys, its markdown) per section.
    Only the open section is drawn, so each one's charts are its own."""
    seen = []
    for index in range(len(PADDING_CHARTS)):
        open_section(app, "padding_section", index)
        assert_clean(app)
        seen.append(({c.key for c in app.get("plotly_chart")}, " ".join(m.value for m in app.markdown)))
    return seen


def test_padding_default_view_has_all_charts():
    app = _padding()
    assert {c.key for c in app.get("plotly_chart")} == PADDING_CHARTS[0]  # the first section opens by default
    seen = _padding_sections(app)
    assert [keys for keys, _ in seen] == list(PADDING_CHARTS)
    assert sum(len(keys) for keys, _ in seen) == 6
    assert "(4, 8)" in seen[1][1]  # the four default sentences, maxlen 8 (the padded matrix's section)


def test_padding_settings_change_the_matrix():
    app = _padding()
    app.sidebar.toggle(key="padding_use_maxlen").set_value(False)
    app.sidebar.radio(key="padding_side").set_value("post")
    app.sidebar.radio(key="padding_truncating").set_value("post").run()
    assert_clean(app)
    open_section(app, "padding_section", 1)
    assert_clean(app)
    assert any("(4, 11)" in m.value for m in app.markdown)  # longest sentence: <start> + 10 words
    app.sidebar.select_slider(key="padding_vocab_size").set_value(100).run()
    assert_clean(app)
    assert [keys for keys, _ in _padding_sections(app)] == list(PADDING_CHARTS)  # every section, vocab 100


@pytest.mark.parametrize("kind", ["reviews", "course"])
def test_padding_other_inputs(kind):
    app = _padding()
    app.radio(key="padding_input_kind").set_value(kind).run()
    assert_clean(app)
    seen = _padding_sections(app)
    assert [keys for keys, _ in seen] == list(PADDING_CHARTS)
    assert sum(len(keys) for keys, _ in seen) == 6


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "!!! ??? ...", "😀😀😀\n🎬", "<script>alert('x')</script>\n<b>bold</b>",
    "\u202eright-to-left override\nשלום עולם\nمرحبا", "a\x00b", "word " * 300_000,
    "\n".join(f"line {i}" for i in range(50)),
])
def test_padding_hostile_text(text):
    app = _padding()
    app.text_area(key="padding_sentences").input(text).run()
    assert_clean(app)
    shown = " ".join(m.value for m in app.markdown)
    assert "<script>" not in shown
    if not text.strip():
        assert app.warning, "empty input explains what to do"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_embeddings_page_replays_the_training_snapshots(only_tiny_models, lang):
    app = run_page("pages/word_embeddings.py", lang)
    assert_clean(app)
    open_section(app, "emb_section", 3)
    # Only the models that kept snapshots can be replayed, whichever model the page's other sections show.
    box = app.selectbox(key="emb_timeline_model")
    assert len(box.options) == 1 and "tiny-lstm" in box.options[0]
    replay = [c.proto.spec for c in app.get("plotly_chart") if '"frames"' in c.proto.spec and '"sliders"' in c.proto.spec]
    assert len(replay) == 1, "one word map with a frame per epoch and a slider"
    assert all(f'"name":"{epoch}"' in replay[0].replace(" ", "") for epoch in range(4))
    app.selectbox(key="emb_checkpoint").set_value(str(only_tiny_models / "tiny-gru.safetensors")).run()
    assert_clean(app)
    assert "tiny-lstm" in app.selectbox(key="emb_timeline_model").value


def test_embeddings_page_without_any_snapshot_says_so(only_tiny_models, tmp_path, monkeypatch):
    import shutil

    from app_support import shown

    folder = tmp_path / "no-snapshots"
    folder.mkdir()
    shutil.copy(only_tiny_models / "tiny-gru.safetensors", folder)
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(folder))
    app = run_page("pages/word_embeddings.py")
    open_section(app, "emb_section", 3)
    assert_clean(app)
    assert "Training page" in shown(app) and not any('"frames"' in c.proto.spec for c in app.get("plotly_chart"))
