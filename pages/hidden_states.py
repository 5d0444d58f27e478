import streamlit as st

from rnnviz.ui import cache, probe_charts as pc, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.hidden_state_panels import EXAMPLES, show_course_lessons, show_gates, show_units
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import chart_with_code, checkpoints_or_stop, limited_text

lang = language()


def use_example(kind: str) -> None:
    if kind == "sst":  # the next treebank sentence, a different one at each click
        sentences = cache.treebank_examples()
        st.session_state["hs_sst"] = (st.session_state.get("hs_sst", -1) + 1) % max(len(sentences), 1)
        st.session_state["hs_text"] = sentences[st.session_state["hs_sst"]] if sentences else EXAMPLES["negation"]
    else:
        st.session_state["hs_text"] = cache.long_review() if kind == "long" else EXAMPLES[kind]


st.title(t("hs.title"))
page_intro(t("hs.intro"))
infos, names = checkpoints_or_stop(recurrent=True)
one_per_cell: dict = {}
for info in cache.order_models()[0]:  # the models that read word order best come first
    one_per_cell.setdefault(info.cell, str(info.path))
with inputs_box():
    chosen = st.multiselect(t("hs.checkpoints"), list(names), default=list(one_per_cell.values())[:3],
                            format_func=names.get, key="hs_checkpoints")
    columns = st.columns(4)
    for column, kind in zip(columns, ("negation", "but", "sst", "long")):
        column.button(t(f"hs.example.{kind}"), key=f"hs_example_{kind}", on_click=use_example, args=(kind,),
                      width="stretch")
    st.session_state.setdefault("hs_text", EXAMPLES["negation"])
    text = limited_text(st.text_area(t("hs.text"), height=110, key="hs_text", bind="query-params"))
    path = st.radio(t("hs.detail"), chosen, format_func=names.get, horizontal=True, key="hs_detail") if chosen else None
if not chosen:
    st.warning(t("hs.pick_one"))
    st.stop()
if not text.strip():
    st.warning(t("hs.empty"))
    st.stop()
readings = {path: cache.review_reading(path, text) for path in chosen}  # the lessons: one model, below
for read in readings.values():
    if read.review.truncated:
        st.info(t("hs.truncated", name=read.name, total=read.review.total, kept=len(read.review.ids)))
if not next(iter(readings.values())).review.known_words:
    st.warning(t("hs.unknown_only"))

labels = {name: t(f"hs.{name}.header") for name in ("prob", "detail", "gates", "units", "lessons")}
questions = {"prob": ("lesson.hidden.question", "lesson.hidden.answer")}
with sections(labels, "hs_section", questions, keep=("hs_gate_direction", "hs_gate_lstm", "hs_gate_gru")) as section:
    if section == "prob":
        series = {f"{p.name} ({p.cell.upper()}{' bi' if p.directions == 2 else ''})":
                  (p.review.tokens, p.reading.prob_by_step) for p in readings.values()}
        treebank = cache.treebank_prefixes(text)
        chart_with_code(pc.prob_lines(series, lang, treebank), snippets.prob_code(),
                        t("hs.prob.notice") + ("\n\n" + t("hs.treebank") if treebank else ""), key="hs_chart_prob")
    elif section:  # one model's probe, computed only for the section that shows it
        probe = cache.review_probe(path, text)
        tokens, reading = probe.review.tokens, probe.reading
        if section == "detail":
            chart_with_code(pc.states_heatmap(reading.states, tokens, probe.directions, lang),
                            snippets.states_code(probe.cell), t("hs.heatmap.notice"), key="hs_chart_heatmap")
            dims = 3 if st.toggle(t("hs.trajectory.3d"), key="hs_trajectory_3d", bind="query-params") else 2
            chart_with_code(pc.trajectory_figure(probe.trajectory[:, :dims], tokens, reading.prob_by_step,
                                                 probe.explained, lang),
                            snippets.trajectory_code(), t("hs.trajectory.notice"), key="hs_chart_trajectory")
        elif section == "gates":
            show_gates(probe, tokens, lang)
        elif section == "units":
            show_units(probe, tokens, lang)
        else:
            show_course_lessons(probe, tokens, lang)
        st.caption(t("hs.detail.caption", name=probe.name, cell=probe.cell.upper(), units=reading.states.shape[1],
                     tokens=len(tokens), prob=reading.prob))
