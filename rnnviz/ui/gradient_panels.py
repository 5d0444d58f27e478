"""Sections of the Vanishing gradients page: what the gradients are measured on, and how they fade."""

from __future__ import annotations

import streamlit as st

from rnnviz.gradients import MAX_STEPS
from rnnviz.ui import cache, gradient_charts, snippets
from rnnviz.ui.state import option_labels, t
from rnnviz.ui.widgets import limited_text, wide_chart

TEXT_KEY, LABEL_KEY = "gradients_text", "gradients_label"


def use_example(examples: list, index: int) -> None:
    st.session_state[TEXT_KEY] = examples[index][1]
    st.session_state[LABEL_KEY] = examples[index][2]


def choose_input(examples: list) -> tuple[str | None, int, int]:
    """(review text or None, length, seed): a review (an example button or typed), or random word ids of
    a chosen length drawn with a chosen seed. ``examples``: (text key of the button, review, label)."""
    st.subheader(t("gradients.input"))
    source = st.radio(t("gradients.source"), ["review", "random"], format_func=option_labels("gradients.source"),
                      horizontal=True, key="gradients_source", bind="query-params")
    text, length, seed = None, MAX_STEPS, 0
    if source == "review":
        st.caption(t("gradients.examples"))
        for index, (column, example) in enumerate(zip(st.columns(len(examples)), examples)):
            column.button(t(example[0]), key=f"gradients_example_{index}", on_click=use_example, args=(examples, index),
                          width="stretch")
        if TEXT_KEY not in st.session_state:
            use_example(examples, len(examples) - 1)
        text = limited_text(st.text_area(t("gradients.review"), height=150, key=TEXT_KEY))
    else:
        left, right = st.columns(2)
        length = left.slider(t("gradients.length"), 1, MAX_STEPS, MAX_STEPS, key="gradients_length", bind="query-params")
        seed = int(right.number_input(t("gradients.seed"), 0, 10_000, 0, key="gradients_seed", bind="query-params"))
    return text, length, seed


def show_decay(text: str | None, length: int, seed: int, lang: str) -> None:
    """How fast the gradient of the last step (or of the loss) fades back through the review, in the
    shipped models and in fresh ones."""
    left, right = st.columns([1, 1.5])
    target = left.radio(t("gradients.target"), ["state", "loss"], format_func=option_labels("gradients.target"),
                        horizontal=True, key="gradients_target", bind="query-params", help=t("gradients.target.help"))
    which = right.radio(t("gradients.which"), ["state", "input"], format_func=option_labels("gradients.which"),
                        horizontal=True, key="gradients_which", bind="query-params")
    label = 1
    if target == "loss":  # its own row: it is there only for the loss
        label = st.radio(t("gradients.label"), [1, 0], format_func=option_labels("gradients.label"),
                         horizontal=True, key=LABEL_KEY)
    result = cache.gradient_decays(text, length, seed, target, label)
    for error in result.errors:
        st.warning(error)
    wide_chart(gradient_charts.decay_figure(result.trained, result.fresh, which, lang), snippets.decay_code(target),
               t("gradients.measured.notice"), key="gradients_chart_decay")
    if result.total > result.tokens:
        st.info(t("gradients.cut", total=result.total, limit=MAX_STEPS))
    trained = ", ".join(d.label for d in result.trained.values()) or t("gradients.measured.none")
    caption = t("gradients.measured.caption", steps=result.tokens, ms=result.milliseconds, trained=trained,
                models=len(result.trained) + len(result.fresh))
    if result.radius_trained is not None:
        caption += " " + t("gradients.measured.radius", trained=result.radius_trained, fresh=result.radius_fresh)
    st.caption(caption)
