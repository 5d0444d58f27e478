"""A section of the Vanishing gradients page: what the gradients are measured on."""

from __future__ import annotations

import streamlit as st

from rnnviz.gradients import MAX_STEPS
from rnnviz.ui.state import t
from rnnviz.ui.widgets import limited_text

TEXT_KEY, LABEL_KEY = "gradients_text", "gradients_label"


def use_example(examples: list, index: int) -> None:
    st.session_state[TEXT_KEY] = examples[index][1]
    st.session_state[LABEL_KEY] = examples[index][2]


def choose_input(examples: list) -> tuple[str | None, int, int]:
    """(review text or None, length, seed): a review (an example button or typed), or random word ids of
    a chosen length drawn with a chosen seed. ``examples``: (text key of the button, review, label)."""
    st.header(t("gradients.input"))
    source = st.radio(t("gradients.source"), ["review", "random"], format_func=lambda s: t(f"gradients.source.{s}"),
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
