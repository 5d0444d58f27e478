"""Sections of the Hidden states page that read one probe: the gates, and the course's lessons on it."""

from __future__ import annotations

import numpy as np
import streamlit as st

from rnnviz.ui import probe_charts as pc, snippets
from rnnviz.ui.state import t
from rnnviz.ui.widgets import chart_with_code, show_chart


def show_gates(probe, tokens: list[str], lang: str) -> None:
    """The LSTM's or GRU's gates on the review (``lessons.ReviewProbe``), a note for a plain RNN."""
    st.header(t("hs.gates.header"))
    if probe.gates is None:
        st.info(t("hs.gates.none"))
    else:
        gates = probe.gates
        if probe.backward_gates is not None and st.radio(
                t("hs.gates.direction"), ("forward", "backward"), format_func=lambda d: t(f"hs.gates.direction.{d}"),
                horizontal=True, key="hs_gate_direction") == "backward":
            gates = probe.backward_gates
        chart_with_code(pc.gate_means_figure(gates.mean(), tokens, lang), snippets.gates_code(probe.cell),
                        t(f"hs.gates.notice.{probe.cell}"), key="hs_chart_gate_means")
        gate = st.radio(t("hs.gates.pick"), list(gates.values), format_func=lambda g: t(f"probe.gate.{g}"),
                        horizontal=True, key=f"hs_gate_{probe.cell}")
        low = 0.0 if gate in ("i", "f", "o", "r", "z") else -1.0
        bound = max(1.0, float(np.abs(gates.values[gate]).max())) if gate == "c" else 1.0
        show_chart(pc.states_heatmap(gates.values[gate], tokens, 1, lang, t(f"probe.gate.{gate}"),
                                     (low * bound, bound)), key="hs_chart_gate_units")


def show_course_lessons(probe, tokens: list[str], lang: str) -> None:
    """The course's lessons on this review: the RNNCell loop, the last state of a padded batch, the two
    halves of a bidirectional output, the shapes of each task."""
    st.header(t("hs.lessons.header"))
    st.subheader(t("hs.loop.header"))
    loop = probe.loop
    chart_with_code(pc.cell_loop_figure(loop.by_module, loop.by_hand, loop.by_cell, lang), snippets.cell_loop_code(),
                    t("hs.loop.notice", steps=loop.by_module.shape[1], hand=loop.max_diff_hand, cell=loop.max_diff_cell,
                      h_n=loop.max_diff_h_n)
                    + ("" if probe.loop_own else "\n\n" + t("hs.loop.not_own")), key="hs_chart_loop")
    st.subheader(t("hs.last.header"))
    last = probe.last
    notice = t("hs.last.notice", h_n=last.h_n_diff)
    if last.prob_last is not None:
        notice += "\n\n" + t("hs.last.probs", wrong=float(last.prob_last[-1]), right=float(last.prob_gathered[-1]))
    chart_with_code(pc.last_state_figure(last.lengths, last.error_last, last.error_gathered, lang),
                    snippets.last_state_code(), notice, key="hs_chart_last")
    st.subheader(t("hs.halves.header"))
    halves = probe.halves
    notice = t("hs.halves.notice.bi" if probe.directions == 2 else "hs.halves.notice.uni", width=halves.out_width,
               shape=str(halves.h_n_shape))
    chart_with_code(pc.halves_figure(halves.forward, halves.backward, halves.bias, lang), snippets.halves_code(),
                    notice, key="hs_chart_halves")
    st.subheader(t("hs.shapes.header"))
    chart_with_code(pc.task_shapes_figure(probe.shapes, tokens, lang), snippets.shapes_code(), t("hs.shapes.notice"),
                    key="hs_chart_shapes")
