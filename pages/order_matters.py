import streamlit as st

from rnnviz.ui.core import shuffle_words
from rnnviz.ui import cache, order_charts as oc, probe_charts as pc, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.order_panels import show_pairs
from rnnviz.ui.widgets import chart_with_code, limited_text, predict_then_reveal

EXAMPLES = {"negation": "This movie is not bad at all.",
            "but": "The acting is great, but the plot is boring.",
            "swapped": "The plot is boring, but the acting is great."}
lang = language()


def use_example(kind: str) -> None:
    st.session_state["order_text"] = EXAMPLES[kind]


def reshuffle() -> None:
    st.session_state["order_seed"] = st.session_state.get("order_seed", 0) + 1


st.title(t("order.title"))
st.markdown(t("order.intro"))
recurrent, bags = cache.order_models()
if not recurrent:
    st.info(t("order.no_rnn"), icon=":material/info:")
    st.stop()
names = {str(info.path): info.name for info in recurrent + bags}
left, right = st.columns(2)
rnn_path = left.selectbox(t("order.rnn"), [str(i.path) for i in recurrent], format_func=names.get, key="order_rnn")
bag_path = right.selectbox(t("order.bag"), [str(i.path) for i in bags], format_func=names.get, key="order_bag") \
    if bags else None
if bag_path is None:
    st.warning(t("order.no_bag"))
paths = [path for path in (bag_path, rnn_path) if path]

st.caption(t("order.examples"))
with st.container(horizontal=True):
    for kind in EXAMPLES:
        st.button(t(f"order.example.{kind}"), key=f"order_example_{kind}", on_click=use_example, args=(kind,))
st.session_state.setdefault("order_text", EXAMPLES["negation"])
text = limited_text(st.text_area(t("order.text"), height=90, key="order_text", bind="query-params"))
if not text.strip():
    st.info(t("order.empty"))
    st.stop()

st.header(t("order.shuffle.header"))
st.button(t("order.shuffle"), key="order_shuffle", on_click=reshuffle, icon=":material/shuffle:")
shuffled = shuffle_words(text, st.session_state.get("order_seed", 0))
st.caption(t("order.shuffled"))
st.text(shuffled[:2_000] + (" …" if len(shuffled) > 2_000 else ""))
readings = {path: cache.order_reading(path, text, shuffled) for path in paths}
rnn = readings[rnn_path]
if not rnn.known_words:
    st.warning(t("order.unknown"))
elif len(set(shuffled.split())) < 2:
    st.info(t("order.one_word"))
bag_moved = readings[bag_path].moved if bag_path else 0.0
chart_with_code(oc.shuffle_figure([names[p] for p in paths], [readings[p].prob for p in paths],
                                  [readings[p].shuffled_prob for p in paths], lang),
                snippets.order_shuffle_code(), t("order.shuffle.notice", bag_moved=bag_moved, rnn_moved=rnn.moved),
                key="order_chart_shuffle")

st.header(t("order.steps.header"))
chart_with_code(pc.prob_lines({names[p]: (readings[p].tokens, readings[p].prob_by_step) for p in paths}, lang),
                snippets.prob_code(), t("order.steps.notice"), key="order_chart_steps")

if bag_path:
    st.header(t("order.words.header"))
    bag = cache.bag_scores(bag_path, text)
    chart_with_code(oc.bag_words_figure(bag.words, bag.scores, lang), snippets.bag_model_code(),
                    t("order.words.notice", mean=float(bag.scores.mean()), bias=bag.bias, logit=bag.logit,
                      prob=bag.prob), key="order_chart_bag_words")
predict_then_reveal("lesson.order.question", "lesson.order.answer", key="order_reveal")

show_pairs(paths, names, lang)
