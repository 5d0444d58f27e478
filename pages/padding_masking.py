import streamlit as st

from rnnviz.ui.core import pack, pad_batch, pad_tokens, TOKEN_PATTERN
from rnnviz.ui import cache, charts, snippets
from rnnviz.ui.state import language, option_labels, t
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import chart_with_code, sentence_lines, show_chart

COURSE_IDS = [[1, 2, 3], [4, 5, 6, 7, 8], [9]]
lang = language()

st.title(t("padding.title"))
page_intro(t("padding.intro"))

with st.sidebar:
    st.subheader(t("padding.controls"))
    vocab_size = st.select_slider(t("padding.vocab_size"), options=cache.VOCAB_SIZES, value=10_000,
                                  help=t("padding.vocab_size.help"), key="padding_vocab_size", bind="query-params")
    use_maxlen = st.toggle(t("padding.use_maxlen"), value=True, key="padding_use_maxlen", bind="query-params")
    maxlen = st.slider(t("padding.maxlen"), 1, 300, 8, key="padding_maxlen", bind="query-params", disabled=not use_maxlen)
    padding = st.radio(t("padding.padding_side"), ["pre", "post"], horizontal=True, key="padding_side", bind="query-params",
                       help=t("padding.side.help"))
    truncating = st.radio(t("padding.truncating_side"), ["pre", "post"], horizontal=True,
                          key="padding_truncating", bind="query-params", help=t("padding.side.help"))
maxlen = maxlen if use_maxlen else None

with inputs_box(t("padding.inputs")):
    st.subheader(t("padding.input"))
    kind = st.radio(t("padding.input.kind"), ["typed", "reviews", "course"], horizontal=True,
                    format_func=option_labels("padding.input"), key="padding_input_kind", bind="query-params")
    tokenizer, build_seconds = cache.tokenizer(vocab_size)
    if kind == "course":
        token_rows = [[f"#{i}" for i in row] for row in COURSE_IDS]
        id_rows = COURSE_IDS
    else:
        if kind == "typed":
            text = st.text_area(t("padding.input.sentences"), t("padding.input.default"), height=150,
                                key="padding_sentences", bind="query-params")
            sentences = sentence_lines(text)
        else:
            count_column, seed_column = st.columns(2)
            count = count_column.slider(t("padding.input.review_count"), 1, 8, 3, key="padding_review_count", bind="query-params")
            seed = seed_column.number_input(t("padding.input.review_seed"), 0, 10_000, 0, key="padding_review_seed", bind="query-params")
            sentences = [text for text, _ in cache.sample_reviews(count, int(seed))]
            for i, review in enumerate(sentences, start=1):
                st.caption(f"{t('chart.sentence')} {i}: {review[:300]}…")
        if not sentences:
            st.warning(t("padding.input.empty"))
            st.stop()
        encodings = [tokenizer.encode_detailed(sentence) for sentence in sentences]
        token_rows = [list(e.tokens) for e in encodings]
        id_rows = [list(e.ids) for e in encodings]

batch = pad_batch(id_rows, maxlen, padding, truncating)
words = pad_tokens(token_rows, maxlen, padding, truncating)
labels = {name: t(f"padding.{name}") for name in ("step1", "step2", "step3", "step4")}
questions = {"step3": ("padding.question.truncate", "padding.answer.truncate"),
             "step4": ("padding.question.pack", "padding.answer.pack")}
with sections(labels, "padding_section", questions) as section:
    if section == "step1":
        chart_with_code(charts.token_ids_figure(token_rows, id_rows, lang), snippets.tokenize_code(vocab_size),
                        t("padding.step1.notice"), key="padding_chart_tokens")
        st.caption(t("home.stats", vocab=vocab_size, seconds=build_seconds) + " "
                   + t("padding.tokenizer_rule", pattern=TOKEN_PATTERN.pattern))
    elif section == "step2":
        notice = t("padding.step2.notice", shape=tuple(batch.shape), pad_share=batch.padding_fraction)
        if batch.truncated.any():
            rows = ", ".join(str(i + 1) for i in batch.truncated.nonzero()[0])
            notice += "\n\n" + t("padding.truncated", rows=rows, how=t(f"padding.truncated.{truncating}"))
        chart_with_code(charts.padded_matrix_figure(batch.ids, words, padding, lang),
                        snippets.padding_code(id_rows, maxlen, padding, truncating), notice, key="padding_chart_padded")
    elif section == "step3":
        chart_with_code(charts.mask_figure(batch.mask, lang), snippets.mask_code(), t("padding.step3.notice"),
                        key="padding_chart_mask")
        show_chart(charts.lengths_figure(batch.lengths, batch.original_lengths, lang), key="padding_chart_lengths")
    elif section == "step4" and not batch.lengths.any():
        st.warning(t("padding.pack.nothing"))
    elif section == "step4":
        view = pack(batch)
        if view.skipped_rows:
            st.info(t("padding.pack.skipped", rows=", ".join(str(r + 1) for r in view.skipped_rows)))
        left_words = pad_tokens(token_rows, maxlen, "post", truncating)
        chart_with_code(charts.packed_figure(view, left_words, len(id_rows), lang), snippets.pack_code(padding),
                        t("padding.step4.notice", saved=view.padding_saved), key="padding_chart_packed")
        show_chart(charts.packed_data_figure(view, len(id_rows), lang), key="padding_chart_packed_data")
