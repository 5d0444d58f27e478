"""Pure chart builders: arrays in, ``plotly.graph_objects.Figure`` out. No streamlit here.

Every chart has axis titles and a legend or colour bar, large fonts (readable when projected),
and colour-blind-safe colours (Okabe-Ito).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.padding import PackedView
from rnnviz.tokenizer import OOV_ID, PAD_ID, START_ID
from rnnviz.ui.texts import tr

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
KIND_COLOURS = ("#E6E6E6", "#F0E442", "#D55E00", "#56B4E9")  # padding, start, OOV, word
BASE_FONT = 16
# Writing ids inside cells only helps while cells stay wide enough to read.
MAX_COLUMNS_WITH_TEXT = 30


def finish_layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": BASE_FONT + 4}},
        font={"size": BASE_FONT},
        height=height,
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
        hoverlabel={"font": {"size": BASE_FONT}},
    )
    return fig


def _discrete_colourscale(colours: Sequence[str]) -> list[list]:
    """A stepped colourscale so that z = 0..n-1 each get one flat colour."""
    n = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale


def _discrete_colourbar(labels: Sequence[str], title: str) -> dict:
    n = len(labels)
    return {
        "title": {"text": title},
        "tickvals": [i + 0.5 for i in range(n)] if n > 1 else [0],
        "ticktext": list(labels),
        "tickfont": {"size": BASE_FONT - 2},
        "lenmode": "pixels",
        "len": max(90, 36 * n),
    }


def _cell_font(columns: int) -> int:
    """Smaller digits once cells get narrow, so 4-digit ids stay inside their cell."""
    return BASE_FONT - 1 if columns <= 12 else BASE_FONT - 4


def _row_labels(count: int, lang: str) -> list[str]:
    return [f"{tr('chart.sentence', lang)} {i + 1}" for i in range(count)]


def id_kinds(ids: np.ndarray) -> np.ndarray:
    """ids: (...) -> (...) 0 padding, 1 start, 2 OOV, 3 any vocabulary word."""
    kinds = np.full(ids.shape, 3, dtype=np.int64)
    for kind, value in ((0, PAD_ID), (1, START_ID), (2, OOV_ID)):
        kinds[ids == value] = kind
    return kinds


def _kind_heatmap(ids: np.ndarray, words: np.ndarray, lang: str, title: str, x_title: str) -> go.Figure:
    rows, columns = ids.shape
    kinds = id_kinds(ids).astype(float)
    labels = [tr(k, lang) for k in ("chart.kind.pad", "chart.kind.start", "chart.kind.oov", "chart.kind.word")]
    show_text = columns <= MAX_COLUMNS_WITH_TEXT
    # Rows run downward like the printed matrix, so the first sentence is on top.
    fig = go.Figure(go.Heatmap(
        z=kinds, x=list(range(columns)), y=_row_labels(rows, lang),
        zmin=0, zmax=4, colorscale=_discrete_colourscale(KIND_COLOURS),
        colorbar=_discrete_colourbar(labels, tr("chart.kind", lang)),
        text=ids.astype(str), customdata=words,
        texttemplate="%{text}" if show_text else None, textfont={"size": _cell_font(columns)},
        hovertemplate=f"%{{y}}, {x_title.lower()} %{{x}}<br>id %{{text}}<br>"
                      f"{tr('chart.hover.word', lang)}: %{{customdata}}<extra></extra>",
        xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed", title=tr("chart.sentence", lang))
    fig.update_xaxes(title=x_title, dtick=1 if columns <= MAX_COLUMNS_WITH_TEXT else None)
    return finish_layout(fig, title, height=140 + 48 * rows)


def token_ids_figure(token_rows: Sequence[Sequence[str]], id_rows: Sequence[Sequence[int]],
                     lang: str = "en") -> go.Figure:
    """Each sentence's ids before padding, coloured by kind (start, OOV, word).

    token_rows, id_rows: B lists of the same lengths
    """
    width = max((len(r) for r in id_rows), default=0)
    ids = np.full((len(id_rows), max(width, 1)), -1, dtype=np.int64)
    words = np.full(ids.shape, "", dtype=object)
    for i, (tokens, row) in enumerate(zip(token_rows, id_rows)):
        ids[i, : len(row)] = row
        words[i, : len(tokens)] = tokens
    fig = _kind_heatmap(ids, words, lang, tr("chart.tokens_title", lang), tr("chart.position", lang))
    # Cells past a sentence's end are not padding yet: blank them out.
    z = fig.data[0].z
    z = np.where(ids < 0, np.nan, z)
    text = np.where(ids < 0, "", ids.astype(str))
    fig.data[0].update(z=z, text=text)
    return fig


def padded_matrix_figure(ids: np.ndarray, words: np.ndarray, padding: str, lang: str = "en") -> go.Figure:
    """ids: (B, T) padded; words: (B, T) the word in each cell ("" on padding)."""
    return _kind_heatmap(ids, words, lang, tr("chart.padded_title", lang, padding=padding),
                         tr("chart.position", lang))


def mask_figure(mask: np.ndarray, lang: str = "en") -> go.Figure:
    """mask: (B, T) of 0/1."""
    rows, columns = mask.shape
    fig = go.Figure(go.Heatmap(
        z=mask.astype(float), x=list(range(columns)), y=_row_labels(rows, lang), zmin=0, zmax=2,
        colorscale=_discrete_colourscale(("#E6E6E6", "#009E73")),
        colorbar=_discrete_colourbar([tr("chart.mask.zero", lang), tr("chart.mask.one", lang)], "mask"),
        text=mask.astype(str), texttemplate="%{text}" if columns <= MAX_COLUMNS_WITH_TEXT else None,
        textfont={"size": BASE_FONT - 1}, hovertemplate="%{y}, t=%{x}: %{z}<extra></extra>", xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed", title=tr("chart.sentence", lang))
    fig.update_xaxes(title=tr("chart.position", lang))
    return finish_layout(fig, tr("chart.mask_title", lang), height=140 + 48 * rows)


def lengths_figure(lengths: np.ndarray, original_lengths: np.ndarray, lang: str = "en") -> go.Figure:
    """lengths, original_lengths: (B,) -> horizontal bars, the truncated part stacked on top."""
    labels = _row_labels(len(lengths), lang)
    cut = np.maximum(original_lengths - lengths, 0)
    fig = go.Figure([
        go.Bar(y=labels, x=lengths, orientation="h", name=tr("chart.kept", lang), marker_color=OKABE_ITO[2],
               text=lengths, textposition="inside", insidetextanchor="middle"),
        go.Bar(y=labels, x=cut, orientation="h", name=tr("chart.cut", lang), marker_color=OKABE_ITO[5],
               text=[str(c) if c else "" for c in cut], textposition="inside"),
    ])
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.25})
    fig.update_yaxes(autorange="reversed", title=tr("chart.sentence", lang))
    fig.update_xaxes(title=tr("chart.lengths_axis", lang))
    return finish_layout(fig, tr("chart.lengths_title", lang), height=200 + 40 * len(lengths))


def _sentence_colours(count: int) -> list[str]:
    return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(count)]


def packed_figure(view: PackedView, words: np.ndarray, row_count: int, lang: str = "en") -> go.Figure:
    """Time steps across, the rows still running at each step down, one colour per sentence.

    view: the packed batch; words: (B, T) left-aligned words, so ``words[row, step]`` labels an element
    """
    steps = len(view.batch_sizes)
    slots = int(view.batch_sizes.max())
    rows = np.full((slots, steps), np.nan)
    text = np.full((slots, steps), "", dtype=object)
    hover = np.full((slots, steps), "", dtype=object)
    offsets = np.concatenate([[0], np.cumsum(view.batch_sizes)])
    for step in range(steps):
        for slot in range(int(view.batch_sizes[step])):
            element = offsets[step] + slot
            row = int(view.row_of[element])
            rows[slot, step] = row
            text[slot, step] = str(view.data[element])
            hover[slot, step] = (f"{tr('chart.sentence', lang)} {row + 1}, t={step}<br>id {view.data[element]}"
                                 f"<br>{tr('chart.hover.word', lang)}: {words[row, step]}"
                                 f"<br>packed.data[{element}]")
    show_text = steps <= MAX_COLUMNS_WITH_TEXT
    fig = make_subplots(rows=2, cols=1, row_heights=[0.25, 0.75], shared_xaxes=True, vertical_spacing=0.06)
    fig.add_trace(go.Bar(x=list(range(steps)), y=view.batch_sizes, marker_color="#999999",
                         name=tr("chart.batch_sizes", lang), text=view.batch_sizes if show_text else None,
                         textposition="outside", hovertemplate="t=%{x}: batch_sizes=%{y}<extra></extra>"),
                  row=1, col=1)
    fig.add_trace(go.Heatmap(
        z=rows, x=list(range(steps)), y=list(range(slots)), zmin=0, zmax=row_count,
        colorscale=_discrete_colourscale(_sentence_colours(row_count)),
        colorbar=_discrete_colourbar(_row_labels(row_count, lang), tr("chart.sentence", lang)) | {"y": 0.38},
        text=text, texttemplate="%{text}" if show_text else None,
        textfont={"size": _cell_font(steps), "color": "white"},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>", xgap=2, ygap=2, showscale=True,
    ), row=2, col=1)
    fig.update_yaxes(title=tr("chart.batch_sizes", lang), row=1, col=1, rangemode="tozero")
    fig.update_yaxes(title=tr("chart.slot", lang), autorange="reversed", dtick=1, row=2, col=1)
    fig.update_xaxes(title=tr("chart.time_step", lang), row=2, col=1)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": 1.08, "x": 1, "xanchor": "right"})
    return finish_layout(fig, tr("chart.packed_title", lang), height=260 + 44 * slots)


def packed_data_figure(view: PackedView, row_count: int, lang: str = "en") -> go.Figure:
    """packed.data as one strip, coloured by sentence, with the step boundaries marked."""
    count = len(view.data)
    fig = go.Figure(go.Heatmap(
        z=view.row_of[None, :].astype(float), x=list(range(count)), y=["data"], zmin=0, zmax=row_count,
        colorscale=_discrete_colourscale(_sentence_colours(row_count)),
        colorbar=_discrete_colourbar(_row_labels(row_count, lang), tr("chart.sentence", lang)),
        text=view.data[None, :].astype(str), customdata=view.step_of[None, :],
        texttemplate="%{text}" if count <= 2 * MAX_COLUMNS_WITH_TEXT else None,
        textfont={"size": BASE_FONT - 2, "color": "white"},
        hovertemplate="packed.data[%{x}] = %{text}<br>t=%{customdata}<extra></extra>", xgap=1,
    ))
    offsets = np.cumsum(view.batch_sizes)[:-1]
    for boundary in offsets:
        fig.add_vline(x=boundary - 0.5, line_width=3, line_color="#333333")
    fig.update_xaxes(title=tr("chart.element", lang))
    fig.update_yaxes(title="packed", showticklabels=False)
    return finish_layout(fig, tr("chart.packed_data_title", lang), height=230)
