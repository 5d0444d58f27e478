"""AppTest runs of the "Why word order matters" page on tiny real checkpoints (a bag of words among them)."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from app_support import assert_clean, chart_keys, open_named_section, open_page, shown

ORDER = "pages/order_matters.py"


@pytest.fixture(autouse=True)
def environment(only_tiny_models):
    return only_tiny_models


def chart(app: AppTest, key: str) -> dict:
    return json.loads(next(c for c in app.get("plotly_chart") if c.key == key).proto.spec)


SECTIONS = {"shuffle": "order_chart_shuffle", "steps": "order_chart_steps", "words": "order_chart_bag_words",
            "pairs": "order_chart_categories"}  # the page's sections (tabs) in order, and the chart of each


def section(app: AppTest, name: str, names=tuple(SECTIONS)) -> AppTest:
    """Open one of the page's sections, as a click on its tab does: only the open section is drawn.
    ``names``: the page's sections (without a bag of words, it has no "words" section)."""
    return open_named_section(app, "order_section", names, name)


def shuffled_words(app: AppTest) -> str:
    """The shuffled review the Shuffle section shows."""
    return next(m.value for m in app.markdown if m.value.startswith("The same words, shuffled:"))


def shuffle_bars(app: AppTest) -> dict:
    """trace name -> the P(positive) bars of the shuffle chart, per model."""
    return {trace["name"]: dict(zip(trace["y"], trace["x"])) for trace in chart(app, "order_chart_shuffle")["data"]
            if trace.get("type") == "bar"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_default_view_has_every_lesson(lang):
    app = open_page(ORDER, lang)
    assert [tab.label.split(". ", 1)[0] for tab in app.tabs] == ["1", "2", "3", "4"]  # every lesson is there
    assert chart_keys(app) == {"order_chart_shuffle"}  # the first section opens by default
    assert app.selectbox(key="order_bag").value.endswith("tiny-bag.safetensors")
    assert "tiny-bag" not in str(app.selectbox(key="order_rnn").options)  # RNNs on the left, bags on the right
    assert "+0.000000" in shown(app)  # the bag of words did not move at all
    for name, key in SECTIONS.items():  # each section draws its own chart, and only it
        assert chart_keys(section(app, name)) == {key}, name
    assert len(app.dataframe[0].value) == 191  # the pairs' table, in the last section
    if lang == "fr":
        assert "ordre des mots" in app.title[0].value


def test_shuffling_moves_the_rnn_not_the_bag():
    app = open_page(ORDER)
    app.text_area(key="order_text").input("The acting is great, but the plot is boring and the ending awful.").run()
    seen, moved = set(), False
    for _ in range(3):
        app.button(key="order_shuffle").click().run()
        assert_clean(app)
        in_order, shuffled = shuffle_bars(app).values()
        assert in_order["tiny-bag"] == shuffled["tiny-bag"]  # exactly, bit for bit
        seen.add(shuffled_words(app))
        rnn = next(name for name in in_order if name != "tiny-bag")
        moved = moved or abs(in_order[rnn] - shuffled[rnn]) > 1e-6
    assert len(seen) == 3  # a new order each time
    assert moved  # the recurrent model's answer changed with the order
    assert "+0.000000" in shown(app)


def test_examples_and_categories():
    app = open_page(ORDER)
    app.button(key="order_example_swapped").click().run()
    assert_clean(app)
    assert app.text_area(key="order_text").value.startswith("The plot is boring")
    section(app, "pairs")
    app.selectbox(key="order_category").set_value("double_negation").run()
    assert_clean(app)
    table = app.dataframe[0].value
    assert 10 <= len(table) < 191 and set(table.iloc[:, 0]) == {"double negation"}


@pytest.mark.parametrize("text, message", [
    ("", "Type a review"),
    ("movie", "single word"),
    ("zzqx blorf wibble", "None of these words"),
    ("Un film vraiment nul, je me suis ennuyé du début à la fin.", None),
    ("great " * 200_001, "characters"),
    ("<script>alert(1)</script> not <b>bad</b> \x00 😀 \u202e", None),
])
def test_bad_input_gets_a_clear_message(text, message):
    app = open_page(ORDER)
    app.text_area(key="order_text").input(text).run()
    assert_clean(app)
    if message:
        assert message in shown(app)


def test_without_a_bag_of_words_the_page_still_teaches(monkeypatch, tmp_path, tiny_checkpoint_dir):
    import shutil

    for name in ("tiny-lstm", "tiny-gru"):
        shutil.copy(tiny_checkpoint_dir / f"{name}.safetensors", tmp_path)
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path))
    app = open_page(ORDER)
    assert "No bag-of-words model" in shown(app)
    names = ("shuffle", "steps", "pairs")  # no "Inside the bag of words" section
    assert len(app.tabs) == len(names)
    seen = set()
    for name in names:
        keys = chart_keys(section(app, name, names))
        assert keys == {SECTIONS[name]}, name
        seen |= keys
    assert seen == {"order_chart_shuffle", "order_chart_steps", "order_chart_categories"}
