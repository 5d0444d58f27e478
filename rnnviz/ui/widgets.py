"""Small Streamlit helpers shared by pages (every widget gets an explicit key from its caller)."""

from __future__ import annotations

import streamlit as st

from rnnviz.data import DataSource
from rnnviz.tokenizer import MAX_TEXT_CHARS
from rnnviz.ui import app_charts
from rnnviz.ui.state import language, presenter, t
from rnnviz.ui.steps import picture_shown

MAX_SENTENCES = 12
# A chart's height on a projector: 720 px less the header, the step's title and its Back / Next line.
PRESENTER_CHART_HEIGHT = 335


def source_label(source: DataSource) -> str:
    name = t(f"source.{source.kind}") if source.kind in ("local", "hub", "sample") else source.kind
    return f"{name} (`{source.location}`)" if source.kind != "sample" else name


def models_table(infos, key: str, columns: tuple[str, ...] | None = None) -> None:
    """The checkpoints as a table with translated headings and accuracies in percent (``columns``: the
    ``models.col.*`` keys to show, in ``app_charts.checkpoint_table``'s order; None: all of them)."""
    rows = app_charts.checkpoint_table(infos, language())
    if columns is not None:
        kept = {t(f"models.col.{column}") for column in columns}
        rows = [{heading: value for heading, value in row.items() if heading in kept} for row in rows]
    st.dataframe(rows, hide_index=True, width="stretch", key=key,
                 column_config={t(f"models.col.{column}"): st.column_config.NumberColumn(format="percent")
                                for column in ("test_accuracy", "sst_dev_accuracy", "order_pairs_accuracy")})


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


def _picture(title: str | None) -> bool:
    """Whether the picture about to be drawn is shown now (:func:`~rnnviz.ui.steps.picture_shown`); its
    title first when it is."""
    shown = picture_shown()
    if shown and title:
        st.subheader(title)
    return shown


def show_chart(figure, key: str, title: str | None = None) -> None:
    """A chart on its own (one picture of its section: on a projector, drawn on its own step)."""
    if _picture(title):
        draw_chart(figure, key)


def draw_chart(figure, key: str) -> None:
    """Every chart goes through here: presenter mode enlarges its text for the back of the room. (Not a
    picture of its own: the caller decides, with :func:`~rnnviz.ui.steps.picture_shown`.)"""
    if presenter():
        figure = scale_for_presenter(figure)
    st.plotly_chart(figure, width="stretch", key=key)


def scale_for_presenter(figure, factor: float = 1.3, max_height: int = PRESENTER_CHART_HEIGHT):
    """A copy of ``figure`` with every font scaled by ``factor`` and its height kept to what a 1280x720
    projector shows under the step's title (the original is cached)."""
    import plotly.graph_objects as go

    spec = figure.to_dict()
    layout = spec.setdefault("layout", {})
    layout.setdefault("font", {}).setdefault("size", 16)  # what every font without a size of its own inherits
    _scale_fonts(spec, factor)
    # Streamlit's chart theme sizes ticks, legends and colour bars in rem (15 px in presenter mode's larger
    # root font): every one gets the figure's size explicitly.
    size = layout["font"]["size"]
    for name, part in list(layout.items()):
        if name.startswith(("xaxis", "yaxis")):
            part.setdefault("tickfont", {}).setdefault("size", size)
            if isinstance(part.get("title"), dict):
                part["title"].setdefault("font", {}).setdefault("size", size)
    layout.setdefault("legend", {}).setdefault("font", {}).setdefault("size", size)
    for trace in spec.get("data", []):
        for holder in (trace, trace.get("marker") or {}):
            if "colorbar" in holder or trace.get("type") in ("heatmap", "contour"):
                holder.setdefault("colorbar", {}).setdefault("tickfont", {}).setdefault("size", size)
    layout["height"] = min(round((layout.get("height") or 450) * factor), max_height)
    return go.Figure(spec)


def _scale_fonts(node, factor: float) -> None:
    """Scale every font size in a figure's dict (axes, legends, annotations, traces), none under 16 px."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), (int, float)):
                value["size"] = max(round(value["size"] * factor), 16)
            _scale_fonts(value, factor)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _scale_fonts(item, factor)


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


def chart_with_code(figure, code: str, notice: str, key: str, title: str | None = None) -> None:
    """One picture of a section: a chart on the left, its torch code on the right, the point to notice
    under the chart. On a projector the chart takes the width and the code is one click away."""
    if not _picture(title):
        return
    if presenter():
        _chart_then_code(figure, code, notice, key)
        return
    left, right = st.columns([2, 1], vertical_alignment="top")
    with left:
        draw_chart(figure, key=key)
        st.markdown(notice)
    with right:
        st.caption(t("common.code"))
        st.code(code, language="python")


def wide_chart(figure, code: str, notice: str, key: str, title: str | None = None) -> None:
    """One picture of a section: a chart across the page (long reviews need the width), what to notice
    under it, its code one click away."""
    if _picture(title):
        _chart_then_code(figure, code, notice, key)


def _chart_then_code(figure, code: str, notice: str, key: str) -> None:
    draw_chart(figure, key=key)
    st.markdown(notice)
    with st.expander(t("common.code")):
        st.code(code, language="python")
