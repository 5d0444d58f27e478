"""Sections of the Hidden states page that read one probe: the gates, one unit at a time, and the course's
lessons on it."""

from __future__ import annotations

import numpy as np
import streamlit as st

from rnnviz.probes import reacting_units, unit_activation
from rnnviz.ui import probe_charts as pc, snippets
from rnnviz.ui.state import option_labels, t
from rnnviz.ui.widgets import chart_with_code, show_chart

# The Hidden states page's example reviews (the negation one is also the home page's picture).
EXAMPLES = {"negation": "This movie is not bad at all.",
            "but": "The actors are brilliant and the first hour is moving, but the ending is a boring, stupid mess."}


def show_gates(probe, tokens: list[str], lang: str) -> None:
    """The LSTM's or GRU's gates on the review (``lessons.ReviewProbe``), a note for a plain RNN."""
    if probe.gates is None:
        st.info(t("hs.gates.none"))
    else:
        gates = probe.gates
        if probe.backward_gates is not None and st.radio(
                t("hs.gates.direction"), ("forward", "backward"), format_func=option_labels("hs.gates.direction"),
                horizontal=True, key="hs_gate_direction") == "backward":
            gates = probe.backward_gates
        chart_with_code(pc.gate_means_figure(gates.mean(), tokens, lang), snippets.gates_code(probe.cell),
                        t(f"hs.gates.notice.{probe.cell}"), key="hs_chart_gate_means")
        gate = st.radio(t("hs.gates.pick"), list(gates.values), format_func=option_labels("probe.gate"),
                        horizontal=True, key=f"hs_gate_{probe.cell}")
        low = 0.0 if gate in ("i", "f", "o", "r", "z") else -1.0
        bound = max(1.0, float(np.abs(gates.values[gate]).max())) if gate == "c" else 1.0
        show_chart(pc.states_heatmap(gates.values[gate], tokens, 1, lang, t(f"probe.gate.{gate}"),
                                     (low * bound, bound)), key="hs_chart_gate_units")


def show_units(probe, tokens: list[str], lang: str) -> None:
    """One hidden unit across the review, and the units that react most to one word."""
    reading = probe.reading
    left, right = st.columns(2)
    unit = left.slider(t("hs.units.unit"), 0, reading.states.shape[1] - 1, 0, key="hs_unit")
    turn = int(np.abs(np.diff(reading.prob_by_step, prepend=reading.prob_by_step[0])).argmax())  # where it turns most
    # "position: word" options: a new review brings new options, so a stale choice cannot point at another word
    words = [f"{i}: {word}" for i, word in enumerate(tokens)]
    position = words.index(right.selectbox(t("hs.units.word"), words, index=turn, key="hs_word"))
    label = pc.unit_labels(reading.forward.shape[1], probe.directions)[unit]
    chart_with_code(pc.word_colours(tokens, unit_activation(reading, unit), lang, t("hs.units.title", unit=label),
                                    highlight=position),
                    snippets.unit_code(unit), t("hs.units.notice"), key="hs_chart_unit_words")
    reaction = reacting_units(reading, position, k=10)
    labels = [pc.unit_labels(reading.forward.shape[1], probe.directions)[u] for u in reaction.units]
    chart_with_code(pc.reaction_figure(labels, reaction.delta, reaction.activation, tokens[position], lang),
                    snippets.reaction_code(position), t("hs.reaction.notice"), key="hs_chart_reaction")


def show_course_lessons(probe, tokens: list[str], lang: str) -> None:
    """The course's lessons on this review: the RNNCell loop, the last state of a padded batch, the two
    halves of a bidirectional output, the shapes of each task."""
    loop = probe.loop
    chart_with_code(pc.cell_loop_figure(loop.by_module, loop.by_hand, loop.by_cell, lang), snippets.cell_loop_code(),
                    t("hs.loop.notice", steps=loop.by_module.shape[1], hand=loop.max_diff_hand, cell=loop.max_diff_cell,
                      h_n=loop.max_diff_h_n)
                    + ("" if probe.loop_own else "\n\n" + t("hs.loop.not_own")), key="hs_chart_loop",
                    title=t("hs.loop.header"))
    last = probe.last
    notice = t("hs.last.notice", h_n=last.h_n_diff)
    if last.prob_last is not None:
        notice += "\n\n" + t("hs.last.probs", wrong=float(last.prob_last[-1]), right=float(last.prob_gathered[-1]))
    chart_with_code(pc.last_state_figure(last.lengths, last.error_last, last.error_gathered, lang),
                    snippets.last_state_code(), notice, key="hs_chart_last",
                    title=t("hs.last.header"))
    halves = probe.halves
    notice = t("hs.halves.notice.bi" if probe.directions == 2 else "hs.halves.notice.uni", width=halves.out_width,
               shape=str(halves.h_n_shape))
    chart_with_code(pc.halves_figure(halves.forward, halves.backward, halves.bias, lang), snippets.halves_code(),
                    notice, key="hs_chart_halves",
                    title=t("hs.halves.header"))
    chart_with_code(pc.task_shapes_figure(probe.shapes, tokens, lang), snippets.shapes_code(), t("hs.shapes.notice"),
                    key="hs_chart_shapes",
                    title=t("hs.shapes.header"))
