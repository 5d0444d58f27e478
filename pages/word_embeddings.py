import streamlit as st

from rnnviz.ui.core import FIRST_WORD_ID, from_pretrained_lesson, lookup, split_words
from rnnviz.ui import cache, embedding_charts as ec, snippets
from rnnviz.ui.state import language, t
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

st.subheader(t("emb.timeline.header"))
watched = [str(info.path) for info in infos if info.snapshots]  # the models that kept training snapshots
if not watched:
    st.info(t("emb.timeline.none_at_all"))
else:
    replayed = st.selectbox(t("emb.timeline.model"), watched, index=watched.index(path) if path in watched else 0,
                            format_func=names.get, key="emb_timeline_model", help=t("emb.timeline.model.help"))
    timeline, coords, explained = cache.training_map(replayed)
    chart_with_code(ec.timeline_figure(timeline.words, coords, timeline.polarity, timeline.epochs, explained, lang),
                    snippets.timeline_code(), t("emb.timeline.notice"), key="emb_chart_timeline")
    chart_with_code(ec.probe_curves_figure(timeline.epochs, timeline.probe_texts, timeline.probes, lang),
                    snippets.timeline_probes_code(), t("emb.timeline.probes.notice"), key="emb_chart_timeline_probes")

st.subheader(t("emb.near.header"))
word = st.text_input(t("emb.near.word"), "excellent", max_chars=60, key="emb_near_word", bind="query-params")
near = cache.neighbours(path, word, 12) if word.strip() else None
if near is None or not near.words:
    st.warning(t("emb.near.unknown"))
else:
    chart_with_code(ec.neighbours_figure(near.word, near.words, near.similarity, lang),
                    snippets.neighbours_code(near.word), t("emb.near.notice"), key="emb_chart_neighbours")
    if st.toggle(t("emb.unlabelled.toggle"), key="emb_unlabelled", bind="query-params",
                 help=t("emb.unlabelled.help")):
        with st.spinner(t("emb.unlabelled.spinner")):
            before = cache.unlabelled_neighbours(path, word, 12)
        if before is not None:
            chart_with_code(ec.neighbours_figure(before.word, before.words, before.similarity, lang,
                                                 title=t("emb.unlabelled.title", word=before.word)),
                            snippets.unlabelled_code(before.word), t("emb.unlabelled.notice"),
                            key="emb_chart_unlabelled")

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
