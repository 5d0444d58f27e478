import streamlit as st

from rnnviz.ui.core import FIRST_WORD_ID, from_pretrained_lesson
from rnnviz.ui import cache, embedding_charts as ec, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.embedding_panels import show_axis, show_comparison, show_lookup, show_neighbours, show_replay
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import chart_with_code, checkpoints_or_stop

lang = language()

st.title(t("emb.title"))
page_intro(t("emb.intro"))

SECTIONS = ("lesson", "lookup", "space", "timeline", "near", "axis", "compare")
labels = {name: t(f"emb.{name}.header") for name in SECTIONS}
questions = {"lookup": ("lesson.embeddings.question", "lesson.embeddings.answer")}
with sections(labels, "emb_section", questions, keep=("emb_checkpoint", "emb_timeline_model")) as section:
    if section == "lesson":
        lesson = from_pretrained_lesson()
        chart_with_code(ec.matrix_figure(lesson.weights, [str(i) for i in range(len(lesson.weights))],
                                         t("emb.pretrained.title"), lang, highlight=lesson.inputs.tolist()),
                        snippets.pretrained_code(), t("emb.pretrained.notice"), key="emb_chart_pretrained")
        frozen, free = cache.freeze_steps()
        chart_with_code(ec.freeze_figure(frozen.change, free.change, lang), snippets.freeze_code(),
                        t("emb.freeze.notice", frozen=float(frozen.change.max()), free=float(free.change.max()),
                          head=frozen.head_change), key="emb_chart_freeze")
    elif section:  # the sections that read a trained model
        with inputs_box(t("emb.inputs"), opening=False):
            st.markdown(f"**{t('emb.model.header')}**")
            infos, names = checkpoints_or_stop()
            path = st.selectbox(t("emb.model"), list(names), format_func=names.get, key="emb_checkpoint")
            loaded = cache.checkpoint(path)
            vocabulary = min(len(loaded.tokenizer.words), loaded.config.vocab_size) - FIRST_WORD_ID
            st.caption(t("emb.model.caption", vocab=vocabulary, dim=loaded.config.embedding_dim,
                         frozen=t("emb.model.frozen") if loaded.config.freeze_embedding else ""))
            most = max(20, min(5_000, vocabulary))
            count = st.slider(t("emb.space.count"), min(20, most), most, min(500, most), step=10, key="emb_count",
                              bind="query-params") if section in ("space", "axis", "compare") else 0
        if section == "lookup":
            show_lookup(loaded, lang)
        elif section == "space":
            dims = 3 if st.toggle(t("emb.space.3d"), key="emb_space_3d", bind="query-params") else 2
            space = cache.embedding_space(path, count)
            chart_with_code(ec.space_figure(space.words, space.coords, space.polarity, space.explained, dims, lang=lang),
                            snippets.space_code(count), t("emb.space.notice"), key="emb_chart_space")
        elif section == "timeline":
            show_replay(infos, names, path, lang)
        elif section == "near":
            show_neighbours(path, lang)
        elif section == "axis":
            show_axis(path, count, lang)
        else:
            show_comparison(path, names, count, lang)
