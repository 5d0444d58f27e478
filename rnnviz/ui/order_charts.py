"""Pure chart builders of the "Why word order matters" page: arrays in, plotly figure out.

Same rules as :mod:`rnnviz.ui.charts`: axis titles, a legend, large fonts, Okabe-Ito colours, and
user text (review words, model names) escaped: plotly reads tags in labels.
"""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.ui.charts import BASE_FONT, OKABE_ITO, finish_layout
from rnnviz.ui.texts import TEXTS, tr

IN_ORDER, SHUFFLED = OKABE_ITO[0], OKABE_ITO[1]
# The bag of words first (vermillion), then the RNNs.
SERIES_COLOURS = tuple(OKABE_ITO[i] for i in (5, 0, 2, 1, 3))
POSITIVE, NEGATIVE = OKABE_ITO[0], OKABE_ITO[5]


def _escape(text: object) -> str:
    return html.escape(str(text), quote=False)


def shuffle_figure(names: Sequence[str], in_order: Sequence[float], shuffled: Sequence[float],
                   lang: str = "en") -> go.Figure:
    """Two bars per model: P(positive) of the text, and of the same words shuffled."""
    labels = [_escape(name) for name in names]
    fig = go.Figure()
    for key, values, colour in (("chart.order.in_order", in_order, IN_ORDER),
                                ("chart.order.shuffled", shuffled, SHUFFLED)):
        fig.add_trace(go.Bar(x=[float(v) for v in values], y=labels, orientation="h", name=tr(key, lang),
                             marker_color=colour, text=[f"{float(v):.3f}" for v in values], textposition="outside",
                             textfont={"size": BASE_FONT + 2}, hovertemplate="%{y}: P(+) = %{x:.6f}<extra></extra>"))
    fig.add_vline(x=0.5, line_dash="dash", line_color="#000000")
    fig.update_xaxes(title_text=tr("chart.predict.x", lang), range=[0, 1.15], tickformat=".0%",
                     tickvals=[0, 0.25, 0.5, 0.75, 1])
    fig.update_yaxes(title_text=tr("chart.order.y", lang), autorange="reversed")
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.3})
    return finish_layout(fig, tr("chart.order.shuffle.title", lang), 200 + 90 * max(len(labels), 1))


def bag_words_figure(words: Sequence[str], scores: np.ndarray, lang: str = "en") -> go.Figure:
    """One bar per word read by a bag of words: its score, coloured by the way it pushes."""
    scores = np.asarray(scores, dtype=float)
    positions = list(range(len(words)))
    ticks = [f"{_escape(w)}" for w in words]
    fig = go.Figure()
    for positive in (True, False):
        rows = [i for i in positions if (scores[i] >= 0) == positive]
        fig.add_trace(go.Bar(x=rows, y=[float(scores[i]) for i in rows], marker_color=POSITIVE if positive else NEGATIVE,
                             name=tr("chart.order.words.positive" if positive else "chart.order.words.negative", lang),
                             customdata=[ticks[i] for i in rows],
                             hovertemplate="%{customdata}: %{y:+.3f}<extra></extra>"))
    fig.add_hline(y=float(scores.mean()) if len(scores) else 0.0, line_dash="dot", line_color="#000000")
    fig.update_xaxes(title_text=tr("chart.order.words.x", lang), tickmode="array", tickvals=positions,
                     ticktext=ticks, tickangle=-60 if len(words) > 8 else 0)
    fig.update_yaxes(title_text=tr("chart.order.words.y", lang), zeroline=True, zerolinecolor="#666666")
    fig.update_layout(barmode="overlay", legend={"orientation": "h", "y": -0.35 if len(words) > 8 else -0.25})
    return finish_layout(fig, tr("chart.order.words.title", lang), 500)


def categories_figure(categories: Sequence[str], shares: dict[str, Sequence[float]], lang: str = "en") -> go.Figure:
    """Grouped bars: per category, the share of pairs each model gets fully right.

    categories: (C,) category keys; shares: model name -> (C,) shares in [0, 1]
    """
    labels = [tr(f"order.category.{c}", lang) if f"order.category.{c}" in TEXTS else _escape(c) for c in categories]
    fig = go.Figure()
    for i, (name, values) in enumerate(shares.items()):
        fig.add_trace(go.Bar(x=labels, y=[float(v) for v in values], name=_escape(name),
                             marker_color=SERIES_COLOURS[i % len(SERIES_COLOURS)],
                             text=[f"{float(v):.0%}" for v in values], textposition="outside",
                             textfont={"size": BASE_FONT}, hovertemplate="%{x}: %{y:.0%}<extra></extra>"))
    fig.update_yaxes(title_text=tr("chart.order.categories.y", lang), range=[0, 1.15], tickformat=".0%")
    fig.update_xaxes(title_text=tr("chart.order.categories.x", lang))
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.45})
    return finish_layout(fig, tr("chart.order.categories.title", lang), 540)

