import streamlit as st

from rnnviz.ui.core import FIRST_WORD_ID, from_pretrained_lesson, lookup, split_words
from rnnviz.ui import cache, embedding_charts as ec, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.embedding_panels import show_neighbours, show_replay
from rnnviz.ui.widgets import chart_with_code, checkpoints_or_stop, predict_then_reveal

MAX_LOOKUP_WORDS = 12
lang = language()

st.title(t("emb.title"))
st.markdown(t("emb.intro"))

st.header(t("emb.lesson.header"))
lesson = from_pretrained_lesson()
chart_with_code(ec.matrix_figure(lesson.weights, [str(i) for i in range(len(lesson.weights))],
                                 t("emb.pretrained.title"), lang, highlight=lesson.inputs.tolist()),
                snippets.pretrained_code(), t("emb.pretrained.notice"), key="emb_chart_pretrained")
frozen, free = cache.freeze_steps()
chart_with_code(ec.freeze_figure(frozen.change, free.change, lang), snippets.freeze_code(),
                t("emb.freeze.notice", frozen=float(frozen.change.max()), free=float(free.change.max()),
                  head=frozen.head_change), key="emb_chart_freeze")

st.header(t("emb.model.header"))
infos, names = checkpoints_or_stop()
path = st.selectbox(t("emb.model"), list(names), format_func=names.get, key="emb_checkpoint")
loaded = cache.checkpoint(path)
vocabulary = min(len(loaded.tokenizer.words), loaded.config.vocab_size) - FIRST_WORD_ID
st.caption(t("emb.model.caption", vocab=vocabulary, dim=loaded.config.embedding_dim,
             frozen=t("emb.model.frozen") if loaded.config.freeze_embedding else ""))

st.subheader(t("emb.lookup.header"))
typed = st.text_input(t("emb.lookup.words"), "good bad boring movie zzzq", max_chars=300, key="emb_lookup_words", bind="query-params")
words = split_words(typed)[:MAX_LOOKUP_WORDS]
if not words:
    st.warning(t("emb.lookup.empty"))
else:
    found = lookup(loaded.model, loaded.tokenizer, words)
    rows = [f"{word} → {i}" for word, i in zip(found.words, found.ids)]
    chart_with_code(ec.matrix_figure(found.vectors, rows, t("emb.lookup.title"), lang), snippets.lookup_code(words),
                    t("emb.lookup.notice", dim=found.vectors.shape[1]), key="emb_chart_lookup")

predict_then_reveal("lesson.embeddings.question", "lesson.embeddings.answer", key="emb_reveal")
st.subheader(t("emb.space.header"))
most = max(20, min(5_000, vocabulary))
left, right = st.columns([3, 1])
count = left.slider(t("emb.space.count"), min(20, most), most, min(500, most), step=10, key="emb_count", bind="query-params")
dims = 3 if right.toggle(t("emb.space.3d"), key="emb_space_3d", bind="query-params") else 2
space = cache.embedding_space(path, count)
chart_with_code(ec.space_figure(space.words, space.coords, space.polarity, space.explained, dims, lang=lang),
                snippets.space_code(count), t("emb.space.notice"), key="emb_chart_space")

show_replay(infos, names, path, lang)
show_neighbours(path, lang)

st.subheader(t("emb.axis.header"))
left, right = st.columns(2)
negative = left.text_input(t("emb.axis.negative"), "bad", max_chars=60, key="emb_axis_negative", bind="query-params")
positive = right.text_input(t("emb.axis.positive"), "good", max_chars=60, key="emb_axis_positive", bind="query-params")
positions = cache.semantic_axis(path, negative, positive, count)
if positions is None:
    st.warning(t("emb.axis.unknown"))
else:
    chart_with_code(ec.axis_figure(space.words, positions, space.polarity, negative.strip().lower(),
                                   positive.strip().lower(), lang=lang),
                    snippets.axis_code(negative.strip().lower(), positive.strip().lower()), t("emb.axis.notice"),
                    key="emb_chart_axis")

st.subheader(t("emb.compare.header"))
if len(names) < 2:
    st.info(t("emb.compare.need_two"))
    st.stop()
other = st.selectbox(t("emb.compare.other"), [p for p in names if p != path], format_func=names.get,
                     key="emb_compare_other")
comparison = cache.compare_spaces(path, other, min(count, 1_000))
chart_with_code(ec.comparison_figure(comparison.words, comparison.polarity_a, comparison.polarity_b,
                                     comparison.overlap, names[path], names[other], lang=lang),
                snippets.compare_code(),
                t("emb.compare.notice", count=len(comparison.words), correlation=comparison.correlation,
                  overlap=comparison.mean_overlap, k=comparison.k), key="emb_chart_compare")
