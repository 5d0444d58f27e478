"""Sections of the Embeddings page: the word map replayed epoch by epoch, and a word's neighbours."""

from __future__ import annotations

import streamlit as st

from rnnviz.ui import cache, embedding_charts as ec, snippets
from rnnviz.ui.state import t
from rnnviz.ui.widgets import chart_with_code


def show_replay(infos: list, names: dict[str, str], path: str, lang: str) -> None:
    """The word map forming, epoch by epoch, for a model that kept training snapshots (the page's model
    when it did, else the first that did)."""
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


def show_neighbours(path: str, lang: str) -> None:
    """The typed word's nearest words in the checkpoint's embedding, and (on demand) in the word vectors
    the embedding started from."""
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
