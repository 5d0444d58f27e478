import streamlit as st

from rnnviz.ui.core import shuffle_words
from rnnviz.ui import cache, order_charts as oc, probe_charts as pc, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.order_panels import show_pairs
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import chart_with_code, limited_text

EXAMPLES = {"negation": "This movie is not bad at all.",
            "but": "The acting is great, but the plot is boring.",
            "swapped": "The plot is boring, but the acting is great."}
lang = language()


def use_example(kind: str) -> None:
    st.session_state["order_text"] = EXAMPLES[kind]


def reshuffle() -> None:
    st.session_state["order_seed"] = st.session_state.get("order_seed", 0) + 1


st.title(t("order.title"))
page_intro(t("order.intro"))
recurrent, bags = cache.order_models()
if not recurrent:
    st.info(t("order.no_rnn"), icon=":material/info:")
    st.stop()
names = {str(info.path): info.name for info in recurrent + bags}
with inputs_box():
    left, right = st.columns(2)
    rnn_path = left.selectbox(t("order.rnn"), [str(i.path) for i in recurrent], format_func=names.get, key="order_rnn")
    bag_path = right.selectbox(t("order.bag"), [str(i.path) for i in bags], format_func=names.get, key="order_bag") \
        if bags else None
    if bag_path is None:
        st.warning(t("order.no_bag"))
    st.caption(t("order.examples"))
    with st.container(horizontal=True):
        for kind in EXAMPLES:
            st.button(t(f"order.example.{kind}"), key=f"order_example_{kind}", on_click=use_example, args=(kind,))
    st.session_state.setdefault("order_text", EXAMPLES["negation"])
    text = limited_text(st.text_area(t("order.text"), height=90, key="order_text", bind="query-params"))
if not text.strip():
    st.info(t("order.empty"))
    st.stop()
paths = [path for path in (bag_path, rnn_path) if path]
shuffled = shuffle_words(text, st.session_state.get("order_seed", 0))
readings = {path: cache.order_reading(path, text, shuffled) for path in paths}
rnn = readings[rnn_path]

labels = {name: t(f"order.{name}.header") for name in ("shuffle", "steps", "words", "pairs")}
if not bag_path:
    del labels["words"]
questions = {"steps": ("lesson.order.question", "lesson.order.answer")}
with sections(labels, "order_section", questions, keep=("order_category",)) as section:
    if section == "shuffle":
        button, words = st.columns([1, 3], vertical_alignment="center")
        button.button(t("order.shuffle"), key="order_shuffle", on_click=reshuffle, icon=":material/shuffle:")
        words.markdown(f"{t('order.shuffled')} `{shuffled[:2_000]}{' …' if len(shuffled) > 2_000 else ''}`")
        if not rnn.known_words:
            st.warning(t("order.unknown"))
        elif len(set(shuffled.split())) < 2:
            st.info(t("order.one_word"))
        bag_moved = readings[bag_path].moved if bag_path else 0.0
        chart_with_code(oc.shuffle_figure([names[p] for p in paths], [readings[p].prob for p in paths],
                                          [readings[p].shuffled_prob for p in paths], lang), snippets.order_shuffle_code(),
                        t("order.shuffle.notice", bag_moved=bag_moved, rnn_moved=rnn.moved), key="order_chart_shuffle")
    elif section == "steps":
        chart_with_code(pc.prob_lines({names[p]: (readings[p].tokens, readings[p].prob_by_step) for p in paths}, lang),
                        snippets.prob_code(), t("order.steps.notice"), key="order_chart_steps")
    elif section == "words":
        bag = cache.bag_scores(bag_path, text)
        chart_with_code(oc.bag_words_figure(bag.words, bag.scores, lang), snippets.bag_model_code(),
                        t("order.words.notice", mean=float(bag.scores.mean()), bias=bag.bias, logit=bag.logit,
                          prob=bag.prob), key="order_chart_bag_words")
    elif section == "pairs":
        show_pairs(paths, names, lang)
