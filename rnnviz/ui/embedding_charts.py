"""Pure chart builders of the Embeddings page: arrays in, plotly Figure out, written as plain dicts
(:mod:`rnnviz.ui.figure_kit`, which says why)."""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.ui.charts import BASE_FONT, OKABE_ITO
from rnnviz.ui.figure_kit import (
    BOTTOM_LEGEND, DIVERGING, SEQUENTIAL, colourbar, grouped_bars, plain_figure, rounded, safe_words, titled,
)
from rnnviz.ui.texts import tr


def matrix_figure(matrix: np.ndarray, rows: Sequence[str], title: str, lang: str = "en",
                  highlight: Sequence[int] = ()) -> go.Figure:
    """A small matrix with its values written in the cells (rows = words or ids, columns = dimensions)."""
    n, dims = matrix.shape
    bound = max(float(np.abs(matrix).max()) if matrix.size else 1.0, 1e-6)
    labels = [f"▶ {r}" if i in highlight else str(r) for i, r in enumerate(safe_words(rows))]
    data = [{"type": "heatmap", "z": rounded(matrix, 3), "x": [f"d{j}" for j in range(dims)], "y": labels,
             "zmin": -bound, "zmax": bound, "zmid": 0, "colorscale": DIVERGING,
             "text": np.round(matrix, 2).astype(str).tolist(), "texttemplate": "%{text}" if dims <= 16 else "",
             "textfont": {"size": BASE_FONT - 3}, "xgap": 2, "ygap": 2,
             "colorbar": colourbar(tr("probe.value", lang)),
             "hovertemplate": "%{y}, %{x} = %{z:.3f}<extra></extra>"}]
    layout = {"yaxis": titled(tr("emb.axis.row", lang)) | {"autorange": "reversed", "type": "category"},
              "xaxis": titled(tr("emb.axis.dimension", lang))}
    return plain_figure(data, layout, title, 180 + 40 * n)


def freeze_figure(change_frozen: np.ndarray, change_free: np.ndarray, lang: str = "en") -> go.Figure:
    rows = [f"{tr('emb.axis.row', lang)} {i}" for i in range(len(change_free))]
    return grouped_bars(rows, [("freeze=True", change_frozen, OKABE_ITO[0]),
                                ("freeze=False", change_free, OKABE_ITO[1])],
                         tr("emb.freeze.x", lang), tr("emb.freeze.y", lang), tr("emb.freeze.title", lang), 420)


def _polarity_marker(polarity: np.ndarray, size: int) -> dict:
    return {"size": size, "color": rounded(polarity, 3), "cmin": 0, "cmax": 1, "colorscale": DIVERGING,
            "colorbar": colourbar("P(+)"), "line": {"width": 0.5, "color": "#555555"}}


def _labelled(words: Sequence[str], labelled: int, by: np.ndarray) -> list[str]:
    """Write only the ``labelled`` words at the two ends of ``by`` (n,): the telling ones, not the crowd."""
    order = np.argsort(np.asarray(by), kind="stable")
    keep = set(order[: labelled // 2].tolist()) | set(order[len(order) - labelled // 2:].tolist())
    return [w if i in keep else "" for i, w in enumerate(words)]


def space_figure(words: Sequence[str], coords: np.ndarray, polarity: np.ndarray, explained: np.ndarray,
                 dims: int = 2, labelled: int = 40, lang: str = "en") -> go.Figure:
    """Words placed by PCA of their embeddings (coords (n, 3)), coloured by polarity (n,); the
    ``labelled`` most positive and negative words are written, the others shown on hover."""
    safe = safe_words(words)
    axes = [f"PC{i + 1} ({explained[i]:.0%})" for i in range(3)]
    trace = {"mode": "markers+text", "text": _labelled(safe, labelled, polarity), "name": tr("emb.space.words", lang),
             "customdata": [f"{w}<br>P(+) = {p:.2f}" for w, p in zip(safe, polarity)],
             "hovertemplate": "%{customdata}<extra></extra>", "textfont": {"size": BASE_FONT - 3},
             "x": rounded(coords[:, 0]), "y": rounded(coords[:, 1])}
    layout = {"showlegend": True, "legend": {"orientation": "h", "y": -0.12}}
    if dims == 3:
        trace |= {"type": "scatter3d", "z": rounded(coords[:, 2]), "marker": _polarity_marker(polarity, 4)}
        layout["scene"] = {"xaxis": titled(axes[0]), "yaxis": titled(axes[1]), "zaxis": titled(axes[2])}
    else:
        trace |= {"type": "scattergl", "textposition": "top center", "marker": _polarity_marker(polarity, 8)}
        layout |= {"xaxis": titled(axes[0]), "yaxis": titled(axes[1])}
    return plain_figure([trace], layout, tr("emb.space.title", lang, count=len(words)), 680)


def neighbours_figure(word: str, words: Sequence[str], similarity: np.ndarray, lang: str = "en",
                      title: str | None = None) -> go.Figure:
    distance = 1.0 - np.asarray(similarity, dtype=np.float64)
    data = [{"type": "bar", "x": rounded(distance), "y": safe_words(words), "orientation": "h",
             "marker": {"color": OKABE_ITO[0]}, "text": [f"cos {s:.2f}" for s in similarity],
             "textposition": "outside", "name": tr("emb.near.distance", lang), "showlegend": True,
             "hovertemplate": "%{y}: 1 - cos = %{x:.3f}<extra></extra>"}]
    layout = {"yaxis": titled(tr("emb.near.y", lang)) | {"autorange": "reversed", "type": "category"},
              "xaxis": titled(tr("emb.near.distance", lang)) | {
                  "range": [0, max(1.0, 1.3 * float(distance.max(initial=0)))]},
              "legend": BOTTOM_LEGEND}
    title = html.escape(title) if title is not None else tr("emb.near.title", lang, word=html.escape(word))
    return plain_figure(data, layout, title, 240 + 34 * len(words))


def axis_figure(words: Sequence[str], position: np.ndarray, polarity: np.ndarray, negative: str, positive: str,
                labelled: int = 40, lang: str = "en") -> go.Figure:
    """Words on the semantic axis (x: -1 = negative anchor, +1 = positive anchor) against polarity (y)."""
    safe = safe_words(words)
    data = [{"type": "scattergl", "x": rounded(position), "y": rounded(polarity), "mode": "markers+text",
             "text": _labelled(safe, labelled, position), "textposition": "top center", "customdata": safe,
             "marker": _polarity_marker(polarity, 8), "name": tr("emb.space.words", lang),
             "textfont": {"size": BASE_FONT - 3},
             "hovertemplate": "%{customdata}: %{x:.2f}, P(+) = %{y:.2f}<extra></extra>"}]
    shapes = [{"type": "line", "x0": x, "x1": x, "yref": "paper", "y0": 0, "y1": 1,
               "line": {"dash": "dot", "color": "#333333"}} for x in (-1, 1)]
    annotations = [{"x": x, "y": 1.0, "yref": "paper", "text": html.escape(w), "showarrow": False,
                    "yanchor": "bottom", "font": {"size": BASE_FONT}} for x, w in ((-1, negative), (1, positive))]
    layout = {"shapes": shapes, "annotations": annotations, "showlegend": True, "legend": BOTTOM_LEGEND,
              "xaxis": titled(tr("emb.axis.x", lang, negative=html.escape(negative), positive=html.escape(positive))),
              "yaxis": titled(tr("emb.axis.y", lang)) | {"range": [-0.02, 1.05]}}
    return plain_figure(data, layout, tr("emb.axis.title", lang), 560)


def comparison_figure(words: Sequence[str], polarity_a: np.ndarray, polarity_b: np.ndarray, overlap: np.ndarray,
                      name_a: str, name_b: str, labelled: int = 30, lang: str = "en") -> go.Figure:
    safe = safe_words(words)
    data = [{"type": "scattergl", "x": rounded(polarity_a), "y": rounded(polarity_b), "mode": "markers+text",
             "text": _labelled(safe, labelled, np.asarray(polarity_a) + np.asarray(polarity_b)),
             "textposition": "top center", "customdata": safe, "name": tr("emb.space.words", lang),
             "marker": {"size": 8, "color": rounded(overlap, 3), "cmin": 0, "cmax": 1, "colorscale": SEQUENTIAL,
                        "colorbar": colourbar(tr("emb.compare.overlap", lang))},
             "hovertemplate": "%{customdata}: %{x:.2f} / %{y:.2f}<extra></extra>"},
            {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines", "name": "y = x",
             "line": {"color": "#999999", "dash": "dot"}}]
    layout = {"xaxis": titled(f"P(+) {html.escape(name_a)}") | {"range": [-0.02, 1.02]},
              "yaxis": titled(f"P(+) {html.escape(name_b)}") | {"range": [-0.02, 1.02]},
              "legend": BOTTOM_LEGEND}
    return plain_figure(data, layout, tr("emb.compare.title", lang), 600)


def timeline_figure(words: Sequence[str], coords: np.ndarray, polarity: np.ndarray, epochs: Sequence[int],
                    explained: np.ndarray, lang: str = "en", labelled: int = 24, at_last: bool = False) -> go.Figure:
    """The word map at every epoch of a training run, on the same axes: coords (S, W, 2), polarity (S, W).

    A slider and a play button step through the epochs in the browser (plotly frames: no round trip to
    the server). The ``labelled`` words written are the most polar ones of the last epoch, in every frame,
    so the eye can follow them from the start. at_last: open on the last epoch (a live view) instead of epoch 0.
    """
    safe = safe_words(words)
    text = _labelled(safe, labelled, polarity[-1])
    epoch_label = tr("emb.timeline.epoch", lang)

    def trace(step: int) -> dict:
        return {"type": "scatter", "mode": "markers+text", "x": rounded(coords[step, :, 0]),
                "y": rounded(coords[step, :, 1]), "text": text, "textposition": "top center",
                "textfont": {"size": BASE_FONT - 3}, "marker": _polarity_marker(polarity[step], 9),
                "customdata": [f"{w}<br>P(+) = {p:.2f}" for w, p in zip(safe, polarity[step])],
                "hovertemplate": "%{customdata}<extra></extra>", "name": tr("emb.space.words", lang)}

    # Fixed ranges: the map must not re-zoom from one epoch to the next.
    low, high = coords[..., :2].min(axis=(0, 1)), coords[..., :2].max(axis=(0, 1))
    pad = 0.08 * np.maximum(high - low, 1e-6)
    names = [str(int(epoch)) for epoch in epochs]
    frames = [go.Frame(data=[trace(step)], name=name) for step, name in enumerate(names)]
    play = {"frame": {"duration": 900, "redraw": True}, "fromcurrent": True, "transition": {"duration": 500}}
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": {"duration": 0}}
    layout = {
        "xaxis": titled(f"PC1 ({explained[0]:.0%})") | {"range": [float(low[0] - pad[0]), float(high[0] + pad[0])]},
        "yaxis": titled(f"PC2 ({explained[1]:.0%})") | {"range": [float(low[1] - pad[1]), float(high[1] + pad[1])]},
        "showlegend": True, "legend": {"orientation": "h", "y": -0.32},
        "margin": {"l": 20, "r": 20, "t": 60, "b": 150},
        "updatemenus": [{"type": "buttons", "direction": "left", "x": 0.0, "y": -0.1, "xanchor": "left",
                         "yanchor": "top", "pad": {"r": 10, "t": 10}, "font": {"size": BASE_FONT},
                         "buttons": [{"label": "▶ " + tr("emb.timeline.play", lang), "method": "animate",
                                      "args": [None, play]},
                                     {"label": "■ " + tr("emb.timeline.pause", lang), "method": "animate",
                                      "args": [[None], pause]}]}],
        "sliders": [{"active": len(names) - 1 if at_last else 0, "x": 0.25, "len": 0.75, "y": -0.1, "yanchor": "top", "pad": {"t": 10},
                     "currentvalue": {"prefix": f"{epoch_label} ", "font": {"size": BASE_FONT + 2}, "xanchor": "right"},
                     "font": {"size": BASE_FONT},
                     "steps": [{"label": name, "method": "animate",
                                "args": [[name], pause | {"frame": {"duration": 0, "redraw": True}}]}
                               for name in names]}],
    }
    figure = plain_figure([trace(len(names) - 1 if at_last else 0)], layout,
                     tr("emb.timeline.title", lang, count=len(words)), 760)
    figure.frames = frames
    return figure


def probe_curves_figure(epochs: Sequence[int], texts: Sequence[str], probes: np.ndarray, lang: str = "en",
                        title: str | None = None) -> go.Figure:
    """P(positive) of each probe review (probes (S, P)) after each epoch; epoch 0 = before training."""
    data = [{"type": "scatter", "mode": "lines+markers", "x": list(map(int, epochs)), "y": rounded(probes[:, i], 3),
             "name": html.escape(text if len(text) <= 48 else text[:47] + "…", quote=False),
             "line": {"width": 3, "color": OKABE_ITO[i % len(OKABE_ITO)]}, "marker": {"size": 9},
             "hovertemplate": f"{tr('emb.timeline.epoch', lang)} %{{x}}: P(+) = %{{y:.2f}}<extra></extra>"}
            for i, text in enumerate(texts)]
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
               "line": {"dash": "dot", "color": "#333333"}}]
    layout = {"shapes": shapes, "showlegend": True, "legend": {"orientation": "h", "y": -0.25},
              "xaxis": titled(tr("emb.timeline.epoch", lang)) | {"dtick": 1},
              "yaxis": titled(tr("emb.timeline.probability", lang)) | {"range": [-0.02, 1.02]}}
    return plain_figure(data, layout, title or tr("emb.timeline.probes.title", lang), 420 + 28 * len(texts))
