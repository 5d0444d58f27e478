"""AppTest runs of the Hidden states and Embeddings pages on tiny real checkpoints (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest

from app_support import assert_clean, chart_keys, open_page, open_section as open_tab, shown

HIDDEN, EMBEDDINGS = "pages/hidden_states.py", "pages/word_embeddings.py"


@pytest.fixture(autouse=True)
def environment(only_tiny_models):
    return only_tiny_models


SECTIONS = ("prob", "detail", "gates", "units", "lessons")


def open_section(app: AppTest, name: str) -> AppTest:
    """Choose one of the Hidden states page's sections (tabs), as a click on its tab does."""
    return open_tab(app, "hs_section", SECTIONS.index(name))


def chart_title(app: AppTest, key: str) -> str:
    import json

    chart = next(c for c in app.get("plotly_chart") if c.key == key)
    return json.loads(chart.proto.spec)["layout"]["title"]["text"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hidden_states_default_view(lang):
    app = open_page(HIDDEN, lang)
    assert app.multiselect(key="hs_checkpoints").value  # one model per cell picked by default
    assert chart_keys(app) == {"hs_chart_prob"}  # only the open section is drawn
    seen = {"prob": chart_keys(app)}
    for name in SECTIONS[1:]:  # the Next button walks through every section, one at a time
        app.button(key="hs_section_next").click().run()
        assert_clean(app)
        seen[name] = chart_keys(app)
        assert seen[name] and not seen[name] & set().union(*(seen[other] for other in seen if other != name))
    assert not [b for b in app.button if b.key == "hs_section_next"]  # the last section has no Next
    assert sum(len(keys) for keys in seen.values()) >= 10
    assert ("RNNCell" in shown(app)) and ("h_n" in shown(app))
    app.button(key="hs_section_back").click().run()
    assert chart_keys(app) == seen["units"]
    if lang == "fr":
        assert "États cachés" in app.title[0].value


def test_hidden_states_examples_and_models(only_tiny_models):
    app = open_page(HIDDEN)
    app.button(key="hs_example_but").click().run()
    assert_clean(app)
    assert "but the ending" in app.text_area(key="hs_text").value
    app.button(key="hs_example_long").click().run()
    assert_clean(app)
    assert len(app.text_area(key="hs_text").value.split()) > 200
    assert any("reads only the last" in i.value for i in app.info)
    app.multiselect(key="hs_checkpoints").set_value(
        [str(only_tiny_models / f"{name}.safetensors") for name in ("tiny-rnn", "tiny-bigru")]).run()
    assert_clean(app)
    open_section(app, "gates")
    for name in ("tiny-rnn", "tiny-bigru"):
        app.radio(key="hs_detail").set_value(str(only_tiny_models / f"{name}.safetensors")).run()
        assert_clean(app)
    forward_gates = next(c.proto.spec for c in app.get("plotly_chart") if c.key == "hs_chart_gate_means")
    app.radio(key="hs_gate_direction").set_value("backward").run()
    assert_clean(app)
    backward_gates = next(c.proto.spec for c in app.get("plotly_chart") if c.key == "hs_chart_gate_means")
    assert backward_gates != forward_gates  # the other direction's gates, not the same chart again
    open_section(app, "lessons")
    assert any("backward" in m.value for m in app.markdown)  # the bidirectional model is the last one


def test_hidden_states_widgets(only_tiny_models):
    app = open_page(HIDDEN)
    app.text_area(key="hs_text").input("I loved it, but the plot was thin and the acting awful.").run()
    open_section(app, "detail")
    app.toggle(key="hs_trajectory_3d").set_value(True).run()
    assert_clean(app)
    open_section(app, "units")
    app.slider(key="hs_unit").set_value(5).run()
    app.selectbox(key="hs_word").set_value(app.selectbox(key="hs_word").options[3]).run()
    assert chart_title(app, "hs_chart_reaction") == "Units that react most to “it”"
    assert_clean(app)
    app.radio(key="hs_detail").set_value(str(only_tiny_models / "tiny-lstm.safetensors")).run()
    open_section(app, "gates")
    assert app.radio(key="hs_detail").value.endswith("tiny-lstm.safetensors")  # the choice follows the sections
    assert not [r for r in app.radio if r.key == "hs_gate_direction"]  # one direction: no choice to make
    gates = [r for r in app.radio if r.key and r.key.startswith("hs_gate_")]
    assert gates, "an LSTM or GRU shows its gates"
    gates[0].set_value(gates[0].options[-1]).run()
    assert_clean(app)


@pytest.mark.parametrize("text", [
    "   \n ", "good", "zzzqx qqqzz xxyyzz", "word " * 5_000, "<script>alert('x')</script> <b>bad</b>\x00",
    "😀 🎬 \u202e שלום", "word " * 300_000,
])
def test_hidden_states_hostile_text(text):
    app = open_page(HIDDEN)
    app.text_area(key="hs_text").input(text).run()
    assert_clean(app)
    assert "<script>" not in " ".join(m.value for m in app.markdown)
    if not text.strip():
        assert app.warning and not app.get("plotly_chart")
    elif text.startswith("zzz"):
        assert any("vocabulary" in w.value for w in app.warning)
    elif text.startswith("word "):
        assert any("reads only the last" in i.value for i in app.info)


def test_no_checkpoint_gives_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path / "empty"))
    for script in (HIDDEN, EMBEDDINGS):
        app = open_page(script, "fr")
        if script == EMBEDDINGS:  # its first section, the course's lesson, needs no model
            assert_clean(app)
            open_tab(app, "emb_section", 1)
        assert any("Aucun modèle" in i.value for i in app.info)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_embeddings_default_view(lang):
    app = open_page(EMBEDDINGS, lang)
    text = shown(app)
    assert "from_pretrained" in text and ("0.000" in text)  # the frozen rows did not move
    sections = [chart_keys(app)]
    while [b for b in app.button if b.key == "emb_section_next"]:  # Next walks through every section
        app.button(key="emb_section_next").click().run()
        assert_clean(app)
        sections.append(chart_keys(app))
    assert len(sections) == 7
    assert sections[0] == {"emb_chart_pretrained", "emb_chart_freeze"}  # only the open section is drawn
    assert {"emb_chart_lookup", "emb_chart_space", "emb_chart_axis", "emb_chart_compare"} <= set().union(*sections)
    # and the neighbours of "excellent", when the vocabulary has it


def test_embeddings_widgets(only_tiny_models):
    app = open_page(EMBEDDINGS)
    open_tab(app, "emb_section", 1)
    app.text_input(key="emb_lookup_words").input("the movie <script> ☃").run()
    assert chart_keys(app) == {"emb_chart_lookup"}
    app.selectbox(key="emb_checkpoint").set_value(str(only_tiny_models / "tiny-gru.safetensors")).run()
    open_tab(app, "emb_section", 2)
    assert app.selectbox(key="emb_checkpoint").value.endswith("tiny-gru.safetensors")  # kept across sections
    app.slider(key="emb_count").set_value(200).run()
    app.toggle(key="emb_space_3d").set_value(True).run()
    assert chart_keys(app) == {"emb_chart_space"}
    open_tab(app, "emb_section", 4)
    app.text_input(key="emb_near_word").input("the").run()
    assert chart_keys(app) == {"emb_chart_neighbours"}
    open_tab(app, "emb_section", 6)
    assert app.slider(key="emb_count").value == 200
    app.selectbox(key="emb_compare_other").set_value(str(only_tiny_models / "tiny-rnn.safetensors")).run()
    assert_clean(app)
    assert chart_keys(app) == {"emb_chart_compare"}
    warnings = 0
    for index, key, typed in ((1, "emb_lookup_words", "   "), (4, "emb_near_word", "qqqzzzx"),
                              (5, "emb_axis_positive", "bad")):
        open_tab(app, "emb_section", index)
        app.text_input(key=key).input(typed).run()
        assert_clean(app)
        warnings += len(app.warning)
    assert warnings == 3


def test_embeddings_before_any_label(only_tiny_models):
    app = open_page(EMBEDDINGS)
    open_tab(app, "emb_section", 4)
    app.text_input(key="emb_near_word").input("the").run()
    app.toggle(key="emb_unlabelled").set_value(True).run()
    assert_clean(app)
    keys = {chart.proto.id for chart in app.get("plotly_chart")}
    assert any("emb_chart_unlabelled" in key for key in keys)
    assert "Before any label" in " ".join(chart.proto.spec for chart in app.get("plotly_chart"))
    app.text_input(key="emb_near_word").input("qqqzzzx").run()  # unknown: a warning, no second chart
    assert_clean(app)
    assert not any("emb_chart_unlabelled" in chart.proto.id for chart in app.get("plotly_chart"))


def test_hidden_states_treebank_sentence_shows_its_prefix_labels():
    # English only: AppTest formats radio options with the test process's language, not the page's.
    import json

    app = open_page(HIDDEN)
    first = None
    for _ in range(2):
        app.button(key="hs_example_sst").click().run()
        assert_clean(app)
        text = app.text_area(key="hs_text").value
        assert text and text != first  # the next sentence at each click
        first = text
    chart = next(c for c in app.get("plotly_chart") if c.key == "hs_chart_prob")
    traces = json.loads(chart.proto.spec)["data"]
    diamonds = [trace for trace in traces if trace.get("marker", {}).get("symbol") == "diamond"]
    assert diamonds and all(0 <= y <= 1 for y in diamonds[0]["y"])
    assert ("Treebank" in shown(app))
    app.button(key="hs_example_negation").click().run()  # a typed review: no treebank labels
    chart = next(c for c in app.get("plotly_chart") if c.key == "hs_chart_prob")
    assert not any(t.get("marker", {}).get("symbol") == "diamond" for t in json.loads(chart.proto.spec)["data"])
