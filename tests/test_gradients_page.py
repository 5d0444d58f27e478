"""The Vanishing gradients page under Streamlit's AppTest: with tiny checkpoints and with none."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app_support import assert_clean, chart_keys, open_named_section, shown
from app_support import open_page as open_page_through_app
from rnnviz.ui.navigation import ROOT

PAGE = "pages/vanishing_gradients.py"
TIMEOUT = 120


@pytest.fixture(autouse=True)
def offline(only_tiny_models):
    return only_tiny_models


def open_page(lang: str | None = None, through_app: bool = False) -> AppTest:
    """The page through app.py (navigation, sidebar, ?lang=), or alone (faster: the other tests)."""
    if through_app:
        return open_page_through_app(PAGE, lang)
    app = AppTest.from_file(str(ROOT / PAGE), default_timeout=TIMEOUT)
    app.run()
    assert_clean(app)
    return app


SECTIONS = ("theory", "spectral", "measured", "words")  # the page's sections (tabs), in order
CHARTS = {"theory": "gradients_chart_theory", "spectral": "gradients_chart_spectral",
          "measured": "gradients_chart_decay", "words": "gradients_chart_words"}


def section(app: AppTest, name: str) -> AppTest:
    """Open one of the page's sections, as a click on its tab does: only the open section is drawn."""
    return open_named_section(app, "gradients_section", SECTIONS, name)


def chart_spec(app: AppTest, key: str) -> str:
    return next(c.proto.spec for c in app.get("plotly_chart") if c.key == key)


def every_section(app: AppTest, check=None) -> dict[str, set[str]]:
    """Open each section in turn (the review's sections first: the review is typed in them) and return
    its chart keys; ``check(app, name)`` runs on each one while it is open."""
    seen = {}
    for name in ("measured", "words", "theory", "spectral"):
        section(app, name)
        seen[name] = chart_keys(app)
        assert seen[name] <= {CHARTS[name]}, (name, seen[name])  # only the open section is drawn
        if check:
            check(app, name)
    return seen


def charts(app: AppTest) -> int:
    """How many charts the page draws, all its sections together."""
    return sum(len(keys) for keys in every_section(app).values())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_default_view_with_trained_checkpoints(lang):
    app = open_page(lang, through_app=True)
    assert chart_keys(app) == {"gradients_chart_theory"}  # the first section opens by default
    texts = []
    seen = every_section(app, lambda app, name: texts.append(shown(app)))
    assert seen == {name: {key} for name, key in CHARTS.items()}  # theory, spectral lab, measured decay, words
    text = " ".join(texts)
    assert "tiny-rnn" in text and "tiny-lstm" in text and "tiny-gru" in text
    assert ("Spectral radius" if lang == "en" else "Rayon spectral") in text  # of the trained RNN's W_hh
    assert ("1,000" in text) if lang == "en" else ("1 000" in text or "1,000" in text)
    assert app.title[0].value == ("Vanishing and exploding gradients" if lang == "en"
                                  else "Gradients qui s'évanouissent ou explosent")


def test_no_checkpoint_at_all_uses_fresh_models(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path / "empty"))
    app = open_page()
    assert charts(app) == 4
    chart = chart_spec(section(app, "measured"), "gradients_chart_decay")
    assert "RNN, untrained" in chart and "GRU, untrained" in chart


def test_sliders_move_and_float32_limits_are_explained():
    app = open_page()
    app.slider(key="gradients_factor").set_value(0.9).run()
    assert_clean(app)
    section(app, "spectral")
    app.slider(key="gradients_radius").set_value(1.5).run()
    assert_clean(app)
    assert "Overflow" in shown(app)
    app.slider(key="gradients_radius").set_value(0.5).run()
    assert "Underflow" in shown(app)
    app.radio(key="gradients_activation").set_value("rnn").run()
    app.slider(key="gradients_input_scale").set_value(1.0).run()
    assert_clean(app)
    assert charts(app) == 4
    assert section(app, "theory").slider(key="gradients_factor").value == 0.9  # kept while the others were open
    assert "0.900" in shown(app)


def test_random_sequence_and_other_gradients():
    app = section(open_page(), "measured")  # the input is chosen in the sections that measure it
    app.radio(key="gradients_source").set_value("random").run()
    assert_clean(app)
    assert charts(app) == 3  # no words to colour
    assert not chart_keys(section(app, "words")) and any("section 3" in i.value for i in app.info)
    section(app, "measured")
    app.slider(key="gradients_length").set_value(1).run()
    assert_clean(app)
    app.radio(key="gradients_target").set_value("loss").run()
    app.radio(key="gradients_which").set_value("input").run()
    app.radio(key="gradients_label").set_value(0).run()
    app.number_input(key="gradients_seed").set_value(7).run()
    assert_clean(app)
    assert charts(app) == 3


def test_example_buttons_fill_the_review():
    app = section(open_page(), "measured")  # the review is chosen in the sections that measure it
    app.button(key="gradients_example_0").click().run()
    assert_clean(app)
    assert app.text_area(key="gradients_text").value.startswith("A wonderful film")
    assert not any("tokens" in i.value for i in app.info)  # a short review is not cut
    section(app, "words")
    assert app.text_area(key="gradients_text").value.startswith("A wonderful film")  # the same review there
    assert "gradients_chart_words" in chart_keys(app) and not any("tokens" in i.value for i in app.info)
    section(app, "measured")
    app.radio(key="gradients_target").set_value("loss").run()
    assert app.radio(key="gradients_label").value == 1
    app.button(key="gradients_example_1").click().run()
    assert app.radio(key="gradients_label").value == 0
    assert_clean(app)


HOSTILE = ["", "  \n ", "!!! ???", "😀🎬", "<script>alert('x')</script> <b>bold</b> <a href='javascript:1'>x</a>",
           "\u202eright-to-left שלום مرحبا", "a\x00b", "word " * 300_000]


def test_typed_and_hostile_reviews():
    app = open_page()
    for text in HOSTILE:
        section(app, "measured").text_area(key="gradients_text").input(text).run()
        assert_clean(app)

        def check(app: AppTest, name: str) -> None:
            assert "<script>" not in shown(app)
            if name in ("measured", "words"):
                assert app.text_area(key="gradients_text").value == text  # the review typed, in both sections
                if not text.strip():
                    assert app.warning, (name, repr(text))
            if name == "words" and text.strip():
                words = chart_spec(app, "gradients_chart_words")
                assert "<script>" not in words and "<a href" not in words
            if name == "measured" and len(text) > 10_000:
                assert any("only its last 1,000" in i.value for i in app.info)

        seen = every_section(app, check)
        if not text.strip():
            assert seen == {"measured": set(), "words": set(), "theory": {CHARTS["theory"]},
                            "spectral": {CHARTS["spectral"]}}, repr(text)  # theory and spectral lab still shown
        else:
            assert sum(len(keys) for keys in seen.values()) == 4, repr(text)


# ------------------------------------------------------------------------------------ chart builders (pure)
def test_chart_builders_mark_float32_limits_and_escape_words():
    import numpy as np

    from rnnviz import gradients as G
    from rnnviz.ui import gradient_charts as C

    exploding, vanishing = G.spectral_lab(1.5, 400, "linear"), G.spectral_lab(0.5, 400, "linear")
    for decay in (exploding, vanishing):
        fig = C.spectral_figure(decay, 1.5, "fr")
        assert fig.layout.yaxis.type == "log" and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert any(shape.type == "rect" for shape in fig.layout.shapes)  # the shaded overflow / underflow zone
        assert all(y is None or np.isfinite(y) and y > 0 for y in fig.data[1].y)  # no inf, nan or 0 on a log axis
    assert str(exploding.first_overflow) in C.float32_note(exploding) and "Overflow" in C.float32_note(exploding)
    assert "Dépassement" in C.float32_note(exploding, "fr") and "Underflow" in C.float32_note(vanishing)
    assert len(C.product_figure(1.1).layout.shapes) == 2  # 1 and the float32 maximum
    assert C.readable(1.01 ** 1000) == "20,959" and C.readable(0.99 ** 1000) == "4.32e-05"
    fig = C.decay_figure({}, {"rnn": vanishing}, "input")
    assert fig.data and fig.layout.yaxis.type == "log"
    words = G.Saliency("<b>x</b>", ("<start>", "<b>", "&", "averyveryverylongword"), np.array([1.0, -2.0, 0.0, 0.5]),
                       np.ones(4), 0.7)
    fig = C.saliency_figure([(True, words)], "en")
    text = fig.data[0].text.ravel().tolist()
    assert "&lt;b&gt;" in text and "&amp;" in text and "<b>" not in text and any(w.endswith("…") for w in text)
    assert "&lt;b&gt;x" in fig.layout.annotations[0].text and fig.data[0].zmin == -1 and fig.data[0].zmax == 1
