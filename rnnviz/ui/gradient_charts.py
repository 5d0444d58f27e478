"""Pure chart builders of the gradients page: results of :mod:`rnnviz.gradients` in, plotly figures out.

No streamlit here. Log-scale y axes; values that are 0 (underflow) or inf/nan (overflow) cannot be
drawn on a log scale, so they are left as gaps and their zone is shaded and labelled instead.
"""

from __future__ import annotations

import html
from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.gradients import (COURSE_POINTS, FLOAT32_EPS, FLOAT32_MAX, FLOAT32_TINY, MAX_STEPS, GradientDecay,
                              Saliency, product_curve)
from rnnviz.models import CELLS
from rnnviz.ui.charts import BASE_FONT, OKABE_ITO, finish_layout
from rnnviz.ui.texts import tr

CELL_COLOURS = {"rnn": OKABE_ITO[5], "lstm": OKABE_ITO[0], "gru": OKABE_ITO[2], "linear": OKABE_ITO[3]}
THEORY_COLOUR = "#555555"
ZONE_COLOUR = "rgba(213, 94, 0, 0.12)"  # vermillion, light: the float32 trouble zones
# Blue (towards "negative") - white - orange (towards "positive"): colour-blind safe, and it reads
# without colour too (the colour bar is labelled).
DIVERGING = [[0.0, OKABE_ITO[0]], [0.5, "#FFFFFF"], [1.0, OKABE_ITO[1]]]
WORDS_PER_ROW = 10
MAX_WORD_CHARS = 10
MAX_SALIENCY_WORDS = 100


def readable(value: float) -> str:
    """20,959 for large numbers, 4.32e-05 for small ones."""
    return f"{value:,.0f}" if 1 <= abs(value) < 1e9 else f"{value:.3g}"


def _log_values(values: np.ndarray) -> list:
    """Values for a log axis: 0, negative and non-finite become gaps (None)."""
    return [float(v) if np.isfinite(v) and v > 0 else None for v in values]


def _horizontal(fig: go.Figure, y: float, text: str, **where) -> None:
    fig.add_hline(y=y, line_dash="dot", line_color=THEORY_COLOUR, line_width=2, annotation_text=text,
                  annotation_position="bottom left", annotation_font_size=BASE_FONT - 2, **where)


def product_figure(factor: float, steps: int = MAX_STEPS, lang: str = "en") -> go.Figure:
    """factor^T for T = 0..steps, beside the course's 1.01 and 0.99, log scale, course values marked."""
    fig = go.Figure()
    for value, (course_factor, course_steps) in zip((1.01, 0.99), COURSE_POINTS):
        curve = product_curve(value, steps)
        fig.add_trace(go.Scatter(x=curve.steps, y=curve.values, mode="lines", line={"width": 2, "dash": "dash",
                                 "color": OKABE_ITO[1] if value > 1 else OKABE_ITO[4]},
                                 name=f"{value}<sup>T</sup> ({tr('gradients.chart.course', lang)})"))
        end = course_factor ** course_steps
        fig.add_trace(go.Scatter(x=[course_steps], y=[end], mode="markers+text", showlegend=False,
                                 marker={"size": 12, "color": OKABE_ITO[1] if value > 1 else OKABE_ITO[4]},
                                 text=[f"{course_factor}<sup>{course_steps}</sup> = {readable(end)}"],
                                 textposition="top left" if value > 1 else "bottom left",
                                 textfont={"size": BASE_FONT}, hoverinfo="skip"))
    curve = product_curve(factor, steps)
    fig.add_trace(go.Scatter(x=curve.steps, y=_log_values(curve.values), mode="lines", name=f"{factor:g}<sup>T</sup>",
                             line={"width": 5, "color": OKABE_ITO[5]},
                             hovertemplate="T=%{x}: %{y:.3g}<extra></extra>"))
    _horizontal(fig, 1.0, "")
    low, high = float(np.nanmin(curve.values)), float(np.nanmax(curve.values))
    if high > 1e30:
        _horizontal(fig, FLOAT32_MAX, tr("gradients.chart.float32_max", lang))
    if low < 1e-30:
        _horizontal(fig, FLOAT32_TINY, tr("gradients.chart.float32_tiny", lang))
    fig.update_yaxes(type="log", title=tr("gradients.chart.product_axis", lang), exponentformat="power")
    fig.update_xaxes(title=tr("gradients.chart.steps_axis", lang))
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return finish_layout(fig, tr("gradients.chart.theory_title", lang, factor=factor), height=520)


def _zones(fig: go.Figure, decay: GradientDecay, lang: str, row: int | None = None, col: int | None = None,
           short: bool = False) -> None:
    """Shade where the float32 gradient is exactly 0 (underflow) or inf/nan (overflow), labelled at the top
    (just left of the zone when it starts late, so that the label stays on the chart)."""
    where = {"row": row, "col": col} if row else {}
    end = decay.steps - 1
    for start, key in ((decay.first_underflow, "gradients.chart.underflow"),
                       (decay.first_overflow, "gradients.chart.overflow")):
        if start is not None:
            late = start > 0.5 * end
            fig.add_vrect(x0=start, x1=max(end, start + 1), fillcolor=ZONE_COLOUR, line_width=0, layer="below",
                          annotation_text=tr(key + (".short" if short else ""), lang, step=start),
                          annotation_position="top left" if not late else "top right",
                          annotation_xanchor="right" if late else "left",
                          annotation_x=start if late else None,
                          annotation_font_size=BASE_FONT - 2, **where)


def spectral_figure(decay: GradientDecay, radius: float, lang: str = "en") -> go.Figure:
    """The measured ||dL/dh_(T-k)|| / ||dL/dh_T|| against k, with radius^k for comparison."""
    k = decay.distance
    fig = go.Figure()
    with np.errstate(over="ignore"):
        theory = np.power(float(radius), k, dtype=np.float64)
    fig.add_trace(go.Scatter(x=k, y=_log_values(theory), mode="lines", name=f"ρ<sup>k</sup> = {radius:g}<sup>k</sup>",
                             line={"dash": "dash", "width": 2, "color": THEORY_COLOUR}))
    fig.add_trace(go.Scatter(x=k, y=_log_values(decay.relative), mode="lines",
                             name=tr("gradients.chart.measured", lang), line={"width": 4, "color": CELL_COLOURS[decay.cell]},
                             hovertemplate="k=%{x}: %{y:.3g}<extra></extra>"))
    _horizontal(fig, FLOAT32_EPS, tr("gradients.chart.eps", lang))
    _horizontal(fig, 1.0, "")
    _zones(fig, decay, lang)
    fig.update_yaxes(type="log", title=tr("gradients.chart.relative_axis", lang), exponentformat="power")
    fig.update_xaxes(title=tr("gradients.chart.distance_axis", lang), range=[0, max(decay.steps - 1, 1)])
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return finish_layout(fig, tr("gradients.chart.spectral_title", lang, radius=radius), height=520)


def decay_figure(trained: Mapping[str, GradientDecay], fresh: Mapping[str, GradientDecay], which: str = "state",
                 lang: str = "en") -> go.Figure:
    """One panel per cell: the trained model (solid) and a fresh one of the same size (dotted).

    which: "state" for ||dL/dh_t||, "input" for ||dL/dx_t||, both relative to the last step's.
    """
    cells = [c for c in CELLS if c in trained or c in fresh]
    fig = make_subplots(rows=1, cols=max(len(cells), 1), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[c.upper() for c in cells])
    for col, cell in enumerate(cells, start=1):
        for decay, is_trained in ((trained.get(cell), True), (fresh.get(cell), False)):
            if decay is None:
                continue
            norms = decay.state_norm if which == "state" else decay.input_norm
            with np.errstate(divide="ignore", invalid="ignore"):
                relative = norms / norms[0]
            kind = tr("gradients.chart.trained" if is_trained else "gradients.chart.fresh", lang)
            fig.add_trace(go.Scatter(
                x=decay.distance, y=_log_values(relative), mode="lines", name=f"{cell.upper()}, {kind}",
                line={"color": CELL_COLOURS[cell], "width": 4 if is_trained else 3, "dash": None if is_trained else "dot"},
                hovertemplate=f"{html.escape(decay.label)}<br>k=%{{x}}: %{{y:.3g}}<extra></extra>"), row=1, col=col)
            if is_trained or cell not in trained:
                _zones(fig, decay, lang, row=1, col=col, short=True)
        fig.add_hline(y=FLOAT32_EPS, line_dash="dot", line_color=THEORY_COLOUR, row=1, col=col)
        fig.update_xaxes(title=tr("gradients.chart.distance_axis_short", lang), row=1, col=col)
    fig.update_yaxes(type="log", exponentformat="power", row=1, col=1,
                     title=tr(f"gradients.chart.relative_{which}_axis", lang))
    fig.update_yaxes(type="log", exponentformat="power")
    fig.update_layout(legend={"orientation": "h", "y": -0.25})
    fig.add_annotation(text=tr("gradients.chart.eps_short", lang), xref="paper", yref="y", x=0, y=np.log10(FLOAT32_EPS),
                       showarrow=False, yanchor="bottom", xanchor="left", font={"size": BASE_FONT - 3})
    return finish_layout(fig, tr("gradients.chart.decay_title", lang), height=560)


def _word(token: str) -> str:
    """A word as plotly text: cut when long, HTML-escaped (plotly reads tags in text)."""
    token = token if len(token) <= MAX_WORD_CHARS else token[: MAX_WORD_CHARS - 1] + "…"
    return html.escape(token, quote=True)


def float32_note(decay: GradientDecay, lang: str = "en") -> str:
    """One sentence on what float32 made of this gradient (overflow, underflow, lost precision)."""
    if decay.first_overflow is not None:
        return tr("gradients.note.overflow", lang, step=decay.first_overflow)
    if decay.first_underflow is not None:
        return tr("gradients.note.underflow", lang, step=decay.first_underflow, eps_step=decay.first_below_eps)
    if decay.first_below_eps is not None:
        return tr("gradients.note.below_eps", lang, step=decay.first_below_eps)
    return tr("gradients.note.fine", lang, steps=decay.steps)


def saliency_figure(items: Sequence[tuple[bool, Saliency]], lang: str = "en", words_per_row: int = WORDS_PER_ROW,
                    max_words: int = MAX_SALIENCY_WORDS) -> go.Figure:
    """Each model's words in reading order, coloured by their gradient x input (per-model scale).

    items: (trained?, Saliency) per model. Only the last ``max_words`` words of each review are drawn
    (the title says so when cut).
    """
    saliencies = [s for _, s in items]
    rows_per_model = [max(1, -(-min(len(s.tokens), max_words) // words_per_row)) for s in saliencies]
    untrained = f" ({tr('gradients.chart.fresh', lang)})"
    titles = [f"{html.escape(s.label)}{'' if trained else untrained}: P({tr('gradients.chart.positive', lang)}) = "
              f"{s.probability:.2f}" for trained, s in items]
    row_px, gap_px, bar_px = 40, 70, 110
    height = 80 + bar_px + sum(row_px * r for r in rows_per_model) + gap_px * max(len(saliencies) - 1, 0)
    fig = make_subplots(rows=max(len(saliencies), 1), cols=1, subplot_titles=titles or None,
                        row_heights=rows_per_model or None, vertical_spacing=gap_px / height)
    for index, (item, rows) in enumerate(zip(saliencies, rows_per_model), start=1):
        start = max(0, len(item.tokens) - max_words)
        scale = float(np.abs(item.contribution).max()) if len(item.contribution) else 0.0
        values = item.contribution[start:] / scale if scale > 0 else np.zeros(len(item.tokens) - start)
        z = np.full(rows * words_per_row, np.nan)
        text = np.full(rows * words_per_row, "", dtype=object)
        position = np.full(rows * words_per_row, -1)
        z[: len(values)] = values
        text[: len(values)] = [_word(w) for w in item.tokens[start:]]
        position[: len(values)] = np.arange(start, len(item.tokens))
        fig.add_trace(go.Heatmap(
            z=z.reshape(rows, words_per_row), text=text.reshape(rows, words_per_row),
            customdata=position.reshape(rows, words_per_row), texttemplate="%{text}",
            textfont={"size": BASE_FONT - 2, "color": "#000000"}, zmin=-1, zmax=1, colorscale=DIVERGING,
            showscale=index == 1, xgap=2, ygap=2,
            colorbar={"title": {"text": tr("gradients.chart.saliency_bar", lang), "side": "top"},
                      "tickvals": [-1, 0, 1], "orientation": "h", "x": 0.5, "xanchor": "center",
                      "y": -30 / height, "yanchor": "top", "len": 0.5, "thickness": 16,
                      "ticktext": [tr("gradients.chart.towards_negative", lang), "0",
                                   tr("gradients.chart.towards_positive", lang)]},
            hovertemplate=f"%{{text}} (#%{{customdata}})<br>{tr('gradients.chart.saliency_hover', lang)}: "
                          "%{z:.2f}<extra></extra>"), row=index, col=1)
        fig.update_yaxes(autorange="reversed", showticklabels=False, showgrid=False, zeroline=False, ticks="",
                         title=tr("gradients.chart.line", lang) if rows > 2 else None, row=index, col=1)
        fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False, ticks="", row=index, col=1)
    cut = any(len(s.tokens) > max_words for s in saliencies)
    title = tr("gradients.chart.saliency_title_cut" if cut else "gradients.chart.saliency_title", lang, words=max_words)
    fig = finish_layout(fig, title, height=height)
    fig.update_layout(margin={"b": bar_px})
    fig.update_annotations(font_size=BASE_FONT)  # the subplot titles
    return fig
