"""A section of the Prediction page: why the model said what it said, word by word."""

from __future__ import annotations

import streamlit as st

from rnnviz.explain import explainer_for
from rnnviz.ui import app_charts, cache, snippets
from rnnviz.ui.state import t
from rnnviz.ui.widgets import show_chart


def _code_words(pairs) -> str:
    return ", ".join(f"`{word}` ({value:+.2f})" for word, value in pairs) or t("predict.none")


def show_why(verdicts: list, text: str, lang: str) -> float:
    """Each word's contribution to one model's verdict on ``text``: the model that reads texts of this
    length best unless the user picks another. Returns the milliseconds the explanation took."""
    names = [verdict.name for verdict in verdicts]
    best, short = explainer_for(verdicts)  # the best reader of short sentences, or of long reviews
    why_this_one, choice = st.columns([3, 2], vertical_alignment="bottom")  # one row: the chart fits a projector
    why_this_one.caption(t("predict.picked.short" if short else "predict.picked.long",
                           words=max(v.words for v in verdicts), name=verdicts[best].name))
    name = choice.selectbox(t("predict.model"), names, index=best, key=f"predict_model_{'short' if short else 'long'}")
    verdict = verdicts[names.index(name)] if name in names else verdicts[best]
    explained, explain_ms = cache.explanation(verdict.path, text)
    if explained.truncated:
        st.info(t("predict.cut", total=verdict.tokens, max_len=explained.max_len, cut=len(explained.cut_words)))
        cut = explained.cut_words
        st.text(" ".join(cut[:80]) + (" …" if len(cut) > 80 else ""))
    show_chart(app_charts.words_figure(explained.words, explained.contributions, explained.is_oov, name, lang),
               key="predict_chart_words")  # full width: long reviews need it
    st.markdown(t(f"predict.why.{explained.method}"))
    with st.expander(t("common.code")):
        st.code(snippets.predict_code(cache.shown_path(verdict.path)), language="python")
    st.markdown(t("predict.top", positive=_code_words(explained.top(5, True)),
                  negative=_code_words(explained.top(5, False))))
    if explained.n_oov:
        st.caption(t("predict.oov", count=explained.n_oov))
    return explain_ms
