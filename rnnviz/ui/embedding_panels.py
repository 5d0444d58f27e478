"""Sections of the Embeddings page: word lookup, the map replayed epoch by epoch, a word's neighbours, a
semantic axis, two models compared."""

from __future__ import annotations

import streamlit as st

from rnnviz.ui import cache, embedding_charts as ec, snippets
from rnnviz.ui.state import t
from rnnviz.ui.core import lookup, split_words
from rnnviz.ui.widgets import chart_with_code

MAX_LOOKUP_WORDS = 12


def show_replay(infos: list, names: dict[str, str], path: str, lang: str) -> None:
    """The word map forming, epoch by epoch, for a model that kept training snapshots (the page's model
    when it did, else the first that did)."""
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


def show_neighbours(path: str, lang: str) -> None:
    """The typed word's nearest words in the checkpoint's embedding, and (on demand) in the word vectors
    the embedding started from."""
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


def show_lookup(loaded, lang: str) -> None:
    """Typed words -> their ids -> their rows of the embedding matrix."""
    typed = st.text_input(t("emb.lookup.words"), "good bad boring movie zzzq", max_chars=300, key="emb_lookup_words",
                          bind="query-params")
    words = split_words(typed)[:MAX_LOOKUP_WORDS]
    if not words:
        st.warning(t("emb.lookup.empty"))
    else:
        found = lookup(loaded.model, loaded.tokenizer, words)
        rows = [f"{word} → {i}" for word, i in zip(found.words, found.ids)]
        chart_with_code(ec.matrix_figure(found.vectors, rows, t("emb.lookup.title"), lang), snippets.lookup_code(words),
                        t("emb.lookup.notice", dim=found.vectors.shape[1]), key="emb_chart_lookup")


def show_axis(path: str, count: int, lang: str) -> None:
    """The ``count`` most frequent words placed on the axis between two typed words."""
    space = cache.embedding_space(path, count)
    left, right = st.columns(2)
    negative = left.text_input(t("emb.axis.negative"), "bad", max_chars=60, key="emb_axis_negative",
                               bind="query-params")
    positive = right.text_input(t("emb.axis.positive"), "good", max_chars=60, key="emb_axis_positive",
                                bind="query-params")
    positions = cache.semantic_axis(path, negative, positive, count)
    if positions is None:
        st.warning(t("emb.axis.unknown"))
    else:
        chart_with_code(ec.axis_figure(space.words, positions, space.polarity, negative.strip().lower(),
                                       positive.strip().lower(), lang=lang),
                        snippets.axis_code(negative.strip().lower(), positive.strip().lower()), t("emb.axis.notice"),
                        key="emb_chart_axis")


def show_comparison(path: str, names: dict[str, str], count: int, lang: str) -> None:
    """The same words in two checkpoints' spaces: polarity against polarity, neighbours shared."""
    if len(names) < 2:
        st.info(t("emb.compare.need_two"))
        return
    other = st.selectbox(t("emb.compare.other"), [p for p in names if p != path], format_func=names.get,
                         key="emb_compare_other")
    comparison = cache.compare_spaces(path, other, min(count, 1_000))
    chart_with_code(ec.comparison_figure(comparison.words, comparison.polarity_a, comparison.polarity_b,
                                         comparison.overlap, names[path], names[other], lang=lang),
                    snippets.compare_code(),
                    t("emb.compare.notice", count=len(comparison.words), correlation=comparison.correlation,
                      overlap=comparison.mean_overlap, k=comparison.k), key="emb_chart_compare")
