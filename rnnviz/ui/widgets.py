"""Small Streamlit helpers shared by pages (every widget gets an explicit key from its caller)."""

from __future__ import annotations

import streamlit as st

from rnnviz.data import DataSource
from rnnviz.tokenizer import MAX_TEXT_CHARS
from rnnviz.ui.state import presenter, t

MAX_SENTENCES = 12


def source_label(source: DataSource) -> str:
    name = t(f"source.{source.kind}") if source.kind in ("local", "hub", "sample") else source.kind
    return f"{name} (`{source.location}`)" if source.kind != "sample" else name


def limited_text(text: str) -> str:
    """Cut text past the tokenizer's limit, with a visible message rather than an error."""
    if len(text) > MAX_TEXT_CHARS:
        st.warning(t("error.text_too_long", chars=len(text), limit=MAX_TEXT_CHARS))
        return text[:MAX_TEXT_CHARS]
    return text


def sentence_lines(text: str) -> list[str]:
    """Non-empty lines of a text area, at most ``MAX_SENTENCES`` (with a note when more were typed)."""
    lines = [line for line in limited_text(text).splitlines() if line.strip()]
    if len(lines) > MAX_SENTENCES:
        st.info(t("padding.input.too_many_lines", limit=MAX_SENTENCES))
    return lines[:MAX_SENTENCES]


def show_chart(figure, key: str) -> None:
    """Every chart goes through here: presenter mode enlarges its text for the back of the room."""
    if presenter():
        figure = scale_for_presenter(figure)
    st.plotly_chart(figure, width="stretch", key=key)


def scale_for_presenter(figure, factor: float = 1.3):
    """A copy of ``figure`` with every font and its height scaled by ``factor`` (the original is cached)."""
    import plotly.graph_objects as go

    scaled = go.Figure(figure)
    base = scaled.layout.font.size or 16
    scaled.update_layout(font_size=round(base * factor), height=round((scaled.layout.height or 450) * factor))
    if scaled.layout.title.font.size:
        scaled.layout.title.font.size = round(scaled.layout.title.font.size * factor)
    for trace in scaled.data:
        fonts = [getattr(trace, "textfont", None), getattr(getattr(trace, "colorbar", None), "tickfont", None)]
        marker = getattr(trace, "marker", None)
        fonts.append(getattr(getattr(marker, "colorbar", None), "tickfont", None))
        for font in fonts:
            if font is not None and font.size:
                font.size = max(round(font.size * factor), 16)
    return scaled


def predict_then_reveal(question_key: str, answer_key: str, key: str) -> None:
    """A question for the class, its answer hidden until the teacher opens it."""
    st.info(f"**{t('common.question')}**: {t(question_key)}", icon=":material/quiz:")
    with st.expander(t("common.reveal"), expanded=False, key=key):
        st.markdown(t(answer_key))


def checkpoints_or_stop(recurrent: bool = False) -> tuple[list, dict[str, str]]:
    """The available checkpoints and their names by path; a clear message and a stop when there is none.

    recurrent: only the RNNs (a bag of words has no hidden state to show)
    """
    from rnnviz.ui.cache import available_checkpoints

    infos = [info for info in available_checkpoints() if info.recurrent or not recurrent]
    if not infos:
        st.info(t("probe.no_checkpoints"), icon=":material/info:")
        st.stop()
    return infos, {str(info.path): info.name for info in infos}


def chart_with_code(figure, code: str, notice: str, key: str) -> None:
    """A chart on the left, its torch code on the right, the point to notice under the chart."""
    left, right = st.columns([2, 1], vertical_alignment="top")
    with left:
        show_chart(figure, key=key)
        st.markdown(notice)
    with right:
        st.caption(t("common.code"))
        st.code(code, language="python")


def wide_chart(figure, code: str, notice: str, key: str) -> None:
    """A chart across the page (long reviews need the width), what to notice under it, its code one click away."""
    show_chart(figure, key=key)
    st.markdown(notice)
    with st.expander(t("common.code")):
        st.code(code, language="python")


def _numbered(labels: dict[str, str]) -> list[str]:
    """The sections' titles as their tabs show them: "1. ...", "2. ..." in the course's order."""
    return [f"{i}. {title}" for i, title in enumerate(labels.values(), start=1)]


def open_section(labels: dict[str, str], key: str):
    """The page's sections as tabs, of which only the chosen one is computed and drawn: (name of the
    open section, its tab container). The others show their labels, so no lesson is hidden; a
    "section i of n" line with Back / Next buttons follows (:func:`section_steps`), the same in presenter
    mode, where a section is one step of the lesson. ``labels``: section name -> its title (numbered here),
    in the course's order."""
    tabs = st.tabs(_numbered(labels), key=key, on_change="rerun", bind="query-params")  # a link opens the same section
    index = next((i for i, tab in enumerate(tabs) if tab.open), 0)
    return list(labels)[index], tabs[index]


def section_steps(labels: dict[str, str], key: str, current: str) -> None:
    """Back / Next between the sections of :func:`open_section`, and where the reader is."""
    tabs, titles, index = _numbered(labels), list(labels.values()), list(labels).index(current)

    def go(step: int) -> None:
        st.session_state[key] = tabs[index + step]

    back, where, forward = st.columns([1, 1.4, 1.6], vertical_alignment="center")
    back.button(t("common.back"), key=f"{key}_back", on_click=go, args=(-1,), disabled=index == 0,
                icon=":material/arrow_back:", width="stretch")
    where.caption(t("common.section_of", index=index + 1, count=len(titles), title=titles[index]))
    if index + 1 < len(titles):
        forward.button(t("common.next", title=tabs[index + 1]), key=f"{key}_next", on_click=go, args=(1,),
                       icon=":material/arrow_forward:", type="primary", width="stretch")
